#include "store/experimentstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <thread>

using namespace qb;

namespace {

/// A plain QSqlDatabase connection for building and inspecting databases behind the store's back.
class RawConnection
{
public:
    explicit RawConnection(const QString &path) : m_name(QStringLiteral("raw-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    bool isOpen() const { return m_open; }

    bool exec(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql)) {
            qWarning() << "raw SQL failed:" << sql << q.lastError().text();
            return false;
        }
        return true;
    }

    /// First column of the first row, or an invalid QVariant.
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql) || !q.next()) {
            qWarning() << "raw SQL failed:" << sql << q.lastError().text();
            return QVariant();
        }
        return q.value(0);
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_open = false;
};

/// The version 1 schema exactly as it shipped, frozen here so the migration test builds a genuine
/// old database independently of the store's own migration list.
const char *const kSchemaV1[] = {
    "CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, created TEXT, finished TEXT,"
    " status TEXT NOT NULL, spec_json TEXT NOT NULL, network_name TEXT, dataset TEXT, seed INTEGER,"
    " epochs_planned INTEGER, final_test_accuracy REAL, final_test_loss REAL, best_test_accuracy REAL,"
    " owner_pid INTEGER)",
    "CREATE TABLE epochs (run_id INTEGER REFERENCES runs(id) ON DELETE CASCADE, epoch INTEGER,"
    " train_loss REAL, train_accuracy REAL, test_loss REAL, test_accuracy REAL, seconds REAL,"
    " samples_per_s REAL, PRIMARY KEY (run_id, epoch))",
    "PRAGMA user_version = 1",
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

EpochMetrics epoch(int n, double testAccuracy, double testLoss)
{
    EpochMetrics m;
    m.epoch = n;
    m.trainLoss = 2.0 / n;
    m.trainAccuracy = 0.1 * n;
    m.testLoss = testLoss;
    m.testAccuracy = testAccuracy;
    m.seconds = 1.5 * n;
    m.samplesPerSecond = 1000.0 + n;
    return m;
}

RunRecord sampleRun(const QString &name)
{
    RunRecord run;
    run.name = name;
    run.specJson = QStringLiteral(R"({"network":{"name":"cnn-mnist"},"seed":7})");
    run.networkName = QStringLiteral("cnn-mnist");
    run.dataset = QStringLiteral("mnist");
    run.seed = 7;
    run.epochsPlanned = 5;
    return run;
}

/// The pid of a process that has surely exited (and been reaped).
qint64 deadPid()
{
    QProcess process;
    process.start(QStringLiteral("true"), QStringList());
    if (!process.waitForStarted())
        return -1;
    const qint64 pid = process.processId();
    process.waitForFinished();
    return pid;
}

} // namespace

class TestExperimentStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statusNames();
    void closedStoreRefusesWork();
    void defaultPath();
    void roundTrip();
    void markInterrupted();
    void sweepsAndGroups();
    void migrationFromVersion1();
    void textFileIsRefusedAndUntouched();
    void damagedDatabaseIsRefusedAndUntouched();
    void newerSchemaIsRefused();
    void foreignDatabaseIsRefused();
    void twoStoresOnOneFile();
    void writersInTwoThreads();
    void lockedDatabaseWriteFails();
    void lockedDatabaseOpenFails();

private:
    QTemporaryDir m_dir;
};

void TestExperimentStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")));
}

void TestExperimentStore::statusNames()
{
    const RunStatus all[] = {RunStatus::Running, RunStatus::Finished, RunStatus::Cancelled, RunStatus::Failed,
                             RunStatus::Interrupted};
    for (RunStatus status : all) {
        RunStatus back = RunStatus::Running;
        QVERIFY(!runStatusName(status).isEmpty());
        QVERIFY(runStatusFromName(runStatusName(status), &back));
        QCOMPARE(back, status);
    }
    QCOMPARE(runStatusName(RunStatus::Interrupted), QStringLiteral("interrupted"));
    RunStatus untouched = RunStatus::Finished;
    QVERIFY(!runStatusFromName(QStringLiteral("Running"), &untouched));
    QVERIFY(!runStatusFromName(QString(), &untouched));
    QCOMPARE(untouched, RunStatus::Finished);
}

