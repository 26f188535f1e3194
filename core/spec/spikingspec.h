#pragma once
// Spiking networks: the neuron parameters of a `leaky` or `synaptic` layer, and the network-level
// time settings (time steps, input encoding, readout loss). The equations follow snnTorch 0.9.4's
// code (see README, "Spiking networks").

#include "util/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace qb {

enum class ResetMechanism { Subtract, Zero, None };
enum class SurrogateKind { ATan, FastSigmoid, Sigmoid, Ste };

/// A spiking layer's neurons. JSON keys (all optional): beta, learn_beta, alpha and learn_alpha
/// (synaptic only), threshold, learn_threshold, reset ("subtract"|"zero"|"none"), reset_delay,
/// surrogate ("atan"|"fast_sigmoid"|"sigmoid"|"ste"), surrogate_slope (0 = the surrogate's
/// default: alpha 2 for atan, k 25 for the sigmoids), state_quant (null or {"bits": 8,
/// "threshold": 1, "lower_limit": 0, "upper_limit": 0.2}: 2^bits levels evenly spaced over
/// [-threshold(1 + lower_limit), threshold(1 + upper_limit)], the membrane rounded to the nearest).
struct NeuronSpec
{
    double beta = 0.95;  ///< membrane decay, clamped to [0, 1] when used
    bool learnBeta = false;
    double alpha = 0.9;  ///< synaptic current decay (synaptic only), clamped to [0, 1]
    bool learnAlpha = false;
    double threshold = 1.0;
    bool learnThreshold = false;
    ResetMechanism reset = ResetMechanism::Subtract;
    bool resetDelay = true;
    SurrogateKind surrogate = SurrogateKind::ATan;
    double surrogateSlope = 0.0; ///< 0: the surrogate's default
    int stateQuantBits = 0;      ///< 0: the membrane is not quantized
    double stateQuantThreshold = 1.0; ///< state_quant's own threshold (snnTorch's default 1)
    double stateQuantLower = 0.0;
    double stateQuantUpper = 0.2;

    /// The slope actually used: surrogateSlope, or 2 (atan) / 25 (sigmoids) when it is 0.
    double effectiveSlope() const;

    friend bool operator==(const NeuronSpec &a, const NeuronSpec &b);
    friend bool operator!=(const NeuronSpec &a, const NeuronSpec &b) { return !(a == b); }
};

enum class SpikeEncoding { Direct, Rate, Latency, Events };
enum class SpikeLoss { MembraneCrossEntropy, CrossEntropyRate, CrossEntropyCount, MseCount };

/// How a spiking network runs in time. JSON "spiking" of a network file (all keys optional):
///   time_steps (T), encoding ("direct": the static input at every step; "rate": Bernoulli spikes
///   with probability clamp(x*gain + offset, 0, 1); "latency": one spike per input at
///   tau*ln(x/(x-threshold)), or linear; "events": frames of an event dataset),
///   gain, offset (rate), tau, latency_threshold, linear, normalize, clip (latency),
///   window_us, denoise_us (events: frames of window_us microseconds from the first event, or
///   T equal bins when 0; denoise filter time, 0 = off),
///   loss ("membrane_ce": cross-entropy of the output membrane summed over time, snnTorch
///   tutorial 5; "ce_rate"; "ce_count"; "mse_count"), correct_rate, incorrect_rate (mse_count).
/// The settings matter only when the network has a spiking layer.
struct SpikingSpec
{
    int timeSteps = 25;
    SpikeEncoding encoding = SpikeEncoding::Direct;
    double gain = 1.0;
    double offset = 0.0;
    double tau = 1.0;
    double latencyThreshold = 0.01;
    bool linear = false;
    bool normalize = false;
    bool clip = false;
    qint64 windowUs = 0;
    qint64 denoiseUs = 0;
    SpikeLoss loss = SpikeLoss::MembraneCrossEntropy;
    double correctRate = 0.8;
    double incorrectRate = 0.2;

    QJsonObject toJson() const;
    /// `context` names the place for messages ("network: spiking").
    static Result<SpikingSpec> fromJson(const QJsonValue &value, const QString &context);

    friend bool operator==(const SpikingSpec &a, const SpikingSpec &b);
    friend bool operator!=(const SpikingSpec &a, const SpikingSpec &b) { return !(a == b); }
};

/// Stable JSON names ("subtract", "atan", "rate", "membrane_ce", ...) and their inverses.
QString resetName(ResetMechanism reset);
bool resetFromName(const QString &name, ResetMechanism *out);
QStringList resetNames();
QString surrogateName(SurrogateKind kind);
bool surrogateFromName(const QString &name, SurrogateKind *out);
QStringList surrogateNames();
QString encodingName(SpikeEncoding encoding);
bool encodingFromName(const QString &name, SpikeEncoding *out);
QStringList encodingNames();
QString spikeLossName(SpikeLoss loss);
bool spikeLossFromName(const QString &name, SpikeLoss *out);
QStringList spikeLossNames();

} // namespace qb
