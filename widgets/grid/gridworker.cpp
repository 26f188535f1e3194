#include "grid/gridworker.h"

#include "train/gridrunner.h"

#include <exception>

namespace qb {

GridWorker::GridWorker(const std::atomic_bool *cancel, QObject *parent)
    : QObject(parent)
    , m_cancel(cancel)
{
}

void GridWorker::run(const QString &dbPath, qint64 gridId, const QString &cliPath, int jobs)
{
    // The worker boundary: nothing thrown may end the program.
    try {
        LocalGridExecutor::Options options;
        options.cliPath = cliPath;
        options.jobs = jobs;
        LocalGridExecutor executor(dbPath, gridId, options);
        const Result<GridMergeReport> report = executor.run(
            [this](const LocalGridExecutor::Progress &p, const GridTrialStatus *changed) {
                if (changed)
                    Q_EMIT trialChanged(changed->index, int(changed->state), changed->runId, changed->error);
                Q_EMIT progress(p.total, p.merged, p.failed, p.running, p.etaSeconds);
            },
            m_cancel);
        if (!report) {
            Q_EMIT failed(report.error());
            return;
        }
        // The final word on the trials that ended (a trial whose task could not start has no result
        // file, and reads pending here: the executor's own report of it stands).
        for (const GridTrialStatus &t : report->trials) {
            if (t.state != GridTrialStatus::State::Pending)
                Q_EMIT trialChanged(t.index, int(t.state), t.runId, t.error);
        }
        Q_EMIT finished(report->count(GridTrialStatus::State::Merged),
            report->count(GridTrialStatus::State::Failed), report->count(GridTrialStatus::State::Pending));
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
    } catch (...) {
        Q_EMIT failed(tr("unknown error"));
    }
}

} // namespace qb
