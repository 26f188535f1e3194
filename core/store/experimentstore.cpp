#include "store/experimentstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <array>
#include <atomic>
#include <limits>
#include <vector>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <signal.h>
#include <sys/types.h>
#endif

namespace qb {

namespace {

Q_LOGGING_CATEGORY(lcStore, "qb.core.store", QtInfoMsg)

constexpr int kBusyTimeoutMs = 5000;

// SQLite primary result codes. The Qt driver reports extended codes (it turns them on); their low
// byte is the primary code.
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteConstraint = 19;
constexpr int kSqliteNotADatabase = 26;

QString number(qint64 value) { return QString::number(value); }

using MigrationStep = std::vector<const char *>;

/// The schema, as the ordered list of migrations: step i takes PRAGMA user_version from i to i + 1,
/// and runs in a transaction of its own. A step that has shipped is never edited: change the schema
/// by appending a step and bumping ExperimentStore::kSchemaVersion (the array size enforces that
/// there is one step per version).
const std::array<MigrationStep, ExperimentStore::kSchemaVersion> &migrationSteps()
{
    static const std::array<MigrationStep, ExperimentStore::kSchemaVersion> steps = {{
        // Version 1: runs and their epochs. Times are ISO 8601 UTC with milliseconds.
        {
            "CREATE TABLE runs ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " name TEXT,"
            " created TEXT,"
            " finished TEXT,"
            " status TEXT NOT NULL,"
            " spec_json TEXT NOT NULL,"
            " network_name TEXT,"
            " dataset TEXT,"
            " seed INTEGER,"
            " epochs_planned INTEGER,"
            " final_test_accuracy REAL,"
            " final_test_loss REAL,"
            " best_test_accuracy REAL,"
            " owner_pid INTEGER)",
            "CREATE TABLE epochs ("
            " run_id INTEGER REFERENCES runs(id) ON DELETE CASCADE,"
            " epoch INTEGER,"
            " train_loss REAL,"
            " train_accuracy REAL,"
            " test_loss REAL,"
            " test_accuracy REAL,"
            " seconds REAL,"
            " samples_per_s REAL,"
            " PRIMARY KEY (run_id, epoch))",
        },
        // Version 2: notes, tags (a JSON array of strings), error text; artifacts.
        {
            "ALTER TABLE runs ADD COLUMN notes TEXT",
            "ALTER TABLE runs ADD COLUMN tags TEXT",
            "ALTER TABLE runs ADD COLUMN error TEXT",
            "CREATE TABLE artifacts ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " run_id INTEGER REFERENCES runs(id) ON DELETE CASCADE,"
            " kind TEXT,"
            " path TEXT,"
            " created TEXT)",
            "CREATE INDEX runs_created ON runs(created)",
            // lets ON DELETE CASCADE find a run's artifacts without a table scan
            "CREATE INDEX artifacts_run_id ON artifacts(run_id)",
        },
        // Version 3: groups of repeated runs; sweeps (PTQ, noise, Monte Carlo) and their points.
        {
            "ALTER TABLE runs ADD COLUMN group_id INTEGER",
            "CREATE TABLE sweeps ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " run_id INTEGER REFERENCES runs(id) ON DELETE CASCADE,"
            " kind TEXT NOT NULL,"
            " parameter TEXT,"
            " settings_json TEXT,"
            " created TEXT)",
            "CREATE INDEX sweeps_run_id ON sweeps(run_id)",
            "CREATE TABLE sweep_points ("
            " sweep_id INTEGER REFERENCES sweeps(id) ON DELETE CASCADE,"
            " position INTEGER,"
            " value REAL,"
            " accuracy_mean REAL,"
            " accuracy_std REAL,"
            " accuracy_min REAL,"
            " accuracy_max REAL,"
            " loss REAL,"
            " accuracies_json TEXT,"
            " PRIMARY KEY (sweep_id, position))",
        },
        // Version 4: experiment grids; a grid's runs carry the grid and their trial index.
        {
            "CREATE TABLE grids ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " name TEXT,"
            " created TEXT,"
            " spec_json TEXT NOT NULL,"
            " executor TEXT,"
            " work_dir TEXT,"
            " job_ids TEXT)",
            "ALTER TABLE runs ADD COLUMN grid_id INTEGER",
            "ALTER TABLE runs ADD COLUMN grid_trial INTEGER",
            "CREATE INDEX runs_grid_id ON runs(grid_id)",
        },
    }};
    return steps;
}

/// Columns read into a RunRecord by runFromQuery(), in this order.
const char kRunColumns[]
    = "r.id, r.name, r.created, r.finished, r.status, r.spec_json, r.network_name, r.dataset, r.seed,"
      " r.epochs_planned, r.final_test_accuracy, r.final_test_loss, r.best_test_accuracy, r.notes, r.tags,"
      " r.error, (SELECT COUNT(*) FROM epochs e WHERE e.run_id = r.id), r.group_id, r.grid_id, r.grid_trial";

QString toIso(const QDateTime &time) { return time.toUTC().toString(Qt::ISODateWithMs); }

QString nowIso() { return toIso(QDateTime::currentDateTimeUtc()); }

QDateTime fromIso(const QVariant &value)
{
    if (value.isNull())
        return QDateTime();
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

/// NULL reads as `fallback` (a metric that is not there yet, or a NaN: SQLite stores NaN as NULL).
double realOr(const QVariant &value, double fallback) { return value.isNull() ? fallback : value.toDouble(); }

QVariant nullIfEmpty(const QString &text) { return text.isEmpty() ? QVariant() : QVariant(text); }

QString tagsToJson(const QStringList &tags)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

QStringList tagsFromJson(const QVariant &value, qint64 runId)
{
    QStringList tags;
    if (value.isNull() || value.toString().isEmpty())
        return tags;
    const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
    if (!doc.isArray()) {
        qCWarning(lcStore) << "run" << runId << "has unreadable tags" << value.toString();
        return tags;
    }
    const QJsonArray array = doc.array();
    for (const QJsonValue &tag : array)
        tags << tag.toString();
    return tags;
}

RunRecord runFromQuery(const QSqlQuery &q)
{
    RunRecord run;
    run.id = q.value(0).toLongLong();
    run.name = q.value(1).toString();
    run.created = fromIso(q.value(2));
    run.finished = fromIso(q.value(3));
    const QString status = q.value(4).toString();
    if (!runStatusFromName(status, &run.status)) {
        // Only a newer program could write one, and open() refuses newer schemas.
        qCWarning(lcStore) << "run" << run.id << "has unknown status" << status;
        run.status = RunStatus::Failed;
    }
    run.specJson = q.value(5).toString();
    run.networkName = q.value(6).toString();
    run.dataset = q.value(7).toString();
    run.seed = q.value(8).toLongLong();
    run.epochsPlanned = q.value(9).toInt();
    run.finalTestAccuracy = realOr(q.value(10), -1.0);
    run.finalTestLoss = realOr(q.value(11), -1.0);
    run.bestTestAccuracy = realOr(q.value(12), -1.0);
    run.notes = q.value(13).toString();
    run.tags = tagsFromJson(q.value(14), run.id);
    run.error = q.value(15).toString();
    run.epochsDone = q.value(16).toInt();
    run.groupId = q.value(17).isNull() ? -1 : q.value(17).toLongLong();
    run.gridId = q.value(18).isNull() ? -1 : q.value(18).toLongLong();
    run.gridTrial = q.value(19).isNull() ? -1 : q.value(19).toInt();
    return run;
}

/// Prepares and runs one statement with positional values; false on error (q.lastError() says why).
bool execSql(QSqlQuery &q, const QString &sql, const QVariantList &values = QVariantList())
{
    if (!q.prepare(sql))
        return false;
    for (const QVariant &value : values)
        q.addBindValue(value);
    return q.exec();
}

/// True unless the process is known to be gone. Our own pid is alive by definition; a missing pid
/// (NULL, 0) counts as dead.
bool processAlive(const QVariant &pidValue)
{
    if (pidValue.isNull())
        return false;
    const qint64 pid = pidValue.toLongLong();
    if (pid <= 0)
        return false;
    if (pid == QCoreApplication::applicationPid())
        return true;
#ifdef Q_OS_UNIX
    if (pid > std::numeric_limits<pid_t>::max())
        return false;
    // kill(pid, 0) sends nothing; ESRCH means no such process. EPERM means it exists but belongs to
    // someone else: alive.
    return !(::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH);
#else
    // No check on this platform: never mark a run interrupted that might still be training.
    return true;
#endif
}

/// A write transaction that rolls back unless committed. BEGIN IMMEDIATE (rather than the deferred
/// BEGIN of QSqlDatabase::transaction()) takes the write lock up front, so waiting for another
/// writer goes through the busy timeout, and a transaction that has read cannot fail later with a
/// stale WAL snapshot (SQLITE_BUSY_SNAPSHOT, which skips the busy handler).
class WriteTransaction
{
public:
    explicit WriteTransaction(const QSqlDatabase &db)
        : m_db(db)
    {
    }
    ~WriteTransaction()
    {
        if (m_active)
            rollback();
    }
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool begin()
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            m_error = q.lastError();
            return false;
        }
        m_active = true;
        return true;
    }

