// The fused form of the bit-packed evaluation (model/fusedbinaryevaluator_p.h, bitpack/binarychain.h):
// runs of binarized layers evaluated image by image give exactly the logits of the layer-by-layer
// bit-packed path and of the float path, whatever the batch norms' parameters (negative and zero
// gammas, thresholds hit exactly by the values), with NaN and infinite inputs, per-pass and
// per-chip noise; and networks the chain cannot reproduce fall back to the same numbers.
#include "model/network_p.h"

#include "binarytestnets.h"

#include "core/train/synthetic.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace qb;
using namespace qb::testnets;

namespace {

LayerSpec batchNorm(bool scale)
{
    LayerSpec l = layer(LayerType::BatchNorm);
    l.scale = scale;
    return l;
}

LayerSpec conv(int filters, int stride, int padding, const QuantizerSpec &input)
{
    LayerSpec l = layer(LayerType::Conv2D);
    l.filters = filters;
    l.strideH = l.strideW = stride;
    l.padding = padding > 0 ? Padding::Explicit : Padding::Valid;
    l.paddingAmount = padding;
    l.useBias = false;
    l.inputQuantizer = input;
    l.kernelQuantizer = quantizerSpec(QStringLiteral("ste_sign"));
    return l;
}

LayerSpec dense(int units, const QuantizerSpec &input)
{
    LayerSpec l = layer(LayerType::Dense);
    l.units = units;
    l.useBias = false;
    l.inputQuantizer = input;
    l.kernelQuantizer = quantizerSpec(QStringLiteral("ste_sign"));
    return l;
}

const QuantizerSpec kSign = quantizerSpec(QStringLiteral("ste_sign"));

/// larq-mnist-bnn's shape on 1x14x14 images, with a padded strided conv and 40 channels (two
/// 32-bit units per pixel) in the middle.
NetworkSpec bnn()
{
    NetworkSpec n;
    n.name = QStringLiteral("fused-bnn");
    n.input = TensorShape::image(1, 14, 14);
    n.layers << conv(32, 1, 0, {}) << layer(LayerType::MaxPool) << batchNorm(true) // 12 -> 6
             << conv(40, 2, 1, kSign) << batchNorm(true) // 6 -> 3
             << conv(24, 1, 1, quantizerSpec(QStringLiteral("approx_sign"))) << layer(LayerType::MaxPool)
             << batchNorm(true) << layer(LayerType::Flatten) // 3 -> 1
             << dense(48, kSign) << batchNorm(true) << dense(10, kSign) << batchNorm(true);
    return n;
}

/// The first conv padded, 20 channels (a unit not filled), no pooling after it.
NetworkSpec paddedEntry()
{
    NetworkSpec n;
    n.name = QStringLiteral("fused-padded");
    n.input = TensorShape::image(1, 7, 7);
    n.layers << conv(20, 1, 1, {}) << batchNorm(true) // 7 -> 7
             << conv(16, 2, 0, kSign) << batchNorm(true) << layer(LayerType::Flatten) // 7 -> 3
             << dense(10, kSign);
    return n;
}

/// A binary MLP on flat inputs: the run starts at a dense layer with a sign input quantizer.
NetworkSpec mlp()
{
    NetworkSpec n;
    n.name = QStringLiteral("fused-mlp");
    n.input = TensorShape::flat(70);
    n.layers << dense(96, kSign) << batchNorm(true) << dense(33, kSign) << batchNorm(false)
             << dense(10, kSign);
    return n;
}

/// Three-channel input into a conv with a sign input quantizer; the run ends on a conv.
NetworkSpec colourConvs()
{
    NetworkSpec n;
    n.name = QStringLiteral("fused-colour");
    n.input = TensorShape::image(3, 9, 9);
    LayerSpec pool = layer(LayerType::MaxPool);
    pool.poolH = pool.poolW = 3;
    pool.poolStrideH = pool.poolStrideW = 2;
    pool.padding = Padding::Explicit;
    pool.paddingAmount = 1;
    n.layers << conv(16, 1, 1, kSign) << pool << batchNorm(true) // 9 -> 5
             << conv(8, 1, 0, kSign) << layer(LayerType::Flatten) << dense(10, {});
    return n;
}

enum class Path { Float, LayerByLayer, Fused };

torch::Tensor logits(NetworkModule &net, const torch::Tensor &x, Path path, std::uint64_t seed = 1)
{
    torch::NoGradGuard noGrad;
    net.setBitPacked(path != Path::Float);
    net.setFusedEvaluation(path == Path::Fused);
    torch::manual_seed(seed);
    return net.forward(x);
}

/// Fused, layer-by-layer and float logits are identical (and not degenerate); returns how many
/// fused passes the fused evaluation took.
std::int64_t checkAllPathsAgree(NetworkModule &net, const torch::Tensor &x, std::uint64_t seed = 1)
{
    const torch::Tensor reference = logits(net, x, Path::Float, seed);
    const torch::Tensor layered = logits(net, x, Path::LayerByLayer, seed);
    const std::int64_t before = net.fusedPasses();
    const torch::Tensor fused = logits(net, x, Path::Fused, seed);
    const std::int64_t fusedPasses = net.fusedPasses() - before;
    if (!torch::equal(reference, layered) || !torch::equal(reference, fused)) {
        qWarning("largest difference float vs fused: %g",
            (reference - fused).abs().nan_to_num(1e9).max().item<double>());
        return -1;
    }
    if (reference.std().item<double>() <= 0.01)
        return -2; // degenerate logits would hide a wrong sum
    return fusedPasses;
}

/// Images of the network's input shape with values in [-1, 1].
torch::Tensor images(const NetworkSpec &spec, int count)
{
    std::vector<int64_t> shape{count};
    if (spec.input.isFlat())
        shape.push_back(spec.input.elementCount());
    else
        shape.insert(shape.end(), {spec.input.channels(), spec.input.height(), spec.input.width()});
    return torch::rand(shape) * 2.0 - 1.0;
}

} // namespace

