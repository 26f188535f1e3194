// quantbench-cli grid with the local executor, on a Fashion-MNIST slice (Debian's
// dataset-fashion-mnist): the trials give the numbers separate `train` commands give, bad fields
// are refused before anything runs, a failing trial is reported while the rest merge, and an
// interrupted grid resumes without repeating finished trials.
#include "clitestutil.h"
#include "gridtestutil.h"

#include "store/experimentstore.h"

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace qb;
using namespace qbtest;

class TestCliGrid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badFieldsAreRefusedBeforeAnythingRuns_data();
    void badFieldsAreRefusedBeforeAnythingRuns();
    void trialsMatchSeparateTrainCommands();
    void aFailingTrialIsReportedAndTheRestMerge();
    void aKilledGridResumesWithoutRepeatingTrials();

private:
    QString db(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestCliGrid::initTestCase()
{
    if (!QDir(QStringLiteral("/usr/share/datasets/fashion-mnist")).exists())
        QSKIP("Fashion-MNIST not installed (scripts/setup.sh installs dataset-fashion-mnist)");
    QVERIFY(m_dir.isValid());
}

void TestCliGrid::badFieldsAreRefusedBeforeAnythingRuns_data()
{
    QTest::addColumn<QString>("vary");
    QTest::addColumn<QString>("named");
    QTest::newRow("index out of range") << "layers[40].kernel_quantizer.name=ste_sign" << "layers[40]";
    QTest::newRow("no such field") << "train.learning_rat=1e-3,1e-4" << "train.learning_rat";
    QTest::newRow("unknown quantizer") << "layers[3].kernel_quantizer.name=ste_sign,nosuch" << "nosuch";
    QTest::newRow("impossible network") << "layers[0].filters=32,0" << "filters";
    QTest::newRow("not a path") << "layers[3]..name=a" << "layers[3]..name";
    QTest::newRow("no values") << "train.learning_rate=" << "train.learning_rate";
    QTest::newRow("backwards range") << "train.epochs=5..2" << "5..2";
}

void TestCliGrid::badFieldsAreRefusedBeforeAnythingRuns()
{
    QFETCH(QString, vary);
    QFETCH(QString, named);
    const QString history = db(QStringLiteral("refused.sqlite"));
    const CliResult r = runCli(QStringList{QStringLiteral("grid"), QStringLiteral("--preset"),
                                   QStringLiteral("larq-mnist-bnn"), QStringLiteral("--vary"), vary,
                                   QStringLiteral("--db"), history}
        + kGridSlice);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(named), qPrintable(r.err));
    // Nothing was recorded or run.
    ExperimentStore store;
    QVERIFY(store.open(history));
    QVERIFY(store.grids()->isEmpty());
    QVERIFY(store.runs()->isEmpty());
}

