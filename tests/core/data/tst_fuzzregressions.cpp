// Replays the fuzzers' seeds (fuzz/corpus/<target>/) and every input a fuzzer ever found
// (tests/core/data/regressions/<target>/) through the same reader calls as the fuzz targets
// (fuzz/fuzztargets.h): each must come back, accepted or refused with a message that names the file.
// Plus the hostile sizes that must be refused before anything is allocated for them.
#include "../../../fuzz/fuzztargets.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

#include <climits>

using namespace qb;

namespace {

/// The source tree: QB_SOURCE_DIR under ctest, else three folders above this file. With ccache's
/// base_dir, __FILE__ is relative to the build folder, which is the parent of the test's folder.
QString sourceDir()
{
    const QString fromEnv = qEnvironmentVariable("QB_SOURCE_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    QFileInfo file(QStringLiteral(__FILE__));
    if (file.isRelative())
        file.setFile(QDir(QCoreApplication::applicationDirPath() + QStringLiteral("/..")), file.filePath());
    return QDir::cleanPath(file.absoluteDir().absoluteFilePath(QStringLiteral("../../..")));
}

/// The name the fuzz target gives the file it writes (empty: the input is read from memory).
QString inputFileName(const QString &target)
{
    if (target == QLatin1String("idx_raw"))
        return QStringLiteral("input-ubyte");
    if (target == QLatin1String("idx_gzip"))
        return QStringLiteral("input-ubyte.gz");
    if (target == QLatin1String("cifar"))
        return QStringLiteral("data_batch_1.bin");
    if (target == QLatin1String("csv"))
        return QStringLiteral("table.csv");
    if (target == QLatin1String("nmnist"))
        return QStringLiteral("00001.bin");
    if (target == QLatin1String("runbundle"))
        return QStringLiteral("input.qbrun");
    return QString();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

fuzz::Outcome replay(const QString &target, const QByteArray &bytes)
{
    return fuzz::targets().value(target)(
        reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size()));
}

void appendBigEndian32(QByteArray &bytes, quint32 value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        bytes.append(char((value >> shift) & 0xff));
}

QByteArray idxImagesHeader(quint32 count, quint32 rows, quint32 cols)
{
    QByteArray bytes;
    appendBigEndian32(bytes, 0x803);
    appendBigEndian32(bytes, count);
    appendBigEndian32(bytes, rows);
    appendBigEndian32(bytes, cols);
    return bytes;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/// A gzip file of `head` followed by `mebibytes` MiB of zeros, made without deflating them all:
/// after a full flush deflate starts afresh, so the block that one MiB of zeros makes after a full
/// flush is the same every time and is repeated; the trailer's CRC and size are computed for the whole
/// content (crc32_combine), so this is a valid gzip file of head.size() + mebibytes MiB.
QByteArray gzipWithZeros(const QByteArray &head, int mebibytes)
{
    z_stream zs{};
    if (deflateInit2(&zs, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) // raw deflate
        return QByteArray();
    std::vector<unsigned char> buffer(1 << 20);
    auto run = [&](const unsigned char *in, std::size_t n, int flush) {
        QByteArray out;
        zs.next_in = const_cast<Bytef *>(in);
        zs.avail_in = uInt(n);
        do {
            zs.next_out = buffer.data();
            zs.avail_out = uInt(buffer.size());
            deflate(&zs, flush);
            out.append(
                reinterpret_cast<const char *>(buffer.data()), qsizetype(buffer.size() - zs.avail_out));
        } while (zs.avail_out == 0);
        return out;
    };
    const std::vector<unsigned char> zeros(1 << 20, 0);
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10); // gzip header: deflate, no name, Unix
    out += run(
        reinterpret_cast<const unsigned char *>(head.constData()), std::size_t(head.size()), Z_FULL_FLUSH);
    uLong crc = crc32(0L, reinterpret_cast<const Bytef *>(head.constData()), uInt(head.size()));
    if (mebibytes > 0) {
        const QByteArray block = run(zeros.data(), zeros.size(), Z_FULL_FLUSH);
        const uLong zeroCrc = crc32(0L, zeros.data(), uInt(zeros.size()));
        for (int i = 0; i < mebibytes; ++i) {
            out += block;
            crc = crc32_combine(crc, zeroCrc, z_off_t(zeros.size()));
        }
    }
    out += run(nullptr, 0, Z_FINISH);
    deflateEnd(&zs);
    const quint32 size = quint32(quint64(head.size()) + (quint64(mebibytes) << 20)); // modulo 2^32
    for (const quint32 v : {quint32(crc), size})
        for (int shift = 0; shift < 32; shift += 8)
            out.append(char((v >> shift) & 0xff));
    return out;
}

#ifdef Q_OS_LINUX
/// The process's peak resident memory (VmHWM) in KiB, or -1.
qint64 peakResidentKiB()
{
    const QByteArray status = readAll(QStringLiteral("/proc/self/status"));
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}
#endif

} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void replays_data();
    void replays();
    void acceptsValidSeeds_data();
    void acceptsValidSeeds();
    void refusesHostileIdxHeaders_data();
    void refusesHostileIdxHeaders();
    void refusesGzipBomb();
    void refusesCifarSizeNotMultiple();
    void boundsHugeGrids();

private:
    QTemporaryDir m_dir;
};

void TestFuzzRegressions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo::exists(sourceDir() + QStringLiteral("/fuzz/corpus")), qPrintable(sourceDir()));
}

