#pragma once
// Private: spiking layers (leaky, synaptic), spike encoders and readout losses, following
// snnTorch 0.9.4's code (README, "Spiking networks").
//
// Time is unrolled layer by layer: a tensor that varies over the T time steps is kept time-major
// as [T*B, ...] (rows t*B .. t*B+B-1 are step t); a tensor that does not vary (the direct input and
// everything computed from it before the first spiking layer) stays [B, ...] and is computed once.
// A stateless layer (conv, dense, pool, ...) maps either form to the same form, so the plain
// per-step computation and this one give the same values; a spiking layer runs its recurrence over
// the T steps and always returns [T*B, ...].

#include "model/layers_p.h"
#include "spec/spikingspec.h"

#include <torch/torch.h>

namespace qb {

/// Heaviside spike H(x) = x > 0 with the surrogate gradient of `kind` (slope: atan's alpha or the
/// sigmoids' k): atan g*(a/2)/(1+(pi/2*a*x)^2), fast_sigmoid g/(1+k|x|)^2,
/// sigmoid g*k*e^(-kx)/(1+e^(-kx))^2, ste g.
torch::Tensor spikeWithSurrogate(const torch::Tensor &x, SurrogateKind kind, double slope);
/// The surrogate's derivative at x (what the backward pass multiplies by).
float surrogateGradient(float x, SurrogateKind kind, float slope);

/// The spikes and membrane of a spiking layer over all steps, both [T*B, ...]; for a synaptic
/// layer also its synaptic current.
struct SpikeSequence
{
    torch::Tensor spikes;
    torch::Tensor membrane;
    torch::Tensor synaptic;
};

/// A leaky (LIF) or synaptic (second-order) layer. Its beta, threshold and alpha are parameters
/// when learned, buffers otherwise (both are saved with the weights).
class SpikingLayerModule : public LayerModule
{
public:
    explicit SpikingLayerModule(const LayerSpec &spec);

    /// One step is never run alone: the network calls run(). Kept for the LayerModule interface
    /// (T = 1, the input as its only step).
    torch::Tensor forward(const torch::Tensor &x) override;
    /// The recurrence over `steps` steps. `current` is [T*B, ...] when `timed`, else [B, ...], the
    /// same input current at every step (computed once by the layers before).
    SpikeSequence run(const torch::Tensor &current, int steps, bool timed);

    /// Use the fused kernel for leaky layers without state quantization (default on). Off: the
    /// step-by-step torch computation, which the tests compare it with.
    void setFused(bool on) { m_fused = on; }
    bool synaptic() const { return m_synaptic; }
    const NeuronSpec &neuron() const { return m_neuron; }
    /// The parameters in effect (beta and alpha clamped to [0, 1] as they are used).
    double beta() const;
    double threshold() const;
    double alpha() const; ///< synaptic layers only

private:
    SpikeSequence runStepwise(const torch::Tensor &current, int steps, bool timed);
    torch::Tensor registerValue(const std::string &name, double value, bool learned);

    NeuronSpec m_neuron;
    bool m_synaptic;
    bool m_fused = true;
    torch::Tensor m_beta;
    torch::Tensor m_threshold;
    torch::Tensor m_alpha;
};

/// The network input as the first layer sees it: `x` [B, ...] for direct encoding (returned as it
/// is, timed = false), or rate / latency spikes [T*B, ...] (timed = true).
torch::Tensor encodeInput(const torch::Tensor &x, const SpikingSpec &spiking, bool *timed);

/// The readout loss (mean over the batch) of the output layer's spikes and membrane, both
/// [T, B, classes], for labels y [B].
torch::Tensor spikingLoss(const SpikingSpec &spiking, const torch::Tensor &spikes, const torch::Tensor &membrane,
                          const torch::Tensor &y);

} // namespace qb