class TestFusedBinaryEvaluation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }
    void identicalToLayerByLayerAndFloat_data();
    void identicalToLayerByLayerAndFloat();
    void thresholdsHitExactly();
    void nanAndInfiniteInputs();
    void perPassAndPerChipNoise();
    void whatCannotBeFusedFallsBack();
};

void TestFusedBinaryEvaluation::identicalToLayerByLayerAndFloat_data()
{
    QTest::addColumn<int>("network");
    QTest::addColumn<int>("seed");
    for (int seed : {1, 2, 3}) {
        QTest::addRow("bnn, seed %d", seed) << 0 << seed;
        QTest::addRow("mlp, seed %d", seed) << 1 << seed;
        QTest::addRow("colour convs, seed %d", seed) << 2 << seed;
        QTest::addRow("padded entry, seed %d", seed) << 3 << seed;
    }
}

void TestFusedBinaryEvaluation::identicalToLayerByLayerAndFloat()
{
    QFETCH(int, network);
    QFETCH(int, seed);
    const NetworkSpec spec = network == 0 ? bnn()
        : network == 1                    ? mlp()
        : network == 2                    ? colourConvs()
                                          : paddedEntry();
    auto net = buildRandomized(spec, std::uint64_t(seed));
    QVERIFY(net);
    torch::manual_seed(100 + seed);
    // 61 images: the threads get uneven shares.
    QCOMPARE(checkAllPathsAgree(*net, images(spec, 61)), std::int64_t(1));
}

void TestFusedBinaryEvaluation::thresholdsHitExactly()
{
    // Inputs on a grid of 0.25 make the first conv's outputs multiples of 0.25; batch norms with
    // unit variance, gamma +-1, beta 0 and means on the same grid put the flip of the sign right
    // on values that occur (x == mean gives +0, whose sign is +1). The later means are integers,
    // which the binary layers' outputs hit.
    const NetworkSpec spec = bnn();
    auto net = buildRandomized(spec);
    {
        torch::NoGradGuard noGrad;
        for (auto &b : net->named_buffers(true)) {
            if (b.key().find("running_var") != std::string::npos)
                b.value().fill_(1.0 - 1e-3); // + epsilon 1e-3: 1 or within a rounding of it
            if (b.key().find("running_mean") != std::string::npos) {
                const bool first = b.key().rfind("2_", 0) == 0;
                b.value().copy_(first ? torch::randint(-8, 9, b.value().sizes()).to(torch::kFloat) * 0.25
                                      : torch::randint(-6, 7, b.value().sizes()).to(torch::kFloat));
            }
        }
        for (auto &p : net->named_parameters(true)) {
            if (p.key().find("beta") != std::string::npos)
                p.value().zero_();
            if (p.key().find("gamma") != std::string::npos)
                p.value().copy_(torch::randint(0, 2, p.value().sizes()).to(torch::kFloat) * 2.0 - 1.0);
        }
    }
    torch::manual_seed(5);
    const torch::Tensor x = torch::randint(-4, 5, {80, 1, 14, 14}).to(torch::kFloat) * 0.25;
    QCOMPARE(checkAllPathsAgree(*net, x), std::int64_t(1));
}

