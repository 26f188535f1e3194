#pragma once

#include "data/dataset.h"
#include "train/trainedmodel.h"
#include "util/result.h"

#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace qb {

/// What the spikes view shows for one test image: every spiking layer's spikes and membrane over
/// the time steps, the image itself and its class. A plain value: made in a worker thread, shown in
/// the GUI thread.
struct SpikesResult
{
    qint64 runId = -1;
    QString error; ///< not empty: loading or running failed (names the run or file)
    int index = 0;
    int testCount = 0; ///< test images available (the run's test limit, or the whole split)
    int label = -1;
    QString className;
    QStringList classNames; ///< the dataset's (names the output neurons)
    QImage image; ///< null for event and tabular data
    QList<SpikingLayerActivity> layers;
};

/// Spiking activity over the test images: ActivityReport plus how the job ended.
struct ActivityOutcome
{
    qint64 runId = -1;
    QString error;
    bool cancelled = false;
    ActivityReport report;
};

/// A trained spiking run with its dataset, loaded once in a worker thread and kept by the spikes
/// view for the next images (loading takes seconds, one image a few milliseconds). Its functions are
/// const but not meant to run concurrently: the view runs one job at a time.
class SpikesSource
{
public:
    /// Loads run `runId` from the store at `dbPath` (a connection of the calling thread) and its
    /// dataset. Fails for a run without spiking layers.
    static Result<std::shared_ptr<SpikesSource>> open(
        const QString &dbPath, qint64 runId, const QString &dataDir);

    qint64 runId() const { return m_runId; }
    int testCount() const;
    /// TrainedModel::spikeActivity for test image `index` (clamped to the test images).
    SpikesResult probe(int index) const;
    /// TrainedModel::activity over the run's test images; `progress(done, total)` reports between
    /// its batches and cancels by returning false.
    ActivityOutcome measure(const std::function<bool(int, int)> &progress) const;

private:
    SpikesSource() = default;

    qint64 m_runId = -1;
    std::shared_ptr<TrainedModel> m_model;
    Dataset m_dataset;
};

/// "run N has no spiking layers" (the view tells such runs apart from failures).
QString notSpikingMessage(qint64 runId);

} // namespace qb
