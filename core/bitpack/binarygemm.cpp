#include "bitpack/binarygemm.h"

#include "bitpack/binarygemmkernels_p.h"

#include <QtGlobal>

#include <algorithm>

namespace qb {

namespace {

bool cpuHasAvx2()
{
#if defined(__x86_64__) || defined(__i386__)
    // libgcc's probe also checks that the OS saves the ymm state (XGETBV).
    static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
    return has;
#else
    return false;
#endif
}

bool cpuHasAvx512Popcount()
{
#if defined(__x86_64__) || defined(__i386__)
    static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vpopcntdq");
    return has;
#else
    return false;
#endif
}

} // namespace

bool binaryKernelSupported(BinaryKernel kernel)
{
    switch (kernel) {
    case BinaryKernel::Auto:
    case BinaryKernel::Scalar:
        return true;
    case BinaryKernel::Avx2:
        return cpuHasAvx2();
    case BinaryKernel::Avx512:
        return cpuHasAvx512Popcount();
    }
    return false;
}

BinaryKernel resolveBinaryKernel(BinaryKernel requested)
{
    if (requested == BinaryKernel::Auto)
        requested = BinaryKernel::Avx512;
    if (requested == BinaryKernel::Avx512 && !cpuHasAvx512Popcount())
        requested = BinaryKernel::Avx2;
    if (requested == BinaryKernel::Avx2 && !cpuHasAvx2())
        requested = BinaryKernel::Scalar;
    return requested;
}

const char *binaryKernelName(BinaryKernel kernel)
{
    switch (kernel) {
    case BinaryKernel::Auto:
        return "auto";
    case BinaryKernel::Scalar:
        return "scalar";
    case BinaryKernel::Avx2:
        return "avx2";
    case BinaryKernel::Avx512:
        return "avx512";
    }
    return "?";
}

void xorPopcountGemm(const std::uint64_t *a, std::size_t aStride, int m, const std::uint64_t *b,
    std::size_t bStride, int n, int words, std::int32_t *out, std::size_t outStride, BinaryKernel kernel)
{
    if (m <= 0 || n <= 0)
        return;
    if (words <= 0) {
        for (int i = 0; i < m; ++i)
            std::fill(out + std::size_t(i) * outStride, out + std::size_t(i) * outStride + n, 0);
        return;
    }
    const detail::XorPopcountArgs args{a, aStride, m, b, bStride, n, words, out, outStride};
    switch (resolveBinaryKernel(kernel)) {
    case BinaryKernel::Avx512:
        detail::xorPopcountAvx512(args);
        break;
    case BinaryKernel::Avx2:
        detail::xorPopcountAvx2(args);
        break;
    default:
        detail::xorPopcountScalar(args);
        break;
    }
}

void binaryGemm(const PackedBits &a, const PackedBits &b, std::int32_t *out, BinaryKernel kernel)
{
    Q_ASSERT_X(a.bits() == b.bits(), "binaryGemm", "operands differ in length");
    const int m = a.rows();
    const int n = b.rows();
    xorPopcountGemm(
        a.data(), a.wordsPerRow(), m, b.data(), b.wordsPerRow(), n, a.wordsPerRow(), out, n, kernel);
    // dot = agreements - disagreements = (K - p) - p. The padding bits are zero in both
    // operands, so they never reach p (see PackedBits).
    const std::int32_t k = a.bits();
    const std::size_t total = std::size_t(m) * n;
    for (std::size_t i = 0; i < total; ++i)
        out[i] = k - 2 * out[i];
}

} // namespace qb
