#pragma once
// A run of binarized layers evaluated image by image with every intermediate kept in the core's
// caches as packed sign bits or small integer maps: the fused form of the bit-packed evaluation
// path. Torch-free; the torch glue (model/fusedbinaryevaluator_p.h) builds one per forward pass
// from the network's layers and checks that it may.
//
// Why fused: evaluated layer by layer over a batch of 250 images, every binary layer wrote its
// integer results out as a float tensor, max pooling and batch norm each streamed that tensor
// through memory again, and the next layer's sign quantizer and packing a third time; the
// popcount GEMMs themselves were a minority of the time. Here one image goes through the whole
// run while its data stays in L1/L2.
//
// What it computes, and why it is exact. The chain is
//
//   input -> [binary-weight conv] -> binarize -> layer -> binarize -> layer ... -> layer -> output
//
// where a layer is a binarized conv or dense (+-1 inputs and weights) and "binarize" stands for
// the layers between two of them in the network, [max pool] -> [batch norm] -> [flatten /
// dropout], followed by the next layer's sign input quantizer. A binary layer's outputs are
// exact integers (see model/bitpackedops_p.h), max pooling only selects one of its inputs, and
// what the next layer reads of the batch norm's output is only its sign; so the whole of
// "binarize" is, per channel, a comparison of the pooled value with a threshold:
//
//   bit = scale[c] * v >= threshold[c]        (scale +1 or -1; NaN gives 0, as sign(NaN) = -1)
//
// The thresholds are not derived from a formula: the glue asks torch's own batch norm for them
// (every integer a layer can produce, or a binary search over floats for the float map of the
// binary-weight conv), so the bits are the ones the float path computes. The last layer's
// integers are written out as floats, in NCHW (conv) or [features] (dense) order.
//
// Bit layouts: a conv reads its input pixel by pixel, each pixel ceil(C / 32) 32-bit units with
// channel c at bit c % 32 of unit c / 32 (32-bit units so that 32 channels fill a 3x3 patch of
// 288 bits into 5 words instead of 9); a patch is the units of its taps in (ky, kx) order and the
// filters are packed alike. A dense layer reads the same units of its whole input map; its
// filters are packed in that order rather than torch's flattening order (c * H * W + y * W + x),
// which leaves every dot product unchanged.

#include "bitpack/binarygemm.h"
#include "kernels/binaryweightconv.h"
#include "kernels/poolkernels.h"

#include <cstdint>
#include <vector>

namespace qb {

/// Per-channel thresholds of a binarization: bit = scale[c] * v >= threshold[c], scale +-1.
template <typename T> struct ChannelSignRule
{
    std::vector<T> scale;
    std::vector<T> threshold;

    /// bit = v >= 0 on every channel: the sign quantizer directly on the values (no batch norm).
    static ChannelSignRule signOf(int channels)
    {
        return {std::vector<T>(std::size_t(channels), T(1)), std::vector<T>(std::size_t(channels), T(0))};
    }
    int channels() const { return int(scale.size()); }
};

/// The fused chain. Built step by step (every add... returns false, leaving the chain unusable,
/// when the shapes do not fit), then run() on any number of images. A built chain is immutable
/// and run() is const: threads may share one.
class BinaryChain
{
public:
    /// The input image is C x H x W floats. With `conv`, the chain starts with a binary-weight
    /// convolution of it (kernels/binaryweightconv.h, one input channel; `weights` +-1 in torch's
    /// [O][C][KH][KW] order); without, the image itself is the first map (+-1 values of a layer
    /// whose input quantizer already ran, or raw values a sign rule binarizes).
    bool setInput(int channels, int height, int width);
    bool setInputConv(const BinaryWeightConvGeometry &conv, std::vector<float> weights);

    /// The layers between the map so far and the next binary layer. `pool` (may be null: none)
    /// is applied to the map first; its height and width are ignored (the map's are used).
    /// A float rule is for the map of the input / binary-weight conv, an int rule for a binary
    /// layer's output; each must have one entry per channel of the map.
    bool addBinarize(const PoolGeometry *pool, ChannelSignRule<float> rule);
    bool addBinarize(const PoolGeometry *pool, ChannelSignRule<std::int32_t> rule);