    bool commit()
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("COMMIT"))) {
            m_error = q.lastError();
            rollback();
            return false;
        }
        m_active = false;
        return true;
    }

    const QSqlError &error() const { return m_error; }

private:
    void rollback()
    {
        m_active = false;
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("ROLLBACK")))
            qCWarning(lcStore) << "rollback failed in" << m_db.databaseName() << q.lastError().text();
    }

    QSqlDatabase m_db;
    QSqlError m_error;
    bool m_active = false;
};

std::atomic<quint64> s_connectionCounter{0};

} // namespace

struct ExperimentStore::Private
{
    QString path; ///< absolute path of the database file
    QString connectionName; ///< empty while no connection exists
    QSqlDatabase db;
    int version = 0; ///< PRAGMA user_version once open
    bool open = false;

    Status openDatabase();
    Status migrate();
    Result<int> readUserVersion();
    void closeConnection();

    /// A user-facing message for a failed statement: `action` is what we were doing ("record epoch 3
    /// of run 5"); the message always names the database file.
    QString sqlError(const QString &action, const QSqlError &error) const;
    QString damaged(const QString &detail) const;
    Status notOpen() const;
    QString noSuchRun(const QString &action, qint64 runId) const;
    Status updateRunColumn(qint64 runId, const char *column, const QVariant &value, const QString &action);
};

