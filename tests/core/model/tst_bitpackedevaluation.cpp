// The bit-packed evaluation path of the binary conv/dense layers: the XNOR-popcount kernels give
// exactly torch's float values (kernels alone, whole networks with padding/stride, per-chip
// nonidealities, TrainedModel's switch), layers whose inputs are not binary stay on torch, and
// training never takes the packed path.
#include "model/bitpackedops_p.h"
#include "model/network_p.h"
#include "train/trainedmodel.h"

#include "binarytestnets.h"
#include "core/train/synthetic.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace qb;
using namespace qb::testnets;

namespace {

torch::Tensor randomSigns(std::vector<int64_t> shape)
{
    return torch::randint(0, 2, shape).to(torch::kFloat) * 2.0 - 1.0;
}

QuantizerSpec steSign() { return quantizerSpec(QStringLiteral("ste_sign")); }

LayerSpec batchNorm()
{
    LayerSpec l = layer(LayerType::BatchNorm);
    l.scale = false;
    return l;
}

LayerSpec binaryConv(int filters, int stride, Padding padding, int amount, bool binaryInput)
{
    LayerSpec l = layer(LayerType::Conv2D);
    l.filters = filters;
    l.strideH = l.strideW = stride;
    l.padding = padding;
    l.paddingAmount = amount;
    l.useBias = false;
    if (binaryInput)
        l.inputQuantizer = steSign();
    l.kernelQuantizer = steSign();
    l.kernelClip = 1.0;
    return l;
}

LayerSpec binaryDense(int units)
{
    LayerSpec l = layer(LayerType::Dense);
    l.units = units;
    l.useBias = false;
    l.inputQuantizer = steSign();
    l.kernelQuantizer = steSign();
    l.kernelClip = 1.0;
    return l;
}

/// larq-mnist-bnn's structure on 1x12x12 inputs, with a padded strided conv: conv 16 (float input)
/// -> pool -> BN -> conv 32 pad 1 stride 2 -> BN -> conv 32 (valid) -> BN -> flatten -> dense 32
/// -> BN -> dense 10 -> BN.
NetworkSpec bnnSpec(const QList<NoiseSpec> &noises = {})
{
    NetworkSpec n;
    n.name = QStringLiteral("bitpack-bnn");
    n.input = TensorShape::image(1, 12, 12);
    n.layers << binaryConv(16, 1, Padding::Valid, 0, false) << layer(LayerType::MaxPool) << batchNorm()
             << binaryConv(32, 2, Padding::Explicit, 1, true) << batchNorm()
             << binaryConv(32, 1, Padding::Valid, 0, true) << batchNorm() << layer(LayerType::Flatten)
             << binaryDense(32) << batchNorm() << binaryDense(10) << batchNorm();
    for (LayerSpec &l : n.layers) {
        if (l.hasWeights())
            l.nonidealities = noises;
    }
    return n;
}

torch::Tensor logits(NetworkModule &net, const torch::Tensor &x, bool bitPacked, std::uint64_t seed)
{
    torch::NoGradGuard noGrad;
    net.setBitPacked(bitPacked);
    torch::manual_seed(seed);
    return net.forward(x);
}

/// The path counts of one conv/dense layer (all -1 when it has none).
NetworkModule::PathCounts countsOf(const NetworkModule &net, int layer)
{
    for (const auto &c : net.pathCounts()) {
        if (c.layer == layer)
            return c;
    }
    return {layer, -1, -1, -1};
}

std::int64_t packedPasses(const NetworkModule &net, int layer) { return countsOf(net, layer).bitPacked; }
std::int64_t binaryWeightPasses(const NetworkModule &net, int layer) { return countsOf(net, layer).binaryWeight; }
std::int64_t torchPasses(const NetworkModule &net, int layer) { return countsOf(net, layer).torch; }

} // namespace

