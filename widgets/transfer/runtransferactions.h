#pragma once

#include "store/runrecord.h"
#include "train/runexporter.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <memory>

class QAction;
class QProgressDialog;
class QWidget;

namespace qb {

/// Export run… and Import run… for the File menu and the History's context menu. Export opens
/// ExportRunDialog for the first selected run, then runs qb::exportRun on a worker thread with a
/// progress dialog (Cancel stops before anything is written) and ends with a message naming what
/// was written; Import asks for a .qbrun file, imports it on a worker thread and reports the new
/// run (runImported, so the window can refresh and select it). Errors are shown as they come from
/// core, naming the file, layer or field.
///
/// Export evaluates the run for the report's and the bundle's confusion matrix, drawing from
/// torch's global generator like training and the analysis jobs; so, like them, it waits while
/// either runs (setBlocked, with the reason as the actions' tooltip).
class RunTransferActions : public QObject
{
    Q_OBJECT
public:
    explicit RunTransferActions(QWidget *window);
    ~RunTransferActions() override;

    void setDatabasePath(const QString &path);
    void setDataDirectory(const QString &dir);
    void setSelectedRuns(const QList<RunRecord> &runs);
    /// Empty reason: allowed; else why the actions wait (shown as their tooltip).
    void setBlocked(const QString &reason);

    QAction *exportAction() const { return m_export; }
    QAction *importAction() const { return m_import; }
    bool isBusy() const { return m_busy; }

    /// Runs an export without the dialog (what the dialog does once accepted; tests call it).
    void startExport(ExportRequest request);
    /// Imports `bundlePath` without the file dialog.
    void startImport(const QString &bundlePath);

public Q_SLOTS:
    void exportRun();
    void importRun();

Q_SIGNALS:
    void statusMessage(const QString &text);
    void runImported(qint64 runId);
    /// A job finished; `ok` false when it failed or was cancelled (the message says why).
    void finished(bool ok, const QString &message);
    void busyChanged(bool busy);

private:
    void updateActions();
    void setBusy(bool busy);
    void showProgress(const QString &title);
    void report(bool ok, const QString &title, const QString &message);

    QWidget *m_window;
    QAction *m_export = nullptr;
    QAction *m_import = nullptr;
    QString m_dbPath;
    QString m_dataDir;
    QList<RunRecord> m_selected;
    QString m_blocked;
    bool m_busy = false;
    QPointer<QProgressDialog> m_progress;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace qb