void TestFuzzRegressions::replays_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("file");
    const QString root = sourceDir();
    for (const QString &target : fuzz::targets().keys()) {
        int seeds = 0;
        for (const QString &folder : {root + QStringLiteral("/fuzz/corpus/") + target,
                 root + QStringLiteral("/tests/core/data/regressions/") + target}) {
            QDirIterator it(folder, QDir::Files);
            while (it.hasNext()) {
                const QString file = it.next();
                QTest::addRow("%s/%s", qPrintable(target), qPrintable(QFileInfo(file).fileName()))
                    << target << file;
                if (folder.contains(QLatin1String("/fuzz/corpus/")))
                    ++seeds;
            }
        }
        // Every target has seeds: a missing folder would silently test nothing.
        if (seeds == 0)
            qFatal("no seeds in fuzz/corpus/%s", qPrintable(target));
    }
}

void TestFuzzRegressions::replays()
{
    QFETCH(QString, target);
    QFETCH(QString, file);
    const QByteArray bytes = readAll(file);
    QElapsedTimer timer;
    timer.start();
    const fuzz::Outcome outcome = replay(target, bytes);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
    const QString name = inputFileName(target);
    for (const fuzz::Call &c : outcome) {
        if (c.ok)
            continue;
        QVERIFY2(
            !c.error.trimmed().isEmpty(), qPrintable(c.what + QStringLiteral(": refused without a message")));
        if (!name.isEmpty())
            QVERIFY2(c.error.contains(name), qPrintable(c.what + QStringLiteral(": ") + c.error));
    }
}

