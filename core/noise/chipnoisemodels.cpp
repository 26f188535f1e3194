// The per-chip nonidealities (process_variation, stuck_at, drift): a fixed pattern drawn once per
// simulated chip from a generator seeded with mixSeed(chip, salt), cached, and reused on every
// forward pass of that chip. Formulas: REFERENCE.md, "Hardware nonidealities".
#include "noise/noisemodels_p.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <vector>

namespace qb {

namespace {

/// Base of the per-chip models. The pattern (one or more tensors of x's shape) is drawn on the CPU
/// in float32 from a chip's own generator, so it is the same on every device and in every order
/// the chips are evaluated in, then moved to x's device and dtype and cached: the evaluator runs
/// all batches of one chip in a row, so one cached entry makes a chip's pattern cost one draw.
/// Without a chip (training) a fresh pattern comes from torch's global generator on every call.
/// Like the layer that owns it, a model is used by one thread at a time.
class ChipNoiseModel : public NoiseModel
{
public:
    ChipNoiseModel(std::uint64_t salt, std::uint64_t tag, NoiseTarget target = NoiseTarget::Weights)
        // The tag keeps two per-chip models of the same layer (same salt) apart.
        : m_salt(salt ^ (tag * 0x9E3779B97F4A7C15ULL))
        , m_target(target)
    {
    }
    NoiseTarget target() const override { return m_target; }

    torch::Tensor apply(const torch::Tensor &x, std::optional<std::uint64_t> chip) override
    {
        if (!chip) {
            const auto options = torch::TensorOptions().dtype(x.scalar_type()).device(x.device());
            return perturb(x, draw(x.sizes(), c10::optional<at::Generator>(), options));
        }
        if (!m_cached || m_chip != *chip || m_pattern.front().sizes() != x.sizes()
            || m_pattern.front().device() != x.device() || m_dtype != x.scalar_type()) {
            at::Generator generator = at::make_generator<at::CPUGeneratorImpl>(mixSeed(*chip, m_salt));
            Pattern pattern = draw(x.sizes(), c10::optional<at::Generator>(generator), torch::kFloat);
            for (torch::Tensor &t : pattern)
                t = t.to(x.device(), t.is_floating_point() ? x.scalar_type() : t.scalar_type());
            m_pattern = std::move(pattern);
            m_chip = *chip;
            m_dtype = x.scalar_type();
            m_cached = true;
        }
        return perturb(x, m_pattern);
    }

protected:
    /// Tensors of the model's pattern; the first has x's shape (the cache key).
    using Pattern = std::vector<torch::Tensor>;

