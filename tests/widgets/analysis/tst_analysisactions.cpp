// AnalysisActions: the Run menu's and the History's Evaluate on chips… / Noise sweep… / Fixed-point
// sweep…: enabled only for a finished run and while nothing else runs (with a tooltip saying why),
// dialogs that start the job, progress, status messages, cancel.
#include "analysis/analysisactions.h"
#include "analysis/analysiscontroller.h"
#include "analysis/noisesweepdialog.h"

#include "core/train/trainedrun.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace qb;

class TestAnalysisActions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void disabledWithoutAFinishedRun();
    void actsOnTheFirstFinishedRun();
    void disabledWhileTraining();
    void dialogStartsTheJobAndReportsWhatWasStored();
    void cancelFromTheProgressDialog();
    void failureIsReported();

private:
    static RunRecord record(qint64 id, RunStatus status)
    {
        RunRecord r;
        r.id = id;
        r.status = status;
        return r;
    }
    static void verifyAll(const AnalysisActions &actions, bool enabled, const QString &tipMentions)
    {
        for (QAction *action : actions.actions()) {
            QCOMPARE(action->isEnabled(), enabled);
            QVERIFY2(action->toolTip().contains(tipMentions), qPrintable(action->toolTip()));
        }
    }

    QTemporaryDir m_dir;
    testdata::TrainedRun m_run;
    QWidget m_window;
};

static constexpr int kTimeoutMs = 120000;

void TestAnalysisActions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_run = testdata::trainSmallRun(m_dir.path());
    QVERIFY2(m_run.runId > 0, qPrintable(m_run.error));
}

void TestAnalysisActions::disabledWithoutAFinishedRun()
{
    AnalysisActions actions(&m_window);
    QCOMPARE(actions.actions().size(), 3);
    verifyAll(actions, false, QStringLiteral("Select a finished run"));
    QVERIFY(!actions.cancelAction()->isEnabled());
    actions.setSelectedRuns({record(4, RunStatus::Failed), record(5, RunStatus::Running)});
    verifyAll(actions, false, QStringLiteral("not finished"));
    QVERIFY(!actions.targetRun());
    actions.setSelectedRuns({});
    verifyAll(actions, false, QStringLiteral("Select a finished run"));
}

void TestAnalysisActions::actsOnTheFirstFinishedRun()
{
    AnalysisActions actions(&m_window);
    actions.setSelectedRuns(
        {record(4, RunStatus::Cancelled), record(9, RunStatus::Finished), record(2, RunStatus::Finished)});
    QVERIFY(actions.targetRun());
    QCOMPARE(actions.targetRun()->id, qint64(9));
    verifyAll(actions, true, QStringLiteral("run 9"));
}

void TestAnalysisActions::disabledWhileTraining()
{
    AnalysisActions actions(&m_window);
    actions.setSelectedRuns({record(9, RunStatus::Finished)});
    actions.setTrainingRunning(true);
    verifyAll(actions, false, QStringLiteral("training"));
    actions.setTrainingRunning(false);
    verifyAll(actions, true, QStringLiteral("run 9"));
}

void TestAnalysisActions::dialogStartsTheJobAndReportsWhatWasStored()
{
    AnalysisActions actions(&m_window);
    actions.setDatabasePath(m_run.dbPath);
    actions.setDataDirectory(m_run.dataDir);
    RunRecord run = record(m_run.runId, RunStatus::Finished);
    actions.setSelectedRuns({run});
    QSignalSpy messages(&actions, &AnalysisActions::statusMessage);
    QSignalSpy busy(&actions, &AnalysisActions::busyChanged);
    QSignalSpy stored(&actions, &AnalysisActions::sweepStored);

    // The user picks Noise sweep…, types two values and presses Start.
    bool dialogSeen = false;
    QTimer::singleShot(0, this, [&dialogSeen] {
        auto *dialog = qobject_cast<NoiseSweepDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialogSeen = true;
        dialog->valuesEdit()->setText(QStringLiteral("0, 0.8"));
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    });
    actions.action(AnalysisActions::NoiseSweepAction)->trigger();
    QVERIFY(dialogSeen);
    QVERIFY(actions.isBusy());
    QCOMPARE(busy.count(), 1);
    QVERIFY(busy.first().first().toBool());
    // One job at a time: the actions wait, and say why.
    verifyAll(actions, false, QStringLiteral("running"));
    QVERIFY(actions.cancelAction()->isEnabled());
    QVERIFY(actions.progressDialog() && actions.progressDialog()->isVisible());

    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, kTimeoutMs);
    QCOMPARE(stored.first().first().toLongLong(), m_run.runId);
    QCOMPARE(busy.count(), 2);
    QVERIFY(!busy.last().first().toBool());
    QVERIFY(!actions.progressDialog()->isVisible());
    verifyAll(actions, true, QStringLiteral("run %1").arg(m_run.runId));
    QStringList texts;
    for (const auto &m : messages)
        texts << m.first().toString();
    QVERIFY2(texts.contains(QStringLiteral("Noise sweep of run %1: point 1 of 2…").arg(m_run.runId)),
        qPrintable(texts.join('\n')));
    QVERIFY2(texts.contains(QStringLiteral("Noise sweep of run %1: point 2 of 2…").arg(m_run.runId)),
        qPrintable(texts.join('\n')));
    QCOMPARE(texts.last(),
        QStringLiteral("Noise sweep of run %1 stored: 2 point(s), 10 chip(s) each.").arg(m_run.runId));
}

void TestAnalysisActions::cancelFromTheProgressDialog()
{
    AnalysisActions actions(&m_window);
    actions.setDatabasePath(m_run.dbPath);
    actions.setDataDirectory(m_run.dataDir);
    QSignalSpy messages(&actions, &AnalysisActions::statusMessage);
    QSignalSpy stored(&actions, &AnalysisActions::sweepStored);
    QSignalSpy cancelled(actions.controller(), &AnalysisController::cancelled);
    NoiseSweepRequest request;
    request.runId = m_run.runId;
    request.parameter = QStringLiteral("weight_noise.sigma");
    request.values = {0.0, 0.1, 0.2, 0.4, 0.8};
    QVERIFY(actions.start(request));
    QVERIFY(actions.progressDialog());
    // Cancel before the worker has loaded the run: the core sees it at its first report.
    Q_EMIT actions.progressDialog()->canceled();
    QVERIFY(!actions.cancelAction()->isEnabled()); // already cancelling
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, kTimeoutMs);
    QCOMPARE(stored.count(), 0);
    QVERIFY(!actions.isBusy());
    QCOMPARE(messages.last().first().toString(),
        QStringLiteral("Noise sweep of run %1 cancelled; nothing was stored.").arg(m_run.runId));
}

void TestAnalysisActions::failureIsReported()
{
    AnalysisActions actions(&m_window);
    actions.setDatabasePath(m_run.dbPath);
    actions.setDataDirectory(m_run.dataDir);
    QSignalSpy messages(&actions, &AnalysisActions::statusMessage);
    QSignalSpy busy(&actions, &AnalysisActions::busyChanged);
    PtqSweepRequest request;
    request.runId = 4242;
    QVERIFY(actions.start(request));
    QTRY_COMPARE_WITH_TIMEOUT(busy.count(), 2, kTimeoutMs);
    const QString text = messages.last().first().toString();
    QVERIFY2(text.startsWith(QStringLiteral("Fixed-point sweep of run 4242 failed: ")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("4242")), qPrintable(text));
    QVERIFY(!text.contains(QLatin1Char('\n')));
}

QTEST_MAIN(TestAnalysisActions)
#include "tst_analysisactions.moc"
