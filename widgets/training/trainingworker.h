#pragma once

#include "train/trainobserver.h"
#include "training/trainingrequest.h"

#include <QObject>
#include <QString>

#include <memory>

namespace qb {

struct Dataset;

/// Runs experiments with ExperimentRunner. Lives in the training thread (moved there by
/// TrainingController); process() blocks that thread for the whole request. Progress leaves through
/// signals, which reach GUI-thread receivers queued. Batch progress is throttled to about 20 signals
/// a second (the last batch of every epoch always goes out).
///
/// Every request ends with exactly one of finished(), cancelled() or failed(); before that, every
/// attempted run ends with one runFinished() (run id -1 when the run failed before its history row
/// was written, e.g. a missing dataset). Nothing thrown escapes process().
///
/// The last dataset loaded is kept (keyed by name and data folder) so that the next run on the same
/// data starts without reading the files again.
class TrainingWorker : public QObject
{
    Q_OBJECT
public:
    /// `control` (cancel / pause flags) is owned by the caller and must outlive the worker.
    explicit TrainingWorker(TrainControl *control, QObject *parent = nullptr);
    ~TrainingWorker() override;

    /// How many times a dataset was read from disk (for tests of the cache).
    int datasetLoads() const { return m_datasetLoads; }

    /// Minimum interval between two batch signals inside an epoch.
    static constexpr int kBatchIntervalMs = 50;

public Q_SLOTS:
    void process(const qb::TrainingRequest &request);

Q_SIGNALS:
    void loadingDataset(const QString &name);
    void runStarted(qint64 runId, int index, int repeats);
    void batchProgress(const qb::BatchProgress &progress);
    void epochFinished(qint64 runId, const qb::EpochMetrics &metrics);
    void runFinished(qint64 runId, qb::RunStatus status, const QString &message);
    void finished();
    void cancelled();
    void failed(const QString &message);

private:
    class Observer;
    void processUnguarded(const TrainingRequest &request);
    const Dataset *cachedDataset(const QString &name, const QString &dataDir, QString *error);

    TrainControl *m_control;
    std::unique_ptr<Dataset> m_dataset;
    QString m_datasetName;
    QString m_datasetDir;
    int m_datasetLoads = 0;
};

} // namespace qb
