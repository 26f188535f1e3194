#pragma once

#include <QObject>
#include <QString>

#include <atomic>

namespace qb {

/// Runs a grid's remaining trials with LocalGridExecutor (the same call as `quantbench-cli grid`).
/// Lives in GridActions' thread; run() blocks that thread until the grid ends. The executor's
/// progress comes back as plain values (only values cross threads); the cancel flag belongs to
/// GridActions, set from the GUI thread. Every run ends with exactly one of finished() or failed().
class GridWorker : public QObject
{
    Q_OBJECT
public:
    explicit GridWorker(const std::atomic_bool *cancel, QObject *parent = nullptr);

    void run(const QString &dbPath, qint64 gridId, const QString &cliPath, int jobs);

Q_SIGNALS:
    void progress(int total, int merged, int failed, int running, double etaSeconds);
    /// A trial started (state Pending while it runs) or ended; `state` is GridTrialStatus::State.
    void trialChanged(int index, int state, qint64 runId, const QString &error);
    void finished(int merged, int failed, int pending);
    void failed(const QString &message);

private:
    const std::atomic_bool *m_cancel;
};

} // namespace qb
