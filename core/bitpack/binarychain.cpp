#include "bitpack/binarychain.h"

#include "bitpack/packedbits.h"
#include "kernels/slidingwindow.h"

#include <algorithm>
#include <cstring>
#include <limits>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace qb {

namespace {

/// 32-bit units written into and read from 64-bit word buffers (the GEMM's operands).
typedef std::uint32_t Unit32 __attribute__((may_alias));

typedef float Floats16 __attribute__((vector_size(64)));
typedef std::int32_t Ints16 __attribute__((vector_size(64)));
typedef std::uint32_t Units16 __attribute__((vector_size(64)));
constexpr int kLanes = 16;

#define QB_CHAIN_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

int unitsFor(int channels) { return (channels + 31) / 32; }
std::size_t wordsForUnits(std::size_t units) { return (units + 1) / 2; }

/// Float CHW map -> per-pixel units: unit (p, u) bit k = rule of channel 32u + k at pixel p.
/// Sixteen pixels at a time: one comparison per channel fills bit c of sixteen units.
QB_CHAIN_CLONES void packFloatPixels(const float *__restrict map, int channels, int pixels,
    const float *__restrict scale, const float *__restrict threshold, Unit32 *__restrict units)
{
    const int unitCount = unitsFor(channels);
    int p0 = 0;
    for (; p0 + kLanes <= pixels; p0 += kLanes) {
        for (int u = 0; u < unitCount; ++u) {
            Units16 acc = {};
            const int c1 = std::min(channels, 32 * u + 32);
            for (int c = 32 * u; c < c1; ++c) {
                Floats16 v;
                std::memcpy(&v, map + std::size_t(c) * pixels + p0, sizeof v);
                const Ints16 on = v * scale[c] >= threshold[c];
                acc |= reinterpret_cast<const Units16 &>(on) & (1u << (c - 32 * u));
            }
            for (int l = 0; l < kLanes; ++l)
                units[std::size_t(p0 + l) * unitCount + u] = acc[l];
        }
    }
    for (; p0 < pixels; ++p0) {
        for (int u = 0; u < unitCount; ++u) {
            std::uint32_t acc = 0;
            const int c1 = std::min(channels, 32 * u + 32);
            for (int c = 32 * u; c < c1; ++c)
                acc |= std::uint32_t(map[std::size_t(c) * pixels + p0] * scale[c] >= threshold[c])
                    << (c - 32 * u);
            units[std::size_t(p0) * unitCount + u] = acc;
        }
    }
}

#if defined(__x86_64__) || defined(__i386__)
#define QB_CHAIN_X86 1
/// NaN-propagating maximum (torch's rule that NaN wins; of equal values either, since only the
/// pooled value's sign rule is used): MAXPS returns its second operand when either is NaN, so a
/// NaN in `a` is put back with a mask.
__attribute__((target("avx512f"), always_inline)) inline __m512 nanMax512(__m512 a, __m512 b)
{
    // maskz_max: _mm512_max_ps trips a GCC 12 false "uninitialized" warning.
    return _mm512_mask_mov_ps(_mm512_maskz_max_ps(0xffff, a, b), _mm512_cmp_ps_mask(a, a, _CMP_UNORD_Q), a);
}

/// Max pooling of float CHW planes with a 2x2 window and stride 2, no padding, in AVX-512:
/// per output row the vertical maxima of two input rows, then the maxima of column pairs by two
/// permutes, 16 outputs at a time (masked loads and stores at the row's end). Written with
/// intrinsics because GCC 12 scalarises vector comparisons of float vectors turned into masks.
__attribute__((target("avx512f"))) void maxPool2x2Avx512(
    const float *in, int planes, int height, int width, float *out)
{
    const int oh = height / 2, ow = width / 2;
    const __m512i even = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    const __m512i odd = _mm512_setr_epi32(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31);
    for (int c = 0; c < planes; ++c) {
        const float *plane = in + std::size_t(c) * height * width;
        float *dst = out + std::size_t(c) * oh * ow;
        for (int oy = 0; oy < oh; ++oy) {
            const float *r0 = plane + std::size_t(2 * oy) * width;
            const float *r1 = r0 + width;
            for (int o = 0; o < ow; o += 16) {
                const int outputs = std::min(16, ow - o);
                const int x = 2 * o;
                const int left = 2 * outputs; // input columns of this block
                const __mmask16 lo = __mmask16(left >= 16 ? 0xffff : (1u << left) - 1u);
                const __mmask16 hi = __mmask16(left >= 32 ? 0xffff
                        : left <= 16                      ? 0
                                                          : (1u << (left - 16)) - 1u);
                const __m512 m0
                    = nanMax512(_mm512_maskz_loadu_ps(lo, r0 + x), _mm512_maskz_loadu_ps(lo, r1 + x));
                const __m512 m1 = nanMax512(
                    _mm512_maskz_loadu_ps(hi, r0 + x + 16), _mm512_maskz_loadu_ps(hi, r1 + x + 16));
                const __m512 pooled
                    = nanMax512(_mm512_permutex2var_ps(m0, even, m1), _mm512_permutex2var_ps(m0, odd, m1));
                _mm512_mask_storeu_ps(
                    dst + std::size_t(oy) * ow + o, __mmask16((1u << outputs) - 1u), pooled);
            }
        }
    }
}
#endif

/// The chain's entry in one pass on AVX-512: the binary-weight conv of a one-channel image
/// (stride 1; `plane` already zero-padded, row stride `wp`), then max pooling over windows of
/// Window x Window with the same stride (1: none), the sign rule, and the packing of every
/// pooled pixel's channels, without writing the conv map. Per pooled pixel and 16 output
/// channels (the lanes), each conv output of the window is summed from +0 tap after tap in
/// (ky, kx) order, as binaryWeightConv2d and torch sum it (w * x = +-x is exact, so the fused
/// multiply-add rounds the same sum once); the window's maximum (NaN wins) is compared with the
/// thresholds, and the comparison mask is the pixel's 16 bits.
/// `weights` is [groups][taps][16] (zero past `outChannels`), `scale` / `threshold` [groups * 16].
template <int Window>
__attribute__((target("avx512f"))) void entryConvPoolPackAvx512(const float *plane, int wp, int pooledH,
    int pooledW, int kernelH, int kernelW, int outChannels, const float *weights, const float *scale,
    const float *threshold, Unit32 *units)
{
    constexpr int kPositions = Window * Window;
    const int groups = (outChannels + 15) / 16;
    const int unitCount = unitsFor(outChannels);
    const int taps = kernelH * kernelW;
    for (int py = 0; py < pooledH; ++py) {
        for (int px = 0; px < pooledW; ++px) {
            Unit32 *dst = units + std::size_t(py * pooledW + px) * unitCount;
            const float *origin = plane + std::size_t(py * Window) * wp + px * Window;
            // Two groups of 16 channels (one 32-bit unit) at a time: with every window position
            // that is 2 x 4 independent sums, enough to hide the latency of the multiply-adds.
            for (int g0 = 0; g0 < groups; g0 += 2) {
                const int pair = std::min(2, groups - g0);
                __m512 acc[2][kPositions];
                for (int k = 0; k < 2; ++k)
                    for (int q = 0; q < kPositions; ++q)
                        acc[k][q] = _mm512_setzero_ps();
                const float *w0 = weights + std::size_t(g0) * taps * 16;
                const float *w1 = pair > 1 ? w0 + std::size_t(taps) * 16 : w0;
                int t = 0;
                for (int ky = 0; ky < kernelH; ++ky) {
                    for (int kx = 0; kx < kernelW; ++kx, ++t) {
                        const __m512 a = _mm512_loadu_ps(w0 + t * 16);
                        const __m512 b = _mm512_loadu_ps(w1 + t * 16);
                        for (int q = 0; q < kPositions; ++q) {
                            const __m512 x
                                = _mm512_set1_ps(origin[std::size_t(q / Window + ky) * wp + q % Window + kx]);
                            acc[0][q] = _mm512_fmadd_ps(a, x, acc[0][q]);
                            acc[1][q] = _mm512_fmadd_ps(b, x, acc[1][q]);
                        }
                    }
                }
                std::uint32_t unit = 0;
                for (int k = 0; k < pair; ++k) {
                    const int g = g0 + k;
                    __m512 best = acc[k][0];
                    for (int q = 1; q < kPositions; ++q)
                        best = nanMax512(best, acc[k][q]);
                    const __mmask16 on
                        = _mm512_cmp_ps_mask(_mm512_mul_ps(best, _mm512_loadu_ps(scale + 16 * g)),
                            _mm512_loadu_ps(threshold + 16 * g), _CMP_GE_OQ);
                    const int valid = std::min(16, outChannels - 16 * g);
                    unit |= (std::uint32_t(on) & ((1u << valid) - 1u)) << (16 * k);
                }
                dst[g0 / 2] = unit;
            }
        }
    }
}

/// 2x2 / stride 2 max pooling of float CHW planes: the AVX-512 kernel where the CPU has it,
/// else the general torch-exact kernel of kernels/poolkernels.h.
void maxPool2x2Float(const float *in, int planes, const PoolGeometry &g, float *out, bool avx512)
{
#ifdef QB_CHAIN_X86
    if (avx512) {
        maxPool2x2Avx512(in, planes, g.height, g.width, out);
        return;
    }
#endif
    maxPool2dForward(in, std::size_t(planes), g, out, nullptr);
}

/// The conv's popcounts [positions][O] become dot products: valid[p] - 2 * popcount.
QB_CHAIN_CLONES void popcountsToDots(
    std::int32_t *__restrict out, int positions, int outChannels, const std::int32_t *__restrict valid)
{
    for (int p = 0; p < positions; ++p) {
        std::int32_t *row = out + std::size_t(p) * outChannels;
        for (int o = 0; o < outChannels; ++o)
            row[o] = valid[p] - 2 * row[o];
    }
}

/// dst[k] = src[index[k]]: the patch gather (vectorised with gather instructions where the CPU
/// has them).
QB_CHAIN_CLONES void gatherUnits(const Unit32 *__restrict src, const std::int32_t *__restrict index,
    std::size_t count, Unit32 *__restrict dst)
{
    for (std::size_t k = 0; k < count; ++k)
        dst[k] = src[index[k]];
}

/// Int [P][C] map -> per-pixel units.
QB_CHAIN_CLONES void packIntPixelsGeneric(const std::int32_t *__restrict map, int channels, int pixels,
    const std::int32_t *__restrict scale, const std::int32_t *__restrict threshold, Unit32 *__restrict units)
{
    const int unitCount = unitsFor(channels);
    for (int p = 0; p < pixels; ++p) {
        const std::int32_t *v = map + std::size_t(p) * channels;
        for (int u = 0; u < unitCount; ++u) {
            std::uint32_t acc = 0;
            const int c1 = std::min(channels, 32 * u + 32);
            for (int c = 32 * u; c < c1; ++c)
                acc |= std::uint32_t(v[c] * scale[c] >= threshold[c]) << (c - 32 * u);
            units[std::size_t(p) * unitCount + u] = acc;
        }
    }
}

#ifdef QB_CHAIN_X86
/// packIntPixelsGeneric in AVX-512: one comparison gives 16 channels' bits of a pixel.
__attribute__((target("avx512f"))) void packIntPixelsAvx512(const std::int32_t *map, int channels, int pixels,
    const std::int32_t *scale, const std::int32_t *threshold, Unit32 *units)
{
    const int unitCount = unitsFor(channels);
    for (int p = 0; p < pixels; ++p) {
        const std::int32_t *v = map + std::size_t(p) * channels;
        Unit32 *dst = units + std::size_t(p) * unitCount;
        for (int u = 0; u < unitCount; ++u) {
            std::uint32_t unit = 0;
            for (int h = 0; h < 2; ++h) {
                const int c = 32 * u + 16 * h;
                const int valid = std::min(16, channels - c);
                if (valid <= 0)
                    break;
                const __mmask16 lanes = __mmask16((1u << valid) - 1u);
                const __m512i x = _mm512_maskz_loadu_epi32(lanes, v + c);
                const __m512i s = _mm512_maskz_loadu_epi32(lanes, scale + c);
                const __m512i t = _mm512_maskz_loadu_epi32(lanes, threshold + c);
                const __mmask16 on
                    = _mm512_mask_cmp_epi32_mask(lanes, _mm512_mullo_epi32(x, s), t, _MM_CMPINT_NLT);
                unit |= std::uint32_t(on) << (16 * h);
            }
            dst[u] = unit;
        }
    }
}
#endif

void packIntPixels(const std::int32_t *map, int channels, int pixels, const std::int32_t *scale,
    const std::int32_t *threshold, Unit32 *units, bool avx512)
{
#ifdef QB_CHAIN_X86
    if (avx512) {
        packIntPixelsAvx512(map, channels, pixels, scale, threshold, units);
        return;
    }
#endif
    packIntPixelsGeneric(map, channels, pixels, scale, threshold, units);
}

/// Max pooling of an int [H*W][C] map into [OH*OW][C] (padding cells never win).
QB_CHAIN_CLONES void maxPoolPixels(
    const std::int32_t *__restrict in, int channels, const PoolGeometry &g, std::int32_t *__restrict out)
{
    const int oh = g.outputHeight(), ow = g.outputWidth();
    for (int oy = 0; oy < oh; ++oy) {
        for (int ox = 0; ox < ow; ++ox) {
            std::int32_t *dst = out + (std::size_t(oy) * ow + ox) * channels;
            bool first = true;
            for (int ky = 0; ky < g.kernelH; ++ky) {
                const int iy = oy * g.strideH - g.padH + ky;
                if (iy < 0 || iy >= g.height)
                    continue;
                for (int kx = 0; kx < g.kernelW; ++kx) {
                    const int ix = ox * g.strideW - g.padW + kx;
                    if (ix < 0 || ix >= g.width)
                        continue;
                    const std::int32_t *src = in + (std::size_t(iy) * g.width + ix) * channels;
                    if (first) {
                        for (int c = 0; c < channels; ++c)
                            dst[c] = src[c];
                        first = false;
                    } else {
                        for (int c = 0; c < channels; ++c)
                            dst[c] = std::max(dst[c], src[c]);
                    }
                }
            }
        }
    }
}

} // namespace

