// The per-pass nonidealities (weight_noise, weight_noise_mult, output_noise, saturation, adc), the
// factory makeNoiseModel() and mixSeed(). Formulas: REFERENCE.md, "Hardware nonidealities". Every
// apply() builds a new tensor out of place; the argument is never written.
#include "noise/noisecatalog.h"
#include "noise/noisemodels_p.h"

#include <stdexcept>

namespace qb {

namespace {

const NoiseParam *findParam(const NoiseSpec &spec, const QString &key)
{
    const NoiseInfo *info = NoiseCatalog::find(spec.model);
    if (!info)
        return nullptr;
    for (const NoiseParam &p : info->params) {
        if (p.key == key)
            return &p;
    }
    return nullptr;
}

/// The detached scale max|x| of a relative model, as a 0-d tensor on x's device (no host sync).
torch::Tensor maxAbs(const torch::Tensor &x) { return x.detach().abs().max(); }

/// Additive Gaussian noise x + N(0, (sigma*s)^2), s = max|x| (relative, detached) or 1: weight_noise
/// on latent or effective weights and output_noise on outputs. Gradient 1.
class AdditiveNoise : public NoiseModel
{
public:
    AdditiveNoise(NoiseTarget target, double sigma, bool relative)
        : m_target(target)
        , m_sigma(sigma)
        , m_relative(relative)
    {
    }
    NoiseTarget target() const override { return m_target; }
    torch::Tensor apply(const torch::Tensor &x, std::optional<std::uint64_t>) override
    {
        torch::Tensor noise = torch::randn_like(x) * m_sigma;
        if (m_relative)
            noise = noise * maxAbs(x);
        return x + noise;
    }

private:
    NoiseTarget m_target;
    double m_sigma;
    bool m_relative;
};

/// Multiplicative weight noise x * f, f = 1 + N(0, sigma^2) or exp(N(0, sigma^2)). Gradient f.
class MultiplicativeNoise : public NoiseModel
{
public:
    MultiplicativeNoise(double sigma, bool lognormal)
        : m_sigma(sigma)
        , m_lognormal(lognormal)
    {
    }
    NoiseTarget target() const override { return NoiseTarget::Weights; }
    torch::Tensor apply(const torch::Tensor &x, std::optional<std::uint64_t>) override
    {
        const torch::Tensor z = torch::randn_like(x) * m_sigma;
        return x * (m_lognormal ? z.exp() : z + 1.0);
    }

private:
    double m_sigma;
    bool m_lognormal;
};

/// clamp(x, lo, hi), then (step > 0) rounded to the grid lo + k*step; the gradient is passed
/// straight through where lo <= x <= hi (bounds included) and is 0 outside. torch::clamp's own
/// gradient is the same today, but the documented behaviour at the bounds should not rest on it.
struct ClampRoundFunction : public torch::autograd::Function<ClampRoundFunction>
{
    static torch::Tensor forward(
        torch::autograd::AutogradContext *ctx, const torch::Tensor &x, double lo, double hi, double step)
    {
        ctx->saved_data["lo"] = lo;
        ctx->saved_data["hi"] = hi;
        ctx->save_for_backward({x});
        if (step <= 0.0)
            return x.clamp(lo, hi);
        // In double, so that a float32 result is the level correctly rounded (k*step up to 2^16 - 1
        // steps would otherwise carry several ulps); halves round to even.
        const torch::Tensor v = x.to(torch::kDouble).clamp(lo, hi);
        const torch::Tensor levels = ((v - lo) / step).round();
        return (levels * step + lo).clamp(lo, hi).to(x.scalar_type());
    }

