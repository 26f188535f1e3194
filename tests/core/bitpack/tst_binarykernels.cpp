// The bit-packed binary kernels of core/bitpack against plain float loops that do what torch does
// on the signed (+-1) tensors: every kernel implementation this CPU has must give the same
// integers as the float reference, zero padding and channel tails included.

#include "bitpack/binarybenchmark.h"
#include "bitpack/binaryconv2d.h"
#include "bitpack/binarygemm.h"
#include "bitpack/packedbits.h"
#include "bitpack/packedconvweights.h"

#include <QFile>
#include <QtTest>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace qb;

namespace {

/// The float path's binarization: signWithZeroPositive() in core/quant, 2 * (x >= 0) - 1.
float signOf(float x) { return x >= 0.0f ? 1.0f : -1.0f; }

/// Raw activations as a layer would see them: normal values with about one in eight exactly 0
/// (and some -0.0), which must count as +1.
std::vector<float> randomValues(std::size_t count, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    std::uniform_int_distribution<int> pick(0, 15);
    std::vector<float> v(count);
    for (float &x : v) {
        const int p = pick(rng);
        x = p == 0 ? 0.0f : p == 1 ? -0.0f : normal(rng);
    }
    return v;
}

std::vector<float> referenceGemm(
    const std::vector<float> &a, const std::vector<float> &b, int m, int n, int k)
{
    std::vector<float> c(std::size_t(m) * n);
    for (int i = 0; i < m; ++i)
        for (int j = 0; j < n; ++j) {
            float s = 0.0f;
            for (int x = 0; x < k; ++x)
                s += signOf(a[std::size_t(i) * k + x]) * signOf(b[std::size_t(j) * k + x]);
            c[std::size_t(i) * n + j] = s;
        }
    return c;
}

/// torch.nn.functional.conv2d(sign(x), sign(w), stride, padding) with its zero padding spelled
/// out: a tap outside the image multiplies 0.0.
std::vector<float> referenceConv(const std::vector<float> &x, const std::vector<float> &w, int batch, int c,
    int h, int wd, int o, int kh, int kw, const BinaryConv2dOptions &opt)
{
    const int oh = BinaryConv2dOptions::outputSize(h, kh, opt.strideH, opt.padH);
    const int ow = BinaryConv2dOptions::outputSize(wd, kw, opt.strideW, opt.padW);
    std::vector<float> out(std::size_t(batch) * o * oh * ow);
    for (int n = 0; n < batch; ++n)
        for (int f = 0; f < o; ++f)
            for (int oy = 0; oy < oh; ++oy)
                for (int ox = 0; ox < ow; ++ox) {
                    float s = 0.0f;
                    for (int ch = 0; ch < c; ++ch)
                        for (int ky = 0; ky < kh; ++ky)
                            for (int kx = 0; kx < kw; ++kx) {
                                const int iy = oy * opt.strideH - opt.padH + ky;
                                const int ix = ox * opt.strideW - opt.padW + kx;
                                const bool inside = iy >= 0 && iy < h && ix >= 0 && ix < wd;
                                const float xv = inside
                                    ? signOf(x[((std::size_t(n) * c + ch) * h + iy) * wd + ix])
                                    : 0.0f;
                                s += xv * signOf(w[((std::size_t(f) * c + ch) * kh + ky) * kw + kx]);
                            }
                    out[((std::size_t(n) * o + f) * oh + oy) * ow + ox] = s;
                }
    return out;
}

/// Every implementation this CPU can run, the portable one first.
QList<BinaryKernel> availableKernels()
{
    QList<BinaryKernel> kernels{BinaryKernel::Scalar};
    for (BinaryKernel k : {BinaryKernel::Avx2, BinaryKernel::Avx512})
        if (binaryKernelSupported(k))
            kernels << k;
    return kernels;
}

/// First index where the int results and the float reference differ, or -1.
int firstMismatch(const std::vector<std::int32_t> &got, const std::vector<float> &want)
{
    if (got.size() != want.size())
        return 0;
    for (std::size_t i = 0; i < got.size(); ++i)
        if (float(got[i]) != want[i])
            return int(i);
    return -1;
}

bool cpuinfoHasFlag(const QByteArray &flag)
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = f.readAll();
    return text.contains(" " + flag + " ") || text.contains(" " + flag + "\n");
}

} // namespace