void TestCliGrid::trialsMatchSeparateTrainCommands()
{
    // 3 configurations x 2 seeds, two trials at once.
    const QString history = db(QStringLiteral("grid.sqlite"));
    const CliResult r = runCli(QStringList{QStringLiteral("grid"), QStringLiteral("--preset"),
                                   QStringLiteral("larq-mnist-bnn"), QStringLiteral("--vary"),
                                   QStringLiteral("train.learning_rate=1e-3,1e-2,5e-2"), QStringLiteral("--seeds"),
                                   QStringLiteral("2"), QStringLiteral("--jobs"), QStringLiteral("2"),
                                   QStringLiteral("--db"), history, QStringLiteral("--json")}
        + kGridSlice);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QList<QJsonObject> lines = r.jsonLines();
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.first().value(QStringLiteral("trials")).toInt(), 6);
    const qint64 gridId = qint64(lines.first().value(QStringLiteral("grid_id")).toDouble());
    const QList<RunRecord> runs = gridRuns(history, gridId);
    QCOMPARE(runs.size(), 6);

    // Each trial against its own `train` command (seed = 42 + seed offset) with the thread count the
    // grid froze into its trials (the cores shared among the two jobs): numbers depend on it.
    const QString threads = QString::number(qMax(1, QThread::idealThreadCount() / 2));
    const QStringList rates{QStringLiteral("1e-3"), QStringLiteral("1e-2"), QStringLiteral("5e-2")};
    const QString separate = db(QStringLiteral("separate.sqlite"));
    ExperimentStore gridStore;
    QVERIFY(gridStore.open(history));
    for (const RunRecord &run : runs) {
        const int configuration = run.gridTrial / 2;
        const int seed = 42 + run.gridTrial % 2;
        const CliResult t = runCli({QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("larq-mnist-bnn"),
            QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--train-limit"), QStringLiteral("1000"),
            QStringLiteral("--test-limit"), QStringLiteral("500"), QStringLiteral("--lr"), rates[configuration],
            QStringLiteral("--seed"), QString::number(seed), QStringLiteral("--threads"), threads,
            QStringLiteral("--db"), separate, QStringLiteral("--json")});
        QVERIFY2(t.exitCode == 0, qPrintable(t.err));
        const qint64 trainRun = qint64(t.jsonLines().last().value(QStringLiteral("run_id")).toDouble());
        ExperimentStore separateStore;
        QVERIFY(separateStore.open(separate));
        const QList<EpochMetrics> expected = *separateStore.epochs(trainRun);
        const QList<EpochMetrics> got = *gridStore.epochs(run.id);
        QCOMPARE(got.size(), expected.size());
        for (int e = 0; e < got.size(); ++e) {
            // Bit for bit.
            QCOMPARE(got[e].trainLoss, expected[e].trainLoss);
            QCOMPARE(got[e].trainAccuracy, expected[e].trainAccuracy);
            QCOMPARE(got[e].testLoss, expected[e].testLoss);
            QCOMPARE(got[e].testAccuracy, expected[e].testAccuracy);
        }
        QCOMPARE(run.seed, qint64(seed));
        QVERIFY2(run.specJson.contains(QStringLiteral("\"threads\":%1").arg(threads)), qPrintable(run.specJson));
        QCOMPARE(run.status, RunStatus::Finished);
    }
    // A configuration's seeds are one group.
    QCOMPARE(runs[0].groupId, runs[1].groupId);
    QVERIFY(runs[0].groupId != runs[2].groupId);

    // The results table: one row per configuration, statistics over the seeds.
    const CliResult show = runCli({QStringLiteral("grid"), QStringLiteral("show"), QString::number(gridId),
        QStringLiteral("--db"), history, QStringLiteral("--json")});
    QVERIFY2(show.exitCode == 0, qPrintable(show.err));
    const QJsonArray rows = show.jsonLines().last().value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), 3);
    for (int c = 0; c < 3; ++c) {
        const QJsonObject row = rows[c].toObject();
        QCOMPARE(row.value(QStringLiteral("runs")).toArray().size(), 2);
        const double a = runs[2 * c].finalTestAccuracy;
        const double b = runs[2 * c + 1].finalTestAccuracy;
        const QJsonObject acc = row.value(QStringLiteral("final_test_acc")).toObject();
        QCOMPARE(acc.value(QStringLiteral("min")).toDouble(), qMin(a, b));
        QCOMPARE(acc.value(QStringLiteral("max")).toDouble(), qMax(a, b));
        QVERIFY(qAbs(acc.value(QStringLiteral("mean")).toDouble() - (a + b) / 2) < 1e-12);
        QVERIFY(qAbs(acc.value(QStringLiteral("std")).toDouble() - qAbs(a - b) / 2) < 1e-12);
        QVERIFY(row.value(QStringLiteral("model_size_kib")).toDouble() > 13.0);
    }
    const CliResult csv = runCli({QStringLiteral("grid"), QStringLiteral("show"), QString::number(gridId),
        QStringLiteral("--db"), history, QStringLiteral("--csv")});
    QCOMPARE(csv.exitCode, 0);
    const QStringList csvLines = csv.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(csvLines.size(), 4);
    QVERIFY(csvLines[0].startsWith(QStringLiteral("grid_id,configuration,train.learning_rate,seeds,runs,final_test_acc_mean")));
}

