// N-MNIST: the .bin event format (bit layout, polarity, 23-bit times, Tonic's overflow markers), the
// refusals that name the file and byte, the Train/<digit>/*.bin layout and its labels, head() of an
// event split, framing by window and by bins, Tonic's denoise, and the locator's "nmnist".
// Every expected value below is worked out by hand from the rules in data/nmnistreader.h and
// data/eventframes.h, never computed by the code under test.
#include "data/datasetlocator.h"
#include "data/eventframes.h"
#include "data/nmnistreader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include "isolateddatadirs.h"

#include <QtTest>

#include <numeric>

using namespace qb;

namespace {

/// One event as the file stores it (the test's own encoder; the bit-layout test uses literal bytes).
QByteArray encoded(int x, int y, int polarity, quint32 t)
{
    QByteArray bytes;
    bytes.append(char(x));
    bytes.append(char(y));
    bytes.append(char((polarity ? 0x80 : 0) | ((t >> 16) & 0x7f)));
    bytes.append(char((t >> 8) & 0xff));
    bytes.append(char(t & 0xff));
    return bytes;
}

/// An overflow marker: y = 240; x, polarity and time bits are anything (here deliberately not zero).
QByteArray marker() { return QByteArray("\x11\xf0\xff\xff\xff", 5); }

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

Result<std::vector<DvsEvent>> parse(
    const QByteArray &bytes, const QString &name = QStringLiteral("sample.bin"))
{
    return NmnistReader::parseEvents(
        reinterpret_cast<const std::uint8_t *>(bytes.constData()), bytes.size(), name);
}

DvsEvent ev(int x, int y, int polarity, quint32 t)
{
    DvsEvent e;
    e.x = std::uint16_t(x);
    e.y = std::uint16_t(y);
    e.polarity = std::uint8_t(polarity);
    e.t = t;
    return e;
}

bool sameEvents(const std::vector<DvsEvent> &a, const std::vector<DvsEvent> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].x != b[i].x || a[i].y != b[i].y || a[i].polarity != b[i].polarity || a[i].t != b[i].t)
            return false;
    }
    return true;
}

QString describe(const std::vector<DvsEvent> &events)
{
    QStringList parts;
    for (const DvsEvent &e : events)
        parts << QStringLiteral("(%1,%2,%3,%4)").arg(e.x).arg(e.y).arg(e.polarity).arg(e.t);
    return parts.join(QLatin1Char(' '));
}

/// An event split of one sample holding `events` on the 34x34 sensor (what frameEvents reads).
DatasetSplit oneSample(const std::vector<DvsEvent> &events)
{
    DatasetSplit split;
    split.count = 1;
    split.channels = 2;
    split.height = 34;
    split.width = 34;
    split.labels = {3};
    split.events = events;
    split.eventOffsets = {0, std::int64_t(events.size())};
    return split;
}

/// Index of (frame k, polarity p, y, x) in frames of [T, 2, 34, 34].
std::size_t at(int k, int p, int y, int x)
{
    return ((std::size_t(k) * 2 + std::size_t(p)) * 34 + std::size_t(y)) * 34 + std::size_t(x);
}

/// A split folder with `perDigit[d]` samples in <folder>/<d>/; sample j of digit d is the file
/// "s<j>.bin" holding d + 1 events at x = j, y = d, times 10, 20, ... (so each file says who it is).
bool writeSplit(const QString &folder, const std::vector<int> &perDigit)
{
    for (int d = 0; d < int(perDigit.size()); ++d) {
        const QString digitFolder = folder + QStringLiteral("/%1").arg(d);
        if (!QDir().mkpath(digitFolder))
            return false;
        for (int j = 0; j < perDigit[std::size_t(d)]; ++j) {
            QByteArray bytes;
            for (int k = 0; k <= d; ++k)
                bytes += encoded(j, d, k % 2, quint32(10 * (k + 1)));
            if (!writeFile(digitFolder + QStringLiteral("/s%1.bin").arg(j), bytes))
                return false;
        }
    }
    return true;
}

} // namespace

class TestNmnistReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void bitLayout_data();
    void bitLayout();
    void eventsInFileOrder();
    void overflowMarkers();
    void emptyFileHasNoEvents();
    void refusesPartialEvent();
    void refusesOffSensor_data();
    void refusesOffSensor();
    void refusesTimeGoingBack();
    void refusesHugeFileBeforeReading();
    void readFileNamesTheFile();
    void splitLayoutAndLabels();
    void splitMissingOrEmptyFolders();
    void headOfEventSplit();
    void framesByWindow();
    void framesByBins();
    void framesByBinsShortSpanIsEmpty();
    void framesGuardBadInput();
    void denoiseHandWorked();
    void denoiseFirstWindowAndExtent();
    void framesAfterDenoise();
    void locatorFindsNmnist();
    void locatorRefusesWrongLayout();