class TestBitPackedEvaluation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }
    void convKernelMatchesTorch_data();
    void convKernelMatchesTorch();
    void linearKernelMatchesTorch();
    void nonBinaryTensorsAreRefused();
    void networkLogitsIdentical();
    void perChipNonidealitiesIdentical();
    void asymmetricPaddingFallsBackToTorch();
    void trainingNeverUsesPackedPath();
    void trainedModelSwitch();
};

void TestBitPackedEvaluation::convKernelMatchesTorch_data()
{
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("pad");
    QTest::newRow("larq conv2 32->64 13x13") << 32 << 13 << 1 << 0;
    QTest::newRow("pad 1 stride 2") << 32 << 13 << 2 << 1;
    QTest::newRow("65 channels pad 1") << 65 << 9 << 1 << 1;
    QTest::newRow("130 channels pad 2 stride 3") << 130 << 8 << 3 << 2;
    QTest::newRow("3 channels") << 3 << 10 << 1 << 0;
}

void TestBitPackedEvaluation::convKernelMatchesTorch()
{
    QFETCH(int, channels);
    QFETCH(int, size);
    QFETCH(int, stride);
    QFETCH(int, pad);
    torch::manual_seed(channels * 7 + size);
    const torch::Tensor x = randomSigns({37, channels, size, size});
    const torch::Tensor w = randomSigns({24, channels, 3, 3});
    torch::NoGradGuard noGrad;
    const torch::Tensor expected = torch::conv2d(x, w, {}, {stride, stride}, {pad, pad});
    const torch::Tensor packed = bitPackedConv2d(x, w, stride, stride, pad, pad);
    QVERIFY(packed.defined());
    QCOMPARE(packed.sizes().vec(), expected.sizes().vec());
    QVERIFY(torch::equal(packed, expected));
}

void TestBitPackedEvaluation::linearKernelMatchesTorch()
{
    torch::manual_seed(5);
    for (int features : {1, 63, 64, 65, 576, 1000}) {
        const torch::Tensor x = randomSigns({131, features});
        const torch::Tensor w = randomSigns({17, features});
        torch::NoGradGuard noGrad;
        const torch::Tensor packed = bitPackedLinear(x, w);
        QVERIFY(packed.defined());
        QVERIFY2(torch::equal(packed, torch::linear(x, w)), qPrintable(QString::number(features)));
    }
}

void TestBitPackedEvaluation::nonBinaryTensorsAreRefused()
{
    torch::manual_seed(6);
    torch::Tensor x = randomSigns({4, 8, 6, 6});
    const torch::Tensor w = randomSigns({5, 8, 3, 3});
    QVERIFY(isBinaryTensor(x));
    QVERIFY(bitPackedConv2d(x, w, 1, 1, 0, 0).defined());
    // One value off +-1 (a zero, a scaled weight) and the kernels refuse.
    x[2][3][1][4] = 0.0f;
    QVERIFY(!isBinaryTensor(x));
    QVERIFY(!bitPackedConv2d(x, w, 1, 1, 0, 0).defined());
    QVERIFY(!bitPackedConv2d(randomSigns({4, 8, 6, 6}), w * 0.5, 1, 1, 0, 0).defined());
    QVERIFY(!bitPackedLinear(torch::rand({3, 10}), randomSigns({2, 10})).defined());
    QVERIFY(!isBinaryTensor(randomSigns({3, 3}).to(torch::kDouble)));
    QVERIFY(!isBinaryTensor(torch::empty({0})));
}

