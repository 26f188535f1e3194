#include "train/evaluationsession.h"

#include "data/datasetlocator.h"
#include "train/trainer.h"

namespace qb {

Status EvaluationSession::open(const QString &dbPath, qint64 runId, const QString &dataDir, int threads)
{
    if (const Status s = store->open(dbPath.isEmpty() ? ExperimentStore::defaultPath() : dbPath); !s)
        return s;
    auto trained = TrainedModel::fromRun(*store, runId);
    if (!trained)
        return Status::failure(trained.error());
    model = *trained;
    auto data = DatasetLocator::load(model->spec().dataset, dataDir);
    if (!data)
        return Status::failure(data.error());
    dataset = std::move(*data);
    Trainer::applyThreadCount(threads);
    return Status();
}

} // namespace qb
