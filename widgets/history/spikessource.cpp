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

DatasetSplit splitSlice(const DatasetSplit &split, int from, int n)
{
    from = std::clamp(from, 0, split.count);
    n = std::clamp(n, 0, split.count - from);
    DatasetSplit part;
    part.count = n;
    part.channels = split.channels;
    part.height = split.height;
    part.width = split.width;
    const auto size = std::size_t(std::max<qint64>(0, split.sampleSize()));
    auto copyRange = [&](const auto &source, auto &target, std::size_t each) {
        const std::size_t begin = std::min(source.size(), std::size_t(from) * each);
        const std::size_t end = std::min(source.size(), std::size_t(from + n) * each);
        target.assign(source.begin() + std::ptrdiff_t(begin), source.begin() + std::ptrdiff_t(end));
    };
    copyRange(split.pixels, part.pixels, size);
    copyRange(split.features, part.features, size);
    copyRange(split.labels, part.labels, 1);
    if (split.isEvents()) {
        const std::int64_t first = split.eventOffsets.at(std::size_t(from));
        const std::int64_t last = split.eventOffsets.at(std::size_t(from + n));
        part.events.assign(
            split.events.begin() + std::ptrdiff_t(first), split.events.begin() + std::ptrdiff_t(last));
        part.eventOffsets.reserve(std::size_t(n) + 1);
        for (int i = 0; i <= n; ++i)
            part.eventOffsets.push_back(split.eventOffsets.at(std::size_t(from + i)) - first);
    }
    return part;
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

ActivityOutcome SpikesSource::measure(const std::function<bool(int, int)> &progress, int chunk) const
{
    ActivityOutcome outcome;
    outcome.runId = m_runId;
    const int total = testCount();
    chunk = std::max(1, chunk);
    ActivityReport sum;
    double synOps = 0.0;
    for (int from = 0; from < total; from += chunk) {
        if (progress && !progress(from, total)) {
            outcome.cancelled = true;
            return outcome;
        }
        const int n = std::min(chunk, total - from);
        const auto part = m_model->activity(splitSlice(m_dataset.test, from, n), 0);
        if (!part) {
            outcome.error = part.error();
            return outcome;
        }
        if (sum.layers.isEmpty()) {
            sum = *part;
            for (ActivityReport::Layer &layer : sum.layers)
                layer.spikesPerImage = layer.firingRate = 0.0;
            sum.samples = 0;
        }
        // Per-image averages: summed weighted by the chunk's images, divided at the end.
        for (int i = 0; i < sum.layers.size() && i < part->layers.size(); ++i) {
            sum.layers[i].spikesPerImage += part->layers.at(i).spikesPerImage * part->samples;
            sum.layers[i].firingRate += part->layers.at(i).firingRate * part->samples;
        }
        synOps += part->synapticOpsPerImage * part->samples;
        sum.samples += part->samples;
    }
    if (progress)
        progress(total, total);
    if (sum.samples > 0) {
        for (ActivityReport::Layer &layer : sum.layers) {
            layer.spikesPerImage /= sum.samples;
            layer.firingRate /= sum.samples;
        }
        sum.synapticOpsPerImage = synOps / sum.samples;
    }
    outcome.report = sum;
    return outcome;
}

} // namespace qb