QString ExperimentStore::Private::sqlError(const QString &action, const QSqlError &error) const
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    switch (code) {
    case kSqliteBusy:
    case kSqliteLocked:
        return QCoreApplication::translate("qb::ExperimentStore",
            "Cannot %1: database %2 is locked by another process (gave up after %3 s).")
            .arg(action, path, number(kBusyTimeoutMs / 1000));
    case kSqliteNotADatabase:
        return QCoreApplication::translate(
            "qb::ExperimentStore", "%1 is not a QuantBench history database (file is not a database).")
            .arg(path);
    case kSqliteCorrupt:
        return damaged(detail);
    case kSqliteFull:
        return QCoreApplication::translate(
            "qb::ExperimentStore", "Cannot %1: the disk that holds %2 is full.")
            .arg(action, path);
    case kSqliteReadOnly:
        return QCoreApplication::translate("qb::ExperimentStore", "Cannot %1: %2 is read-only (%3).")
            .arg(action, path, detail);
    default:
        return QCoreApplication::translate("qb::ExperimentStore", "Cannot %1 in %2: %3")
            .arg(action, path, detail);
    }
}

QString ExperimentStore::Private::damaged(const QString &detail) const
{
    return QCoreApplication::translate("qb::ExperimentStore",
        "The history database %1 is damaged (%2). It was left untouched: restore a backup, or move it "
        "away to start a new history.")
        .arg(path, detail);
}

Status ExperimentStore::Private::notOpen() const
{
    return Status::failure(
        QCoreApplication::translate("qb::ExperimentStore", "The experiment history is not open."));
}

QString ExperimentStore::Private::noSuchRun(const QString &action, qint64 runId) const
{
    return QCoreApplication::translate("qb::ExperimentStore", "Cannot %1: there is no run %2 in %3.")
        .arg(action, number(runId), path);
}

Status ExperimentStore::Private::updateRunColumn(
    qint64 runId, const char *column, const QVariant &value, const QString &action)
{
    if (!open)
        return notOpen();
    QSqlQuery q(db);
    const QString sql = QStringLiteral("UPDATE runs SET %1 = ? WHERE id = ?").arg(QLatin1String(column));
    if (!execSql(q, sql, {value, runId}))
        return Status::failure(sqlError(action, q.lastError()));
    if (q.numRowsAffected() == 0)
        return Status::failure(noSuchRun(action, runId));
    return Status();
}

void ExperimentStore::Private::closeConnection()
{
    open = false;
    version = 0;
    if (connectionName.isEmpty())
        return;
    db.close();
    // removeDatabase() warns ("still in use") while any QSqlDatabase copy of it exists: drop ours first.
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(connectionName);
    connectionName.clear();
}

Result<int> ExperimentStore::Private::readUserVersion()
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return Result<int>::failure(sqlError(
            QCoreApplication::translate("qb::ExperimentStore", "read the schema version"), q.lastError()));
    return q.value(0).toInt();
}

Status ExperimentStore::Private::openDatabase()
{
    if (path.isEmpty())
        return Status::failure(QCoreApplication::translate(
            "qb::ExperimentStore", "No file was given for the experiment history."));
    const QFileInfo info(path);
    if (info.isDir())
        return Status::failure(QCoreApplication::translate(
            "qb::ExperimentStore", "%1 is a folder, not a QuantBench history database.")
                                   .arg(path));
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder))
        return Status::failure(QCoreApplication::translate(
            "qb::ExperimentStore", "Cannot create the folder %1 for the history database %2.")
                                   .arg(folder, path));

    connectionName = QStringLiteral("qb-store-%1").arg(++s_connectionCounter);
    db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    if (!db.isValid())
        return Status::failure(QCoreApplication::translate(
            "qb::ExperimentStore", "Cannot open %1: the Qt SQLite driver (QSQLITE) is not available.")
                                   .arg(path));
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (!db.open())
        return Status::failure(
            QCoreApplication::translate("qb::ExperimentStore", "Cannot open the history database %1: %2")
                .arg(path, db.lastError().text()));

    // Everything up to the journal mode only reads, so a file we refuse is never modified. The first
    // read looks at the file header: a file that is not SQLite fails here.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
                               " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"))
        || !q.next())
        return Status::failure(sqlError(
            QCoreApplication::translate("qb::ExperimentStore", "read the history database"), q.lastError()));
    const int tables = q.value(0).toInt();
    q.finish();

    if (!q.exec(QStringLiteral("PRAGMA quick_check")))
        return Status::failure(sqlError(
            QCoreApplication::translate("qb::ExperimentStore", "check the history database"), q.lastError()));
    QStringList problems;
    while (q.next()) {
        const QString row = q.value(0).toString();
        if (row != QLatin1String("ok"))
            problems << row;
    }
    if (q.lastError().isValid())
        return Status::failure(sqlError(
            QCoreApplication::translate("qb::ExperimentStore", "check the history database"), q.lastError()));
    q.finish();
    if (!problems.isEmpty()) {
        qCWarning(lcStore) << "integrity check of" << path << "failed:" << problems;
        const int shown = 3;
        QString detail = problems.mid(0, shown).join(QStringLiteral("; "));
        if (problems.size() > shown)
            detail += QCoreApplication::translate("qb::ExperimentStore", "; and %1 more problems")
                          .arg(problems.size() - shown);
        return Status::failure(
            damaged(QCoreApplication::translate("qb::ExperimentStore", "integrity check: %1").arg(detail)));
    }

    Result<int> userVersion = readUserVersion();
    if (!userVersion)
        return Status::failure(userVersion.error());
    version = *userVersion;
    if (version > kSchemaVersion)
        return Status::failure(QCoreApplication::translate("qb::ExperimentStore",
            "The history database %1 was created by a newer QuantBench (schema version %2; "
            "this version knows up to %3). It was left untouched.")
                                   .arg(path, number(version), number(kSchemaVersion)));
    if (version < 0 || (version == 0 && tables > 0))
        // Someone else's SQLite file: adding our tables to it would modify their data.
        return Status::failure(QCoreApplication::translate("qb::ExperimentStore",
            "%1 is not a QuantBench history database (it holds tables of another program).")
                                   .arg(path));

    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next())
        return Status::failure(sqlError(
            QCoreApplication::translate("qb::ExperimentStore", "switch to the WAL journal"), q.lastError()));
    const QString mode = q.value(0).toString();
    q.finish();
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        qCWarning(lcStore) << path << "stays in journal mode" << mode << "(WAL is not available there)";
    if (!q.exec(QStringLiteral("PRAGMA synchronous = NORMAL")))
        return Status::failure(
            sqlError(QCoreApplication::translate("qb::ExperimentStore", "set the sync mode"), q.lastError()));
    if (!q.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return Status::failure(sqlError(
            QCoreApplication::translate("qb::ExperimentStore", "enable foreign keys"), q.lastError()));
    if (!q.exec(QStringLiteral("PRAGMA foreign_keys")) || !q.next())
        return Status::failure(sqlError(
            QCoreApplication::translate("qb::ExperimentStore", "enable foreign keys"), q.lastError()));
    if (q.value(0).toInt() != 1)
        // deleteRun() relies on ON DELETE CASCADE
        return Status::failure(QCoreApplication::translate(
            "qb::ExperimentStore", "Cannot open %1: this SQLite library does not enforce foreign keys.")
                                   .arg(path));
    q.finish();

    return migrate();
}

