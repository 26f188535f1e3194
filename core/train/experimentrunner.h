#pragma once

#include "spec/experimentspec.h"
#include "train/trainer.h"
#include "train/trainobserver.h"

#include <QList>
#include <QString>

#include <functional>

namespace qb {

/// What the caller asks for: the experiment and where data and history live.
struct RunRequest
{
    ExperimentSpec spec;
    QString dataDir; ///< empty: the dataset locator's search order
    QString dbPath;  ///< empty: ExperimentStore::defaultPath()
    const Dataset *dataset = nullptr; ///< optional, already loaded (the GUI caches datasets)
    qint64 groupId = -1; ///< group of repeated runs to join; kNewGroup: start one with this run
    static constexpr qint64 kNewGroup = -2;
};

/// How a run ended, for the CLI's exit status and the GUI's messages.
struct RunOutcome
{
    enum class Problem { None, BadInput, Failure };
    Problem problem = Problem::None;
    QString error;    ///< for BadInput / Failure: what and where
    qint64 runId = -1;
    TrainResult result;
    QString weightsPath;
};

/// Runs one experiment end to end: validates the network, loads the dataset, opens the history,
/// records the run (spec frozen as JSON), trains with every epoch committed as it finishes, saves the
/// trained weights next to the database (recorded as an artifact) and sets the final status.
/// Bad input (invalid network, missing or corrupt dataset, unusable database) is reported before a run
/// row is written. Runs synchronously on the calling thread.
class ExperimentRunner
{
public:
    explicit ExperimentRunner(RunRequest request);
    void setObserver(TrainObserver *observer) { m_observer = observer; }
    void setControl(TrainControl *control) { m_control = control; }
    RunOutcome run();
    /// Trains the experiment `repeats` times with seeds seed, seed+1, ... as one group in the history
    /// (the dataset is loaded once). Stops early on a problem or a cancel. `onRunDone` (optional) is
    /// called after each run.
    QList<RunOutcome> runRepeated(int repeats, const std::function<void(int index, const RunOutcome &)> &onRunDone = {});

private:
    RunRequest m_request;
    TrainObserver *m_observer = nullptr;
    TrainControl *m_control = nullptr;
};

} // namespace qb