private:
    QString path(const QString &relative) const { return m_dir.filePath(relative); }
    QTemporaryDir m_dir;
    IsolatedDataDirs m_env; ///< restores both variables when the test object goes
};

void TestNmnistReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestNmnistReader::init()
{
    // The locator tests must never see the user's own data.
    QVERIFY(m_env.pointAt(path(QStringLiteral("env"))));
}

void TestNmnistReader::bitLayout_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("y");
    QTest::addColumn<int>("polarity");
    QTest::addColumn<quint32>("t");
    // byte 2's bit 7 is the polarity; its low 7 bits are bits 22..16 of the time, then bytes 3 and 4.
    QTest::newRow("ON, t = 1") << QByteArray("\x05\x21\x80\x00\x01", 5) << 5 << 33 << 1 << quint32(1);
    QTest::newRow("OFF, t = 0x123456")
        << QByteArray("\x0a\x0b\x12\x34\x56", 5) << 10 << 11 << 0 << quint32(1193046);
    QTest::newRow("ON, t = 0x123456")
        << QByteArray("\x0a\x0b\x92\x34\x56", 5) << 10 << 11 << 1 << quint32(1193046);
    QTest::newRow("OFF, largest 23-bit time")
        << QByteArray("\x00\x00\x7f\xff\xff", 5) << 0 << 0 << 0 << quint32(8388607);
    QTest::newRow("ON, largest 23-bit time, far corner")
        << QByteArray("\x21\x21\xff\xff\xff", 5) << 33 << 33 << 1 << quint32(8388607);
    QTest::newRow("middle byte only") << QByteArray("\x01\x02\x00\x01\x00", 5) << 1 << 2 << 0 << quint32(256);
    QTest::newRow("bit 16") << QByteArray("\x01\x02\x01\x00\x00", 5) << 1 << 2 << 0 << quint32(65536);
}

void TestNmnistReader::bitLayout()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, x);
    QFETCH(int, y);
    QFETCH(int, polarity);
    QFETCH(quint32, t);
    const auto events = parse(bytes);
    QVERIFY2(events.ok(), qPrintable(events.error()));
    QCOMPARE(events->size(), std::size_t(1));
    const DvsEvent &e = events->front();
    QCOMPARE(int(e.x), x);
    QCOMPARE(int(e.y), y);
    QCOMPARE(int(e.polarity), polarity);
    QCOMPARE(e.t, t);
}

void TestNmnistReader::eventsInFileOrder()
{
    const QByteArray bytes = encoded(1, 2, 1, 100) + encoded(33, 0, 0, 100) + encoded(0, 33, 1, 70000);
    const auto events = parse(bytes);
    QVERIFY2(events.ok(), qPrintable(events.error()));
    const std::vector<DvsEvent> expected{ev(1, 2, 1, 100), ev(33, 0, 0, 100), ev(0, 33, 1, 70000)};
    QVERIFY2(sameEvents(*events, expected), qPrintable(describe(*events)));
}

void TestNmnistReader::overflowMarkers()
{
    // Each y == 240 marker adds 8192 us to every later event and is dropped itself.
    const QByteArray bytes = encoded(1, 2, 1, 8000) + marker() + encoded(3, 4, 0, 10) + encoded(5, 6, 1, 9000)
        + marker() + marker() + encoded(7, 8, 0, 0);
    const auto events = parse(bytes);
    QVERIFY2(events.ok(), qPrintable(events.error()));
    const std::vector<DvsEvent> expected{
        ev(1, 2, 1, 8000), ev(3, 4, 0, 8202), ev(5, 6, 1, 17192), ev(7, 8, 0, 24576)};
    QVERIFY2(sameEvents(*events, expected), qPrintable(describe(*events)));

    // A marker before the first event counts too; markers alone make a sample without events.
    const auto shifted = parse(marker() + encoded(0, 0, 0, 1));
    QVERIFY2(shifted.ok(), qPrintable(shifted.error()));
    QVERIFY2(sameEvents(*shifted, {ev(0, 0, 0, 8193)}), qPrintable(describe(*shifted)));
    const auto onlyMarkers = parse(marker() + marker());
    QVERIFY2(onlyMarkers.ok(), qPrintable(onlyMarkers.error()));
    QVERIFY(onlyMarkers->empty());
}

void TestNmnistReader::emptyFileHasNoEvents()
{
    const QString file = path(QStringLiteral("empty.bin"));
    QVERIFY(writeFile(file, QByteArray()));
    const auto events = NmnistReader::readFile(file);
    QVERIFY2(events.ok(), qPrintable(events.error()));
    QVERIFY(events->empty());
}

