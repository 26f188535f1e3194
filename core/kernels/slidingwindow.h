#pragma once
// The output size of a window sliding over one axis, as torch computes it for convolutions and
// pooling (dilation 1, floor mode).

namespace qb {

/// floor((in + 2 * pad - kernel) / stride) + 1, or 0 when the kernel does not fit or the stride or
/// kernel is not positive.
inline int slidingOutputSize(int in, int kernel, int stride, int pad)
{
    if (stride <= 0 || kernel <= 0)
        return 0;
    const int span = in + 2 * pad - kernel;
    return span < 0 ? 0 : span / stride + 1;
}

} // namespace qb
