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
    qint64 groupId = -1; ///< repeated runs (--repeat) share the id of the group's first run; -1: none
    qint64 gridId = -1;  ///< the grid the run is a trial of; -1: none
    int gridTrial = -1;  ///< its trial index in that grid
};

/// An experiment grid (quantbench-cli grid): its spec, and where and how its trials run.
struct GridRecord
{
    qint64 id = -1;
    QString name;
    QDateTime created;  ///< UTC
    QString specJson;   ///< the GridSpec, compact JSON
    QString executor;   ///< "local" or "slurm"
    QString workDir;    ///< the folder of its manifest, trial experiments and result folders
    QStringList jobIds; ///< Slurm: the array jobs, then the merge job
};

/// One point of a sweep: the swept value and the accuracy over the repeated evaluations there
/// (simulated chips, or 1). Std is the population standard deviation.
struct SweepPoint
{
    double value = 0.0;
    double accuracyMean = 0.0;
    double accuracyStd = 0.0;
    double accuracyMin = 0.0;
    double accuracyMax = 0.0;
    double loss = 0.0;
    QVector<double> accuracies; ///< one per evaluation (chip)
};

/// Evaluations of a trained run under varied conditions: a post-training quantization sweep
/// ("ptq"), a robustness sweep ("noise"), a Monte-Carlo evaluation ("montecarlo").
struct SweepRecord
{
    qint64 id = -1;
    qint64 runId = -1;
    QString kind;
    QString parameter;    ///< what was swept, e.g. "frac_bits"
    QString settingsJson; ///< the rest of the settings, compact JSON
    QDateTime created;    ///< UTC
    QList<SweepPoint> points;
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
