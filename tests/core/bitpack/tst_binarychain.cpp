// BinaryChain against a plain reference written here (float sums in tap order, max pooling with
// NaN winning, the sign rules, +-1 dot products), and its AVX-512 code against its portable code:
// the same outputs, NaN inputs, padding, strides, pooling with padding and units not filled
// included. The torch side (thresholds from torch's batch norm) is tst_fusedbinaryevaluation's.
#include "bitpack/binarychain.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <random>

using namespace qb;

namespace {

/// A feature map in CHW order.
struct Map
{
    int channels = 0, height = 0, width = 0;
    std::vector<float> v;
    float &at(int c, int y, int x) { return v[(std::size_t(c) * height + y) * width + x]; }
    float at(int c, int y, int x) const { return v[(std::size_t(c) * height + y) * width + x]; }
};

struct ConvStep
{
    int outChannels, kernel, stride, pad;
    std::vector<float> weights; // [O][C][K][K], +-1
};

/// out = sum over (c, ky, kx) of w * in, from +0 in that order; padding taps add w * 0.
Map convolve(const Map &in, const ConvStep &s, bool signs)
{
    Map out{s.outChannels, (in.height + 2 * s.pad - s.kernel) / s.stride + 1,
        (in.width + 2 * s.pad - s.kernel) / s.stride + 1, {}};
    out.v.assign(std::size_t(out.channels) * out.height * out.width, 0.0f);
    for (int o = 0; o < out.channels; ++o)
        for (int y = 0; y < out.height; ++y)
            for (int x = 0; x < out.width; ++x) {
                float acc = 0.0f;
                for (int c = 0; c < in.channels; ++c)
                    for (int ky = 0; ky < s.kernel; ++ky)
                        for (int kx = 0; kx < s.kernel; ++kx) {
                            const int iy = y * s.stride - s.pad + ky, ix = x * s.stride - s.pad + kx;
                            const bool inside = iy >= 0 && iy < in.height && ix >= 0 && ix < in.width;
                            float value = inside ? in.at(c, iy, ix) : 0.0f;
                            if (signs && inside)
                                value = value >= 0.0f ? 1.0f : -1.0f;
                            acc += s.weights[((std::size_t(o) * in.channels + c) * s.kernel + ky) * s.kernel
                                       + kx]
                                * value;
                        }
                out.at(o, y, x) = acc;
            }
    return out;
}

Map maxPool(const Map &in, int kernel, int stride, int pad)
{
    Map out{in.channels, (in.height + 2 * pad - kernel) / stride + 1,
        (in.width + 2 * pad - kernel) / stride + 1, {}};
    out.v.assign(std::size_t(out.channels) * out.height * out.width, 0.0f);
    for (int c = 0; c < out.channels; ++c)
        for (int y = 0; y < out.height; ++y)
            for (int x = 0; x < out.width; ++x) {
                float best = -std::numeric_limits<float>::infinity();
                for (int ky = 0; ky < kernel; ++ky)
                    for (int kx = 0; kx < kernel; ++kx) {
                        const int iy = y * stride - pad + ky, ix = x * stride - pad + kx;
                        if (iy < 0 || iy >= in.height || ix < 0 || ix >= in.width)
                            continue;
                        const float v = in.at(c, iy, ix);
                        if (v > best || std::isnan(v))
                            best = v;
                    }
                out.at(c, y, x) = best;
            }
    return out;
}

/// The rule as +-1 values: +1 where scale * v >= threshold.
template <typename T> Map applyRule(const Map &in, const ChannelSignRule<T> &rule)
{
    Map out = in;
    for (int c = 0; c < in.channels; ++c)
        for (int i = 0; i < in.height * in.width; ++i) {
            float &v = out.v[std::size_t(c) * in.height * in.width + i];
            v = T(v) * rule.scale[c] >= rule.threshold[c] ? 1.0f : -1.0f;
        }
    return out;
}

Map dense(const Map &in, const std::vector<float> &weights, int outFeatures)
{
    Map out{outFeatures, 1, 1, std::vector<float>(std::size_t(outFeatures), 0.0f)};
    const std::size_t features = in.v.size();
    for (int o = 0; o < outFeatures; ++o) {
        float acc = 0.0f;
        for (std::size_t f = 0; f < features; ++f)
            acc += weights[o * features + f] * in.v[f];
        out.v[o] = acc;
    }
    return out;
}

std::vector<float> randomSigns(std::mt19937 &rng, std::size_t n)
{
    std::vector<float> v(n);
    for (float &x : v)
        x = (rng() & 1) ? 1.0f : -1.0f;
    return v;
}

template <typename T> ChannelSignRule<T> randomRule(std::mt19937 &rng, int channels, T spread)
{
    ChannelSignRule<T> rule;
    std::uniform_real_distribution<double> u(-double(spread), double(spread));
    for (int c = 0; c < channels; ++c) {
        rule.scale.push_back((rng() & 1) ? T(1) : T(-1));
        rule.threshold.push_back(T(u(rng)));
    }
    return rule;
}

PoolGeometry pool(int kernel, int stride, int pad)
{
    PoolGeometry g;
    g.kernelH = g.kernelW = kernel;
    g.strideH = g.strideW = stride;
    g.padH = g.padW = pad;
    return g;
}

} // namespace