void TestNmnistReader::refusesPartialEvent()
{
    const QString file = path(QStringLiteral("partial.bin"));
    QVERIFY(writeFile(file, encoded(1, 1, 0, 5) + encoded(2, 2, 0, 6) + QByteArray("\x01\x02\x03", 3)));
    const auto events = NmnistReader::readFile(file);
    QVERIFY(!events.ok());
    QVERIFY2(events.error().contains(QDir::toNativeSeparators(file)), qPrintable(events.error()));
    QVERIFY2(events.error().contains(QLatin1String("13 bytes")), qPrintable(events.error()));
    QVERIFY2(events.error().contains(QLatin1String("at byte 10")), qPrintable(events.error()));
}

void TestNmnistReader::refusesOffSensor_data()
{
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("y");
    QTest::newRow("x = 34") << 34 << 0;
    QTest::newRow("y = 34") << 0 << 34;
    QTest::newRow("y = 239") << 5 << 239;
    QTest::newRow("y = 241") << 5 << 241;
    QTest::newRow("x = 240") << 240 << 5; // only y marks an overflow
    QTest::newRow("x = 255") << 255 << 255;
}

void TestNmnistReader::refusesOffSensor()
{
    QFETCH(int, x);
    QFETCH(int, y);
    // The third event (byte 10) is off the sensor; a marker before it is fine.
    const QByteArray bytes = encoded(0, 0, 0, 1) + marker() + encoded(x, y, 1, 2) + encoded(1, 1, 0, 3);
    const auto events = parse(bytes, QStringLiteral("Train/3/00042.bin"));
    QVERIFY(!events.ok());
    QVERIFY2(events.error().startsWith(QLatin1String("Train/3/00042.bin: ")), qPrintable(events.error()));
    QVERIFY2(events.error().contains(QLatin1String("at byte 10")), qPrintable(events.error()));
    QVERIFY2(
        events.error().contains(QStringLiteral("x = %1, y = %2").arg(x).arg(y)), qPrintable(events.error()));
}

void TestNmnistReader::refusesTimeGoingBack()
{
    const auto back = parse(
        encoded(0, 0, 0, 100) + encoded(1, 0, 0, 100) + encoded(2, 0, 0, 99), QStringLiteral("back.bin"));
    QVERIFY(!back.ok());
    QVERIFY2(back.error().startsWith(QLatin1String("back.bin: ")), qPrintable(back.error()));
    QVERIFY2(back.error().contains(QLatin1String("at byte 10")), qPrintable(back.error()));
    QVERIFY2(back.error().contains(QLatin1String("99 us")), qPrintable(back.error()));

    // After a marker, a raw time that wrapped around is in order again: 8000, then 10 + 8192.
    QVERIFY(parse(encoded(0, 0, 0, 8000) + marker() + encoded(1, 0, 0, 10)).ok());
    // Without the marker it is not.
    QVERIFY(!parse(encoded(0, 0, 0, 8000) + encoded(1, 0, 0, 10)).ok());
}

