#pragma once
// A trained run as plain numbers: everything an exporter needs to rebuild the network's evaluation
// outside QuantBench, with no torch type in sight. TrainedModel::snapshot() fills it from the
// loaded modules (core/train/trainedmodel.cpp); the writers in core/export read only this.
//
// What "effective" means here: the weights the forward pass computes with in evaluation, that is
// the kernel quantizer applied to the latent weights, WITHOUT nonidealities (they are simulation
// of imperfect hardware, drawn per chip, and are never exported; ModelSnapshot::nonidealitiesDropped
// says whether the run had any).

#include "data/dataset.h"
#include "spec/experimentspec.h"
#include "spec/tensorshape.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <cstdint>
#include <optional>

namespace qb {

/// Effective weights written as small integers times a per-output-channel scale: every value of
/// output channel o is codes[i] * scale[o] with codes in {-1, 0, +1} (binary and ternary weights).
/// Found by factorWeights(); absent for weights with more distinct magnitudes (fixed point, float).
struct IntegerCodes
{
    QVector<std::int8_t> codes; ///< same layout and count as the effective weights
    QVector<float> scale; ///< one per output channel (1.0 for plain +-1 weights)
    bool unitScale = true; ///< every scale is exactly 1 (pure +-1 / {-1,0,1} weights)
    bool binary = true; ///< no zero code: +-scale only
};

/// codes/scale when every output channel (first dimension of `shape`) holds at most one nonzero
/// magnitude (values in {-a, 0, +a}, a > 0, exactly), else std::nullopt.
std::optional<IntegerCodes> factorWeights(const QVector<int> &shape, const QVector<float> &values);

/// Per-channel sign thresholds of a batch norm followed by a sign quantizer, derived by putting
/// values through torch's own batch norm (model/fusedbinaryevaluator_p.h): the quantizer's output
/// is +1 exactly when scale[c] * v >= threshold[c] (scale is +1 or -1; v is the batch norm's input
/// after any max pooling; NaN gives -1). For integer inputs the thresholds are integers (stored as
/// floats); for float inputs a threshold may be +-inf or NaN (never / always).
struct SignThresholds
{
    bool integerInput = false; ///< the input is an integer in [-dotLength, dotLength]
    int dotLength = 0;
    QVector<float> scale;
    QVector<float> threshold;
};

/// The batch norm's float output for every integer input v in [-dotLength, dotLength], per channel:
/// values[c * (2 * dotLength + 1) + (v + dotLength)], as torch computes it (bit for bit).
struct BatchNormTable
{
    int dotLength = 0;
    QVector<float> values;
};

/// One layer of the network with its trained state.
struct LayerSnapshot
{
    int index = 0; ///< position in ModelSnapshot::network.layers
    LayerSpec spec; ///< as trained (quantizers, geometry, nonidealities listed but not applied)
    TensorShape input; ///< shape the layer receives (flat inputs: channels = features)
    TensorShape output;

    // conv2d / dense
    QVector<int> weightShape; ///< conv [O, C, KH, KW] (OIHW), dense [out, in] (in = C*H*W, CHW order)
    QVector<float> effective; ///< kernel quantizer applied, no nonideality (see top of file)
    QVector<float> latent; ///< the trained float weights
    std::optional<IntegerCodes> codes; ///< factorWeights(weightShape, effective)
    QVector<float> bias; ///< empty: no bias
    /// Conv and pools: zero padding (top, bottom, left, right); "same" may be asymmetric.
    int padTop = 0, padBottom = 0, padLeft = 0, padRight = 0;
    int strideH = 1, strideW = 1;
    /// The input quantizer's trained tensors (LSQ's step size), empty for the others.
    QVector<float> inputQuantizerParameters;
    /// In evaluation the input quantizer is exactly sign(x) with sign(0) = +1.
    bool signInput = false;
    /// Every effective weight is exactly +1 or -1.
    bool binaryWeights = false;

    // batchnorm (gamma/beta empty when the layer has no scale/center)
    QVector<float> gamma, beta, runningMean, runningVar;
    double epsilon = 1e-3;
    /// Set when the batch norm's input is the integer output of a bias-free layer with +-1 inputs
    /// and weights (through max pooling / dropout only) or the float map of a one-channel conv
    /// with +-1 weights, and the next weighted layer binarizes its input with sign: the thresholds
    /// that decide that layer's input bits.
    std::optional<SignThresholds> signThresholds;
    /// Set when the input is such an integer map and no sign follows (the network's last batch
    /// norm, whose output are the logits), and 2K+1 values per channel stay small.
    std::optional<BatchNormTable> table;

    // maxpool / avgpool
    int poolH = 2, poolW = 2;
};

/// How the stored data becomes the network's input.
struct InputEncoding
{
    bool tabular = false;
    /// Images: x = float(pixel) * scale + offset, both float32, in that order (two roundings),
    /// exactly as the batcher computes it; pixels are the stored bytes 0..255.
    Normalization normalization = Normalization::MinusOneToOne;
    float scale = 2.0f / 255.0f;
    float offset = -1.0f;
    /// Tabular: x = float((raw - mean[i]) / scale[i]) per feature, in double (the CSV reader's
    /// standardization, Dataset::featureMean/featureScale); empty when the dataset was not given.
    QVector<double> featureMean, featureScale;
};

/// The whole trained run.
struct ModelSnapshot
{
    qint64 runId = -1; ///< -1: not from a history
    QString runName;
    ExperimentSpec experiment; ///< as recorded (network adapted to the dataset)
    QString datasetName;
    int classes = 10;
    QStringList classNames;
    TensorShape inputShape; ///< [C, H, W] of one sample
    InputEncoding encoding;
    QList<LayerSnapshot> layers;
    bool nonidealitiesDropped = false; ///< some layer lists nonidealities (not exported)
    QString quantbenchVersion;
};

} // namespace qb
