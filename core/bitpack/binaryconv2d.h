#pragma once

#include "bitpack/binarygemm.h"
#include "bitpack/packedbits.h"
#include "bitpack/packedconvweights.h"

#include <cstdint>

namespace qb {

/// Stride and explicit zero padding of a binary convolution, as torch's Conv2d takes them
/// (dilation 1, groups 1, no bias: the binarized layers use none of them).
struct BinaryConv2dOptions
{
    int strideH = 1;
    int strideW = 1;
    int padH = 0;
    int padW = 0;

    /// torch's floor((in + 2 * pad - kernel) / stride) + 1, or 0 when the kernel does not fit.
    static int outputSize(int in, int kernel, int stride, int pad);
};

/// Packs an NCHW float tensor pixel by pixel across channels (bit = x >= 0): row
/// (n * height + y) * width + x of the result holds that pixel's `channels` signs, so
/// rows() = batch * height * width and bits() = channels. The input may be raw activations
/// (they are signed here, as ste_sign would) or already +-1.
PackedBits packNchwPixels(const float *nchw, int batch, int channels, int height, int width);

/// A binarized Conv2d (QuantConv2D with a sign quantizer on inputs and kernel), bit-exact with
/// torch's conv2d on the +-1 tensors, zero padding included:
///
///   out[n][o][oy][ox] = sum over (c, ky, kx) in the image of sign(x[n][c][iy][ix]) * sign(w[o][c][ky][kx])
///
/// with iy = oy * strideH - padH + ky (ix likewise). A tap on the padding multiplies torch's 0.0
/// and adds nothing, so a border output lies in [-validBits, validBits] rather than
/// [-C*KH*KW, C*KH*KW]. How: the patch of every output is gathered into one packed row (zero
/// words on padding taps), a popcount GEMM of filters against patches gives p, and
/// out = validBits - 2 * (p - +1 weights on the padding taps).
///
/// `pixels` comes from packNchwPixels(batch, weights.channels(), height, width); `out` receives
/// batch x outChannels x OH x OW int32 in NCHW order. Returns false, writing nothing, when the
/// shapes disagree. Single-threaded; images are processed one after the other (the caller may
/// split the batch across threads).
bool binaryConv2d(const PackedBits &pixels, int batch, int height, int width,
    const PackedConvWeights &weights, const BinaryConv2dOptions &options, std::int32_t *out,
    BinaryKernel kernel = BinaryKernel::Auto);

/// Convenience: packs the NCHW float input (packNchwPixels) and runs the convolution above.
bool binaryConv2d(const float *nchw, int batch, int channels, int height, int width,
    const PackedConvWeights &weights, const BinaryConv2dOptions &options, std::int32_t *out,
    BinaryKernel kernel = BinaryKernel::Auto);

} // namespace qb
