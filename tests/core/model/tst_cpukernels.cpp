// The hand-written CPU kernels (core/kernels) against the torch operations they replace, bit for
// bit: the fused sign and straight-through-gradient kernels, max pooling forward and backward
// (ties, NaN, padding, overlapping windows), and the binary-weight convolution on image-like
// inputs. Each comparison runs the glue with the kernels on and off (setHandWrittenKernelsEnabled).
#include "kernels/kernelswitch.h"
#include "model/cpuops_p.h"
#include "quant/quantizer_p.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace qb;

namespace {

/// Runs `f` with the hand-written kernels switched on and then off; returns both results.
template <typename F>
std::pair<torch::Tensor, torch::Tensor> bothWays(F f)
{
    setHandWrittenKernelsEnabled(true);
    torch::Tensor fast = f();
    setHandWrittenKernelsEnabled(false);
    torch::Tensor plain = f();
    setHandWrittenKernelsEnabled(true);
    return {fast, plain};
}

/// Bitwise equality (distinguishes -0 from +0 and compares NaN payload-free as NaN == NaN).
bool sameBits(const torch::Tensor &a, const torch::Tensor &b)
{
    if (a.sizes() != b.sizes() || a.scalar_type() != b.scalar_type())
        return false;
    const torch::Tensor ac = a.contiguous(), bc = b.contiguous();
    const float *pa = ac.data_ptr<float>(), *pb = bc.data_ptr<float>();
    for (int64_t i = 0; i < ac.numel(); ++i) {
        if (std::isnan(pa[i]) && std::isnan(pb[i]))
            continue;
        if (std::memcmp(pa + i, pb + i, sizeof(float)) != 0)
            return false;
    }
    return true;
}

/// Values with many ties (small integers, as binary convolutions give), zeros of both signs, a NaN.
torch::Tensor tiesAndSpecials(std::vector<int64_t> shape)
{
    torch::Tensor x = torch::randint(-3, 4, shape).to(torch::kFloat);
    float *p = x.data_ptr<float>();
    p[1] = -0.0f;
    p[5] = std::numeric_limits<float>::quiet_NaN();
    p[7] = std::numeric_limits<float>::infinity();
    return x;
}

/// Normalised 8-bit pixels, as the batcher feeds the first layer: k / 127.5 - 1.
torch::Tensor imageLike(std::vector<int64_t> shape)
{
    return torch::randint(0, 256, shape).to(torch::kFloat) / 127.5 - 1.0;
}

} // namespace

class TestCpuKernels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { torch::manual_seed(5); }
    void signHandValues();
    void signMatchesTorchChain();
    void steGradientMatchesTorchChain();
    void steSignGradientHandValues();
    void maxPoolHandValues();
    void maxPoolMatchesTorch_data();
    void maxPoolMatchesTorch();
    void maxPoolFallsBack();
    void binaryWeightConvHandValues();
    void binaryWeightConvMatchesTorch_data();
    void binaryWeightConvMatchesTorch();
    void binaryWeightConvDeclines();
};

void TestCpuKernels::signHandValues()
{
    const torch::Tensor x = torch::tensor({-2.0f, -0.0f, 0.0f, 0.5f, std::numeric_limits<float>::quiet_NaN()});
    const torch::Tensor y = signWithZeroPositive(x);
    QVERIFY(sameBits(y, torch::tensor({-1.0f, 1.0f, 1.0f, 1.0f, -1.0f})));
}

void TestCpuKernels::signMatchesTorchChain()
{
    // Large enough to be split across threads, odd-sized to leave a vector tail.
    const torch::Tensor x = tiesAndSpecials({3, 7, 33, 31}) * 0.37;
    const auto [fast, plain] = bothWays([&] { return signWithZeroPositive(x); });
    QVERIFY(sameBits(fast, plain));
    // A non-contiguous view and a double tensor take the torch chain and agree too.
    const torch::Tensor t = x.transpose(2, 3);
    const auto [ft, pt] = bothWays([&] { return signWithZeroPositive(t); });
    QVERIFY(sameBits(ft, pt));
    const torch::Tensor d = signWithZeroPositive(x.to(torch::kDouble));
    QCOMPARE(d.scalar_type(), torch::kDouble);
}

void TestCpuKernels::steGradientMatchesTorchChain()
{
    const torch::Tensor x = torch::randn({5, 1001}) * 1.5;
    x.data_ptr<float>()[3] = 1.0f; // on the clip: passed
    x.data_ptr<float>()[4] = -1.0f;
    torch::Tensor g = torch::randn({5, 1001});
    g.data_ptr<float>()[9] = std::numeric_limits<float>::quiet_NaN();
    const auto [fast, plain] = bothWays([&] { return clippedSteGradient(g, x, 1.0); });
    QVERIFY(sameBits(fast, plain));
    // A negative gradient cut by the clip is -0 in both.
    const torch::Tensor one = clippedSteGradient(torch::tensor({-2.0f}), torch::tensor({3.0f}), 1.0);
    QVERIFY(std::signbit(one.item<float>()));
    // clip <= 0 passes the gradient unchanged.
    QVERIFY(sameBits(clippedSteGradient(g, x, 0.0), g));
}

