#include "data/idxreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <optional>

namespace qb {

namespace {

constexpr quint32 kImagesMagic = 0x00000803; // unsigned byte, 3 dimensions
constexpr quint32 kLabelsMagic = 0x00000801; // unsigned byte, 1 dimension
constexpr int kImagesHeaderSize = 16;
constexpr int kLabelsHeaderSize = 8;
// The most data bytes (pixels or labels) an IDX header may promise: far beyond any dataset QuantBench
// trains on in memory, and checked before anything is allocated, so a hostile header (2^32 - 1 images
// of 65535x65535) is refused at once instead of asking for exabytes.
constexpr quint64 kMaxPayloadBytes = quint64(4) << 30;
// Deflate cannot compress better than about 1032:1, so a gzip file of n bytes holds at most this many
// times n bytes (plus a little for the smallest streams): a header that promises more is refused
// before inflating anything.
constexpr quint64 kMaxDeflateRatio = 1032;
constexpr quint64 kDeflateSlack = 64 * 1024;
// Inflate and read in steps of this size: the buffer grows with the data that really arrives, never
// with what a header or gzip's own size field claims.
constexpr std::size_t kStep = std::size_t(1) << 20;

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

/// Which IDX file a reader expects: its magic number and header length.
struct IdxKind
{
    quint32 magic;
    int headerSize;
    bool images() const { return magic == kImagesMagic; }
};
constexpr IdxKind kImages{kImagesMagic, kImagesHeaderSize};
constexpr IdxKind kLabels{kLabelsMagic, kLabelsHeaderSize};

/// What a header promises: the bytes of data after it and, for messages, the field it comes from.
struct Payload
{
    quint64 bytes = 0;
    QString what; ///< "pixel data for 3 images of 28x28", "label data"
};

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

/// Checks the magic number and the header length of the first `size` bytes of a file; returns an
/// empty string when both are fine.
QString checkHeader(const QString &path, const std::uint8_t *data, std::size_t size, const IdxKind &kind)
{
    if (size >= 4) {
        const quint32 found = readBigEndian32(data);
        if (found != kind.magic)
            return wrongMagic(path, found, kind.magic);
    }
    if (size < std::size_t(kind.headerSize))
        return QCoreApplication::translate("qb::IdxReader",
                                           "%1: truncated header: %2 bytes where the header needs %3")
            .arg(nativePath(path))
            .arg(qulonglong(size))
            .arg(kind.headerSize);
    return QString();
}

/// The data size a complete, well-formed header promises, checked (no zero dimension, every product
/// computed in 64 bits from factors below 2^31, at most kMaxPayloadBytes) before anything is
/// allocated for it.
Result<Payload> payloadOf(const QString &path, const std::uint8_t *header, const IdxKind &kind)
{
    using R = Result<Payload>;
    const quint32 count = readBigEndian32(header + 4);
    if (!kind.images()) {
        if (count == 0)
            return R::failure(
                QCoreApplication::translate("qb::IdxReader", "%1: the header says it holds no labels")
                    .arg(nativePath(path)));
        if (count > quint32(INT_MAX))
            return R::failure(
                QCoreApplication::translate("qb::IdxReader", "%1: implausible label count %2 in the header")
                    .arg(nativePath(path))
                    .arg(count));
        return Payload{count, QCoreApplication::translate("qb::IdxReader", "label data")};
    }
    const quint32 rows = readBigEndian32(header + 8);
    const quint32 cols = readBigEndian32(header + 12);
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
    const quint64 bytes = quint64(count) * imageSize;
    if (bytes > kMaxPayloadBytes)
        return R::failure(QCoreApplication::translate("qb::IdxReader",
                                                      "%1: implausible dimensions in the header: %2 images "
                                                      "of %3x%4 are %5 bytes of pixel data, more than the "
                                                      "%6 bytes QuantBench reads")
                              .arg(nativePath(path))
                              .arg(count)
                              .arg(rows)
                              .arg(cols)
                              .arg(bytes)
                              .arg(kMaxPayloadBytes));
    return Payload{bytes, QCoreApplication::translate("qb::IdxReader", "pixel data for %1 images of %2x%3")
                              .arg(count)
                              .arg(rows)
                              .arg(cols)};
}

QString truncatedError(const QString &path, const Payload &payload, quint64 found)
{
    return QCoreApplication::translate("qb::IdxReader", "%1: truncated: expected %2 bytes of %3, found %4")
        .arg(nativePath(path))
        .arg(payload.bytes)
        .arg(payload.what)
        .arg(found);
}

/// Ends the zlib stream however the decompression loop is left.
struct InflateGuard
{
    z_stream *stream;
    ~InflateGuard() { inflateEnd(stream); }
};

/// Inflates a gzip file (one or more members) held in memory, header first: once the IDX header is
/// out, the output may grow only to the header plus the data it promises, and one byte more is an
/// error. The buffer grows with the bytes that really come out (gzip's own size field is not trusted),
/// so a small file that inflates to gigabytes stops as soon as it passes what the header promised.
Result<std::vector<std::uint8_t>> gunzip(const QString &path, const std::vector<std::uint8_t> &in,
                                         const IdxKind &kind)
{
    using Bytes = Result<std::vector<std::uint8_t>>;
    z_stream zs;
    std::memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return Bytes::failure(
            QCoreApplication::translate("qb::IdxReader", "%1: cannot start gzip decompression")
                .arg(nativePath(path)));
    InflateGuard guard{&zs};

    std::vector<std::uint8_t> out(std::size_t(kind.headerSize));
    std::optional<Payload> payload;
    std::size_t limit = out.size(); // what may come out: the header until it is read, then all
    std::size_t outPos = 0;
    std::size_t inPos = 0;
    // One byte past `limit` lands here: only to tell "more than promised" from "exactly that".
    std::uint8_t overflow = 0;
    bool ended = false;
    // Once the header is out: checks it and what it promises, and lets the output grow to that.
    auto readHeader = [&]() -> QString {
        const QString headerError = checkHeader(path, out.data(), outPos, kind);
        if (!headerError.isEmpty())
            return headerError;
        auto promised = payloadOf(path, out.data(), kind);
        if (!promised)
            return promised.error();
        if (promised->bytes > quint64(in.size()) * kMaxDeflateRatio + kDeflateSlack)
            return QCoreApplication::translate("qb::IdxReader",
                                               "%1: truncated: the header promises %2 bytes of %3, more "
                                               "than %4 bytes of gzip data can hold")
                .arg(nativePath(path))
                .arg(promised->bytes)
                .arg(promised->what)
                .arg(qulonglong(in.size()));
        payload = *promised;
        limit = std::size_t(kind.headerSize) + std::size_t(payload->bytes);
        return QString();
    };
    while (!ended) {
        if (outPos == std::size_t(kind.headerSize) && !payload) {
            if (const QString error = readHeader(); !error.isEmpty())
                return Bytes::failure(error);
        }
        if (outPos == out.size() && out.size() < limit)
            out.resize(std::min(limit, std::max(out.size() * 2, out.size() + kStep)));
        if (zs.avail_in == 0 && inPos < in.size()) {
            const std::size_t chunk = std::min(in.size() - inPos, kStep);
            zs.next_in = const_cast<Bytef *>(in.data() + inPos);
            zs.avail_in = uInt(chunk);
            inPos += chunk;
        }
        const bool intoOverflow = outPos == out.size();
        if (intoOverflow) {
            zs.next_out = &overflow;
            zs.avail_out = 1;
        } else {
            zs.next_out = out.data() + outPos;
            zs.avail_out = uInt(std::min(out.size() - outPos, kStep));
        }
        const uInt before = zs.avail_out;
        const int rc = inflate(&zs, Z_NO_FLUSH);
        const std::size_t produced = before - zs.avail_out;
        if (intoOverflow && produced > 0) {
            if (!payload) // cannot happen: the header is checked as soon as it is complete
                return Bytes::failure(QCoreApplication::translate("qb::IdxReader", "%1: corrupt IDX header")
                                          .arg(nativePath(path)));
            return Bytes::failure(QCoreApplication::translate(
                                      "qb::IdxReader", "%1: trailing bytes: decompresses to more than the %2 "
                                                       "bytes of %3 that the header promises")
                                      .arg(nativePath(path))
                                      .arg(payload->bytes)
                                      .arg(payload->what));
        }
        outPos += produced;

        if (rc == Z_OK)
            continue;
        if (rc == Z_STREAM_END) {
            const std::size_t left = zs.avail_in + (in.size() - inPos);
            if (left == 0) {
                ended = true;
                continue;
            }
            // Another gzip member may follow (what `cat a.gz b.gz` makes); anything else is garbage.
            std::uint8_t next[2] = {0, 0};
            for (std::size_t i = 0; i < 2 && i < left; ++i)
                next[i] = i < zs.avail_in ? zs.next_in[i] : in[inPos + (i - zs.avail_in)];
            if (left >= 2 && next[0] == 0x1f && next[1] == 0x8b) {
                inflateReset(&zs);
                continue;
            }
            return Bytes::failure(
                QCoreApplication::translate("qb::IdxReader",
                                            "%1: corrupt gzip file: %2 unexpected bytes after the end of "
                                            "the compressed data")
                    .arg(nativePath(path))
                    .arg(qulonglong(left)));
        }
        if (rc == Z_BUF_ERROR) {
            if (zs.avail_in == 0 && inPos == in.size())
                return Bytes::failure(
                    QCoreApplication::translate("qb::IdxReader",
                                                "%1: corrupt gzip file: the compressed data ends early (the "
                                                "file is truncated?)")
                        .arg(nativePath(path)));
            if (zs.avail_out == 0)
                continue; // output full: grow (or probe past the limit) and go on
        }
        if (rc == Z_MEM_ERROR)
            return Bytes::failure(
                QCoreApplication::translate("qb::IdxReader", "%1: out of memory while decompressing")
                    .arg(nativePath(path)));
        const QString detail = zs.msg
                                   ? QString::fromLatin1(zs.msg)
                                   : QCoreApplication::translate("qb::IdxReader", "invalid compressed data");
        return Bytes::failure(QCoreApplication::translate("qb::IdxReader", "%1: corrupt gzip file: %2")
                                  .arg(nativePath(path), detail));
    }
    if (outPos == 0)
        return Bytes::failure(
            QCoreApplication::translate("qb::IdxReader", "%1: the file is empty once decompressed")
                .arg(nativePath(path)));
    if (!payload) { // the stream ended within the header, or right after it
        const QString error = readHeader();
        if (!error.isEmpty())
            return Bytes::failure(error);
    }
    if (outPos < limit)
        return Bytes::failure(truncatedError(path, *payload, outPos - std::size_t(kind.headerSize)));
    return out;
}

/// The content of the IDX file `path` (header and data, decompressed when it starts with the gzip
/// magic bytes), checked against what its header promises before the data is read: a wrong magic,
/// a hostile header, a truncated file or trailing bytes are refused without allocating for them.
Result<std::vector<std::uint8_t>> readContent(const QString &path, const IdxKind &kind)
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
    auto readInto = [&file, &path](std::uint8_t *to, qint64 wanted) -> QString {
        qint64 got = 0;
        while (got < wanted) {
            const qint64 n = file.read(reinterpret_cast<char *>(to) + got, wanted - got);
            if (n <= 0)
                break;
            got += n;
        }
        if (got == wanted)
            return QString();
        return QCoreApplication::translate("qb::IdxReader", "%1: cannot read the file: read %2 of %3 bytes (%4)")
            .arg(nativePath(path))
            .arg(got)
            .arg(wanted)
            .arg(file.errorString());
    };

