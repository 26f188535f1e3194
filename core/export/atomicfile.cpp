#include "export/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QSaveFile>

#include <cstdio>

namespace qb {

namespace {

QString writeFailurePrefix()
{
    return QObject::tr("cannot write %1: %2").section(QStringLiteral("%1"), 0, 0);
}

Status failed(const QString &path, const QString &reason)
{
    return Status::failure(QObject::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason));
}

Status prepareFolder(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return failed(path, QObject::tr("it is a folder"));
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder))
        return failed(path, QObject::tr("the folder %1 cannot be created").arg(QDir::toNativeSeparators(folder)));
    return {};
}

} // namespace

bool isWriteFailure(const Status &status)
{
    return !status && status.error().startsWith(writeFailurePrefix());
}

Status writeFileAtomically(const QString &path, const std::function<Status(QIODevice &)> &write)
{
    if (const Status s = prepareFolder(path); !s)
        return s;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(path, file.errorString());
    if (const Status s = write(file); !s) {
        file.cancelWriting();
        return s;
    }
    if (file.error() != QFileDevice::NoError) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return failed(path, reason);
    }
    if (!file.commit())
        return failed(path, file.errorString());
    return {};
}

Status writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    return writeFileAtomically(path, [&bytes, &path](QIODevice &device) -> Status {
        if (device.write(bytes) != bytes.size())
            return failed(path, device.errorString());
        return {};
    });
}

Status writeFilesAtomically(const QList<PendingFile> &files)
{
    // Stage every file under a temporary name, then rename them all.
    QList<QString> staged;
    auto discard = [&staged] {
        for (const QString &s : staged)
            QFile::remove(s);
    };
    for (const PendingFile &f : files) {
        if (const Status s = prepareFolder(f.path); !s) {
            discard();
            return s;
        }
        const QString temp = f.path + QStringLiteral(".part");
        QFile out(temp);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            discard();
            return failed(f.path, out.errorString());
        }
        staged << temp;
        if (out.write(f.bytes) != f.bytes.size() || !out.flush()) {
            const QString reason = out.errorString();
            out.close();
            discard();
            return failed(f.path, reason);
        }
        out.close();
        if (out.error() != QFileDevice::NoError) {
            discard();
            return failed(f.path, out.errorString());
        }
    }
    QList<QString> placed;
    for (int i = 0; i < files.size(); ++i) {
        const QString &target = files[i].path;
        // POSIX rename replaces an existing target in one step (QFile::rename refuses to).
        if (std::rename(QFile::encodeName(staged[i]).constData(), QFile::encodeName(target).constData()) != 0) {
            for (const QString &p : placed)
                QFile::remove(p);
            discard();
            return failed(target, QObject::tr("the finished file cannot be renamed into place"));
        }
        placed << target;
    }
    return {};
}

} // namespace qb
