#include "grid/slurmclient.h"
#include "slurmtestcluster.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace qb;

namespace {

constexpr int kMaxArraySize = 4;
/// (offset, size) pairs of SlurmClient::splitArray(); a name because QFETCH cannot take a comma.
using Chunks = QList<QPair<int, int>>;
constexpr int kJobTimeoutMs = 60000;

QString readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(f.readAll()).trimmed();
}

bool writeScript(const QString &path, const QString &body)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write("#!/bin/bash\nset -eu\n");
    f.write(body.toUtf8());
    f.close();
    return f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
}

} // namespace

/// SlurmClient against a real one-node cluster (tests/tools/slurm/cluster.sh) of our own, started in
/// a temporary folder with MaxArraySize 4 so that 6 tasks need two arrays.
class TestSlurmClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void splitArray_data();
    void splitArray();
    void maxArraySize();
    void splitArrayThenDependent();
    void dependentRunsAfterFailure();
    void cancelRemovesJob();
    void errorsNameTheCommand();

private:
    /// Polls states() until none of the jobs is in the queue; false (with the reason in m_waitError)
    /// on a states() error or after kJobTimeoutMs.
    bool waitUntilGone(const QStringList &ids);
    /// The common settings of a job whose output goes to logs/ in the cluster's folder.
    SlurmJob job(const QString &script, const QString &name) const;
    QString work(const QString &name) const { return m_dir.filePath(QStringLiteral("work/") + name); }

    QTemporaryDir m_dir;
    qbtest::SlurmTestCluster m_cluster;
    QString m_missing; // why the cluster cases are skipped, when they are
    bool m_started = false;
    QString m_waitError;
};

#define REQUIRE_CLUSTER()                                                                                    \
    do {                                                                                                     \
        if (!m_missing.isEmpty())                                                                            \
            QSKIP(qPrintable(m_missing));                                                                    \
        QVERIFY2(m_started, "the test cluster did not start (see initTestCase)");                            \
    } while (false)

void TestSlurmClient::initTestCase()
{
    m_missing = qbtest::SlurmTestCluster::missing();
    if (!m_missing.isEmpty())
        return;
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("work")));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("logs")));
    QString error;
    m_started = m_cluster.start(m_dir.filePath(QStringLiteral("cluster")), kMaxArraySize, &error);
    QVERIFY2(m_started, qPrintable(error));
}

void TestSlurmClient::cleanupTestCase()
{
    QString error;
    QVERIFY2(m_cluster.stop(&error), qPrintable(error));
}

bool TestSlurmClient::waitUntilGone(const QStringList &ids)
{
    SlurmClient client;
    const QDeadlineTimer deadline(kJobTimeoutMs);
    QMap<QString, QString> last;
    while (!deadline.hasExpired()) {
        const auto states = client.states(ids);
        if (!states) {
            m_waitError = states.error();
            return false;
        }
        if (states->isEmpty())
            return true;
        last = *states;
        QTest::qWait(200);
    }
    QStringList left;
    for (auto it = last.cbegin(); it != last.cend(); ++it)
        left << it.key() + QLatin1Char(' ') + it.value();
    m_waitError = QStringLiteral("jobs still queued after %1 s: %2")
                      .arg(kJobTimeoutMs / 1000)
                      .arg(left.join(QStringLiteral(", ")));
    return false;
}

SlurmJob TestSlurmClient::job(const QString &script, const QString &name) const
{
    SlurmJob j;
    j.scriptPath = script;
    j.workingDirectory = m_dir.filePath(QStringLiteral("work"));
    j.jobName = name;
    j.outputPattern = m_dir.filePath(QStringLiteral("logs/%1-%j.out").arg(name));
    return j;
}

