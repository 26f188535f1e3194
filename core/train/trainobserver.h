#pragma once

#include "store/runrecord.h"
#include "util/result.h"

#include <atomic>

namespace qb {

/// Progress inside an epoch, reported after every batch (observers throttle as they need).
struct BatchProgress
{
    int epoch = 0;   ///< 1-based
    int epochs = 0;
    int batch = 0;   ///< 1-based, batches done in this epoch
    int batches = 0; ///< batches per epoch
    double loss = 0.0;     ///< this batch
    double meanLoss = 0.0; ///< running mean over the epoch so far
    double accuracy = 0.0; ///< running accuracy over the epoch so far
    double samplesPerSecond = 0.0;
};

/// Receives a Trainer's progress. Called on the thread that runs the Trainer; implementations that
/// talk to a GUI must forward through queued signals.
class TrainObserver
{
public:
    virtual ~TrainObserver() = default;
    /// The run's row exists in the history (ExperimentRunner only; before the first batch).
    virtual void onRunStarted(qint64 runId) {}
    virtual void onBatch(const BatchProgress &progress) {}
    /// A finished epoch. Returning a non-ok Status stops training with status failed (e.g. the
    /// history could not be written).
    virtual Status onEpoch(const EpochMetrics &metrics) { return Status(); }
};

/// Flags another thread sets to steer a running Trainer; read between batches.
struct TrainControl
{
    std::atomic_bool cancel{false};
    std::atomic_bool pause{false};
};

} // namespace qb
