#pragma once
// Private (torch) interface of the hardware nonideality models. Only core .cpp files include it.

#include "spec/noisespec.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <optional>

namespace qb {

/// What a nonideality perturbs inside a conv/dense layer.
enum class NoiseTarget {
    LatentWeights, ///< the float weights before the kernel quantizer (the notebook's noisy layer)
    Weights,       ///< the effective (quantized) weights the layer computes with
    Outputs        ///< the layer's pre-activation output (before BatchNorm/activation)
};

/// One nonideality of one layer. apply() returns a NEW tensor and never writes into its argument,
/// so noise can never accumulate in the latent weights (REFERENCE.md's first bug). It is
/// differentiable where training through it makes sense (hardware-aware training).
///
/// Randomness: per-pass draws use torch's global generator (the trainer/evaluator seeds it).
/// Per-chip fixed patterns come from a generator seeded with mix(chip, salt), so a chip's pattern is
/// the same on every pass, and differs between chips and between layers (salt). With no chip
/// (training), a per-chip model draws a fresh pattern on every pass.
class NoiseModel
{
public:
    virtual ~NoiseModel() = default;
    virtual NoiseTarget target() const = 0;
    virtual torch::Tensor apply(const torch::Tensor &x, std::optional<std::uint64_t> chip) = 0;
};

/// Creates the model a spec names (validated beforehand with NoiseCatalog::check); an unknown name
/// throws std::invalid_argument. `salt` makes per-chip patterns of different layers/models differ.
std::unique_ptr<NoiseModel> makeNoiseModel(const NoiseSpec &spec, std::uint64_t salt);

/// A well-mixed 64-bit seed from a chip seed and a salt (splitmix64 of both).
std::uint64_t mixSeed(std::uint64_t chip, std::uint64_t salt);

} // namespace qb