class TestBinaryKernels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void packingLayout();
    void packingSignConvention_data();
    void packingSignConvention();
    void handComputedDot_data();
    void handComputedDot();
    void gemmMatchesFloat_data();
    void gemmMatchesFloat();
    void gemmStridedSplitMatchesWhole();
    void denseMatchesFloat();
    void kernelSelection();
    void convHandComputed();
    void convMatchesFloat_data();
    void convMatchesFloat();
    void convRejectsMismatchedShapes();
    void benchmarkFigures();
};

void TestBinaryKernels::packingLayout()
{
    // 2 rows x 70 columns: row 0 +1 only at columns 0, 63, 64, 69; row 1 all +1.
    std::vector<float> data(2 * 70, -1.0f);
    for (int c : {0, 63, 64, 69})
        data[c] = 1.0f;
    std::fill(data.begin() + 70, data.end(), 2.5f);
    const PackedBits p = PackedBits::fromSigns(data.data(), 2, 70);
    QCOMPARE(p.rows(), 2);
    QCOMPARE(p.bits(), 70);
    QCOMPARE(p.wordsPerRow(), 2);
    QCOMPARE(p.row(0)[0], (std::uint64_t(1) << 63) | 1u);
    QCOMPARE(p.row(0)[1], (std::uint64_t(1) << 5) | 1u);
    // The padding bits 70..127 stay zero even where every valid bit is set.
    QCOMPARE(p.row(1)[0], ~std::uint64_t(0));
    QCOMPARE(p.row(1)[1], (std::uint64_t(1) << 6) - 1);
    QCOMPARE(p.sign(0, 64), 1.0f);
    QCOMPARE(p.sign(0, 65), -1.0f);

    PackedBits q(2, 70);
    for (int r = 0; r < 2; ++r)
        q.setRowFromSigns(r, data.data() + r * 70, 70);
    QCOMPARE(q, p);
    // fromWords clears the padding bits whatever they held, and zero-fills a short vector.
    const PackedBits fw = PackedBits::fromWords(2, 3, {~std::uint64_t(0)});
    QCOMPARE(fw.row(0)[0], std::uint64_t(7));
    QCOMPARE(fw.row(1)[0], std::uint64_t(0));

    q.setBit(1, 3, false);
    QVERIFY(q != p);
    QCOMPARE(q.sign(1, 3), -1.0f);
}

void TestBinaryKernels::packingSignConvention_data()
{
    QTest::addColumn<float>("value");
    QTest::addColumn<bool>("bit");
    QTest::newRow("zero is +1") << 0.0f << true;
    QTest::newRow("negative zero is +1") << -0.0f << true;
    QTest::newRow("tiny positive") << std::numeric_limits<float>::denorm_min() << true;
    QTest::newRow("tiny negative") << -std::numeric_limits<float>::denorm_min() << false;
    QTest::newRow("one") << 1.0f << true;
    QTest::newRow("minus one") << -1.0f << false;
    QTest::newRow("+inf") << std::numeric_limits<float>::infinity() << true;
    QTest::newRow("-inf") << -std::numeric_limits<float>::infinity() << false;
    QTest::newRow("NaN is -1, as x.ge(0)") << std::numeric_limits<float>::quiet_NaN() << false;
}

void TestBinaryKernels::packingSignConvention()
{
    QFETCH(float, value);
    QFETCH(bool, bit);
    const PackedBits p = PackedBits::fromSigns(&value, 1, 1);
    QCOMPARE(p.bit(0, 0), bit);
    QCOMPARE(p.row(0)[0], std::uint64_t(bit));
}

