#include "export/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QSaveFile>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

namespace qb {

namespace {

QString writeFailurePrefix()
{
    return QObject::tr("cannot write %1: %2").section(QStringLiteral("%1"), 0, 0);
}

/// The device's error, or the system's when Qt lost it (QSaveFile::commit reports "Unknown error"
/// for a failed final flush; errno still holds the write's EFBIG / ENOSPC then).
QString reasonOf(const QFileDevice &file)
{
    const int error = errno;
    const QString reason = file.errorString();
    if ((reason.isEmpty() || reason == QLatin1String("Unknown error")) && error != 0)
        return QString::fromLocal8Bit(std::strerror(error));
    return reason;
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

/// While alive, Ctrl+C (SIGINT) and SIGTERM wait: they are recorded and raised again, with the
/// handlers the process had, once the files are complete or removed. So an interrupt never leaves
/// a temporary file behind (an interrupt before or after is harmless: nothing is on disk yet, or
/// everything is). Process-wide on purpose: any thread may receive the signal.
class InterruptsDeferred
{
public:
    InterruptsDeferred()
    {
        s_pending = 0;
        struct sigaction deferred = {};
        deferred.sa_handler = [](int signal) { s_pending = signal; };
        sigemptyset(&deferred.sa_mask);
        m_active = sigaction(SIGINT, &deferred, &m_oldInt) == 0 && sigaction(SIGTERM, &deferred, &m_oldTerm) == 0;
    }
    ~InterruptsDeferred()
    {
        if (!m_active)
            return;
        sigaction(SIGINT, &m_oldInt, nullptr);
        sigaction(SIGTERM, &m_oldTerm, nullptr);
        if (const int signal = s_pending)
            std::raise(signal);
    }
    InterruptsDeferred(const InterruptsDeferred &) = delete;
    InterruptsDeferred &operator=(const InterruptsDeferred &) = delete;

private:
    static volatile std::sig_atomic_t s_pending;
    struct sigaction m_oldInt = {}, m_oldTerm = {};
    bool m_active = false;
};

volatile std::sig_atomic_t InterruptsDeferred::s_pending = 0;

} // namespace

bool isWriteFailure(const Status &status)
{
    return !status && status.error().startsWith(writeFailurePrefix());
}

Status writeFileAtomically(const QString &path, const std::function<Status(QIODevice &)> &write)
{
    if (const Status s = prepareFolder(path); !s)
        return s;
    const InterruptsDeferred deferred;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(path, reasonOf(file));
    if (const Status s = write(file); !s) {
        file.cancelWriting();
        return s;
    }
    if (file.error() != QFileDevice::NoError) {
        const QString reason = reasonOf(file);
        file.cancelWriting();
        return failed(path, reason);
    }
    errno = 0;
    if (!file.commit())
        return failed(path, reasonOf(file));
    return {};
}

Status writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    return writeFileAtomically(path, [&bytes, &path](QIODevice &device) -> Status {
        errno = 0;
        if (device.write(bytes) != bytes.size()) {
            const int error = errno; // Qt reports "Unknown error" for a write the system refused
            return failed(path, error != 0 ? QString::fromLocal8Bit(std::strerror(error)) : device.errorString());
        }
        return {};
    });
}

Status writeFilesAtomically(const QList<PendingFile> &files)
{
    const InterruptsDeferred deferred;
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
            return failed(f.path, reasonOf(out));
        }
        staged << temp;
        if (out.write(f.bytes) != f.bytes.size() || !out.flush()) {
            const QString reason = reasonOf(out);
            out.close();
            discard();
            return failed(f.path, reason);
        }
        out.close();
        if (out.error() != QFileDevice::NoError) {
            discard();
            return failed(f.path, reasonOf(out));
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