/// Per-call buffers, sized once for the largest step.
struct BinaryChain::Workspace
{
    std::vector<float> convMap, pooledFloat, convScratch;
    std::vector<std::int32_t> intMap, pooledInt;
    std::vector<std::uint64_t> bits, patches;
    bool avx512 = false; ///< use the chain's AVX-512 code (see run())
};

bool BinaryChain::setInput(int channels, int height, int width)
{
    if (m_inputChannels != 0 || channels <= 0 || height <= 0 || width <= 0)
        return !(m_broken = true);
    m_inputChannels = channels;
    m_inputHeight = height;
    m_inputWidth = width;
    m_shape = {channels, height, width};
    return true;
}

bool BinaryChain::setInputConv(const BinaryWeightConvGeometry &conv, std::vector<float> weights)
{
    if (!conv.valid()
        || weights.size() != std::size_t(conv.outChannels) * conv.channels * conv.kernelH * conv.kernelW
        || !setInput(conv.channels, conv.height, conv.width))
        return !(m_broken = true);
    m_inputConv = true;
    m_conv = conv;
    m_convWeights = std::move(weights);
    m_shape = {conv.outChannels, conv.outputHeight(), conv.outputWidth()};
    return true;
}

bool BinaryChain::addBinarizeStep(const PoolGeometry *pool, Binarize step)
{
    step.in = m_shape;
    step.out = m_shape;
    if (pool) {
        step.pool = true;
        step.poolGeometry = *pool;
        step.poolGeometry.height = m_shape.height;
        step.poolGeometry.width = m_shape.width;
        if (!step.poolGeometry.valid())
            return !(m_broken = true);
        step.out.height = step.poolGeometry.outputHeight();
        step.out.width = step.poolGeometry.outputWidth();
    }
    m_binarize.push_back(std::move(step));
    m_shape = m_binarize.back().out;
    m_pendingBinarize = true;
    return true;
}