class TestBinaryChain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesReference_data();
    void matchesReference();
    void refusesShapesThatDoNotFit();
};

void TestBinaryChain::matchesReference_data()
{
    QTest::addColumn<int>("entryStride");
    QTest::addColumn<int>("entryPad");
    QTest::addColumn<bool>("entryPool");
    QTest::newRow("stride 1, pooled (one-pass entry kernel)") << 1 << 0 << true;
    QTest::newRow("stride 1, padded, not pooled") << 1 << 1 << false;
    QTest::newRow("stride 2, pooled (separate pooling)") << 2 << 1 << true;
}

void TestBinaryChain::matchesReference()
{
    QFETCH(int, entryStride);
    QFETCH(int, entryPad);
    QFETCH(bool, entryPool);
    std::mt19937 rng(7);
    // image 1x19x19 -> conv 20 (3x3) -> [pool 2x2] -> rule -> conv 40 (3x3, stride 2, pad 1)
    // -> pool 3x3 stride 2 pad 1 -> rule -> conv 24 (1x1) -> rule -> dense 33 -> rule -> dense 10
    ConvStep entry{20, 3, entryStride, entryPad, randomSigns(rng, 20 * 9)};
    const Map probe{1, 19, 19, std::vector<float>(19 * 19, 0.0f)};
    Map shape = convolve(probe, entry, false);
    if (entryPool)
        shape = maxPool(shape, 2, 2, 0);
    ConvStep conv2{40, 3, 2, 1, randomSigns(rng, 40 * 20 * 9)};
    ConvStep conv3{24, 1, 1, 0, {}};
    conv3.weights = randomSigns(rng, 24 * 40);
    const auto rule1 = randomRule<float>(rng, 20, 3.0f);
    const auto rule2 = randomRule<std::int32_t>(rng, 40, 60);
    const auto rule3 = randomRule<std::int32_t>(rng, 24, 12);
    const auto rule4 = randomRule<std::int32_t>(rng, 33, 40);
    const PoolGeometry entryPooling = pool(2, 2, 0), pool2 = pool(3, 2, 1);

    BinaryChain chain;
    BinaryWeightConvGeometry g;
    g.channels = 1;
    g.height = g.width = 19;
    g.outChannels = 20;
    g.kernelH = g.kernelW = 3;
    g.strideH = g.strideW = entryStride;
    g.padH = g.padW = entryPad;
    QVERIFY(chain.setInputConv(g, entry.weights));
    QVERIFY(chain.addBinarize(entryPool ? &entryPooling : nullptr, rule1));
    QVERIFY(chain.addConv(conv2.weights.data(), 40, 3, 3, 2, 2, 1, 1));
    QVERIFY(chain.addBinarize(&pool2, rule2));
    QVERIFY(chain.addConv(conv3.weights.data(), 24, 1, 1, 1, 1, 0, 0));
    QVERIFY(chain.addBinarize(nullptr, rule3));
    const int features = chain.mapChannels() * chain.mapHeight() * chain.mapWidth();
    const std::vector<float> dense1 = randomSigns(rng, std::size_t(33) * features);
    const std::vector<float> dense2 = randomSigns(rng, 10 * 33);
    QVERIFY(chain.addDense(dense1.data(), 33));
    QVERIFY(chain.addBinarize(nullptr, rule4));
    QVERIFY(chain.addDense(dense2.data(), 10));
    QVERIFY(chain.isComplete());
    QCOMPARE(chain.outputSize(), 10);

    // Images on a grid of 0.25 (sums hit the float thresholds' neighbourhood often), some NaN.
    const int count = 23;
    std::vector<float> images(std::size_t(count) * 19 * 19);
    for (float &x : images)
        x = float(int(rng() % 9) - 4) * 0.25f;
    for (int i = 0; i < 40; ++i)
        images[rng() % images.size()] = std::nanf("");

    std::vector<float> fast(std::size_t(count) * 10), portable(std::size_t(count) * 10);
    chain.run(images.data(), count, fast.data(), BinaryKernel::Auto);
    chain.run(images.data(), count, portable.data(), BinaryKernel::Scalar);
    for (int n = 0; n < count; ++n) {
        Map image{1, 19, 19,
            std::vector<float>(
                images.begin() + std::ptrdiff_t(n) * 361, images.begin() + std::ptrdiff_t(n + 1) * 361)};
        Map m = convolve(image, entry, false);
        if (entryPool)
            m = maxPool(m, 2, 2, 0);
        m = convolve(applyRule(m, rule1), conv2, true);
        m = convolve(applyRule(maxPool(m, 3, 2, 1), rule2), conv3, true);
        m = dense(applyRule(m, rule3), dense1, 33);
        m = dense(applyRule(m, rule4), dense2, 10);
        for (int o = 0; o < 10; ++o) {
            QCOMPARE(fast[std::size_t(n) * 10 + o], m.v[o]);
            QCOMPARE(portable[std::size_t(n) * 10 + o], m.v[o]);
        }
    }
}

