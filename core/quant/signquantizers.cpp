// The 1-bit quantizers besides ste_sign (stesign.cpp): approx_sign, swish_sign,
// magnitude_aware_sign, reste and ste_heaviside. They share one translation unit, against the
// one-class-per-file habit, because every torch .cpp costs ~30-60 s to compile here. Forward and
// backward follow REFERENCE.md, section "Quantizers"; sign(0) = +1 throughout.
#include "quant/quantizer_p.h"

#include <algorithm>
#include <cmath>

namespace qb {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

/// approx_sign (Bi-Real Net): forward sign(x), backward grad * (2 - 2|x|) for |x| <= 1, else 0.
struct ApproxSignFunction : public torch::autograd::Function<ApproxSignFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x)
    {
        ctx->save_for_backward({x});
        return signWithZeroPositive(x);
    }

    static tensor_list backward(AutogradContext *ctx, tensor_list gradOutputs)
    {
        const torch::Tensor x = ctx->get_saved_variables()[0];
        // 2 - 2|x| is <= 0 exactly where |x| >= 1, so clamping at 0 is the "else 0" branch.
        const torch::Tensor slope = (2.0 - 2.0 * x.abs()).clamp_min(0.0);
        return {gradOutputs[0] * slope};
    }
};

/// swish_sign (BNN+'s SignSwish, as in Larq): forward sign(x), backward
/// beta*(2 - beta*x*tanh(beta*x/2)) / (1 + cosh(beta*x)), which is beta at 0 and turns negative
/// for |x| > about 2.4/beta before decaying to 0.
struct SwishSignFunction : public torch::autograd::Function<SwishSignFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x, double beta)
    {
        ctx->saved_data["beta"] = beta;
        ctx->save_for_backward({x});
        return signWithZeroPositive(x);
    }

    static tensor_list backward(AutogradContext *ctx, tensor_list gradOutputs)
    {
        const double beta = ctx->saved_data["beta"].toDouble();
        const torch::Tensor bx = ctx->get_saved_variables()[0] * beta;
        // For large |beta*x| cosh overflows to inf and the quotient is -0, never NaN: the
        // numerator stays finite because tanh is bounded.
        const torch::Tensor slope = beta * (2.0 - bx * torch::tanh(bx / 2.0)) / (1.0 + torch::cosh(bx));
        return {gradOutputs[0] * slope, torch::Tensor()};
    }
};

/// The per-output-channel scale of magnitude_aware_sign: mean |x| over every dimension but 0,
/// kept as a broadcastable [C, 1, ...] tensor (a 1-D tensor is one value per channel, its own |x|).
torch::Tensor channelMeanAbs(const torch::Tensor &x)
{
    if (x.dim() <= 1)
        return x.abs();
    std::vector<int64_t> dims;
    for (int64_t d = 1; d < x.dim(); ++d)
        dims.push_back(d);
    return x.abs().mean(dims, /*keepdim=*/true);
}

/// magnitude_aware_sign (Bi-Real Net's weights): forward mean(|x|) * sign(x) per output channel,
/// the scale a constant for autograd; backward the clipped STE times that scale.
struct MagnitudeAwareSignFunction : public torch::autograd::Function<MagnitudeAwareSignFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x, double clip)
    {
        const torch::Tensor scale = channelMeanAbs(x);
        ctx->saved_data["clip"] = clip;
        ctx->save_for_backward({x, scale});
        return scale * signWithZeroPositive(x);
    }

    static tensor_list backward(AutogradContext *ctx, tensor_list gradOutputs)
    {
        const double clip = ctx->saved_data["clip"].toDouble();
        const tensor_list saved = ctx->get_saved_variables();
        return {clippedSteGradient(gradOutputs[0] * saved[1], saved[0], clip), torch::Tensor()};
    }
};

/// ReSTE: forward sign(x); backward (1/o)*|x|^((1-o)/o) for 0.1 < |x| <= t, the constant
/// 0.1^(1/o)/0.1 (the secant slope of |x|^(1/o) over [0, 0.1]) for |x| <= 0.1, 0 beyond t.
struct ResteFunction : public torch::autograd::Function<ResteFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x, double o, double t)
    {
        ctx->saved_data["o"] = o;
        ctx->saved_data["t"] = t;
        ctx->save_for_backward({x});
        return signWithZeroPositive(x);
    }

    static tensor_list backward(AutogradContext *ctx, tensor_list gradOutputs)
    {
        constexpr double kInner = 0.1;
        const double o = ctx->saved_data["o"].toDouble();
        const double t = ctx->saved_data["t"].toDouble();
        const torch::Tensor a = ctx->get_saved_variables()[0].abs();
        // Clamping |x| at 0.1 before the power keeps pow(0, negative) = inf out of the unused branch.
        const torch::Tensor outer = a.clamp_min(kInner).pow((1.0 - o) / o) / o;
        const double inner = std::pow(kInner, 1.0 / o) / kInner;
        torch::Tensor slope = torch::where(a <= kInner, torch::full_like(a, inner), outer);
        slope = slope * (a <= t).to(slope.scalar_type());
        return {gradOutputs[0] * slope, torch::Tensor(), torch::Tensor()};
    }
};