bool BinaryChain::addBinarize(const PoolGeometry *pool, ChannelSignRule<float> rule)
{
    if (m_broken || m_inputChannels == 0 || m_pendingBinarize || m_shapeIsInt
        || rule.channels() != m_shape.channels || rule.threshold.size() != rule.scale.size())
        return !(m_broken = true);
    Binarize step;
    step.floatInput = true;
    step.floatRule = std::move(rule);
    return addBinarizeStep(pool, std::move(step));
}

bool BinaryChain::addBinarize(const PoolGeometry *pool, ChannelSignRule<std::int32_t> rule)
{
    if (m_broken || m_pendingBinarize || !m_shapeIsInt || rule.channels() != m_shape.channels
        || rule.threshold.size() != rule.scale.size())
        return !(m_broken = true);
    Binarize step;
    step.intRule = std::move(rule);
    return addBinarizeStep(pool, std::move(step));
}

bool BinaryChain::addConv(const float *weights, int outChannels, int kernelH, int kernelW, int strideH,
    int strideW, int padH, int padW)
{
    if (m_broken || !m_pendingBinarize || outChannels <= 0 || kernelH <= 0 || kernelW <= 0 || strideH <= 0
        || strideW <= 0 || padH < 0 || padW < 0)
        return !(m_broken = true);
    Layer l;
    l.conv = true;
    l.in = m_shape;
    l.kernelH = kernelH;
    l.kernelW = kernelW;
    l.strideH = strideH;
    l.strideW = strideW;
    l.padH = padH;
    l.padW = padW;
    l.out = {outChannels, slidingOutputSize(m_shape.height, kernelH, strideH, padH),
        slidingOutputSize(m_shape.width, kernelW, strideW, padW)};
    if (l.out.height <= 0 || l.out.width <= 0)
        return !(m_broken = true);
    const int channels = m_shape.channels;
    const int taps = kernelH * kernelW;
    l.units = unitsFor(channels);
    l.words = int(wordsForUnits(std::size_t(taps) * l.units));

    // Filters: unit (tap * units + c / 32), bit c % 32; bits past the channels stay zero.
    l.filters.assign(std::size_t(outChannels) * l.words, 0u);
    std::vector<std::int32_t> tapOnes(std::size_t(outChannels) * taps, 0);
    for (int o = 0; o < outChannels; ++o) {
        Unit32 *units = reinterpret_cast<Unit32 *>(l.filters.data() + std::size_t(o) * l.words);
        // Branch-free: the signs are random, and a mispredicted branch per weight cost more
        // than the rest of building the chain.
        for (int c = 0; c < channels; ++c) {
            for (int t = 0; t < taps; ++t) {
                const std::uint32_t one = weights[(std::size_t(o) * channels + c) * taps + t] >= 0.0f;
                units[std::size_t(t) * l.units + c / 32] |= one << (c % 32);
                tapOnes[std::size_t(o) * taps + t] += std::int32_t(one);
            }
        }
    }
    // out = validBits - 2 * popcount + 2 * (+1 weights on the padding taps), as binaryConv2d.
    for (int oy = 0; oy < l.out.height; ++oy) {
        for (int ox = 0; ox < l.out.width; ++ox) {
            int valid = 0;
            std::vector<int> padding;
            for (int ky = 0; ky < kernelH; ++ky) {
                const int iy = oy * strideH - padH + ky;
                for (int kx = 0; kx < kernelW; ++kx) {
                    const int ix = ox * strideW - padW + kx;
                    if (iy >= 0 && iy < m_shape.height && ix >= 0 && ix < m_shape.width)
                        ++valid;
                    else
                        padding.push_back(ky * kernelW + kx);
                }
            }
            l.validBits.push_back(channels * valid);
            // This position's patch: unit u of tap (ky, kx) from its input pixel, or the zero unit
            // past the map on padding taps and in the unused half of the last word.
            const std::int32_t zeroUnit = m_shape.pixels() * l.units;
            for (int ky = 0; ky < kernelH; ++ky) {
                const int iy = oy * strideH - padH + ky;
                for (int kx = 0; kx < kernelW; ++kx) {
                    const int ix = ox * strideW - padW + kx;
                    const bool inside = iy >= 0 && iy < m_shape.height && ix >= 0 && ix < m_shape.width;
                    for (int u = 0; u < l.units; ++u)
                        l.gather.push_back(inside ? (iy * m_shape.width + ix) * l.units + u : zeroUnit);
                }
            }
            if (taps * l.units % 2)
                l.gather.push_back(zeroUnit);
            if (padding.empty())
                continue;
            l.borders.push_back(oy * l.out.width + ox);
            for (int o = 0; o < outChannels; ++o) {
                std::int32_t ones = 0;
                for (int t : padding)
                    ones += tapOnes[std::size_t(o) * taps + t];
                l.paddingCorrection.push_back(2 * ones);
            }
        }
    }
    m_layers.push_back(std::move(l));
    m_shape = m_layers.back().out;
    m_shapeIsInt = true;
    m_pendingBinarize = false;
    return true;
}

