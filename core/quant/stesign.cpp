#include "quant/quantizer_p.h"

#include "kernels/elementwisekernels.h"
#include "kernels/kernelswitch.h"

#include <ATen/Parallel.h>

namespace qb {

namespace {

/// Elements per task of the fused elementwise kernels: below this a thread's start costs more.
constexpr std::int64_t kElementwiseGrain = 1 << 15;

bool isPlainFloatCpu(const torch::Tensor &t)
{
    return t.scalar_type() == torch::kFloat && t.device().is_cpu() && t.layout() == torch::kStrided
        && !t.is_quantized() && !t.is_mkldnn();
}

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
    bool isSignAtEvaluation() const override { return true; }

private:
    double m_clip;
};

} // namespace

torch::Tensor signWithZeroPositive(const torch::Tensor &x)
{
    if (handWrittenKernelsEnabled() && isPlainFloatCpu(x)) {
        // The fused kernel: one pass, no temporaries, the same values as the chain below.
        const torch::Tensor in = x.contiguous();
        torch::Tensor out = torch::empty_like(in);
        const float *src = in.data_ptr<float>();
        float *dst = out.data_ptr<float>();
        at::parallel_for(0, in.numel(), kElementwiseGrain, [&](std::int64_t begin, std::int64_t end) {
            signZeroPositive(src + begin, dst + begin, std::size_t(end - begin));
        });
        return out;
    }
    // 2 * 1[x >= 0] - 1: exactly +-1, with sign(0) = +1 (torch::sign would give 0).
    return x.ge(0).to(x.scalar_type()).mul_(2).sub_(1);
}

torch::Tensor clippedSteGradient(const torch::Tensor &grad, const torch::Tensor &x, double clip)
{
    if (clip <= 0.0)
        return grad;
    if (handWrittenKernelsEnabled() && isPlainFloatCpu(grad) && isPlainFloatCpu(x) && grad.sizes() == x.sizes()) {
        const torch::Tensor g = grad.contiguous();
        const torch::Tensor in = x.contiguous();
        torch::Tensor out = torch::empty_like(g);
        const float *gp = g.data_ptr<float>();
        const float *xp = in.data_ptr<float>();
        float *dst = out.data_ptr<float>();
        // torch compares a float tensor with a double scalar in float.
        const float c = float(clip);
        at::parallel_for(0, g.numel(), kElementwiseGrain, [&](std::int64_t begin, std::int64_t end) {
            steGradientClipped(gp + begin, xp + begin, c, dst + begin, std::size_t(end - begin));
        });
        return out;
    }
    return grad * (x.abs() <= clip).to(grad.scalar_type());
}

torch::Tensor steSign(const torch::Tensor &x, double clip) { return SteSignFunction::apply(x, clip); }

std::unique_ptr<Quantizer> makeSteSign(const QuantizerSpec &spec)
{
    return std::make_unique<SteSign>(spec.number(QStringLiteral("clip"), 1.0));
}

} // namespace qb