Status ExperimentStore::Private::migrate()
{
    const auto &steps = migrationSteps();
    const int initial = version;
    while (version < kSchemaVersion) {
        const QString action
            = QCoreApplication::translate("qb::ExperimentStore", "upgrade the history to schema version %1")
                  .arg(version + 1);
        WriteTransaction transaction(db);
        if (!transaction.begin())
            return Status::failure(sqlError(action, transaction.error()));
        // Another process may have upgraded the file while we waited for the write lock.
        Result<int> current = readUserVersion();
        if (!current)
            return Status::failure(current.error());
        if (*current != version) {
            if (!transaction.commit())
                return Status::failure(sqlError(action, transaction.error()));
            version = *current;
            if (version > kSchemaVersion)
                return Status::failure(QCoreApplication::translate("qb::ExperimentStore",
                    "The history database %1 was upgraded by a newer QuantBench while "
                    "it was being opened (schema version %2).")
                                           .arg(path, number(version)));
            continue;
        }
        QSqlQuery q(db);
        for (const char *statement : steps[static_cast<size_t>(version)]) {
            if (!q.exec(QString::fromLatin1(statement)))
                return Status::failure(sqlError(action, q.lastError()));
        }
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1)))
            return Status::failure(sqlError(action, q.lastError()));
        if (!transaction.commit())
            return Status::failure(sqlError(action, transaction.error()));
        ++version;
    }
    if (version != initial) {
        if (initial == 0)
            qCDebug(lcStore) << "created history" << path << "at schema version" << version;
        else
            qCInfo(lcStore) << "upgraded history" << path << "from schema version" << initial << "to"
                            << version;
    }
    return Status();
}

ExperimentStore::ExperimentStore()
    : d(new Private)
{
}

ExperimentStore::~ExperimentStore()
{
    d->closeConnection();
    delete d;
}

QString ExperimentStore::defaultPath()
{
    if (QCoreApplication::applicationName().isEmpty())
        return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
            + QStringLiteral("/quantbench/history.sqlite");
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/history.sqlite");
}

Status ExperimentStore::open(const QString &path)
{
    d->closeConnection();
    d->path = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    const Status status = d->openDatabase();
    if (!status) {
        qCWarning(lcStore).noquote() << status.error();
        d->closeConnection();
        return status;
    }
    d->open = true;
    qCDebug(lcStore) << "opened" << d->path << "as" << d->connectionName << "schema version" << d->version;

    // Not fatal: the history is usable, and the next open tries again.
    const Result<int> marked = markInterruptedRuns();
    if (!marked)
        qCWarning(lcStore).noquote() << marked.error();
    return Status();
}

bool ExperimentStore::isOpen() const { return d->open; }

QString ExperimentStore::path() const { return d->path; }

int ExperimentStore::schemaVersion() const { return d->open ? d->version : 0; }

Result<qint64> ExperimentStore::createRun(const RunRecord &run)
{
    if (!d->open)
        return Result<qint64>::failure(d->notOpen().error());
    const QDateTime created = run.created.isValid() ? run.created : QDateTime::currentDateTimeUtc();
    QSqlQuery q(d->db);
    const bool ok = execSql(q,
        QStringLiteral("INSERT INTO runs (name, created, status, spec_json, network_name, dataset,"
                       " seed, epochs_planned, notes, tags, owner_pid, group_id)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {run.name, toIso(created), runStatusName(RunStatus::Running),
            run.specJson.isNull() ? QStringLiteral("") : run.specJson, run.networkName, run.dataset, run.seed,
            run.epochsPlanned, nullIfEmpty(run.notes), tagsToJson(run.tags),
            QCoreApplication::applicationPid(), run.groupId >= 0 ? QVariant(run.groupId) : QVariant()});
    if (!ok)
        return Result<qint64>::failure(d->sqlError(
            QCoreApplication::translate("qb::ExperimentStore", "record a new run"), q.lastError()));
    return q.lastInsertId().toLongLong();
}

