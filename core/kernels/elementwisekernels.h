#pragma once
// Fused elementwise kernels of the sign quantizers: one pass over memory where torch runs a chain of
// operations (x.ge(0).to(float).mul_(2).sub_(1) makes four passes and two temporaries). Each gives
// bit for bit what the torch chain gives, NaN and signed zeros included. Torch-free; single-threaded
// (the caller splits the range across threads). Compiled for AVX-512, AVX2 and plain x86-64, the
// best chosen at load time.

#include <cstddef>

namespace qb {

/// y[i] = x[i] >= 0 ? +1 : -1 (sign(0) = sign(-0) = +1; NaN gives -1, as x.ge(0) is false).
void signZeroPositive(const float *x, float *y, std::size_t count);

/// Straight-through gradient with a clip: g[i] * (|x[i]| <= clip ? 1 : 0), the product kept (so a
/// negative gradient times 0 gives -0 and NaN stays NaN, as in torch's grad * mask).
void steGradientClipped(const float *grad, const float *x, float clip, float *out, std::size_t count);

} // namespace qb