bool BinaryChain::addDense(const float *weights, int outFeatures)
{
    if (m_broken || !m_pendingBinarize || outFeatures <= 0)
        return !(m_broken = true);
    Layer l;
    l.in = m_shape;
    l.out = {outFeatures, 1, 1};
    const int channels = m_shape.channels, pixels = m_shape.pixels();
    // The input arrives as per-pixel units, not in torch's flattening order (feature c * pixels +
    // p): each filter is packed in the units' order instead. A dot product is the same sum in any
    // order, and the unused bits of the units are zero in both operands.
    const int units = unitsFor(channels);
    l.units = units;
    l.words = int(wordsForUnits(std::size_t(pixels) * units));
    l.dotLength = channels * pixels;
    l.filters.assign(std::size_t(outFeatures) * l.words, 0u);
    for (int o = 0; o < outFeatures; ++o) {
        Unit32 *row = reinterpret_cast<Unit32 *>(l.filters.data() + std::size_t(o) * l.words);
        const float *w = weights + std::size_t(o) * l.dotLength;
        for (int c = 0; c < channels; ++c)
            for (int p = 0; p < pixels; ++p)
                row[std::size_t(p) * units + c / 32] |= std::uint32_t(w[std::size_t(c) * pixels + p] >= 0.0f)
                    << (c % 32);
    }
    m_layers.push_back(std::move(l));
    m_shape = m_layers.back().out;
    m_shapeIsInt = true;
    m_pendingBinarize = false;
    return true;
}

