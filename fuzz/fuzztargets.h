#pragma once
// The reader calls behind every fuzz target, shared by the libFuzzer executables (fuzz/fuzz_*.cpp, one
// QB_FUZZ_TARGET line each) and the regression test that replays the seeds and every finding
// (tests/core/data/tst_fuzzregressions.cpp), so both feed an input through exactly the same calls.
//
// Readers that take a path get each input through one file in a per-process temporary folder,
// overwritten for every input; the JSON readers get it from memory.

#include "data/cifarreader.h"
#include "data/csvreader.h"
#include "data/eventframes.h"
#include "data/idxreader.h"
#include "data/nmnistreader.h"
#include "export/runbundle.h"
#include "grid/gridspec.h"
#include "spec/experimentspec.h"
#include "spec/networkspec.h"
#include "spec/networkvalidator.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QTemporaryDir>

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace qb::fuzz {

/// One reader call on an input: what was called and, when it refused the input, its message.
struct Call
{
    QString what;
    bool ok = false;
    QString error;
};
/// Every reader call one input made (empty: the target skips such inputs).
using Outcome = QList<Call>;

template <typename T> Call call(const QString &what, const T &result)
{
    return Call{what, result.ok(), result.ok() ? QString() : result.error()};
}

/// Writes `data` to `<per-process temp dir>/<fileName>` and returns the path; aborts when it cannot
/// (a fuzzer that cannot write its input would only report noise).
inline QString writeInput(const std::uint8_t *data, std::size_t size, const char *fileName)
{
    static QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/qb-fuzz-XXXXXX"));
    if (!dir.isValid())
        std::abort();
    const QString path = dir.filePath(QString::fromLatin1(fileName));
    const QByteArray local = QFile::encodeName(path);
    std::FILE *f = std::fopen(local.constData(), "wb");
    if (!f)
        std::abort();
    if (size > 0 && std::fwrite(data, 1, size, f) != size)
        std::abort();
    std::fclose(f);
    return path;
}

/// IDX files as they lie on disk, uncompressed: both the images and the labels reader see every input.
/// A leading gzip magic would send the input to the gzip path, which idxGzip covers: skipped.
inline Outcome idxRaw(const std::uint8_t *data, std::size_t size)
{
    if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b)
        return {};
    const QString path = writeInput(data, size, "input-ubyte");
    return {call(QStringLiteral("readImages"), IdxReader::readImages(path)),
        call(QStringLiteral("readLabels"), IdxReader::readLabels(path))};
}

/// Appends `size` bytes at `data` as one gzip member.
inline void appendGzip(std::vector<std::uint8_t> &out, const std::uint8_t *data, std::size_t size)
{
    z_stream zs;
    std::memset(&zs, 0, sizeof zs);
    if (deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        std::abort();
    const std::size_t start = out.size();
    out.resize(start + deflateBound(&zs, uLong(size)) + 32);
    zs.next_in = const_cast<Bytef *>(data);
    zs.avail_in = uInt(size);
    zs.next_out = out.data() + start;
    zs.avail_out = uInt(out.size() - start);
    if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
        std::abort();
    out.resize(start + zs.total_out);
    deflateEnd(&zs);
}

/// gzip-compressed IDX files. The first byte chooses how the rest becomes the file: compressed here
/// as one member (mode % 3 == 0) or two (1: split at the second byte's share, what `cat a.gz b.gz`
/// makes), so that the IDX checks behind the decompressor are reached; or (2) taken as it is behind a
/// gzip magic, so the decompression loop meets corrupt, truncated and hostile streams. Bit 7 of the
/// first byte reads the file as labels instead of images.
inline Outcome idxGzip(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return {};
    const std::uint8_t mode = data[0];
    ++data;
    --size;
    std::vector<std::uint8_t> file;
    switch (mode % 3) {
    case 0:
        appendGzip(file, data, size);
        break;
    case 1: {
        const std::size_t cut = size > 0 ? std::size_t(data[0]) * size / 256 : 0;
        appendGzip(file, data, cut);
        appendGzip(file, data + cut, size - cut);
        break;
    }
    default:
        file = {0x1f, 0x8b};
        file.insert(file.end(), data, data + size);
        break;
    }
    const QString path = writeInput(file.data(), file.size(), "input-ubyte.gz");
    if (mode & 0x80)
        return {call(QStringLiteral("readLabels"), IdxReader::readLabels(path))};
    return {call(QStringLiteral("readImages"), IdxReader::readImages(path))};
}

/// CIFAR-10 binary batches (data_batch_N.bin): one file, and the same file twice through readBatches.
inline Outcome cifar(const std::uint8_t *data, std::size_t size)
{
    const QString path = writeInput(data, size, "data_batch_1.bin");
    Outcome out{call(QStringLiteral("readBatch"), CifarReader::readBatch(path))};
    if (out.first().ok)
        out.append(call(QStringLiteral("readBatches"), CifarReader::readBatches({path, path})));
    return out;
}

/// N-MNIST event files (one sample's .bin, NmnistReader::readFile), and every event list it accepts
/// framed by bins and by windows, with and without denoise (frameEvents), so that the framing meets
/// whatever the reader lets through. A frame set holding more counts than the sample has events aborts
/// (a finding): framing only ever drops events.
inline Outcome nmnist(const std::uint8_t *data, std::size_t size)
{
    const QString path = writeInput(data, size, "00001.bin");
    const auto events = NmnistReader::readFile(path);
    Outcome out{call(QStringLiteral("NmnistReader::readFile"), events)};
    if (!events)
        return out;
    DatasetSplit split;
    split.count = 1;
    split.channels = NmnistReader::kPolarities;
    split.height = NmnistReader::kSensorSize;
    split.width = NmnistReader::kSensorSize;
    split.labels = {0};
    split.events = *events;
    split.eventOffsets = {0, std::int64_t(events->size())};
    // Settings from the input's size, so that the corpus reaches short and long windows and bins.
    const int steps = 1 + int(size % 13);
    const qint64 windows[] = {0, 1, qint64(1 + size % 997), 1000};
    std::vector<float> frames(std::size_t(steps) * std::size_t(split.sampleSize()));
    for (const qint64 window : windows) {
        for (const qint64 denoise : {qint64(0), qint64(1 + size % 20000)}) {
            EventFraming framing;
            framing.timeSteps = steps;
            framing.windowUs = window;
            framing.denoiseUs = denoise;
            frameEvents(split, 0, framing, frames.data());
            double total = 0;
            for (const float f : frames)
                total += double(f);
            if (total > double(events->size()))
                std::abort();
        }
    }
    return out;
}

/// CSV tables (CsvReader::read) with the default options, the way `--dataset file.csv` reads them.
inline Outcome csv(const std::uint8_t *data, std::size_t size)
{
    const QString path = writeInput(data, size, "table.csv");
    return {call(QStringLiteral("CsvReader::read"), CsvReader::read(path))};
}

inline Result<QJsonObject> jsonObject(const std::uint8_t *data, std::size_t size)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)), &error);
    if (error.error != QJsonParseError::NoError)
        return Result<QJsonObject>::failure(error.errorString());
    if (!doc.isObject())
        return Result<QJsonObject>::failure(QStringLiteral("not a JSON object"));
    return doc.object();
}

