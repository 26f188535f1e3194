#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

namespace qb {

enum class RunStatus { Running, Finished, Cancelled, Failed, Interrupted };
QString runStatusName(RunStatus status); ///< "running", "finished", ...
bool runStatusFromName(const QString &name, RunStatus *out);

/// Metrics of one finished epoch (accuracies are fractions in [0,1]).
struct EpochMetrics
{
    int epoch = 0; ///< 1-based
    double trainLoss = 0.0;
    double trainAccuracy = 0.0;
    double testLoss = 0.0;
    double testAccuracy = 0.0;
    double seconds = 0.0;
    double samplesPerSecond = 0.0;
};

/// One row of the runs table.
struct RunRecord
{
    qint64 id = -1;
    QString name;
    QDateTime created;  ///< UTC
    QDateTime finished; ///< UTC; invalid while running
    RunStatus status = RunStatus::Running;
    QString specJson;    ///< the frozen ExperimentSpec, compact JSON
    QString networkName; ///< preset or network name
    QString dataset;
    qint64 seed = 0;
    int epochsPlanned = 0;
    int epochsDone = 0; ///< number of epoch rows
    double finalTestAccuracy = -1.0; ///< -1: none yet
    double finalTestLoss = -1.0;
    double bestTestAccuracy = -1.0;
    QString notes;
    QStringList tags;
    QString error; ///< why a failed run failed
};

/// A file written for a run (trained weights, exports).
struct ArtifactRecord
{
    qint64 id = -1;
    qint64 runId = -1;
    QString kind; ///< "weights", ...
    QString path;
    QDateTime created;
};

} // namespace qb
