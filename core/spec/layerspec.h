#pragma once

#include "spec/noisespec.h"
#include "spec/quantizerspec.h"
#include "spec/spikingspec.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace qb {

enum class LayerType { Conv2D, Dense, BatchNorm, MaxPool, AvgPool, Flatten, Dropout, Activation, Leaky, Synaptic };
enum class Padding { Valid, Same, Explicit };
enum class ActivationFunction { None, ReLU, HardTanh, Tanh, Softmax };
/// How conv/dense weights start: Glorot-uniform with zero bias (Keras, the default), or PyTorch's
/// U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weights and bias (the snnTorch tutorials' layers).
enum class WeightInit { GlorotUniform, PyTorch };

/// One layer of a network: a tagged record whose meaningful fields depend on `type`.
/// Conv2D and Dense carry an input quantizer and a kernel quantizer (both optional) and an optional
/// weight clip constraint; with quantizers they are the "QuantConv2D"/"QuantDense" of Larq.
///
/// JSON keys (snake_case) per type, all optional except "type" (missing keys take the defaults):
///   conv2d:     name, filters, kernel [h,w], stride [h,w], padding ("valid"|"same"|int), bias,
///               input_quantizer, kernel_quantizer, kernel_clip (number, 0/absent = none),
///               nonidealities (list of NoiseSpec objects; absent = none),
///               init ("glorot_uniform", the default, or "pytorch"; conv2d and dense)
///   dense:      name, units, bias, input_quantizer, kernel_quantizer, kernel_clip, nonidealities
///   batchnorm:  name, scale, center, momentum (Keras convention: weight of the old mean), epsilon
///   maxpool / avgpool: name, pool [h,w], stride [h,w] (0 = pool size), padding ("valid"|int)
///   flatten:    name
///   dropout:    name, rate
///   activation: name, function ("relu"|"hardtanh"|"tanh"|"softmax"|"none")
///   leaky:      name and the neuron keys of NeuronSpec (spec/spikingspec.h)
///   synaptic:   the same, plus alpha and learn_alpha
struct LayerSpec
{
    LayerType type = LayerType::Dense;
    QString name;

    // Conv2D / Dense
    int filters = 32; ///< Conv2D output channels
    int units = 10;   ///< Dense output features
    int kernelH = 3, kernelW = 3;
    int strideH = 1, strideW = 1;
    Padding padding = Padding::Valid;
    int paddingAmount = 0; ///< used when padding == Explicit (conv and pools)
    bool useBias = true;
    QuantizerSpec inputQuantizer;
    QuantizerSpec kernelQuantizer;
    double kernelClip = 0.0; ///< > 0: latent weights clamped to [-c, c] after each step
    QList<NoiseSpec> nonidealities; ///< simulated hardware effects, applied in list order
    WeightInit init = WeightInit::GlorotUniform;

    // BatchNorm
    bool scale = true;
    bool center = true;
    double momentum = 0.9; ///< Keras convention; 0.9 = PyTorch's default 0.1 (see README)
    double epsilon = 1e-3;

    // MaxPool / AvgPool (stride 0 means "equal to the pool size")
    int poolH = 2, poolW = 2;
    int poolStrideH = 0, poolStrideW = 0;

    // Dropout
    double rate = 0.5;

    // Activation
    ActivationFunction function = ActivationFunction::ReLU;

    // Leaky / Synaptic
    NeuronSpec neuron;

    bool hasWeights() const { return type == LayerType::Conv2D || type == LayerType::Dense; }
    bool isSpiking() const { return type == LayerType::Leaky || type == LayerType::Synaptic; }
    bool isQuantized() const { return hasWeights() && (!inputQuantizer.isNone() || !kernelQuantizer.isNone()); }

    /// Writes only the fields meaningful for `type`.
    QJsonObject toJson() const;

    friend bool operator==(const LayerSpec &a, const LayerSpec &b);
    friend bool operator!=(const LayerSpec &a, const LayerSpec &b) { return !(a == b); }
};

/// Stable JSON names of the enums ("conv2d", "same", "relu", ...) and their inverses.
QString layerTypeName(LayerType type);
bool layerTypeFromName(const QString &name, LayerType *out);
QString activationName(ActivationFunction f);
bool activationFromName(const QString &name, ActivationFunction *out);
/// How a layer is called in the window and in reports: its name, or "<type> <number>" (1-based)
/// when it has none ("leaky 3").
QString layerDisplayName(const LayerSpec &layer, int index);

} // namespace qb