Status ExperimentStore::addEpoch(qint64 runId, const EpochMetrics &metrics)
{
    if (!d->open)
        return d->notOpen();
    const QString action = QCoreApplication::translate("qb::ExperimentStore", "record epoch %1 of run %2")
                               .arg(number(metrics.epoch), number(runId));
    if (metrics.epoch < 1)
        return Status::failure(
            QCoreApplication::translate("qb::ExperimentStore", "Cannot %1 in %2: epochs are numbered from 1.")
                .arg(action, d->path));

    WriteTransaction transaction(d->db);
    if (!transaction.begin())
        return Status::failure(d->sqlError(action, transaction.error()));
    QSqlQuery q(d->db);
    if (!execSql(q,
            QStringLiteral("INSERT INTO epochs (run_id, epoch, train_loss, train_accuracy, test_loss,"
                           " test_accuracy, seconds, samples_per_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {runId, metrics.epoch, metrics.trainLoss, metrics.trainAccuracy, metrics.testLoss,
                metrics.testAccuracy, metrics.seconds, metrics.samplesPerSecond})) {
        const QSqlError error = q.lastError();
        if ((error.nativeErrorCode().toInt() & 0xff) == kSqliteConstraint) {
            if (error.databaseText().contains(QLatin1String("FOREIGN KEY"), Qt::CaseInsensitive))
                return Status::failure(d->noSuchRun(action, runId));
            return Status::failure(QCoreApplication::translate(
                "qb::ExperimentStore", "Cannot %1 in %2: that epoch is already recorded.")
                                       .arg(action, d->path));
        }
        return Status::failure(d->sqlError(action, error));
    }
    // Final = the highest epoch so far (whatever order epochs arrive in); best = the maximum.
    if (!execSql(q,
            QStringLiteral("UPDATE runs SET"
                           " final_test_accuracy = (SELECT test_accuracy FROM epochs WHERE run_id = ?"
                           " ORDER BY epoch DESC LIMIT 1),"
                           " final_test_loss = (SELECT test_loss FROM epochs WHERE run_id = ?"
                           " ORDER BY epoch DESC LIMIT 1),"
                           " best_test_accuracy = (SELECT MAX(test_accuracy) FROM epochs WHERE run_id = ?)"
                           " WHERE id = ?"),
            {runId, runId, runId, runId}))
        return Status::failure(d->sqlError(action, q.lastError()));
    if (!transaction.commit())
        return Status::failure(d->sqlError(action, transaction.error()));
    return Status();
}

Status ExperimentStore::finishRun(
    qint64 runId, RunStatus status, const QString &error, const QDateTime &finished)
{
    if (!d->open)
        return d->notOpen();
    const QString action = QCoreApplication::translate("qb::ExperimentStore", "finish run %1").arg(runId);
    if (status == RunStatus::Running)
        return Status::failure(QCoreApplication::translate(
            "qb::ExperimentStore", "Cannot %1 in %2: running is not a final status.")
                                   .arg(action, d->path));
    QSqlQuery q(d->db);
    if (!execSql(q, QStringLiteral("UPDATE runs SET status = ?, finished = ?, error = ? WHERE id = ?"),
            {runStatusName(status), finished.isValid() ? toIso(finished) : nowIso(), nullIfEmpty(error),
                runId}))
        return Status::failure(d->sqlError(action, q.lastError()));
    if (q.numRowsAffected() == 0)
        return Status::failure(d->noSuchRun(action, runId));
    return Status();
}

Status ExperimentStore::setName(qint64 runId, const QString &name)
{
    return d->updateRunColumn(
        runId, "name", name, QCoreApplication::translate("qb::ExperimentStore", "rename run %1").arg(runId));
}

Status ExperimentStore::setNotes(qint64 runId, const QString &notes)
{
    return d->updateRunColumn(runId, "notes", nullIfEmpty(notes),
        QCoreApplication::translate("qb::ExperimentStore", "save the notes of run %1").arg(runId));
}

Status ExperimentStore::setTags(qint64 runId, const QStringList &tags)
{
    return d->updateRunColumn(runId, "tags", tagsToJson(tags),
        QCoreApplication::translate("qb::ExperimentStore", "save the tags of run %1").arg(runId));
}

Status ExperimentStore::deleteRun(qint64 runId)
{
    if (!d->open)
        return d->notOpen();
    const QString action = QCoreApplication::translate("qb::ExperimentStore", "delete run %1").arg(runId);
    // One statement, so one implicit transaction; epochs and artifacts go by ON DELETE CASCADE
    // (open() made sure foreign keys are enforced).
    QSqlQuery q(d->db);
    if (!execSql(q, QStringLiteral("DELETE FROM runs WHERE id = ?"), {runId}))
        return Status::failure(d->sqlError(action, q.lastError()));
    if (q.numRowsAffected() == 0)
        return Status::failure(d->noSuchRun(action, runId));
    return Status();
}

