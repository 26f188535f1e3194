#pragma once

#include "data/dataset.h"
#include "spec/experimentspec.h"
#include "store/runrecord.h"
#include "train/trainobserver.h"
#include "util/result.h"

#include <QList>
#include <QString>

#include <memory>

namespace qb {

/// What a training run ended with.
struct TrainResult
{
    RunStatus status = RunStatus::Finished; ///< Finished, Cancelled or Failed
    QString error;                          ///< for Failed
    QList<EpochMetrics> epochs;
    bool stoppedEarly = false;
    double finalTestAccuracy = -1.0;
    double finalTestLoss = -1.0;
};

/// Trains the network of an ExperimentSpec on a dataset, synchronously, on the calling thread
/// (the GUI runs it on a worker thread, the CLI on its main thread).
///
/// Same seed, same numbers: the seed fixes the weight initialisation, dropout (torch's generator)
/// and the shuffling (a separate std::mt19937_64), and the thread count is fixed for the run.
/// Loss: cross-entropy on the logits. Early stopping watches the test loss with the given
/// patience and keeps the last weights. Errors from torch are caught and reported as Failed.
class Trainer
{
public:
    /// The dataset must outlive the Trainer.
    Trainer(const ExperimentSpec &spec, const Dataset &dataset);
    ~Trainer();

    void setObserver(TrainObserver *observer);
    void setControl(TrainControl *control);

    /// Validates the network against the dataset (input shape, classes); errors name the layer.
    Status prepare();
    /// Runs all epochs (prepare() first if not done).
    TrainResult run();
    /// The experiment as trained: after prepare(), a network with adaptToDataset is sized for the data.
    const ExperimentSpec &spec() const;
    /// Saves the trained weights (torch archive) after run().
    Status saveWeights(const QString &path) const;

    /// Applies the thread setting to torch (0 = all cores); returns the count used.
    static int applyThreadCount(int threads);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace qb