void TestExperimentStore::closedStoreRefusesWork()
{
    ExperimentStore store;
    QVERIFY(!store.isOpen());
    QCOMPARE(store.schemaVersion(), 0);
    QVERIFY(!store.createRun(sampleRun(QStringLiteral("x"))));
    QVERIFY(store.createRun(sampleRun(QStringLiteral("x"))).error().contains(QLatin1String("not open")));
    QVERIFY(!store.runs());
    QVERIFY(!store.addEpoch(1, epoch(1, 0.5, 1.0)));
    QVERIFY(store.runDirectory(1).isEmpty());
}

void TestExperimentStore::defaultPath()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString path = ExperimentStore::defaultPath();
    QStandardPaths::setTestModeEnabled(false);
    QVERIFY2(path.endsWith(QLatin1String("/history.sqlite")), qPrintable(path));
    QVERIFY2(path.contains(QCoreApplication::applicationName()), qPrintable(path));
}

void TestExperimentStore::roundTrip()
{
    // The parent folders do not exist yet: open() creates them.
    const QString path = m_dir.filePath(QStringLiteral("roundtrip/nested/history.sqlite"));
    qint64 firstId = -1;
    qint64 secondId = -1;
    {
        ExperimentStore store;
        const Status opened = store.open(path);
        QVERIFY2(opened, qPrintable(opened.error()));
        QVERIFY(store.isOpen());
        QCOMPARE(store.schemaVersion(), ExperimentStore::kSchemaVersion);
        QCOMPARE(store.path(), QFileInfo(path).absoluteFilePath());

        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        RunRecord record = sampleRun(QStringLiteral("first"));
        record.tags = QStringList{QStringLiteral("baseline")};
        const Result<qint64> first = store.createRun(record);
        QVERIFY2(first, qPrintable(first.error()));
        firstId = *first;
        QVERIFY(firstId > 0);

        Result<RunRecord> run = store.run(firstId);
        QVERIFY2(run, qPrintable(run.error()));
        QCOMPARE(run->id, firstId);
        QCOMPARE(run->name, QStringLiteral("first"));
        QCOMPARE(run->status, RunStatus::Running);
        QCOMPARE(run->specJson, record.specJson);
        QCOMPARE(run->networkName, QStringLiteral("cnn-mnist"));
        QCOMPARE(run->dataset, QStringLiteral("mnist"));
        QCOMPARE(run->seed, qint64(7));
        QCOMPARE(run->epochsPlanned, 5);
        QCOMPARE(run->epochsDone, 0);
        QCOMPARE(run->finalTestAccuracy, -1.0);
        QCOMPARE(run->finalTestLoss, -1.0);
        QCOMPARE(run->bestTestAccuracy, -1.0);
        QCOMPARE(run->tags, QStringList{QStringLiteral("baseline")});
        QVERIFY(run->created.isValid());
        QCOMPARE(run->created.timeSpec(), Qt::UTC);
        QVERIFY(run->created >= before);
        QVERIFY(run->created <= QDateTime::currentDateTimeUtc().addMSecs(1));
        QVERIFY(!run->finished.isValid());

        // Epoch 2 has the best accuracy, epoch 3 is the last: best and final differ.
        QVERIFY(store.addEpoch(firstId, epoch(1, 0.50, 1.20)));
        QVERIFY(store.addEpoch(firstId, epoch(2, 0.80, 0.60)));
        QVERIFY(store.addEpoch(firstId, epoch(3, 0.70, 0.75)));
        run = store.run(firstId);
        QVERIFY(run);
        QCOMPARE(run->epochsDone, 3);
        QCOMPARE(run->finalTestAccuracy, 0.70);
        QCOMPARE(run->finalTestLoss, 0.75);
        QCOMPARE(run->bestTestAccuracy, 0.80);

        const Result<QList<EpochMetrics>> epochs = store.epochs(firstId);
        QVERIFY(epochs);
        QCOMPARE(epochs->size(), 3);
        for (int i = 0; i < 3; ++i) {
            const EpochMetrics expected = epoch(i + 1, (*epochs)[i].testAccuracy, (*epochs)[i].testLoss);
            QCOMPARE((*epochs)[i].epoch, i + 1);
            QCOMPARE((*epochs)[i].trainLoss, expected.trainLoss);
            QCOMPARE((*epochs)[i].trainAccuracy, expected.trainAccuracy);
            QCOMPARE((*epochs)[i].seconds, expected.seconds);
            QCOMPARE((*epochs)[i].samplesPerSecond, expected.samplesPerSecond);
        }
        QCOMPARE((*epochs)[1].testAccuracy, 0.80);
        QCOMPARE((*epochs)[1].testLoss, 0.60);

        // A duplicate epoch is refused and rolls back: nothing changes.
        const Status duplicate = store.addEpoch(firstId, epoch(2, 0.99, 0.01));
        QVERIFY(!duplicate);
        QVERIFY2(duplicate.error().contains(store.path()), qPrintable(duplicate.error()));
        run = store.run(firstId);
        QCOMPARE(run->epochsDone, 3);
        QCOMPARE(run->bestTestAccuracy, 0.80);
        QCOMPARE(run->finalTestAccuracy, 0.70);

        // Unknown runs are reported with their id and the file.
        const Status missing = store.addEpoch(9999, epoch(1, 0.5, 1.0));
        QVERIFY(!missing);
        QVERIFY2(missing.error().contains(QLatin1String("9999")), qPrintable(missing.error()));
        QVERIFY2(missing.error().contains(store.path()), qPrintable(missing.error()));
        QVERIFY(!store.run(9999));
        QVERIFY(!store.setName(9999, QStringLiteral("ghost")));
        QVERIFY(!store.finishRun(9999, RunStatus::Finished));
        QVERIFY(!store.addArtifact(9999, QStringLiteral("weights"), QStringLiteral("/tmp/w.pt")));
        QVERIFY(!store.addEpoch(firstId, epoch(0, 0.5, 1.0)));

        QVERIFY(!store.finishRun(firstId, RunStatus::Running));
        QVERIFY(store.finishRun(firstId, RunStatus::Finished));
        run = store.run(firstId);
        QCOMPARE(run->status, RunStatus::Finished);
        QVERIFY(run->finished.isValid());
        QVERIFY(run->finished >= run->created);
        QVERIFY(run->error.isEmpty());

        const Result<qint64> second = store.createRun(sampleRun(QStringLiteral("second")));
        QVERIFY(second);
        secondId = *second;
        QVERIFY(secondId > firstId);
        QVERIFY(store.addEpoch(secondId, epoch(1, 0.3, 2.0)));
        QVERIFY(store.finishRun(secondId, RunStatus::Failed, QStringLiteral("loss became NaN at batch 12")));

        // Rename, notes, tags (with characters that need quoting in JSON).
        QVERIFY(store.setName(firstId, QStringLiteral("first, renamed")));
        QVERIFY(store.setNotes(firstId, QStringLiteral("line one\nline two \"quoted\"")));
        const QStringList tags{QStringLiteral("binary"), QStringLiteral("a \"quoted\", tag"),
                               QStringLiteral("ñandú")};
        QVERIFY(store.setTags(firstId, tags));
        run = store.run(firstId);
        QCOMPARE(run->name, QStringLiteral("first, renamed"));
        QCOMPARE(run->notes, QStringLiteral("line one\nline two \"quoted\""));
        QCOMPARE(run->tags, tags);

        const Result<qint64> weights = store.addArtifact(
            firstId, QStringLiteral("weights"), store.runDirectory(firstId) + QStringLiteral("/w.pt"));
        QVERIFY2(weights, qPrintable(weights.error()));
        const Result<qint64> header = store.addArtifact(
            firstId, QStringLiteral("c-header"), store.runDirectory(firstId) + QStringLiteral("/net.h"));
        QVERIFY(header);
        QVERIFY(*header > *weights);
        const Result<QList<ArtifactRecord>> artifacts = store.artifacts(firstId);
        QVERIFY(artifacts);
        QCOMPARE(artifacts->size(), 2);
        QCOMPARE(artifacts->at(0).id, *weights);
        QCOMPARE(artifacts->at(0).runId, firstId);
        QCOMPARE(artifacts->at(0).kind, QStringLiteral("weights"));
        QVERIFY(artifacts->at(0).path.endsWith(QLatin1String("/w.pt")));
        QVERIFY(artifacts->at(0).created.isValid());
        QCOMPARE(artifacts->at(1).kind, QStringLiteral("c-header"));

        const QString runDir = store.runDirectory(firstId);
        QVERIFY(QFileInfo(runDir).isDir());
        QCOMPARE(QDir::cleanPath(runDir),
                 QDir::cleanPath(m_dir.filePath(QStringLiteral("roundtrip/nested/history-runs/%1").arg(firstId))));

        // Newest first.
        Result<QList<RunRecord>> all = store.runs();
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).id, secondId);
        QCOMPARE(all->at(1).id, firstId);
        QCOMPARE(all->at(0).status, RunStatus::Failed);
        QCOMPARE(all->at(0).error, QStringLiteral("loss became NaN at batch 12"));
        QCOMPARE(all->at(1).epochsDone, 3);

        // Deleting a run takes its epochs and artifact rows along, and nothing else.
        QVERIFY(store.deleteRun(firstId));
        QVERIFY(!store.run(firstId));
        QVERIFY(!store.deleteRun(firstId));
        QVERIFY(store.epochs(firstId)->isEmpty());
        QVERIFY(store.artifacts(firstId)->isEmpty());
        all = store.runs();
        QCOMPARE(all->size(), 1);
        QCOMPARE(store.epochs(secondId)->size(), 1);

        RawConnection raw(path);
        QVERIFY(raw.isOpen());
        QCOMPARE(
            raw.scalar(QStringLiteral("SELECT COUNT(*) FROM epochs WHERE run_id = %1").arg(firstId)).toInt(),
            0);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM artifacts WHERE run_id = %1").arg(firstId))
                     .toInt(),
                 0);
        QCOMPARE(
            raw.scalar(QStringLiteral("SELECT owner_pid FROM runs WHERE id = %1").arg(secondId)).toLongLong(),
            QCoreApplication::applicationPid());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT tags FROM runs WHERE id = %1").arg(secondId)).toString(),
                 QStringLiteral("[]"));
    }

    // Everything persisted; the file is a healthy WAL database at the current version.
    {
        ExperimentStore store;
        QVERIFY(store.open(path));
        const Result<RunRecord> run = store.run(secondId);
        QVERIFY(run);
        QCOMPARE(run->status, RunStatus::Failed);
        QCOMPARE(run->error, QStringLiteral("loss became NaN at batch 12"));
        QCOMPARE(run->finalTestAccuracy, 0.3);

        // open() on an open store switches files.
        const QString other = m_dir.filePath(QStringLiteral("roundtrip/other.sqlite"));
        QVERIFY(store.open(other));
        QCOMPARE(store.path(), QFileInfo(other).absoluteFilePath());
        QVERIFY(store.runs()->isEmpty());
    }
    RawConnection raw(path);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), ExperimentStore::kSchemaVersion);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
}

