#include "training/trainingworker.h"

#include "data/dataset.h"
#include "data/datasetlocator.h"
#include "train/experimentrunner.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <exception>

namespace qb {

Q_LOGGING_CATEGORY(lcTrainingWorker, "qb.widgets.training")

/// Forwards the runner's progress as signals (called on the training thread), throttling batches.
class TrainingWorker::Observer : public TrainObserver
{
public:
    Observer(TrainingWorker *worker, int repeats)
        : m_worker(worker)
        , m_repeats(repeats)
    {
    }

    void setIndex(int index) { m_index = index; }
    qint64 runId() const { return m_runId; }

    void onRunStarted(qint64 runId) override
    {
        m_runId = runId;
        m_sinceBatch.invalidate();
        Q_EMIT m_worker->runStarted(runId, m_index, m_repeats);
    }

    void onBatch(const BatchProgress &progress) override
    {
        const bool lastOfEpoch = progress.batch >= progress.batches;
        if (!lastOfEpoch && m_sinceBatch.isValid() && m_sinceBatch.elapsed() < kBatchIntervalMs)
            return;
        m_sinceBatch.start();
        Q_EMIT m_worker->batchProgress(progress);
    }

    Status onEpoch(const EpochMetrics &metrics) override
    {
        Q_EMIT m_worker->epochFinished(m_runId, metrics);
        return Status();
    }

private:
    TrainingWorker *m_worker;
    int m_repeats;
    int m_index = 0;
    qint64 m_runId = -1;
    QElapsedTimer m_sinceBatch;
};

TrainingWorker::TrainingWorker(TrainControl *control, QObject *parent)
    : QObject(parent)
    , m_control(control)
{
    registerTrainingMetaTypes();
}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::process(const TrainingRequest &request)
{
    // The worker boundary: nothing thrown in core (torch errors included) may end the program.
    try {
        processUnguarded(request);
    } catch (const std::exception &e) {
        const QString message
            = tr("Training failed: %1").arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
        qCWarning(lcTrainingWorker) << message;
        Q_EMIT runFinished(-1, RunStatus::Failed, message);
        Q_EMIT failed(message);
    } catch (...) {
        const QString message = tr("Training failed with an unknown error.");
        Q_EMIT runFinished(-1, RunStatus::Failed, message);
        Q_EMIT failed(message);
    }
}

void TrainingWorker::processUnguarded(const TrainingRequest &request)
{
    const int repeats = qMax(1, request.repeats);
    Q_EMIT loadingDataset(request.spec.dataset);
    QString error;
    const Dataset *dataset = cachedDataset(request.spec.dataset, request.dataDir, &error);
    if (!dataset) {
        Q_EMIT runFinished(-1, RunStatus::Failed, error);
        Q_EMIT failed(error);
        return;
    }
    if (m_control && m_control->cancel.load()) {
        Q_EMIT cancelled();
        return;
    }

    RunRequest runRequest;
    runRequest.spec = request.spec;
    runRequest.dataDir = request.dataDir;
    runRequest.dbPath = request.dbPath;
    runRequest.dataset = dataset;

    Observer observer(this, repeats);
    ExperimentRunner runner(runRequest);
    runner.setObserver(&observer);
    runner.setControl(m_control);

    QString failure;
    bool wasCancelled = false;
    runner.runRepeated(repeats, [&](int index, const RunOutcome &outcome) {
        RunStatus status = outcome.result.status;
        QString message = outcome.error;
        if (outcome.problem != RunOutcome::Problem::None) {
            status = RunStatus::Failed;
            if (message.isEmpty())
                message = outcome.result.error;
        } else if (status == RunStatus::Failed) {
            message = outcome.result.error;
        }
        if (status == RunStatus::Failed)
            failure = message.isEmpty() ? tr("Training failed.") : message;
        else if (status == RunStatus::Cancelled)
            wasCancelled = true;
        Q_EMIT runFinished(outcome.runId, status, message);
        observer.setIndex(index + 1);
    });

    if (!failure.isEmpty())
        Q_EMIT failed(failure);
    else if (wasCancelled)
        Q_EMIT cancelled();
    else
        Q_EMIT finished();
}

const Dataset *TrainingWorker::cachedDataset(const QString &name, const QString &dataDir, QString *error)
{
    if (m_dataset && m_datasetName == name && m_datasetDir == dataDir)
        return m_dataset.get();
    m_dataset.reset(); // free the old one before reading the next
    auto loaded = DatasetLocator::load(name, dataDir);
    ++m_datasetLoads;
    if (!loaded) {
        *error = loaded.error();
        return nullptr;
    }
    m_dataset = std::make_unique<Dataset>(std::move(*loaded));
    m_datasetName = name;
    m_datasetDir = dataDir;
    return m_dataset.get();
}

} // namespace qb