void TestBinaryKernels::handComputedDot_data()
{
    QTest::addColumn<QVector<float>>("a");
    QTest::addColumn<QVector<float>>("b");
    QTest::addColumn<int>("dot");
    QTest::newRow("(+1,-1).(+1,+1) = 0") << QVector<float>{1, -1} << QVector<float>{1, 1} << 0;
    QTest::newRow("(+1,+1).(+1,+1) = 2") << QVector<float>{1, 1} << QVector<float>{1, 1} << 2;
    QTest::newRow("(-1,-1).(+1,+1) = -2") << QVector<float>{-1, -1} << QVector<float>{1, 1} << -2;
    QTest::newRow("(0,-3).(5,-0.5) = 2") << QVector<float>{0, -3} << QVector<float>{5, -0.5f} << 2;
    QTest::newRow("(0,0,0).(-1,-1,-1) = -3") << QVector<float>{0, 0, 0} << QVector<float>{-1, -1, -1} << -3;
    QTest::newRow("single -1.+1") << QVector<float>{-2} << QVector<float>{0} << -1;
}

void TestBinaryKernels::handComputedDot()
{
    QFETCH(QVector<float>, a);
    QFETCH(QVector<float>, b);
    QFETCH(int, dot);
    const PackedBits pa = PackedBits::fromSigns(a.constData(), 1, int(a.size()));
    const PackedBits pb = PackedBits::fromSigns(b.constData(), 1, int(b.size()));
    for (BinaryKernel kernel : availableKernels()) {
        std::int32_t out = 12345;
        binaryGemm(pa, pb, &out, kernel);
        QCOMPARE(out, dot);
    }
}

void TestBinaryKernels::gemmMatchesFloat_data()
{
    QTest::addColumn<int>("m");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("k");
    // Row and column counts straddle the register tiles (2 x 4 scalar, 1 x 8 AVX2, 8 x 16
    // AVX-512) and the column blocks; K straddles word and byte-accumulator (31 words) limits.
    const int shapes[][3] = {{1, 1, 1}, {1, 1, 2}, {3, 5, 7}, {4, 8, 63}, {2, 9, 64}, {9, 17, 65},
        {8, 16, 128}, {17, 33, 130}, {5, 3, 200}, {33, 64, 576}, {16, 70, 1600}, {3, 37, 1984}, {2, 11, 2050},
        {64, 300, 64}, {1, 1000, 9}};
    for (const auto &s : shapes)
        QTest::addRow("%dx%dx%d", s[0], s[1], s[2]) << s[0] << s[1] << s[2];
}

void TestBinaryKernels::gemmMatchesFloat()
{
    QFETCH(int, m);
    QFETCH(int, n);
    QFETCH(int, k);
    const std::vector<float> a = randomValues(std::size_t(m) * k, 1u + m * 7 + k);
    const std::vector<float> b = randomValues(std::size_t(n) * k, 2u + n * 13 + k);
    const std::vector<float> want = referenceGemm(a, b, m, n, k);
    const PackedBits pa = PackedBits::fromSigns(a.data(), m, k);
    const PackedBits pb = PackedBits::fromSigns(b.data(), n, k);
    std::vector<std::int32_t> scalar;
    for (BinaryKernel kernel : availableKernels()) {
        std::vector<std::int32_t> got(std::size_t(m) * n, -99999);
        binaryGemm(pa, pb, got.data(), kernel);
        const int bad = firstMismatch(got, want);
        if (bad >= 0)
            QFAIL(qPrintable(QStringLiteral("%1 kernel: element %2 is %3, float says %4")
                                 .arg(QLatin1String(binaryKernelName(kernel)))
                                 .arg(bad)
                                 .arg(got[bad])
                                 .arg(double(want[bad]))));
        if (kernel == BinaryKernel::Scalar)
            scalar = got;
        else
            QVERIFY(got == scalar);
    }
}

