// The quantizers that carry state beyond their parameters: lsq (a learned step size, a trainable
// tensor initialised from the first batch) and stochastic_binary (draws in training mode only).
// One translation unit for both: every torch .cpp costs ~30-60 s to compile here. REFERENCE.md,
// section "Quantizers".
#include "quant/quantizer_p.h"

#include <cmath>

namespace qb {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

/// Steps at or below this are treated as this (the optimizer may push s through 0).
constexpr double kMinStep = 1e-8;

/// LSQ (Esser et al. 2020): v = x / s, forward round(clamp(v, -Q_N, Q_P)) * s. Backward to x: the
/// identity where -Q_N <= v <= Q_P (bounds included, as the clamp's own gradient), else 0.
/// Backward to s: g * sum(grad * dq/ds) with dq/ds = round(v) - v for -Q_N < v < Q_P, -Q_N for
/// v <= -Q_N and Q_P for v >= Q_P (the paper's branches: on a bound dq/ds is the bound), and the
/// gradient scale g = 1 / sqrt(N * Q_P).
struct LsqFunction : public torch::autograd::Function<LsqFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x, const torch::Tensor &step,
                                 double qn, double qp, double gradScale)
    {
        const torch::Tensor s = step.clamp_min(kMinStep);
        ctx->saved_data["qn"] = qn;
        ctx->saved_data["qp"] = qp;
        ctx->saved_data["g"] = gradScale;
        ctx->save_for_backward({x, s});
        return (x / s).clamp_(-qn, qp).round_() * s;
    }

    static tensor_list backward(AutogradContext *ctx, tensor_list gradOutputs)
    {
        const double qn = ctx->saved_data["qn"].toDouble();
        const double qp = ctx->saved_data["qp"].toDouble();
        const double g = ctx->saved_data["g"].toDouble();
        const tensor_list saved = ctx->get_saved_variables();
        const torch::Tensor &s = saved[1];
        const torch::Tensor &grad = gradOutputs[0];
        const torch::Tensor v = saved[0] / s;
        const torch::Tensor gradX = grad * (v.ge(-qn) & v.le(qp)).to(grad.scalar_type());
        const torch::Tensor dqds
            = torch::where(v.le(-qn), torch::full_like(v, -qn),
                           torch::where(v.ge(qp), torch::full_like(v, qp), v.round() - v));
        // to(s.options()): the step may be a CPU scalar next to inputs on the GPU.
        const torch::Tensor gradStep = ((grad * dqds).sum() * g).to(s.options());
        return {gradX, gradStep, torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

/// BinaryConnect: when drawing, +1 with probability hard_sigmoid(x) = clip((x + 1) / 2, 0, 1), else
/// -1 (u ~ U[0, 1) from torch's global generator; +1 where u < p); otherwise the deterministic
/// sign(x) with sign(0) = +1. Backward the clipped STE either way.
struct StochasticBinaryFunction : public torch::autograd::Function<StochasticBinaryFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x, double clip, bool draw)
    {
        ctx->saved_data["clip"] = clip;
        ctx->save_for_backward({x});
        if (!draw)
            return signWithZeroPositive(x);
        const torch::Tensor p = ((x + 1.0) / 2.0).clamp_(0.0, 1.0);
        return torch::rand_like(x).lt(p).to(x.scalar_type()).mul_(2).sub_(1);
    }

    static tensor_list backward(AutogradContext *ctx, tensor_list gradOutputs)
    {
        const double clip = ctx->saved_data["clip"].toDouble();
        return {clippedSteGradient(gradOutputs[0], ctx->get_saved_variables()[0], clip), torch::Tensor(),
                torch::Tensor()};
    }
};

/// LSQ with a k-bit grid, signed (Q_N = 2^(k-1), Q_P = 2^(k-1) - 1) or unsigned (Q_N = 0,
/// Q_P = 2^k - 1). The step s is a trainable 0-dim tensor, 0 until initialised: the first
/// apply() with a non-zero input sets s = 2 * mean|x| / sqrt(Q_P) (the paper's initialisation).
/// A step restored from a checkpoint is already positive and is kept. N in the gradient scale is
/// the number of elements the step is shared over in a call, x.numel() (weights: the layer's
/// weights; inputs: batch x features, as common LSQ implementations do).
class Lsq : public Quantizer
{
public:
    Lsq(int bits, bool isSigned)
        : m_qn(isSigned ? std::ldexp(1.0, bits - 1) : 0.0),
          m_qp(isSigned ? std::ldexp(1.0, bits - 1) - 1.0 : std::ldexp(1.0, bits) - 1.0),
          m_step(torch::zeros({}).set_requires_grad(true))
    {
    }

    torch::Tensor apply(const torch::Tensor &x) override
    {
        if (!m_initialized)
            initialize(x);
        const double g = 1.0 / std::sqrt(static_cast<double>(std::max<int64_t>(x.numel(), 1)) * m_qp);
        return LsqFunction::apply(x, m_step, m_qn, m_qp, g);
    }

    std::vector<torch::Tensor> parameters() const override { return {m_step}; }

private:
    void initialize(const torch::Tensor &x)
    {
        torch::NoGradGuard noGrad;
        if (m_step.item<double>() > 0.0) {
            m_initialized = true;
            return;
        }
        const double init = 2.0 * x.detach().abs().mean().item<double>() / std::sqrt(m_qp);
        if (init > 0.0 && std::isfinite(init)) {
            m_step.fill_(init);
            m_initialized = true;
        }
    }

    double m_qn;
    double m_qp;
    torch::Tensor m_step;
    bool m_initialized = false;
};

class StochasticBinary : public Quantizer
{
public:
    StochasticBinary(double clip, bool stochasticEval) : m_clip(clip), m_stochasticEval(stochasticEval) {}
    torch::Tensor apply(const torch::Tensor &x) override
    {
        return StochasticBinaryFunction::apply(x, m_clip, m_training || m_stochasticEval);
    }
    void setTraining(bool training) override { m_training = training; }
    bool isSignAtEvaluation() const override { return !m_stochasticEval; }

private:
    double m_clip;
    bool m_stochasticEval;
    bool m_training = true;
};

} // namespace

std::unique_ptr<Quantizer> makeLsq(const QuantizerSpec &spec)
{
    return std::make_unique<Lsq>(static_cast<int>(spec.number(QStringLiteral("bits"), 4.0)),
                                 spec.flag(QStringLiteral("signed"), true));
}

std::unique_ptr<Quantizer> makeStochasticBinary(const QuantizerSpec &spec)
{
    return std::make_unique<StochasticBinary>(spec.number(QStringLiteral("clip"), 1.0),
                                              spec.flag(QStringLiteral("stochastic_eval"), false));
}

} // namespace qb
