// Spike encoders of the network input and readout losses of the output spikes (snnTorch 0.9.4's
// spikegen.rate / spikegen.latency and functional.loss, as README "Spiking networks" describes).
#include "model/spiking_p.h"

namespace qb {

namespace {

/// Time-major [T, B, ...] -> [T*B, ...].
torch::Tensor foldTime(const torch::Tensor &x)
{
    std::vector<int64_t> shape = x.sizes().vec();
    shape[1] *= shape[0];
    shape.erase(shape.begin());
    return x.reshape(shape);
}

torch::Tensor rateSpikes(const torch::Tensor &x, const SpikingSpec &s)
{
    const torch::Tensor p = (x * s.gain + s.offset).clamp(0.0, 1.0);
    std::vector<int64_t> shape = p.sizes().vec();
    shape.insert(shape.begin(), s.timeSteps);
    return torch::bernoulli(p.unsqueeze(0).expand(shape));
}

/// One spike per feature at its latency: tau*ln(x/(x-threshold)) with x clamped to at least
/// threshold + 1e-7 (normalize: scaled so that the largest time is T-1), or linear
/// min(tau(1-x), tau(1-threshold)) (normalize: tau = T-1); rounded and capped at T-1. clip drops the
/// features below the threshold.
torch::Tensor latencySpikes(const torch::Tensor &x, const SpikingSpec &s)
{
    const int steps = s.timeSteps;
    const double th = s.latencyThreshold;
    constexpr double kEpsilon = 1e-7;
    torch::Tensor times;
    if (!s.linear) {
        const torch::Tensor xc = x.clamp_min(th + kEpsilon);
        times = s.tau * torch::log(xc / (xc - th));
        if (s.normalize)
            times = times * double(steps - 1) / (s.tau * std::log((th + kEpsilon) / kEpsilon));
    } else {
        const double tau = s.normalize ? double(steps - 1) : s.tau;
        times = (-tau * (x - 1.0)).clamp_max(-tau * (th - 1.0));
    }
    const torch::Tensor index = times.clamp_max(double(steps - 1)).round();
    std::vector<int64_t> viewShape(size_t(x.dim()) + 1, 1);
    viewShape[0] = steps;
    const torch::Tensor stepIndex = torch::arange(steps, x.options()).view(viewShape);
    torch::Tensor spikes = stepIndex.eq(index.unsqueeze(0)).to(x.scalar_type());
    if (s.clip)
        spikes = spikes * x.ge(th).to(x.scalar_type()).unsqueeze(0);
    return spikes;
}

} // namespace

torch::Tensor encodeInput(const torch::Tensor &x, const SpikingSpec &spiking, bool *timed)
{
    switch (spiking.encoding) {
    case SpikeEncoding::Rate:
        *timed = true;
        return foldTime(rateSpikes(x, spiking));
    case SpikeEncoding::Latency:
        *timed = true;
        return foldTime(latencySpikes(x, spiking));
    case SpikeEncoding::Direct:
    case SpikeEncoding::Events: // event frames arrive already timed (NetworkModule)
        break;
    }
    *timed = false;
    return x;
}

torch::Tensor spikingLoss(const SpikingSpec &spiking, const torch::Tensor &spikes, const torch::Tensor &membrane,
                          const torch::Tensor &y)
{
    namespace F = torch::nn::functional;
    const int64_t steps = spikes.size(0);
    const int64_t classes = spikes.size(2);
    switch (spiking.loss) {
    case SpikeLoss::MembraneCrossEntropy: {
        // sum over t of the batch-mean cross-entropy of the membrane
        torch::Tensor loss = torch::zeros({}, membrane.options());
        for (int64_t t = 0; t < steps; ++t)
            loss = loss + F::cross_entropy(membrane[t], y);
        return loss;
    }
    case SpikeLoss::CrossEntropyRate: {
        torch::Tensor loss = torch::zeros({}, spikes.options());
        for (int64_t t = 0; t < steps; ++t)
            loss = loss + F::nll_loss(F::log_softmax(spikes[t], F::LogSoftmaxFuncOptions(-1)), y);
        return loss / double(steps);
    }
    case SpikeLoss::CrossEntropyCount:
        return F::nll_loss(F::log_softmax(spikes.sum(0), F::LogSoftmaxFuncOptions(-1)), y);
    case SpikeLoss::MseCount: {
        const double on = double(int(double(steps) * spiking.correctRate));
        const double off = double(int(double(steps) * spiking.incorrectRate));
        const torch::Tensor target = torch::full({y.size(0), classes}, off, spikes.options())
                                         .scatter(1, y.unsqueeze(1), on);
        return F::mse_loss(spikes.sum(0), target) / double(steps);
    }
    }
    return torch::Tensor();
}

} // namespace qb