void TestSlurmClient::splitArray_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("maxArraySize");
    QTest::addColumn<Chunks>("chunks");

    QTest::newRow("none") << 0 << 4 << Chunks{};
    QTest::newRow("negative") << -3 << 4 << Chunks{};
    QTest::newRow("one task") << 1 << 4 << Chunks{{0, 1}};
    QTest::newRow("fits") << 3 << 4 << Chunks{{0, 3}};
    QTest::newRow("exactly one array") << 4 << 4 << Chunks{{0, 4}};
    QTest::newRow("two exact") << 8 << 4 << Chunks{{0, 4}, {4, 4}};
    QTest::newRow("remainder") << 6 << 4 << Chunks{{0, 4}, {4, 2}};
    QTest::newRow("one more than a multiple") << 9 << 4 << Chunks{{0, 4}, {4, 4}, {8, 1}};
    QTest::newRow("slurm default") << 2500 << 1001 << Chunks{{0, 1001}, {1001, 1001}, {2002, 498}};
    QTest::newRow("max 1") << 3 << 1 << Chunks{{0, 1}, {1, 1}, {2, 1}};
    QTest::newRow("arrays disabled") << 2 << 0 << Chunks{{0, 1}, {1, 1}};
}

void TestSlurmClient::splitArray()
{
    QFETCH(int, count);
    QFETCH(int, maxArraySize);
    QFETCH(Chunks, chunks);
    const QList<QPair<int, int>> got = SlurmClient::splitArray(count, maxArraySize);
    QCOMPARE(got, chunks);
    // Every chunk's indices 0..size-1 are below MaxArraySize, and the chunks tile 0..count-1.
    int next = 0;
    for (const auto &c : got) {
        QCOMPARE(c.first, next);
        QVERIFY(c.second >= 1);
        QVERIFY(c.second <= std::max(1, maxArraySize));
        next += c.second;
    }
    QCOMPARE(next, std::max(0, count));
}

void TestSlurmClient::maxArraySize()
{
    REQUIRE_CLUSTER();
    SlurmClient client;
    const Result<int> size = client.maxArraySize();
    QVERIFY2(size.ok(), qPrintable(size.error()));
    QCOMPARE(*size, kMaxArraySize);
}