void TestNmnistReader::refusesHugeFileBeforeReading()
{
    // A sparse file of 1 GiB: refused from its size, without reading (or allocating) it.
    const QString file = path(QStringLiteral("huge.bin"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(qint64(1) << 30));
    }
    QElapsedTimer timer;
    timer.start();
    const auto events = NmnistReader::readFile(file);
    QVERIFY(!events.ok());
    QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(events.error().contains(QLatin1String("huge.bin")), qPrintable(events.error()));
    QVERIFY2(events.error().contains(QLatin1String("1073741824 bytes")), qPrintable(events.error()));

    // The same file in a split folder is refused while listing, before any file is read.
    const QString split = path(QStringLiteral("huge-split/Train"));
    QVERIFY(writeSplit(split, std::vector<int>(10, 1)));
    {
        QFile f(split + QStringLiteral("/4/zz.bin"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(NmnistReader::kMaxFileBytes + 5));
    }
    QVERIFY(writeFile(split + QStringLiteral("/0/s0.bin"), QByteArray("\x01", 1))); // bad, but never read
    const auto read = NmnistReader::readSplit(split);
    QVERIFY(!read.ok());
    QVERIFY2(read.error().contains(QLatin1String("zz.bin")), qPrintable(read.error()));

    // The most whole events under the limit are read (838,860 events at (0,0), time 0); one more is refused.
    const qint64 largest = NmnistReader::kMaxFileBytes / 5 * 5;
    const auto most = parse(QByteArray(int(largest), '\0'));
    QVERIFY2(most.ok(), qPrintable(most.error()));
    QCOMPARE(most->size(), std::size_t(838860));
    const auto over = parse(QByteArray(int(largest + 5), '\0'), QStringLiteral("over.bin"));
    QVERIFY(!over.ok());
    QVERIFY2(over.error().contains(QLatin1String("over.bin: 4194305 bytes")), qPrintable(over.error()));
}

void TestNmnistReader::readFileNamesTheFile()
{
    const QString missing = path(QStringLiteral("nowhere/00001.bin"));
    const auto events = NmnistReader::readFile(missing);
    QVERIFY(!events.ok());
    QVERIFY2(events.error().contains(QDir::toNativeSeparators(missing)), qPrintable(events.error()));
}

void TestNmnistReader::splitLayoutAndLabels()
{
    const QString folder = path(QStringLiteral("layout/Train"));
    // Two samples of each digit, three of digit 7.
    std::vector<int> counts(10, 2);
    counts[7] = 3;
    QVERIFY(writeSplit(folder, counts));
    // Names sort as text (code points, as Python's sort): "s1.bin" < "s10.bin" < "s2.bin" ('.' < '0'); other
    // files, hidden files and folders are not samples.
    QVERIFY(writeFile(folder + QStringLiteral("/7/s10.bin"), encoded(9, 9, 1, 5)));
    QVERIFY(writeFile(folder + QStringLiteral("/7/notes.txt"), "not a sample"));
    QVERIFY(writeFile(folder + QStringLiteral("/7/s1.BIN"), "not a sample either"));
    QVERIFY(writeFile(folder + QStringLiteral("/7/._s0.bin"), "macOS resource fork"));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/7/sub.bin")));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/extra")));

    const auto split = NmnistReader::readSplit(folder);
    QVERIFY2(split.ok(), qPrintable(split.error()));
    QCOMPARE(split->count, 22);
    QCOMPARE(split->channels, 2);
    QCOMPARE(split->height, 34);
    QCOMPARE(split->width, 34);
    QVERIFY(split->isEvents());
    QVERIFY(!split->isTabular());
    QVERIFY(split->pixels.empty());
    QCOMPARE(split->eventOffsets.size(), std::size_t(23));
    const std::vector<std::uint8_t> labels{0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 7, 7, 8, 8, 9, 9};
    QCOMPARE(split->labels, labels);

    // Sample sizes: digit d's files hold d + 1 events; the extra 7/s10.bin holds 1.
    std::vector<std::int64_t> offsets{0};
    for (int d = 0; d < 10; ++d) {
        for (int j = 0; j < counts[std::size_t(d)]; ++j) {
            offsets.push_back(offsets.back() + d + 1);
            if (d == 7 && j == 1)
                offsets.push_back(offsets.back() + 1); // s10.bin sorts between s1 and s2
        }
    }
    QCOMPARE(split->eventOffsets, offsets);
    QCOMPARE(split->events.size(), std::size_t(offsets.back()));

    // Digit 7: s0.bin, s1.bin, s10.bin, s2.bin in that order.
    const auto sample = [&](int i) {
        return std::vector<DvsEvent>(split->events.begin() + split->eventOffsets[std::size_t(i)],
            split->events.begin() + split->eventOffsets[std::size_t(i) + 1]);
    };
    QCOMPARE(int(sample(14).front().x), 0);
    QCOMPARE(int(sample(15).front().x), 1);
    QVERIFY2(sameEvents(sample(16), {ev(9, 9, 1, 5)}), qPrintable(describe(sample(16))));
    QCOMPARE(int(sample(17).front().x), 2);
    // Digit 2's second sample: 3 events at x = 1, y = 2, polarities 0 1 0, times 10 20 30.
    QVERIFY2(sameEvents(sample(5), {ev(1, 2, 0, 10), ev(1, 2, 1, 20), ev(1, 2, 0, 30)}),
        qPrintable(describe(sample(5))));
}

void TestNmnistReader::splitMissingOrEmptyFolders()
{
    const QString missing = path(QStringLiteral("absent/Test"));
    auto r = NmnistReader::readSplit(missing);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QDir::toNativeSeparators(missing)), qPrintable(r.error()));

    const QString noSeven = path(QStringLiteral("no-seven/Test"));
    QVERIFY(writeSplit(noSeven, std::vector<int>(10, 1)));
    QVERIFY(QDir(noSeven + QStringLiteral("/7")).removeRecursively());
    r = NmnistReader::readSplit(noSeven);
    QVERIFY(!r.ok());
    QVERIFY2(
        r.error().contains(QDir::toNativeSeparators(noSeven + QStringLiteral("/7"))), qPrintable(r.error()));

    const QString emptyThree = path(QStringLiteral("empty-three/Test"));
    QVERIFY(writeSplit(emptyThree, std::vector<int>(10, 1)));
    QVERIFY(QFile::remove(emptyThree + QStringLiteral("/3/s0.bin")));
    QVERIFY(writeFile(emptyThree + QStringLiteral("/3/readme.txt"), "no samples here"));
    r = NmnistReader::readSplit(emptyThree);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QDir::toNativeSeparators(emptyThree + QStringLiteral("/3"))),
        qPrintable(r.error()));
    QVERIFY2(r.error().contains(QLatin1String("no .bin files")), qPrintable(r.error()));

    // A damaged file in a split names that file.
    const QString damaged = path(QStringLiteral("damaged/Test"));
    QVERIFY(writeSplit(damaged, std::vector<int>(10, 1)));
    QVERIFY(writeFile(damaged + QStringLiteral("/5/s0.bin"), encoded(0, 0, 0, 1) + encoded(40, 0, 0, 2)));
    r = NmnistReader::readSplit(damaged);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QDir::toNativeSeparators(damaged + QStringLiteral("/5/s0.bin"))),
        qPrintable(r.error()));
    QVERIFY2(r.error().contains(QLatin1String("at byte 5")), qPrintable(r.error()));
}