    /// A binarized conv (weights [O][C][KH][KW], +-1) on the map so far (symmetric zero padding).
    bool addConv(const float *weights, int outChannels, int kernelH, int kernelW, int strideH, int strideW,
        int padH, int padW);
    /// A binarized dense layer (weights [O][F], +-1) on the flattened map so far.
    bool addDense(const float *weights, int outFeatures);

    /// Usable: input set, every step fitted, at least one binary layer, and it ends on one.
    bool isComplete() const;
    /// Floats per image in run()'s output: the last layer's C * H * W (or features).
    int outputSize() const;

    /// Evaluates `count` images (each inputSize() floats, consecutive) into `out` (outputSize()
    /// floats each). Single-threaded; split the images across threads to parallelise. `kernel`
    /// picks the popcount kernel and with it the chain's own code: Auto and Avx512 use its AVX-512
    /// kernels (the first layer in one pass, pooling, packing) where the CPU has AVX-512F, Scalar
    /// and Avx2 the portable code. Every choice gives the same outputs (tst_binarychain).
    void run(const float *images, int count, float *out, BinaryKernel kernel = BinaryKernel::Auto) const;
    int inputSize() const { return m_inputChannels * m_inputHeight * m_inputWidth; }
    /// The map after the steps added so far (after the pooling of a pending binarize).
    int mapChannels() const { return m_shape.channels; }
    int mapHeight() const { return m_shape.height; }
    int mapWidth() const { return m_shape.width; }

private:
    struct MapShape
    {
        int channels = 0, height = 1, width = 1;
        int pixels() const { return height * width; }
    };
    struct Binarize
    {
        bool pool = false;
        PoolGeometry poolGeometry;
        bool floatInput = false; ///< the map of the input / binary-weight conv (float, CHW)
        ChannelSignRule<float> floatRule;
        ChannelSignRule<std::int32_t> intRule;
        MapShape in; ///< before pooling
        MapShape out; ///< after pooling
    };
    struct Layer
    {
        bool conv = false;
        MapShape in, out;
        int kernelH = 1, kernelW = 1, strideH = 1, strideW = 1, padH = 0, padW = 0;
        int units = 0; ///< 32-bit units per input pixel
        int words = 0; ///< 64-bit words per patch (conv) or per input map (dense)
        std::int32_t dotLength = 0; ///< K of a dense layer
        std::vector<std::uint64_t> filters; ///< O rows of `words`
        /// Conv only: for every unit of every patch (positions x 2 * words), the input unit it
        /// copies; padding taps point at the zero unit after the map's units.
        std::vector<std::int32_t> gather;
        /// Conv only: per output position the in-image bits (C x valid taps), and for each border
        /// position (borders[b]) the correction for the filters' +1 weights on padding taps.
        std::vector<std::int32_t> validBits;
        std::vector<int> borders;
        std::vector<std::int32_t> paddingCorrection; ///< [border][O]
    };
    struct Workspace;
    /// The entry in one AVX-512 pass (conv, pool, rule, packing; see binarychain.cpp) where the
    /// CPU and the entry's shape allow it.
    struct EntryKernel
    {
        bool use = false;
        int window = 1;
        std::vector<float> weights, scale, threshold;
    };
    EntryKernel entryKernel(bool avx512) const;
    void runEntryKernel(const EntryKernel &e, const float *image, Workspace &w) const;

    bool addBinarizeStep(const PoolGeometry *pool, Binarize step);
    void binarize(const Binarize &b, Workspace &w, const float *floatMap, std::uint64_t *bits) const;
    void convolve(const Layer &l, const std::uint64_t *bits, Workspace &w, BinaryKernel kernel) const;
    void dense(const Layer &l, const std::uint64_t *bits, std::int32_t *out, BinaryKernel kernel) const;
    void writeOutput(const std::int32_t *map, float *out) const;

    bool m_broken = false;
    int m_inputChannels = 0, m_inputHeight = 0, m_inputWidth = 0;
    bool m_inputConv = false;
    BinaryWeightConvGeometry m_conv;
    std::vector<float> m_convWeights;
    MapShape m_shape; ///< the map after the last step
    bool m_shapeIsInt = false; ///< the last step was a binary layer
    bool m_pendingBinarize = false; ///< a binarize waits for its layer
    // Steps alternate: m_binarize[i] feeds m_layers[i].
    std::vector<Binarize> m_binarize;
    std::vector<Layer> m_layers;
};

} // namespace qb
