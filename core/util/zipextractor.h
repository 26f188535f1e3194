#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace qb {

/// What an extraction accepts, checked from the archive's directory before anything is inflated or
/// written (a hostile archive must not fill the disk): the number of entries, each entry's declared
/// size, their sum, and the ratio of declared to compressed size (deflate cannot exceed ~1032:1).
/// While inflating, an entry that yields more than it declared is refused too.
struct ZipExtractLimits
{
    qint64 maxEntries = 2000000;
    qint64 maxEntryBytes = 4ll << 30;
    qint64 maxTotalBytes = 16ll << 30;
    qint64 maxRatio = 1100;
};

/// Unpacks a zip archive (libzip) into a folder, for dataset archives such as N-MNIST's train.zip.
///
/// Everything is written first into a hidden staging folder inside the target
/// (".extracting-<archive name>"); only when every entry has been written and checked are the
/// archive's top-level files and folders moved into the target, each replacing what had the same name
/// there. A failure or a cancel removes the staging folder and leaves the target as it was.
///
/// Refused, naming the archive and the entry: names that would leave the target (absolute paths,
/// "..", drive letters), symbolic links, encrypted entries, compression methods libzip cannot read,
/// sizes over the limits, and data that fails libzip's CRC check or exceeds its declared size.
/// Backslashes in names are read as folder separators (archives made on Windows); "__MACOSX/"
/// entries (macOS resource forks) are skipped.
///
/// Blocking, and safe to call from a worker thread (no shared state; `cancel` and `progress` are
/// the caller's).
class ZipExtractor
{
    Q_DECLARE_TR_FUNCTIONS(qb::ZipExtractor)

public:
    /// Called from the extracting thread after each chunk: bytes written so far, total declared bytes.
    using Progress = std::function<void(qint64 done, qint64 total)>;

    /// Extracts `zipPath` into `targetFolder` (created when missing). Returns the top-level names
    /// now in the target, sorted. `cancel`, when set, is checked between chunks of about 1 MiB.
    static Result<QStringList> extract(const QString &zipPath, const QString &targetFolder,
        const std::atomic_bool *cancel = nullptr, const Progress &progress = {},
        const ZipExtractLimits &limits = {});
};

} // namespace qb
