#pragma once

#include "store/runrecord.h"
#include "train/noisesweep.h"
#include "train/ptqsweep.h"

#include <QObject>
#include <QString>

#include <atomic>

class QThread;

namespace qb {

class AnalysisWorker;

/// Runs the research jobs of a recorded run in the background for the GUI: a Monte-Carlo evaluation
/// over simulated chips, a noise sweep, a fixed-point (PTQ) sweep, each through the very core call
/// quantbench-cli makes (NoiseSweep::run, PtqSweep::run), so the stored sweep is the one the CLI
/// would store. Lives in the GUI thread; owns one QThread (started on the first job) with an
/// AnalysisWorker moved to it, and the cancel flag the worker answers the core with after each point.
/// One job at a time. The destructor cancels a running job and joins the thread (which waits for the
/// point being evaluated).
///
/// Signal order per job: started(), progress() (done = 0 once the run and its data are loaded, then
/// once per point), then exactly one of stored(), cancelled() or failed(); isRunning() is already false
/// when they arrive, so a handler may start the next job.
class AnalysisController : public QObject
{
    Q_OBJECT
public:
    enum class Kind { MonteCarlo, NoiseSweep, PtqSweep };

    explicit AnalysisController(QObject *parent = nullptr);
    ~AnalysisController() override;

    /// Starts NoiseSweep::run(request): a noise sweep, or a Monte-Carlo evaluation when the request
    /// names no parameter. False (and nothing happens) while a job runs.
    bool startNoiseSweep(const NoiseSweepRequest &request);
    /// Starts PtqSweep::run(request). False (and nothing happens) while a job runs.
    bool startPtqSweep(const PtqSweepRequest &request);
    /// Asks the running job to stop after the current point; it then stores nothing and ends with
    /// cancelled().
    void cancel();

    bool isRunning() const { return m_running; }
    bool isCancelling() const { return m_running && m_cancel.load(); }
    /// The job running now, or the last one.
    Kind kind() const { return m_kind; }
    qint64 runId() const { return m_runId; }
    /// Chips per point of a Monte-Carlo evaluation or noise sweep (0 for a fixed-point sweep).
    int chips() const { return m_chips; }
    /// "Noise sweep of run 5", for progress and status messages.
    QString title() const { return titleOf(m_kind, m_runId); }
    static QString titleOf(Kind kind, qint64 runId);

Q_SIGNALS:
    void started();
    /// `done` of `total` points evaluated.
    void progress(int done, int total);
    void stored(const qb::SweepRecord &sweep);
    void cancelled();
    /// The core's message (e.g. a missing dataset file, named).
    void failed(const QString &message);
    /// isRunning() or isCancelling() changed.
    void stateChanged();

private:
    void ensureThread();
    bool begin(Kind kind, qint64 runId, int chips);
    void end();

    std::atomic_bool m_cancel{false};
    QThread *m_thread = nullptr;
    AnalysisWorker *m_worker = nullptr;
    Kind m_kind = Kind::NoiseSweep;
    qint64 m_runId = -1;
    int m_chips = 0;
    bool m_running = false;
};

} // namespace qb
