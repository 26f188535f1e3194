#include "data/cifarreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <climits>
#include <cstring>

namespace qb {

namespace {

constexpr int kChannels = 3;
constexpr int kSide = 32;
constexpr int kImageSize = kChannels * kSide * kSide; // 3072
constexpr int kRecordSize = 1 + kImageSize;           // 3073
constexpr int kNumClasses = 10;

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

Result<DatasetSplit> CifarReader::readBatch(const QString &path)
{
    using R = Result<DatasetSplit>;
    const QFileInfo info(path);
    if (!info.exists())
        return R::failure(
            QCoreApplication::translate("qb::CifarReader", "%1: file not found").arg(nativePath(path)));
    if (info.isDir())
        return R::failure(
            QCoreApplication::translate("qb::CifarReader", "%1: is a folder, not a CIFAR-10 batch file")
                .arg(nativePath(path)));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return R::failure(QCoreApplication::translate("qb::CifarReader", "%1: cannot read the file: %2")
                              .arg(nativePath(path), file.errorString()));
    const qint64 size = file.size();
    if (size == 0)
        return R::failure(
            QCoreApplication::translate("qb::CifarReader", "%1: the file is empty").arg(nativePath(path)));
    if (size % kRecordSize != 0)
        return R::failure(QCoreApplication::translate(
                              "qb::CifarReader", "%1: size %2 bytes is not a multiple of the %3-byte "
                                                 "CIFAR-10 record (1 label byte + 3x32x32 pixels); is this "
                                                 "a CIFAR-10 binary batch (data_batch_N.bin)?")
                              .arg(nativePath(path))
                              .arg(size)
                              .arg(kRecordSize));
    const qint64 records = size / kRecordSize;
    if (records > INT_MAX)
        return R::failure(QCoreApplication::translate("qb::CifarReader", "%1: too many records (%2)")
                              .arg(nativePath(path))
                              .arg(records));

    std::vector<std::uint8_t> raw(static_cast<std::size_t>(size));
    qint64 got = 0;
    while (got < size) {
        const qint64 n = file.read(reinterpret_cast<char *>(raw.data()) + got, size - got);
        if (n <= 0)
            break;
        got += n;
    }
    if (got != size)
        return R::failure(QCoreApplication::translate("qb::CifarReader",
                                                      "%1: cannot read the file: read %2 of %3 bytes (%4)")
                              .arg(nativePath(path))
                              .arg(got)
                              .arg(size)
                              .arg(file.errorString()));

    DatasetSplit split;
    split.count = int(records);
    split.channels = kChannels;
    split.height = kSide;
    split.width = kSide;
    split.labels.resize(std::size_t(records));
    split.pixels.resize(std::size_t(records) * kImageSize);
    for (qint64 i = 0; i < records; ++i) {
        const std::uint8_t *record = raw.data() + i * kRecordSize;
        if (record[0] >= kNumClasses)
            return R::failure(
                QCoreApplication::translate("qb::CifarReader", "%1: record %2 has label %3 (expected 0 to 9)")
                    .arg(nativePath(path))
                    .arg(i)
                    .arg(int(record[0])));
        split.labels[std::size_t(i)] = record[0];
        std::memcpy(split.pixels.data() + i * kImageSize, record + 1, kImageSize);
    }
    return split;
}

Result<DatasetSplit> CifarReader::readBatches(const QStringList &paths)
{
    using R = Result<DatasetSplit>;
    if (paths.isEmpty())
        return R::failure(QCoreApplication::translate("qb::CifarReader", "no CIFAR-10 batch files given"));
    if (paths.size() == 1)
        return readBatch(paths.first());

    // Reserve once from the file sizes, but only when every file has the size of whole records: a
    // file that readBatch will refuse (a 100 GB disk image given by mistake) must not be reserved for.
    qint64 expectedRecords = 0;
    for (const QString &path : paths) {
        const qint64 size = QFileInfo(path).size();
        if (size <= 0 || size % kRecordSize != 0) {
            expectedRecords = 0;
            break;
        }
        expectedRecords += size / kRecordSize;
    }

    DatasetSplit all;
    for (const QString &path : paths) {
        auto batch = readBatch(path);
        if (!batch)
            return batch;
        if (qint64(all.count) + batch->count > INT_MAX)
            return R::failure(QCoreApplication::translate("qb::CifarReader",
                                                          "%1: too many records in all the batches together")
                                  .arg(nativePath(path)));
        if (all.count == 0) {
            all = std::move(*batch);
            if (expectedRecords > all.count && expectedRecords <= INT_MAX) {
                all.pixels.reserve(std::size_t(expectedRecords) * kImageSize);
                all.labels.reserve(std::size_t(expectedRecords));
            }
            continue;
        }
        all.count += batch->count;
        all.pixels.insert(all.pixels.end(), batch->pixels.begin(), batch->pixels.end());
        all.labels.insert(all.labels.end(), batch->labels.begin(), batch->labels.end());
    }
    return all;
}

} // namespace qb
