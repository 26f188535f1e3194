#include "quant/quantizer_p.h"

namespace qb {

namespace {

/// Forward sign(x), backward the straight-through estimator, cancelled where |x| > clip.
struct SteSignFunction : public torch::autograd::Function<SteSignFunction>
{
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &x, double clip)
    {
        ctx->saved_data["clip"] = clip;
        if (clip > 0.0)
            ctx->save_for_backward({x});
        return signWithZeroPositive(x);
    }

    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext *ctx,
                                                 torch::autograd::tensor_list gradOutputs)
    {
        const double clip = ctx->saved_data["clip"].toDouble();
        if (clip <= 0.0)
            return {gradOutputs[0], torch::Tensor()};
        return {clippedSteGradient(gradOutputs[0], ctx->get_saved_variables()[0], clip), torch::Tensor()};
    }
};

class SteSign : public Quantizer
{
public:
    explicit SteSign(double clip) : m_clip(clip) {}
    torch::Tensor apply(const torch::Tensor &x) override { return steSign(x, m_clip); }

private:
    double m_clip;
};

} // namespace

torch::Tensor signWithZeroPositive(const torch::Tensor &x)
{
    // 2 * 1[x >= 0] - 1: exactly +-1, with sign(0) = +1 (torch::sign would give 0).
    return x.ge(0).to(x.scalar_type()).mul_(2).sub_(1);
}

torch::Tensor clippedSteGradient(const torch::Tensor &grad, const torch::Tensor &x, double clip)
{
    if (clip <= 0.0)
        return grad;
    return grad * (x.abs() <= clip).to(grad.scalar_type());
}

torch::Tensor steSign(const torch::Tensor &x, double clip) { return SteSignFunction::apply(x, clip); }

std::unique_ptr<Quantizer> makeSteSign(const QuantizerSpec &spec)
{
    return std::make_unique<SteSign>(spec.number(QStringLiteral("clip"), 1.0));
}

} // namespace qb