void TestNmnistReader::headOfEventSplit()
{
    const QString folder = path(QStringLiteral("head/Train"));
    QVERIFY(writeSplit(folder, std::vector<int>(10, 1)));
    const auto split = NmnistReader::readSplit(folder);
    QVERIFY2(split.ok(), qPrintable(split.error()));

    // Samples hold 1, 2, 3, ... events: the first three hold 1 + 2 + 3 = 6.
    const DatasetSplit part = split->head(3);
    QCOMPARE(part.count, 3);
    QVERIFY(part.isEvents());
    QCOMPARE(part.channels, 2);
    QCOMPARE(part.height, 34);
    QCOMPARE(part.width, 34);
    QCOMPARE(part.eventOffsets, (std::vector<std::int64_t>{0, 1, 3, 6}));
    QCOMPARE(part.events.size(), std::size_t(6));
    QCOMPARE(part.labels, (std::vector<std::uint8_t>{0, 1, 2}));
    QVERIFY(part.pixels.empty());
    QVERIFY(sameEvents(part.events, std::vector<DvsEvent>(split->events.begin(), split->events.begin() + 6)));

    // n <= 0 or n >= count: everything.
    QCOMPARE(split->head(0).count, 10);
    QCOMPARE(split->head(10).eventOffsets.size(), std::size_t(11));
    QCOMPARE(split->head(25).events.size(), std::size_t(55));
    // One sample: its offsets and events only.
    QCOMPARE(split->head(1).eventOffsets, (std::vector<std::int64_t>{0, 1}));
}

void TestNmnistReader::framesByWindow()
{
    // Window 500 us from the first event (t0 = 1000), half-open [1000, 1500), [1500, 2000), ...
    const DatasetSplit split = oneSample({
        ev(1, 2, 1, 1000), // frame 0
        ev(3, 4, 0, 1499), // frame 0 (just inside)
        ev(3, 4, 0, 1500), // frame 1 (the boundary belongs to the next window)
        ev(3, 4, 0, 1501), // frame 1
        ev(0, 0, 1, 2600), // frame 3: (2600 - 1000) / 500 = 3.2
        ev(33, 33, 0, 3499), // frame 4: 2499 / 500 = 4.998
        ev(33, 33, 0, 3500), // frame 5: beyond T = 5, dropped
    });
    EventFraming framing;
    framing.timeSteps = 5;
    framing.windowUs = 500;
    std::vector<float> out(std::size_t(5) * 2 * 34 * 34, -7.0f); // zeroed by frameEvents
    frameEvents(split, 0, framing, out.data());
    std::vector<float> expected(out.size(), 0.0f);
    expected[at(0, 1, 2, 1)] = 1;
    expected[at(0, 0, 4, 3)] = 1;
    expected[at(1, 0, 4, 3)] = 2;
    expected[at(3, 1, 0, 0)] = 1;
    expected[at(4, 0, 33, 33)] = 1;
    QVERIFY(out == expected);
    QCOMPARE(std::accumulate(out.begin(), out.end(), 0.0f), 6.0f);

    // T = 2: only the first two windows; T = 7: windows the recording does not reach stay zero.
    framing.timeSteps = 2;
    std::vector<float> two(std::size_t(2) * 2 * 34 * 34);
    frameEvents(split, 0, framing, two.data());
    QVERIFY(std::equal(two.begin(), two.end(), expected.begin()));
    framing.timeSteps = 7;
    std::vector<float> seven(std::size_t(7) * 2 * 34 * 34);
    frameEvents(split, 0, framing, seven.data());
    QCOMPARE(seven[at(5, 0, 33, 33)], 1.0f);
    QCOMPARE(std::accumulate(seven.begin(), seven.end(), 0.0f), 7.0f);
}

