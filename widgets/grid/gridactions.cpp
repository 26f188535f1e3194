#include "grid/gridactions.h"

#include "grid/griddialog.h"
#include "grid/gridprogressdialog.h"
#include "grid/gridworker.h"
#include "grid/slurmgrid.h"
#include "store/experimentstore.h"
#include "train/gridrunner.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QTableWidget>
#include <QThread>
#include <QWidget>

namespace qb {

GridActions::GridActions(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_cliPath(QCoreApplication::applicationDirPath() + QStringLiteral("/quantbench-cli"))
{
    m_gridAction = new QAction(tr("&Grid…"), this);
    m_gridAction->setObjectName(QStringLiteral("gridAction"));
    m_gridAction->setToolTip(
        tr("Train every combination of chosen settings of this experiment, with several seeds"));
    connect(m_gridAction, &QAction::triggered, this, &GridActions::openDialog);
    m_cancelAction = new QAction(tr("Cancel g&rid"), this);
    m_cancelAction->setObjectName(QStringLiteral("cancelGridAction"));
    m_cancelAction->setToolTip(tr("Stop the running grid's trials; start the same grid again to go on"));
    m_cancelAction->setEnabled(false);
    connect(m_cancelAction, &QAction::triggered, this, &GridActions::cancel);
}

GridActions::~GridActions()
{
    if (m_thread) {
        m_cancel.store(true);
        m_thread->quit();
        m_thread->wait();
    }
}

void GridActions::openDialog()
{
    if (m_running) {
        Q_EMIT statusMessage(tr("A grid is running: one grid at a time."));
        if (m_progress) {
            m_progress->show();
            m_progress->raise();
        }
        return;
    }
    const ExperimentSpec base = m_experiment ? m_experiment() : ExperimentSpec();
    GridDialog dialog(base, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Result<GridSpec> grid = dialog.grid();
    if (!grid)
        return; // accept() checked it; the experiment cannot have changed meanwhile
    Executor executor;
    executor.slurm = dialog.useSlurm();
    executor.jobs = dialog.jobs();
    executor.partition = dialog.partition();
    executor.throttle = dialog.throttle();
    start(*grid, executor);
}

void GridActions::showMessage(const QString &title, const QString &text, bool warning)
{
    // Not exec(): whoever waits for the grid must not be blocked by the message.
    auto *box = new QMessageBox(
        warning ? QMessageBox::Warning : QMessageBox::Information, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("gridMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
}

bool GridActions::start(const GridSpec &grid, const Executor &executor)
{
    if (m_running)
        return false;
    GridCreateRequest request;
    request.dbPath = m_dbPath;
    request.grid = grid;
    request.executor = executor.slurm ? QStringLiteral("slurm") : QStringLiteral("local");
    request.dataDir = m_dataDir;
    const Result<GridCreated> created = createGrid(request);
    if (!created) {
        Q_EMIT statusMessage(tr("The grid was not started: %1").arg(created.error()));
        showMessage(tr("Grid"), tr("The grid was not started: %1").arg(created.error()), true);
        return false;
    }
    const GridRecord &record = created->record;
    if (executor.slurm)
        return submitToSlurm(record.id, record.workDir, executor);

    m_gridId = record.id;
    if (!m_progress) {
        m_progress = new GridProgressDialog(m_window);
        connect(m_progress, &GridProgressDialog::cancelRequested, this, &GridActions::cancel);
    }
    m_progress->setGrid(record.id, grid);
    m_progress->show();
    if (!m_thread) {
        m_thread = new QThread(this);
        m_thread->setObjectName(QStringLiteral("grid"));
        m_worker = new GridWorker(&m_cancel);
        m_worker->moveToThread(m_thread);
        connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        connect(m_worker, &GridWorker::trialChanged, this, &GridActions::onTrialChanged);
        connect(m_worker, &GridWorker::progress, this, &GridActions::onProgress);
        connect(m_worker, &GridWorker::finished, this, &GridActions::onFinished);
        connect(m_worker, &GridWorker::failed, this, &GridActions::onFailed);
        m_thread->start();
    }
    m_cancel.store(false);
    m_running = true;
    m_lastMerged = -1;
    m_failed = 0;
    m_cancelAction->setEnabled(true);
    Q_EMIT busyChanged(true);
    Q_EMIT statusMessage(created->resumed
            ? tr("Resuming grid %1: %n trial(s)…", "", grid.trialCount()).arg(record.id)
            : tr("Grid %1: %n trial(s)…", "", grid.trialCount()).arg(record.id));
    const QString db = m_dbPath;
    const QString cli = m_cliPath;
    const int jobs = executor.jobs;
    const qint64 id = record.id;
    GridWorker *worker = m_worker;
    QMetaObject::invokeMethod(m_worker, [worker, db, id, cli, jobs] { worker->run(db, id, cli, jobs); });
    return true;
}

bool GridActions::submitToSlurm(qint64 gridId, const QString &workDir, const Executor &executor)
{
    const QString db = m_dbPath.isEmpty() ? ExperimentStore::defaultPath() : m_dbPath;
    const Result<GridMergeReport> report = mergeGrid(db, gridId);
    if (!report) {
        showMessage(tr("Grid"), report.error(), true);
        return false;
    }
    SlurmGridRequest slurm;
    slurm.gridId = gridId;
    slurm.dbPath = QFileInfo(db).absoluteFilePath();
    slurm.workDir = workDir;
    slurm.cliPath = m_cliPath;
    slurm.partition = executor.partition;
    slurm.throttle = executor.throttle;
    for (const GridTrialStatus &t : report->trials) {
        if (t.state != GridTrialStatus::State::Merged)
            slurm.trials.append(t.index);
    }
    if (slurm.trials.isEmpty()) {
        showMessage(tr("Grid"), tr("Every trial of grid %1 is finished already.").arg(gridId), false);
        return true;
    }
    const Result<SlurmGridSubmission> submitted = submitGridToSlurm(slurm);
    if (!submitted) {
        showMessage(tr("Grid"),
            tr("Submitting grid %1 to Slurm failed: %2").arg(gridId).arg(submitted.error()), true);
        return false;
    }
    ExperimentStore store;
    if (const Status s = store.open(db); s)
        store.setGridJobs(gridId, submitted->arrayJobs + QStringList{submitted->mergeJob});
    const QString text
        = tr("Submitted %n trial(s) of grid %1 as Slurm array job(s) %2; merge job %3 imports them "
             "into the history when they end.\nFollow it with 'quantbench-cli grid status %1', stop it "
             "with 'quantbench-cli grid cancel %1'; the History shows the runs once merged.",
            "", int(slurm.trials.size()))
              .arg(gridId)
              .arg(submitted->arrayJobs.join(QStringLiteral(", ")), submitted->mergeJob);
    Q_EMIT statusMessage(tr("Grid %1 submitted to Slurm.").arg(gridId));
    showMessage(tr("Grid submitted"), text, false);
    return true;
}

void GridActions::cancel()
{
    if (!m_running || m_cancel.load())
        return;
    m_cancel.store(true);
    m_cancelAction->setEnabled(false);
    Q_EMIT statusMessage(tr("Grid %1: stopping the running trials…").arg(m_gridId));
}

void GridActions::onTrialChanged(int index, int state, qint64 runId, const QString &error)
{
    using S = GridProgressDialog::TrialState;
    if (!m_progress)
        return;
    switch (GridTrialStatus::State(state)) {
    case GridTrialStatus::State::Merged:
        m_progress->setTrialState(index, S::Finished, tr("run %1").arg(runId));
        break;
    case GridTrialStatus::State::Failed:
        m_progress->setTrialState(index, S::Failed, error);
        break;
    case GridTrialStatus::State::Pending:
        // Pending is reported when a task starts, and again when it ended without a result (cancelled).
        if (m_progress->trialState(index) == S::Running)
            m_progress->setTrialState(index, S::Pending);
        else if (m_progress->trialState(index) == S::Pending && m_running && !m_cancel.load())
            m_progress->setTrialState(index, S::Running);
        break;
    }
}

void GridActions::onProgress(int total, int merged, int failed, int running, double eta)
{
    m_failed = failed;
    if (m_progress)
        m_progress->setProgress(total, merged, failed, running, eta);
    if (merged != m_lastMerged) {
        if (m_lastMerged >= 0 || merged > 0)
            Q_EMIT trialsMerged(m_gridId);
        m_lastMerged = merged;
    }
    Q_EMIT statusMessage(tr("Grid %1: %2 of %3 trials finished, %4 failed, %5 running…")
                             .arg(m_gridId)
                             .arg(merged)
                             .arg(total)
                             .arg(failed)
                             .arg(running));
}

void GridActions::onFinished(int merged, int failed, int pending)
{
    failed = std::max(failed, m_failed);
    const bool cancelled = m_cancel.load();
    const QString text = cancelled
        ? tr("Grid %1 stopped: %2 trials finished, %3 pending. Start the same grid again to go on.")
              .arg(m_gridId)
              .arg(merged)
              .arg(pending)
        : tr("Grid %1 ended: %2 trials finished, %3 failed.").arg(m_gridId).arg(merged).arg(failed);
    if (m_progress)
        m_progress->setEnded(text);
    Q_EMIT statusMessage(text);
    end();
}

void GridActions::onFailed(const QString &message)
{
    const QString text = tr("Grid %1 failed: %2").arg(m_gridId).arg(message);
    if (m_progress)
        m_progress->setEnded(text);
    Q_EMIT statusMessage(text);
    end();
    showMessage(tr("Grid"), text, true);
}

void GridActions::end()
{
    if (m_progress) {
        for (int i = 0; i < m_progress->table()->rowCount(); ++i) {
            if (m_progress->trialState(i) == GridProgressDialog::TrialState::Running)
                m_progress->setTrialState(i, GridProgressDialog::TrialState::Pending);
        }
    }
    m_running = false;
    m_cancelAction->setEnabled(false);
    Q_EMIT trialsMerged(m_gridId);
    Q_EMIT busyChanged(false);
    Q_EMIT gridEnded(m_gridId);
}

} // namespace qb