void TestCliGrid::aFailingTrialIsReportedAndTheRestMerge()
{
    // The second configuration's dataset is a CSV table that does not exist: only that trial fails.
    const QString history = db(QStringLiteral("failing.sqlite"));
    const QString missing = m_dir.filePath(QStringLiteral("no-such-table.csv"));
    const CliResult r = runCli(QStringList{QStringLiteral("grid"), QStringLiteral("--preset"),
                                   QStringLiteral("larq-mnist-bnn"), QStringLiteral("--vary"),
                                   QStringLiteral("dataset=fashion-mnist,\"%1\"").arg(missing),
                                   QStringLiteral("--db"), history, QStringLiteral("--json")}
        + kGridSlice);
    QCOMPARE(r.exitCode, 1);
    bool reported = false;
    for (const QJsonObject &line : r.jsonLines()) {
        if (line.value(QStringLiteral("event")) == QLatin1String("trial_failed")) {
            QCOMPARE(line.value(QStringLiteral("trial")).toInt(), 1);
            QVERIFY2(line.value(QStringLiteral("error")).toString().contains(QStringLiteral("no-such-table.csv")),
                qPrintable(line.value(QStringLiteral("error")).toString()));
            reported = true;
        }
    }
    QVERIFY2(reported, qPrintable(r.out));
    const qint64 gridId = qint64(r.jsonLines().first().value(QStringLiteral("grid_id")).toDouble());
    const QList<RunRecord> runs = gridRuns(history, gridId);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs[0].gridTrial, 0);
    QCOMPARE(runs[0].status, RunStatus::Finished);
    const CliResult status = runCli({QStringLiteral("grid"), QStringLiteral("status"), QString::number(gridId),
        QStringLiteral("--db"), history, QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 0);
    const QJsonObject s = status.jsonLines().first();
    QCOMPARE(s.value(QStringLiteral("finished")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("failed")).toInt(), 1);
}

void TestCliGrid::aKilledGridResumesWithoutRepeatingTrials()
{
    const QString history = db(QStringLiteral("killed.sqlite"));
    const QStringList args = QStringList{QStringLiteral("grid"), QStringLiteral("--preset"),
                                 QStringLiteral("larq-mnist-bnn"), QStringLiteral("--vary"),
                                 QStringLiteral("train.batch_size=32,64"), QStringLiteral("--seeds"),
                                 QStringLiteral("2"), QStringLiteral("--db"), history, QStringLiteral("--json")}
        + kGridSlice;
    // Killed (SIGKILL, no chance to clean up) once two trials are in the history.
    QProcess grid;
    grid.start(cliPath(), args);
    QVERIFY(grid.waitForStarted());
    int done = 0;
    QString out;
    while (done < 2 && grid.waitForReadyRead(120000)) {
        out += QString::fromUtf8(grid.readAllStandardOutput());
        done = int(out.count(QStringLiteral("\"trial_done\"")));
    }
    QCOMPARE(done, 2);
    ::kill(pid_t(grid.processId()), SIGKILL);
    QVERIFY(grid.waitForFinished());
    const qint64 gridId = qint64(QJsonDocument::fromJson(out.section(QLatin1Char('\n'), 0, 0).toUtf8())
                                     .object()
                                     .value(QStringLiteral("grid_id"))
                                     .toDouble());
    const QList<RunRecord> before = gridRuns(history, gridId);
    QVERIFY(before.size() >= 2 && before.size() < 4);

    // The same command again goes on: the finished trials keep their runs, the rest run once.
    const CliResult again = runCli(args);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QVERIFY(again.jsonLines().first().value(QStringLiteral("resumed")).toBool());
    int rerun = 0;
    for (const QJsonObject &line : again.jsonLines())
        rerun += line.value(QStringLiteral("event")) == QLatin1String("trial_done") ? 1 : 0;
    QCOMPARE(rerun, 4 - int(before.size()));
    const QList<RunRecord> after = gridRuns(history, gridId);
    QCOMPARE(after.size(), 4);
    QSet<int> trials;
    for (const RunRecord &run : after)
        trials.insert(run.gridTrial);
    QCOMPARE(trials.size(), 4);
    for (int i = 0; i < before.size(); ++i)
        QCOMPARE(after[i].id, before[i].id);
    ExperimentStore store;
    QVERIFY(store.open(history));
    QCOMPARE(store.grids()->size(), 1);
}

QTEST_GUILESS_MAIN(TestCliGrid)
#include "tst_cligrid.moc"