void TestNmnistReader::framesByBins()
{
    // Span 110 - 100 = 10 us, T = 3: w = 10 // 3 = 3; bins [100,103), [103,106), [106,109);
    // 109 and 110 are in no bin (Tonic's SliceByTimeBins).
    const DatasetSplit split = oneSample({
        ev(5, 6, 1, 100), // bin 0
        ev(5, 6, 1, 102), // bin 0
        ev(7, 8, 0, 103), // bin 1
        ev(7, 8, 1, 105), // bin 1
        ev(9, 9, 0, 108), // bin 2
        ev(9, 9, 0, 109), // dropped
        ev(1, 1, 1, 110), // dropped: the last event never counts
    });
    EventFraming framing;
    framing.timeSteps = 3;
    std::vector<float> out(std::size_t(3) * 2 * 34 * 34);
    frameEvents(split, 0, framing, out.data());
    std::vector<float> expected(out.size(), 0.0f);
    expected[at(0, 1, 6, 5)] = 2;
    expected[at(1, 0, 8, 7)] = 1;
    expected[at(1, 1, 8, 7)] = 1;
    expected[at(2, 0, 9, 9)] = 1;
    QVERIFY(out == expected);

    // T = 2: w = 5; [100,105): 100 102 103; [105,110): 105 108 109; 110 dropped.
    framing.timeSteps = 2;
    std::vector<float> two(std::size_t(2) * 2 * 34 * 34);
    frameEvents(split, 0, framing, two.data());
    QCOMPARE(two[at(0, 1, 6, 5)], 2.0f);
    QCOMPARE(two[at(0, 0, 8, 7)], 1.0f);
    QCOMPARE(two[at(1, 1, 8, 7)], 1.0f);
    QCOMPARE(two[at(1, 0, 9, 9)], 2.0f);
    QCOMPARE(two[at(1, 1, 1, 1)], 0.0f);
    QCOMPARE(std::accumulate(two.begin(), two.end(), 0.0f), 6.0f);
}

void TestNmnistReader::framesByBinsShortSpanIsEmpty()
{
    // Span 2 us, T = 3: w = 2 // 3 = 0, every bin [100, 100) is empty (as Tonic gives).
    const DatasetSplit split = oneSample({ev(1, 1, 1, 100), ev(2, 2, 0, 101), ev(3, 3, 1, 102)});
    EventFraming framing;
    framing.timeSteps = 3;
    std::vector<float> out(std::size_t(3) * 2 * 34 * 34, 5.0f);
    frameEvents(split, 0, framing, out.data());
    QCOMPARE(std::accumulate(out.begin(), out.end(), 0.0f), 0.0f);
    // Span 3 us, T = 3: w = 1; 100, 101, 102 in bins 0, 1, 2; 103 dropped.
    const DatasetSplit longer
        = oneSample({ev(1, 1, 1, 100), ev(2, 2, 0, 101), ev(3, 3, 1, 102), ev(4, 4, 1, 103)});
    frameEvents(longer, 0, framing, out.data());
    QCOMPARE(out[at(0, 1, 1, 1)], 1.0f);
    QCOMPARE(out[at(1, 0, 2, 2)], 1.0f);
    QCOMPARE(out[at(2, 1, 3, 3)], 1.0f);
    QCOMPARE(std::accumulate(out.begin(), out.end(), 0.0f), 3.0f);
}

void TestNmnistReader::framesGuardBadInput()
{
    DatasetSplit split = oneSample({ev(1, 1, 1, 100), ev(40, 1, 1, 101), ev(1, 1, 2, 102)});
    EventFraming framing;
    framing.timeSteps = 2;
    framing.windowUs = 1000;
    std::vector<float> out(std::size_t(2) * 2 * 34 * 34, 9.0f);
    frameEvents(split, 0, framing, out.data()); // off-sensor x and polarity 2 skipped
    QCOMPARE(std::accumulate(out.begin(), out.end(), 0.0f), 1.0f);
    std::fill(out.begin(), out.end(), 9.0f);
    frameEvents(split, 1, framing, out.data()); // no sample 1: zeros
    QCOMPARE(std::accumulate(out.begin(), out.end(), 0.0f), 0.0f);
    std::fill(out.begin(), out.end(), 9.0f);
    frameEvents(split, -1, framing, out.data());
    QCOMPARE(std::accumulate(out.begin(), out.end(), 0.0f), 0.0f);
    const DatasetSplit empty = oneSample({});
    std::fill(out.begin(), out.end(), 9.0f);
    frameEvents(empty, 0, framing, out.data());
    QCOMPARE(std::accumulate(out.begin(), out.end(), 0.0f), 0.0f);
}