void TestFuzzRegressions::acceptsValidSeeds_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("seed");
    QTest::addColumn<QString>("call"); // the call that must accept it
    QTest::newRow("idx images") << "idx_raw"
                                << "images-3x28x28"
                                << "readImages";
    QTest::newRow("idx labels") << "idx_raw"
                                << "labels-3"
                                << "readLabels";
    QTest::newRow("idx gzip") << "idx_gzip"
                              << "images-gz"
                              << "readImages";
    QTest::newRow("idx gzip labels") << "idx_gzip"
                                     << "labels-gz"
                                     << "readLabels";
    QTest::newRow("idx two members") << "idx_gzip"
                                     << "images-two-members"
                                     << "readImages";
    QTest::newRow("idx raw stream") << "idx_gzip"
                                    << "images-raw-stream"
                                    << "readImages";
    QTest::newRow("cifar") << "cifar"
                           << "batch-2"
                           << "readBatches";
    QTest::newRow("nmnist") << "nmnist"
                            << "saccade-300.bin"
                            << "NmnistReader::readFile";
    QTest::newRow("nmnist overflow") << "nmnist"
                                     << "overflow-markers.bin"
                                     << "NmnistReader::readFile";
    QTest::newRow("csv") << "csv"
                         << "iris-like.csv"
                         << "CsvReader::read";
    QTest::newRow("csv quoted") << "csv"
                                << "semicolon-quoted.csv"
                                << "CsvReader::read";
    QTest::newRow("network") << "network_json"
                             << "lab-cnn.json"
                             << "validate";
    QTest::newRow("experiment") << "experiment_json"
                                << "mlp-binary-table.json"
                                << "fromJson(toJson())";
    QTest::newRow("grid") << "grid_json"
                          << "grid-units.json"
                          << "expand";
    QTest::newRow("bundle") << "runbundle"
                            << "mlp-binary-table.qbrun"
                            << "readRunBundle";
}

void TestFuzzRegressions::acceptsValidSeeds()
{
    QFETCH(QString, target);
    QFETCH(QString, seed);
    QFETCH(QString, call);
    const QString path = sourceDir() + QStringLiteral("/fuzz/corpus/%1/%2").arg(target, seed);
    QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    const fuzz::Outcome outcome = replay(target, readAll(path));
    bool found = false;
    for (const fuzz::Call &c : outcome) {
        if (c.what != call)
            continue;
        found = true;
        QVERIFY2(c.ok, qPrintable(c.error));
    }
    QVERIFY2(found, qPrintable(call + QStringLiteral(" was not called")));
}

void TestFuzzRegressions::refusesHostileIdxHeaders_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("gzipped");
    QTest::addColumn<QString>("keyword");
    const QByteArray huge = idxImagesHeader(0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu); // 2^32 x 2^32 x 2^32
    const QByteArray wide = idxImagesHeader(100000, 46340, 46340); // each factor < 2^31, 2e14 bytes
    const QByteArray honest = idxImagesHeader(1000000, 28, 28); // 784 MB, in a file of 16 bytes
    QTest::newRow("2^32 x 2^32") << huge << false << "implausible dimensions";
    QTest::newRow("2^32 x 2^32 gz") << huge << true << "implausible dimensions";
    QTest::newRow("product over the cap") << wide << false << "implausible dimensions";
    QTest::newRow("product over the cap gz") << wide << true << "implausible dimensions";
    QTest::newRow("more than the file holds") << honest << false << "truncated";
    QTest::newRow("more than the gzip can hold") << honest << true << "more than";
}

void TestFuzzRegressions::refusesHostileIdxHeaders()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, gzipped);
    QFETCH(QString, keyword);
    const QString path = m_dir.filePath(QStringLiteral("hostile-%1-images-idx3-ubyte%2")
                                            .arg(QTest::currentDataTag())
                                            .replace(QLatin1Char(' '), QLatin1Char('_'))
                                            .arg(gzipped ? QStringLiteral(".gz") : QString()));
    QVERIFY(writeFile(path, gzipped ? gzipWithZeros(header, 0) : header));
    QElapsedTimer timer;
    timer.start();
    const auto r = IdxReader::readImages(path);
    QVERIFY(!r.ok());
    QVERIFY2(timer.elapsed() < 100, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
    QVERIFY2(r.error().contains(QFileInfo(path).fileName()), qPrintable(r.error()));
    QVERIFY2(r.error().contains(keyword), qPrintable(r.error()));
}

