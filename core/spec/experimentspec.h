#pragma once

#include "spec/networkspec.h"
#include "spec/trainspec.h"
#include "util/result.h"

#include <QJsonObject>
#include <QString>

namespace qb {

/// Everything that reproduces a run: the network, the training settings and the dataset.
/// Frozen as JSON into the history when a run starts. File format:
/// {"format": "quantbench-experiment", "version": 1, "name", "dataset", "network": {...},
///  "train": {...}}.
struct ExperimentSpec
{
    static constexpr int kFormatVersion = 1;

    QString name;
    QString dataset = QStringLiteral("fashion-mnist");
    NetworkSpec network;
    TrainSpec train;

    /// An experiment for `network` (named after it) whose training settings start from the ones
    /// the network was published with (NetworkSpec::trainingDefaults), the defaults otherwise.
    static ExperimentSpec forNetwork(const NetworkSpec &network);

    QJsonObject toJson() const;
    static Result<ExperimentSpec> fromJson(const QJsonObject &json);
    static Result<ExperimentSpec> fromFile(const QString &path);
    Status saveToFile(const QString &path) const;

    friend bool operator==(const ExperimentSpec &a, const ExperimentSpec &b);
    friend bool operator!=(const ExperimentSpec &a, const ExperimentSpec &b) { return !(a == b); }
};

} // namespace qb
