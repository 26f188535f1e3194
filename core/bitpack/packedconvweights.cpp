#include "bitpack/packedconvweights.h"

#include "bitpack/packedbits.h"

#include <algorithm>

namespace qb {

PackedConvWeights PackedConvWeights::fromSigns(
    const float *weights, int outChannels, int channels, int kernelH, int kernelW)
{
    PackedConvWeights p;
    p.m_outChannels = std::max(outChannels, 0);
    p.m_channels = std::max(channels, 0);
    p.m_kernelH = std::max(kernelH, 0);
    p.m_kernelW = std::max(kernelW, 0);
    p.m_wordsPerTap = PackedBits::wordsFor(p.m_channels);
    const int taps = p.taps();
    p.m_words.assign(std::size_t(p.m_outChannels) * p.wordsPerFilter(), 0u);
    p.m_tapPopcounts.assign(std::size_t(p.m_outChannels) * taps, 0);
    for (int o = 0; o < p.m_outChannels; ++o) {
        const float *filter = weights + std::size_t(o) * p.m_channels * taps;
        for (int t = 0; t < taps; ++t) {
            // Channel c of tap t sits at filter[c * taps + t] in [O][C][KH][KW].
            std::uint64_t *words
                = p.m_words.data() + std::size_t(o) * p.wordsPerFilter() + std::size_t(t) * p.m_wordsPerTap;
            packSigns(filter + t, p.m_channels, std::size_t(taps), words);
            int count = 0;
            for (int w = 0; w < p.m_wordsPerTap; ++w)
                count += __builtin_popcountll(words[w]);
            p.m_tapPopcounts[std::size_t(o) * taps + t] = count;
        }
    }
    return p;
}

float PackedConvWeights::sign(int o, int c, int ky, int kx) const
{
    const int t = ky * m_kernelW + kx;
    const std::uint64_t word = filter(o)[std::size_t(t) * m_wordsPerTap + c / PackedBits::kWordBits];
    return (word >> (c % PackedBits::kWordBits)) & 1u ? 1.0f : -1.0f;
}

} // namespace qb