void TestFuzzRegressions::refusesGzipBomb()
{
    // A valid header for 10 images of 28x28, then 1 GiB of zeros: about 1 MiB once gzip'd. gzip's own
    // size field says 1 GiB too; only the header may decide what is read.
    // The generator makes valid gzip: 2 images of 1024x512 and exactly their 1 MiB read back.
    const QString controlPath = m_dir.filePath(QStringLiteral("control-images-idx3-ubyte.gz"));
    QVERIFY(writeFile(controlPath, gzipWithZeros(idxImagesHeader(2, 1024, 512), 1)));
    const auto control = IdxReader::readImages(controlPath);
    QVERIFY2(control.ok(), qPrintable(control.error()));
    QCOMPARE(control->pixels.size(), std::size_t(1) << 20);

    const QByteArray bomb = gzipWithZeros(idxImagesHeader(10, 28, 28), 1024);
    QVERIFY(!bomb.isEmpty());
    QVERIFY2(bomb.size() < 2 * 1024 * 1024, qPrintable(QString::number(bomb.size())));
    const QString path = m_dir.filePath(QStringLiteral("bomb-images-idx3-ubyte.gz"));
    QVERIFY(writeFile(path, bomb));

#ifdef Q_OS_LINUX
    const qint64 peakBefore = peakResidentKiB();
#endif
    QElapsedTimer timer;
    timer.start();
    const auto r = IdxReader::readImages(path);
    const qint64 ms = timer.elapsed();
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QFileInfo(path).fileName()), qPrintable(r.error()));
    QVERIFY2(r.error().contains(QLatin1String("trailing")), qPrintable(r.error()));
    QVERIFY2(ms < 1000, qPrintable(QStringLiteral("refused after %1 ms").arg(ms)));
#ifdef Q_OS_LINUX
    // Peak resident memory of the whole test process (VmHWM) stays far below the 1 GiB a trusting
    // reader would allocate.
    const qint64 peakAfter = peakResidentKiB();
    qInfo("gzip bomb of %lld bytes refused in %lld ms; peak resident memory %lld KiB (before: %lld KiB)",
        qint64(bomb.size()), ms, peakAfter, peakBefore);
    QVERIFY2(peakAfter < 100 * 1024, qPrintable(QString::number(peakAfter)));
#endif
}

void TestFuzzRegressions::refusesCifarSizeNotMultiple()
{
    const QString path = m_dir.filePath(QStringLiteral("data_batch_odd.bin"));
    QVERIFY(writeFile(path, QByteArray(2 * 3073 + 5, '\x01')));
    const auto r = CifarReader::readBatch(path);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("data_batch_odd.bin")), qPrintable(r.error()));
    QVERIFY2(r.error().contains(QLatin1String("6151")), qPrintable(r.error()));
    QVERIFY2(r.error().contains(QLatin1String("3073")), qPrintable(r.error()));
}

void TestFuzzRegressions::boundsHugeGrids()
{
    // Three axes of 2000 values are 8e9 configurations: more than an int holds. A grid read back from
    // grid.json with that many trials is refused, and the counts never overflow.
    const QString path = sourceDir() + QStringLiteral("/fuzz/corpus/grid_json/grid-units.json");
    auto json = fuzz::jsonObject(
        reinterpret_cast<const std::uint8_t *>(readAll(path).constData()), std::size_t(readAll(path).size()));
    QVERIFY2(json.ok(), qPrintable(json.error()));
    QJsonArray values;
    for (int i = 0; i < 2000; ++i)
        values.append(i + 1);
    QJsonArray axes;
    for (const char *p : {"train.epochs", "train.batch_size", "layers[1].units"})
        axes.append(
            QJsonObject{{QStringLiteral("path"), QLatin1String(p)}, {QStringLiteral("values"), values}});
    json->insert(QStringLiteral("axes"), axes);
    const auto grid = GridSpec::fromJson(*json);
    QVERIFY(!grid.ok());
    QVERIFY2(grid.error().contains(QLatin1String("trials")), qPrintable(grid.error()));

    GridSpec spec;
    for (int i = 0; i < 3; ++i)
        spec.axes.append(GridAxis{QStringLiteral("train.epochs"), QList<QJsonValue>(2000, QJsonValue(1))});
    spec.seeds = 1000;
    QCOMPARE(spec.configurationCount(), INT_MAX);
    QCOMPARE(spec.trialCount(), INT_MAX);
    QVERIFY(!spec.expand().ok());
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