void TestBitPackedEvaluation::networkLogitsIdentical()
{
    auto net = buildRandomized(bnnSpec());
    QVERIFY(net);
    torch::manual_seed(21);
    const torch::Tensor x = torch::rand({300, 1, 12, 12}) * 2.0 - 1.0;
    const torch::Tensor floatLogits = logits(*net, x, false, 1);
    const auto before = net->pathCounts();
    const torch::Tensor packedLogits = logits(*net, x, true, 1);
    QVERIFY(torch::equal(floatLogits, packedLogits));
    QVERIFY(torch::equal(floatLogits.argmax(1), packedLogits.argmax(1)));
    // The logits are not degenerate: the test would notice a wrong sum.
    QVERIFY(floatLogits.std().item<double>() > 0.1);
    QVERIFY(torch::bincount(floatLogits.argmax(1)).gt(0).sum().item<int64_t>() > 2);
    // Layer 0 has float inputs and binary weights: torch, then the binary-weight kernel. Layers 3,
    // 5, 8, 10 are binary: packed once.
    QCOMPARE(packedPasses(*net, 0), std::int64_t(0));
    QCOMPARE(torchPasses(*net, 0), std::int64_t(1));
    QCOMPARE(binaryWeightPasses(*net, 0), std::int64_t(1));
    for (int l : {3, 5, 8, 10}) {
        QCOMPARE(torchPasses(*net, l), std::int64_t(1));
        QCOMPARE(packedPasses(*net, l), std::int64_t(1));
    }
    QCOMPARE(int(before.size()), 5);
}

void TestBitPackedEvaluation::perChipNonidealitiesIdentical()
{
    // Latent weight noise (per pass) and stuck-at faults at +-w_max (per chip) leave the effective
    // weights binary; output noise follows the conv. All random draws must match on both paths.
    const QList<NoiseSpec> noises{noiseSpec(QStringLiteral("weight_noise"),
                                      {{QStringLiteral("sigma"), 0.3}, {QStringLiteral("relative"), false},
                                          {QStringLiteral("on"), QStringLiteral("latent")}}),
        noiseSpec(QStringLiteral("stuck_at"),
            {{QStringLiteral("p"), 0.1}, {QStringLiteral("value"), QStringLiteral("max")}}),
        noiseSpec(QStringLiteral("output_noise"), {{QStringLiteral("sigma"), 0.5}})};
    auto net = buildRandomized(bnnSpec(noises));
    QVERIFY(net);
    torch::manual_seed(22);
    const torch::Tensor x = torch::rand({250, 1, 12, 12}) * 2.0 - 1.0;
    QVector<torch::Tensor> perChip;
    for (std::uint64_t chip : {1u, 2u, 3u}) {
        net->setChip(chip);
        const torch::Tensor f = logits(*net, x, false, 100 + chip);
        const torch::Tensor p = logits(*net, x, true, 100 + chip);
        QVERIFY2(torch::equal(f, p), qPrintable(QStringLiteral("chip %1").arg(chip)));
        // Same chip, same seed: the same result again.
        QVERIFY(torch::equal(p, logits(*net, x, true, 100 + chip)));
        perChip << p;
    }
    QVERIFY(!torch::equal(perChip[0], perChip[1]));
    QVERIFY(packedPasses(*net, 3) > 0);
    QCOMPARE(packedPasses(*net, 0), std::int64_t(0));

    // Process variation acts on the effective weights: they stop being +-1, torch computes the
    // layer, and the numbers agree trivially.
    auto varied
        = buildRandomized(bnnSpec({noiseSpec(QStringLiteral("process_variation"), {{QStringLiteral("uniform"), 0.1}})}));
    varied->setChip(7);
    QVERIFY(torch::equal(logits(*varied, x, false, 3), logits(*varied, x, true, 3)));
    for (const auto &c : varied->pathCounts())
        QCOMPARE(c.bitPacked, std::int64_t(0));

    // On the latent weights it varies the float weights before the sign: the binary layers stay
    // binary, run bit-packed, and still match torch exactly; chips differ.
    auto latent = buildRandomized(bnnSpec({noiseSpec(QStringLiteral("process_variation"),
        {{QStringLiteral("uniform"), 0.5}, {QStringLiteral("gaussian"), 0.2},
            {QStringLiteral("on"), QStringLiteral("latent")}})}));
    latent->setChip(7);
    const torch::Tensor chip7 = logits(*latent, x, true, 3);
    QVERIFY(torch::equal(logits(*latent, x, false, 3), chip7));
    QVERIFY(packedPasses(*latent, 3) > 0);
    latent->setChip(8);
    QVERIFY(!torch::equal(logits(*latent, x, true, 3), chip7));
}

