#include "analysis/analysisactions.h"

#include "analysis/analysiscontroller.h"
#include "analysis/chipevaluationdialog.h"
#include "analysis/noisesweepdialog.h"
#include "analysis/ptqsweepdialog.h"

#include <QAction>
#include <QMessageBox>
#include <QProgressDialog>
#include <QWidget>

namespace qb {

AnalysisActions::AnalysisActions(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_controller(new AnalysisController(this))
{
    const auto make = [this](Which which, const QString &text, const QString &objectName,
                          void (AnalysisActions::*slot)()) {
        auto *action = new QAction(text, this);
        action->setObjectName(objectName);
        connect(action, &QAction::triggered, this, slot);
        m_actions[which] = action;
    };
    make(EvaluateChipsAction, tr("Evaluate on &chips…"), QStringLiteral("evaluateChipsAction"),
        &AnalysisActions::evaluateOnChips);
    make(NoiseSweepAction, tr("&Noise sweep…"), QStringLiteral("noiseSweepAction"),
        &AnalysisActions::noiseSweep);
    make(PtqSweepAction, tr("&Fixed-point sweep…"), QStringLiteral("ptqSweepAction"),
        &AnalysisActions::ptqSweep);
    m_cancel = new QAction(tr("Cancel &analysis"), this);
    m_cancel->setObjectName(QStringLiteral("cancelAnalysisAction"));
    m_cancel->setToolTip(
        tr("Stop the running evaluation or sweep after the current point; nothing is stored"));
    connect(m_cancel, &QAction::triggered, this, &AnalysisActions::cancel);

    connect(m_controller, &AnalysisController::started, this, &AnalysisActions::onStarted);
    connect(m_controller, &AnalysisController::progress, this, &AnalysisActions::onProgress);
    connect(m_controller, &AnalysisController::stored, this, &AnalysisActions::onStored);
    connect(m_controller, &AnalysisController::cancelled, this, &AnalysisActions::onCancelled);
    connect(m_controller, &AnalysisController::failed, this, &AnalysisActions::onFailed);
    connect(m_controller, &AnalysisController::stateChanged, this, &AnalysisActions::updateActions);
    updateActions();
}

AnalysisActions::~AnalysisActions() = default;

void AnalysisActions::setDatabasePath(const QString &path) { m_dbPath = path; }

void AnalysisActions::setDataDirectory(const QString &dir) { m_dataDir = dir; }

void AnalysisActions::setSelectedRuns(const QList<RunRecord> &runs)
{
    m_selected = runs;
    updateActions();
}

void AnalysisActions::setTrainingRunning(bool running)
{
    if (m_trainingRunning == running)
        return;
    m_trainingRunning = running;
    updateActions();
}

std::optional<RunRecord> AnalysisActions::targetRun() const
{
    for (const RunRecord &run : m_selected) {
        if (run.status == RunStatus::Finished)
            return run;
    }
    return std::nullopt;
}

bool AnalysisActions::isBusy() const { return m_controller->isRunning(); }

QList<QAction *> AnalysisActions::actions() const
{
    return {m_actions[EvaluateChipsAction], m_actions[NoiseSweepAction], m_actions[PtqSweepAction]};
}

void AnalysisActions::updateActions()
{
    const std::optional<RunRecord> run = targetRun();
    QString reason;
    if (m_controller->isRunning()) {
        reason = tr("%1 is running: one analysis at a time.").arg(m_controller->title());
    } else if (m_trainingRunning) {
        reason = tr("Available when training has finished: training and evaluation draw from the same random "
                    "generator, so running them together would change the numbers of both.");
    } else if (!run) {
        reason = m_selected.isEmpty()
            ? tr("Select a finished run in the History first.")
            : tr("The selected run has not finished; select a finished run in the History.");
    }
    const bool enabled = reason.isEmpty();
    const qint64 id = run ? run->id : -1;
    const QString tips[ActionCount] = {
        tr("Evaluate run %1 on simulated chips (Monte Carlo) and store the result").arg(id),
        tr("Sweep a nonideality parameter over run %1 on simulated chips and store the result").arg(id),
        tr("Sweep the fraction bits of a fixed-point rounding of run %1 and store the result").arg(id),
    };
    for (int i = 0; i < ActionCount; ++i) {
        m_actions[i]->setEnabled(enabled);
        m_actions[i]->setToolTip(enabled ? tips[i] : reason);
    }
    m_cancel->setEnabled(m_controller->isRunning() && !m_controller->isCancelling());
}

void AnalysisActions::evaluateOnChips()
{
    const std::optional<RunRecord> run = targetRun();
    if (!run || !m_actions[EvaluateChipsAction]->isEnabled())
        return;
    ChipEvaluationDialog dialog(*run, m_window);
    if (dialog.exec() == QDialog::Accepted)
        start(dialog.request());
}

void AnalysisActions::noiseSweep()
{
    const std::optional<RunRecord> run = targetRun();
    if (!run || !m_actions[NoiseSweepAction]->isEnabled())
        return;
    NoiseSweepDialog dialog(*run, m_window);
    if (dialog.exec() == QDialog::Accepted)
        start(dialog.request());
}

void AnalysisActions::ptqSweep()
{
    const std::optional<RunRecord> run = targetRun();
    if (!run || !m_actions[PtqSweepAction]->isEnabled())
        return;
    PtqSweepDialog dialog(*run, m_window);
    if (dialog.exec() == QDialog::Accepted)
        start(dialog.request());
}

bool AnalysisActions::start(NoiseSweepRequest request)
{
    request.dbPath = m_dbPath;
    request.dataDir = m_dataDir;
    return m_controller->startNoiseSweep(request);
}

bool AnalysisActions::start(PtqSweepRequest request)
{
    request.dbPath = m_dbPath;
    request.dataDir = m_dataDir;
    return m_controller->startPtqSweep(request);
}

void AnalysisActions::cancel()
{
    if (!m_controller->isRunning() || m_controller->isCancelling())
        return;
    m_controller->cancel();
    Q_EMIT statusMessage(tr("%1: cancelling after the current point…").arg(m_controller->title()));
}

void AnalysisActions::onStarted()
{
    if (!m_progress) {
        m_progress = new QProgressDialog(m_window);
        m_progress->setObjectName(QStringLiteral("analysisProgress"));
        m_progress->setWindowModality(Qt::NonModal); // the window stays usable while the job runs
        m_progress->setAutoClose(false);
        m_progress->setAutoReset(false);
        m_progress->setMinimumDuration(0);
        m_progress->setMinimumWidth(380);
        m_progress->setCancelButtonText(tr("Cancel"));
        connect(m_progress, &QProgressDialog::canceled, this, &AnalysisActions::cancel);
    }
    const QString text = tr("%1: loading the run and its data…").arg(m_controller->title());
    m_progress->setWindowTitle(m_controller->title());
    m_progress->setLabelText(text);
    m_progress->setRange(0, 0);
    m_progress->show();
    Q_EMIT statusMessage(text);
    Q_EMIT busyChanged(true);
}

void AnalysisActions::onProgress(int done, int total)
{
    if (m_controller->isCancelling())
        return;
    const QString text = done < total
        ? tr("%1: point %2 of %3…").arg(m_controller->title()).arg(done + 1).arg(total)
        : tr("%1: storing the result…").arg(m_controller->title());
    if (m_progress) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->setLabelText(text);
    }
    Q_EMIT statusMessage(text);
}

void AnalysisActions::onStored(const SweepRecord &sweep)
{
    closeProgress();
    const qint64 runId = m_controller->runId();
    const int points = int(sweep.points.size());
    QString text;
    switch (m_controller->kind()) {
    case AnalysisController::Kind::MonteCarlo:
        text = tr("Monte-Carlo evaluation of run %1 stored: %2, mean accuracy %3 %.")
                   .arg(runId)
                   .arg(tr("%n chip(s)", "", m_controller->chips()))
                   .arg(sweep.points.isEmpty() ? 0.0 : sweep.points.first().accuracyMean * 100.0, 0, 'f', 1);
        break;
    case AnalysisController::Kind::NoiseSweep:
        text = tr("Noise sweep of run %1 stored: %2, %3 each.")
                   .arg(runId)
                   .arg(tr("%n point(s)", "", points), tr("%n chip(s)", "", m_controller->chips()));
        break;
    case AnalysisController::Kind::PtqSweep:
        text = tr("Fixed-point sweep of run %1 stored: %2.").arg(runId).arg(tr("%n point(s)", "", points));
        break;
    }
    Q_EMIT statusMessage(text);
    Q_EMIT busyChanged(false);
    Q_EMIT sweepStored(runId, sweep.id);
}

void AnalysisActions::onCancelled()
{
    closeProgress();
    Q_EMIT statusMessage(tr("%1 cancelled; nothing was stored.").arg(m_controller->title()));
    Q_EMIT busyChanged(false);
}

void AnalysisActions::onFailed(const QString &message)
{
    closeProgress();
    const QString text = tr("%1 failed: %2").arg(m_controller->title(), message);
    Q_EMIT statusMessage(text);
    Q_EMIT busyChanged(false);
    // Not exec(): the message must not block whoever is waiting for the job's end.
    auto *box = new QMessageBox(QMessageBox::Warning, m_controller->title(), text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("analysisFailure"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void AnalysisActions::closeProgress()
{
    if (m_progress) {
        m_progress->reset();
        m_progress->hide();
    }
}

} // namespace qb