    static torch::autograd::tensor_list backward(
        torch::autograd::AutogradContext *ctx, torch::autograd::tensor_list gradOutputs)
    {
        const double lo = ctx->saved_data["lo"].toDouble();
        const double hi = ctx->saved_data["hi"].toDouble();
        const torch::Tensor x = ctx->get_saved_variables()[0];
        const torch::Tensor inside = x.ge(lo).logical_and(x.le(hi)).to(gradOutputs[0].scalar_type());
        return {gradOutputs[0] * inside, torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

/// Hard saturation clamp(y, lo, hi), or soft hi*tanh(y/hi) (lo = -hi), whose gradient is autograd's
/// 1 - tanh^2(y/hi).
class Saturation : public NoiseModel
{
public:
    Saturation(double lo, double hi, bool soft)
        : m_lo(lo)
        , m_hi(hi)
        , m_soft(soft)
    {
    }
    NoiseTarget target() const override { return NoiseTarget::Outputs; }
    torch::Tensor apply(const torch::Tensor &x, std::optional<std::uint64_t>) override
    {
        if (m_soft)
            return torch::tanh(x / m_hi) * m_hi;
        return ClampRoundFunction::apply(x, m_lo, m_hi, 0.0);
    }

private:
    double m_lo;
    double m_hi;
    bool m_soft;
};

/// ADC: clamp to [lo, hi], round to the 2^bits levels lo + k*(hi - lo)/(2^bits - 1).
class Adc : public NoiseModel
{
public:
    Adc(int bits, double lo, double hi)
        : m_lo(lo)
        , m_hi(hi)
        , m_step((hi - lo) / double((1 << bits) - 1))
    {
    }
    NoiseTarget target() const override { return NoiseTarget::Outputs; }
    torch::Tensor apply(const torch::Tensor &x, std::optional<std::uint64_t>) override
    {
        return ClampRoundFunction::apply(x, m_lo, m_hi, m_step);
    }

private:
    double m_lo;
    double m_hi;
    double m_step;
};

std::uint64_t splitmix64(std::uint64_t z)
{
    z += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

} // namespace

double noiseNumber(const NoiseSpec &spec, const QString &key)
{
    const NoiseParam *p = findParam(spec, key);
    return spec.number(key, p ? p->defaultNumber : 0.0);
}

bool noiseFlag(const NoiseSpec &spec, const QString &key)
{
    const NoiseParam *p = findParam(spec, key);
    return spec.flag(key, p ? p->defaultNumber != 0.0 : false);
}

QString noiseChoice(const NoiseSpec &spec, const QString &key)
{
    const NoiseParam *p = findParam(spec, key);
    return spec.text(key, p ? p->defaultChoice : QString());
}

std::uint64_t mixSeed(std::uint64_t chip, std::uint64_t salt)
{
    // Two rounds, so that neither (chip, salt) nor (salt, chip) pairs, nor nearby chips, collide.
    return splitmix64(splitmix64(chip) ^ splitmix64(salt ^ 0x5851F42D4C957F2DULL));
}

std::unique_ptr<NoiseModel> makeNoiseModel(const NoiseSpec &spec, std::uint64_t salt)
{
    const QString &m = spec.model;
    const double sigma = noiseNumber(spec, QStringLiteral("sigma"));
    if (m == QLatin1String("weight_noise")) {
        const bool latent = noiseChoice(spec, QStringLiteral("on")) == QLatin1String("latent");
        return std::make_unique<AdditiveNoise>(latent ? NoiseTarget::LatentWeights : NoiseTarget::Weights,
            sigma, noiseFlag(spec, QStringLiteral("relative")));
    }
    if (m == QLatin1String("output_noise"))
        return std::make_unique<AdditiveNoise>(
            NoiseTarget::Outputs, sigma, noiseFlag(spec, QStringLiteral("relative")));
    if (m == QLatin1String("weight_noise_mult")) {
        return std::make_unique<MultiplicativeNoise>(
            sigma, noiseChoice(spec, QStringLiteral("distribution")) == QLatin1String("lognormal"));
    }
    if (m == QLatin1String("saturation")) {
        return std::make_unique<Saturation>(noiseNumber(spec, QStringLiteral("lo")),
            noiseNumber(spec, QStringLiteral("hi")), noiseFlag(spec, QStringLiteral("soft")));
    }
    if (m == QLatin1String("adc")) {
        return std::make_unique<Adc>(static_cast<int>(noiseNumber(spec, QStringLiteral("bits"))),
            noiseNumber(spec, QStringLiteral("lo")), noiseNumber(spec, QStringLiteral("hi")));
    }
    if (m == QLatin1String("process_variation"))
        return makeProcessVariation(spec, salt);
    if (m == QLatin1String("stuck_at"))
        return makeStuckAt(spec, salt);
    if (m == QLatin1String("drift"))
        return makeDrift(spec, salt);
    throw std::invalid_argument("unknown nonideality '" + m.toStdString() + "'");
}

} // namespace qb
