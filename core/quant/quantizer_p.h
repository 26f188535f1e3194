#pragma once
// Private (torch) interface of quantizers. Only core .cpp files include this header.

#include "spec/quantizerspec.h"

#include <torch/torch.h>

#include <functional>
#include <memory>

namespace qb {

/// A quantizer as used inside a layer: a differentiable map applied to inputs or to the latent
/// kernel. Forward and backward follow REFERENCE.md exactly; each implementation is an autograd
/// Function so its gradient is the documented one, not whatever a chain of ops yields.
class Quantizer
{
public:
    virtual ~Quantizer() = default;
    virtual torch::Tensor apply(const torch::Tensor &x) = 0;
};

/// Creates the quantizer a spec names (nullptr for "none"). The name must be in QuantizerCatalog
/// (validated beforehand); an unknown name throws std::invalid_argument.
std::unique_ptr<Quantizer> makeQuantizer(const QuantizerSpec &spec);

/// sign(x) with sign(0) = +1; the shared forward of the sign-family quantizers.
torch::Tensor signWithZeroPositive(const torch::Tensor &x);

/// The ste_sign autograd function: forward sign(x), backward grad * 1[|x| <= clip] (clip <= 0:
/// no clip, gradient passed everywhere). Exposed for tests.
torch::Tensor steSign(const torch::Tensor &x, double clip);

} // namespace qb