/// ste_heaviside: forward 1 where x > 0 else 0 (so 0 at x = 0); backward the clipped STE.
struct SteHeavisideFunction : public torch::autograd::Function<SteHeavisideFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x, double clip)
    {
        ctx->saved_data["clip"] = clip;
        ctx->save_for_backward({x});
        return x.gt(0).to(x.scalar_type());
    }

    static tensor_list backward(AutogradContext *ctx, tensor_list gradOutputs)
    {
        const double clip = ctx->saved_data["clip"].toDouble();
        return {clippedSteGradient(gradOutputs[0], ctx->get_saved_variables()[0], clip), torch::Tensor()};
    }
};

class ApproxSign : public Quantizer
{
public:
    torch::Tensor apply(const torch::Tensor &x) override { return ApproxSignFunction::apply(x); }
    bool isSignAtEvaluation() const override { return true; }
};

class SwishSign : public Quantizer
{
public:
    explicit SwishSign(double beta) : m_beta(beta) {}
    torch::Tensor apply(const torch::Tensor &x) override { return SwishSignFunction::apply(x, m_beta); }
    bool isSignAtEvaluation() const override { return true; }

private:
    double m_beta;
};

class MagnitudeAwareSign : public Quantizer
{
public:
    explicit MagnitudeAwareSign(double clip) : m_clip(clip) {}
    torch::Tensor apply(const torch::Tensor &x) override
    {
        return MagnitudeAwareSignFunction::apply(x, m_clip);
    }

private:
    double m_clip;
};

/// ReSTE with o either fixed or following o(p) = 1 + (1 - cos(pi/2 * p)) * (o_end - 1) over the
/// training progress p = e/E (setProgress), from the clipped STE (o = 1) at the start to o_end.
class Reste : public Quantizer
{
public:
    Reste(double o, double t, bool cosine) : m_oEnd(o), m_t(t), m_cosine(cosine) {}
    torch::Tensor apply(const torch::Tensor &x) override { return ResteFunction::apply(x, order(), m_t); }
    bool isSignAtEvaluation() const override { return true; }
    void setProgress(double fraction) override { m_progress = std::clamp(fraction, 0.0, 1.0); }

private:
    double order() const
    {
        if (!m_cosine)
            return m_oEnd;
        constexpr double kPi = 3.14159265358979323846;
        return 1.0 + (1.0 - std::cos(kPi / 2.0 * m_progress)) * (m_oEnd - 1.0);
    }

    double m_oEnd;
    double m_t;
    bool m_cosine;
    double m_progress = 0.0;
};

class SteHeaviside : public Quantizer
{
public:
    explicit SteHeaviside(double clip) : m_clip(clip) {}
    torch::Tensor apply(const torch::Tensor &x) override { return SteHeavisideFunction::apply(x, m_clip); }

private:
    double m_clip;
};

} // namespace

std::unique_ptr<Quantizer> makeApproxSign(const QuantizerSpec &) { return std::make_unique<ApproxSign>(); }

std::unique_ptr<Quantizer> makeSwishSign(const QuantizerSpec &spec)
{
    return std::make_unique<SwishSign>(spec.number(QStringLiteral("beta"), 5.0));
}

std::unique_ptr<Quantizer> makeMagnitudeAwareSign(const QuantizerSpec &spec)
{
    return std::make_unique<MagnitudeAwareSign>(spec.number(QStringLiteral("clip"), 1.0));
}

std::unique_ptr<Quantizer> makeReste(const QuantizerSpec &spec)
{
    return std::make_unique<Reste>(
        spec.number(QStringLiteral("o"), 3.0), spec.number(QStringLiteral("t"), 1.5),
        spec.text(QStringLiteral("schedule"), QStringLiteral("constant")) == QLatin1String("cosine"));
}

std::unique_ptr<Quantizer> makeSteHeaviside(const QuantizerSpec &spec)
{
    return std::make_unique<SteHeaviside>(spec.number(QStringLiteral("clip"), 1.0));
}

} // namespace qb
