#pragma once
// Experiment grids end to end: create (or find again) a grid in the history, run one trial as a
// task (`quantbench-cli grid-task`), merge finished trials into the history, and the local
// executor, a pool of task processes on this machine. The Slurm executor submits the same tasks
// and the same merge as jobs (core/grid/slurmgrid). The store is written only by the merge.

#include "grid/gridspec.h"
#include "store/runrecord.h"
#include "util/result.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace qb {

struct TrainControl;
class TrainObserver;

struct GridCreateRequest
{
    QString dbPath; ///< empty: the default history
    GridSpec grid;
    QString executor = QStringLiteral("local");
    QString workDir; ///< empty: <history>-grids/<id> beside the database
    QString dataDir; ///< where trials look for the dataset (empty: the usual places)
    /// Threads of each trial when the experiment says "all cores" (train.threads 0). A run's numbers
    /// depend on its thread count (BLAS and reductions split their sums by thread), so the grid
    /// freezes it into every trial: whichever executor runs a trial, it computes the same numbers.
    int threadsPerTrial = 1;
};

struct GridCreated
{
    GridRecord record;
    GridSpec grid;        ///< as recorded, its thread count frozen
    bool resumed = false; ///< the history already had this grid: it goes on where it stopped
};

/// Expands and checks the grid (nothing is recorded when a path or value is bad), then records it
/// and writes its workspace. A grid with the same spec already in the history (whatever its thread
/// count) is resumed instead, with the thread count it was created with.
Result<GridCreated> createGrid(const GridCreateRequest &request);

/// One trial's state in the history and its workspace.
struct GridTrialStatus
{
    enum class State { Pending, Merged, Failed };
    int index = 0;
    int configuration = 0;
    State state = State::Pending;
    qint64 runId = -1;
    QString error; ///< Failed: why
};

struct GridMergeReport
{
    QList<GridTrialStatus> trials;
    int newlyMerged = 0;
    int count(GridTrialStatus::State state) const;
};

/// Imports every finished trial result not yet in the history (a trial's seeds form a group) and
/// reports each trial's state. Running it again adds nothing twice.
Result<GridMergeReport> mergeGrid(const QString &dbPath, qint64 gridId);

/// Runs trial `index` of the grid whose manifest is given: trains it into a private history in a
/// temporary folder and leaves the run as a bundle and a status in the trial's result folder.
struct GridTaskResult
{
    bool ok = false;
    bool badInput = false; ///< the manifest or index is unusable (nothing was written)
    QString error;
};
GridTaskResult runGridTask(const QString &manifestPath, int index, TrainObserver *observer, TrainControl *control);

/// Runs a grid's remaining trials on this machine, `jobs` task processes at once, merging each as
/// it finishes. Trials already merged are not run again.
class LocalGridExecutor
{
public:
    struct Options
    {
        QString cliPath; ///< the quantbench-cli executable that runs `grid-task`
        int jobs = 1;
    };
    struct Progress
    {
        int total = 0;
        int merged = 0;
        int failed = 0;
        int running = 0;
        double elapsedSeconds = 0.0;
        double etaSeconds = -1.0; ///< -1 until a trial has finished
    };
    /// `onProgress` is called when a trial starts or ends (with that trial's status) and about once
    /// a second; `cancel` stops the running tasks (their trials stay pending).
    using ProgressFn = std::function<void(const Progress &, const GridTrialStatus *changed)>;

    LocalGridExecutor(QString dbPath, qint64 gridId, Options options);
    Result<GridMergeReport> run(const ProgressFn &onProgress, const std::atomic_bool *cancel);
    /// The threads per trial that share this machine's cores among `jobs` parallel trials.
    static int threadsFor(int jobs);

private:
    QString m_dbPath;
    qint64 m_gridId;
    Options m_options;
};

} // namespace qb
