// The ternary quantizers: ternary_twn (Ternary Weight Networks, threshold and scale from the
// tensor) and ste_tern (Larq's fixed-threshold variant, values in {-1, 0, 1}). One translation
// unit for both: every torch .cpp costs ~30-60 s to compile here. REFERENCE.md, "Quantizers".
#include "quant/quantizer_p.h"

namespace qb {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

/// 1[x > threshold] - 1[x < -threshold]: the values at +-threshold itself map to 0. The threshold
/// is a double or a 0-dim tensor (TWN's, left on the device rather than synchronised by item()).
template <typename Threshold> torch::Tensor ternarize(const torch::Tensor &x, const Threshold &threshold)
{
    return x.gt(threshold).to(x.scalar_type()) - x.lt(-threshold).to(x.scalar_type());
}

/// ternary_twn: Delta = factor * mean(|W|) over the whole tensor, alpha = mean(|W_i|) over
/// |W_i| > Delta (0 when no weight is above Delta, e.g. an all-zero tensor), forward
/// alpha * ternarize(W, Delta); backward the clipped STE, unscaled (REFERENCE gives no alpha there).
struct TernaryTwnFunction : public torch::autograd::Function<TernaryTwnFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x, double factor, double clip)
    {
        ctx->saved_data["clip"] = clip;
        ctx->save_for_backward({x});
        const torch::Tensor a = x.abs();
        const torch::Tensor delta = a.mean() * factor;
        const torch::Tensor above = a.gt(delta).to(x.scalar_type());
        const torch::Tensor alpha = (a * above).sum() / above.sum().clamp_min(1.0);
        return alpha * ternarize(x, delta);
    }

    static tensor_list backward(AutogradContext *ctx, tensor_list gradOutputs)
    {
        const double clip = ctx->saved_data["clip"].toDouble();
        return {clippedSteGradient(gradOutputs[0], ctx->get_saved_variables()[0], clip), torch::Tensor(),
                torch::Tensor()};
    }
};

/// ste_tern: forward ternarize(x, threshold) with a fixed threshold and no scale; backward the
/// clipped STE.
struct SteTernFunction : public torch::autograd::Function<SteTernFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x, double threshold, double clip)
    {
        ctx->saved_data["clip"] = clip;
        ctx->save_for_backward({x});
        return ternarize(x, threshold);
    }

    static tensor_list backward(AutogradContext *ctx, tensor_list gradOutputs)
    {
        const double clip = ctx->saved_data["clip"].toDouble();
        return {clippedSteGradient(gradOutputs[0], ctx->get_saved_variables()[0], clip), torch::Tensor(),
                torch::Tensor()};
    }
};

class TernaryTwn : public Quantizer
{
public:
    TernaryTwn(double factor, double clip) : m_factor(factor), m_clip(clip) {}
    torch::Tensor apply(const torch::Tensor &x) override
    {
        return TernaryTwnFunction::apply(x, m_factor, m_clip);
    }

private:
    double m_factor;
    double m_clip;
};

class SteTern : public Quantizer
{
public:
    SteTern(double threshold, double clip) : m_threshold(threshold), m_clip(clip) {}
    torch::Tensor apply(const torch::Tensor &x) override
    {
        return SteTernFunction::apply(x, m_threshold, m_clip);
    }

private:
    double m_threshold;
    double m_clip;
};

} // namespace

std::unique_ptr<Quantizer> makeTernaryTwn(const QuantizerSpec &spec)
{
    return std::make_unique<TernaryTwn>(spec.number(QStringLiteral("threshold_factor"), 0.7),
                                        spec.number(QStringLiteral("clip"), 1.0));
}

std::unique_ptr<Quantizer> makeSteTern(const QuantizerSpec &spec)
{
    return std::make_unique<SteTern>(spec.number(QStringLiteral("threshold"), 0.05),
                                     spec.number(QStringLiteral("clip"), 1.0));
}

} // namespace qb
