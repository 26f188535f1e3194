#include "transfer/runtransferactions.h"

#include "transfer/exportrundialog.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace qb {

namespace {

std::optional<RunRecord> exportable(const QList<RunRecord> &runs)
{
    for (const RunRecord &r : runs)
        if (r.epochsDone > 0 && r.status != RunStatus::Running)
            return r;
    return std::nullopt;
}

QString documentsFolder()
{
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return docs.isEmpty() ? QDir::homePath() : docs;
}

} // namespace

RunTransferActions::RunTransferActions(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    m_export = new QAction(tr("E&xport run…"), this);
    m_export->setObjectName(QStringLiteral("exportRunAction"));
    connect(m_export, &QAction::triggered, this, &RunTransferActions::exportRun);
    m_import = new QAction(tr("&Import run…"), this);
    m_import->setObjectName(QStringLiteral("importRunAction"));
    m_import->setToolTip(tr("Add a run bundle (.qbrun) to this history"));
    connect(m_import, &QAction::triggered, this, &RunTransferActions::importRun);
    updateActions();
}

RunTransferActions::~RunTransferActions()
{
    if (m_cancel)
        m_cancel->store(true);
}

void RunTransferActions::setDatabasePath(const QString &path) { m_dbPath = path; }

void RunTransferActions::setDataDirectory(const QString &dir) { m_dataDir = dir; }

void RunTransferActions::setSelectedRuns(const QList<RunRecord> &runs)
{
    m_selected = runs;
    updateActions();
}

void RunTransferActions::setBlocked(const QString &reason)
{
    m_blocked = reason;
    updateActions();
}

void RunTransferActions::updateActions()
{
    const std::optional<RunRecord> run = exportable(m_selected);
    QString why;
    if (m_busy)
        why = tr("An export or import is running");
    else if (!m_blocked.isEmpty())
        why = m_blocked;
    else if (!run)
        why = tr("Select a run that finished at least one epoch in the History");
    m_export->setEnabled(why.isEmpty());
    m_export->setToolTip(why.isEmpty() ? tr("Export run %1 (%2)").arg(run->id).arg(run->name) : why);
    m_import->setEnabled(!m_busy && m_blocked.isEmpty());
}

void RunTransferActions::setBusy(bool busy)
{
    m_busy = busy;
    updateActions();
    Q_EMIT busyChanged(busy);
}

void RunTransferActions::exportRun()
{
    const std::optional<RunRecord> run = exportable(m_selected);
    if (!run || m_busy)
        return;
    ExportRunDialog dialog(*run, documentsFolder(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    startExport(dialog.request());
}

void RunTransferActions::showProgress(const QString &title)
{
    if (m_progress)
        m_progress->deleteLater();
    m_progress = new QProgressDialog(title, tr("Cancel"), 0, 100, m_window);
    m_progress->setObjectName(QStringLiteral("transferProgress"));
    m_progress->setWindowTitle(title);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setValue(0);
    std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    connect(m_progress, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });
}

void RunTransferActions::startExport(ExportRequest request)
{
    if (m_busy)
        return;
    request.dbPath = m_dbPath;
    request.dataDir = m_dataDir;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    QPointer<RunTransferActions> self(this);
    request.progress = [self, cancel](double fraction, const QString &stage) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, fraction, stage] {
                if (self && self->m_progress) {
                    self->m_progress->setValue(int(fraction * 100));
                    self->m_progress->setLabelText(stage);
                }
            },
            Qt::QueuedConnection);
        return !cancel->load();
    };
    setBusy(true);
    showProgress(tr("Exporting run %1").arg(request.runId));
    Q_EMIT statusMessage(tr("Exporting run %1…").arg(request.runId));
    auto *watcher = new QFutureWatcher<ExportResult>(this);
    connect(watcher, &QFutureWatcher<ExportResult>::finished, this, [this, watcher, request] {
        const ExportResult r = watcher->result();
        watcher->deleteLater();
        if (r.problem == ExportProblem::Cancelled) {
            report(false, tr("Export cancelled"), tr("The export of run %1 was cancelled; nothing was written.").arg(request.runId));
            return;
        }
        if (r.problem != ExportProblem::None) {
            report(false, tr("Export failed"), tr("Run %1 could not be exported:\n%2").arg(request.runId).arg(r.error));
            return;
        }
        QStringList files;
        for (const QString &f : r.outcome.files)
            files << QDir::toNativeSeparators(f);
        QString message = tr("Run %1 was written to:\n%2").arg(request.runId).arg(files.join(QLatin1Char('\n')));
        if (!r.outcome.note.isEmpty())
            message += QStringLiteral("\n\n") + r.outcome.note;
        report(true, tr("Export finished"), message);
    });
    watcher->setFuture(QtConcurrent::run([request] { return qb::exportRun(request); }));
}

void RunTransferActions::importRun()
{
    if (m_busy)
        return;
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Import run"), documentsFolder(), tr("QuantBench run bundles (*.qbrun);;All files (*)"));
    if (!path.isEmpty())
        startImport(path);
}

void RunTransferActions::startImport(const QString &bundlePath)
{
    if (m_busy)
        return;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    setBusy(true);
    showProgress(tr("Importing %1").arg(QDir::toNativeSeparators(bundlePath)));
    m_progress->setRange(0, 0); // one step: busy indicator
    m_progress->setCancelButton(nullptr);
    Q_EMIT statusMessage(tr("Importing %1…").arg(QDir::toNativeSeparators(bundlePath)));
    auto *watcher = new QFutureWatcher<ImportResult>(this);
    const QString db = m_dbPath;
    connect(watcher, &QFutureWatcher<ImportResult>::finished, this, [this, watcher, bundlePath] {
        const ImportResult r = watcher->result();
        watcher->deleteLater();
        const QString file = QDir::toNativeSeparators(bundlePath);
        if (r.problem != ExportProblem::None) {
            report(false, tr("Import failed"), tr("%1 could not be imported:\n%2").arg(file, r.error));
            return;
        }
        Q_EMIT runImported(r.runId);
        report(true, tr("Import finished"),
            r.alreadyPresent ? tr("%1 was imported before, as run %2; nothing was added.").arg(file).arg(r.runId)
                             : tr("%1 was imported as run %2.").arg(file).arg(r.runId));
    });
    watcher->setFuture(QtConcurrent::run([db, bundlePath] { return qb::importRun(db, bundlePath); }));
}

void RunTransferActions::report(bool ok, const QString &title, const QString &message)
{
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
    }
    setBusy(false);
    QString line = message.section(QStringLiteral("\n\n"), 0, 0); // without the note
    Q_EMIT statusMessage(line.replace(QLatin1Char('\n'), QLatin1Char(' ')));
    Q_EMIT finished(ok, message);
    // Not exec(): the message must not block whoever waits for the job's end (tests, the monkey).
    auto *box = new QMessageBox(ok ? QMessageBox::Information : QMessageBox::Warning, title, message,
        QMessageBox::Ok, m_window);
    box->setObjectName(ok ? QStringLiteral("transferDone") : QStringLiteral("transferFailure"));
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace qb
