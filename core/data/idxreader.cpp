#include "data/idxreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstring>

namespace qb {

namespace {

constexpr quint32 kImagesMagic = 0x00000803; // unsigned byte, 3 dimensions
constexpr quint32 kLabelsMagic = 0x00000801; // unsigned byte, 1 dimension
constexpr int kImagesHeaderSize = 16;
constexpr int kLabelsHeaderSize = 8;
// A decompressed IDX file larger than this is not a dataset QuantBench can hold in memory; the limit
// also stops a corrupt or hostile .gz from eating all memory.
constexpr std::size_t kMaxDecompressedSize = std::size_t(1) << 33;
// zlib counts in uInt (32 bits): feed it at most this much at a time.
constexpr std::size_t kZlibChunk = std::size_t(1) << 30;

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

quint32 readBigEndian32(const std::uint8_t *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

QString hex32(quint32 value)
{
    return QStringLiteral("0x%1").arg(value, 8, 16, QLatin1Char('0'));
}

/// Ends the zlib stream however the decompression loop is left.
struct InflateGuard
{
    z_stream *stream;
    ~InflateGuard() { inflateEnd(stream); }
};

/// Inflates a whole gzip file (one or more members) held in memory into one buffer.
Result<std::vector<std::uint8_t>> gunzip(const QString &path, const std::vector<std::uint8_t> &in)
{
    z_stream zs;
    std::memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return Result<std::vector<std::uint8_t>>::failure(
            QCoreApplication::translate("qb::IdxReader", "%1: cannot start gzip decompression")
                .arg(nativePath(path)));
    InflateGuard guard{&zs};

    // The gzip trailer holds the uncompressed size modulo 2^32: a good first guess that saves the
    // regrowing (deflate never compresses better than about 1032:1, which bounds a bogus trailer).
    std::size_t guess = in.size() * 4;
    if (in.size() >= 18) {
        const std::uint8_t *t = in.data() + in.size() - 4;
        const std::size_t isize = std::size_t(t[0]) | (std::size_t(t[1]) << 8) | (std::size_t(t[2]) << 16)
                                  | (std::size_t(t[3]) << 24);
        if (isize > 0)
            guess = std::min(isize, in.size() * 1032);
    }
    std::vector<std::uint8_t> out;
    out.resize(std::clamp<std::size_t>(guess, 4096, kMaxDecompressedSize));

    std::size_t inPos = 0;
    std::size_t outPos = 0;
    for (;;) {
        if (zs.avail_in == 0 && inPos < in.size()) {
            const std::size_t chunk = std::min(in.size() - inPos, kZlibChunk);
            zs.next_in = const_cast<Bytef *>(in.data() + inPos);
            zs.avail_in = uInt(chunk);
            inPos += chunk;
        }
        if (outPos == out.size()) {
            if (out.size() >= kMaxDecompressedSize)
                return Result<std::vector<std::uint8_t>>::failure(
                    QCoreApplication::translate("qb::IdxReader",
                                                "%1: decompresses to more than %2 bytes; this is not an "
                                                "IDX dataset file")
                        .arg(nativePath(path))
                        .arg(qulonglong(kMaxDecompressedSize)));
            out.resize(std::min(out.size() * 2, kMaxDecompressedSize));
        }
        const std::size_t outChunk = std::min(out.size() - outPos, kZlibChunk);
        zs.next_out = out.data() + outPos;
        zs.avail_out = uInt(outChunk);
        const int rc = inflate(&zs, Z_NO_FLUSH);
        outPos += outChunk - zs.avail_out;

        if (rc == Z_OK)
            continue;
        if (rc == Z_STREAM_END) {
            const std::size_t left = zs.avail_in + (in.size() - inPos);
            if (left == 0)
                break;
            // Another gzip member may follow (what `cat a.gz b.gz` makes); anything else is garbage.
            std::uint8_t next[2] = {0, 0};
            for (std::size_t i = 0; i < 2 && i < left; ++i)
                next[i] = i < zs.avail_in ? zs.next_in[i] : in[inPos + (i - zs.avail_in)];
            if (left >= 2 && next[0] == 0x1f && next[1] == 0x8b) {
                inflateReset(&zs);
                continue;
            }
            return Result<std::vector<std::uint8_t>>::failure(
                QCoreApplication::translate("qb::IdxReader",
                                            "%1: corrupt gzip file: %2 unexpected bytes after the end of "
                                            "the compressed data")
                    .arg(nativePath(path))
                    .arg(qulonglong(left)));
        }
        if (rc == Z_BUF_ERROR) {
            if (zs.avail_in == 0 && inPos == in.size())
                return Result<std::vector<std::uint8_t>>::failure(
                    QCoreApplication::translate("qb::IdxReader",
                                                "%1: corrupt gzip file: the compressed data ends early (the "
                                                "file is truncated?)")
                        .arg(nativePath(path)));
            if (zs.avail_out == 0)
                continue; // output full: grow and go on
        }
        if (rc == Z_MEM_ERROR)
            return Result<std::vector<std::uint8_t>>::failure(
                QCoreApplication::translate("qb::IdxReader", "%1: out of memory while decompressing")
                    .arg(nativePath(path)));
        const QString detail = zs.msg
                                   ? QString::fromLatin1(zs.msg)
                                   : QCoreApplication::translate("qb::IdxReader", "invalid compressed data");
        return Result<std::vector<std::uint8_t>>::failure(
            QCoreApplication::translate("qb::IdxReader", "%1: corrupt gzip file: %2")
                .arg(nativePath(path), detail));
    }
    out.resize(outPos);
    out.shrink_to_fit();
    return out;
}

/// The whole content of `path`, decompressed when it starts with the gzip magic bytes.
Result<std::vector<std::uint8_t>> readContent(const QString &path)
{
    using Bytes = Result<std::vector<std::uint8_t>>;
    const QFileInfo info(path);
    if (!info.exists())
        return Bytes::failure(
            QCoreApplication::translate("qb::IdxReader", "%1: file not found").arg(nativePath(path)));
    if (info.isDir())
        return Bytes::failure(QCoreApplication::translate("qb::IdxReader", "%1: is a folder, not an IDX file")
                                  .arg(nativePath(path)));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Bytes::failure(QCoreApplication::translate("qb::IdxReader", "%1: cannot read the file: %2")
                                  .arg(nativePath(path), file.errorString()));
    const qint64 size = file.size();
    if (size == 0)
        return Bytes::failure(
            QCoreApplication::translate("qb::IdxReader", "%1: the file is empty").arg(nativePath(path)));

    std::vector<std::uint8_t> raw(static_cast<std::size_t>(size));
    qint64 got = 0;
    while (got < size) {
        const qint64 n = file.read(reinterpret_cast<char *>(raw.data()) + got, size - got);
        if (n <= 0)
            break;
        got += n;
    }
    if (got != size)
        return Bytes::failure(
            QCoreApplication::translate("qb::IdxReader", "%1: cannot read the file: read %2 of %3 bytes (%4)")
                .arg(nativePath(path))
                .arg(got)
                .arg(size)
                .arg(file.errorString()));

    if (raw.size() >= 2 && raw[0] == 0x1f && raw[1] == 0x8b) {
        auto inflated = gunzip(path, raw);
        if (!inflated)
            return inflated;
        if (inflated->empty())
            return Bytes::failure(
                QCoreApplication::translate("qb::IdxReader", "%1: the file is empty once decompressed")
                    .arg(nativePath(path)));
        return inflated;
    }
    return raw;
}

/// Error for a magic number that is not `expected`, with a hint of what the file might be.
QString wrongMagic(const QString &path, quint32 found, quint32 expected)
{
    QString text;
    if (expected == kImagesMagic)
        text = QCoreApplication::translate(
                   "qb::IdxReader", "%1: wrong magic number %2 (expected %3); is this an IDX images file?")
                   .arg(nativePath(path), hex32(found), hex32(expected));
    else
        text = QCoreApplication::translate(
                   "qb::IdxReader", "%1: wrong magic number %2 (expected %3); is this an IDX labels file?")
                   .arg(nativePath(path), hex32(found), hex32(expected));
    if (found == kLabelsMagic)
        text +=
            QLatin1Char(' ') + QCoreApplication::translate("qb::IdxReader", "It looks like a labels file.");
    else if (found == kImagesMagic)
        text +=
            QLatin1Char(' ') + QCoreApplication::translate("qb::IdxReader", "It looks like an images file.");
    else if (path.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive))
        text += QLatin1Char(' ')
                + QCoreApplication::translate("qb::IdxReader",
                                              "The name ends in .gz but the content is not gzip-compressed.");
    return text;
}

/// Checks the magic number and the header length; returns an empty string when both are fine.
QString checkHeader(const QString &path, const std::vector<std::uint8_t> &data, quint32 magic, int headerSize)
{
    if (data.size() >= 4) {
        const quint32 found = readBigEndian32(data.data());
        if (found != magic)
            return wrongMagic(path, found, magic);
    }
    if (data.size() < std::size_t(headerSize))
        return QCoreApplication::translate("qb::IdxReader",
                                           "%1: truncated header: %2 bytes where the header needs %3")
            .arg(nativePath(path))
            .arg(qulonglong(data.size()))
            .arg(headerSize);
    return QString();
}

} // namespace

Result<DatasetSplit> IdxReader::readImages(const QString &path)
{
    using R = Result<DatasetSplit>;
    auto content = readContent(path);
    if (!content)
        return R::failure(content.error());
    std::vector<std::uint8_t> &data = *content;
    const QString headerError = checkHeader(path, data, kImagesMagic, kImagesHeaderSize);
    if (!headerError.isEmpty())
        return R::failure(headerError);

    const quint32 count = readBigEndian32(data.data() + 4);
    const quint32 rows = readBigEndian32(data.data() + 8);
    const quint32 cols = readBigEndian32(data.data() + 12);
    if (count == 0 || rows == 0 || cols == 0)
        return R::failure(QCoreApplication::translate(
                              "qb::IdxReader", "%1: the header has a zero dimension (%2 images of %3x%4)")
                              .arg(nativePath(path))
                              .arg(count)
                              .arg(rows)
                              .arg(cols));
    // Keeping one image and the count within int makes count * rows * cols fit in 64 bits.
    const quint64 imageSize = quint64(rows) * cols;
    if (count > quint32(INT_MAX) || imageSize > quint64(INT_MAX))
        return R::failure(QCoreApplication::translate(
                              "qb::IdxReader", "%1: implausible dimensions in the header (%2 images of "
                                               "%3x%4)")
                              .arg(nativePath(path))
                              .arg(count)
                              .arg(rows)
                              .arg(cols));

    const quint64 expected = quint64(count) * imageSize;
    const quint64 found = data.size() - kImagesHeaderSize;
    if (found < expected)
        return R::failure(QCoreApplication::translate("qb::IdxReader",
                                                      "%1: truncated: expected %2 bytes of pixel data for %3 "
                                                      "images of %4x%5, found %6")
                              .arg(nativePath(path))
                              .arg(expected)
                              .arg(count)
                              .arg(rows)
                              .arg(cols)
                              .arg(found));
    if (found > expected)
        return R::failure(QCoreApplication::translate(
                              "qb::IdxReader", "%1: %2 trailing bytes after the %3 bytes of pixel data for "
                                               "%4 images of %5x%6")
                              .arg(nativePath(path))
                              .arg(found - expected)
                              .arg(expected)
                              .arg(count)
                              .arg(rows)
                              .arg(cols));

    DatasetSplit split;
    split.count = int(count);
    split.channels = 1;
    split.height = int(rows);
    split.width = int(cols);
    // Drop the header in place rather than copying the pixels into a second buffer.
    data.erase(data.begin(), data.begin() + kImagesHeaderSize);
    split.pixels = std::move(data);
    return split;
}

Result<std::vector<std::uint8_t>> IdxReader::readLabels(const QString &path, int maxClasses)
{
    using R = Result<std::vector<std::uint8_t>>;
    auto content = readContent(path);
    if (!content)
        return content;
    std::vector<std::uint8_t> &data = *content;
    const QString headerError = checkHeader(path, data, kLabelsMagic, kLabelsHeaderSize);
    if (!headerError.isEmpty())
        return R::failure(headerError);

    const quint32 count = readBigEndian32(data.data() + 4);
    if (count == 0)
        return R::failure(
            QCoreApplication::translate("qb::IdxReader", "%1: the header says it holds no labels")
                .arg(nativePath(path)));
    if (count > quint32(INT_MAX))
        return R::failure(
            QCoreApplication::translate("qb::IdxReader", "%1: implausible label count %2 in the header")
                .arg(nativePath(path))
                .arg(count));
    const quint64 found = data.size() - kLabelsHeaderSize;
    if (found < count)
        return R::failure(QCoreApplication::translate(
                              "qb::IdxReader", "%1: truncated: expected %2 bytes of label data, found %3")
                              .arg(nativePath(path))
                              .arg(count)
                              .arg(found));
    if (found > count)
        return R::failure(QCoreApplication::translate(
                              "qb::IdxReader", "%1: %2 trailing bytes after the %3 bytes of label data")
                              .arg(nativePath(path))
                              .arg(found - count)
                              .arg(count));

    data.erase(data.begin(), data.begin() + kLabelsHeaderSize);
    // maxClasses outside 1..255 puts no limit on a byte label.
    if (maxClasses > 0 && maxClasses < 256) {
        const auto bad =
            std::find_if(data.begin(), data.end(), [maxClasses](std::uint8_t v) { return v >= maxClasses; });
        if (bad != data.end())
            return R::failure(QCoreApplication::translate(
                                  "qb::IdxReader", "%1: label out of range at index %2: %3 (expected 0 to "
                                                   "%4)")
                                  .arg(nativePath(path))
                                  .arg(qint64(bad - data.begin()))
                                  .arg(int(*bad))
                                  .arg(maxClasses - 1));
    }
    return std::move(data);
}

Result<DatasetSplit> IdxReader::readSplit(const QString &imagesPath, const QString &labelsPath,
                                          int maxClasses)
{
    auto split = readImages(imagesPath);
    if (!split)
        return split;
    auto labels = readLabels(labelsPath, maxClasses);
    if (!labels)
        return Result<DatasetSplit>::failure(labels.error());
    if (labels->size() != std::size_t(split->count))
        return Result<DatasetSplit>::failure(
            QCoreApplication::translate("qb::IdxReader",
                                        "image and label counts disagree: %1 holds %2 images but %3 holds %4 "
                                        "labels")
                .arg(nativePath(imagesPath))
                .arg(split->count)
                .arg(nativePath(labelsPath))
                .arg(qulonglong(labels->size())));
    split->labels = std::move(*labels);
    return split;
}

} // namespace qb
