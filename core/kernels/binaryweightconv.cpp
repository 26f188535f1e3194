#include "kernels/binaryweightconv.h"

#include "kernels/slidingwindow.h"

#include <algorithm>

namespace qb {

int BinaryWeightConvGeometry::outputHeight() const { return slidingOutputSize(height, kernelH, strideH, padH); }

int BinaryWeightConvGeometry::outputWidth() const { return slidingOutputSize(width, kernelW, strideW, padW); }

bool BinaryWeightConvGeometry::valid() const
{
    return channels > 0 && height > 0 && width > 0 && outChannels > 0 && kernelH > 0 && kernelW > 0
        && strideH > 0 && strideW > 0 && padH >= 0 && padW >= 0 && outputHeight() > 0 && outputWidth() > 0;
}


namespace {

/// Sixteen floats: one AVX-512 register, two AVX2 ones, four SSE ones (GCC vector extension).
typedef float Floats16 __attribute__((vector_size(64)));
constexpr int kLanes = 16;

/// Output channels computed together: independent accumulation chains that hide the latency of
/// the additions and share the loads of the input.
constexpr int kChains = 8;
/// Most taps (C * KH * KW) the stride-1 kernel keeps in registers/L1; larger layers use anyStride.
constexpr int kMaxTaps = 32;

/// Stride 1, at least kLanes outputs per row: each output row in blocks of 16 consecutive outputs
/// (the last block shifted left to end at the row's end, recomputing a few outputs with the very
/// same values), written straight into the output planes.
/// planes: C zero-padded planes of Hp x Wp. weights: +-1 as [ceil(O / kChains)][taps][kChains]
/// (zero for the missing channels). offsets: per tap, (c * Hp + ky) * Wp + kx.
/// Cloned for the x86-64-v4 / v3 levels rather than bare avx512f / avx2: those include FMA, and
/// GCC fuses `acc + w * v` into one instruction. Exact all the same: w * v = +-v has no rounding,
/// so the fused and the separate forms round the same sum once.
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"))) void rowsStride1(const float *__restrict planes,
    int oh, int ow, int wp, int outChannels, int taps, const std::size_t *__restrict offsets,
    const float *__restrict weights, float *__restrict out)
{
    const std::size_t outPlane = std::size_t(oh) * ow;
    Floats16 v[kMaxTaps];
    for (int oy = 0; oy < oh; ++oy) {
        for (int block = 0; block < ow; block += kLanes) {
            const int ox = std::min(block, ow - kLanes);
            const float *origin = planes + std::size_t(oy) * wp + ox;
            for (int t = 0; t < taps; ++t)
                __builtin_memcpy(&v[t], origin + offsets[t], sizeof(Floats16));
            for (int o0 = 0; o0 < outChannels; o0 += kChains) {
                const float *w = weights + std::size_t(o0 / kChains) * taps * kChains;
                Floats16 acc[kChains] = {};
                // Each chain adds its taps in order from +0: torch's summation order.
                for (int t = 0; t < taps; ++t)
                    for (int k = 0; k < kChains; ++k)
                        acc[k] += w[t * kChains + k] * v[t];
                const int count = std::min(kChains, outChannels - o0);
                float *dst = out + std::size_t(o0) * outPlane + std::size_t(oy) * ow + ox;
                for (int k = 0; k < count; ++k)
                    __builtin_memcpy(dst + k * outPlane, &acc[k], sizeof(Floats16));
            }
        }
    }
}

/// Any stride: per output channel and tap, one pass over the output plane.
void anyStride(const float *planes, int hp, int wp, const BinaryWeightConvGeometry &g, const float *weights,
    float *out)
{
    const int oh = g.outputHeight(), ow = g.outputWidth();
    const std::size_t outPlane = std::size_t(oh) * ow;
    const int taps = g.channels * g.kernelH * g.kernelW;
    for (int o = 0; o < g.outChannels; ++o) {
        float *acc = out + o * outPlane;
        std::fill(acc, acc + outPlane, 0.0f);
        const float *w = weights + std::size_t(o) * taps;
        for (int c = 0; c < g.channels; ++c) {
            for (int ky = 0; ky < g.kernelH; ++ky) {
                for (int kx = 0; kx < g.kernelW; ++kx) {
                    const float s = *w++;
                    const float *src = planes + (std::size_t(c) * hp + ky) * wp + kx;
                    for (int oy = 0; oy < oh; ++oy) {
                        const float *row = src + std::size_t(oy) * g.strideH * wp;
                        float *a = acc + std::size_t(oy) * ow;
                        for (int ox = 0; ox < ow; ++ox)
                            a[ox] += s * row[std::size_t(ox) * g.strideW];
                    }
                }
            }
        }
    }
}

} // namespace

void binaryWeightConv2d(const float *in, int batch, const BinaryWeightConvGeometry &g,
    const float *weights, float *out, std::vector<float> &scratch)
{
    const int oh = g.outputHeight(), ow = g.outputWidth();
    const int hp = g.height + 2 * g.padH, wp = g.width + 2 * g.padW;
    const std::size_t inPlane = std::size_t(g.height) * g.width;
    const std::size_t outPlane = std::size_t(oh) * ow;
    const std::size_t paddedPlanes = std::size_t(g.channels) * hp * wp;
    const int taps = g.channels * g.kernelH * g.kernelW;
    const bool rows = g.strideH == 1 && g.strideW == 1 && taps <= kMaxTaps && ow >= kLanes;
    const bool padded = g.padH > 0 || g.padW > 0;
    if (padded)
        scratch.assign(paddedPlanes, 0.0f);
    // The stride-1 kernel's layout: [O / kChains][taps][kChains], and the tap offsets.
    const int groups = (g.outChannels + kChains - 1) / kChains;
    std::vector<float> grouped(std::size_t(groups) * taps * kChains, 0.0f);
    for (int o = 0; o < g.outChannels; ++o)
        for (int t = 0; t < taps; ++t)
            grouped[(std::size_t(o / kChains) * taps + t) * kChains + o % kChains] = weights[std::size_t(o) * taps + t];
    std::vector<std::size_t> offsets;
    for (int c = 0; c < g.channels; ++c)
        for (int ky = 0; ky < g.kernelH; ++ky)
            for (int kx = 0; kx < g.kernelW; ++kx)
                offsets.push_back((std::size_t(c) * hp + ky) * wp + kx);
    for (int n = 0; n < batch; ++n) {
        const float *image = in + std::size_t(n) * g.channels * inPlane;
        // With padding, a zero-padded copy of the image's planes; without, the image itself.
        if (padded) {
            for (int c = 0; c < g.channels; ++c) {
                for (int y = 0; y < g.height; ++y) {
                    const float *src = image + c * inPlane + std::size_t(y) * g.width;
                    std::copy(src, src + g.width, scratch.data() + (std::size_t(c) * hp + y + g.padH) * wp + g.padW);
                }
            }
        }
        const float *planes = padded ? scratch.data() : image;
        float *imageOut = out + std::size_t(n) * g.outChannels * outPlane;
        if (rows)
            rowsStride1(planes, oh, ow, wp, g.outChannels, taps, offsets.data(), grouped.data(), imageOut);
        else
            anyStride(planes, hp, wp, g, weights, imageOut);
    }
}

} // namespace qb
