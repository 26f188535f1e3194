#pragma once
// Kernels around the bit-packed binary layers: checking that a tensor holds only +-1, packing the
// signs of an NCHW feature map pixel by pixel, and converting the integer results back to float.
// Vectorized across pixels (the scalar versions spent more time here than in the XNOR-popcount
// GEMM itself). Torch-free; single-threaded.

#include <cstddef>
#include <cstdint>

namespace qb {

/// True when every one of the `count` floats is exactly +1.0f or -1.0f.
bool allPlusMinusOne(const float *values, std::size_t count);

/// Packs one image of `channels` planes of `plane` floats (NCHW) pixel by pixel: pixel p's
/// channel c is bit (c % 64) of words[p * wordsPerPixel + c / 64], set when the value is >= 0
/// (NaN and negative values give a clear bit). Writes every word, the bits past `channels` zero.
void packChannelSigns(const float *image, int channels, std::size_t plane, std::uint64_t *words, int wordsPerPixel);

/// dst[i] = float(src[i]).
void int32ToFloat(const std::int32_t *src, float *dst, std::size_t count);

} // namespace qb