Result<qint64> ExperimentStore::addArtifact(qint64 runId, const QString &kind, const QString &path)
{
    if (!d->open)
        return Result<qint64>::failure(d->notOpen().error());
    const QString action = QCoreApplication::translate("qb::ExperimentStore", "record the file %1 of run %2")
                               .arg(path, number(runId));
    QSqlQuery q(d->db);
    if (!execSql(q, QStringLiteral("INSERT INTO artifacts (run_id, kind, path, created) VALUES (?, ?, ?, ?)"),
            {runId, kind, path, nowIso()})) {
        const QSqlError error = q.lastError();
        if ((error.nativeErrorCode().toInt() & 0xff) == kSqliteConstraint)
            return Result<qint64>::failure(d->noSuchRun(action, runId));
        return Result<qint64>::failure(d->sqlError(action, error));
    }
    return q.lastInsertId().toLongLong();
}

Status ExperimentStore::setGroup(qint64 runId, qint64 groupId)
{
    return d->updateRunColumn(runId, "group_id", groupId >= 0 ? QVariant(groupId) : QVariant(),
        QCoreApplication::translate("qb::ExperimentStore", "group run %1").arg(runId));
}

Status ExperimentStore::setGridTrial(qint64 runId, qint64 gridId, int trial)
{
    if (!d->open)
        return d->notOpen();
    const QString action
        = QCoreApplication::translate("qb::ExperimentStore", "record run %1 as trial %2 of grid %3")
              .arg(number(runId), number(trial), number(gridId));
    QSqlQuery q(d->db);
    if (!execSql(q, QStringLiteral("UPDATE runs SET grid_id = ?, grid_trial = ? WHERE id = ?"), {gridId, trial, runId}))
        return Status::failure(d->sqlError(action, q.lastError()));
    if (q.numRowsAffected() == 0)
        return Status::failure(d->noSuchRun(action, runId));
    return Status();
}

Result<qint64> ExperimentStore::createGrid(const GridRecord &grid)
{
    using R = Result<qint64>;
    if (!d->open)
        return R::failure(d->notOpen().error());
    QSqlQuery q(d->db);
    if (!execSql(q,
            QStringLiteral("INSERT INTO grids (name, created, spec_json, executor, work_dir, job_ids)"
                           " VALUES (?, ?, ?, ?, ?, ?)"),
            {grid.name, grid.created.isValid() ? toIso(grid.created) : nowIso(), grid.specJson, grid.executor,
                grid.workDir, tagsToJson(grid.jobIds)}))
        return R::failure(d->sqlError(
            QCoreApplication::translate("qb::ExperimentStore", "record a new grid"), q.lastError()));
    return q.lastInsertId().toLongLong();
}

Status ExperimentStore::setGridJobs(qint64 gridId, const QStringList &jobIds)
{
    if (!d->open)
        return d->notOpen();
    const QString action
        = QCoreApplication::translate("qb::ExperimentStore", "record the jobs of grid %1").arg(gridId);
    QSqlQuery q(d->db);
    if (!execSql(q, QStringLiteral("UPDATE grids SET job_ids = ? WHERE id = ?"), {tagsToJson(jobIds), gridId}))
        return Status::failure(d->sqlError(action, q.lastError()));
    if (q.numRowsAffected() == 0)
        return Status::failure(
            QCoreApplication::translate("qb::ExperimentStore", "Cannot %1: %2 has no grid %3.").arg(action, d->path, number(gridId)));
    return Status();
}

Status ExperimentStore::setGridWorkDir(qint64 gridId, const QString &workDir)
{
    if (!d->open)
        return d->notOpen();
    const QString action
        = QCoreApplication::translate("qb::ExperimentStore", "record the folder of grid %1").arg(gridId);
    QSqlQuery q(d->db);
    if (!execSql(q, QStringLiteral("UPDATE grids SET work_dir = ? WHERE id = ?"), {workDir, gridId}))
        return Status::failure(d->sqlError(action, q.lastError()));
    return Status();
}

Result<QList<GridRecord>> ExperimentStore::grids() const
{
    using R = Result<QList<GridRecord>>;
    if (!d->open)
        return R::failure(d->notOpen().error());
    const QString action = QCoreApplication::translate("qb::ExperimentStore", "read the list of grids");
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT id, name, created, spec_json, executor, work_dir, job_ids FROM grids ORDER BY id DESC")))
        return R::failure(d->sqlError(action, q.lastError()));
    QList<GridRecord> list;
    while (q.next()) {
        GridRecord g;
        g.id = q.value(0).toLongLong();
        g.name = q.value(1).toString();
        g.created = fromIso(q.value(2));
        g.specJson = q.value(3).toString();
        g.executor = q.value(4).toString();
        g.workDir = q.value(5).toString();
        g.jobIds = tagsFromJson(q.value(6), g.id);
        list << g;
    }
    if (q.lastError().isValid())
        return R::failure(d->sqlError(action, q.lastError()));
    return list;
}

Result<GridRecord> ExperimentStore::grid(qint64 gridId) const
{
    using R = Result<GridRecord>;
    const Result<QList<GridRecord>> all = grids();
    if (!all)
        return R::failure(all.error());
    for (const GridRecord &g : *all) {
        if (g.id == gridId)
            return g;
    }
    return R::failure(QCoreApplication::translate("qb::ExperimentStore", "%1 has no grid %2 (see 'quantbench-cli grid list').")
                          .arg(d->path, number(gridId)));
}

