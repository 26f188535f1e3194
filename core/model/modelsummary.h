#pragma once

#include "spec/networkspec.h"
#include "spec/tensorshape.h"
#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace qb {

/// One row of the model summary (Larq's `lq.models.summary` convention, REFERENCE.md).
struct LayerSummary
{
    int index = 0;
    QString name;          ///< the layer's name, or "<type>_<n>" like Keras
    QString type;          ///< "conv2d", "dense", ...
    int inputBits = 0;     ///< bits of the quantized input; 0 when the input is not quantized ("-")
    TensorShape output;
    QMap<int, qint64> params; ///< parameters per bit width
    double memoryKiB = 0.0;
    QMap<int, qint64> macs;   ///< multiply-accumulates per precision

    /// All of the layer's multiply-accumulates, whatever their precision.
    qint64 macCount() const;
};

/// Parameters, memory and MACs of a network per precision, computed from the spec alone (no torch).
/// Conventions (Larq): a MAC's precision is max(input bits or 32, weight bits); MACs of conv and
/// dense = weights x output positions; a BatchNorm counts 2 32-bit parameters per channel (mean
/// with beta, variance with gamma); memory = bits / 8 / 1024 KiB; biases are 32-bit.
struct ModelSummary
{
    QString networkName;
    QList<LayerSummary> layers;
    QMap<int, qint64> totalParams;
    QMap<int, qint64> totalMacs;
    double modelSizeKiB = 0.0;       ///< all parameters at their bit widths
    double size8BitFloatKiB = 0.0;   ///< same, with the 32-bit parameters stored as 8 bits
    double float32SizeKiB = 0.0;     ///< all parameters as float-32
    double compressionRatio = 0.0;   ///< float32SizeKiB / modelSizeKiB
    double binarizedMacShare = 0.0;  ///< 1-bit MACs / all MACs
    double ternarizedMacShare = 0.0; ///< 2-bit MACs / all MACs

    qint64 paramCount() const;
    qint64 macCount() const;

    /// Fails with the validator's message when the network is invalid.
    static Result<ModelSummary> compute(const NetworkSpec &network);
    QJsonObject toJson() const;
    /// An aligned text table with totals, for the terminal.
    QString toTable() const;
};

} // namespace qb
