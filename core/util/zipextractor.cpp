#include "util/zipextractor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <zip.h>

#include <memory>
#include <vector>

namespace qb {

namespace {

constexpr qint64 kChunk = 1 << 20;
/// An entry this small may compress any amount (tiny files of zeros do), as in RunBundleLimits.
constexpr qint64 kRatioFloorBytes = 1 << 20;

struct ZipDiscard
{
    void operator()(zip_t *z) const { zip_discard(z); }
};
struct ZipFileClose
{
    void operator()(zip_file_t *f) const { zip_fclose(f); }
};

QString native(const QString &path) { return QDir::toNativeSeparators(path); }

/// One entry to write: its index, the path relative to the target, and its declared size.
struct Entry
{
    zip_uint64_t index = 0;
    QString relative;
    bool folder = false;
    qint64 size = 0;
};

/// Removes the staging folder when the extraction does not get as far as moving its contents.
struct StagingGuard
{
    QString path;
    ~StagingGuard()
    {
        if (!path.isEmpty())
            QDir(path).removeRecursively();
    }
};

} // namespace

Result<QStringList> ZipExtractor::extract(const QString &zipPath, const QString &targetFolder,
    const std::atomic_bool *cancel, const Progress &progress, const ZipExtractLimits &limits)
{
    using R = Result<QStringList>;
    const QString archiveName = QFileInfo(zipPath).fileName();
    if (!QFileInfo(zipPath).isFile())
        return R::failure(tr("%1: file not found").arg(native(zipPath)));

    int code = 0;
    std::unique_ptr<zip_t, ZipDiscard> zip(
        zip_open(QFile::encodeName(zipPath).constData(), ZIP_RDONLY, &code));
    if (!zip) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        const QString message = QString::fromLocal8Bit(zip_error_strerror(&error));
        zip_error_fini(&error);
        return R::failure(tr("%1: not a readable zip archive: %2").arg(native(zipPath), message));
    }

    const zip_int64_t count = zip_get_num_entries(zip.get(), 0);
    if (count < 0 || count > limits.maxEntries)
        return R::failure(tr("%1: %2 entries, more than the %3 accepted")
                              .arg(native(zipPath))
                              .arg(count)
                              .arg(limits.maxEntries));

