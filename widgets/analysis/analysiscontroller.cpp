#include "analysis/analysiscontroller.h"

#include "analysis/analysisworker.h"

#include <QMetaType>
#include <QThread>

namespace qb {

AnalysisController::AnalysisController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<qb::SweepRecord>("qb::SweepRecord");
}

AnalysisController::~AnalysisController()
{
    if (!m_thread)
        return;
    m_cancel.store(true);
    m_thread->quit();
    m_thread->wait();
    // The thread has stopped: the worker can go from here; its queued signals go with this object.
    delete m_worker;
    delete m_thread;
}

QString AnalysisController::titleOf(Kind kind, qint64 runId)
{
    switch (kind) {
    case Kind::MonteCarlo:
        return tr("Monte-Carlo evaluation of run %1").arg(runId);
    case Kind::NoiseSweep:
        return tr("Noise sweep of run %1").arg(runId);
    case Kind::PtqSweep:
        return tr("Fixed-point sweep of run %1").arg(runId);
    }
    return QString();
}

void AnalysisController::ensureThread()
{
    if (m_thread)
        return;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("qb-analysis"));
    m_worker = new AnalysisWorker(&m_cancel);
    m_worker->moveToThread(m_thread);
    connect(m_worker, &AnalysisWorker::progress, this, [this](int done, int total) {
        if (m_running)
            Q_EMIT progress(done, total);
    });
    connect(m_worker, &AnalysisWorker::stored, this, [this](const SweepRecord &sweep) {
        end();
        Q_EMIT stored(sweep);
    });
    connect(m_worker, &AnalysisWorker::cancelled, this, [this] {
        end();
        Q_EMIT cancelled();
    });
    connect(m_worker, &AnalysisWorker::failed, this, [this](const QString &message) {
        end();
        Q_EMIT failed(message);
    });
    m_thread->start();
}

bool AnalysisController::begin(Kind kind, qint64 runId, int chips)
{
    if (m_running)
        return false;
    ensureThread();
    m_cancel.store(false);
    m_kind = kind;
    m_runId = runId;
    m_chips = chips;
    m_running = true;
    Q_EMIT started();
    Q_EMIT stateChanged();
    return true;
}

void AnalysisController::end()
{
    m_running = false;
    Q_EMIT stateChanged();
}

bool AnalysisController::startNoiseSweep(const NoiseSweepRequest &request)
{
    const Kind kind = request.parameter.isEmpty() ? Kind::MonteCarlo : Kind::NoiseSweep;
    if (!begin(kind, request.runId, request.chips))
        return false;
    AnalysisWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, request] { worker->runNoise(request); }, Qt::QueuedConnection);
    return true;
}

bool AnalysisController::startPtqSweep(const PtqSweepRequest &request)
{
    if (!begin(Kind::PtqSweep, request.runId, 0))
        return false;
    AnalysisWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, request] { worker->runPtq(request); }, Qt::QueuedConnection);
    return true;
}

void AnalysisController::cancel()
{
    if (!m_running || m_cancel.load())
        return;
    m_cancel.store(true);
    Q_EMIT stateChanged();
}

} // namespace qb