void TestExperimentStore::markInterrupted()
{
    const QString path = m_dir.filePath(QStringLiteral("interrupted.sqlite"));
    const qint64 dead = deadPid();
    QVERIFY(dead > 0);

    qint64 mine = -1;
    {
        ExperimentStore store;
        QVERIFY(store.open(path));
        const Result<qint64> id = store.createRun(sampleRun(QStringLiteral("mine")));
        QVERIFY(id);
        mine = *id;
    }
    {
        RawConnection raw(path);
        const QString insert =
            QStringLiteral("INSERT INTO runs (id, name, created, status, spec_json, owner_pid)"
                           " VALUES (%1, '%2', '2024-01-01T00:00:00.000Z', '%3', '{}', %4)");
        QVERIFY(raw.exec(insert.arg(QString::number(100), QStringLiteral("dead"), QStringLiteral("running"),
                                    QString::number(dead))));
        QVERIFY(raw.exec(insert.arg(QString::number(101), QStringLiteral("no pid"), QStringLiteral("running"),
                                    QStringLiteral("NULL"))));
        // pid 1 always exists (usually someone else's process: kill() says EPERM, still alive).
        QVERIFY(raw.exec(insert.arg(QString::number(102), QStringLiteral("init"), QStringLiteral("running"),
                                    QStringLiteral("1"))));
        QVERIFY(raw.exec(insert.arg(QString::number(103), QStringLiteral("done"), QStringLiteral("finished"),
                                    QString::number(dead))));
    }

    ExperimentStore store;
    QVERIFY(store.open(path)); // marks on open
    QCOMPARE(store.run(100)->status, RunStatus::Interrupted);
    QVERIFY(store.run(100)->finished.isValid());
    QCOMPARE(store.run(101)->status, RunStatus::Interrupted);
    QCOMPARE(store.run(102)->status, RunStatus::Running);
    QVERIFY(!store.run(102)->finished.isValid());
    QCOMPARE(store.run(103)->status, RunStatus::Finished);
    QCOMPARE(store.run(mine)->status, RunStatus::Running);
    QCOMPARE(*store.markInterruptedRuns(), 0);

    // Called directly, it counts what it marked.
    {
        RawConnection raw(path);
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO runs (name, status, spec_json, owner_pid)"
                                        " VALUES ('late', 'running', '{}', %1)")
                             .arg(dead)));
    }
    const Result<int> marked = store.markInterruptedRuns();
    QVERIFY2(marked, qPrintable(marked.error()));
    QCOMPARE(*marked, 1);
    QCOMPARE(store.run(mine)->status, RunStatus::Running);
}