void TestBinaryChain::refusesShapesThatDoNotFit()
{
    const std::vector<float> w(64 * 9, 1.0f);
    BinaryChain noInput;
    QVERIFY(!noInput.addBinarize(nullptr, ChannelSignRule<float>::signOf(3)));
    QVERIFY(!noInput.isComplete());

    BinaryChain wrongRule;
    QVERIFY(wrongRule.setInput(3, 5, 5));
    QVERIFY(!wrongRule.addBinarize(nullptr, ChannelSignRule<float>::signOf(4))); // 4 channels for 3
    QVERIFY(!wrongRule.isComplete());

    BinaryChain tooBig;
    QVERIFY(tooBig.setInput(1, 2, 2));
    QVERIFY(tooBig.addBinarize(nullptr, ChannelSignRule<float>::signOf(1)));
    QVERIFY(!tooBig.addConv(w.data(), 4, 3, 3, 1, 1, 0, 0)); // a 3x3 kernel on a 2x2 map
    QVERIFY(!tooBig.isComplete());
    QCOMPARE(tooBig.outputSize(), 0);

    BinaryChain noBinarize;
    QVERIFY(noBinarize.setInput(1, 4, 4));
    QVERIFY(!noBinarize.addDense(w.data(), 2)); // a layer needs the binarization before it
    BinaryChain intRuleFirst;
    QVERIFY(intRuleFirst.setInput(1, 4, 4));
    QVERIFY(!intRuleFirst.addBinarize(nullptr, ChannelSignRule<std::int32_t>::signOf(1)));
}

QTEST_GUILESS_MAIN(TestBinaryChain)
#include "tst_binarychain.moc"