void TestBinaryKernels::gemmStridedSplitMatchesWhole()
{
    // A caller that splits the rows of A across threads gets the same popcounts.
    const int m = 23, n = 19, k = 300;
    const PackedBits pa = PackedBits::fromSigns(randomValues(std::size_t(m) * k, 5).data(), m, k);
    const PackedBits pb = PackedBits::fromSigns(randomValues(std::size_t(n) * k, 6).data(), n, k);
    const int words = pa.wordsPerRow();
    for (BinaryKernel kernel : availableKernels()) {
        std::vector<std::int32_t> whole(std::size_t(m) * n), split(std::size_t(m) * n);
        xorPopcountGemm(pa.data(), words, m, pb.data(), words, n, words, whole.data(), n, kernel);
        for (int i0 = 0; i0 < m; i0 += 7) {
            const int rows = std::min(7, m - i0);
            xorPopcountGemm(
                pa.row(i0), words, rows, pb.data(), words, n, words, split.data() + i0 * n, n, kernel);
        }
        QVERIFY(whole == split);
        QCOMPARE(whole[0],
            std::int32_t(__builtin_popcountll(pa.row(0)[0] ^ pb.row(0)[0])
                + __builtin_popcountll(pa.row(0)[1] ^ pb.row(0)[1])
                + __builtin_popcountll(pa.row(0)[2] ^ pb.row(0)[2])
                + __builtin_popcountll(pa.row(0)[3] ^ pb.row(0)[3])
                + __builtin_popcountll(pa.row(0)[4] ^ pb.row(0)[4])));
    }
}

void TestBinaryKernels::denseMatchesFloat()
{
    // nn.Linear layout: inputs batch x in, weights out x in.
    const int batch = 6, in = 100, outFeatures = 10;
    const std::vector<float> x = randomValues(std::size_t(batch) * in, 11);
    const std::vector<float> w = randomValues(std::size_t(outFeatures) * in, 12);
    const std::vector<float> want = referenceGemm(x, w, batch, outFeatures, in);
    std::vector<std::int32_t> got(std::size_t(batch) * outFeatures);
    binaryDense(PackedBits::fromSigns(x.data(), batch, in), PackedBits::fromSigns(w.data(), outFeatures, in),
        got.data());
    QCOMPARE(firstMismatch(got, want), -1);
}

void TestBinaryKernels::kernelSelection()
{
    QVERIFY(binaryKernelSupported(BinaryKernel::Scalar));
    QCOMPARE(resolveBinaryKernel(BinaryKernel::Scalar), BinaryKernel::Scalar);
    const BinaryKernel best = resolveBinaryKernel(BinaryKernel::Auto);
    QVERIFY(best != BinaryKernel::Auto);
    QVERIFY(binaryKernelSupported(best));
#if defined(__x86_64__) && defined(Q_OS_LINUX)
    // The run-time probe agrees with what the kernel reports about this CPU.
    const bool avx2 = cpuinfoHasFlag("avx2") && cpuinfoHasFlag("popcnt");
    const bool avx512 = cpuinfoHasFlag("avx512f") && cpuinfoHasFlag("avx512_vpopcntdq");
    QCOMPARE(binaryKernelSupported(BinaryKernel::Avx2), avx2);
    QCOMPARE(binaryKernelSupported(BinaryKernel::Avx512), avx512);
    QCOMPARE(best, avx512 ? BinaryKernel::Avx512 : avx2 ? BinaryKernel::Avx2 : BinaryKernel::Scalar);
    if (!avx512)
        QCOMPARE(resolveBinaryKernel(BinaryKernel::Avx512), avx2 ? BinaryKernel::Avx2 : BinaryKernel::Scalar);
    qInfo("kernels on this CPU: avx2 %s, avx512 %s; auto runs %s", avx2 ? "yes" : "no", avx512 ? "yes" : "no",
        binaryKernelName(best));
#endif
}