bool BinaryChain::isComplete() const
{
    return !m_broken && m_inputChannels > 0 && !m_layers.empty() && !m_pendingBinarize;
}

int BinaryChain::outputSize() const { return isComplete() ? m_shape.channels * m_shape.pixels() : 0; }

void BinaryChain::binarize(const Binarize &b, Workspace &w, const float *floatMap, std::uint64_t *bits) const
{
    const int channels = b.out.channels;
    const int pixels = b.out.pixels();
    if (b.floatInput) {
        const float *v = floatMap;
        if (b.pool) {
            const PoolGeometry &g = b.poolGeometry;
            if (g.kernelH == 2 && g.kernelW == 2 && g.strideH == 2 && g.strideW == 2 && g.padH == 0
                && g.padW == 0)
                maxPool2x2Float(floatMap, channels, g, w.pooledFloat.data(), w.avx512);
            else
                maxPool2dForward(floatMap, std::size_t(channels), g, w.pooledFloat.data(), nullptr);
            v = w.pooledFloat.data();
        }
        packFloatPixels(v, channels, pixels, b.floatRule.scale.data(), b.floatRule.threshold.data(),
            reinterpret_cast<Unit32 *>(bits));
    } else {
        const std::int32_t *v = w.intMap.data();
        if (b.pool) {
            maxPoolPixels(w.intMap.data(), channels, b.poolGeometry, w.pooledInt.data());
            v = w.pooledInt.data();
        }
        packIntPixels(v, channels, pixels, b.intRule.scale.data(), b.intRule.threshold.data(),
            reinterpret_cast<Unit32 *>(bits), w.avx512);
    }
    // The zero unit after the map's units: what padding taps read, and the unused half of a
    // dense layer's last word.
    reinterpret_cast<Unit32 *>(bits)[std::size_t(pixels) * unitsFor(channels)] = 0u;
}

