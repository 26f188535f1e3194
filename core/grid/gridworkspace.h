#pragma once

#include "grid/gridspec.h"
#include "util/result.h"

#include <QList>
#include <QString>

namespace qb {

/// The folder a grid's trials run from, shared by every executor:
///   manifest.json        the grid, the history its results merge into, the data folder
///   trials/<i>.json      trial i's frozen experiment
///   results/<i>/         what trial i's task writes, and nothing else: run.qbrun (the trained run
///                        as a bundle) and status.json (finished, or failed with the reason)
///   logs/                the executors' logs (Slurm's output files)
/// A task reads only this folder and writes only its own result folder; the history is written
/// by the merge alone (SQLite over a network filesystem corrupts when several nodes write it).
class GridWorkspace
{
public:
    struct Manifest
    {
        static constexpr int kFormatVersion = 1;
        qint64 gridId = -1;
        QString dbPath;  ///< the history the merge writes
        QString dataDir; ///< where tasks look for the dataset (empty: the usual places)
        int trialCount = 0;
        GridSpec grid;
    };

    enum class TrialState { Missing, Finished, Failed, Cancelled };
    struct TrialResult
    {
        TrialState state = TrialState::Missing;
        QString error; ///< Failed: why
    };

    explicit GridWorkspace(const QString &dir);
    QString dir() const { return m_dir; }
    QString manifestPath() const;
    QString trialPath(int index) const;
    QString resultDir(int index) const;
    QString bundlePath(int index) const;
    QString logDir() const;

    /// Writes the manifest and every trial's experiment (atomically, folders created).
    Status create(const Manifest &manifest, const QList<GridTrial> &trials) const;
    static Result<Manifest> readManifest(const QString &manifestPath);
    Result<ExperimentSpec> trial(int index) const;

    TrialResult result(int index) const;
    Status writeResult(int index, TrialState state, const QString &error = QString()) const;
    /// Removes what an earlier attempt of the trial left, before it runs again.
    Status clearResult(int index) const;

private:
    QString statusPath(int index) const;
    QString m_dir;
};

} // namespace qb
