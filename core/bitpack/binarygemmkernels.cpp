// The popcount GEMM kernels. Each instruction-set variant is a function compiled with its own
// target attribute, so the library itself builds for the baseline x86-64 and the dispatcher
// (binarygemm.cpp) picks one at run time. All variants compute the same integers.
//
// Shape of the work: in the binarized layers that matter, K is a few to a few dozen words
// (3x3x64 = 9 words, 5x5x64 = 25) while M and N are large, so the kernels vectorise across
// output columns rather than along K: the rows of B are interleaved into panels (word w of
// `lanes` consecutive rows side by side) and one vector instruction counts `lanes` dot
// products at once. The panels of one column block stay in L1 while every row of A passes.

#include "bitpack/binarygemmkernels_p.h"

#include <algorithm>
#include <vector>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define QB_BITPACK_X86 1
#endif

#define QB_INLINE inline __attribute__((always_inline))

namespace qb::detail {

namespace {

/// Columns per block: enough that the block's share of B (words * 8 bytes a column) takes
/// about half of a 32 KiB L1, rounded to whole panels.
int columnBlock(int words, int lanes)
{
    const int fit = 16384 / (std::max(words, 1) * 8);
    return std::max(lanes, fit / lanes * lanes);
}

/// Copies columns j0..j0+cols-1 of B into panels of `lanes` rows:
/// panels[(p * words + w) * lanes + l] = word w of row j0 + p * lanes + l, 0 past the end.
void interleavePanels(const XorPopcountArgs &g, int j0, int cols, int lanes, std::uint64_t *panels)
{
    const int panelCount = (cols + lanes - 1) / lanes;
    for (int p = 0; p < panelCount; ++p) {
        for (int l = 0; l < lanes; ++l) {
            const int j = p * lanes + l;
            const std::uint64_t *row = g.b + std::size_t(j0 + j) * g.bStride;
            std::uint64_t *dst = panels + std::size_t(p) * g.words * lanes + l;
            for (int w = 0; w < g.words; ++w)
                dst[std::size_t(w) * lanes] = j < cols ? row[w] : 0u;
        }
    }
}

// ---- Scalar: an RM x RN register tile of popcounts, B read in place. -------------------------
// Compiled for the baseline target: without -mpopcnt GCC emits a bit-twiddling popcount, slow
// but portable. Its job is to be the reference the vector paths are tested against.

template <int RM, int RN> QB_INLINE void scalarTile(const XorPopcountArgs &g, int i, int j)
{
    int acc[RM][RN] = {};
    const std::uint64_t *a = g.a + std::size_t(i) * g.aStride;
    const std::uint64_t *b = g.b + std::size_t(j) * g.bStride;
    for (int w = 0; w < g.words; ++w) {
        for (int r = 0; r < RM; ++r) {
            const std::uint64_t av = a[std::size_t(r) * g.aStride + w];
            for (int c = 0; c < RN; ++c)
                acc[r][c] += __builtin_popcountll(av ^ b[std::size_t(c) * g.bStride + w]);
        }
    }
    for (int r = 0; r < RM; ++r) {
        for (int c = 0; c < RN; ++c)
            g.out[std::size_t(i + r) * g.outStride + j + c] = acc[r][c];
    }
}

template <int RM, int RN> QB_INLINE void scalarGemm(const XorPopcountArgs &g)
{
    const int block = columnBlock(g.words, RN);
    for (int j0 = 0; j0 < g.n; j0 += block) {
        const int j1 = std::min(g.n, j0 + block);
        int i = 0;
        for (; i + RM <= g.m; i += RM) {
            int j = j0;
            for (; j + RN <= j1; j += RN)
                scalarTile<RM, RN>(g, i, j);
            for (; j < j1; ++j)
                scalarTile<RM, 1>(g, i, j);
        }
        for (; i < g.m; ++i) {
            int j = j0;
            for (; j + RN <= j1; j += RN)
                scalarTile<1, RN>(g, i, j);
            for (; j < j1; ++j)
                scalarTile<1, 1>(g, i, j);
        }
    }
}

} // namespace

void xorPopcountScalar(const XorPopcountArgs &g) { scalarGemm<2, 4>(g); }

#ifdef QB_BITPACK_X86

namespace {

// ---- AVX2: 4 lanes; popcount by nibble lookup (vpshufb), summed per lane with vpsadbw. -------

#define QB_AVX2 __attribute__((target("avx2,popcnt")))

/// Per-byte popcounts of x (each 0..8).
QB_AVX2 QB_INLINE __m256i popcountBytes(__m256i x)
{
    const __m256i lut = _mm256_setr_epi8(0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, //
        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
    const __m256i nibble = _mm256_set1_epi8(0x0f);
    const __m256i lo = _mm256_and_si256(x, nibble);
    const __m256i hi = _mm256_and_si256(_mm256_srli_epi16(x, 4), nibble);
    return _mm256_add_epi8(_mm256_shuffle_epi8(lut, lo), _mm256_shuffle_epi8(lut, hi));
}

template <int RM, int RP>
QB_AVX2 QB_INLINE void avx2Tile(const XorPopcountArgs &g, int i, const std::uint64_t *panels, int j, int cols)
{
    constexpr int kLanes = 4;
    // Bytes count up to 8 per word, so they are summed into 64-bit lanes every 31 words,
    // before a byte can overflow.
    constexpr int kChunk = 31;
    const std::size_t panelStride = std::size_t(g.words) * kLanes;
    const __m256i zero = _mm256_setzero_si256();
    __m256i acc[RM][RP];
    for (int r = 0; r < RM; ++r)
        for (int p = 0; p < RP; ++p)
            acc[r][p] = zero;
    for (int w0 = 0; w0 < g.words; w0 += kChunk) {
        const int w1 = std::min(g.words, w0 + kChunk);
        __m256i bytes[RM][RP];
        for (int r = 0; r < RM; ++r)
            for (int p = 0; p < RP; ++p)
                bytes[r][p] = zero;
        for (int w = w0; w < w1; ++w) {
            __m256i bv[RP];
            for (int p = 0; p < RP; ++p)
                bv[p] = _mm256_loadu_si256(
                    reinterpret_cast<const __m256i *>(panels + p * panelStride + std::size_t(w) * kLanes));
            for (int r = 0; r < RM; ++r) {
                const __m256i av
                    = _mm256_set1_epi64x(static_cast<long long>(g.a[std::size_t(i + r) * g.aStride + w]));
                for (int p = 0; p < RP; ++p)
                    bytes[r][p] = _mm256_add_epi8(bytes[r][p], popcountBytes(_mm256_xor_si256(av, bv[p])));
            }
        }
        for (int r = 0; r < RM; ++r)
            for (int p = 0; p < RP; ++p)
                acc[r][p] = _mm256_add_epi64(acc[r][p], _mm256_sad_epu8(bytes[r][p], zero));
    }
    for (int r = 0; r < RM; ++r) {
        std::int32_t *out = g.out + std::size_t(i + r) * g.outStride + j;
        for (int p = 0; p < RP; ++p) {
            alignas(32) long long lanes[kLanes];
            _mm256_store_si256(reinterpret_cast<__m256i *>(lanes), acc[r][p]);
            for (int l = 0; l < kLanes && p * kLanes + l < cols; ++l)
                out[p * kLanes + l] = static_cast<std::int32_t>(lanes[l]);
        }
    }
}

template <int RM, int RP>
QB_AVX2 QB_INLINE void avx2Rows(
    const XorPopcountArgs &g, int i, const std::uint64_t *panels, int j0, int cols)
{
    constexpr int kLanes = 4;
    const std::size_t panelStride = std::size_t(g.words) * kLanes;
    int c = 0;
    for (; c + RP * kLanes <= cols; c += RP * kLanes)
        avx2Tile<RM, RP>(g, i, panels + c / kLanes * panelStride, j0 + c, RP * kLanes);
    for (; c < cols; c += kLanes)
        avx2Tile<RM, 1>(g, i, panels + c / kLanes * panelStride, j0 + c, std::min(kLanes, cols - c));
}

// ---- AVX-512: 8 lanes; one vpopcntq counts eight 64-bit words. -------------------------------

#define QB_AVX512 __attribute__((target("avx512f,avx512vpopcntdq")))

template <int RM, int RP>
QB_AVX512 QB_INLINE void avx512Tile(
    const XorPopcountArgs &g, int i, const std::uint64_t *panels, int j, int cols)
{
    constexpr int kLanes = 8;
    const std::size_t panelStride = std::size_t(g.words) * kLanes;
    __m512i acc[RM][RP];
    for (int r = 0; r < RM; ++r)
        for (int p = 0; p < RP; ++p)
            acc[r][p] = _mm512_setzero_si512();
    for (int w = 0; w < g.words; ++w) {
        __m512i bv[RP];
        for (int p = 0; p < RP; ++p)
            bv[p] = _mm512_loadu_si512(panels + p * panelStride + std::size_t(w) * kLanes);
        for (int r = 0; r < RM; ++r) {
            const __m512i av
                = _mm512_set1_epi64(static_cast<long long>(g.a[std::size_t(i + r) * g.aStride + w]));
            for (int p = 0; p < RP; ++p)
                acc[r][p] = _mm512_add_epi64(acc[r][p], _mm512_popcnt_epi64(_mm512_xor_si512(av, bv[p])));
        }
    }
    for (int r = 0; r < RM; ++r) {
        std::int32_t *out = g.out + std::size_t(i + r) * g.outStride + j;
        for (int p = 0; p < RP; ++p) {
            // Counts are at most 64 * words, far inside int32: the narrowing is exact.
            const __m256i narrow = _mm512_maskz_cvtepi64_epi32(0xff, acc[r][p]); // maskz: no GCC 12 warning
            if (cols >= (p + 1) * kLanes) {
                _mm256_storeu_si256(reinterpret_cast<__m256i *>(out + p * kLanes), narrow);
            } else {
                alignas(32) std::int32_t lanes[kLanes];
                _mm256_store_si256(reinterpret_cast<__m256i *>(lanes), narrow);
                for (int l = 0; p * kLanes + l < cols; ++l)
                    out[p * kLanes + l] = lanes[l];
            }
        }
    }
}

template <int RM, int RP>
QB_AVX512 QB_INLINE void avx512Rows(
    const XorPopcountArgs &g, int i, const std::uint64_t *panels, int j0, int cols)
{
    constexpr int kLanes = 8;
    const std::size_t panelStride = std::size_t(g.words) * kLanes;
    int c = 0;
    for (; c + RP * kLanes <= cols; c += RP * kLanes)
        avx512Tile<RM, RP>(g, i, panels + c / kLanes * panelStride, j0 + c, RP * kLanes);
    for (; c < cols; c += kLanes)
        avx512Tile<RM, 1>(g, i, panels + c / kLanes * panelStride, j0 + c, std::min(kLanes, cols - c));
}

} // namespace

// Tile sizes (rows of A x panels of B) were measured on a Zen 4 EPYC: one row by two panels for
// AVX2 (16 ymm registers leave no room for more byte and lane accumulators), eight rows by two
// panels for AVX-512. The scalar-popcnt alternative (a 2 x 4 tile of popcnt instructions) reached
// only ~250 GOPS there against ~750 for the lookup, so it is not kept.
QB_AVX2 void xorPopcountAvx2(const XorPopcountArgs &g)
{
    constexpr int kLanes = 4;
    const int block = columnBlock(g.words, kLanes);
    std::vector<std::uint64_t> panels(std::size_t(block) * g.words);
    for (int j0 = 0; j0 < g.n; j0 += block) {
        const int cols = std::min(block, g.n - j0);
        interleavePanels(g, j0, cols, kLanes, panels.data());
        for (int i = 0; i < g.m; ++i)
            avx2Rows<1, 2>(g, i, panels.data(), j0, cols);
    }
}

QB_AVX512 void xorPopcountAvx512(const XorPopcountArgs &g)
{
    constexpr int kLanes = 8, kRows = 8;
    const int block = columnBlock(g.words, kLanes);
    std::vector<std::uint64_t> panels(std::size_t(block) * g.words);
    for (int j0 = 0; j0 < g.n; j0 += block) {
        const int cols = std::min(block, g.n - j0);
        interleavePanels(g, j0, cols, kLanes, panels.data());
        int i = 0;
        for (; i + kRows <= g.m; i += kRows)
            avx512Rows<kRows, 2>(g, i, panels.data(), j0, cols);
        for (; i < g.m; ++i)
            avx512Rows<1, 2>(g, i, panels.data(), j0, cols);
    }
}

#else

// Not x86: the dispatcher never selects these, they only keep the link complete.
void xorPopcountAvx2(const XorPopcountArgs &g) { xorPopcountScalar(g); }
void xorPopcountAvx512(const XorPopcountArgs &g) { xorPopcountScalar(g); }

#endif

} // namespace qb::detail