void TestExperimentStore::sweepsAndGroups()
{
    ExperimentStore store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("sweeps/history.sqlite"))));
    const qint64 first = *store.createRun(sampleRun(QStringLiteral("seed 1")));
    RunRecord second = sampleRun(QStringLiteral("seed 2"));
    second.groupId = first;
    const qint64 secondId = *store.createRun(second);
    QVERIFY(store.setGroup(first, first));
    QCOMPARE(store.run(first)->groupId, first);
    QCOMPARE(store.run(secondId)->groupId, first);

    SweepRecord sweep;
    sweep.runId = first;
    sweep.kind = QStringLiteral("ptq");
    sweep.parameter = QStringLiteral("frac_bits");
    sweep.settingsJson = QStringLiteral("{\"word_bits\":16}");
    for (int f = 2; f <= 4; ++f) {
        SweepPoint p;
        p.value = f;
        p.accuracies = {0.5 + 0.1 * f, 0.6 + 0.1 * f};
        p.accuracyMean = 0.55 + 0.1 * f;
        p.accuracyStd = 0.05;
        p.accuracyMin = p.accuracies[0];
        p.accuracyMax = p.accuracies[1];
        p.loss = 1.0 / f;
        sweep.points << p;
    }
    const Result<qint64> id = store.addSweep(sweep);
    QVERIFY2(id, qPrintable(id.error()));
    const auto sweeps = store.sweeps(first);
    QVERIFY(sweeps);
    QCOMPARE(sweeps->size(), 1);
    const SweepRecord &back = sweeps->first();
    QCOMPARE(back.id, *id);
    QCOMPARE(back.kind, QStringLiteral("ptq"));
    QCOMPARE(back.parameter, QStringLiteral("frac_bits"));
    QCOMPARE(back.settingsJson, sweep.settingsJson);
    QCOMPARE(back.points.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(back.points[i].value, sweep.points[i].value);
        QCOMPARE(back.points[i].accuracies, sweep.points[i].accuracies);
        QCOMPARE(back.points[i].accuracyMean, sweep.points[i].accuracyMean);
        QCOMPARE(back.points[i].loss, sweep.points[i].loss);
    }
    sweep.runId = 999;
    const Result<qint64> orphan = store.addSweep(sweep);
    QVERIFY(!orphan);
    QVERIFY2(orphan.error().contains(QLatin1String("999")), qPrintable(orphan.error()));
    // Deleting the run deletes its sweeps and their points.
    QVERIFY(store.deleteRun(first));
    QCOMPARE(store.sweeps(first)->size(), 0);
}

