#include "bitpack/binaryconv2d.h"

#include "kernels/packkernels.h"
#include "kernels/slidingwindow.h"

#include <algorithm>
#include <memory>
#include <vector>

namespace qb {

int BinaryConv2dOptions::outputSize(int in, int kernel, int stride, int pad)
{
    return slidingOutputSize(in, kernel, stride, pad);
}

PackedBits packNchwPixels(const float *nchw, int batch, int channels, int height, int width)
{
    const std::size_t plane = std::size_t(std::max(height, 0)) * std::max(width, 0);
    const int words = PackedBits::wordsFor(channels);
    std::vector<std::uint64_t> bits(std::size_t(std::max(batch, 0)) * plane * words);
    // packChannelSigns writes every word (vectorized across pixels).
    for (int n = 0; n < batch; ++n) {
        packChannelSigns(nchw + std::size_t(n) * channels * plane, channels, plane,
            bits.data() + std::size_t(n) * plane * words, words);
    }
    return PackedBits::fromWords(int(std::max(batch, 0) * plane), channels, std::move(bits));
}

bool binaryConv2d(const PackedBits &pixels, int batch, int height, int width,
    const PackedConvWeights &weights, const BinaryConv2dOptions &options, std::int32_t *out,
    BinaryKernel kernel)
{
    const int kh = weights.kernelH();
    const int kw = weights.kernelW();
    const int oh = BinaryConv2dOptions::outputSize(height, kh, options.strideH, options.padH);
    const int ow = BinaryConv2dOptions::outputSize(width, kw, options.strideW, options.padW);
    if (batch < 0 || height < 0 || width < 0 || options.strideH <= 0 || options.strideW <= 0
        || options.padH < 0 || options.padW < 0 || pixels.bits() != weights.channels()
        || pixels.rows() != batch * height * width)
        return false;
    const int outChannels = weights.outChannels();
    const int positions = oh * ow;
    if (positions == 0 || outChannels == 0 || batch == 0)
        return true;

    const int channels = weights.channels();
    const int tapWords = weights.wordsPerTap();
    const int patchWords = weights.wordsPerFilter();
    // out = validBits - 2 * (mismatches on in-image taps). A padding tap meets a zero patch word,
    // so the GEMM's popcount p also counts the filter's +1 weights there; hence
    //   out[o][p] = validBits(p) - 2 * p + 2 * (+1 weights of filter o on p's padding taps),
    // where everything but p depends on the geometry only and is computed once per call.
    const std::size_t imageOut = std::size_t(outChannels) * positions;
    std::vector<std::int32_t> validBits(positions);
    // The border positions and their padding taps: border[b] owns paddingTaps[paddingStart[b]
    // .. paddingStart[b + 1]).
    std::vector<int> border;
    std::vector<int> paddingStart{0};
    std::vector<int> paddingTaps;
    for (int oy = 0; oy < oh; ++oy) {
        for (int ox = 0; ox < ow; ++ox) {
            int valid = 0;
            for (int ky = 0; ky < kh; ++ky) {
                const int iy = oy * options.strideH - options.padH + ky;
                for (int kx = 0; kx < kw; ++kx) {
                    const int ix = ox * options.strideW - options.padW + kx;
                    if (iy >= 0 && iy < height && ix >= 0 && ix < width)
                        ++valid;
                    else
                        paddingTaps.push_back(ky * kw + kx);
                }
            }
            validBits[oy * ow + ox] = channels * valid;
            if (int(paddingTaps.size()) != paddingStart.back()) {
                border.push_back(oy * ow + ox);
                paddingStart.push_back(int(paddingTaps.size()));
            }
        }
    }
    // 2 * (+1 weights on the padding taps), per filter and border position: [o][b].
    std::vector<std::int32_t> paddingCorrection(std::size_t(outChannels) * border.size());
    for (int o = 0; o < outChannels; ++o) {
        for (std::size_t b = 0; b < border.size(); ++b) {
            int onPadding = 0;
            for (int i = paddingStart[b]; i < paddingStart[b + 1]; ++i)
                onPadding += weights.tapPopcount(o, paddingTaps[i]);
            paddingCorrection[o * border.size() + b] = 2 * onPadding;
        }
    }

    // Every word of a patch is written below, so the buffer needs no zeroing; it is allocated
    // once per call and reused for every image (fresh pages are costly on some VMs).
    std::unique_ptr<std::uint64_t[]> patches(new std::uint64_t[std::size_t(positions) * patchWords]);
    for (int n = 0; n < batch; ++n) {
        // Gather the patches. Along one kernel row the in-image taps are consecutive pixels, whose
        // words are consecutive in `pixels`: one copy per kernel row, zeros on either side.
        for (int oy = 0; oy < oh; ++oy) {
            for (int ox = 0; ox < ow; ++ox) {
                std::uint64_t *patch = patches.get() + std::size_t(oy * ow + ox) * patchWords;
                const int ix = ox * options.strideW - options.padW;
                const int kx0 = std::max(0, -ix);
                const int kx1 = std::min(kw, width - ix);
                // Plain word loops, not std::fill/std::copy: a kernel row is a handful of words, and
                // a library call per row cost more than the popcount GEMM itself.
                const std::size_t rowWords = std::size_t(kw) * tapWords;
                const std::size_t zerosBefore = std::size_t(kx0) * tapWords;
                const std::size_t copied = std::size_t(std::max(kx1 - kx0, 0)) * tapWords;
                for (int ky = 0; ky < kh; ++ky) {
                    const int iy = oy * options.strideH - options.padH + ky;
                    std::uint64_t *dst = patch + std::size_t(ky) * rowWords;
                    if (iy < 0 || iy >= height || kx0 >= kx1) {
                        for (std::size_t i = 0; i < rowWords; ++i)
                            dst[i] = 0u;
                        continue;
                    }
                    const std::uint64_t *src = pixels.row((n * height + iy) * width + ix + kx0);
                    std::size_t i = 0;
                    for (; i < zerosBefore; ++i)
                        dst[i] = 0u;
                    for (std::size_t k = 0; k < copied; ++k)
                        dst[i++] = src[k];
                    for (; i < rowWords; ++i)
                        dst[i] = 0u;
                }
            }
        }

        std::int32_t *imageResult = out + n * imageOut;
        xorPopcountGemm(weights.data(), patchWords, outChannels, patches.get(), patchWords, positions,
            patchWords, imageResult, positions, kernel);

        const std::int32_t *__restrict valid = validBits.data();
        for (int o = 0; o < outChannels; ++o) {
            std::int32_t *__restrict row = imageResult + std::size_t(o) * positions;
            for (int p = 0; p < positions; ++p)
                row[p] = valid[p] - 2 * row[p];
            const std::int32_t *correction = paddingCorrection.data() + o * border.size();
            for (std::size_t b = 0; b < border.size(); ++b)
                row[border[b]] += correction[b];
        }
    }
    return true;
}

bool binaryConv2d(const float *nchw, int batch, int channels, int height, int width,
    const PackedConvWeights &weights, const BinaryConv2dOptions &options, std::int32_t *out,
    BinaryKernel kernel)
{
    if (channels != weights.channels())
        return false;
    return binaryConv2d(packNchwPixels(nchw, batch, channels, height, width), batch, height, width, weights,
        options, out, kernel);
}

} // namespace qb
