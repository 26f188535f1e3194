#pragma once

// Private to core/bitpack: the per-instruction-set implementations behind xorPopcountGemm().

#include <cstddef>
#include <cstdint>

namespace qb::detail {

/// out[i * outStride + j] = popcount(a_i XOR b_j), see xorPopcountGemm().
struct XorPopcountArgs
{
    const std::uint64_t *a;
    std::size_t aStride;
    int m;
    const std::uint64_t *b;
    std::size_t bStride;
    int n;
    int words;
    std::int32_t *out;
    std::size_t outStride;
};

void xorPopcountScalar(const XorPopcountArgs &g);
void xorPopcountAvx2(const XorPopcountArgs &g);
void xorPopcountAvx512(const XorPopcountArgs &g);

} // namespace qb::detail