void TestExperimentStore::migrationFromVersion1()
{
    const QString path = m_dir.filePath(QStringLiteral("v1/history.sqlite"));
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    {
        RawConnection raw(path);
        QVERIFY(raw.isOpen());
        for (const char *sql : kSchemaV1)
            QVERIFY(raw.exec(QString::fromLatin1(sql)));
        QVERIFY(raw.exec(QStringLiteral(
            "INSERT INTO runs (name, created, finished, status, spec_json, network_name, dataset, seed,"
            " epochs_planned, final_test_accuracy, final_test_loss, best_test_accuracy, owner_pid)"
            " VALUES ('old run', '2023-05-06T07:08:09.010Z', '2023-05-06T08:00:00.000Z', 'finished',"
            " '{\"v\":1}', 'lab-bnn', 'fashion-mnist', 42, 2, 0.85, 0.41, 0.86, 12345)")));
        QVERIFY(
            raw.exec(QStringLiteral("INSERT INTO epochs VALUES (1, 1, 0.9, 0.7, 0.5, 0.86, 10.0, 6000.0)")));
        QVERIFY(
            raw.exec(QStringLiteral("INSERT INTO epochs VALUES (1, 2, 0.6, 0.8, 0.41, 0.85, 9.5, 6300.0)")));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 1);
    }

    ExperimentStore store;
    const Status opened = store.open(path);
    QVERIFY2(opened, qPrintable(opened.error()));
    QCOMPARE(store.schemaVersion(), ExperimentStore::kSchemaVersion);

    const Result<RunRecord> run = store.run(1);
    QVERIFY2(run, qPrintable(run.error()));
    QCOMPARE(run->name, QStringLiteral("old run"));
    QCOMPARE(run->status, RunStatus::Finished);
    QCOMPARE(run->created, QDateTime(QDate(2023, 5, 6), QTime(7, 8, 9, 10), Qt::UTC));
    QCOMPARE(run->finished, QDateTime(QDate(2023, 5, 6), QTime(8, 0), Qt::UTC));
    QCOMPARE(run->specJson, QStringLiteral("{\"v\":1}"));
    QCOMPARE(run->networkName, QStringLiteral("lab-bnn"));
    QCOMPARE(run->dataset, QStringLiteral("fashion-mnist"));
    QCOMPARE(run->seed, qint64(42));
    QCOMPARE(run->epochsPlanned, 2);
    QCOMPARE(run->epochsDone, 2);
    QCOMPARE(run->finalTestAccuracy, 0.85);
    QCOMPARE(run->finalTestLoss, 0.41);
    QCOMPARE(run->bestTestAccuracy, 0.86);
    QVERIFY(run->notes.isEmpty());
    QVERIFY(run->tags.isEmpty());
    QVERIFY(run->error.isEmpty());

    const Result<QList<EpochMetrics>> epochs = store.epochs(1);
    QVERIFY(epochs);
    QCOMPARE(epochs->size(), 2);
    QCOMPARE(epochs->at(0).testAccuracy, 0.86);
    QCOMPARE(epochs->at(1).trainLoss, 0.6);
    QCOMPARE(epochs->at(1).samplesPerSecond, 6300.0);

    // The version 2 columns and table work on the old run.
    QVERIFY(store.setNotes(1, QStringLiteral("from the old days")));
    QVERIFY(store.setTags(1, {QStringLiteral("legacy")}));
    QVERIFY(store.addArtifact(1, QStringLiteral("weights"), QStringLiteral("/data/old.pt")));
    QVERIFY(store.finishRun(1, RunStatus::Failed, QStringLiteral("re-judged")));
    QCOMPARE(store.run(1)->notes, QStringLiteral("from the old days"));
    QCOMPARE(store.run(1)->tags, QStringList{QStringLiteral("legacy")});
    QCOMPARE(store.run(1)->error, QStringLiteral("re-judged"));
    QCOMPARE(store.artifacts(1)->size(), 1);
    // The version 3 group column and sweep tables work on the old run.
    QCOMPARE(store.run(1)->groupId, qint64(-1));
    QVERIFY(store.setGroup(1, 1));
    QCOMPARE(store.run(1)->groupId, qint64(1));
    SweepRecord sweep;
    sweep.runId = 1;
    sweep.kind = QStringLiteral("ptq");
    QVERIFY(store.addSweep(sweep));
    // New runs continue the old AUTOINCREMENT sequence.
    QCOMPARE(*store.createRun(sampleRun(QStringLiteral("new"))), qint64(2));

    RawConnection raw(path);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), ExperimentStore::kSchemaVersion);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index'"
                                       " AND tbl_name = 'runs' AND sql LIKE '%(created)%'"))
                 .toInt(),
             1);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM pragma_foreign_key_check")).toInt(), 0);
}