void TestCpuKernels::steSignGradientHandValues()
{
    const torch::Tensor x = torch::tensor({-1.5f, -1.0f, -0.2f, 0.0f, 0.9f, 1.2f}).requires_grad_(true);
    const torch::Tensor y = steSign(x, 1.0);
    QVERIFY(sameBits(y.detach(), torch::tensor({-1.0f, -1.0f, -1.0f, 1.0f, 1.0f, 1.0f})));
    (y * torch::tensor({1.0f, 2.0f, 3.0f, 4.0f, 5.0f, 6.0f})).sum().backward();
    QVERIFY(sameBits(x.grad(), torch::tensor({0.0f, 2.0f, 3.0f, 4.0f, 5.0f, 0.0f})));
}

void TestCpuKernels::maxPoolHandValues()
{
    // One 4x4 plane, 2x2 windows: a tie goes to the first in row-major order, NaN wins.
    const float nan = std::numeric_limits<float>::quiet_NaN();
    torch::Tensor x = torch::tensor({1.0f, 3.0f, 2.0f, 2.0f, //
                                        3.0f, 0.0f, 2.0f, 2.0f, //
                                        -1.0f, -2.0f, 5.0f, nan, //
                                        -3.0f, -1.0f, 4.0f, 6.0f})
                          .view({1, 1, 4, 4})
                          .requires_grad_(true);
    const torch::Tensor y = maxPool2d(x, {2, 2}, {2, 2}, {0, 0});
    const torch::Tensor expected = torch::tensor({3.0f, 2.0f, -1.0f, nan}).view({1, 1, 2, 2});
    QVERIFY(sameBits(y.detach(), expected));
    y.backward(torch::tensor({10.0f, 20.0f, 30.0f, 40.0f}).view({1, 1, 2, 2}));
    // The tie 3/3 sends the gradient to (0, 1); 2/2/2/2 to (0, 2); NaN at (2, 3) takes 40.
    const torch::Tensor grad = torch::tensor({0.0f, 10.0f, 20.0f, 0.0f, //
                                                  0.0f, 0.0f, 0.0f, 0.0f, //
                                                  30.0f, 0.0f, 0.0f, 40.0f, //
                                                  0.0f, 0.0f, 0.0f, 0.0f})
                                   .view({1, 1, 4, 4});
    QVERIFY(sameBits(x.grad(), grad));
}

void TestCpuKernels::maxPoolMatchesTorch_data()
{
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("padding");
    QTest::addColumn<int>("size");
    QTest::newRow("2x2 s2 (larq-mnist-bnn)") << 2 << 2 << 0 << 26;
    QTest::newRow("2x2 s2 odd size") << 2 << 2 << 0 << 11;
    QTest::newRow("3x3 s2 pad 1, overlapping") << 3 << 2 << 1 << 13;
    QTest::newRow("3x3 s1") << 3 << 1 << 0 << 9;
}

void TestCpuKernels::maxPoolMatchesTorch()
{
    QFETCH(int, kernel);
    QFETCH(int, stride);
    QFETCH(int, padding);
    QFETCH(int, size);
    const torch::Tensor x = tiesAndSpecials({6, 5, size, size});
    // The gradient flowing back: distinct values, so a misrouted gradient shows.
    torch::Tensor gradIn[2];
    torch::Tensor out[2];
    for (int pass = 0; pass < 2; ++pass) {
        setHandWrittenKernelsEnabled(pass == 0);
        const torch::Tensor leaf = x.clone().requires_grad_(true);
        out[pass] = maxPool2d(leaf, {kernel, kernel}, {stride, stride}, {padding, padding});
        torch::manual_seed(9);
        out[pass].backward(torch::randn(out[pass].sizes()));
        gradIn[pass] = leaf.grad();
        // Without autograd the forward gives the same values.
        torch::NoGradGuard noGrad;
        QVERIFY(sameBits(maxPool2d(x, {kernel, kernel}, {stride, stride}, {padding, padding}), out[pass].detach()));
    }
    setHandWrittenKernelsEnabled(true);
    QVERIFY(sameBits(out[0].detach(), out[1].detach()));
    QVERIFY(sameBits(gradIn[0], gradIn[1]));
    QVERIFY(gradIn[0].abs().sum().item<float>() > 0.0f);
}

