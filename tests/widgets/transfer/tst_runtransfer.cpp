// Export run… / Import run… in the window's terms: the dialog's format chooser and options, the
// actions' enabled state and reasons, and real jobs on the worker thread (a bundle exported,
// imported into another history once, an unwritable path reported with its name).
#include "core/train/trainedrun.h"

#include "transfer/exportrundialog.h"
#include "transfer/runtransferactions.h"

#include "store/experimentstore.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace qb;

class TestRunTransfer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    testdata::TrainedRun m_run;
    RunRecord m_record;

    /// Waits for the job's end and closes its message box; returns (ok, message).
    static std::pair<bool, QString> waitForJob(RunTransferActions &actions, QWidget &window)
    {
        QSignalSpy finished(&actions, &RunTransferActions::finished);
        if (!finished.wait(240000))
            return {false, QStringLiteral("timed out")};
        const bool ok = finished.first().at(0).toBool();
        const QString message = finished.first().at(1).toString();
        auto *box = window.findChild<QMessageBox *>(ok ? QStringLiteral("transferDone") : QStringLiteral("transferFailure"));
        if (box)
            box->close();
        else
            return {false, QStringLiteral("no message box: ") + message};
        return {ok, message};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_run = testdata::trainSmallRun(m_dir.filePath(QStringLiteral("trained")));
        QVERIFY2(m_run.runId > 0, qPrintable(m_run.error));
        ExperimentStore store;
        QVERIFY(store.open(m_run.dbPath));
        m_record = *store.run(m_run.runId);
    }

    void theDialogFollowsTheFormat()
    {
        ExportRunDialog dialog(m_record, m_dir.path());
        auto *path = dialog.findChild<QLineEdit *>(QStringLiteral("exportPath"));
        auto *latent = dialog.findChild<QCheckBox *>(QStringLiteral("exportLatent"));
        auto *prefix = dialog.findChild<QLineEdit *>(QStringLiteral("exportPrefix"));
        QVERIFY(path && latent && prefix);
        dialog.setFormat(ExportFormat::Onnx);
        QVERIFY2(path->text().endsWith(QStringLiteral(".onnx")), qPrintable(path->text()));
        QVERIFY(latent->isHidden());
        dialog.setFormat(ExportFormat::Npz);
        QVERIFY2(path->text().endsWith(QStringLiteral(".npz")), qPrintable(path->text()));
        QVERIFY(!latent->isHidden());
        dialog.setFormat(ExportFormat::C);
        QVERIFY(!prefix->isHidden());
        // A path the user typed is kept when the format changes.
        path->setText(m_dir.filePath(QStringLiteral("mine.bin")));
        dialog.setFormat(ExportFormat::Report);
        QCOMPARE(path->text(), m_dir.filePath(QStringLiteral("mine.bin")));
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        path->clear();
        QVERIFY(!ok->isEnabled());
        dialog.setFormat(ExportFormat::C);
        path->setText(m_dir.filePath(QStringLiteral("lib")));
        prefix->setText(QString());
        QVERIFY(!ok->isEnabled());
        prefix->setText(QStringLiteral("my_net"));
        QVERIFY(ok->isEnabled());
        // QB_SCREENSHOT_DIR: a picture of the dialog, to look at (not an assertion).
        if (const QString shots = qEnvironmentVariable("QB_SCREENSHOT_DIR"); !shots.isEmpty()) {
            dialog.setFormat(ExportFormat::Onnx);
            dialog.show();
            QVERIFY(dialog.grab().save(shots + QStringLiteral("/export-dialog.png")));
            dialog.setFormat(ExportFormat::C);
        }
        const ExportRequest r = dialog.request();
        QCOMPARE(r.runId, m_run.runId);
        QCOMPARE(r.format, ExportFormat::C);
        QCOMPARE(r.cPrefix, QStringLiteral("my_net"));
    }

    void theActionsSayWhyTheyWait()
    {
        QWidget window;
        RunTransferActions actions(&window);
        QVERIFY(!actions.exportAction()->isEnabled());
        QVERIFY(actions.exportAction()->toolTip().contains(QStringLiteral("Select a run")));
        actions.setSelectedRuns({m_record});
        QVERIFY(actions.exportAction()->isEnabled());
        actions.setBlocked(QStringLiteral("Export waits until training has finished"));
        QVERIFY(!actions.exportAction()->isEnabled());
        QVERIFY(!actions.importAction()->isEnabled());
        QCOMPARE(actions.exportAction()->toolTip(), QStringLiteral("Export waits until training has finished"));
        actions.setBlocked(QString());
        RunRecord running = m_record;
        running.status = RunStatus::Running;
        actions.setSelectedRuns({running});
        QVERIFY(!actions.exportAction()->isEnabled());
    }

    void aBundleGoesOutAndComesBackOnce()
    {
        QWidget window;
        RunTransferActions actions(&window);
        actions.setDatabasePath(m_run.dbPath);
        actions.setDataDirectory(m_run.dataDir);
        actions.setSelectedRuns({m_record});
        ExportRequest request;
        request.runId = m_run.runId;
        request.format = ExportFormat::Bundle;
        request.outPath = m_dir.filePath(QStringLiteral("out/run.qbrun"));
        actions.startExport(request);
        QVERIFY(actions.isBusy());
        QVERIFY(!actions.exportAction()->isEnabled());
        auto [ok, message] = waitForJob(actions, window);
        QVERIFY2(ok, qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("run.qbrun")), qPrintable(message));
        QVERIFY(QFileInfo(request.outPath).size() > 0);
        QVERIFY(!actions.isBusy());

        RunTransferActions importer(&window);
        const QString other = m_dir.filePath(QStringLiteral("other.sqlite"));
        importer.setDatabasePath(other);
        QSignalSpy imported(&importer, &RunTransferActions::runImported);
        importer.startImport(request.outPath);
        std::tie(ok, message) = waitForJob(importer, window);
        QVERIFY2(ok, qPrintable(message));
        QCOMPARE(imported.size(), 1);
        const qint64 id = imported.first().first().toLongLong();
        importer.startImport(request.outPath);
        std::tie(ok, message) = waitForJob(importer, window);
        QVERIFY2(ok && message.contains(QStringLiteral("nothing was added")), qPrintable(message));
        ExperimentStore store;
        QVERIFY(store.open(other));
        QCOMPARE(store.runs()->size(), 1);
        QCOMPARE(store.run(id)->finalTestAccuracy, m_record.finalTestAccuracy);
    }

    void anUnwritablePathIsNamed()
    {
        QWidget window;
        RunTransferActions actions(&window);
        actions.setDatabasePath(m_run.dbPath);
        actions.setDataDirectory(m_run.dataDir);
        const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        ExportRequest request;
        request.runId = m_run.runId;
        request.format = ExportFormat::Onnx;
        request.outPath = blocker + QStringLiteral("/m.onnx");
        actions.startExport(request);
        const auto [ok, message] = waitForJob(actions, window);
        QVERIFY(!ok);
        QVERIFY2(message.contains(request.outPath), qPrintable(message));
        QVERIFY(!QFileInfo::exists(request.outPath));
    }
};

QTEST_MAIN(TestRunTransfer)
#include "tst_runtransfer.moc"