void TestExperimentStore::textFileIsRefusedAndUntouched()
{
    const QString folder = m_dir.filePath(QStringLiteral("text"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/history.sqlite");
    QByteArray text;
    for (int i = 0; i < 200; ++i)
        text += "These are my lab notes, not a database. Line " + QByteArray::number(i) + "\n";
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(text), qint64(text.size()));
    }

    ExperimentStore store;
    const Status opened = store.open(path);
    QVERIFY(!opened);
    QVERIFY(!store.isOpen());
    QVERIFY2(opened.error().contains(QFileInfo(path).absoluteFilePath()), qPrintable(opened.error()));
    QVERIFY2(opened.error().contains(QLatin1String("not a QuantBench history database")),
             qPrintable(opened.error()));
    QCOMPARE(readAll(path), text);
    // No journal or WAL files appeared next to it.
    QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{QStringLiteral("history.sqlite")});
    QVERIFY(!store.createRun(sampleRun(QStringLiteral("x"))));
}

void TestExperimentStore::damagedDatabaseIsRefusedAndUntouched()
{
    const QString path = m_dir.filePath(QStringLiteral("damaged/history.sqlite"));
    {
        ExperimentStore store;
        QVERIFY(store.open(path));
        RunRecord record = sampleRun(QStringLiteral("filler"));
        record.specJson = QString(2000, QLatin1Char('x'));
        for (int i = 0; i < 40; ++i) {
            const Result<qint64> id = store.createRun(record);
            QVERIFY(id);
            QVERIFY(store.addEpoch(*id, epoch(1, 0.5, 1.0)));
        }
    }
    // The last connection checkpointed the WAL into the file and removed it.
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));

    QByteArray bytes = readAll(path);
    const int pageSize = (static_cast<unsigned char>(bytes[16]) << 8) | static_cast<unsigned char>(bytes[17]);
    QVERIFY(pageSize >= 512);
    QVERIFY(bytes.size() >= 3 * pageSize);
    // Scribble over the header of page 2 (a b-tree page: the runs table's root).
    for (int i = 0; i < 64; ++i)
        bytes[pageSize + i] = char(0xA5);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), qint64(bytes.size()));
    }

    ExperimentStore store;
    const Status opened = store.open(path);
    QVERIFY(!opened);
    QVERIFY2(opened.error().contains(QLatin1String("damaged")), qPrintable(opened.error()));
    QVERIFY2(opened.error().contains(QFileInfo(path).absoluteFilePath()), qPrintable(opened.error()));
    QCOMPARE(readAll(path), bytes);
}

