#pragma once
// Private: the bit-packed evaluation path of QuantConv2dModule / QuantDenseModule. When the
// quantized input and the effective weights of a layer hold only +1 and -1, the conv / linear is
// computed with the XNOR-popcount kernels of core/bitpack instead of torch's float kernels.
//
// Bit-exact by construction: every product is +-1, so every partial sum is an integer of magnitude
// at most K = C*KH*KW (conv) or F (dense); float32 represents all integers below 2^24 exactly, so
// torch's float result equals the integer dot product whatever its summation order, and so does
// the float conversion of the popcount result. The functions check the values (not quantizer
// names) and K < 2^24, and return an undefined tensor whenever they cannot give that guarantee;
// the caller then runs torch.

#include <torch/torch.h>

namespace qb {

/// Longest dot product whose integer results float32 holds exactly (|sum| <= K < 2^24): the
/// bit-packed paths refuse longer ones.
constexpr std::int64_t kMaxExactDotLength = std::int64_t(1) << 24;

/// True when `t` is a defined float32 CPU tensor in plain (not sparse, mkldnn or quantized) storage:
/// what the hand-written kernels can read through data_ptr<float>() once contiguous.
bool isFloatCpu(const torch::Tensor &t);

/// True when `t` is a float32 CPU tensor whose every element is exactly +1.0f or -1.0f (an empty
/// tensor is not). Checked in parallel (at::parallel_for), stopping early on the first other value.
bool isBinaryTensor(const torch::Tensor &t);

/// torch::conv2d(input, weight, {}, {strideH, strideW}, {padH, padW}) for +-1 input [N, C, H, W]
/// and +-1 weight [O, C, KH, KW] (dilation 1, groups 1, no bias), through packNchwPixels +
/// binaryConv2d, the batch split across torch's intra-op threads. Returns an undefined tensor
/// (nothing computed) when the tensors are not both binary or the shapes are not supported.
torch::Tensor bitPackedConv2d(
    const torch::Tensor &input, const torch::Tensor &weight, int strideH, int strideW, int padH, int padW);

/// torch::linear(input, weight) for +-1 input [N, F] and +-1 weight [O, F] (no bias), through
/// binaryDense, the rows split across torch's intra-op threads. Undefined tensor when not eligible.
torch::Tensor bitPackedLinear(const torch::Tensor &input, const torch::Tensor &weight);

} // namespace qb
