#pragma once

#include "spec/networkspec.h"
#include "spec/tensorshape.h"

#include <QList>
#include <QString>
#include <QVector>

namespace qb {

/// One problem found in a network: the layer index (-1 for the network itself, e.g. its input),
/// the JSON field concerned, and a sentence for the user.
struct ValidationIssue
{
    int layer = -1;
    QString field;
    QString message;

    /// "layer 4 (dense): field 'units': must be at least 1", or "network: ..." for layer -1.
    QString toString(const NetworkSpec &network) const;
};

/// Output shape of every layer plus all problems found.
struct ValidationReport
{
    QVector<TensorShape> outputShapes; ///< one per layer; invalid shape after an error
    QList<ValidationIssue> issues;

    bool ok() const { return issues.isEmpty(); }
    /// All issues, one per line.
    QString message(const NetworkSpec &network) const;
};

/// Infers every layer's output shape from the input shape and checks parameters, layer order and
/// quantizer names/parameters. Carries on after an error where it can, so the editor can show all
/// problems at once.
class NetworkValidator
{
public:
    static ValidationReport validate(const NetworkSpec &network, int numClasses = -1);
};

} // namespace qb
