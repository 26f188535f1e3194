#include "kernels/packkernels.h"

#include <algorithm>

namespace qb {

#define QB_KERNEL_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

namespace {

typedef float Floats8 __attribute__((vector_size(32)));
typedef std::int32_t Ints8 __attribute__((vector_size(32)));
typedef std::uint64_t Words8 __attribute__((vector_size(64)));
constexpr int kPixels = 8;

} // namespace

QB_KERNEL_CLONES
bool allPlusMinusOne(const float *__restrict values, std::size_t count)
{
    // Blocks without an early exit inside (so they vectorize), a look at the result between them.
    constexpr std::size_t kBlock = 4096;
    for (std::size_t b = 0; b < count; b += kBlock) {
        const std::size_t e = std::min(count, b + kBlock);
        int bad = 0;
        for (std::size_t i = b; i < e; ++i)
            bad |= (values[i] != 1.0f) & (values[i] != -1.0f);
        if (bad)
            return false;
    }
    return true;
}

QB_KERNEL_CLONES
void packChannelSigns(const float *__restrict image, int channels, std::size_t plane, std::uint64_t *__restrict words,
    int wordsPerPixel)
{
    std::size_t p0 = 0;
    for (; p0 + kPixels <= plane; p0 += kPixels) {
        for (int w = 0; w < wordsPerPixel; ++w) {
            Words8 acc = {};
            const int first = w * 64;
            const int last = std::min(channels, first + 64);
            for (int c = first; c < last; ++c) {
                Floats8 v;
                __builtin_memcpy(&v, image + std::size_t(c) * plane + p0, sizeof v);
                const Ints8 positive = (v >= 0.0f) & 1;
                acc |= __builtin_convertvector(positive, Words8) << std::uint64_t(c - first);
            }
            for (int k = 0; k < kPixels; ++k)
                words[(p0 + k) * wordsPerPixel + w] = acc[k];
        }
    }
    for (; p0 < plane; ++p0) {
        for (int w = 0; w < wordsPerPixel; ++w) {
            std::uint64_t word = 0;
            const int first = w * 64;
            const int last = std::min(channels, first + 64);
            for (int c = first; c < last; ++c)
                word |= std::uint64_t(image[std::size_t(c) * plane + p0] >= 0.0f) << (c - first);
            words[p0 * wordsPerPixel + w] = word;
        }
    }
}

QB_KERNEL_CLONES
void int32ToFloat(const std::int32_t *__restrict src, float *__restrict dst, std::size_t count)
{
    for (std::size_t i = 0; i < count; ++i)
        dst[i] = float(src[i]);
}

} // namespace qb