    /// Draws a pattern of `sizes` from `generator` (none: the global one). Floating tensors in
    /// `options`' dtype, all on its device.
    virtual Pattern draw(at::IntArrayRef sizes, c10::optional<at::Generator> generator,
        const torch::TensorOptions &options) const = 0;
    /// x with the pattern applied, out of place.
    virtual torch::Tensor perturb(const torch::Tensor &x, const Pattern &pattern) const = 0;

private:
    std::uint64_t m_salt;
    NoiseTarget m_target;
    bool m_cached = false;
    std::uint64_t m_chip = 0;
    torch::ScalarType m_dtype = torch::kFloat;
    Pattern m_pattern;
};

/// W*(1 + U(-a, a)) + N(0, b^2); gradient 1 + u.
class ProcessVariation : public ChipNoiseModel
{
public:
    ProcessVariation(std::uint64_t salt, double a, double b, NoiseTarget target)
        : ChipNoiseModel(salt, 1, target)
        , m_a(a)
        , m_b(b)
    {
    }

protected:
    Pattern draw(at::IntArrayRef sizes, c10::optional<at::Generator> generator,
        const torch::TensorOptions &options) const override
    {
        // factor = 1 + U(-a, a) = 1 + (2r - 1) * a, r ~ U[0, 1)
        const torch::Tensor factor = (torch::rand(sizes, generator, options) * 2.0 - 1.0) * m_a + 1.0;
        const torch::Tensor offset = torch::randn(sizes, generator, options) * m_b;
        return {factor, offset};
    }
    torch::Tensor perturb(const torch::Tensor &x, const Pattern &pattern) const override
    {
        return x * pattern[0] + pattern[1];
    }

private:
    double m_a;
    double m_b;
};

/// W*(t/t0)^(-nu), nu ~ N(nu_mean, nu_std^2) per weight; gradient the factor.
class Drift : public ChipNoiseModel
{
public:
    Drift(std::uint64_t salt, double logRatio, double nuMean, double nuStd)
        : ChipNoiseModel(salt, 3)
        , m_logRatio(logRatio)
        , m_nuMean(nuMean)
        , m_nuStd(nuStd)
    {
    }

protected:
    Pattern draw(at::IntArrayRef sizes, c10::optional<at::Generator> generator,
        const torch::TensorOptions &options) const override
    {
        const torch::Tensor nu = torch::randn(sizes, generator, options) * m_nuStd + m_nuMean;
        // (t/t0)^(-nu) = exp(-nu * ln(t/t0)); exactly 1 at t = t0.
        return {(nu * -m_logRatio).exp()};
    }
    torch::Tensor perturb(const torch::Tensor &x, const Pattern &pattern) const override
    {
        return x * pattern[0];
    }

private:
    double m_logRatio;
    double m_nuMean;
    double m_nuStd;
};

/// Exactly round(p*n) of the n weights stuck at s * w_max, s = +1 (max), -1 (min), 0 (zero) or one
/// of the three uniformly per weight (random); w_max = max|W| of the weights given (detached), so it
/// follows training. Gradient 0 at the stuck positions, 1 elsewhere (torch::where).
class StuckAt : public ChipNoiseModel
{
public:
    enum class Value { Max, Min, Zero, Random };
    StuckAt(std::uint64_t salt, double p, Value value)
        : ChipNoiseModel(salt, 2)
        , m_p(p)
        , m_value(value)
    {
    }

protected:
    Pattern draw(at::IntArrayRef sizes, c10::optional<at::Generator> generator,
        const torch::TensorOptions &options) const override
    {
        const std::int64_t n = c10::multiply_integers(sizes);
        const std::int64_t stuck = std::min<std::int64_t>(n, std::llround(m_p * double(n)));
        const torch::Tensor chosen = torch::randperm(
            n, generator, torch::TensorOptions().dtype(torch::kLong).device(options.device()))
                                         .slice(0, 0, stuck);
        const torch::Tensor mask = torch::zeros({n}, options.dtype(torch::kBool)).index_fill(0, chosen, true);
        torch::Tensor sign;
        switch (m_value) {
        case Value::Max:
            sign = torch::ones({n}, options);
            break;
        case Value::Min:
            sign = -torch::ones({n}, options);
            break;
        case Value::Zero:
            sign = torch::zeros({n}, options);
            break;
        case Value::Random: {
            // 0 -> +1, 1 -> -1, 2 -> 0
            const torch::Tensor r = torch::randint(
                0, 3, {n}, generator, torch::TensorOptions().dtype(torch::kLong).device(options.device()));
            sign = r.eq(0).to(options.dtype()) - r.eq(1).to(options.dtype());
            break;
        }
        }
        return {mask.view(sizes), sign.view(sizes)};
    }
    torch::Tensor perturb(const torch::Tensor &x, const Pattern &pattern) const override
    {
        const torch::Tensor wMax = x.detach().abs().max();
        return torch::where(pattern[0], pattern[1] * wMax, x);
    }

private:
    double m_p;
    Value m_value;
};

} // namespace

std::unique_ptr<NoiseModel> makeProcessVariation(const NoiseSpec &spec, std::uint64_t salt)
{
    const bool latent = noiseChoice(spec, QStringLiteral("on")) == QLatin1String("latent");
    return std::make_unique<ProcessVariation>(salt, noiseNumber(spec, QStringLiteral("uniform")),
        noiseNumber(spec, QStringLiteral("gaussian")),
        latent ? NoiseTarget::LatentWeights : NoiseTarget::Weights);
}

std::unique_ptr<NoiseModel> makeStuckAt(const NoiseSpec &spec, std::uint64_t salt)
{
    const QString value = noiseChoice(spec, QStringLiteral("value"));
    StuckAt::Value v = StuckAt::Value::Random;
    if (value == QLatin1String("max"))
        v = StuckAt::Value::Max;
    else if (value == QLatin1String("min"))
        v = StuckAt::Value::Min;
    else if (value == QLatin1String("zero"))
        v = StuckAt::Value::Zero;
    return std::make_unique<StuckAt>(salt, noiseNumber(spec, QStringLiteral("p")), v);
}

std::unique_ptr<NoiseModel> makeDrift(const NoiseSpec &spec, std::uint64_t salt)
{
    const double t = noiseNumber(spec, QStringLiteral("t"));
    const double t0 = noiseNumber(spec, QStringLiteral("t0"));
    return std::make_unique<Drift>(salt, std::log(t / t0), noiseNumber(spec, QStringLiteral("nu_mean")),
        noiseNumber(spec, QStringLiteral("nu_std")));
}

} // namespace qb
