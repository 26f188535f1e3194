#pragma once
// Every export is written to a temporary file beside its target and renamed into place only when
// everything was written (QSaveFile): an unwritable folder, a full disk or an interrupted process
// leave no partial file under the target's name. Errors name the path and the system's reason.

#include "util/result.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QString>

#include <functional>

namespace qb {

/// Writes `path` through `write`, which streams into the device and returns a failure to abort
/// (then nothing is left behind). Creates missing parent folders.
Status writeFileAtomically(const QString &path, const std::function<Status(QIODevice &)> &write);

/// Writes `path` with the given bytes (see writeFileAtomically).
Status writeFileAtomically(const QString &path, const QByteArray &bytes);

/// Several files that appear together or not at all: each is written to its temporary file first,
/// and only when all of them are complete are they renamed into place (if a rename fails, the
/// ones already renamed are removed again).
struct PendingFile
{
    QString path;
    QByteArray bytes;
};
Status writeFilesAtomically(const QList<PendingFile> &files);

/// Whether a failed Status came from the functions above failing to write (a folder that cannot
/// be created, a full disk: "cannot write PATH: reason") rather than from the content.
bool isWriteFailure(const Status &status);

} // namespace qb