void TestExperimentStore::newerSchemaIsRefused()
{
    const QString path = m_dir.filePath(QStringLiteral("newer.sqlite"));
    {
        RawConnection raw(path);
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE runs (id INTEGER PRIMARY KEY, hologram BLOB)")));
        QVERIFY(
            raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(ExperimentStore::kSchemaVersion + 1)));
    }
    const QByteArray before = readAll(path);

    ExperimentStore store;
    const Status opened = store.open(path);
    QVERIFY(!opened);
    QVERIFY2(opened.error().contains(QLatin1String("created by a newer QuantBench")),
             qPrintable(opened.error()));
    QVERIFY2(opened.error().contains(QFileInfo(path).absoluteFilePath()), qPrintable(opened.error()));
    QCOMPARE(readAll(path), before);
}

void TestExperimentStore::foreignDatabaseIsRefused()
{
    const QString path = m_dir.filePath(QStringLiteral("contacts.sqlite"));
    {
        RawConnection raw(path);
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE contacts (name TEXT, phone TEXT)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO contacts VALUES ('Ada', '555')")));
    }
    const QByteArray before = readAll(path);

    ExperimentStore store;
    const Status opened = store.open(path);
    QVERIFY(!opened);
    QVERIFY2(opened.error().contains(QLatin1String("not a QuantBench history database")),
             qPrintable(opened.error()));
    QCOMPARE(readAll(path), before);
}

void TestExperimentStore::twoStoresOnOneFile()
{
    const QString path = m_dir.filePath(QStringLiteral("shared.sqlite"));
    ExperimentStore a;
    ExperimentStore b;
    QVERIFY(a.open(path));
    QVERIFY(b.open(path));

    const Result<qint64> id = a.createRun(sampleRun(QStringLiteral("shared")));
    QVERIFY(id);
    QCOMPARE(b.runs()->size(), 1);
    QVERIFY(b.addEpoch(*id, epoch(1, 0.6, 0.9)));
    QVERIFY(a.addEpoch(*id, epoch(2, 0.7, 0.8)));
    QCOMPARE(a.epochs(*id)->size(), 2);
    QVERIFY(b.setName(*id, QStringLiteral("renamed by b")));
    QVERIFY(a.setNotes(*id, QStringLiteral("noted by a")));
    QVERIFY(b.finishRun(*id, RunStatus::Cancelled));

    const Result<RunRecord> run = a.run(*id);
    QCOMPARE(run->name, QStringLiteral("renamed by b"));
    QCOMPARE(run->notes, QStringLiteral("noted by a"));
    QCOMPARE(run->status, RunStatus::Cancelled);
    QCOMPARE(run->epochsDone, 2);
    QCOMPARE(run->bestTestAccuracy, 0.7);
}