void BinaryChain::convolve(const Layer &l, const std::uint64_t *bits, Workspace &w, BinaryKernel kernel) const
{
    const int positions = l.out.pixels();
    const int outChannels = l.out.channels;
    // Gather every patch through the layer's index table; padding taps read the zero unit
    // that binarize() leaves after the map's units.
    gatherUnits(reinterpret_cast<const Unit32 *>(bits), l.gather.data(), l.gather.size(),
        reinterpret_cast<Unit32 *>(w.patches.data()));
    std::int32_t *out = w.intMap.data();
    xorPopcountGemm(w.patches.data(), std::size_t(l.words), positions, l.filters.data(), std::size_t(l.words),
        outChannels, l.words, out, std::size_t(outChannels), kernel);
    popcountsToDots(out, positions, outChannels, l.validBits.data());
    for (std::size_t b = 0; b < l.borders.size(); ++b) {
        std::int32_t *row = out + std::size_t(l.borders[b]) * outChannels;
        const std::int32_t *correction = l.paddingCorrection.data() + b * outChannels;
        for (int o = 0; o < outChannels; ++o)
            row[o] += correction[o];
    }
}

void BinaryChain::dense(
    const Layer &l, const std::uint64_t *bits, std::int32_t *out, BinaryKernel kernel) const
{
    xorPopcountGemm(bits, std::size_t(l.words), 1, l.filters.data(), std::size_t(l.words), l.out.channels,
        l.words, out, std::size_t(l.out.channels), kernel);
    for (int o = 0; o < l.out.channels; ++o)
        out[o] = l.dotLength - 2 * out[o];
}

