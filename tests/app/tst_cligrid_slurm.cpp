// quantbench-cli grid --executor slurm against a real one-node Slurm cluster of the test's own
// (tests/tools/slurm/cluster.sh, MaxArraySize 4 so that six trials need two arrays), on a
// Fashion-MNIST slice: the trials give the numbers the local executor gives, bit for bit, the merge
// job brings them into the history, a failing trial is reported by index and reason, and grid
// cancel stops a grid's jobs.
#include "clitestutil.h"
#include "gridtestutil.h"
#include "slurmtestcluster.h"

#include "store/experimentstore.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace qb;
using namespace qbtest;

class TestCliGridSlurm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void slurmTrialsMatchTheLocalExecutor();
    void aFailingTrialIsReportedByTheMergeJob();
    void cancelStopsTheJobs();

private:
    /// Polls `grid status` until no job of the grid is queued; its last JSON report.
    QJsonObject waitForGrid(const QString &history, qint64 gridId, int timeoutMs = 240000);
    QStringList gridArgs(const QString &history, const QStringList &extra) const;

    QTemporaryDir m_dir;
    SlurmTestCluster m_cluster;
    QString m_skip;
};

void TestCliGridSlurm::initTestCase()
{
    if (!QDir(QStringLiteral("/usr/share/datasets/fashion-mnist")).exists())
        m_skip = QStringLiteral("Fashion-MNIST not installed (scripts/setup.sh installs dataset-fashion-mnist)");
    else
        m_skip = SlurmTestCluster::missing();
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_cluster.start(m_dir.filePath(QStringLiteral("cluster")), 4, &error), qPrintable(error));
}

void TestCliGridSlurm::cleanupTestCase()
{
    QString error;
    QVERIFY2(m_cluster.stop(&error), qPrintable(error));
}

QStringList TestCliGridSlurm::gridArgs(const QString &history, const QStringList &extra) const
{
    return QStringList{QStringLiteral("grid"), QStringLiteral("--preset"), QStringLiteral("larq-mnist-bnn"),
               QStringLiteral("--db"), history, QStringLiteral("--json")}
        + kGridSlice + extra;
}

QJsonObject TestCliGridSlurm::waitForGrid(const QString &history, qint64 gridId, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QJsonObject last;
    while (!deadline.hasExpired()) {
        const CliResult status = runCli({QStringLiteral("grid"), QStringLiteral("status"), QString::number(gridId),
            QStringLiteral("--db"), history, QStringLiteral("--json")});
        if (status.exitCode != 0 || status.jsonLines().isEmpty())
            return {{QStringLiteral("error"), status.err}};
        last = status.jsonLines().first();
        if (last.value(QStringLiteral("slurm")).toObject().isEmpty())
            return last;
        QThread::msleep(1000);
    }
    last.insert(QStringLiteral("error"), QStringLiteral("the grid's jobs were still queued after %1 s").arg(timeoutMs / 1000));
    return last;
}

void TestCliGridSlurm::slurmTrialsMatchTheLocalExecutor()
{
    const QStringList grid{QStringLiteral("--vary"), QStringLiteral("train.learning_rate=1e-3,1e-2,5e-2"),
        QStringLiteral("--seeds"), QStringLiteral("2"), QStringLiteral("--jobs"), QStringLiteral("2"),
        QStringLiteral("--threads"), QStringLiteral("1")};
    const QString local = m_dir.filePath(QStringLiteral("local.sqlite"));
    const CliResult l = runCli(gridArgs(local, grid));
    QVERIFY2(l.exitCode == 0, qPrintable(l.err));
    const qint64 localGrid = qint64(l.jsonLines().first().value(QStringLiteral("grid_id")).toDouble());

    const QString history = m_dir.filePath(QStringLiteral("slurm.sqlite"));
    const CliResult s = runCli(gridArgs(history, grid + QStringList{QStringLiteral("--executor"), QStringLiteral("slurm")}));
    QVERIFY2(s.exitCode == 0, qPrintable(s.err));
    const QJsonObject submitted = s.jsonLines().last();
    QCOMPARE(submitted.value(QStringLiteral("event")).toString(), QStringLiteral("submitted"));
    // Six trials with MaxArraySize 4: two arrays, then the merge job.
    QCOMPARE(submitted.value(QStringLiteral("array_jobs")).toArray().size(), 2);
    const qint64 gridId = qint64(submitted.value(QStringLiteral("grid_id")).toDouble());
    const QJsonObject status = waitForGrid(history, gridId);
    QVERIFY2(!status.contains(QStringLiteral("error")), qPrintable(status.value(QStringLiteral("error")).toString()));
    QCOMPARE(status.value(QStringLiteral("finished")).toInt(), 6);
    QCOMPARE(status.value(QStringLiteral("newly_merged")).toInt(), 0); // the merge job had merged them all

    const QList<RunRecord> slurmRuns = gridRuns(history, gridId);
    const QList<RunRecord> localRuns = gridRuns(local, localGrid);
    QCOMPARE(slurmRuns.size(), 6);
    QCOMPARE(localRuns.size(), 6);
    ExperimentStore slurmStore, localStore;
    QVERIFY(slurmStore.open(history));
    QVERIFY(localStore.open(local));
    for (int i = 0; i < 6; ++i) {
        const RunRecord &a = slurmRuns[i];
        const RunRecord *b = nullptr;
        for (const RunRecord &r : localRuns)
            b = r.gridTrial == a.gridTrial ? &r : b;
        QVERIFY(b);
        const QList<EpochMetrics> x = *slurmStore.epochs(a.id);
        const QList<EpochMetrics> y = *localStore.epochs(b->id);
        QCOMPARE(x.size(), 1);
        QCOMPARE(y.size(), 1);
        QCOMPARE(x[0].trainLoss, y[0].trainLoss);
        QCOMPARE(x[0].testLoss, y[0].testLoss);
        QCOMPARE(x[0].testAccuracy, y[0].testAccuracy);
    }
}

