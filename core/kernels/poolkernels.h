#pragma once
// Max pooling over NCHW planes, forward and backward, with torch's exact semantics (which element
// wins a tie, NaN propagation, where the gradient goes), written for the small feature maps of
// QuantBench's networks. Torch 1.13's own CPU kernel takes ~26 ns per input element on NCHW
// feature maps here (it is written for channels-last); this one streams each plane once.
// Torch-free; single-threaded over the planes given (the caller splits planes across threads).

#include <cstddef>
#include <cstdint>

namespace qb {

/// The geometry of a 2-D max pooling (dilation 1, floor mode): input H x W, window KH x KW,
/// stride, padding on both sides (padding cells never win, as torch's -inf padding).
struct PoolGeometry
{
    int height = 0, width = 0;
    int kernelH = 1, kernelW = 1;
    int strideH = 1, strideW = 1;
    int padH = 0, padW = 0;

    int outputHeight() const;
    int outputWidth() const;
    /// Kernel and stride positive, padding at most half the kernel (torch's rule), output non-empty.
    bool valid() const;
};

/// Pools `planes` consecutive H x W planes of `in` into OH x OW planes of `out`. When `argmax` is not
/// null it receives, per output, the index (y * W + x) within its plane of the winning input: the
/// first maximum in row-major window order, or the last NaN, exactly as torch's
/// max_pool2d_with_indices.
void maxPool2dForward(const float *in, std::size_t planes, const PoolGeometry &g, float *out, std::int32_t *argmax);

/// The gradient of maxPool2dForward: gradIn (planes x H x W) is zeroed, then every output's gradient
/// is added to its argmax input, in output order (so overlapping windows sum as torch sums them).
void maxPool2dBackward(const float *gradOut, const std::int32_t *argmax, std::size_t planes, const PoolGeometry &g,
    float *gradIn);

} // namespace qb