void TestSlurmClient::splitArrayThenDependent()
{
    REQUIRE_CLUSTER();
    constexpr int kTasks = 6;
    const QString out = work(QStringLiteral("grid"));
    QVERIFY(QDir().mkpath(out));
    const QString task = work(QStringLiteral("task.sh"));
    // Each task sleeps so that tasks overlap (the cluster has 8 slots): without the throttle all 4
    // tasks of the first array would run at once, without the dependency the last job would too.
    // times-N.txt holds the task's start and end (seconds since the epoch).
    QVERIFY(writeScript(task,
        QStringLiteral("start=$(date +%s.%N)\n"
                       "sleep 1\n"
                       "i=$((OFFSET + SLURM_ARRAY_TASK_ID))\n"
                       "echo \"$OFFSET+$SLURM_ARRAY_TASK_ID\" > \"$OUT_DIR/task-$i.txt\"\n"
                       "echo \"$start $(date +%s.%N)\" > \"$OUT_DIR/times-$i.txt\"\n")));
    const QString finish = work(QStringLiteral("finish.sh"));
    // The marker records how many task files existed when the dependent job ran.
    QVERIFY(writeScript(finish,
        QStringLiteral("ls \"$OUT_DIR\"/task-*.txt | wc -l > \"$OUT_DIR/marker.tmp\"\n"
                       "mv \"$OUT_DIR/marker.tmp\" \"$OUT_DIR/marker\"\n")));

    SlurmClient client;
    const QList<QPair<int, int>> chunks = SlurmClient::splitArray(kTasks, kMaxArraySize);
    QCOMPARE(chunks.size(), 2);
    QStringList ids;
    for (const auto &chunk : chunks) {
        SlurmArrayJob array;
        static_cast<SlurmJob &>(array) = job(task, QStringLiteral("grid"));
        array.outputPattern = m_dir.filePath(QStringLiteral("logs/task-%A_%a.out"));
        array.first = 0;
        array.last = chunk.second - 1;
        array.throttle = 2;
        array.environment
            = {{QStringLiteral("OFFSET"), QString::number(chunk.first)}, {QStringLiteral("OUT_DIR"), out}};
        const Result<QString> id = client.submitArray(array);
        QVERIFY2(id.ok(), qPrintable(id.error()));
        QVERIFY2(!id->isEmpty() && id->toLongLong() > 0, qPrintable(*id));
        ids << *id;
    }
    SlurmJob after = job(finish, QStringLiteral("finish"));
    after.environment = {{QStringLiteral("OUT_DIR"), out}};
    const Result<QString> afterId = client.submitDependent(after, ids);
    QVERIFY2(afterId.ok(), qPrintable(afterId.error()));

    // Right after submission the queue knows the dependent job and array tasks of both chunks.
    const auto queued = client.states(ids + QStringList{*afterId});
    QVERIFY2(queued.ok(), qPrintable(queued.error()));
    // (The tasks sleep, so the dependent job cannot have ended yet.)
    QVERIFY2(queued->contains(*afterId), qPrintable(QStringList(queued->keys()).join(QLatin1Char(' '))));
    for (auto it = queued->cbegin(); it != queued->cend(); ++it)
        QVERIFY2(it.key() == *afterId || it.key().startsWith(ids.at(0) + QLatin1Char('_'))
                || it.key().startsWith(ids.at(1) + QLatin1Char('_')),
            qPrintable(it.key()));

    QVERIFY2(waitUntilGone(ids + QStringList{*afterId}), qPrintable(m_waitError));

    for (const auto &chunk : chunks) {
        for (int local = 0; local < chunk.second; ++local) {
            const QString file = out + QStringLiteral("/task-%1.txt").arg(chunk.first + local);
            QCOMPARE(readAll(file), QStringLiteral("%1+%2").arg(chunk.first).arg(local));
        }
    }
    QCOMPARE(QDir(out).entryList({QStringLiteral("task-*.txt")}, QDir::Files).size(), kTasks);
    const QString marker = out + QStringLiteral("/marker");
    QCOMPARE(readAll(marker), QString::number(kTasks));
    const QDateTime markerTime = QFileInfo(marker).lastModified();
    for (int i = 0; i < kTasks; ++i)
        QVERIFY(QFileInfo(out + QStringLiteral("/task-%1.txt").arg(i)).lastModified() <= markerTime);

    // The throttle (%2): when any task of an array started, at most 2 of that array were running.
    for (const auto &chunk : chunks) {
        QList<QPair<double, double>> spans;
        for (int i = chunk.first; i < chunk.first + chunk.second; ++i) {
            const QStringList t
                = readAll(out + QStringLiteral("/times-%1.txt").arg(i)).split(QLatin1Char(' '));
            QCOMPARE(t.size(), 2);
            spans.append({t.at(0).toDouble(), t.at(1).toDouble()});
        }
        for (const auto &s : spans) {
            int running = 0;
            for (const auto &other : spans)
                running += (other.first <= s.first && s.first < other.second) ? 1 : 0;
            QVERIFY2(running <= 2,
                qPrintable(QStringLiteral("%1 tasks of array at offset %2 ran at once")
                               .arg(running)
                               .arg(chunk.first)));
        }
    }
}

void TestSlurmClient::dependentRunsAfterFailure()
{
    REQUIRE_CLUSTER();
    const QString out = work(QStringLiteral("failing"));
    QVERIFY(QDir().mkpath(out));
    const QString failing = work(QStringLiteral("fail.sh"));
    QVERIFY(writeScript(
        failing, QStringLiteral("sleep 1\ntouch \"$OUT_DIR/failed-$SLURM_ARRAY_TASK_ID\"\nexit 3\n")));
    const QString finish = work(QStringLiteral("after-failure.sh"));
    QVERIFY(writeScript(finish, QStringLiteral("ls \"$OUT_DIR\"/failed-* | wc -l > \"$OUT_DIR/marker\"\n")));

    SlurmClient client;
    SlurmArrayJob array;
    static_cast<SlurmJob &>(array) = job(failing, QStringLiteral("fail"));
    array.outputPattern = m_dir.filePath(QStringLiteral("logs/fail-%A_%a.out"));
    array.first = 0;
    array.last = 1;
    array.environment = {{QStringLiteral("OUT_DIR"), out}};
    const Result<QString> id = client.submitArray(array);
    QVERIFY2(id.ok(), qPrintable(id.error()));
    SlurmJob after = job(finish, QStringLiteral("after-failure"));
    after.environment = {{QStringLiteral("OUT_DIR"), out}};
    const Result<QString> afterId = client.submitDependent(after, {*id});
    QVERIFY2(afterId.ok(), qPrintable(afterId.error()));

    QVERIFY2(waitUntilGone({*id, *afterId}), qPrintable(m_waitError));
    QVERIFY(QFileInfo::exists(out + QStringLiteral("/failed-0")));
    QVERIFY(QFileInfo::exists(out + QStringLiteral("/failed-1")));
    // afterany: the dependent job ran although both tasks exited with status 3.
    QCOMPARE(readAll(out + QStringLiteral("/marker")), QStringLiteral("2"));
}