void TestNmnistReader::denoiseHandWorked()
{
    // filter 10 us; the sample spans x 0..2, y 0..1. Memory starts at 10 everywhere.
    const std::vector<DvsEvent> events{
        ev(0, 0, 1, 0), // (1,0) holds 10 > 0: kept (the first 10 us keep anything with a neighbour)
        ev(2, 0, 0, 20), // (1,0) 10, (2,1) 10; (3,0) is outside the sample: dropped
        ev(1, 0, 1, 25), // (2,0) holds 30 > 25: kept
        ev(1, 1, 0, 40), // (0,1) 10, (2,1) 10, (1,0) 35: dropped
        ev(2, 1, 1, 45), // (1,1) holds 50 > 45 (written by the dropped event): kept
        ev(0, 1, 0, 100), // (1,1) 50, (0,0) 10: dropped
        ev(1, 1, 1, 104), // (0,1) holds 110 > 104: kept
    };
    const auto kept = denoiseEvents(events.data(), events.data() + events.size(), 34, 34, 10);
    const std::vector<DvsEvent> expected{events[0], events[2], events[4], events[6]};
    QVERIFY2(sameEvents(kept, expected), qPrintable(describe(kept)));

    // filter 0: off, the events unchanged.
    QVERIFY(sameEvents(denoiseEvents(events.data(), events.data() + events.size(), 34, 34, 0), events));
    // Strictly within: a neighbour 10 us before with filter 10 does not count (memory 10 + t0 > t fails).
    const std::vector<DvsEvent> pair{ev(5, 5, 0, 100), ev(5, 6, 0, 110)};
    QVERIFY(denoiseEvents(pair.data(), pair.data() + 2, 34, 34, 10).empty());
    QCOMPARE(denoiseEvents(pair.data(), pair.data() + 2, 34, 34, 11).size(), std::size_t(1));
}

void TestNmnistReader::denoiseFirstWindowAndExtent()
{
    // An isolated event in the first filterUs is kept (the memory starts at filterUs); at filterUs not.
    const std::vector<DvsEvent> early{ev(10, 10, 0, 9), ev(20, 20, 0, 10)};
    const auto kept = denoiseEvents(early.data(), early.data() + 2, 34, 34, 10);
    QVERIFY2(sameEvents(kept, {early[0]}), qPrintable(describe(kept)));

    // Tonic's memory is as large as the sample (max x + 1, max y + 1): events all at pixel (0,0) have
    // no neighbour at all, so even the early ones go; at (33,33) the sample reaches the far corner and
    // (32,33) is a neighbour.
    const std::vector<DvsEvent> origin{ev(0, 0, 0, 0), ev(0, 0, 1, 3)};
    QVERIFY(denoiseEvents(origin.data(), origin.data() + 2, 34, 34, 10).empty());
    const std::vector<DvsEvent> corner{ev(33, 33, 0, 0), ev(33, 33, 1, 3)};
    QCOMPARE(denoiseEvents(corner.data(), corner.data() + 2, 34, 34, 10).size(), std::size_t(2));
    // Events off the given sensor are dropped, and do not widen the sample.
    const std::vector<DvsEvent> off{ev(0, 0, 0, 0), ev(40, 0, 0, 1)};
    QVERIFY(denoiseEvents(off.data(), off.data() + 2, 34, 34, 10).empty());
}

void TestNmnistReader::framesAfterDenoise()
{
    // filter 10: (20,20)@1000 and (5,5)@1003 have no recent neighbour and go; (5,6)@1005 sees (5,5)'s
    // 1013; (5,5)@1020 sees (5,6)'s 1015: no; (5,6)@1021 sees (5,5)'s 1030: kept.
    const DatasetSplit split = oneSample(
        {ev(20, 20, 1, 1000), ev(5, 5, 1, 1003), ev(5, 6, 0, 1005), ev(5, 5, 1, 1020), ev(5, 6, 1, 1021)});
    EventFraming framing;
    framing.timeSteps = 2;
    framing.windowUs = 10;
    framing.denoiseUs = 10;
    std::vector<float> out(std::size_t(2) * 2 * 34 * 34);
    frameEvents(split, 0, framing, out.data());
    // Windows start at the first kept event, 1005: [1005,1015) and [1015,1025).
    std::vector<float> expected(out.size(), 0.0f);
    expected[at(0, 0, 6, 5)] = 1;
    expected[at(1, 1, 6, 5)] = 1;
    QVERIFY(out == expected);

    // Without denoise the windows start at 1000: three events in frame 0, 1020 and 1021 in frame 2 (gone).
    framing.denoiseUs = 0;
    frameEvents(split, 0, framing, out.data());
    QCOMPARE(out[at(0, 1, 20, 20)], 1.0f);
    QCOMPARE(out[at(0, 1, 5, 5)], 1.0f);
    QCOMPARE(out[at(0, 0, 6, 5)], 1.0f);
    QCOMPARE(std::accumulate(out.begin(), out.end(), 0.0f), 3.0f);
}

