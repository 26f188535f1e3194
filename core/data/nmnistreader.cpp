#include "data/nmnistreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <climits>
#include <limits>

namespace qb {

namespace {

/// A whole split's .bin files together may not exceed this: about 2.5 times N-MNIST's training set,
/// and still a size whose events (12 bytes in memory for every 5 on disk) a workstation can hold.
constexpr qint64 kMaxSplitBytes = 4ll * 1024 * 1024 * 1024;

QString nativePath(const QString &path) { return QDir::toNativeSeparators(path); }

/// Appends the events of one file's bytes to `out`; returns an error message, or an empty string.
/// `out` may hold a partial file when an error is returned (the caller discards it).
QString appendEvents(const std::uint8_t *data, qint64 size, const QString &name, std::vector<DvsEvent> &out)
{
    constexpr int kBytes = NmnistReader::kEventBytes;
    if (size < 0 || size > NmnistReader::kMaxFileBytes)
        return NmnistReader::tr("%1: %2 bytes is more than an N-MNIST file may have (%3 bytes, %4 events); "
                                "is this an N-MNIST .bin file?")
            .arg(name)
            .arg(size)
            .arg(NmnistReader::kMaxFileBytes)
            .arg(NmnistReader::kMaxFileBytes / kBytes);
    if (size % kBytes != 0)
        return NmnistReader::tr("%1: %2 bytes is not a whole number of 5-byte events: the last event, at "
                                "byte %3, has only %4 bytes; is this an N-MNIST .bin file?")
            .arg(name)
            .arg(size)
            .arg(size - size % kBytes)
            .arg(size % kBytes);

    // Times are summed in 64 bits: a file of nothing but overflow markers adds up to 838,860 x 8192 us,
    // more than 32 bits hold.
    std::uint64_t overflow = 0;
    std::uint64_t previous = 0;
    bool first = true;
    for (qint64 offset = 0; offset < size; offset += kBytes) {
        const std::uint8_t *e = data + offset;
        const int x = e[0];
        const int y = e[1];
        if (y == NmnistReader::kOverflowY) {
            overflow += NmnistReader::kOverflowIncrementUs;
            continue;
        }
        if (x >= NmnistReader::kSensorSize || y >= NmnistReader::kSensorSize)
            return NmnistReader::tr("%1: the event at byte %2 has x = %3, y = %4, outside the %5x%5 sensor "
                                    "(only y = %6, a time overflow marker, may lie outside it)")
                .arg(name)
                .arg(offset)
                .arg(x)
                .arg(y)
                .arg(NmnistReader::kSensorSize)
                .arg(NmnistReader::kOverflowY);
        const std::uint64_t raw
            = (std::uint64_t(e[2] & 0x7f) << 16) | (std::uint64_t(e[3]) << 8) | std::uint64_t(e[4]);
        const std::uint64_t t = raw + overflow;
        if (t > std::numeric_limits<std::uint32_t>::max())
            return NmnistReader::tr(
                "%1: the event at byte %2 has time %3 us after the overflow markers before "
                "it, more than 32 bits hold")
                .arg(name)
                .arg(offset)
                .arg(t);
        if (!first && t < previous)
            return NmnistReader::tr("%1: the event at byte %2 has time %3 us, before the %4 us of the event "
                                    "before it (events must be in time order)")
                .arg(name)
                .arg(offset)
                .arg(t)
                .arg(previous);
        first = false;
        previous = t;
        DvsEvent event;
        event.x = std::uint16_t(x);
        event.y = std::uint16_t(y);
        event.polarity = std::uint8_t(e[2] >> 7);
        event.t = std::uint32_t(t);
        out.push_back(event);
    }
    return QString();
}

/// Reads the whole of `path` into `buffer` (resized to the file's size), refusing a file over
/// kMaxFileBytes before reading it. Returns an error message, or an empty string.
QString readBytes(const QString &path, std::vector<std::uint8_t> &buffer)
{
    const QFileInfo info(path);
    if (!info.exists())
        return NmnistReader::tr("%1: file not found").arg(nativePath(path));
    if (info.isDir())
        return NmnistReader::tr("%1: is a folder, not an N-MNIST .bin file").arg(nativePath(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return NmnistReader::tr("%1: cannot read the file: %2").arg(nativePath(path), file.errorString());
    const qint64 size = file.size();
    if (size > NmnistReader::kMaxFileBytes)
        return NmnistReader::tr("%1: %2 bytes is more than an N-MNIST file may have (%3 bytes, %4 events); "
                                "is this an N-MNIST .bin file?")
            .arg(nativePath(path))
            .arg(size)
            .arg(NmnistReader::kMaxFileBytes)
            .arg(NmnistReader::kMaxFileBytes / NmnistReader::kEventBytes);
    buffer.resize(std::size_t(size));
    qint64 got = 0;
    while (got < size) {
        const qint64 n = file.read(reinterpret_cast<char *>(buffer.data()) + got, size - got);
        if (n <= 0)
            break;
        got += n;
    }
    if (got != size)
        return NmnistReader::tr("%1: cannot read the file: read %2 of %3 bytes (%4)")
            .arg(nativePath(path))
            .arg(got)
            .arg(size)
            .arg(file.errorString());
    return QString();
}

} // namespace

Result<std::vector<DvsEvent>> NmnistReader::parseEvents(
    const std::uint8_t *data, qint64 size, const QString &name)
{
    using R = Result<std::vector<DvsEvent>>;
    std::vector<DvsEvent> events;
    if (size > 0 && size <= kMaxFileBytes)
        events.reserve(std::size_t(size / kEventBytes));
    const QString error = appendEvents(data, size, name, events);
    if (!error.isEmpty())
        return R::failure(error);
    return events;
}

Result<std::vector<DvsEvent>> NmnistReader::readFile(const QString &path)
{
    std::vector<std::uint8_t> bytes;
    const QString error = readBytes(path, bytes);
    if (!error.isEmpty())
        return Result<std::vector<DvsEvent>>::failure(error);
    return parseEvents(bytes.data(), qint64(bytes.size()), nativePath(path));
}

Result<NmnistReader::SplitFiles> NmnistReader::listSplit(const QString &folder)
{
    using R = Result<SplitFiles>;
    const QFileInfo root(folder);
    if (!root.exists())
        return R::failure(tr("%1: folder not found (an N-MNIST split folder holds the digit folders 0 to 9 "
                             "of .bin files)")
                              .arg(nativePath(folder)));
    if (!root.isDir())
        return R::failure(tr("%1: is a file, not an N-MNIST split folder").arg(nativePath(folder)));

    SplitFiles split;
    const QDir dir(folder);
    for (int digit = 0; digit < kNumClasses; ++digit) {
        const QString digitPath = dir.filePath(QString::number(digit));
        if (!QFileInfo(digitPath).isDir())
            return R::failure(tr("%1: folder not found (N-MNIST keeps the samples of digit %2 there)")
                                  .arg(nativePath(digitPath))
                                  .arg(digit));
        // Files ending in ".bin" (as published; Tonic takes names ending in "bin"), hidden ones left
        // out (macOS's "._00002.bin" resource forks). Sorted by name as Tonic does (Python's
        // files.sort(): code point order, which QString's operator< gives for these names).
        QFileInfoList entries = QDir(digitPath).entryInfoList(QDir::Files, QDir::NoSort);
        entries.erase(std::remove_if(entries.begin(), entries.end(),
                          [](const QFileInfo &f) {
                              return !f.fileName().endsWith(QLatin1String(".bin"), Qt::CaseSensitive);
                          }),
            entries.end());
        if (entries.isEmpty())
            return R::failure(tr("%1: the folder holds no .bin files (N-MNIST keeps the samples of digit %2 "
                                 "there)")
                                  .arg(nativePath(digitPath))
                                  .arg(digit));
        std::sort(entries.begin(), entries.end(),
            [](const QFileInfo &a, const QFileInfo &b) { return a.fileName() < b.fileName(); });
        if (split.paths.size() + entries.size() > kMaxFilesPerSplit)
            return R::failure(
                tr("%1: more than %2 files in the split").arg(nativePath(folder)).arg(kMaxFilesPerSplit));
        for (const QFileInfo &entry : entries) {
            const qint64 size = entry.size();
            if (size > kMaxFileBytes)
                return R::failure(
                    tr("%1: %2 bytes is more than an N-MNIST file may have (%3 bytes, %4 events); "
                       "is this an N-MNIST .bin file?")
                        .arg(nativePath(entry.filePath()))
                        .arg(size)
                        .arg(kMaxFileBytes)
                        .arg(kMaxFileBytes / kEventBytes));
            split.totalBytes += size;
            if (split.totalBytes > kMaxSplitBytes)
                return R::failure(tr("%1: the .bin files of the split add up to more than %2 bytes")
                                      .arg(nativePath(folder))
                                      .arg(kMaxSplitBytes));
            split.paths << entry.filePath();
            split.labels.push_back(std::uint8_t(digit));
        }
    }
    return split;
}

Result<DatasetSplit> NmnistReader::readSplit(const QString &folder)
{
    using R = Result<DatasetSplit>;
    auto files = listSplit(folder);
    if (!files)
        return R::failure(files.error());

    DatasetSplit split;
    split.count = int(files->paths.size());
    split.channels = kPolarities;
    split.height = kSensorSize;
    split.width = kSensorSize;
    split.labels = std::move(files->labels);
    // Sized from the listing (every file was checked against kMaxFileBytes and the total against
    // kMaxSplitBytes): the overflow markers make this an upper bound.
    split.events.reserve(std::size_t(files->totalBytes / kEventBytes));
    split.eventOffsets.reserve(std::size_t(split.count) + 1);
    split.eventOffsets.push_back(0);

    std::vector<std::uint8_t> buffer;
    for (const QString &path : files->paths) {
        QString error = readBytes(path, buffer);
        if (error.isEmpty())
            error = appendEvents(buffer.data(), qint64(buffer.size()), nativePath(path), split.events);
        if (!error.isEmpty())
            return R::failure(error);
        split.eventOffsets.push_back(std::int64_t(split.events.size()));
    }
    return split;
}

} // namespace qb