    // First pass: names, kinds and sizes of everything, before anything is written.
    std::vector<Entry> entries;
    entries.reserve(std::size_t(count));
    qint64 total = 0;
    for (zip_int64_t i = 0; i < count; ++i) {
        const zip_uint64_t index = zip_uint64_t(i);
        const char *rawName = zip_get_name(zip.get(), index, ZIP_FL_ENC_GUESS);
        if (!rawName)
            return R::failure(tr("%1: entry %2 has no readable name: %3")
                                  .arg(native(zipPath))
                                  .arg(i)
                                  .arg(QString::fromLocal8Bit(zip_strerror(zip.get()))));
        const QString name = QString::fromUtf8(rawName);
        QString normalized = name;
        normalized.replace(QLatin1Char('\\'), QLatin1Char('/'));
        const bool folder = normalized.endsWith(QLatin1Char('/'));
        QStringList parts;
        for (const QString &part : normalized.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
            if (part == QLatin1String("."))
                continue;
            parts << part;
        }
        const bool escapes = normalized.startsWith(QLatin1Char('/')) || parts.contains(QStringLiteral(".."))
            || (!parts.isEmpty() && parts.first().contains(QLatin1Char(':')));
        if (escapes)
            return R::failure(
                tr("%1: entry \"%2\" would be written outside the target folder").arg(native(zipPath), name));
        if (parts.isEmpty() || parts.first() == QLatin1String("__MACOSX"))
            continue;

        zip_uint8_t system = 0;
        zip_uint32_t attributes = 0;
        if (zip_file_get_external_attributes(zip.get(), index, 0, &system, &attributes) == 0
            && system == ZIP_OPSYS_UNIX && ((attributes >> 16) & 0170000) == 0120000)
            return R::failure(tr("%1: entry \"%2\" is a symbolic link; dataset archives hold only files and "
                                 "folders")
                                  .arg(native(zipPath), name));

        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(zip.get(), index, 0, &st) != 0)
            return R::failure(
                tr("%1: cannot read entry \"%2\": %3")
                    .arg(native(zipPath), name, QString::fromLocal8Bit(zip_strerror(zip.get()))));
        Entry entry;
        entry.index = index;
        entry.relative = parts.join(QLatin1Char('/'));
        entry.folder = folder;
        if (!folder) {
            if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
                return R::failure(tr("%1: entry \"%2\" is encrypted").arg(native(zipPath), name));
            if ((st.valid & ZIP_STAT_COMP_METHOD) && !zip_compression_method_supported(st.comp_method, 0))
                return R::failure(
                    tr("%1: entry \"%2\" uses compression method %3, which this build cannot read")
                        .arg(native(zipPath), name)
                        .arg(st.comp_method));
            if (!(st.valid & ZIP_STAT_SIZE) || st.size > zip_uint64_t(limits.maxEntryBytes))
                return R::failure(tr("%1: entry \"%2\" declares more than the %3 bytes accepted for one file")
                                      .arg(native(zipPath), name)
                                      .arg(limits.maxEntryBytes));
            entry.size = qint64(st.size);
            const qint64 packed = (st.valid & ZIP_STAT_COMP_SIZE) ? qint64(st.comp_size) : 0;
            if (entry.size > kRatioFloorBytes && entry.size > packed * limits.maxRatio)
                return R::failure(tr("%1: entry \"%2\" would inflate %3 bytes to %4, more than deflate can")
                                      .arg(native(zipPath), name)
                                      .arg(packed)
                                      .arg(entry.size));
            total += entry.size;
            if (total > limits.maxTotalBytes)
                return R::failure(tr("%1: the entries add up to more than the %2 bytes accepted")
                                      .arg(native(zipPath))
                                      .arg(limits.maxTotalBytes));
        }
        entries.push_back(entry);
    }

    if (!QDir().mkpath(targetFolder))
        return R::failure(tr("Could not create the folder %1.").arg(native(targetFolder)));
    const QDir target(targetFolder);
    StagingGuard staging{target.filePath(QStringLiteral(".extracting-") + archiveName)};
    QDir(staging.path).removeRecursively(); // left over by a process that died
    if (!QDir().mkpath(staging.path))
        return R::failure(tr("Could not create the folder %1.").arg(native(staging.path)));
    const QDir stage(staging.path);

    // Second pass: inflate into the staging folder, counting what really arrives.
    std::vector<char> buffer(static_cast<std::size_t>(kChunk));
    qint64 done = 0;
    for (const Entry &entry : entries) {
        const QString path = stage.filePath(entry.relative);
        if (entry.folder) {
            if (!QDir().mkpath(path))
                return R::failure(tr("Could not create the folder %1.").arg(native(path)));
            continue;
        }
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return R::failure(
                tr("Could not create the folder %1.").arg(native(QFileInfo(path).absolutePath())));
        std::unique_ptr<zip_file_t, ZipFileClose> in(zip_fopen_index(zip.get(), entry.index, 0));
        if (!in)
            return R::failure(
                tr("%1: cannot open entry \"%2\": %3")
                    .arg(native(zipPath), entry.relative, QString::fromLocal8Bit(zip_strerror(zip.get()))));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return R::failure(tr("Could not write %1: %2").arg(native(path), out.errorString()));
        qint64 written = 0;
        for (;;) {
            if (cancel && cancel->load())
                return R::failure(tr("Unpacking %1 was stopped.").arg(archiveName));
            const zip_int64_t n = zip_fread(in.get(), buffer.data(), zip_uint64_t(buffer.size()));
            if (n < 0)
                return R::failure(tr("%1: entry \"%2\" is damaged: %3")
                                      .arg(native(zipPath), entry.relative,
                                          QString::fromLocal8Bit(zip_file_strerror(in.get()))));
            if (n == 0)
                break;
            written += n;
            if (written > entry.size)
                return R::failure(tr("%1: entry \"%2\" holds more than the %3 bytes it declares")
                                      .arg(native(zipPath), entry.relative)
                                      .arg(entry.size));
            if (out.write(buffer.data(), n) != n)
                return R::failure(tr("Could not write %1: %2").arg(native(path), out.errorString()));
            done += n;
            if (progress)
                progress(done, total);
        }
        if (written != entry.size)
            return R::failure(tr("%1: entry \"%2\" holds %3 bytes, not the %4 it declares")
                                  .arg(native(zipPath), entry.relative)
                                  .arg(written)
                                  .arg(entry.size));
        if (!out.flush())
            return R::failure(tr("Could not write %1: %2").arg(native(path), out.errorString()));
    }

    // Everything is there: move the top level into the target, replacing what had the same name.
    QStringList names = stage.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QString &name : names) {
        const QString destination = target.filePath(name);
        const QFileInfo existing(destination);
        if (existing.isDir() && !existing.isSymLink())
            QDir(destination).removeRecursively();
        else if (existing.exists() || existing.isSymLink())
            QFile::remove(destination);
        if (!QDir().rename(stage.filePath(name), destination))
            return R::failure(
                tr("Could not move %1 to %2.").arg(native(stage.filePath(name)), native(destination)));
    }
    return names;
}

} // namespace qb
