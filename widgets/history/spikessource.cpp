#include "history/spikessource.h"

#include "data/datasetlocator.h"
#include "history/confusionresult.h"
#include "store/experimentstore.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>

namespace qb {

QString notSpikingMessage(qint64 runId)
{
    return QCoreApplication::translate("qb::SpikesView", "run %1 has no spiking layers").arg(runId);
}

Result<std::shared_ptr<SpikesSource>> SpikesSource::open(
    const QString &dbPath, qint64 runId, const QString &dataDir)
{
    using R = Result<std::shared_ptr<SpikesSource>>;
    // Stores are per thread: this one lives and dies in the worker.
    ExperimentStore store;
    if (const Status s = store.open(dbPath); !s)
        return R::failure(s.error());
    // A quick look at the frozen spec first: a run without spiking layers is not loaded at all.
    const auto record = store.run(runId);
    if (!record)
        return R::failure(record.error());
    const auto spec = ExperimentSpec::fromJson(QJsonDocument::fromJson(record->specJson.toUtf8()).object());
    if (spec && !spec->network.isSpiking())
        return R::failure(notSpikingMessage(runId));
    auto model = TrainedModel::fromRun(store, runId);
    if (!model)
        return R::failure(model.error());
    if (!(*model)->spec().network.isSpiking())
        return R::failure(notSpikingMessage(runId));
    auto dataset = DatasetLocator::load((*model)->spec().dataset, dataDir);
    if (!dataset)
        return R::failure(dataset.error());
    std::shared_ptr<SpikesSource> source(new SpikesSource);
    source->m_runId = runId;
    source->m_model = *model;
    source->m_dataset = std::move(*dataset);
    return source;
}

int SpikesSource::testCount() const
{
    const int limit = m_model->spec().train.testLimit;
    return limit > 0 ? std::min(limit, m_dataset.test.count) : m_dataset.test.count;
}

SpikesResult SpikesSource::probe(int index) const
{
    SpikesResult result;
    result.runId = m_runId;
    result.testCount = testCount();
    result.index = std::clamp(index, 0, std::max(0, result.testCount - 1));
    const DatasetSplit &test = m_dataset.test;
    if (std::size_t(result.index) < test.labels.size()) {
        result.label = test.labels[std::size_t(result.index)];
        result.className = result.label < m_dataset.classNames.size() ? m_dataset.classNames.at(result.label)
                                                                      : QString::number(result.label);
    }
    result.image = sampleImage(test, result.index);
    result.classNames = m_dataset.classNames;
    const auto layers = m_model->spikeActivity(test, result.index);
    if (!layers)
        result.error = layers.error();
    else
        result.layers = *layers;
    return result;
}

ActivityOutcome SpikesSource::measure(const std::function<bool(int, int)> &progress) const
{
    ActivityOutcome outcome;
    outcome.runId = m_runId;
    const auto report = m_model->activity(m_dataset.test, testCount(), progress);
    if (!report)
        outcome.error = report.error();
    else if (report->cancelled)
        outcome.cancelled = true;
    else
        outcome.report = *report;
    return outcome;
}

} // namespace qb
