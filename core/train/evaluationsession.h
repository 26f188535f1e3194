#pragma once

#include "data/dataset.h"
#include "store/experimentstore.h"
#include "train/trainedmodel.h"
#include "util/result.h"

#include <memory>

namespace qb {

/// What every evaluation of a recorded run needs (sweeps, Monte Carlo): the opened history, the
/// trained model and its dataset. Lives on one thread (the store's connection does).
struct EvaluationSession
{
    std::unique_ptr<ExperimentStore> store = std::make_unique<ExperimentStore>();
    std::shared_ptr<TrainedModel> model;
    Dataset dataset;

    /// Opens the history (empty dbPath: the default one), loads run `runId` and its dataset, and sets
    /// the thread count. Every failure is bad input (a missing run, weights or dataset file) and names it.
    Status open(const QString &dbPath, qint64 runId, const QString &dataDir, int threads);
};

} // namespace qb