void BinaryChain::writeOutput(const std::int32_t *map, float *out) const
{
    // [P][C] integers -> C x P floats (NCHW); exact, the values are far below 2^24.
    const int channels = m_shape.channels, pixels = m_shape.pixels();
    for (int c = 0; c < channels; ++c)
        for (int p = 0; p < pixels; ++p)
            out[std::size_t(c) * pixels + p] = float(map[std::size_t(p) * channels + c]);
}

BinaryChain::EntryKernel BinaryChain::entryKernel(bool avx512) const
{
    EntryKernel e;
#ifdef QB_CHAIN_X86
    if (!avx512 || !m_inputConv || m_conv.channels != 1 || m_conv.strideH != 1 || m_conv.strideW != 1
        || m_binarize.empty())
        return e;
    const Binarize &b = m_binarize[0];
    if (b.pool) {
        const PoolGeometry &g = b.poolGeometry;
        if (g.kernelH != 2 || g.kernelW != 2 || g.strideH != 2 || g.strideW != 2 || g.padH != 0
            || g.padW != 0)
            return e;
        e.window = 2;
    }
    const int outChannels = m_conv.outChannels;
    const int groups = (outChannels + 15) / 16;
    const int taps = m_conv.kernelH * m_conv.kernelW;
    e.weights.assign(std::size_t(groups) * taps * 16, 0.0f);
    for (int o = 0; o < outChannels; ++o)
        for (int t = 0; t < taps; ++t)
            e.weights[(std::size_t(o / 16) * taps + t) * 16 + o % 16]
                = m_convWeights[std::size_t(o) * taps + t];
    e.scale.assign(std::size_t(groups) * 16, 1.0f);
    e.threshold.assign(std::size_t(groups) * 16, 0.0f);
    std::copy(b.floatRule.scale.begin(), b.floatRule.scale.end(), e.scale.begin());
    std::copy(b.floatRule.threshold.begin(), b.floatRule.threshold.end(), e.threshold.begin());
    e.use = true;
#endif
    return e;
}