void TestExperimentStore::writersInTwoThreads()
{
    // One store per thread, as the trainer does; concurrent writers wait for each other (busy
    // timeout + BEGIN IMMEDIATE) instead of failing.
    const QString path = m_dir.filePath(QStringLiteral("threads.sqlite"));
    {
        ExperimentStore store;
        QVERIFY(store.open(path)); // create the schema once up front
    }
    const int epochsPerRun = 40;
    QString errors[2];
    qint64 ids[2] = {-1, -1};
    auto work = [&](int slot) {
        ExperimentStore store;
        const Status opened = store.open(path);
        if (!opened) {
            errors[slot] = opened.error();
            return;
        }
        const Result<qint64> id = store.createRun(sampleRun(QStringLiteral("thread %1").arg(slot)));
        if (!id) {
            errors[slot] = id.error();
            return;
        }
        ids[slot] = *id;
        for (int e = 1; e <= epochsPerRun; ++e) {
            const Status added = store.addEpoch(*id, epoch(e, 0.01 * e, 1.0 / e));
            if (!added) {
                errors[slot] = added.error();
                return;
            }
        }
        const Status finished = store.finishRun(*id, RunStatus::Finished);
        if (!finished)
            errors[slot] = finished.error();
    };
    std::thread first(work, 0);
    std::thread second(work, 1);
    first.join();
    second.join();
    QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0]));
    QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1]));

    ExperimentStore store;
    QVERIFY(store.open(path));
    for (qint64 id : ids) {
        const Result<RunRecord> run = store.run(id);
        QVERIFY(run);
        QCOMPARE(run->epochsDone, epochsPerRun);
        QCOMPARE(run->status, RunStatus::Finished);
        QCOMPARE(run->finalTestAccuracy, 0.01 * epochsPerRun);
    }
}

void TestExperimentStore::lockedDatabaseWriteFails()
{
    const QString path = m_dir.filePath(QStringLiteral("locked-write.sqlite"));
    ExperimentStore store;
    QVERIFY(store.open(path));
    const Result<qint64> id = store.createRun(sampleRun(QStringLiteral("blocked")));
    QVERIFY(id);

    RawConnection locker(path);
    QVERIFY(locker.isOpen());
    QVERIFY(locker.exec(QStringLiteral("BEGIN EXCLUSIVE")));

    // WAL: readers are not blocked by the writer.
    QVERIFY(store.runs());

    QElapsedTimer timer;
    timer.start();
    const Status added = store.addEpoch(*id, epoch(1, 0.5, 1.0));
    const qint64 waited = timer.elapsed();
    QVERIFY(!added);
    QVERIFY2(added.error().contains(QLatin1String("is locked by another process")),
             qPrintable(added.error()));
    QVERIFY2(added.error().contains(store.path()), qPrintable(added.error()));
    // It waited for the busy timeout (5 s), then gave up.
    QVERIFY2(waited >= 4000, qPrintable(QString::number(waited)));
    QVERIFY2(waited < 60000, qPrintable(QString::number(waited)));

    QVERIFY(locker.exec(QStringLiteral("ROLLBACK")));
    const Status retried = store.addEpoch(*id, epoch(1, 0.5, 1.0));
    QVERIFY2(retried, qPrintable(retried.error()));
    QCOMPARE(store.run(*id)->epochsDone, 1);
}

void TestExperimentStore::lockedDatabaseOpenFails()
{
    // A database in rollback-journal mode under an exclusive lock cannot even be read.
    const QString path = m_dir.filePath(QStringLiteral("locked-open.sqlite"));
    RawConnection locker(path);
    QVERIFY(locker.isOpen());
    QVERIFY(locker.exec(QStringLiteral("CREATE TABLE scratch (x INTEGER)")));
    QVERIFY(locker.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    QVERIFY(locker.exec(QStringLiteral("INSERT INTO scratch VALUES (1)")));

    QElapsedTimer timer;
    timer.start();
    ExperimentStore store;
    const Status opened = store.open(path);
    QVERIFY(!opened);
    QVERIFY2(opened.error().contains(QLatin1String("is locked by another process")),
             qPrintable(opened.error()));
    QVERIFY2(opened.error().contains(QFileInfo(path).absoluteFilePath()), qPrintable(opened.error()));
    QVERIFY(timer.elapsed() < 60000);
    QVERIFY(locker.exec(QStringLiteral("ROLLBACK")));
}

QTEST_GUILESS_MAIN(TestExperimentStore)
#include "tst_experimentstore.moc"
