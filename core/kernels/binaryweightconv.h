#pragma once
// Convolution of a float input with +-1 weights (a binary-weight layer whose input is not binary,
// typically the first layer of a binarized network, which sees the image). Every product is +-x,
// so the kernel only adds and subtracts, with no multiplications and no im2col copy.
//
// Summation order: each output starts at +0 and adds its taps in (channel, kernel row, kernel
// column) order, one rounding per tap. For one input channel that is the order of torch's kernels
// here (im2col + GEMM and oneDNN alike), which tst_cpukernels and the benchmark check bit for bit
// against torch::conv2d; with several channels torch sums in another order, so the layer glue
// (model/cpuops_p.h) uses this kernel for one-channel inputs only. Padding taps add +-0, as torch's
// zero padding does.
// Torch-free; single-threaded over the images given.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace qb {

/// The geometry of a binary-weight convolution: input C x H x W, O filters of KH x KW, stride, padding.
struct BinaryWeightConvGeometry
{
    int channels = 0, height = 0, width = 0;
    int outChannels = 0, kernelH = 0, kernelW = 0;
    int strideH = 1, strideW = 1, padH = 0, padW = 0;

    int outputHeight() const;
    int outputWidth() const;
    bool valid() const;
};

/// out[n][o][oy][ox] = sum over (c, ky, kx) of s[o][c][ky][kx] * in[n][c][oy*sH - pH + ky][ox*sW - pW + kx],
/// for `batch` NCHW images; `weights` holds the O*C*KH*KW weights, each +1.0f or -1.0f.
/// `scratch` is reused between calls (a zero-padded copy of one image's planes, when padded).
void binaryWeightConv2d(const float *in, int batch, const BinaryWeightConvGeometry &g,
    const float *weights, float *out, std::vector<float> &scratch);

} // namespace qb
