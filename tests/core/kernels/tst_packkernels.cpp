// The vectorized helpers of the bit-packed path against hand-computed values and a one-bit-at-a-
// time reference: the +-1 check, the pixel-by-pixel sign packing (several words per pixel, plane
// sizes that leave a tail, NaN and -0), and the int32 -> float conversion.
#include "kernels/packkernels.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace qb;

class TestPackKernels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void allPlusMinusOneHandValues();
    void packHandValues();
    void packMatchesBitByBit_data();
    void packMatchesBitByBit();
    void int32ToFloatValues();
};

void TestPackKernels::allPlusMinusOneHandValues()
{
    std::vector<float> v(10001, 1.0f);
    for (std::size_t i = 0; i < v.size(); i += 3)
        v[i] = -1.0f;
    QVERIFY(allPlusMinusOne(v.data(), v.size()));
    QVERIFY(allPlusMinusOne(v.data(), 0));
    for (float bad : {0.0f, -0.0f, 0.999f, 2.0f, std::numeric_limits<float>::quiet_NaN()}) {
        std::vector<float> w = v;
        w[9000] = bad; // in a later block than the first
        QVERIFY2(!allPlusMinusOne(w.data(), w.size()), qPrintable(QString::number(bad)));
    }
}

void TestPackKernels::packHandValues()
{
    // Two channels, three pixels: channel 0 = {1, -2, 0}, channel 1 = {-0, NaN, -5}.
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const std::vector<float> image{1.0f, -2.0f, 0.0f, -0.0f, nan, -5.0f};
    std::vector<std::uint64_t> words(3, ~std::uint64_t(0));
    packChannelSigns(image.data(), 2, 3, words.data(), 1);
    // Pixel 0: c0 set, c1 (-0 >= 0) set -> 0b11; pixel 1: neither -> 0; pixel 2: c0 only -> 0b01.
    QCOMPARE(words, (std::vector<std::uint64_t>{3u, 0u, 1u}));
}

void TestPackKernels::packMatchesBitByBit_data()
{
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("plane");
    QTest::newRow("32 channels, 13x13") << 32 << 169;
    QTest::newRow("64 channels, 11x11") << 64 << 121;
    QTest::newRow("70 channels (two words), 5 pixels") << 70 << 5;
    QTest::newRow("3 channels, 8 pixels") << 3 << 8;
}

void TestPackKernels::packMatchesBitByBit()
{
    QFETCH(int, channels);
    QFETCH(int, plane);
    std::mt19937 rng(4);
    std::normal_distribution<float> normal;
    std::vector<float> image(std::size_t(channels) * plane);
    for (float &v : image)
        v = normal(rng);
    const int words = (channels + 63) / 64;
    std::vector<std::uint64_t> packed(std::size_t(plane) * words, ~std::uint64_t(0));
    packChannelSigns(image.data(), channels, std::size_t(plane), packed.data(), words);
    for (int p = 0; p < plane; ++p) {
        for (int w = 0; w < words; ++w) {
            std::uint64_t expected = 0;
            for (int b = 0; b < 64 && w * 64 + b < channels; ++b)
                expected |= std::uint64_t(image[std::size_t(w * 64 + b) * plane + p] >= 0.0f) << b;
            QCOMPARE(packed[std::size_t(p) * words + w], expected);
        }
    }
}

void TestPackKernels::int32ToFloatValues()
{
    const std::vector<std::int32_t> in{0, -1, 7, -288, 16777215, -16777215, 3, 5, 9};
    std::vector<float> out(in.size());
    int32ToFloat(in.data(), out.data(), in.size());
    for (std::size_t i = 0; i < in.size(); ++i)
        QCOMPARE(out[i], float(in[i]));
}

QTEST_APPLESS_MAIN(TestPackKernels)
#include "tst_packkernels.moc"
