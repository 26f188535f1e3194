#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace qb {

/// The sign bits of a binarized Conv2d kernel, packed once (per trained model or per simulated
/// chip) and reused for every batch by binaryConv2d().
///
/// Input layout is torch's [O][C][KH][KW] (Larq's [KH][KW][C][O] must be permuted first).
/// Packed layout: filter o is one row of taps() * wordsPerTap() words; tap t = ky * KW + kx
/// holds channel c at bit (c % 64) of word t * wordsPerTap() + c / 64, the padding bits of each
/// tap zero. That is the order in which binaryConv2d lays out an input patch, pixel after pixel,
/// so a filter and a patch meet in one popcount GEMM row by row.
///
/// Alongside the bits it keeps, per filter and tap, the number of +1 weights: a tap that falls on
/// torch's zero padding must contribute 0, and binaryConv2d subtracts it with these counts.
/// Sign convention as PackedBits: bit = (w >= 0). A plain value type.
class PackedConvWeights
{
public:
    PackedConvWeights() = default;

    static PackedConvWeights fromSigns(
        const float *weights, int outChannels, int channels, int kernelH, int kernelW);

    int outChannels() const { return m_outChannels; }
    int channels() const { return m_channels; }
    int kernelH() const { return m_kernelH; }
    int kernelW() const { return m_kernelW; }
    int taps() const { return m_kernelH * m_kernelW; }
    int wordsPerTap() const { return m_wordsPerTap; }
    int wordsPerFilter() const { return taps() * m_wordsPerTap; }
    bool isEmpty() const { return m_outChannels == 0 || m_channels == 0 || taps() == 0; }

    const std::uint64_t *filter(int o) const { return m_words.data() + std::size_t(o) * wordsPerFilter(); }
    const std::uint64_t *data() const { return m_words.data(); }
    /// Number of +1 weights of filter o at tap t = ky * kernelW() + kx.
    int tapPopcount(int o, int tap) const { return m_tapPopcounts[std::size_t(o) * taps() + tap]; }
    /// The weight as the float path sees it, +1.0f or -1.0f.
    float sign(int o, int c, int ky, int kx) const;

private:
    int m_outChannels = 0;
    int m_channels = 0;
    int m_kernelH = 0;
    int m_kernelW = 0;
    int m_wordsPerTap = 0;
    std::vector<std::uint64_t> m_words;
    std::vector<std::int32_t> m_tapPopcounts;
};

} // namespace qb
