// The multi-bit quantizers with a fixed grid: dorefa, fixed_point and uniform (LSQ, whose grid is
// learned, is in statefulquantizers.cpp). One translation unit for the three: every torch .cpp
// costs ~30-60 s to compile here. REFERENCE.md, section "Quantizers".
//
// Rounding "nearest" is torch::round, which rounds halves to even (0.5 -> 0, 1.5 -> 2, 2.5 -> 2),
// as numpy and TensorFlow do; "stochastic" is floor(v + u) with u ~ U[0, 1) from torch's global
// generator (seeded by the trainer), so it rounds up with probability frac(v) and is unbiased.
// Stochastic rounding is the quantizer's definition and applies in training and evaluation alike.
//
// Every one of them passes a gradient to its input (a straight-through estimator or its clipped
// form): REFERENCE.md records a PyTorch project whose n-bit quantizer returned none.
#include "quant/quantizer_p.h"

#include <cmath>
#include <limits>

namespace qb {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

enum class Rounding : int64_t { Nearest, Floor, Stochastic };

Rounding roundingFrom(const QString &text)
{
    if (text == QLatin1String("floor"))
        return Rounding::Floor;
    if (text == QLatin1String("stochastic"))
        return Rounding::Stochastic;
    return Rounding::Nearest; // "nearest", and uniform's "deterministic"
}

torch::Tensor roundBy(const torch::Tensor &v, Rounding rounding)
{
    switch (rounding) {
    case Rounding::Floor:
        return v.floor();
    case Rounding::Stochastic:
        return (v + torch::rand_like(v)).floor_();
    case Rounding::Nearest:
        break;
    }
    return v.round();
}

/// 1 where lo <= x <= hi, else 0, in x's type: the gradient of a clamp.
torch::Tensor insideMask(const torch::Tensor &x, double lo, double hi)
{
    return (x.ge(lo) & x.le(hi)).to(x.scalar_type());
}

/// DoReFa for activations: forward round(clip(x, 0, 1) * n) / n with n = 2^k - 1; backward the
/// identity inside [0, 1] (bounds included), 0 outside.
struct DorefaActivationFunction : public torch::autograd::Function<DorefaActivationFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x, double levels)
    {
        ctx->save_for_backward({x});
        return x.clamp(0.0, 1.0).mul(levels).round_().div_(levels);
    }

    static tensor_list backward(AutogradContext *ctx, tensor_list gradOutputs)
    {
        return {gradOutputs[0] * insideMask(ctx->get_saved_variables()[0], 0.0, 1.0), torch::Tensor()};
    }
};

/// DoReFa for weights: t = tanh(W) / max|tanh(W)| over the tensor, forward
/// 2 * round((t/2 + 1/2) * n) / n - 1; backward through tanh and the division, the max held
/// constant and the rounding straight through: grad * (1 - tanh(W)^2) / max|tanh(W)|.
struct DorefaWeightFunction : public torch::autograd::Function<DorefaWeightFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &w, double levels)
    {
        const torch::Tensor tw = torch::tanh(w);
        // An all-zero tensor has max 0; any positive divisor then gives t = 0.
        const torch::Tensor maxAbs = tw.abs().max().clamp_min(std::numeric_limits<float>::min());
        ctx->save_for_backward({tw, maxAbs});
        const torch::Tensor t = tw / maxAbs;
        return (t / 2.0 + 0.5).mul_(levels).round_().div_(levels).mul_(2.0).sub_(1.0);
    }

    static tensor_list backward(AutogradContext *ctx, tensor_list gradOutputs)
    {
        const tensor_list saved = ctx->get_saved_variables();
        const torch::Tensor &tw = saved[0];
        return {gradOutputs[0] * (1.0 - tw * tw) / saved[1], torch::Tensor()};
    }
};

