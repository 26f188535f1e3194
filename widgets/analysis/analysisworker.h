#pragma once

#include "store/runrecord.h"
#include "train/noisesweep.h"
#include "train/ptqsweep.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>

namespace qb {

/// Runs one analysis job (Monte-Carlo evaluation, noise sweep, fixed-point sweep) with the same core
/// call as quantbench-cli. Lives in the analysis thread (moved there by AnalysisController); a job
/// blocks that thread until it ends. The core reports after each point; the worker forwards that as
/// progress() and answers with the cancel flag, which the controller sets from the GUI thread.
///
/// Every job ends with exactly one of stored(), cancelled() or failed(). Nothing thrown escapes.
class AnalysisWorker : public QObject
{
    Q_OBJECT
public:
    /// `cancel` is owned by the caller and must outlive the worker.
    explicit AnalysisWorker(const std::atomic_bool *cancel, QObject *parent = nullptr);

    /// NoiseSweep::run (a plain Monte-Carlo evaluation when the request names no parameter).
    void runNoise(NoiseSweepRequest request);
    /// PtqSweep::run.
    void runPtq(PtqSweepRequest request);

Q_SIGNALS:
    /// `done` of `total` points evaluated (done = 0: the run and its data are loaded).
    void progress(int done, int total);
    void stored(const qb::SweepRecord &sweep);
    void cancelled();
    void failed(const QString &message);

private:
    std::function<bool(int, int)> progressCallback();
    template <typename Outcome> void report(const Outcome &outcome);
    /// Runs `job`, turning anything thrown into failed().
    void guarded(const std::function<void()> &job);

    const std::atomic_bool *m_cancel;
};

} // namespace qb
