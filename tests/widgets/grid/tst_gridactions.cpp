// GridActions end to end: a tiny local grid (2 configurations x 1 seed, one epoch on a small
// generated MNIST-format set) started through the same path as the dialog, trained by the real
// quantbench-cli ($QB_CLI) in task processes, until the History lists both runs as a grid's
// (widgets/grid).

#include "widgets/training/trainingtestutil.h"

#include "grid/gridactions.h"
#include "grid/gridprogressdialog.h"
#include "history/historypanel.h"
#include "history/runtablemodel.h"
#include "spec/presetlibrary.h"
#include "store/experimentstore.h"

#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

using namespace qb;

namespace {
const QString g_home = qbtest::isolatedHome();
}

class TestGridActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsATinyGridIntoTheHistory()
    {
        const QString cli = qEnvironmentVariable("QB_CLI");
        if (cli.isEmpty())
            QSKIP("QB_CLI is not set (ctest sets it)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString data = dir.filePath(QStringLiteral("mnist"));
        QVERIFY(QDir().mkpath(data));
        QVERIFY(qbtest::writeQuadrantMnist(data, 400, 200));
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));

        QWidget window;
        HistoryPanel history;
        QVERIFY(history.setDatabasePath(db));
        GridActions actions(&window);
        actions.setDatabasePath(db);
        actions.setDataDirectory(data);
        actions.setCliPath(cli);
        connect(&actions, &GridActions::trialsMerged, &history, &HistoryPanel::refresh);
        QSignalSpy ended(&actions, &GridActions::gridEnded);

        GridSpec grid;
        grid.name = QStringLiteral("tiny");
        grid.base.network = *PresetLibrary::load(QStringLiteral("mlp-binary"));
        grid.base.name = grid.base.network.name;
        grid.base.dataset = QStringLiteral("mnist");
        grid.base.train.epochs = 1;
        grid.base.train.trainLimit = 200;
        grid.base.train.testLimit = 100;
        grid.base.train.batchSize = 50;
        grid.base.train.threads = 1;
        grid.axes.append(*GridAxis::parse(QStringLiteral("train.learning_rate=1e-3,1e-2")));
        QVERIFY(grid.expand());
        GridActions::Executor executor;
        executor.jobs = 2;
        QVERIFY(actions.start(grid, executor));
        QVERIFY(actions.isBusy());
        QVERIFY(actions.cancelAction()->isEnabled());
        QVERIFY(actions.progressDialog());
        QCOMPARE(actions.progressDialog()->table()->rowCount(), 2);
        QVERIFY(!actions.start(grid, executor)); // one grid at a time

        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 240000);
        QVERIFY(!actions.isBusy());
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(actions.progressDialog()->trialState(i), GridProgressDialog::TrialState::Finished);
            QVERIFY(actions.progressDialog()->table()->item(i, 4)->text().startsWith(QStringLiteral("run ")));
        }
        // The History lists both runs, each named by its grid and configuration.
        QTRY_COMPARE(history.model()->rowCount(), 2);
        QStringList groups;
        for (int r = 0; r < 2; ++r) {
            const RunRecord run = history.model()->runAt(r);
            QCOMPARE(run.status, RunStatus::Finished);
            QCOMPARE(run.gridId, actions.currentGridId());
            groups << history.model()->index(r, RunTableModel::GroupColumn).data().toString();
        }
        groups.sort();
        const QString prefix = QStringLiteral("grid %1 · train.learning_rate=").arg(actions.currentGridId());
        QVERIFY2(groups[0].startsWith(prefix + QStringLiteral("0.001: ")), qPrintable(groups.join(" | ")));
        QVERIFY2(groups[1].startsWith(prefix + QStringLiteral("0.01: ")), qPrintable(groups.join(" | ")));
        QVERIFY(!actions.cancelAction()->isEnabled());
    }

    void aBadCliPathFailsTheTrialsWithTheReason()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        QWidget window;
        GridActions actions(&window);
        actions.setDatabasePath(db);
        actions.setCliPath(dir.filePath(QStringLiteral("no-such-cli")));
        QSignalSpy ended(&actions, &GridActions::gridEnded);
        GridSpec grid;
        grid.base.network = *PresetLibrary::load(QStringLiteral("mlp-binary"));
        grid.axes.append(*GridAxis::parse(QStringLiteral("train.epochs=1,2")));
        QVERIFY(actions.start(grid, GridActions::Executor()));
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
        QCOMPARE(actions.progressDialog()->trialState(0), GridProgressDialog::TrialState::Failed);
        QVERIFY2(
            actions.progressDialog()->table()->item(0, 4)->text().contains(QStringLiteral("no-such-cli")),
            qPrintable(actions.progressDialog()->table()->item(0, 4)->text()));
        QVERIFY(actions.progressDialog()->statusText().contains(QStringLiteral("2 failed")));
    }
};

QTEST_MAIN(TestGridActions)
#include "tst_gridactions.moc"
