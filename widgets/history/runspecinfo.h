#pragma once

#include "spec/experimentspec.h"

#include <QList>
#include <QString>

namespace qb {

/// What the history views read from a run's frozen spec JSON: the parsed spec, the model size and
/// whether any layer is quantized. Parsing and ModelSummary take a few hundred microseconds, so the
/// views cache one per run id.
struct RunSpecInfo
{
    bool valid = false; ///< the spec parsed (and the network validated for the size)
    QString error; ///< why not
    ExperimentSpec spec;
    double modelSizeKiB = -1.0; ///< -1 when the network does not validate
    bool quantized = false; ///< some conv/dense layer has an input or kernel quantizer
    QList<int> weightBits; ///< the distinct widths of the conv/dense weights, ascending (32: float)
    QList<int> inputBits; ///< the same for the conv/dense layers' inputs

    /// "1; 32": widths as one CSV-friendly field.
    static QString bitsText(const QList<int> &bits);

    static RunSpecInfo fromSpecJson(const QString &specJson);
};

} // namespace qb