void TestCpuKernels::maxPoolFallsBack()
{
    // Channels-last and double input take torch's kernel and still agree with it.
    const torch::Tensor x = torch::randn({2, 3, 8, 8}).contiguous(torch::MemoryFormat::ChannelsLast);
    QVERIFY(sameBits(maxPool2d(x, {2, 2}, {2, 2}, {0, 0}).contiguous(), torch::max_pool2d(x, {2, 2}, {2, 2}, {0, 0}).contiguous()));
    const torch::Tensor d = torch::randn({2, 3, 8, 8}, torch::kDouble);
    QVERIFY(torch::equal(maxPool2d(d, {2, 2}, {2, 2}, {0, 0}), torch::max_pool2d(d, {2, 2}, {2, 2}, {0, 0})));
}

void TestCpuKernels::binaryWeightConvHandValues()
{
    torch::NoGradGuard noGrad;
    // 1x1x3x3 input, one 2x2 filter [[+1, -1], [-1, +1]]: out = a - b - d + e per window.
    const torch::Tensor x = torch::tensor({1.0f, 2.0f, 4.0f, 8.0f, 16.0f, 32.0f, 64.0f, 128.0f, 256.0f}).view({1, 1, 3, 3});
    const torch::Tensor w = torch::tensor({1.0f, -1.0f, -1.0f, 1.0f}).view({1, 1, 2, 2});
    const torch::Tensor y = binaryWeightConv2d(x, w, 1, 1, 0, 0);
    QVERIFY(y.defined());
    QVERIFY(sameBits(y, torch::tensor({1.0f - 2 - 8 + 16, 2.0f - 4 - 16 + 32, 8.0f - 16 - 64 + 128, 16.0f - 32 - 128 + 256}).view({1, 1, 2, 2})));
    // Padding 1: the corner output sees only e: +1 * 1.
    const torch::Tensor p = binaryWeightConv2d(x, w, 1, 1, 1, 1);
    QCOMPARE(p.sizes(), (std::vector<int64_t>{1, 1, 4, 4}));
    QCOMPARE(p[0][0][0][0].item<float>(), 1.0f);
}

void TestCpuKernels::binaryWeightConvMatchesTorch_data()
{
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("filters");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("padding");
    QTest::newRow("larq-mnist-bnn's first layer") << 1 << 28 << 32 << 1 << 0;
    QTest::newRow("same padding, odd filter count") << 1 << 28 << 13 << 1 << 1;
    QTest::newRow("stride 2, padding") << 1 << 15 << 8 << 2 << 1;
}

void TestCpuKernels::binaryWeightConvMatchesTorch()
{
    QFETCH(int, channels);
    QFETCH(int, size);
    QFETCH(int, filters);
    QFETCH(int, stride);
    QFETCH(int, padding);
    torch::NoGradGuard noGrad;
    const torch::Tensor x = imageLike({37, channels, size, size});
    const torch::Tensor w = torch::randint(0, 2, {filters, channels, 3, 3}).to(torch::kFloat) * 2.0 - 1.0;
    const torch::Tensor fast = binaryWeightConv2d(x, w, stride, stride, padding, padding);
    QVERIFY(fast.defined());
    const torch::Tensor reference = torch::conv2d(x, w, {}, {stride, stride}, {padding, padding});
    QVERIFY(sameBits(fast, reference));
    // Real-valued (not image-like) inputs too.
    const torch::Tensor r = torch::randn({9, channels, size, size});
    QVERIFY(sameBits(binaryWeightConv2d(r, w, stride, stride, padding, padding),
        torch::conv2d(r, w, {}, {stride, stride}, {padding, padding})));
}

void TestCpuKernels::binaryWeightConvDeclines()
{
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::randn({2, 1, 8, 8});
    const torch::Tensor w = torch::randint(0, 2, {4, 1, 3, 3}).to(torch::kFloat) * 2.0 - 1.0;
    QVERIFY(!binaryWeightConv2d(x, w * 0.5, 1, 1, 0, 0).defined()); // not +-1
    QVERIFY(!binaryWeightConv2d(x.to(torch::kDouble), w, 1, 1, 0, 0).defined());
    QVERIFY(!binaryWeightConv2d(torch::randn({2, 2, 8, 8}), w, 1, 1, 0, 0).defined()); // channels
    // Several input channels: torch's kernels sum them in another order, so torch runs them.
    const torch::Tensor rgb = torch::randint(0, 2, {4, 3, 3, 3}).to(torch::kFloat) * 2.0 - 1.0;
    QVERIFY(!binaryWeightConv2d(torch::randn({2, 3, 8, 8}), rgb, 1, 1, 1, 1).defined());
    setHandWrittenKernelsEnabled(false);
    QVERIFY(!binaryWeightConv2d(x, w, 1, 1, 0, 0).defined());
    setHandWrittenKernelsEnabled(true);
    {
        torch::AutoGradMode grad(true);
        QVERIFY(!binaryWeightConv2d(x, w, 1, 1, 0, 0).defined()); // training: torch
    }
}

QTEST_APPLESS_MAIN(TestCpuKernels)
#include "tst_cpukernels.moc"
