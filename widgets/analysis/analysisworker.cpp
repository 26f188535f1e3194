#include "analysis/analysisworker.h"

#include <QLoggingCategory>

#include <exception>

namespace qb {

Q_LOGGING_CATEGORY(lcAnalysisWorker, "qb.widgets.analysis")

AnalysisWorker::AnalysisWorker(const std::atomic_bool *cancel, QObject *parent)
    : QObject(parent)
    , m_cancel(cancel)
{
}

std::function<bool(int, int)> AnalysisWorker::progressCallback()
{
    return [this](int done, int total) {
        Q_EMIT progress(done, total);
        return !m_cancel->load();
    };
}

template <typename Outcome> void AnalysisWorker::report(const Outcome &outcome)
{
    using P = typename Outcome::Problem;
    switch (outcome.problem) {
    case P::None:
        Q_EMIT stored(outcome.sweep);
        return;
    case P::Cancelled:
        Q_EMIT cancelled();
        return;
    case P::BadInput:
    case P::Failure:
        qCWarning(lcAnalysisWorker) << outcome.error;
        Q_EMIT failed(outcome.error);
        return;
    }
}

void AnalysisWorker::guarded(const std::function<void()> &job)
{
    // The worker boundary: nothing thrown in core (torch errors included) may end the program, and
    // only the first line of a message reaches the user (never a stack trace).
    try {
        job();
    } catch (const std::exception &e) {
        const QString message = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
        qCWarning(lcAnalysisWorker) << message;
        Q_EMIT failed(message);
    } catch (...) {
        Q_EMIT failed(tr("unknown error"));
    }
}

void AnalysisWorker::runNoise(NoiseSweepRequest request)
{
    request.progress = progressCallback();
    guarded([this, &request] { report(NoiseSweep::run(request)); });
}

void AnalysisWorker::runPtq(PtqSweepRequest request)
{
    request.progress = progressCallback();
    guarded([this, &request] { report(PtqSweep::run(request)); });
}

} // namespace qb