Result<qint64> ExperimentStore::addSweep(const SweepRecord &sweep)
{
    using R = Result<qint64>;
    if (!d->open)
        return R::failure(d->notOpen().error());
    const QString action = QCoreApplication::translate("qb::ExperimentStore", "record a %1 sweep of run %2")
                               .arg(sweep.kind, number(sweep.runId));
    WriteTransaction transaction(d->db);
    if (!transaction.begin())
        return R::failure(d->sqlError(action, transaction.error()));
    QSqlQuery q(d->db);
    if (!execSql(q,
            QStringLiteral("INSERT INTO sweeps (run_id, kind, parameter, settings_json, created)"
                           " VALUES (?, ?, ?, ?, ?)"),
            {sweep.runId, sweep.kind, sweep.parameter, sweep.settingsJson,
                sweep.created.isValid() ? toIso(sweep.created) : nowIso()})) {
        const QSqlError error = q.lastError();
        if ((error.nativeErrorCode().toInt() & 0xff) == kSqliteConstraint)
            return R::failure(d->noSuchRun(action, sweep.runId));
        return R::failure(d->sqlError(action, error));
    }
    const qint64 sweepId = q.lastInsertId().toLongLong();
    for (int i = 0; i < sweep.points.size(); ++i) {
        const SweepPoint &p = sweep.points[i];
        QJsonArray accuracies;
        for (double a : p.accuracies)
            accuracies.append(a);
        if (!execSql(q,
                QStringLiteral("INSERT INTO sweep_points (sweep_id, position, value, accuracy_mean,"
                               " accuracy_std, accuracy_min, accuracy_max, loss, accuracies_json)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {sweepId, i, p.value, p.accuracyMean, p.accuracyStd, p.accuracyMin, p.accuracyMax, p.loss,
                    QString::fromUtf8(QJsonDocument(accuracies).toJson(QJsonDocument::Compact))}))
            return R::failure(d->sqlError(action, q.lastError()));
    }
    if (!transaction.commit())
        return R::failure(d->sqlError(action, transaction.error()));
    return sweepId;
}

Result<QList<SweepRecord>> ExperimentStore::sweeps(qint64 runId) const
{
    using R = Result<QList<SweepRecord>>;
    if (!d->open)
        return R::failure(d->notOpen().error());
    const QString action
        = QCoreApplication::translate("qb::ExperimentStore", "read the sweeps of run %1").arg(runId);
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    if (!execSql(q,
            QStringLiteral("SELECT id, kind, parameter, settings_json, created FROM sweeps WHERE run_id = ?"
                           " ORDER BY id"),
            {runId}))
        return R::failure(d->sqlError(action, q.lastError()));
    QList<SweepRecord> list;
    while (q.next()) {
        SweepRecord s;
        s.id = q.value(0).toLongLong();
        s.runId = runId;
        s.kind = q.value(1).toString();
        s.parameter = q.value(2).toString();
        s.settingsJson = q.value(3).toString();
        s.created = fromIso(q.value(4));
        list << s;
    }
    for (SweepRecord &s : list) {
        QSqlQuery p(d->db);
        p.setForwardOnly(true);
        if (!execSql(p,
                QStringLiteral("SELECT value, accuracy_mean, accuracy_std, accuracy_min, accuracy_max, loss,"
                               " accuracies_json FROM sweep_points WHERE sweep_id = ? ORDER BY position"),
                {s.id}))
            return R::failure(d->sqlError(action, p.lastError()));
        while (p.next()) {
            SweepPoint point;
            point.value = p.value(0).toDouble();
            point.accuracyMean = realOr(p.value(1), 0.0);
            point.accuracyStd = realOr(p.value(2), 0.0);
            point.accuracyMin = realOr(p.value(3), 0.0);
            point.accuracyMax = realOr(p.value(4), 0.0);
            point.loss = realOr(p.value(5), 0.0);
            const QJsonArray accuracies = QJsonDocument::fromJson(p.value(6).toString().toUtf8()).array();
            for (const QJsonValue &a : accuracies)
                point.accuracies << a.toDouble();
            s.points << point;
        }
    }
    return list;
}

Result<QList<RunRecord>> ExperimentStore::runs() const
{
    using R = Result<QList<RunRecord>>;
    if (!d->open)
        return R::failure(d->notOpen().error());
    const QString action = QCoreApplication::translate("qb::ExperimentStore", "read the list of runs");
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM runs r ORDER BY r.id DESC").arg(QLatin1String(kRunColumns))))
        return R::failure(d->sqlError(action, q.lastError()));
    QList<RunRecord> list;
    while (q.next())
        list << runFromQuery(q);
    if (q.lastError().isValid())
        return R::failure(d->sqlError(action, q.lastError()));
    return list;
}

Result<RunRecord> ExperimentStore::run(qint64 runId) const
{
    if (!d->open)
        return Result<RunRecord>::failure(d->notOpen().error());
    const QString action = QCoreApplication::translate("qb::ExperimentStore", "read run %1").arg(runId);
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    if (!execSql(q, QStringLiteral("SELECT %1 FROM runs r WHERE r.id = ?").arg(QLatin1String(kRunColumns)),
            {runId}))
        return Result<RunRecord>::failure(d->sqlError(action, q.lastError()));
    if (!q.next()) {
        if (q.lastError().isValid())
            return Result<RunRecord>::failure(d->sqlError(action, q.lastError()));
        return Result<RunRecord>::failure(d->noSuchRun(action, runId));
    }
    return runFromQuery(q);
}

