#pragma once
// A run bundle (.qbrun): one recorded run in one file, to hand a trained run to someone else (a
// teacher, a colleague, another machine) and import it into their history, where it evaluates
// exactly as it did here (the torch weights travel byte for byte).
//
// The file is a zip archive (libzip) with these entries, all at the top level:
//   manifest.json   {"format": "quantbench-run-bundle", "version": 1, "quantbench_version",
//                    "run_id" (the id in the history it came from), "identity", "created",
//                    "entries": [names]}
//   experiment.json the frozen ExperimentSpec as the history recorded it
//   network.json    its network (NetworkSpec), for readers that want only that
//   run.json        the history's row: name, status, created, finished, dataset, network_name,
//                   seed, epochs_planned, epochs_done, notes, tags, error, final_test_accuracy,
//                   final_test_loss, best_test_accuracy (null: none)
//   epochs.csv      epoch,train_loss,train_accuracy,test_loss,test_accuracy,seconds,
//                   samples_per_second (17 significant digits; nan/inf spelled so)
//   weights         the run's torch weights file, unchanged
//   sweeps.json     {"sweeps": [{"kind", "parameter", "settings_json", "created", "points":
//                   [{"value", "accuracy_mean", "accuracy_std", "accuracy_min", "accuracy_max",
//                   "loss", "accuracies": [one per chip]}]}]}
//   summary.txt, summary.json   ModelSummary::toTable() / toJson()
//   curves.png, curves.svg      loss and accuracy per epoch (RunCharts)
//   confusion.csv, confusion.png  only when the archive has a confusion matrix
// The informational entries (summary, curves, confusion) are not read back on import.
//
// Identity: "sha256:" + hex SHA-256 of the weights bytes, one zero byte, and experiment.json as
// compact JSON (QJsonDocument's canonical form, keys sorted). The importer recomputes it, so a
// bundle whose weights or experiment were altered is refused, and it records it as an artifact of
// kind "bundle-identity" (path = the identity) on the imported run: importing the same bundle
// again finds that run instead of adding a copy. The export (train/runexporter.cpp) records it on
// the run it exports too, so a bundle imported back into the history it came from finds the original.

#include "export/runarchive.h"
#include "spec/experimentspec.h"
#include "store/runrecord.h"
#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace qb {

class ExperimentStore;

/// What an import accepts before it inflates anything (a hostile bundle must not make us allocate
/// gigabytes): the file's size, the sum of the declared uncompressed sizes, and the ratio of an
/// entry's declared size to its compressed size (deflate cannot exceed ~1032:1; real bundles stay
/// far below 100:1, except tiny entries, which the floor admits).
struct RunBundleLimits
{
    static constexpr qint64 kMaxFileBytes = 512ll * 1024 * 1024;
    static constexpr qint64 kMaxTotalBytes = 512ll * 1024 * 1024;
    static constexpr qint64 kMaxRatio = 100;
    static constexpr qint64 kRatioFloorBytes = 1024 * 1024; ///< an entry this small may compress any amount
    static constexpr int kMaxEntries = 64;
};

/// A bundle as read and fully checked by readRunBundle(): nothing in it is trusted before that.
struct RunBundle
{
    static constexpr int kFormatVersion = 1;
    static constexpr const char *kFormatName = "quantbench-run-bundle";

    QString quantbenchVersion; ///< of the program that wrote it
    qint64 originalRunId = -1;
    QString identity; ///< "sha256:<64 hex digits>"
    QDateTime created; ///< when the bundle was written (UTC)
    ExperimentSpec experiment;
    QString specJson; ///< experiment.json, compact (what the history stores)
    RunRecord run; ///< id -1; epochsDone from run.json
    QList<EpochMetrics> epochs;
    QList<SweepRecord> sweeps; ///< ids -1
    QByteArray weights;
};

/// The artifact kind that holds a run's bundle identity (its path is the identity).
inline const QString kRunBundleIdentityArtifact = QStringLiteral("bundle-identity");

/// The identity of a run's content (see the top of this file).
QString runBundleIdentity(const QByteArray &weights, const QByteArray &compactSpecJson);

/// Writes `archive` as a bundle to `path` (a temporary file renamed into place: never a partial
/// .qbrun). Fails, naming the path, when the archive has no weights or they cannot be read, or the
/// file cannot be written. Draws charts: needs a QGuiApplication (fonts). `identity` (may be null)
/// receives the bundle's identity once it is written.
Status writeRunBundle(const RunArchive &archive, const QString &path, QString *identity = nullptr);

/// Reads and checks every entry of the bundle at `path` without touching any history. Refuses,
/// with a message that names the file and the problem: a file that is not a zip or is empty,
/// entries with "..", absolute paths, backslashes, folders or unknown names, duplicate or missing
/// entries, encrypted entries, declared sizes beyond RunBundleLimits, entries that inflate to
/// other sizes than they declare or fail their CRC, JSON of the wrong shape, an experiment that
/// ExperimentSpec::fromJson or the network validator rejects, an epochs.csv that is not exactly as
/// written, and content that does not match the manifest's identity.
Result<RunBundle> readRunBundle(const QString &path);

/// Imports the bundle at `path` into `store` as a new run (its id is returned): checks everything
/// first (readRunBundle), then creates the run with its epochs, weights (copied into
/// store.runDirectory(id)/weights.pt, artifact "weights"), sweeps and final status and times, and
/// records the identity last (artifact "bundle-identity"). If a step fails, the run and the files
/// written for it are removed again: no half run is left (only a killed process can leave one,
/// and then it stays "running" and is marked interrupted on the next open). When the history
/// already holds a run imported from a bundle with the same identity, returns that run's id and
/// sets *alreadyPresent (the history is not changed). A run whose status in the bundle is
/// "running" is imported as "interrupted": it is not running here.
Result<qint64> importRunBundle(ExperimentStore &store, const QString &path, bool *alreadyPresent = nullptr);

} // namespace qb