/// Network JSON (a preset or a saved network): NetworkSpec::fromJson, then NetworkValidator::validate
/// on whatever it accepts, with and without a class count.
inline Outcome networkJson(const std::uint8_t *data, std::size_t size)
{
    const auto json = jsonObject(data, size);
    if (!json)
        return {};
    const auto spec = NetworkSpec::fromJson(*json);
    Outcome out{call(QStringLiteral("NetworkSpec::fromJson"), spec)};
    if (!spec)
        return out;
    const ValidationReport report = NetworkValidator::validate(*spec);
    out.append(
        Call{QStringLiteral("validate"), report.ok(), report.ok() ? QString() : report.message(*spec)});
    const ValidationReport tenClasses = NetworkValidator::validate(*spec, 10);
    out.append(Call{QStringLiteral("validate(10 classes)"), tenClasses.ok(),
        tenClasses.ok() ? QString() : tenClasses.message(*spec)});
    (void)spec->toJson();
    return out;
}

/// Experiment JSON (what `train --experiment` and the history read): ExperimentSpec::fromJson, and an
/// accepted spec written back and read again.
inline Outcome experimentJson(const std::uint8_t *data, std::size_t size)
{
    const auto json = jsonObject(data, size);
    if (!json)
        return {};
    const auto spec = ExperimentSpec::fromJson(*json);
    Outcome out{call(QStringLiteral("ExperimentSpec::fromJson"), spec)};
    if (spec)
        out.append(call(QStringLiteral("fromJson(toJson())"), ExperimentSpec::fromJson(spec->toJson())));
    return out;
}

/// Grid spec JSON (grid.json of a grid workspace): GridSpec::fromJson, its counts, and expand() when
/// the grid is small enough to expand in a fuzzer's time (expand() refuses large grids itself).
inline Outcome gridJson(const std::uint8_t *data, std::size_t size)
{
    const auto json = jsonObject(data, size);
    if (!json)
        return {};
    const auto grid = GridSpec::fromJson(*json);
    Outcome out{call(QStringLiteral("GridSpec::fromJson"), grid)};
    if (!grid)
        return out;
    (void)grid->configurationCount();
    (void)grid->trialCount();
    qint64 trials = grid->seeds;
    for (const GridAxis &axis : grid->axes)
        trials = qMin<qint64>(trials * qMax<qint64>(1, axis.values.size()), 1 << 20);
    if (trials <= 64)
        out.append(call(QStringLiteral("expand"), grid->expand()));
    return out;
}

/// Run bundles (.qbrun zip files): readRunBundle, which checks everything an import would.
inline Outcome runBundle(const std::uint8_t *data, std::size_t size)
{
    const QString path = writeInput(data, size, "input.qbrun");
    return {call(QStringLiteral("readRunBundle"), readRunBundle(path))};
}

using Target = Outcome (*)(const std::uint8_t *, std::size_t);

/// The targets by name: fuzz/fuzz_<name>.cpp, fuzz/corpus/<name>/.
inline const QMap<QString, Target> &targets()
{
    static const QMap<QString, Target> all{
        {QStringLiteral("idx_raw"), idxRaw},
        {QStringLiteral("idx_gzip"), idxGzip},
        {QStringLiteral("cifar"), cifar},
        {QStringLiteral("csv"), csv},
        {QStringLiteral("nmnist"), nmnist},
        {QStringLiteral("network_json"), networkJson},
        {QStringLiteral("experiment_json"), experimentJson},
        {QStringLiteral("grid_json"), gridJson},
        {QStringLiteral("runbundle"), runBundle},
    };
    return all;
}

} // namespace qb::fuzz

/// Defines a libFuzzer executable for the function `target` above (Qt's log output silenced, so the
/// fuzzer does not spend its time printing).
#define QB_FUZZ_TARGET(target)                                                                               \
    extern "C" int LLVMFuzzerInitialize(int *, char ***)                                                     \
    {                                                                                                        \
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});               \
        return 0;                                                                                            \
    }                                                                                                        \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)                        \
    {                                                                                                        \
        (void)qb::fuzz::target(data, size);                                                                  \
        return 0;                                                                                            \
    }