void TestBinaryKernels::convHandComputed()
{
    // One 2x2 image of +1 (a 0 among them), one 3x3 filter of +1, padding 1: each output sees
    // four in-image taps, the other five multiply torch's zero padding.
    const std::vector<float> x{1.0f, 0.0f, 3.0f, 0.5f};
    const std::vector<float> plus(9, 1.0f), minus(9, -1.0f);
    BinaryConv2dOptions opt;
    opt.padH = opt.padW = 1;
    std::vector<std::int32_t> out(4, 0);
    QVERIFY(binaryConv2d(
        x.data(), 1, 1, 2, 2, PackedConvWeights::fromSigns(plus.data(), 1, 1, 3, 3), opt, out.data()));
    QCOMPARE(out, (std::vector<std::int32_t>{4, 4, 4, 4}));
    QVERIFY(binaryConv2d(
        x.data(), 1, 1, 2, 2, PackedConvWeights::fromSigns(minus.data(), 1, 1, 3, 3), opt, out.data()));
    QCOMPARE(out, (std::vector<std::int32_t>{-4, -4, -4, -4}));

    // 3x3 image, a -1 in the centre, 2x2 all-ones filter, no padding, stride 1: every window
    // holds the centre once, so each output is 3 - 1 = 2.
    std::vector<float> y(9, 1.0f);
    y[4] = -1.0f;
    const std::vector<float> ones(4, 1.0f);
    out.assign(4, 0);
    QVERIFY(binaryConv2d(y.data(), 1, 1, 3, 3, PackedConvWeights::fromSigns(ones.data(), 1, 1, 2, 2),
        BinaryConv2dOptions{}, out.data()));
    QCOMPARE(out, (std::vector<std::int32_t>{2, 2, 2, 2}));
}

void TestBinaryKernels::convMatchesFloat_data()
{
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("outChannels");
    QTest::addColumn<int>("kernelH");
    QTest::addColumn<int>("kernelW");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("pad");
    for (int channels : {1, 3, 64, 65})
        for (int stride : {1, 2})
            for (int pad : {0, 1})
                QTest::addRow("c%d 3x3 s%d p%d 7x5", channels, stride, pad)
                    << 2 << channels << 7 << 5 << 5 << 3 << 3 << stride << pad;
    QTest::newRow("c128 3x3 s1 p1 9x9 o17") << 1 << 128 << 9 << 9 << 17 << 3 << 3 << 1 << 1;
    QTest::newRow("c130 3x3 s2 p1 6x6 o9") << 1 << 130 << 6 << 6 << 9 << 3 << 3 << 2 << 1;
    QTest::newRow("c16 5x5 s1 p2 8x8") << 3 << 16 << 8 << 8 << 32 << 5 << 5 << 1 << 2;
    QTest::newRow("c64 1x1 s1 p0 4x4") << 2 << 64 << 4 << 4 << 24 << 1 << 1 << 1 << 0;
    QTest::newRow("c3 3x1 s1 p1 5x5") << 1 << 3 << 5 << 5 << 4 << 3 << 1 << 1 << 1;
    QTest::newRow("c2 3x3 s1 p2 1x1 (all but centre padded)") << 1 << 2 << 1 << 1 << 3 << 3 << 3 << 1 << 2;
    QTest::newRow("c8 3x3 s3 p0 10x10") << 1 << 8 << 10 << 10 << 6 << 3 << 3 << 3 << 0;
}