void TestCliGridSlurm::aFailingTrialIsReportedByTheMergeJob()
{
    const QString history = m_dir.filePath(QStringLiteral("failing.sqlite"));
    const QString missing = m_dir.filePath(QStringLiteral("no-such-table.csv"));
    const CliResult s = runCli(gridArgs(history,
        {QStringLiteral("--vary"), QStringLiteral("dataset=fashion-mnist,\"%1\"").arg(missing),
            QStringLiteral("--executor"), QStringLiteral("slurm")}));
    QVERIFY2(s.exitCode == 0, qPrintable(s.err));
    const qint64 gridId = qint64(s.jsonLines().last().value(QStringLiteral("grid_id")).toDouble());
    const QJsonObject status = waitForGrid(history, gridId);
    QVERIFY2(!status.contains(QStringLiteral("error")), qPrintable(status.value(QStringLiteral("error")).toString()));
    QCOMPARE(status.value(QStringLiteral("finished")).toInt(), 1);
    QCOMPARE(status.value(QStringLiteral("failed")).toInt(), 1);
    QCOMPARE(gridRuns(history, gridId).size(), 1);
    // The merge job's output names the failed trial and why.
    ExperimentStore store;
    QVERIFY(store.open(history));
    const QString logs = store.grid(gridId)->workDir + QStringLiteral("/logs");
    QString mergeLog;
    for (const QString &name : QDir(logs).entryList({QStringLiteral("merge-*.out")})) {
        QFile f(logs + QLatin1Char('/') + name);
        QVERIFY(f.open(QIODevice::ReadOnly));
        mergeLog += QString::fromUtf8(f.readAll());
    }
    QVERIFY2(mergeLog.contains(QStringLiteral("trial 1 failed")) && mergeLog.contains(QStringLiteral("no-such-table.csv")),
        qPrintable(mergeLog));
}

void TestCliGridSlurm::cancelStopsTheJobs()
{
    const QString history = m_dir.filePath(QStringLiteral("cancelled.sqlite"));
    const CliResult s = runCli(gridArgs(history,
        {QStringLiteral("--vary"), QStringLiteral("train.epochs=200,201"), QStringLiteral("--executor"),
            QStringLiteral("slurm")}));
    QVERIFY2(s.exitCode == 0, qPrintable(s.err));
    const qint64 gridId = qint64(s.jsonLines().last().value(QStringLiteral("grid_id")).toDouble());
    const CliResult c = runCli({QStringLiteral("grid"), QStringLiteral("cancel"), QString::number(gridId),
        QStringLiteral("--db"), history});
    QVERIFY2(c.exitCode == 0, qPrintable(c.err));
    const QJsonObject status = waitForGrid(history, gridId, 60000);
    QVERIFY2(!status.contains(QStringLiteral("error")), qPrintable(status.value(QStringLiteral("error")).toString()));
    QCOMPARE(status.value(QStringLiteral("finished")).toInt(), 0);
    QVERIFY(gridRuns(history, gridId).isEmpty());
}

QTEST_GUILESS_MAIN(TestCliGridSlurm)
#include "tst_cligrid_slurm.moc"