void TestNmnistReader::locatorFindsNmnist()
{
    QVERIFY(DatasetLocator::knownDatasets().contains(QStringLiteral("nmnist")));
    QVERIFY(!DatasetLocator::isKnown(QStringLiteral("N-MNIST")));
    QVERIFY(DatasetLocator::isKnown(QStringLiteral("NMNIST")));
    const QStringList paths = DatasetLocator::searchPaths(QStringLiteral("nmnist"));
    QCOMPARE(paths.first(), QDir::cleanPath(path(QStringLiteral("env/qb/nmnist"))));
    QCOMPARE(paths.last(), QStringLiteral("/usr/share/datasets/nmnist"));

    const QString root = path(QStringLiteral("env/qb/nmnist"));
    std::vector<int> train(10, 2);
    train[1] = 3;
    QVERIFY(writeSplit(root + QStringLiteral("/Train"), train));
    QVERIFY(writeSplit(root + QStringLiteral("/Test"), std::vector<int>(10, 1)));

    const auto located = DatasetLocator::locate(QStringLiteral("nmnist"));
    QVERIFY2(located.ok(), qPrintable(located.error()));
    QCOMPARE(*located, QDir::cleanPath(root));

    const auto dataset = DatasetLocator::load(QStringLiteral("nmnist"));
    QVERIFY2(dataset.ok(), qPrintable(dataset.error()));
    QCOMPARE(dataset->name, QStringLiteral("nmnist"));
    QCOMPARE(dataset->directory, QDir::cleanPath(root));
    QCOMPARE(dataset->numClasses, 10);
    QCOMPARE(dataset->classNames,
        (QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
            QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("7"),
            QStringLiteral("8"), QStringLiteral("9")}));
    QVERIFY(dataset->train.isEvents());
    QVERIFY(dataset->test.isEvents());
    QCOMPARE(dataset->train.count, 21);
    QCOMPARE(dataset->test.count, 10);
    QCOMPARE(dataset->train.labels[2], std::uint8_t(1));
    QCOMPARE(dataset->train.labels[5], std::uint8_t(2));
    QCOMPARE(dataset->test.labels[9], std::uint8_t(9));
    QCOMPARE(dataset->test.channels, 2);
    QCOMPARE(dataset->test.height, 34);

    // --data-dir: that folder only.
    const QString other = path(QStringLiteral("elsewhere/nm"));
    QVERIFY(writeSplit(other + QStringLiteral("/Train"), std::vector<int>(10, 1)));
    QVERIFY(writeSplit(other + QStringLiteral("/Test"), std::vector<int>(10, 1)));
    const auto explicitDir = DatasetLocator::load(QStringLiteral("nmnist"), other);
    QVERIFY2(explicitDir.ok(), qPrintable(explicitDir.error()));
    QCOMPARE(explicitDir->train.count, 10);
    QCOMPARE(explicitDir->directory, QDir::cleanPath(other));
}

void TestNmnistReader::locatorRefusesWrongLayout()
{
    // Lower-case folder names are not N-MNIST's (the names are case-sensitive as published).
    const QString lower = path(QStringLiteral("lower"));
    QVERIFY(writeSplit(lower + QStringLiteral("/train"), std::vector<int>(10, 1)));
    QVERIFY(writeSplit(lower + QStringLiteral("/Test"), std::vector<int>(10, 1)));
    const auto r = DatasetLocator::load(QStringLiteral("nmnist"), lower);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("missing: Train/")), qPrintable(r.error()));
    QVERIFY2(!r.error().contains(QLatin1String("Test/")), qPrintable(r.error()));

    // Not found anywhere: the places looked at and how to add it.
    QVERIFY(QDir().mkpath(path(QStringLiteral("env-empty"))));
    qputenv("QUANTBENCH_DATA", QFile::encodeName(path(QStringLiteral("env-empty"))));
    const auto nowhere = DatasetLocator::load(QStringLiteral("nmnist"));
    QVERIFY(!nowhere.ok());
    QVERIFY2(nowhere.error().contains(QDir::toNativeSeparators(path(QStringLiteral("env-empty/nmnist")))),
        qPrintable(nowhere.error()));
    QVERIFY2(nowhere.error().contains(QLatin1String("train.zip")), qPrintable(nowhere.error()));

    // A split whose digit folder is empty is refused when loading, naming the folder.
    const QString partial = path(QStringLiteral("partial-set"));
    QVERIFY(writeSplit(partial + QStringLiteral("/Train"), std::vector<int>(10, 1)));
    QVERIFY(writeSplit(partial + QStringLiteral("/Test"), std::vector<int>(9, 1))); // no Test/9
    const auto noNine = DatasetLocator::load(QStringLiteral("nmnist"), partial);
    QVERIFY(!noNine.ok());
    QVERIFY2(noNine.error().contains(QDir::toNativeSeparators(partial + QStringLiteral("/Test/9"))),
        qPrintable(noNine.error()));
}

QTEST_GUILESS_MAIN(TestNmnistReader)
#include "tst_nmnistreader.moc"
