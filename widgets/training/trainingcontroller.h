#pragma once

#include "store/runrecord.h"
#include "train/trainobserver.h"
#include "training/trainingrequest.h"

#include <QObject>
#include <QString>

class QThread;

namespace qb {

class TrainingWorker;

/// Runs training in the background for the GUI. Lives in the GUI thread; owns one QThread (started
/// on the first request) with a TrainingWorker moved to it, and the cancel/pause flags the Trainer
/// reads between batches. One request at a time. The destructor cancels a running job and joins the
/// thread.
///
/// Signal order per request: for each run, runStarted (once its history row exists), batchProgress
/// (throttled to ~20/s) and epochFinished, then runFinished; at the end allFinished(). A run that
/// fails before its row is written (missing dataset, invalid network) reports runFinished with id -1.
class TrainingController : public QObject
{
    Q_OBJECT
public:
    explicit TrainingController(QObject *parent = nullptr);
    ~TrainingController() override;

    /// Starts training; false (and nothing happens) while a request is running.
    bool start(const TrainingRequest &request);
    void pause();
    void resume();
    /// Asks the running job to stop after the current batch; the run is recorded as cancelled.
    void stop();

    bool isRunning() const { return m_running; }
    bool isPaused() const { return m_running && m_paused; }
    /// The request running now, or the last one.
    const TrainingRequest &request() const { return m_request; }
    /// The run being trained (-1 before its row exists or when idle).
    qint64 currentRunId() const { return m_currentRunId; }

Q_SIGNALS:
    /// The dataset is being located/read (may take a few seconds the first time).
    void loadingDataset(const QString &name);
    void runStarted(qint64 runId, int index, int repeats);
    void batchProgress(const qb::BatchProgress &progress);
    void epochFinished(qint64 runId, const qb::EpochMetrics &metrics);
    void runFinished(qint64 runId, qb::RunStatus status, const QString &message);
    /// The request ended (finished, cancelled or failed: see runFinished for each run).
    void allFinished();
    /// isRunning() or isPaused() changed.
    void stateChanged();

private:
    void ensureThread();
    void onRequestEnded();

    TrainControl m_control;
    QThread *m_thread = nullptr;
    TrainingWorker *m_worker = nullptr;
    TrainingRequest m_request;
    qint64 m_currentRunId = -1;
    bool m_running = false;
    bool m_paused = false;
};

} // namespace qb
