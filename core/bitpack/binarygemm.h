#pragma once

#include "bitpack/packedbits.h"

#include <cstddef>
#include <cstdint>

namespace qb {

/// The implementations of the popcount kernels. Every one gives bit-identical results (they
/// count bits; there is no rounding anywhere), so the choice only changes speed.
enum class BinaryKernel {
    Auto, ///< the fastest one this CPU supports (resolveBinaryKernel)
    Scalar, ///< portable C++, __builtin_popcountll compiled for the baseline x86-64 target
    Avx2, ///< AVX2 + POPCNT, chosen at run time where the CPU has them
    Avx512, ///< AVX-512F + VPOPCNTDQ (Ice Lake, Zen 4 and later)
};

/// Whether this CPU can run `kernel` (Auto and Scalar always can).
bool binaryKernelSupported(BinaryKernel kernel);
/// The concrete kernel a call with `requested` runs: Auto becomes the fastest supported one, an
/// unsupported request falls back to the fastest supported one below it, ending at Scalar.
BinaryKernel resolveBinaryKernel(BinaryKernel requested);
/// "scalar", "avx2", "avx512" or "auto", for logs and benchmark tables (not translated).
const char *binaryKernelName(BinaryKernel kernel);

/// The raw kernel: out[i * outStride + j] = popcount(a_i XOR b_j) over `words` 64-bit words, for
/// m rows a_i = a + i * aStride and n rows b_j = b + j * bStride (strides in words). Bits that
/// must not count have to be zero in both operands (as PackedBits' padding is).
///
/// Single-threaded by design: the callers (evaluation of a batch, Monte-Carlo chips) already
/// run one evaluation per thread, and a caller that wants to split one product splits the rows
/// of `a` (offset `a` and `out`, shrink `m`): the results do not depend on the split.
void xorPopcountGemm(const std::uint64_t *a, std::size_t aStride, int m, const std::uint64_t *b,
    std::size_t bStride, int n, int words, std::int32_t *out, std::size_t outStride,
    BinaryKernel kernel = BinaryKernel::Auto);

/// Dot products of +-1 rows: out[i * b.rows() + j] = sum_k a(i,k) * b(j,k) = K - 2 * popcount(a_i
/// XOR b_j), K = a.bits() = b.bits() (precondition). `a` is M x K, `b` is N x K (so this is
/// A * B^T), `out` holds M x N int32, row-major. The values are exact integers in [-K, K], equal
/// to what a float GEMM of the signed operands gives (exact in float for K <= 2^24).
void binaryGemm(
    const PackedBits &a, const PackedBits &b, std::int32_t *out, BinaryKernel kernel = BinaryKernel::Auto);

/// A binarized dense layer (QuantDense / nn.Linear with sign on inputs and weights, no bias):
/// out[s * outFeatures + o] = sum_f sign(x_s,f) * sign(w_o,f). `inputs` is batch x inFeatures,
/// `weights` outFeatures x inFeatures (torch's nn.Linear layout; Larq's [in][out] kernel must be
/// transposed first). Just binaryGemm(inputs, weights), named for the call sites.
inline void binaryDense(const PackedBits &inputs, const PackedBits &weights, std::int32_t *out,
    BinaryKernel kernel = BinaryKernel::Auto)
{
    binaryGemm(inputs, weights, out, kernel);
}

} // namespace qb