    // The header (or the gzip magic) first: nothing larger is allocated before it is checked.
    std::vector<std::uint8_t> head(std::size_t(std::min<qint64>(size, kind.headerSize)));
    if (const QString error = readInto(head.data(), qint64(head.size())); !error.isEmpty())
        return Bytes::failure(error);
    if (head.size() >= 2 && head[0] == 0x1f && head[1] == 0x8b) {
        std::vector<std::uint8_t> raw(static_cast<std::size_t>(size));
        std::copy(head.begin(), head.end(), raw.begin());
        if (const QString error = readInto(raw.data() + head.size(), size - qint64(head.size()));
            !error.isEmpty())
            return Bytes::failure(error);
        return gunzip(path, raw, kind);
    }

    const QString headerError = checkHeader(path, head.data(), head.size(), kind);
    if (!headerError.isEmpty())
        return Bytes::failure(headerError);
    const auto payload = payloadOf(path, head.data(), kind);
    if (!payload)
        return Bytes::failure(payload.error());
    const quint64 found = quint64(size) - quint64(kind.headerSize);
    if (found < payload->bytes)
        return Bytes::failure(truncatedError(path, *payload, found));
    if (found > payload->bytes)
        return Bytes::failure(QCoreApplication::translate("qb::IdxReader",
                                                          "%1: %2 trailing bytes after the %3 bytes of %4")
                                  .arg(nativePath(path))
                                  .arg(found - payload->bytes)
                                  .arg(payload->bytes)
                                  .arg(payload->what));
    std::vector<std::uint8_t> content(std::size_t(kind.headerSize) + std::size_t(payload->bytes));
    std::copy(head.begin(), head.end(), content.begin());
    if (const QString error = readInto(content.data() + head.size(), qint64(payload->bytes));
        !error.isEmpty())
        return Bytes::failure(error);
    return content;
}

} // namespace

Result<DatasetSplit> IdxReader::readImages(const QString &path)
{
    using R = Result<DatasetSplit>;
    // readContent checked the header and that exactly the promised pixel data follows it.
    auto content = readContent(path, kImages);
    if (!content)
        return R::failure(content.error());
    std::vector<std::uint8_t> &data = *content;
    DatasetSplit split;
    split.count = int(readBigEndian32(data.data() + 4));
    split.channels = 1;
    split.height = int(readBigEndian32(data.data() + 8));
    split.width = int(readBigEndian32(data.data() + 12));
    // Drop the header in place rather than copying the pixels into a second buffer.
    data.erase(data.begin(), data.begin() + kImagesHeaderSize);
    split.pixels = std::move(data);
    return split;
}

Result<std::vector<std::uint8_t>> IdxReader::readLabels(const QString &path, int maxClasses)
{
    using R = Result<std::vector<std::uint8_t>>;
    // readContent checked the header and that exactly the promised label bytes follow it.
    auto content = readContent(path, kLabels);
    if (!content)
        return content;
    std::vector<std::uint8_t> &data = *content;
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