void BinaryChain::runEntryKernel(const EntryKernel &e, const float *image, Workspace &w) const
{
#ifdef QB_CHAIN_X86
    const Binarize &b = m_binarize[0];
    const float *plane = image;
    int wp = m_conv.width;
    if (m_conv.padH > 0 || m_conv.padW > 0) {
        // A zero-padded copy: padding taps then add +-0, as torch's zero padding does.
        const int hp = m_conv.height + 2 * m_conv.padH;
        wp = m_conv.width + 2 * m_conv.padW;
        w.convScratch.assign(std::size_t(hp) * wp, 0.0f);
        for (int y = 0; y < m_conv.height; ++y)
            std::copy(image + std::size_t(y) * m_conv.width, image + std::size_t(y + 1) * m_conv.width,
                w.convScratch.begin() + std::ptrdiff_t(y + m_conv.padH) * wp + m_conv.padW);
        plane = w.convScratch.data();
    }
    Unit32 *units = reinterpret_cast<Unit32 *>(w.bits.data());
    if (e.window == 2)
        entryConvPoolPackAvx512<2>(plane, wp, b.out.height, b.out.width, m_conv.kernelH, m_conv.kernelW,
            m_conv.outChannels, e.weights.data(), e.scale.data(), e.threshold.data(), units);
    else
        entryConvPoolPackAvx512<1>(plane, wp, b.out.height, b.out.width, m_conv.kernelH, m_conv.kernelW,
            m_conv.outChannels, e.weights.data(), e.scale.data(), e.threshold.data(), units);
    reinterpret_cast<Unit32 *>(w.bits.data())[std::size_t(b.out.pixels()) * unitsFor(b.out.channels)]
        = 0u; // the zero unit
#else
    (void)e;
    (void)image;
    (void)w;
#endif
}

void BinaryChain::run(const float *images, int count, float *out, BinaryKernel kernel) const
{
    if (!isComplete() || count <= 0)
        return;
    Workspace w;
#ifdef QB_CHAIN_X86
    static const bool cpuHasAvx512 = __builtin_cpu_supports("avx512f");
    w.avx512 = cpuHasAvx512 && (kernel == BinaryKernel::Auto || kernel == BinaryKernel::Avx512);
#endif
    std::size_t floatPooled = 0, intMap = 0, intPooled = 0, bitWords = 0, patchWords = 0;
    for (const Binarize &b : m_binarize) {
        const std::size_t values = std::size_t(b.out.channels) * b.out.pixels();
        if (b.pool)
            (b.floatInput ? floatPooled : intPooled)
                = std::max(b.floatInput ? floatPooled : intPooled, values);
        bitWords
            = std::max(bitWords, wordsForUnits(std::size_t(b.out.pixels()) * unitsFor(b.out.channels)) + 1);
    }
    for (const Layer &l : m_layers) {
        intMap = std::max(intMap, std::size_t(l.out.channels) * l.out.pixels());
        if (l.conv)
            patchWords = std::max(patchWords, std::size_t(l.out.pixels()) * l.words);
    }
    const int outSize = outputSize();
    w.pooledFloat.resize(floatPooled);
    w.intMap.resize(intMap);
    w.pooledInt.resize(intPooled);
    w.bits.resize(bitWords);
    w.patches.resize(patchWords);
    if (m_inputConv)
        w.convMap.resize(std::size_t(m_conv.outChannels) * m_conv.outputHeight() * m_conv.outputWidth());

    const EntryKernel entry = entryKernel(w.avx512);
    for (int n = 0; n < count; ++n) {
        const float *image = images + std::size_t(n) * inputSize();
        const float *map = image;
        if (entry.use) {
            runEntryKernel(entry, image, w);
        } else if (m_inputConv) {
            binaryWeightConv2d(image, 1, m_conv, m_convWeights.data(), w.convMap.data(), w.convScratch);
            map = w.convMap.data();
        }
        for (std::size_t i = 0; i < m_layers.size(); ++i) {
            if (i > 0 || !entry.use)
                binarize(m_binarize[i], w, map, w.bits.data());
            if (m_layers[i].conv)
                convolve(m_layers[i], w.bits.data(), w, kernel);
            else
                dense(m_layers[i], w.bits.data(), w.intMap.data(), kernel);
        }
        writeOutput(w.intMap.data(), out + std::size_t(n) * outSize);
    }
}

} // namespace qb
