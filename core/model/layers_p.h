#pragma once
// Private torch modules for the layer types of a NetworkSpec. They live in one header/source pair
// (not one file per class) because every torch translation unit costs ~30 s to compile here.

#include "noise/noisemodel_p.h"
#include "quant/quantizer_p.h"
#include "spec/layerspec.h"
#include "spec/tensorshape.h"

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <memory>

namespace qb {

/// A map applied to a temporary tensor at evaluation time (post-training quantization, simulated
/// hardware); it never writes into the latent weights.
using TensorTransform = std::function<torch::Tensor(const torch::Tensor &)>;

/// Base of every layer module: forward of one tensor, and an optional post-step constraint.
class LayerModule : public torch::nn::Module
{
public:
    virtual torch::Tensor forward(const torch::Tensor &x) = 0;
    /// Applied after each optimizer step (weight clip); no-op by default.
    virtual void applyConstraints() {}
    /// The weights the layer really computes with (the quantized kernel), undefined when the layer
    /// has none. Used to inspect effective weights next to the latent ones.
    virtual torch::Tensor effectiveWeight() { return torch::Tensor(); }

    /// Training progress (epoch / epochs in [0, 1]) for quantizers with a schedule.
    virtual void setTrainingProgress(double fraction) {}
    /// The simulated chip evaluated next (per-chip nonideality patterns); no-op by default.
    virtual void setChip(std::optional<std::uint64_t> chip) {}
    /// Allows the bit-packed evaluation path (see WeightedLayerModule); no-op by default.
    virtual void setBitPacked(bool on) {}

    /// Extra transform of the effective weights used in forward (empty: none).
    void setWeightTransform(TensorTransform transform) { m_weightTransform = std::move(transform); }

protected:
    torch::Tensor transformWeight(const torch::Tensor &w) const { return m_weightTransform ? m_weightTransform(w) : w; }

private:
    TensorTransform m_weightTransform;
};

/// Registers a quantizer's trainable tensors (LSQ's step) as parameters of `owner`, named
/// "<prefix>_<i>", so that the optimizer and the weights archive see them.
void registerQuantizerParameters(torch::nn::Module &owner, const std::unique_ptr<Quantizer> &q, const std::string &prefix);

/// What Conv2D and Dense share: the latent weights and bias, an optional input quantizer and kernel
/// quantizer, the weight clip constraint (Larq's QuantConv2D / QuantDense), and the layer's
/// nonidealities. Weights start Glorot-uniform, biases at zero (the Keras defaults the presets were
/// published with), or as PyTorch's layers start (LayerSpec::init, for the snnTorch presets).
///
/// The weights used in a forward pass are built on temporaries, in this order: latent weights ->
/// nonidealities on the latent weights -> kernel quantizer -> nonidealities on the effective weights
/// -> the evaluation weight transform (post-training quantization). The output then passes the
/// output nonidealities. Nothing is ever written back into the latent weights.
///
/// Bit-packed evaluation (on by default, setBitPacked): in evaluation mode without gradient
/// recording, a layer without bias whose quantized input and final effective weights (after every
/// nonideality and transform of this pass) contain only +1/-1 computes its conv / linear with the
/// XNOR-popcount kernels (model/bitpackedops_p.h), giving the very same float values as torch;
/// a conv layer whose weights are +-1 but whose input is float (the first layer of a binarized
/// network) runs the add/subtract kernel of kernels/binaryweightconv.h, which sums in torch's order
/// and gives the same values too; anything else (scaled or noisy effective weights, asymmetric
/// padding) runs torch. The random draws of a pass are the same on both paths, so is everything after the conv.
class WeightedLayerModule : public LayerModule
{
public:
    void applyConstraints() override;
    torch::Tensor effectiveWeight() override;
    void train(bool on = true) override;
    void setTrainingProgress(double fraction) override;
    void setChip(std::optional<std::uint64_t> chip) override { m_chip = chip; }
    void setBitPacked(bool on) override { m_bitPacked = on; }
    bool bitPacked() const { return m_bitPacked; }
    /// The kernels a forward pass can take (see the class comment).
    enum class Path { BitPacked, BinaryWeight, Torch };
    /// Forward passes computed by the bit-packed kernels, by the binary-weight kernel (float input,
    /// +-1 weights) and by torch since construction (the benchmark and the tests read them to see
    /// which path a layer took).
    std::int64_t bitPackedPasses() const { return m_passes[int(Path::BitPacked)]; }
    std::int64_t binaryWeightPasses() const { return m_passes[int(Path::BinaryWeight)]; }
    std::int64_t torchPasses() const { return m_passes[int(Path::Torch)]; }
    void recordPass(Path path) { ++m_passes[int(path)]; }

