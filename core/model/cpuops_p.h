#pragma once
// Private: torch glue of the hand-written CPU kernels in core/kernels for the layer modules
// (max pooling, binary-weight convolution). Each function falls back to torch's own operation, with
// the same result, whenever the kernel does not apply (another dtype or device, an unusual layout,
// the kernels switched off with setHandWrittenKernelsEnabled(false)).

#include <torch/torch.h>

#include <vector>

namespace qb {

/// torch::max_pool2d(x, kernel, stride, padding) (dilation 1, floor mode) with the same values and,
/// under autograd, the same gradient; through maxPool2dForward/Backward for float NCHW input.
torch::Tensor maxPool2d(const torch::Tensor &x, const std::vector<int64_t> &kernel,
    const std::vector<int64_t> &stride, const std::vector<int64_t> &padding);

/// torch::conv2d(input, weight, {}, stride, padding) for float input [N, 1, H, W] (one channel: a
/// grey image) and weights that are all +1 or -1 (no bias, dilation 1, groups 1), through
/// binaryWeightConv2d, in evaluation only (no gradient is recorded), with the same values. Undefined
/// tensor when not eligible (several input channels included): the caller runs torch.
torch::Tensor binaryWeightConv2d(
    const torch::Tensor &input, const torch::Tensor &weight, int strideH, int strideW, int padH, int padW);

} // namespace qb
