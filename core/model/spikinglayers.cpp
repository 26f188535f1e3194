#include "model/spiking_p.h"

#include <ATen/Parallel.h>

#include <cmath>
#include <map>
#include <mutex>

namespace qb {

namespace {

constexpr float kPi = 3.14159265358979323846f;

/// H(x) forward, the surrogate's derivative backward.
class SpikeFunction : public torch::autograd::Function<SpikeFunction>
{
public:
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &x, int64_t kind,
                                 double slope)
    {
        ctx->save_for_backward({x});
        ctx->saved_data["kind"] = kind;
        ctx->saved_data["slope"] = slope;
        return x.gt(0).to(x.scalar_type());
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list grads)
    {
        const torch::Tensor x = ctx->get_saved_variables()[0];
        const auto kind = SurrogateKind(ctx->saved_data["kind"].toInt());
        const double k = ctx->saved_data["slope"].toDouble();
        torch::Tensor g;
        switch (kind) {
        case SurrogateKind::ATan:
            g = (k / 2.0) / (1.0 + (M_PI / 2.0 * k * x).pow(2));
            break;
        case SurrogateKind::FastSigmoid:
            g = 1.0 / (1.0 + k * x.abs()).pow(2);
            break;
        case SurrogateKind::Sigmoid: {
            const torch::Tensor e = torch::exp(-k * x);
            g = k * e / (1.0 + e).pow(2);
            break;
        }
        case SurrogateKind::Ste:
            g = torch::ones_like(x);
            break;
        }
        return {grads[0] * g, torch::Tensor(), torch::Tensor()};
    }
};

/// Nearest of 2^bits levels over [-t(1+lower), t(1+upper)], with a straight-through gradient.
torch::Tensor quantizeState(const torch::Tensor &u, const NeuronSpec &n)
{
    const double lo = -n.stateQuantThreshold * (1.0 + n.stateQuantLower);
    const double hi = n.stateQuantThreshold * (1.0 + n.stateQuantUpper);
    const double levels = std::ldexp(1.0, n.stateQuantBits);
    const double step = (hi - lo) / (levels - 1.0);
    const torch::Tensor q = (((u.detach() - lo) / step).round().clamp(0.0, levels - 1.0) * step + lo);
    // Straight through in training; in evaluation the level itself (u + (q - u) can miss it by an ulp).
    return u.requires_grad() ? u + (q - u.detach()) : q;
}

/// What the fused leaky kernel needs to know about the neuron.
struct LeakyConfig
{
    ResetMechanism reset;
    bool resetDelay;
    SurrogateKind surrogate;
    float slope;
    /// V (the membrane before the delayed reset) differs from U and is kept for the backward pass.
    bool keepsV() const { return !resetDelay && reset != ResetMechanism::None; }
};

/// The leaky recurrence of every neuron over all steps in one pass (forward and backward written
/// out), instead of ~10 small torch operations per step. Same operations in the same order as the
/// step-by-step torch computation (SpikingLayerModule::runStepwise), so the same float values.
///
/// Per step, with b = clamp(beta, 0, 1), R = H(U_prev - threshold):
///   subtract V = b*U_prev + I - R*threshold; zero V = b*((1-R)*U_prev) + I; none V = b*U_prev + I;
///   S = H(V - threshold); U = V, or with reset_delay off U = V - (S-R)*threshold (subtract) or
///   V - (S-R)*V (zero).
class LeakyFunction : public torch::autograd::Function<LeakyFunction>
{
public:
    static torch::autograd::variable_list forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &current,
                                                  const torch::Tensor &beta, const torch::Tensor &threshold,
                                                  int64_t steps, bool timed, int64_t reset, bool resetDelay,
                                                  int64_t surrogate, double slope)
    {
        const LeakyConfig c{ResetMechanism(reset), resetDelay, SurrogateKind(surrogate), float(slope)};
        const torch::Tensor in = current.contiguous();
        const int64_t perStep = timed ? in.numel() / steps : in.numel();
        const float b = std::clamp(beta.item<float>(), 0.0f, 1.0f);
        const float th = threshold.item<float>();
        std::vector<int64_t> outShape = in.sizes().vec();
        outShape[0] = timed ? outShape[0] : outShape[0] * steps;
        torch::Tensor spikes = torch::empty(outShape, in.options());
        torch::Tensor membrane = torch::empty(outShape, in.options());
        torch::Tensor beforeReset = c.keepsV() ? torch::empty(outShape, in.options()) : torch::Tensor();
        const float *I = in.data_ptr<float>();
        float *S = spikes.data_ptr<float>();
        float *U = membrane.data_ptr<float>();
        float *V = c.keepsV() ? beforeReset.data_ptr<float>() : nullptr;
        at::parallel_for(0, perStep, 4096, [&](int64_t begin, int64_t end) {
            for (int64_t t = 0; t < steps; ++t) {
                const float *it = I + (timed ? t * perStep : 0);
                const float *uPrev = U + (t - 1) * perStep;
                float *st = S + t * perStep;
                float *ut = U + t * perStep;
                float *vt = V ? V + t * perStep : nullptr;
                for (int64_t j = begin; j < end; ++j) {
                    const float up = t > 0 ? uPrev[j] : 0.0f;
                    const float r = up - th > 0.0f ? 1.0f : 0.0f;
                    float v;
                    switch (c.reset) {
                    case ResetMechanism::Subtract:
                        v = b * up + it[j] - r * th;
                        break;
                    case ResetMechanism::Zero:
                        v = b * ((1.0f - r) * up) + it[j];
                        break;
                    case ResetMechanism::None:
                    default:
                        v = b * up + it[j];
                        break;
                    }
                    const float s = v - th > 0.0f ? 1.0f : 0.0f;
                    float u = v;
                    if (!c.resetDelay) {
                        if (c.reset == ResetMechanism::Subtract)
                            u = v - (s - r) * th;
                        else if (c.reset == ResetMechanism::Zero)
                            u = v - (s - r) * v;
                    }
                    st[j] = s;
                    ut[j] = u;
                    if (vt)
                        vt[j] = v;
                }
            }
        });
        ctx->save_for_backward({membrane, beforeReset, beta, threshold});
        ctx->saved_data["steps"] = steps;
        ctx->saved_data["timed"] = timed;
        ctx->saved_data["reset"] = reset;
        ctx->saved_data["reset_delay"] = resetDelay;
        ctx->saved_data["surrogate"] = surrogate;
        ctx->saved_data["slope"] = slope;
        ctx->saved_data["current_shape"] = current.sizes().vec();
        return {spikes, membrane};
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor membrane = saved[0];
        const torch::Tensor beforeReset = saved[1];
        const torch::Tensor beta = saved[2];
        const torch::Tensor threshold = saved[3];
        const int64_t steps = ctx->saved_data["steps"].toInt();
        const bool timed = ctx->saved_data["timed"].toBool();
        const LeakyConfig c{ResetMechanism(ctx->saved_data["reset"].toInt()), ctx->saved_data["reset_delay"].toBool(),
                            SurrogateKind(ctx->saved_data["surrogate"].toInt()),
                            float(ctx->saved_data["slope"].toDouble())};
        const std::vector<int64_t> currentShape = ctx->saved_data["current_shape"].toIntVector();
        const int64_t perStep = membrane.numel() / steps;
        const float betaRaw = beta.item<float>();
        const float b = std::clamp(betaRaw, 0.0f, 1.0f);
        const float th = threshold.item<float>();

        const torch::Tensor gS = grads[0].defined() ? grads[0].contiguous() : torch::zeros_like(membrane);
        const torch::Tensor gU = grads[1].defined() ? grads[1].contiguous() : torch::zeros_like(membrane);
        torch::Tensor gI = torch::zeros(currentShape, membrane.options());
        const float *U = membrane.data_ptr<float>();
        const float *V = c.keepsV() ? beforeReset.data_ptr<float>() : nullptr;
        const float *gs = gS.data_ptr<float>();
        const float *gu = gU.data_ptr<float>();
        float *gi = gI.data_ptr<float>();

        // Partial sums of the beta and threshold gradients per chunk, added in chunk order so the
        // result does not depend on which thread finished first.
        std::mutex mutex;
        std::map<int64_t, std::pair<double, double>> partials;
        at::parallel_for(0, perStep, 4096, [&](int64_t begin, int64_t end) {
            std::vector<float> carry(size_t(end - begin), 0.0f); // dL/dU_t from step t+1
            double gBeta = 0.0;
            double gTh = 0.0;
            for (int64_t t = steps - 1; t >= 0; --t) {
                const float *ut = U + t * perStep;
                const float *uPrev = U + (t - 1) * perStep;
                const float *vt = V ? V + t * perStep : ut;
                const float *gst = gs + t * perStep;
                const float *gut = gu + t * perStep;
                float *git = gi + (timed ? t * perStep : 0);
                for (int64_t j = begin; j < end; ++j) {
                    const float up = t > 0 ? uPrev[j] : 0.0f;
                    const float r = up - th > 0.0f ? 1.0f : 0.0f;
                    const float v = vt[j];
                    const float s = v - th > 0.0f ? 1.0f : 0.0f;
                    const float gUt = gut[j] + carry[size_t(j - begin)];
                    float gV;
                    float gSt = gst[j];
                    if (!c.resetDelay && c.reset == ResetMechanism::Subtract) {
                        gV = gUt;
                        gSt -= th * gUt;
                        gTh -= double((s - r) * gUt);
                    } else if (!c.resetDelay && c.reset == ResetMechanism::Zero) {
                        gV = gUt * (1.0f - s + r);
                        gSt -= v * gUt;
                    } else {
                        gV = gUt;
                    }
                    const float sg = surrogateGradient(v - th, c.surrogate, c.slope);
                    gV += gSt * sg;
                    gTh -= double(gSt * sg);
                    switch (c.reset) {
                    case ResetMechanism::Subtract:
                        carry[size_t(j - begin)] = b * gV;
                        gBeta += double(up * gV);
                        gTh -= double(r * gV);
                        break;
                    case ResetMechanism::Zero:
                        carry[size_t(j - begin)] = b * ((1.0f - r) * gV);
                        gBeta += double((1.0f - r) * up * gV);
                        break;
                    case ResetMechanism::None:
                        carry[size_t(j - begin)] = b * gV;
                        gBeta += double(up * gV);
                        break;
                    }
                    git[j] += gV;
                }
            }
            std::lock_guard<std::mutex> lock(mutex);
            partials[begin] = {gBeta, gTh};
        });
        double gBetaSum = 0.0;
        double gThSum = 0.0;
        for (const auto &[begin, sums] : partials) {
            gBetaSum += sums.first;
            gThSum += sums.second;
        }
        // clamp's gradient passes where min <= beta <= max, as torch's does.
        const bool inRange = betaRaw >= 0.0f && betaRaw <= 1.0f;
        torch::Tensor gBeta = beta.requires_grad() ? torch::full_like(beta, inRange ? gBetaSum : 0.0) : torch::Tensor();
        torch::Tensor gThreshold = threshold.requires_grad() ? torch::full_like(threshold, gThSum) : torch::Tensor();
        return {gI, gBeta, gThreshold, torch::Tensor(), torch::Tensor(), torch::Tensor(),
                torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

float surrogateGradient(float x, SurrogateKind kind, float slope)
{
    switch (kind) {
    case SurrogateKind::ATan: {
        const float z = kPi / 2.0f * slope * x;
        return (slope / 2.0f) / (1.0f + z * z);
    }
    case SurrogateKind::FastSigmoid: {
        const float d = 1.0f + slope * std::fabs(x);
        return 1.0f / (d * d);
    }
    case SurrogateKind::Sigmoid: {
        const float e = std::exp(-slope * x);
        return slope * e / ((1.0f + e) * (1.0f + e));
    }
    case SurrogateKind::Ste:
        return 1.0f;
    }
    return 1.0f;
}

torch::Tensor spikeWithSurrogate(const torch::Tensor &x, SurrogateKind kind, double slope)
{
    return SpikeFunction::apply(x, int64_t(kind), slope);
}

SpikingLayerModule::SpikingLayerModule(const LayerSpec &spec)
    : m_neuron(spec.neuron), m_synaptic(spec.type == LayerType::Synaptic)
{
    m_beta = registerValue("beta", m_neuron.beta, m_neuron.learnBeta);
    m_threshold = registerValue("threshold", m_neuron.threshold, m_neuron.learnThreshold);
    if (m_synaptic)
        m_alpha = registerValue("alpha", m_neuron.alpha, m_neuron.learnAlpha);
}

torch::Tensor SpikingLayerModule::registerValue(const std::string &name, double value, bool learned)
{
    torch::Tensor t = torch::full({}, value, torch::kFloat);
    return learned ? register_parameter(name, t) : register_buffer(name, t);
}

double SpikingLayerModule::beta() const
{
    return std::clamp(m_beta.item<double>(), 0.0, 1.0);
}

double SpikingLayerModule::alpha() const
{
    return m_alpha.defined() ? std::clamp(m_alpha.item<double>(), 0.0, 1.0) : 0.0;
}

double SpikingLayerModule::threshold() const
{
    return m_threshold.item<double>();
}

torch::Tensor SpikingLayerModule::forward(const torch::Tensor &x)
{
    return run(x, 1, false).spikes;
}

SpikeSequence SpikingLayerModule::run(const torch::Tensor &current, int steps, bool timed)
{
    if (!m_fused || m_synaptic || m_neuron.stateQuantBits > 0 || current.scalar_type() != torch::kFloat)
        return runStepwise(current, steps, timed);
    const auto out = LeakyFunction::apply(current, m_beta, m_threshold, int64_t(steps), timed, int64_t(m_neuron.reset),
                                          m_neuron.resetDelay, int64_t(m_neuron.surrogate), m_neuron.effectiveSlope());
    return {out[0], out[1], torch::Tensor()};
}

SpikeSequence SpikingLayerModule::runStepwise(const torch::Tensor &current, int steps, bool timed)
{
    const int64_t batch = timed ? current.size(0) / steps : current.size(0);
    const auto stepInput = [&](int t) { return timed ? current.narrow(0, t * batch, batch) : current; };
    const torch::Tensor b = m_beta.clamp(0.0, 1.0);
    const torch::Tensor a = m_synaptic ? m_alpha.clamp(0.0, 1.0) : torch::Tensor();
    const torch::Tensor &th = m_threshold;
    const double slope = m_neuron.effectiveSlope();
    torch::Tensor mem = torch::zeros_like(stepInput(0));
    torch::Tensor syn = torch::zeros_like(mem);
    std::vector<torch::Tensor> spikes, membranes, currents;
    for (int t = 0; t < steps; ++t) {
        const torch::Tensor I = stepInput(t);
        const torch::Tensor r = (mem - th).gt(0).to(mem.scalar_type()).detach();
        if (m_synaptic) {
            syn = a * syn + I;
            switch (m_neuron.reset) {
            case ResetMechanism::Subtract:
                mem = b * mem + syn - r * th;
                break;
            case ResetMechanism::Zero:
                mem = (1 - r) * (b * mem + syn);
                break;
            case ResetMechanism::None:
                mem = b * mem + syn;
                break;
            }
        } else {
            switch (m_neuron.reset) {
            case ResetMechanism::Subtract:
                mem = b * mem + I - r * th;
                break;
            case ResetMechanism::Zero:
                mem = b * ((1 - r) * mem) + I;
                break;
            case ResetMechanism::None:
                mem = b * mem + I;
                break;
            }
        }
        if (m_neuron.stateQuantBits > 0) {
            mem = quantizeState(mem, m_neuron);
            if (m_synaptic)
                syn = quantizeState(syn, m_neuron);
        }
        const torch::Tensor s = spikeWithSurrogate(mem - th, m_neuron.surrogate, slope);
        if (!m_neuron.resetDelay) {
            if (m_neuron.reset == ResetMechanism::Subtract)
                mem = mem - (s - r) * th;
            else if (m_neuron.reset == ResetMechanism::Zero)
                mem = mem - (s - r) * mem;
        }
        spikes.push_back(s);
        membranes.push_back(mem);
        if (m_synaptic)
            currents.push_back(syn);
    }
    return {torch::cat(spikes, 0), torch::cat(membranes, 0), m_synaptic ? torch::cat(currents, 0) : torch::Tensor()};
}

} // namespace qb