void TestFusedBinaryEvaluation::nanAndInfiniteInputs()
{
    const NetworkSpec spec = bnn();
    auto net = buildRandomized(spec);
    torch::manual_seed(6);
    torch::Tensor x = images(spec, 40);
    const float inf = std::numeric_limits<float>::infinity();
    x.index_put_({0, 0, 3, 4}, std::nanf(""));
    x.index_put_({1, 0, 7, 7}, inf);
    x.index_put_({2, 0, 0, 0}, -inf);
    x.index_put_({3, 0, 13, 13}, -0.0f);
    x.index_put_({4}, std::nanf(""));
    // Scattered NaNs in the other images: pooling windows whose first, middle or last conv
    // output is NaN (a dropped NaN changes the bits).
    const torch::Tensor scattered = torch::rand({35, 1, 14, 14}).lt(0.04);
    x.narrow(0, 5, 35).masked_fill_(scattered, std::nanf(""));
    QCOMPARE(checkAllPathsAgree(*net, x), std::int64_t(1));
}

void TestFusedBinaryEvaluation::perPassAndPerChipNoise()
{
    NetworkSpec spec = bnn();
    for (LayerSpec &l : spec.layers) {
        if (!l.hasWeights())
            continue;
        l.nonidealities = {noiseSpec(QStringLiteral("weight_noise"),
                               {{QStringLiteral("sigma"), 0.3}, {QStringLiteral("relative"), false},
                                   {QStringLiteral("on"), QStringLiteral("latent")}}),
            noiseSpec(QStringLiteral("process_variation"),
                {{QStringLiteral("uniform"), 0.5}, {QStringLiteral("gaussian"), 0.2},
                    {QStringLiteral("on"), QStringLiteral("latent")}})};
    }
    auto net = buildRandomized(spec);
    QVERIFY(net);
    torch::manual_seed(7);
    const torch::Tensor x = images(spec, 50);
    torch::Tensor first;
    for (std::uint64_t chip : {1u, 2u}) {
        net->setChip(chip);
        QCOMPARE(checkAllPathsAgree(*net, x, 40 + chip), std::int64_t(1));
        const torch::Tensor y = logits(*net, x, Path::Fused, 40 + chip);
        if (first.defined())
            QVERIFY(!torch::equal(first, y)); // chips differ
        first = y;
    }
}

void TestFusedBinaryEvaluation::whatCannotBeFusedFallsBack()
{
    // A zero gamma makes the first batch norm constant on finite values but NaN on infinities,
    // which no threshold reproduces: the run falls back to the layers, with the same numbers.
    {
        auto net = buildRandomized(bnn());
        torch::NoGradGuard noGrad;
        net->named_parameters(true)["2_batchnorm.gamma"][0].fill_(0.0);
        torch::Tensor x = images(bnn(), 30);
        QCOMPARE(checkAllPathsAgree(*net, x), std::int64_t(0));
    }
    // Inputs drawn at evaluation (stochastic_binary asked to) end the run: the draws stay the same.
    {
        NetworkSpec spec = bnn();
        spec.layers[5].inputQuantizer
            = quantizerSpec(QStringLiteral("stochastic_binary"), {{QStringLiteral("stochastic_eval"), true}});
        auto net = buildRandomized(spec);
        // Layers 0..3 and 9..11 fused, layer 5 on its own.
        QCOMPARE(checkAllPathsAgree(*net, images(spec, 30), 9), std::int64_t(2));
    }
    // Output noise on a middle layer: its outputs are not integers, the run stops there.
    {
        NetworkSpec spec = bnn();
        spec.layers[3].nonidealities
            = {noiseSpec(QStringLiteral("output_noise"), {{QStringLiteral("sigma"), 0.5}})};
        auto net = buildRandomized(spec);
        torch::manual_seed(8);
        // Layers 0..3 (3 last, its noise applied as usual) and 5..11 fused.
        QCOMPARE(checkAllPathsAgree(*net, images(spec, 30), 10), std::int64_t(2));
    }
}

QTEST_GUILESS_MAIN(TestFusedBinaryEvaluation)
#include "tst_fusedbinaryevaluation.moc"
