#pragma once

#include "grid/gridspec.h"
#include "spec/experimentspec.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <functional>

class QAction;
class QThread;
class QWidget;

namespace qb {

class GridProgressDialog;
class GridWorker;

/// Run ▸ Grid… and Cancel grid: opens the GridDialog on the workbench's experiment, then takes the
/// CLI's path: createGrid() (records the grid, or finds it again to resume), then either the local
/// executor on a worker thread (GridWorker, progress in a GridProgressDialog listing the trials,
/// Cancel) or submitGridToSlurm() and a message with the job ids. Lives in the GUI thread and owns
/// the grid thread; its destructor cancels a running grid and joins the thread (the trial processes
/// are terminated). One grid at a time. Grids train in their own processes, so they do not exclude
/// training or the analysis jobs.
class GridActions : public QObject
{
    Q_OBJECT
public:
    struct Executor
    {
        bool slurm = false;
        int jobs = 1; ///< local: trials at once
        QString partition; ///< slurm
        int throttle = 0; ///< slurm: tasks at once per array (0: no limit)
    };

    /// `window` parents the dialogs.
    explicit GridActions(QWidget *window);
    ~GridActions() override;

    void setDatabasePath(const QString &path) { m_dbPath = path; }
    void setDataDirectory(const QString &dir) { m_dataDir = dir; }
    /// quantbench-cli (default: beside this executable).
    void setCliPath(const QString &path) { m_cliPath = path; }
    QString cliPath() const { return m_cliPath; }
    /// Where the dialog's base experiment comes from (the open network and the training settings).
    void setExperimentSource(std::function<ExperimentSpec()> source) { m_experiment = std::move(source); }

    QAction *gridAction() const { return m_gridAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    GridProgressDialog *progressDialog() const { return m_progress; }
    bool isBusy() const { return m_running; }
    qint64 currentGridId() const { return m_gridId; }

    /// What the dialog does once accepted: creates (or resumes) the grid and runs or submits it.
    /// False (with a message) when the grid cannot be created or a grid is running.
    bool start(const GridSpec &grid, const Executor &executor);

public Q_SLOTS:
    void openDialog();
    void cancel();

Q_SIGNALS:
    void statusMessage(const QString &text);
    /// Trials of grid `gridId` were merged into the history (reload it).
    void trialsMerged(qint64 gridId);
    /// The local grid ended (finished, failed or cancelled).
    void gridEnded(qint64 gridId);
    void busyChanged(bool busy);

private:
    bool submitToSlurm(qint64 gridId, const QString &workDir, const Executor &executor);
    void onTrialChanged(int index, int state, qint64 runId, const QString &error);
    void onProgress(int total, int merged, int failed, int running, double eta);
    void onFinished(int merged, int failed, int pending);
    void onFailed(const QString &message);
    void end();
    void showMessage(const QString &title, const QString &text, bool warning);

    QWidget *m_window;
    QAction *m_gridAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QString m_dbPath;
    QString m_dataDir;
    QString m_cliPath;
    std::function<ExperimentSpec()> m_experiment;
    std::atomic_bool m_cancel{false};
    QThread *m_thread = nullptr;
    GridWorker *m_worker = nullptr;
    GridProgressDialog *m_progress = nullptr;
    bool m_running = false;
    qint64 m_gridId = -1;
    int m_lastMerged = 0;
    int m_failed = 0; ///< as the executor counted them (a task that could not start leaves no result)
};

} // namespace qb
