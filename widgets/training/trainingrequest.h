#pragma once

#include "spec/experimentspec.h"

#include <QString>

namespace qb {

/// What the GUI asks the training worker to do: one experiment, trained `repeats` times with seeds
/// seed, seed+1, ... (one group in the history when repeats > 1). A value: it is copied into the
/// worker thread.
struct TrainingRequest
{
    ExperimentSpec spec;
    int repeats = 1;
    QString dbPath; ///< empty: ExperimentStore::defaultPath()
    QString dataDir; ///< empty: the dataset locator's search order
};

/// Registers the value types that travel between the training thread and the GUI thread through
/// queued signals (BatchProgress, EpochMetrics, RunStatus, TrainingRequest). Idempotent.
void registerTrainingMetaTypes();

} // namespace qb
