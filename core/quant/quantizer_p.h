#pragma once
// Private (torch) interface of quantizers. Only core .cpp files include this header.

#include "spec/quantizerspec.h"

#include <torch/torch.h>

#include <functional>
#include <memory>
#include <vector>

namespace qb {

/// A quantizer as used inside a layer: a differentiable map applied to inputs or to the latent
/// kernel. Forward and backward follow REFERENCE.md exactly; each implementation is an autograd
/// Function so its gradient is the documented one, not whatever a chain of ops yields.
///
/// Besides apply(), a quantizer may carry state the owning layer has to pass on; the hooks below
/// all have do-nothing defaults, so a stateless quantizer implements apply() only. A quantizer is
/// used by the thread that runs its layer and is not thread-safe.
class Quantizer
{
public:
    virtual ~Quantizer() = default;
    virtual torch::Tensor apply(const torch::Tensor &x) = 0;

    /// Trainable tensors the quantizer owns (LSQ's step size); empty by default. They exist from
    /// construction on and are only ever changed in place, so the owning module should register
    /// them (`register_parameter`): then `to(device)`, the optimizer and checkpoints all see them.
    virtual std::vector<torch::Tensor> parameters() const { return {}; }

    /// Training (true, the initial state, as for torch modules) or evaluation mode; the owning
    /// module forwards its train()/eval() here. Only stochastic_binary looks at it (it draws in
    /// training only unless asked to draw at evaluation too).
    virtual void setTraining(bool /*training*/) {}

    /// How far training has got, epoch / epochs in [0, 1], for quantizers with a schedule (ReSTE's
    /// cosine schedule of `o`). Never called means 0.
    virtual void setProgress(double /*fraction*/) {}

    /// True when, in evaluation mode, apply() is exactly signWithZeroPositive() and draws nothing:
    /// then the fused bit-packed evaluation may replace it by a comparison (false by default).
    virtual bool isSignAtEvaluation() const { return false; }
};

/// Creates the quantizer a spec names (nullptr for "none"). The name must be in QuantizerCatalog
/// (validated beforehand); an unknown name throws std::invalid_argument.
std::unique_ptr<Quantizer> makeQuantizer(const QuantizerSpec &spec);

/// sign(x) with sign(0) = +1; the shared forward of the sign-family quantizers.
torch::Tensor signWithZeroPositive(const torch::Tensor &x);

/// The clipped straight-through estimator shared by the sign, ternary and stochastic quantizers:
/// `grad * 1[|x| <= clip]`, or `grad` unchanged when clip <= 0 (clip disabled).
torch::Tensor clippedSteGradient(const torch::Tensor &grad, const torch::Tensor &x, double clip);

/// The ste_sign autograd function: forward sign(x), backward grad * 1[|x| <= clip] (clip <= 0:
/// no clip, gradient passed everywhere). Exposed for tests.
torch::Tensor steSign(const torch::Tensor &x, double clip);

} // namespace qb
