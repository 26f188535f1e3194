// Quantizers inside layers: LSQ's learned step is a trained, saved parameter; stochastic_binary draws
// only in training; every quantizer of the catalogue builds into a layer that passes gradients.
#include "model/network_p.h"
#include "quant/quantizercatalog.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace qb;

namespace {

/// input 1x6x6 -> conv 4 3x3 (quantizers under test) -> flatten -> dense 3.
NetworkSpec netWith(const QuantizerSpec &input, const QuantizerSpec &kernel)
{
    NetworkSpec n;
    n.name = QStringLiteral("q");
    n.input = TensorShape::image(1, 6, 6);
    LayerSpec conv;
    conv.type = LayerType::Conv2D;
    conv.filters = 4;
    conv.inputQuantizer = input;
    conv.kernelQuantizer = kernel;
    LayerSpec flat;
    flat.type = LayerType::Flatten;
    LayerSpec dense;
    dense.type = LayerType::Dense;
    dense.units = 3;
    n.layers << conv << flat << dense;
    return n;
}

QuantizerSpec named(const QString &name)
{
    return QuantizerSpec{name, {}};
}

} // namespace

class TestQuantizedLayers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::manual_seed(1); }
    void everyQuantizerBuildsAndPassesGradients_data();
    void everyQuantizerBuildsAndPassesGradients();
    void lsqStepIsTrainedAndSaved();
    void stochasticBinaryIsDeterministicInEval();
};

void TestQuantizedLayers::everyQuantizerBuildsAndPassesGradients_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("asInput");
    for (const QuantizerInfo &info : QuantizerCatalog::all()) {
        if (info.roles & KernelRole)
            QTest::addRow("%s kernel", qPrintable(info.name)) << info.name << false;
        if (info.roles & InputRole)
            QTest::addRow("%s input", qPrintable(info.name)) << info.name << true;
    }
}

void TestQuantizedLayers::everyQuantizerBuildsAndPassesGradients()
{
    QFETCH(QString, name);
    QFETCH(bool, asInput);
    const NetworkSpec spec = asInput ? netWith(named(name), QuantizerSpec()) : netWith(QuantizerSpec(), named(name));
    auto net = NetworkModule::build(spec);
    QVERIFY2(net.ok(), qPrintable(net.error()));
    (*net)->train();
    torch::Tensor x = torch::rand({8, 1, 6, 6}) * 2 - 1;
    x.set_requires_grad(true);
    torch::nn::functional::cross_entropy((*net)->forward(x), torch::randint(0, 3, {8})).backward();
    // The gradient reaches the conv's latent kernel (kernel role) or the network input (input role).
    const torch::Tensor grad = asInput ? x.grad() : (*net)->layer(0).named_parameters(false)["weight"].grad();
    QVERIFY(grad.defined());
    QVERIFY2(grad.abs().sum().item<double>() > 0.0, "no gradient passed through the quantizer");
}

void TestQuantizedLayers::lsqStepIsTrainedAndSaved()
{
    auto net = NetworkModule::build(netWith(named(QStringLiteral("lsq")), named(QStringLiteral("lsq"))));
    QVERIFY(net.ok());
    const auto params = (*net)->layer(0).named_parameters(false);
    QVERIFY(params.contains("input_quantizer_0"));
    QVERIFY(params.contains("kernel_quantizer_0"));
    torch::optim::Adam adam((*net)->parameters(), torch::optim::AdamOptions(0.01));
    (*net)->train();
    const torch::Tensor x = torch::rand({16, 1, 6, 6}) * 2 - 1;
    const torch::Tensor y = torch::randint(0, 3, {16});
    double stepAfterInit = 0.0;
    for (int i = 0; i < 5; ++i) {
        adam.zero_grad();
        torch::nn::functional::cross_entropy((*net)->forward(x), y).backward();
        if (i == 0)
            stepAfterInit = params["input_quantizer_0"].item<double>();
        adam.step();
    }
    QVERIFY(stepAfterInit > 0.0);
    const double trained = params["input_quantizer_0"].item<double>();
    QVERIFY2(trained != stepAfterInit, "the optimizer did not move LSQ's step");

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lsq.pt"));
    QVERIFY((*net)->save(path).ok());
    auto other = NetworkModule::build(netWith(named(QStringLiteral("lsq")), named(QStringLiteral("lsq"))));
    QVERIFY((*other)->load(path).ok());
    QCOMPARE((*other)->layer(0).named_parameters(false)["input_quantizer_0"].item<double>(), trained);
}

void TestQuantizedLayers::stochasticBinaryIsDeterministicInEval()
{
    auto net = NetworkModule::build(netWith(QuantizerSpec(), named(QStringLiteral("stochastic_binary"))));
    QVERIFY(net.ok());
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::rand({4, 1, 6, 6});
    (*net)->eval();
    const torch::Tensor a = (*net)->forward(x);
    const torch::Tensor b = (*net)->forward(x);
    QVERIFY(torch::equal(a, b));
    (*net)->train();
    bool differs = false;
    for (int i = 0; i < 5 && !differs; ++i)
        differs = !torch::equal((*net)->forward(x), (*net)->forward(x));
    QVERIFY2(differs, "stochastic_binary should draw in training");
}

QTEST_GUILESS_MAIN(TestQuantizedLayers)
#include "tst_quantizedlayers.moc"
