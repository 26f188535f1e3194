#pragma once

#include "spec/experimentspec.h"

#include <QJsonValue>
#include <QList>
#include <QString>

namespace qb {

/// A field of an experiment that a grid can vary: its JSON path (what GridAxis stores, e.g.
/// `layers[3].kernel_quantizer.name`), a readable label ("Layer 4 QuantConv2D · kernel quantizer ·
/// name") and its value in the experiment.
struct GridField
{
    QString path;
    QString label;
    QJsonValue current;

    /// The fields of `experiment` worth varying: the training settings, and for every layer with
    /// weights its kernel and input quantizers' name and numeric parameters and its nonidealities'
    /// numeric parameters. In the network's order.
    static QList<GridField> of(const ExperimentSpec &experiment);
};

} // namespace qb