void TestSlurmClient::cancelRemovesJob()
{
    REQUIRE_CLUSTER();
    const QString sleeper = work(QStringLiteral("sleep.sh"));
    QVERIFY(writeScript(
        sleeper, QStringLiteral("touch \"$OUT_DIR/sleeping\"\nsleep 300\ntouch \"$OUT_DIR/woke\"\n")));
    SlurmClient client;
    SlurmJob j = job(sleeper, QStringLiteral("sleeper"));
    j.environment = {{QStringLiteral("OUT_DIR"), m_dir.filePath(QStringLiteral("work"))}};
    const Result<QString> id = client.submitDependent(j, {});
    QVERIFY2(id.ok(), qPrintable(id.error()));
    // Running (not merely queued) before it is cancelled.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(work(QStringLiteral("sleeping"))), 30000);
    const auto running = client.states({*id});
    QVERIFY2(running.ok(), qPrintable(running.error()));
    QCOMPARE(running->value(*id), QStringLiteral("RUNNING"));

    const Status cancelled = client.cancel({*id});
    QVERIFY2(cancelled.ok(), qPrintable(cancelled.error()));
    QVERIFY2(waitUntilGone({*id}), qPrintable(m_waitError));
    QVERIFY(!QFileInfo::exists(work(QStringLiteral("woke"))));
    // Cancelling a job that has ended is not an error, and neither is asking about it.
    QVERIFY(client.cancel({*id}).ok());
    const auto gone = client.states({*id});
    QVERIFY2(gone.ok(), qPrintable(gone.error()));
    QVERIFY(gone->isEmpty());
}

void TestSlurmClient::errorsNameTheCommand()
{
    REQUIRE_CLUSTER();
    SlurmClient client;
    SlurmArrayJob array;
    static_cast<SlurmJob &>(array)
        = job(work(QStringLiteral("no-such-script.sh")), QStringLiteral("missing"));
    array.last = 1;
    const Result<QString> missing = client.submitArray(array);
    QVERIFY(!missing.ok());
    qInfo() << "missing:" << missing.error();
    QVERIFY2(missing.error().startsWith(QLatin1String("sbatch ")), qPrintable(missing.error()));
    QVERIFY2(missing.error().contains(QLatin1String("no-such-script.sh")), qPrintable(missing.error()));

    // An index at MaxArraySize is refused by Slurm, with its own message.
    const QString task = work(QStringLiteral("true.sh"));
    QVERIFY(writeScript(task, QStringLiteral("true\n")));
    static_cast<SlurmJob &>(array) = job(task, QStringLiteral("too-big"));
    array.first = 0;
    array.last = kMaxArraySize;
    const Result<QString> tooBig = client.submitArray(array);
    QVERIFY(!tooBig.ok());
    qInfo() << "tooBig:" << tooBig.error();
    QVERIFY2(tooBig.error().startsWith(QLatin1String("sbatch ")), qPrintable(tooBig.error()));
    QVERIFY2(tooBig.error().contains(QLatin1String("Invalid job array")), qPrintable(tooBig.error()));

    const auto bad = client.states({QStringLiteral("not-a-job")});
    QVERIFY(!bad.ok());
    qInfo() << "bad:" << bad.error();
    QVERIFY2(bad.error().startsWith(QLatin1String("squeue ")), qPrintable(bad.error()));
}

QTEST_GUILESS_MAIN(TestSlurmClient)
#include "tst_slurmclient.moc"
