#include "kernels/elementwisekernels.h"

#include <cmath>

namespace qb {

#define QB_KERNEL_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

QB_KERNEL_CLONES
void signZeroPositive(const float *__restrict x, float *__restrict y, std::size_t count)
{
    for (std::size_t i = 0; i < count; ++i)
        y[i] = x[i] >= 0.0f ? 1.0f : -1.0f;
}

QB_KERNEL_CLONES
void steGradientClipped(
    const float *__restrict grad, const float *__restrict x, float clip, float *__restrict out, std::size_t count)
{
    for (std::size_t i = 0; i < count; ++i)
        out[i] = grad[i] * (std::fabs(x[i]) <= clip ? 1.0f : 0.0f);
}

} // namespace qb