    // The pieces of forward() that the fused evaluation (model/fusedbinaryevaluator_p.h) calls
    // itself, in the same order as forward() so the random draws stay the same.
    /// Whether this pass may try the bit-packed (or binary-weight) kernels: enabled, evaluation
    /// mode, no gradient recording, no bias. The kernels themselves then check that the values are
    /// all +-1.
    bool mayUseBitPacked() const;
    bool hasInputQuantizer() const { return m_inputQuantizer != nullptr; }
    /// The input quantizer is sign(x) with sign(0) = +1 in evaluation mode, drawing nothing.
    bool inputIsSignAtEvaluation() const;
    /// Some output nonideality acts in the current mode (then the outputs are not integers).
    bool outputNoiseActive() const;
    torch::Tensor quantizeInput(const torch::Tensor &x) const { return quantizedInput(x); }
    /// The weights of this pass, nonidealities drawn (forward() draws them once per call).
    torch::Tensor drawWeight() { return forwardWeight(); }
    /// The rest of forward() once the input is quantized and the weights drawn: the conv or
    /// linear on the chosen path, then the output nonidealities.
    virtual torch::Tensor computeWith(const torch::Tensor &quantizedIn, const torch::Tensor &weight) = 0;
    /// The output nonidealities alone (what computeWith applies last).
    torch::Tensor finishOutput(const torch::Tensor &y) { return perturbOutput(y); }

protected:
    /// `salt` (e.g. the layer index) keeps the per-chip patterns of different layers apart.
    WeightedLayerModule(const LayerSpec &spec, std::uint64_t salt);
    /// Registers the weight (Glorot-uniform over fanIn/fanOut) and, if wanted, a zero bias.
    void createParameters(std::vector<int64_t> weightShape, int64_t fanIn, int64_t fanOut, bool bias);
    torch::Tensor quantizedInput(const torch::Tensor &x) const;
    /// The weights this forward pass computes with (nonidealities of the current mode included).
    torch::Tensor forwardWeight();
    torch::Tensor perturbOutput(const torch::Tensor &y);

    torch::Tensor m_weight;
    torch::Tensor m_bias;

private:
    struct Nonideality
    {
        NoiseSpec spec;
        std::unique_ptr<NoiseModel> model;
    };
    torch::Tensor applyNoise(torch::Tensor x, NoiseTarget target);

    std::unique_ptr<Quantizer> m_inputQuantizer;
    std::unique_ptr<Quantizer> m_kernelQuantizer;
    double m_clip = 0.0;
    WeightInit m_init = WeightInit::GlorotUniform;
    std::vector<Nonideality> m_nonidealities;
    std::optional<std::uint64_t> m_chip = 0; ///< evaluation chip; training always draws fresh
    /// Evaluation of +-1 inputs and weights through the XNOR-popcount kernels (bit-exact with torch).
    bool m_bitPacked = true;
    std::int64_t m_passes[3] = {0, 0, 0};
};

class QuantConv2dModule : public WeightedLayerModule
{
public:
    QuantConv2dModule(const LayerSpec &spec, const TensorShape &input, std::uint64_t salt);
    torch::Tensor forward(const torch::Tensor &x) override;
    torch::Tensor computeWith(const torch::Tensor &quantizedIn, const torch::Tensor &weight) override;

    int strideH() const { return m_strideH; }
    int strideW() const { return m_strideW; }
    /// Same zero padding on both sides of each axis (then padH()/padW() is the padding per side).
    bool symmetricPadding() const { return m_padTop == m_padBottom && m_padLeft == m_padRight; }
    int padH() const { return m_padTop; }
    int padW() const { return m_padLeft; }
    int padBottom() const { return m_padBottom; }
    int padRight() const { return m_padRight; }

private:
    int m_strideH, m_strideW;
    // Padding as (top, bottom, left, right); TF "same" may be asymmetric.
    int m_padTop = 0, m_padBottom = 0, m_padLeft = 0, m_padRight = 0;
};

class QuantDenseModule : public WeightedLayerModule
{
public:
    QuantDenseModule(const LayerSpec &spec, const TensorShape &input, std::uint64_t salt);
    torch::Tensor forward(const torch::Tensor &x) override;
    torch::Tensor computeWith(const torch::Tensor &quantizedIn, const torch::Tensor &weight) override;
};

/// Batch normalization over channels (feature maps) or features (flat), with gamma ("scale") and
/// beta ("center") each optional, as in Keras. `momentum` follows Keras (weight of the old running
/// value); torch's convention is 1 - momentum.
class BatchNormModule : public LayerModule
{
public:
    BatchNormModule(const LayerSpec &spec, const TensorShape &input);
    torch::Tensor forward(const torch::Tensor &x) override;
    /// gamma, beta, running mean and variance (gamma or beta undefined when the layer has none):
    /// everything its evaluation output depends on besides epsilon.
    std::vector<torch::Tensor> stateTensors() const { return {m_gamma, m_beta, m_runningMean, m_runningVar}; }
    double epsilon() const { return m_epsilon; }

private:
    torch::Tensor m_gamma;
    torch::Tensor m_beta;
    torch::Tensor m_runningMean;
    torch::Tensor m_runningVar;
    double m_momentum;
    double m_epsilon;
};

class PoolModule : public LayerModule
{
public:
    explicit PoolModule(const LayerSpec &spec);
    torch::Tensor forward(const torch::Tensor &x) override;
    bool isMax() const { return m_max; }
    const std::vector<int64_t> &kernel() const { return m_kernel; }
    const std::vector<int64_t> &stride() const { return m_stride; }
    const std::vector<int64_t> &padding() const { return m_padding; }

private:
    bool m_max;
    std::vector<int64_t> m_kernel, m_stride, m_padding;
};

class FlattenModule : public LayerModule
{
public:
    torch::Tensor forward(const torch::Tensor &x) override { return x.flatten(1); }
};

class DropoutModule : public LayerModule
{
public:
    explicit DropoutModule(double rate) : m_rate(rate) {}
    torch::Tensor forward(const torch::Tensor &x) override;

private:
    double m_rate;
};

/// Elementwise activation. Softmax is the identity here: the network outputs logits and the loss
/// (cross-entropy) applies log-softmax once; predictions apply softmax explicitly.
class ActivationModule : public LayerModule
{
public:
    explicit ActivationModule(ActivationFunction f) : m_function(f) {}
    torch::Tensor forward(const torch::Tensor &x) override;

private:
    ActivationFunction m_function;
};

} // namespace qb
