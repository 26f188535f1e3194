#pragma once
// Private torch network built from a NetworkSpec.

#include "model/fusedbinaryevaluator_p.h"
#include "model/layers_p.h"
#include "model/spiking_p.h"
#include "spec/networkspec.h"
#include "util/result.h"

#include <torch/torch.h>

#include <memory>
#include <vector>

namespace qb {

/// What one forward pass gives. `scores` [B, classes]: the logits, or for a spiking network the
/// output spike counts (summed over time: argmax is the prediction). A spiking network also gives
/// the output layer's spikes and membrane over time, [T, B, classes], which its loss reads.
struct NetworkOutput
{
    torch::Tensor scores;
    torch::Tensor spikes;
    torch::Tensor membrane;
};

/// The spikes and membranes of every spiking layer of one forward pass, [T, B, ...] each, in layer
/// order (the raster and membrane plots).
struct SpikeRecording
{
    std::vector<int> layers;
    std::vector<torch::Tensor> spikes;
    std::vector<torch::Tensor> membranes;
    /// Called with every layer's input (index, tensor, whether it is [T*B, ...]), when set.
    std::function<void(int, const torch::Tensor &, bool)> layerInput;
};

/// The torch module of a network: its layers in order. Output: class logits [batch, classes].
/// A spiking network (NetworkSpec::isSpiking) runs over its time steps, layer by layer
/// (model/spiking_p.h); its input is an image batch [B, C, H, W] (encoded as the network says) or
/// event frames [B, T, C, H, W].
class NetworkModule : public torch::nn::Module
{
public:
    /// The spec must have passed NetworkValidator (build() checks this).
    explicit NetworkModule(const NetworkSpec &spec);

    /// Validates the spec and builds the module; errors name the layer and field.
    static Result<std::shared_ptr<NetworkModule>> build(const NetworkSpec &spec);

    /// x: [batch, C, H, W] (or [batch, N] for flat-input networks); flattened as the spec needs.
    torch::Tensor forward(torch::Tensor x);
    /// forward() with what the loss needs; `recording` (optional) receives every spiking layer's
    /// spikes and membranes.
    NetworkOutput run(torch::Tensor x, SpikeRecording *recording = nullptr);
    /// The training loss of a pass, the mean over the batch: cross-entropy of the logits, or the
    /// spiking network's readout loss (SpikingSpec::loss).
    torch::Tensor loss(const NetworkOutput &output, const torch::Tensor &labels) const;
    /// Fused leaky kernels (default on); off: the step-by-step torch computation (tests).
    void setFusedSpiking(bool on);
    /// forward(), adding each layer's wall time in seconds to (*layerSeconds)[layer] (resized to
    /// layerCount() when smaller; null: no timing): the benchmark's per-layer profile. A fused
    /// run of layers counts all its time on its first layer.
    torch::Tensor forwardTimed(torch::Tensor x, std::vector<double> *layerSeconds);
    /// Clamps latent weights of layers with a weight clip; call after every optimizer step.
    void applyConstraints();
    /// Selects the simulated chip whose fixed nonideality patterns evaluation uses (default chip 0).
    void setChip(std::optional<std::uint64_t> chip);
    /// Tells quantizers with a schedule how far training has got (epoch / epochs, in [0, 1]).
    void setTrainingProgress(double fraction);
    /// Bit-packed evaluation of the binary conv/dense layers (default on; see WeightedLayerModule):
    /// in eval mode under NoGradGuard, layers whose quantized inputs and effective weights are all
    /// +-1 run the XNOR-popcount kernels and give bit-identical outputs. Off: torch everywhere.
    void setBitPacked(bool on);
    bool bitPacked() const { return m_bitPacked; }
    /// Within the bit-packed path, evaluate runs of consecutive binarized layers fused, image by
    /// image (model/fusedbinaryevaluator_p.h; default on). Off: every layer on its own, over the
    /// whole batch. Same outputs either way.
    void setFusedEvaluation(bool on) { m_fused = on; }
    bool fusedEvaluation() const { return m_fused; }
    /// Forward passes in which a run of layers was evaluated fused (tests and benchmark read it).
    std::int64_t fusedPasses() const { return m_fusedPasses; }
    /// Per conv/dense layer index: forward passes taken on the bit-packed path, on the
    /// binary-weight kernel (float input, +-1 weights) and on torch's.
    struct PathCounts
    {
        int layer = 0;
        std::int64_t bitPacked = 0;
        std::int64_t torch = 0;
        std::int64_t binaryWeight = 0;
    };
    std::vector<PathCounts> pathCounts() const;

    const NetworkSpec &spec() const { return m_spec; }
    int layerCount() const { return int(m_layers.size()); }
    LayerModule &layer(int index) { return *m_layers[size_t(index)]; }

    /// Transforms applied on temporaries at evaluation time, never to the stored weights: one for the
    /// effective weights of every conv/dense layer, one for the network input and every layer's
    /// output (empty: none). Used by post-training quantization sweeps.
    void setWeightTransform(const TensorTransform &transform);
    void setActivationTransform(TensorTransform transform) { m_activationTransform = std::move(transform); }

    /// Saves / loads all parameters and buffers (torch archive). Errors name the file.
    Status save(const QString &path);
    Status load(const QString &path);

private:
    NetworkOutput runSpiking(torch::Tensor x, SpikeRecording *recording);

    NetworkSpec m_spec;
    std::vector<std::shared_ptr<LayerModule>> m_layers;
    TensorTransform m_activationTransform;
    bool m_bitPacked = true;
    bool m_fused = true;
    std::int64_t m_fusedPasses = 0;
    FusedBinaryEvaluator m_fusedEvaluator;
};

} // namespace qb