Result<QList<EpochMetrics>> ExperimentStore::epochs(qint64 runId) const
{
    using R = Result<QList<EpochMetrics>>;
    if (!d->open)
        return R::failure(d->notOpen().error());
    const QString action
        = QCoreApplication::translate("qb::ExperimentStore", "read the epochs of run %1").arg(runId);
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    if (!execSql(q,
            QStringLiteral("SELECT epoch, train_loss, train_accuracy, test_loss, test_accuracy, seconds,"
                           " samples_per_s FROM epochs WHERE run_id = ? ORDER BY epoch"),
            {runId}))
        return R::failure(d->sqlError(action, q.lastError()));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QList<EpochMetrics> list;
    while (q.next()) {
        EpochMetrics m;
        m.epoch = q.value(0).toInt();
        // NULL here can only be a NaN that SQLite stored as NULL (a diverged loss, say).
        m.trainLoss = realOr(q.value(1), nan);
        m.trainAccuracy = realOr(q.value(2), nan);
        m.testLoss = realOr(q.value(3), nan);
        m.testAccuracy = realOr(q.value(4), nan);
        m.seconds = realOr(q.value(5), nan);
        m.samplesPerSecond = realOr(q.value(6), nan);
        list << m;
    }
    if (q.lastError().isValid())
        return R::failure(d->sqlError(action, q.lastError()));
    return list;
}

Result<QList<ArtifactRecord>> ExperimentStore::artifacts(qint64 runId) const
{
    using R = Result<QList<ArtifactRecord>>;
    if (!d->open)
        return R::failure(d->notOpen().error());
    const QString action
        = QCoreApplication::translate("qb::ExperimentStore", "read the files of run %1").arg(runId);
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    if (!execSql(q,
            QStringLiteral(
                "SELECT id, run_id, kind, path, created FROM artifacts WHERE run_id = ? ORDER BY id"),
            {runId}))
        return R::failure(d->sqlError(action, q.lastError()));
    QList<ArtifactRecord> list;
    while (q.next()) {
        ArtifactRecord a;
        a.id = q.value(0).toLongLong();
        a.runId = q.value(1).toLongLong();
        a.kind = q.value(2).toString();
        a.path = q.value(3).toString();
        a.created = fromIso(q.value(4));
        list << a;
    }
    if (q.lastError().isValid())
        return R::failure(d->sqlError(action, q.lastError()));
    return list;
}

Result<qint64> ExperimentStore::findRunByArtifact(const QString &kind, const QString &path) const
{
    using R = Result<qint64>;
    if (!d->open)
        return R::failure(d->notOpen().error());
    const QString action
        = QCoreApplication::translate("qb::ExperimentStore", "look up the run with the %1 %2")
              .arg(kind, path);
    QSqlQuery q(d->db);
    q.setForwardOnly(true);
    if (!execSql(q,
            QStringLiteral(
                "SELECT run_id FROM artifacts WHERE kind = ? AND path = ? ORDER BY run_id DESC LIMIT 1"),
            {kind, path}))
        return R::failure(d->sqlError(action, q.lastError()));
    if (q.next())
        return q.value(0).toLongLong();
    if (q.lastError().isValid())
        return R::failure(d->sqlError(action, q.lastError()));
    return qint64(-1);
}

Result<int> ExperimentStore::markInterruptedRuns()
{
    if (!d->open)
        return Result<int>::failure(d->notOpen().error());
    const QString action
        = QCoreApplication::translate("qb::ExperimentStore", "mark abandoned runs as interrupted");
    QList<qint64> abandoned;
    {
        QSqlQuery q(d->db);
        q.setForwardOnly(true);
        if (!execSql(q, QStringLiteral("SELECT id, owner_pid FROM runs WHERE status = ?"),
                {runStatusName(RunStatus::Running)}))
            return Result<int>::failure(d->sqlError(action, q.lastError()));
        while (q.next()) {
            if (!processAlive(q.value(1)))
                abandoned << q.value(0).toLongLong();
        }
        if (q.lastError().isValid())
            return Result<int>::failure(d->sqlError(action, q.lastError()));
    }
    if (abandoned.isEmpty())
        return 0;

    WriteTransaction transaction(d->db);
    if (!transaction.begin())
        return Result<int>::failure(d->sqlError(action, transaction.error()));
    const QString now = nowIso();
    int marked = 0;
    QSqlQuery q(d->db);
    for (qint64 runId : qAsConst(abandoned)) {
        // `status = running` again: another process may have marked it meanwhile.
        if (!execSql(q,
                QStringLiteral("UPDATE runs SET status = ?, finished = ? WHERE id = ? AND status = ?"),
                {runStatusName(RunStatus::Interrupted), now, runId, runStatusName(RunStatus::Running)}))
            return Result<int>::failure(d->sqlError(action, q.lastError()));
        marked += q.numRowsAffected();
    }
    if (!transaction.commit())
        return Result<int>::failure(d->sqlError(action, transaction.error()));
    if (marked > 0)
        qCInfo(lcStore) << "marked" << marked << "abandoned runs as interrupted in" << d->path << abandoned;
    return marked;
}

QString ExperimentStore::runDirectory(qint64 runId) const
{
    if (!d->open)
        return QString();
    // "<db dir>/<db name>-runs/<id>": named after the database, so two histories kept in one folder
    // never share (and overwrite) each other's run folders.
    const QFileInfo db(d->path);
    const QString dir = db.absolutePath() + QLatin1Char('/') + db.completeBaseName()
        + QStringLiteral("-runs/") + number(runId);
    if (!QDir().mkpath(dir))
        qCWarning(lcStore) << "cannot create the run folder" << dir;
    return dir;
}

} // namespace qb
