#include "training/trainingcontroller.h"

#include "training/trainingworker.h"

#include <QThread>

namespace qb {

TrainingController::TrainingController(QObject *parent)
    : QObject(parent)
{
    registerTrainingMetaTypes();
}

TrainingController::~TrainingController()
{
    if (!m_thread)
        return;
    m_control.cancel.store(true);
    m_control.pause.store(false);
    m_thread->quit();
    m_thread->wait();
    // The thread has stopped: the worker can go from here. Its queued signals to us are dropped with
    // this object.
    delete m_worker;
    delete m_thread;
}

void TrainingController::ensureThread()
{
    if (m_thread)
        return;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("qb-training"));
    m_worker = new TrainingWorker(&m_control);
    m_worker->moveToThread(m_thread);

    connect(m_worker, &TrainingWorker::loadingDataset, this, &TrainingController::loadingDataset);
    connect(m_worker, &TrainingWorker::runStarted, this, [this](qint64 runId, int index, int repeats) {
        m_currentRunId = runId;
        Q_EMIT runStarted(runId, index, repeats);
    });
    connect(m_worker, &TrainingWorker::batchProgress, this, &TrainingController::batchProgress);
    connect(m_worker, &TrainingWorker::epochFinished, this, &TrainingController::epochFinished);
    connect(m_worker, &TrainingWorker::runFinished, this,
        [this](qint64 runId, RunStatus status, const QString &message) {
            m_currentRunId = -1;
            Q_EMIT runFinished(runId, status, message);
        });
    connect(m_worker, &TrainingWorker::finished, this, &TrainingController::onRequestEnded);
    connect(m_worker, &TrainingWorker::cancelled, this, &TrainingController::onRequestEnded);
    connect(m_worker, &TrainingWorker::failed, this, &TrainingController::onRequestEnded);
    m_thread->start();
}

bool TrainingController::start(const TrainingRequest &request)
{
    if (m_running)
        return false;
    ensureThread();
    m_control.cancel.store(false);
    m_control.pause.store(false);
    m_request = request;
    m_running = true;
    m_paused = false;
    m_currentRunId = -1;
    TrainingWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, request] { worker->process(request); }, Qt::QueuedConnection);
    Q_EMIT stateChanged();
    return true;
}

void TrainingController::pause()
{
    if (!m_running || m_paused)
        return;
    m_control.pause.store(true);
    m_paused = true;
    Q_EMIT stateChanged();
}

void TrainingController::resume()
{
    if (!m_running || !m_paused)
        return;
    m_control.pause.store(false);
    m_paused = false;
    Q_EMIT stateChanged();
}

void TrainingController::stop()
{
    if (!m_running)
        return;
    m_control.cancel.store(true);
    // A paused trainer sees the cancel flag too; clearing pause keeps the state honest.
    m_control.pause.store(false);
    if (m_paused) {
        m_paused = false;
        Q_EMIT stateChanged();
    }
}

void TrainingController::onRequestEnded()
{
    m_running = false;
    m_paused = false;
    m_currentRunId = -1;
    m_control.pause.store(false);
    Q_EMIT allFinished();
    Q_EMIT stateChanged();
}

} // namespace qb