void TestBitPackedEvaluation::asymmetricPaddingFallsBackToTorch()
{
    NetworkSpec spec = bnnSpec();
    spec.layers[0].padding = Padding::Explicit; // 12x12 -> 12x12 -> pool 6x6
    spec.layers[0].paddingAmount = 1;
    spec.layers[3].padding = Padding::Same; // 6x6 input, stride 2: TF pads 1 bottom/right only
    auto net = buildRandomized(spec);
    QVERIFY(net);
    const torch::Tensor x = torch::rand({64, 1, 12, 12}) * 2.0 - 1.0;
    QVERIFY(torch::equal(logits(*net, x, false, 1), logits(*net, x, true, 1)));
    QCOMPARE(packedPasses(*net, 3), std::int64_t(0));
    QVERIFY(packedPasses(*net, 5) > 0);
}

void TestBitPackedEvaluation::trainingNeverUsesPackedPath()
{
    auto net = buildRandomized(bnnSpec());
    net->train();
    const torch::Tensor x = torch::rand({16, 1, 12, 12}) * 2.0 - 1.0;
    net->forward(x).sum().backward();
    // Evaluation mode with gradient recording also stays on torch (the packed path has none).
    net->eval();
    net->forward(x);
    for (const auto &c : net->pathCounts())
        QCOMPARE(c.bitPacked, std::int64_t(0));
    QVERIFY(net->named_parameters(true)["3_conv2d.weight"].grad().defined());
}

void TestBitPackedEvaluation::trainedModelSwitch()
{
    QTemporaryDir dir;
    ExperimentSpec spec = experiment(bnnSpec(), 1);
    auto net = buildRandomized(spec.network);
    const QString weights = dir.filePath(QStringLiteral("w.pt"));
    QVERIFY(net->save(weights).ok());
    auto model = TrainedModel::load(spec, weights);
    QVERIFY2(model.ok(), qPrintable(model.error()));
    QVERIFY((*model)->bitPackedEvaluation());
    const DatasetSplit split = makeSplit(400, 9);
    const auto packedPredictions = (*model)->predict(split, 0);
    const auto packedMetrics = (*model)->evaluate(split, 0);
    (*model)->setBitPackedEvaluation(false);
    QVERIFY(!(*model)->bitPackedEvaluation());
    const auto floatPredictions = (*model)->predict(split, 0);
    const auto floatMetrics = (*model)->evaluate(split, 0);
    QVERIFY(packedPredictions.ok() && floatPredictions.ok());
    QCOMPARE(*packedPredictions, *floatPredictions);
    QCOMPARE(packedMetrics->accuracy, floatMetrics->accuracy);
    QCOMPARE(packedMetrics->loss, floatMetrics->loss);

    NetworkSpec noisy
        = bnnSpec({noiseSpec(QStringLiteral("stuck_at"),
                       {{QStringLiteral("p"), 0.2}, {QStringLiteral("value"), QStringLiteral("min")}}),
            noiseSpec(QStringLiteral("weight_noise"),
                {{QStringLiteral("sigma"), 0.2}, {QStringLiteral("on"), QStringLiteral("latent")}})});
    auto variant = (*model)->withNetwork(noisy);
    QVERIFY(variant.ok());
    QVERIFY(!(*variant)->bitPackedEvaluation());
    const auto floatChips = (*variant)->evaluateChips(split, 0, 3, 5);
    (*variant)->setBitPackedEvaluation(true);
    const auto packedChips = (*variant)->evaluateChips(split, 0, 3, 5);
    QVERIFY(floatChips.ok() && packedChips.ok());
    QCOMPARE(packedChips->accuracies, floatChips->accuracies);
    QCOMPARE(packedChips->losses, floatChips->losses);
}

QTEST_GUILESS_MAIN(TestBitPackedEvaluation)
#include "tst_bitpackedevaluation.moc"