/// Fixed point: v = x * 2^f rounded, then saturated to [lo, hi] or wrapped into it modulo 2^w (two's
/// complement), divided by 2^f. Backward: when saturating the identity where lo <= x * 2^f <= hi
/// (x within the representable real range, bounds included) and 0 outside; when wrapping the
/// identity everywhere.
struct FixedPointFunction : public torch::autograd::Function<FixedPointFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x, double scale, double lo,
                                 double hi, int64_t rounding, bool wrap)
    {
        ctx->saved_data["lo"] = lo;
        ctx->saved_data["hi"] = hi;
        ctx->saved_data["scale"] = scale;
        ctx->saved_data["wrap"] = wrap;
        if (!wrap)
            ctx->save_for_backward({x});
        torch::Tensor r = roundBy(x * scale, static_cast<Rounding>(rounding));
        if (wrap) {
            // remainder() takes the sign of the divisor, so (r - lo) mod 2^w lies in [0, 2^w).
            // Exact while the integers fit the mantissa (2^24 in float32).
            r = torch::remainder(r - lo, hi - lo + 1.0).add_(lo);
        } else {
            r = r.clamp_(lo, hi);
        }
        return r.div_(scale);
    }

    static tensor_list backward(AutogradContext *ctx, tensor_list gradOutputs)
    {
        torch::Tensor grad = gradOutputs[0];
        if (!ctx->saved_data["wrap"].toBool()) {
            const double scale = ctx->saved_data["scale"].toDouble();
            const torch::Tensor v = ctx->get_saved_variables()[0] * scale;
            grad = grad * insideMask(v, ctx->saved_data["lo"].toDouble(), ctx->saved_data["hi"].toDouble());
        }
        return {grad, torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

/// Uniform k-bit over [min, max]: s = (2^k - 1) / (max - min), forward
/// round((clamp(x, min, max) - min) * s) / s + min; backward the plain STE (identity everywhere).
/// The clamp (not in REFERENCE's formula) keeps the output on the 2^k levels the bit count
/// promises; REFERENCE's gradient is the unclipped STE, so inputs outside still get gradient.
struct UniformFunction : public torch::autograd::Function<UniformFunction>
{
    static torch::Tensor forward(AutogradContext *, const torch::Tensor &x, double lo, double hi,
                                 double levels, int64_t rounding)
    {
        const double s = levels / (hi - lo);
        const torch::Tensor v = (x.clamp(lo, hi) - lo) * s;
        // Stochastic rounding stays on the grid: v <= levels and u < 1 give floor(v + u) <= levels.
        return roundBy(v, static_cast<Rounding>(rounding)).div_(s).add_(lo);
    }

    static tensor_list backward(AutogradContext *, tensor_list gradOutputs)
    {
        return {gradOutputs[0], torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

/// 2^k - 1, the number of steps of a k-bit grid.
double levelsOf(double bits) { return std::ldexp(1.0, static_cast<int>(bits)) - 1.0; }

class Dorefa : public Quantizer
{
public:
    Dorefa(double bits, bool weights) : m_levels(levelsOf(bits)), m_weights(weights) {}
    torch::Tensor apply(const torch::Tensor &x) override
    {
        return m_weights ? DorefaWeightFunction::apply(x, m_levels)
                         : DorefaActivationFunction::apply(x, m_levels);
    }

private:
    double m_levels;
    bool m_weights;
};

class FixedPoint : public Quantizer
{
public:
    FixedPoint(int wordBits, int fracBits, bool isSigned, Rounding rounding, bool wrap)
        : m_scale(std::ldexp(1.0, fracBits)), m_rounding(rounding), m_wrap(wrap)
    {
        if (isSigned) {
            m_lo = -std::ldexp(1.0, wordBits - 1);
            m_hi = std::ldexp(1.0, wordBits - 1) - 1.0;
        } else {
            m_lo = 0.0;
            m_hi = std::ldexp(1.0, wordBits) - 1.0;
        }
    }
    torch::Tensor apply(const torch::Tensor &x) override
    {
        return FixedPointFunction::apply(x, m_scale, m_lo, m_hi, static_cast<int64_t>(m_rounding), m_wrap);
    }

private:
    double m_scale;
    double m_lo = 0.0;
    double m_hi = 0.0;
    Rounding m_rounding;
    bool m_wrap;
};

class Uniform : public Quantizer
{
public:
    Uniform(double bits, double lo, double hi, Rounding rounding)
        : m_levels(levelsOf(bits)), m_lo(lo), m_hi(hi), m_rounding(rounding)
    {
    }
    torch::Tensor apply(const torch::Tensor &x) override
    {
        return UniformFunction::apply(x, m_lo, m_hi, m_levels, static_cast<int64_t>(m_rounding));
    }

private:
    double m_levels;
    double m_lo;
    double m_hi;
    Rounding m_rounding;
};

} // namespace

std::unique_ptr<Quantizer> makeDorefa(const QuantizerSpec &spec)
{
    return std::make_unique<Dorefa>(spec.number(QStringLiteral("bits"), 2.0),
                                    spec.text(QStringLiteral("mode"), QStringLiteral("activations"))
                                        == QLatin1String("weights"));
}

std::unique_ptr<Quantizer> makeFixedPoint(const QuantizerSpec &spec)
{
    return std::make_unique<FixedPoint>(
        static_cast<int>(spec.number(QStringLiteral("word_bits"), 8.0)),
        static_cast<int>(spec.number(QStringLiteral("frac_bits"), 4.0)),
        spec.flag(QStringLiteral("signed"), true),
        roundingFrom(spec.text(QStringLiteral("rounding"), QStringLiteral("nearest"))),
        spec.text(QStringLiteral("overflow"), QStringLiteral("saturate")) == QLatin1String("wrap"));
}

std::unique_ptr<Quantizer> makeUniform(const QuantizerSpec &spec)
{
    return std::make_unique<Uniform>(
        spec.number(QStringLiteral("bits"), 8.0), spec.number(QStringLiteral("min"), -1.0),
        spec.number(QStringLiteral("max"), 1.0),
        roundingFrom(spec.text(QStringLiteral("rounding"), QStringLiteral("deterministic"))));
}

} // namespace qb
