#include "bitpack/binarybenchmark.h"

#include "bitpack/binarygemm.h"
#include "bitpack/packedbits.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>
#include <vector>

namespace qb {

namespace {

/// C = A * B^T in float, A m x k, B n x k, row-major: a 1 x 4 tile over the columns so that
/// each row of A is read once per four dot products. Deliberately no SIMD intrinsics or BLAS;
/// it stands for the float path the binary kernels replace.
void floatGemmReference(const float *a, const float *b, float *c, int m, int n, int k)
{
    for (int i = 0; i < m; ++i) {
        const float *ai = a + std::size_t(i) * k;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            const float *b0 = b + std::size_t(j) * k;
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int x = 0; x < k; ++x) {
                s0 += ai[x] * b0[x];
                s1 += ai[x] * b0[k + x];
                s2 += ai[x] * b0[2 * k + x];
                s3 += ai[x] * b0[3 * k + x];
            }
            float *ci = c + std::size_t(i) * n + j;
            ci[0] = s0;
            ci[1] = s1;
            ci[2] = s2;
            ci[3] = s3;
        }
        for (; j < n; ++j) {
            const float *bj = b + std::size_t(j) * k;
            float s = 0;
            for (int x = 0; x < k; ++x)
                s += ai[x] * bj[x];
            c[std::size_t(i) * n + j] = s;
        }
    }
}

template <typename Call> BinaryKernelTiming::Entry timeBest(int m, int n, int k, int repeats, Call call)
{
    BinaryKernelTiming::Entry e;
    e.available = true;
    double best = 0.0;
    for (int r = 0; r < repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        call();
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        best = r == 0 ? s : std::min(best, s);
    }
    e.seconds = best;
    e.gops = best > 0.0 ? 2.0 * m * n * double(k) / best / 1e9 : 0.0;
    return e;
}

} // namespace

BinaryKernelTiming measureBinaryGemm(int m, int n, int k, int repeats)
{
    BinaryKernelTiming t;
    t.m = std::max(m, 1);
    t.n = std::max(n, 1);
    t.k = std::max(k, 1);
    t.repeats = std::max(repeats, 1);

    std::mt19937 rng(20240601u);
    std::uniform_int_distribution<int> coin(0, 1);
    std::vector<float> a(std::size_t(t.m) * t.k), b(std::size_t(t.n) * t.k);
    for (float &x : a)
        x = coin(rng) ? 1.0f : -1.0f;
    for (float &x : b)
        x = coin(rng) ? 1.0f : -1.0f;
    const PackedBits pa = PackedBits::fromSigns(a.data(), t.m, t.k);
    const PackedBits pb = PackedBits::fromSigns(b.data(), t.n, t.k);

    const std::size_t size = std::size_t(t.m) * t.n;
    std::vector<float> reference(size);
    t.floatGemm = timeBest(t.m, t.n, t.k, t.repeats,
        [&] { floatGemmReference(a.data(), b.data(), reference.data(), t.m, t.n, t.k); });

    t.resultsAgree = true;
    std::vector<std::int32_t> out(size);
    auto measure = [&](BinaryKernel kernel, BinaryKernelTiming::Entry &entry) {
        if (!binaryKernelSupported(kernel))
            return;
        entry = timeBest(t.m, t.n, t.k, t.repeats, [&] { binaryGemm(pa, pb, out.data(), kernel); });
        // Sums of +-1 are exact in float up to 2^24 terms, so the comparison is exact too.
        for (std::size_t i = 0; i < size; ++i)
            t.resultsAgree = t.resultsAgree && float(out[i]) == reference[i];
    };
    measure(BinaryKernel::Scalar, t.scalar);
    measure(BinaryKernel::Avx2, t.avx2);
    measure(BinaryKernel::Avx512, t.avx512);
    return t;
}

} // namespace qb