void TestBinaryKernels::convMatchesFloat()
{
    QFETCH(int, batch);
    QFETCH(int, channels);
    QFETCH(int, height);
    QFETCH(int, width);
    QFETCH(int, outChannels);
    QFETCH(int, kernelH);
    QFETCH(int, kernelW);
    QFETCH(int, stride);
    QFETCH(int, pad);
    BinaryConv2dOptions opt;
    opt.strideH = opt.strideW = stride;
    opt.padH = opt.padW = pad;
    const std::vector<float> x = randomValues(std::size_t(batch) * channels * height * width, 21u + channels);
    const std::vector<float> w
        = randomValues(std::size_t(outChannels) * channels * kernelH * kernelW, 22u + channels);
    const std::vector<float> want
        = referenceConv(x, w, batch, channels, height, width, outChannels, kernelH, kernelW, opt);
    QVERIFY(!want.empty());
    const PackedConvWeights weights
        = PackedConvWeights::fromSigns(w.data(), outChannels, channels, kernelH, kernelW);
    QCOMPARE(weights.sign(outChannels - 1, channels - 1, kernelH - 1, kernelW - 1), signOf(w.back()));
    const PackedBits pixels = packNchwPixels(x.data(), batch, channels, height, width);
    for (BinaryKernel kernel : availableKernels()) {
        std::vector<std::int32_t> got(want.size(), -99999);
        QVERIFY(binaryConv2d(pixels, batch, height, width, weights, opt, got.data(), kernel));
        const int bad = firstMismatch(got, want);
        if (bad >= 0)
            QFAIL(qPrintable(QStringLiteral("%1 kernel: element %2 is %3, float conv says %4")
                                 .arg(QLatin1String(binaryKernelName(kernel)))
                                 .arg(bad)
                                 .arg(got[bad])
                                 .arg(double(want[bad]))));
    }
}

void TestBinaryKernels::convRejectsMismatchedShapes()
{
    const std::vector<float> x(2 * 4 * 4, 1.0f), w(3 * 2 * 9, 1.0f);
    const PackedConvWeights weights = PackedConvWeights::fromSigns(w.data(), 3, 2, 3, 3);
    std::vector<std::int32_t> out(64, 7);
    // Three channels against a two-channel kernel.
    QVERIFY(!binaryConv2d(x.data(), 1, 3, 4, 2, weights, BinaryConv2dOptions{}, out.data()));
    // Pixel rows that do not match batch x height x width.
    const PackedBits pixels = packNchwPixels(x.data(), 1, 2, 4, 4);
    QVERIFY(!binaryConv2d(pixels, 2, 4, 4, weights, BinaryConv2dOptions{}, out.data()));
    BinaryConv2dOptions zeroStride;
    zeroStride.strideH = 0;
    QVERIFY(!binaryConv2d(pixels, 1, 4, 4, weights, zeroStride, out.data()));
    QVERIFY(std::all_of(out.begin(), out.end(), [](std::int32_t v) { return v == 7; }));
    QCOMPARE(BinaryConv2dOptions::outputSize(4, 5, 1, 0), 0);
    QCOMPARE(BinaryConv2dOptions::outputSize(7, 3, 2, 1), 4);
}

void TestBinaryKernels::benchmarkFigures()
{
    // Not a performance assertion: the figures are printed for the record, and the benchmark's
    // own cross-check (every path equals the float GEMM) must hold.
    const int shapes[][3] = {{256, 64, 576}, {1024, 64, 1600}};
    for (const auto &s : shapes) {
        const BinaryKernelTiming t = measureBinaryGemm(s[0], s[1], s[2], 3);
        QVERIFY(t.resultsAgree);
        QVERIFY(t.scalar.available && t.scalar.seconds > 0.0);
        QVERIFY(t.floatGemm.available && t.floatGemm.seconds > 0.0);
        QCOMPARE(t.avx2.available, binaryKernelSupported(BinaryKernel::Avx2));
        auto us = [](const BinaryKernelTiming::Entry &e) { return e.available ? e.seconds * 1e6 : 0.0; };
        qInfo("M %d N %d K %d: float %.0f us (%.1f GOPS), scalar %.0f us (%.1f), avx2 %.0f us (%.1f), "
              "avx512 %.0f us (%.1f)",
            t.m, t.n, t.k, us(t.floatGemm), t.floatGemm.gops, us(t.scalar), t.scalar.gops, us(t.avx2),
            t.avx2.gops, us(t.avx512), t.avx512.gops);
    }
}

QTEST_GUILESS_MAIN(TestBinaryKernels)
#include "tst_binarykernels.moc"
