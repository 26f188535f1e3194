#pragma once

#include "store/runrecord.h"
#include "util/result.h"

#include <QList>
#include <QString>

namespace qb {

/// The experiment history: an SQLite database (through Qt Sql, driver QSQLITE) with tables runs,
/// epochs and artifacts. Schema version in PRAGMA user_version, upgraded by ordered migrations on
/// open. WAL journal, 5 s busy timeout, every write in its own transaction so a killed process loses
/// at most the epoch it was running.
///
/// Threads: one ExperimentStore per thread; each instance opens its own uniquely named connection
/// and must be used (and destroyed) in the thread that opened it.
///
/// On open, runs left `running` by a process that no longer exists (pid recorded per run) are
/// marked `interrupted`.
class ExperimentStore
{
public:
    static constexpr int kSchemaVersion = 4;

    ExperimentStore();
    ~ExperimentStore();
    ExperimentStore(const ExperimentStore &) = delete;
    ExperimentStore &operator=(const ExperimentStore &) = delete;

    /// $XDG_DATA_HOME/quantbench/history.sqlite (QStandardPaths::AppDataLocation).
    static QString defaultPath();

    /// Opens or creates the database; creates the parent folder. Errors name the file: not a
    /// database, damaged (integrity check), locked, newer schema than this program knows.
    Status open(const QString &path);
    bool isOpen() const;
    QString path() const;
    int schemaVersion() const;

    /// Inserts a run with status running and this process's pid; returns its id.
    Result<qint64> createRun(const RunRecord &run);
    /// Inserts one epoch row and updates the run's final/best metrics, in one transaction.
    Status addEpoch(qint64 runId, const EpochMetrics &metrics);
    /// Sets the final status (and error text for failed runs) and the finish time: `finished` (UTC),
    /// or now when it is invalid (a run imported from a bundle keeps its original time).
    Status finishRun(qint64 runId, RunStatus status, const QString &error = QString(),
        const QDateTime &finished = QDateTime());
    Status setName(qint64 runId, const QString &name);
    Status setNotes(qint64 runId, const QString &notes);
    Status setTags(qint64 runId, const QStringList &tags);
    /// Deletes the run, its epochs and artifact rows (files are left for the caller).
    Status deleteRun(qint64 runId);
    Result<qint64> addArtifact(qint64 runId, const QString &kind, const QString &path);
    /// Puts a run into a group of repeated runs (group id = the first run's id).
    Status setGroup(qint64 runId, qint64 groupId);
    /// Records a run as trial `trial` of grid `gridId`.
    Status setGridTrial(qint64 runId, qint64 gridId, int trial);
    Result<qint64> createGrid(const GridRecord &grid);
    Status setGridJobs(qint64 gridId, const QStringList &jobIds);
    Status setGridWorkDir(qint64 gridId, const QString &workDir);
    Result<QList<GridRecord>> grids() const; ///< newest first
    Result<GridRecord> grid(qint64 gridId) const;
    /// Stores a sweep and its points in one transaction; returns its id. The sweep's time is
    /// `sweep.created` when valid (an imported sweep), else now.
    Result<qint64> addSweep(const SweepRecord &sweep);
    /// The sweeps of a run, oldest first, with their points in the order stored.
    Result<QList<SweepRecord>> sweeps(qint64 runId) const;

    Result<QList<RunRecord>> runs() const; ///< newest first
    Result<RunRecord> run(qint64 runId) const;
    Result<QList<EpochMetrics>> epochs(qint64 runId) const;
    Result<QList<ArtifactRecord>> artifacts(qint64 runId) const;
    /// The newest run that has an artifact of this kind and path, or -1 when none has (how a run
    /// bundle's import finds a run it imported before: kind "bundle-identity").
    Result<qint64> findRunByArtifact(const QString &kind, const QString &path) const;

    /// Marks runs still `running` whose owning process is gone as `interrupted`; returns how many.
    /// Called by open(); public for tests.
    Result<int> markInterruptedRuns();

    /// The folder next to the database where a run's files go: <db dir>/<db name>-runs/<id>
    /// (e.g. history-runs/7 next to history.sqlite), created.
    QString runDirectory(qint64 runId) const;

private:
    struct Private;
    Private *d;
};

} // namespace qb
