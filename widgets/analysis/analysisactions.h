#pragma once

#include "store/runrecord.h"
#include "train/noisesweep.h"
#include "train/ptqsweep.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

class QAction;
class QProgressDialog;
class QWidget;

namespace qb {

class AnalysisController;

/// The research workflows of a recorded run as actions for the Run menu and the History's context
/// menu: Evaluate on chips…, Noise sweep…, Fixed-point sweep… (and Cancel analysis). Each opens its
/// dialog, then runs the job on an AnalysisController with a progress dialog ("point 3 of 5",
/// Cancel) and status messages. Lives in the GUI thread; the main window feeds it the selection and
/// the training state and shows what it reports.
///
/// The actions act on the first finished run of the selection and are disabled, with a tooltip
/// saying why, when there is none, while a job runs (one at a time) or while training runs: the
/// trainer and the evaluation both seed and draw from torch's global random generator, so running
/// them together would change the numbers of both. For the same reason the main window keeps
/// training from starting while a job runs (busyChanged()).
class AnalysisActions : public QObject
{
    Q_OBJECT
public:
    enum Which { EvaluateChipsAction, NoiseSweepAction, PtqSweepAction, ActionCount };

    /// `window` parents the dialogs.
    explicit AnalysisActions(QWidget *window);
    ~AnalysisActions() override;

    void setDatabasePath(const QString &path);
    void setDataDirectory(const QString &dir);
    /// The history's selection, in view order.
    void setSelectedRuns(const QList<RunRecord> &runs);
    void setTrainingRunning(bool running);

    /// The run the actions act on: the first finished run of the selection.
    std::optional<RunRecord> targetRun() const;
    bool isBusy() const;

    QAction *action(Which which) const { return m_actions[which]; }
    /// The three job actions, in menu order.
    QList<QAction *> actions() const;
    QAction *cancelAction() const { return m_cancel; }
    AnalysisController *controller() const { return m_controller; }
    /// The progress dialog of the running (or last) job; nullptr before the first.
    QProgressDialog *progressDialog() const { return m_progress; }

    /// Starts a job (what the dialogs do once accepted); the history and data folder are filled in.
    bool start(NoiseSweepRequest request);
    bool start(PtqSweepRequest request);

public Q_SLOTS:
    void evaluateOnChips();
    void noiseSweep();
    void ptqSweep();
    /// Asks the running job to stop after the current point (nothing is stored).
    void cancel();

Q_SIGNALS:
    /// A line for the status bar: progress, what was stored, a cancel or a failure.
    void statusMessage(const QString &text);
    /// A sweep of `runId` was stored (refresh and raise the sweeps view).
    void sweepStored(qint64 runId, qint64 sweepId);
    /// isBusy() changed.
    void busyChanged(bool busy);

private:
    void updateActions();
    void onStarted();
    void onProgress(int done, int total);
    void onStored(const SweepRecord &sweep);
    void onCancelled();
    void onFailed(const QString &message);
    void closeProgress();

    QWidget *m_window;
    AnalysisController *m_controller;
    QAction *m_actions[ActionCount] = {};
    QAction *m_cancel = nullptr;
    QProgressDialog *m_progress = nullptr;
    QString m_dbPath;
    QString m_dataDir;
    QList<RunRecord> m_selected;
    bool m_trainingRunning = false;
};

} // namespace qb
