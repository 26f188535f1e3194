// Nonidealities inside layers: noise never touches the weights, phases (train/eval/both) switch them
// on and off, and a simulated chip keeps its fixed pattern on every pass.
#include "model/network_p.h"
#include "spec/presetlibrary.h"

#include <QtTest>

using namespace qb;

namespace {

NoiseSpec noise(const QString &model, NoisePhase phase, const QJsonObject &params = {})
{
    NoiseSpec n;
    n.model = model;
    n.phase = phase;
    n.params = params;
    return n;
}

/// larq-mnist-bnn with the given nonidealities on every conv/dense layer.
std::shared_ptr<NetworkModule> bnnWith(const QList<NoiseSpec> &noises)
{
    NetworkSpec spec = *PresetLibrary::load(QStringLiteral("larq-mnist-bnn"));
    for (LayerSpec &layer : spec.layers) {
        if (layer.hasWeights())
            layer.nonidealities = noises;
    }
    auto net = NetworkModule::build(spec);
    return net.ok() ? *net : nullptr;
}

std::vector<torch::Tensor> snapshot(NetworkModule &net)
{
    std::vector<torch::Tensor> copies;
    for (const auto &p : net.named_parameters(true))
        copies.push_back(p.value().clone());
    for (const auto &b : net.named_buffers(true))
        copies.push_back(b.value().clone());
    for (int i = 0; i < net.layerCount(); ++i) {
        const torch::Tensor w = net.layer(i).effectiveWeight();
        if (w.defined())
            copies.push_back(w.detach().clone());
    }
    return copies;
}

bool identical(const std::vector<torch::Tensor> &a, const std::vector<torch::Tensor> &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (!torch::equal(a[i], b[i]))
            return false;
    }
    return true;
}

} // namespace

class TestNoisyLayers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::manual_seed(3); }
    void thousandNoisyPassesLeaveWeightsBitIdentical();
    void trainingOnlyNoiseIsOffInEvaluation();
    void evaluationNoiseIsOffInTraining();
    void chipPatternIsFixedPerChipAndDiffersBetweenChips();
    void perPassNoiseRedrawsEveryPass();
};

void TestNoisyLayers::thousandNoisyPassesLeaveWeightsBitIdentical()
{
    auto net = bnnWith({noise(QStringLiteral("weight_noise"), NoisePhase::Both,
                              {{QStringLiteral("sigma"), 0.5}, {QStringLiteral("on"), QStringLiteral("latent")}}),
                        noise(QStringLiteral("weight_noise"), NoisePhase::Both, {{QStringLiteral("sigma"), 0.5}}),
                        noise(QStringLiteral("process_variation"), NoisePhase::Both, {{QStringLiteral("uniform"), 0.5}}),
                        noise(QStringLiteral("stuck_at"), NoisePhase::Both, {{QStringLiteral("p"), 0.2}}),
                        noise(QStringLiteral("output_noise"), NoisePhase::Both, {{QStringLiteral("sigma"), 0.5}})});
    QVERIFY(net);
    net->eval(); // BatchNorm running statistics would change in training mode
    const auto before = snapshot(*net);
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::randn({2, 1, 28, 28});
    for (int i = 0; i < 1000; ++i) {
        net->setChip(std::uint64_t(i % 7));
        net->forward(x);
    }
    QVERIFY(identical(before, snapshot(*net)));
}

void TestNoisyLayers::trainingOnlyNoiseIsOffInEvaluation()
{
    auto net = bnnWith({noise(QStringLiteral("weight_noise"), NoisePhase::Training, {{QStringLiteral("sigma"), 0.5}}),
                        noise(QStringLiteral("output_noise"), NoisePhase::Training, {{QStringLiteral("sigma"), 0.5}})});
    QVERIFY(net);
    torch::NoGradGuard noGrad;
    net->eval();
    const torch::Tensor x = torch::randn({4, 1, 28, 28});
    QVERIFY(torch::equal(net->forward(x), net->forward(x)));
}

void TestNoisyLayers::evaluationNoiseIsOffInTraining()
{
    auto noisy = bnnWith({noise(QStringLiteral("output_noise"), NoisePhase::Evaluation, {{QStringLiteral("sigma"), 0.5}})});
    QVERIFY(noisy);
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::randn({4, 1, 28, 28});
    noisy->eval();
    QVERIFY(!torch::equal(noisy->forward(x), noisy->forward(x)));
    // In training mode the evaluation-only noise is off: a training-mode pass of the BNN without
    // dropout is deterministic for a fixed input.
    noisy->train();
    QVERIFY(torch::equal(noisy->forward(x), noisy->forward(x)));
}

void TestNoisyLayers::chipPatternIsFixedPerChipAndDiffersBetweenChips()
{
    auto net = bnnWith({noise(QStringLiteral("process_variation"), NoisePhase::Evaluation,
                              {{QStringLiteral("uniform"), 0.3}, {QStringLiteral("gaussian"), 0.3}}),
                        noise(QStringLiteral("stuck_at"), NoisePhase::Evaluation, {{QStringLiteral("p"), 0.1}})});
    QVERIFY(net);
    torch::NoGradGuard noGrad;
    net->eval();
    const torch::Tensor x = torch::randn({4, 1, 28, 28});
    net->setChip(11);
    const torch::Tensor chipA = net->forward(x);
    net->setChip(12);
    const torch::Tensor chipB = net->forward(x);
    net->setChip(11);
    QVERIFY(torch::equal(net->forward(x), chipA));
    QVERIFY(torch::equal(net->forward(x), chipA));
    QVERIFY(!torch::equal(chipA, chipB));
}

void TestNoisyLayers::perPassNoiseRedrawsEveryPass()
{
    auto net = bnnWith({noise(QStringLiteral("weight_noise"), NoisePhase::Both, {{QStringLiteral("sigma"), 0.2}})});
    QVERIFY(net);
    torch::NoGradGuard noGrad;
    net->eval();
    net->setChip(1);
    const torch::Tensor x = torch::randn({4, 1, 28, 28});
    QVERIFY(!torch::equal(net->forward(x), net->forward(x)));
}

QTEST_GUILESS_MAIN(TestNoisyLayers)
#include "tst_noisylayers.moc"
