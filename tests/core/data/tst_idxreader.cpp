#include "data/idxreader.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

using namespace qb;

namespace {

void appendBigEndian32(QByteArray &bytes, quint32 value)
{
    bytes.append(char((value >> 24) & 0xff));
    bytes.append(char((value >> 16) & 0xff));
    bytes.append(char((value >> 8) & 0xff));
    bytes.append(char(value & 0xff));
}

/// An IDX images file of `count` images of rows x cols; pixel k of the file is (k * 7 + 3) % 256.
QByteArray imagesBytes(quint32 count, quint32 rows, quint32 cols, quint32 magic = 0x00000803)
{
    QByteArray bytes;
    appendBigEndian32(bytes, magic);
    appendBigEndian32(bytes, count);
    appendBigEndian32(bytes, rows);
    appendBigEndian32(bytes, cols);
    const qint64 n = qint64(count) * rows * cols;
    for (qint64 k = 0; k < n; ++k)
        bytes.append(char((k * 7 + 3) % 256));
    return bytes;
}

/// An IDX labels file holding `labels`.
QByteArray labelsBytes(const QByteArray &labels, quint32 magic = 0x00000801)
{
    QByteArray bytes;
    appendBigEndian32(bytes, magic);
    appendBigEndian32(bytes, quint32(labels.size()));
    bytes.append(labels);
    return bytes;
}

QByteArray defaultLabels(int count)
{
    QByteArray labels;
    for (int i = 0; i < count; ++i)
        labels.append(char((i * 3) % 10));
    return labels;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool writeGzip(const QString &path, const QByteArray &bytes)
{
    gzFile gz = gzopen(QFile::encodeName(path).constData(), "wb");
    if (!gz)
        return false;
    const int written = bytes.isEmpty() ? 0 : gzwrite(gz, bytes.constData(), unsigned(bytes.size()));
    return gzclose(gz) == Z_OK && written == bytes.size();
}

QByteArray gzipped(const QString &scratchPath, const QByteArray &bytes)
{
    if (!writeGzip(scratchPath, bytes))
        return QByteArray();
    QFile file(scratchPath);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    QByteArray out = file.readAll();
    file.close();
    QFile::remove(scratchPath);
    return out;
}

} // namespace

/// IdxReader on good and broken files made in a temporary folder.
class TestIdxReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsPlainImages();
    void readsGzipImages();
    void readsGzipWithMisleadingName();
    void readsSplit();
    void readsLabelsWithinLimit();
    void headOfSplit();
    void errors_data();
    void errors();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestIdxReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestIdxReader::readsPlainImages()
{
    const QString file = path(QStringLiteral("plain-images-idx3-ubyte"));
    QVERIFY(writeFile(file, imagesBytes(3, 4, 5)));

    const auto split = IdxReader::readImages(file);
    QVERIFY2(split.ok(), qPrintable(split.error()));
    QCOMPARE(split->count, 3);
    QCOMPARE(split->channels, 1);
    QCOMPARE(split->height, 4);
    QCOMPARE(split->width, 5);
    QCOMPARE(split->sampleSize(), qint64(20));
    QCOMPARE(split->pixels.size(), std::size_t(60));
    QVERIFY(split->labels.empty());
    for (int k = 0; k < 60; ++k)
        QCOMPARE(int(split->pixels[std::size_t(k)]), (k * 7 + 3) % 256);
}

void TestIdxReader::readsGzipImages()
{
    // Large enough that the decompressed stream is many times zlib's window and output guesses.
    const QByteArray bytes = imagesBytes(500, 28, 28);
    const QString file = path(QStringLiteral("gz-images-idx3-ubyte.gz"));
    QVERIFY(writeGzip(file, bytes));

    const auto split = IdxReader::readImages(file);
    QVERIFY2(split.ok(), qPrintable(split.error()));
    QCOMPARE(split->count, 500);
    QCOMPARE(split->height, 28);
    QCOMPARE(split->width, 28);
    QCOMPARE(split->pixels.size(), std::size_t(500 * 28 * 28));
    QVERIFY(std::equal(split->pixels.begin(), split->pixels.end(),
                       reinterpret_cast<const std::uint8_t *>(bytes.constData()) + 16));

    // The same file as two gzip members, as `cat a.gz b.gz` makes it.
    const QByteArray first = gzipped(path(QStringLiteral("scratch1.gz")), bytes.left(1000));
    const QByteArray second = gzipped(path(QStringLiteral("scratch2.gz")), bytes.mid(1000));
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    const QString multi = path(QStringLiteral("multi-images-idx3-ubyte.gz"));
    QVERIFY(writeFile(multi, first + second));
    const auto again = IdxReader::readImages(multi);
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QVERIFY(again->pixels == split->pixels);
}

void TestIdxReader::readsGzipWithMisleadingName()
{
    // Compression is detected from the content: a gzip file without .gz and a plain one with it.
    const QByteArray bytes = imagesBytes(2, 3, 3);
    const QString gzNoSuffix = path(QStringLiteral("nosuffix-images"));
    const QString plainWithSuffix = path(QStringLiteral("plain-images.gz"));
    QVERIFY(writeGzip(gzNoSuffix, bytes));
    QVERIFY(writeFile(plainWithSuffix, bytes));
    const auto a = IdxReader::readImages(gzNoSuffix);
    const auto b = IdxReader::readImages(plainWithSuffix);
    QVERIFY2(a.ok(), qPrintable(a.error()));
    QVERIFY2(b.ok(), qPrintable(b.error()));
    QVERIFY(a->pixels == b->pixels);
}

void TestIdxReader::readsSplit()
{
    const QString images = path(QStringLiteral("split-images.gz"));
    const QString labels = path(QStringLiteral("split-labels"));
    QVERIFY(writeGzip(images, imagesBytes(7, 2, 3)));
    QVERIFY(writeFile(labels, labelsBytes(defaultLabels(7))));

    const auto split = IdxReader::readSplit(images, labels);
    QVERIFY2(split.ok(), qPrintable(split.error()));
    QCOMPARE(split->count, 7);
    QCOMPARE(split->labels.size(), std::size_t(7));
    for (int i = 0; i < 7; ++i)
        QCOMPARE(int(split->labels[std::size_t(i)]), (i * 3) % 10);
    QCOMPARE(int(split->pixels[6]), (6 * 7 + 3) % 256);
}

void TestIdxReader::readsLabelsWithinLimit()
{
    const QString file = path(QStringLiteral("labels-limit"));
    QVERIFY(writeFile(file, labelsBytes(QByteArray("\x00\x04\x02", 3))));
    QVERIFY(IdxReader::readLabels(file, 5).ok());
    const auto tooFew = IdxReader::readLabels(file, 4);
    QVERIFY(!tooFew.ok());
    QVERIFY2(tooFew.error().contains(QLatin1String("index 1")), qPrintable(tooFew.error()));
}

void TestIdxReader::headOfSplit()
{
    const QString images = path(QStringLiteral("head-images"));
    const QString labels = path(QStringLiteral("head-labels"));
    QVERIFY(writeFile(images, imagesBytes(5, 2, 2)));
    QVERIFY(writeFile(labels, labelsBytes(defaultLabels(5))));
    const auto split = IdxReader::readSplit(images, labels);
    QVERIFY2(split.ok(), qPrintable(split.error()));

    const DatasetSplit two = split->head(2);
    QCOMPARE(two.count, 2);
    QCOMPARE(two.height, 2);
    QCOMPARE(two.pixels.size(), std::size_t(8));
    QCOMPARE(two.labels.size(), std::size_t(2));
    QVERIFY(std::equal(two.pixels.begin(), two.pixels.end(), split->pixels.begin()));
    QCOMPARE(int(two.labels[1]), 3);
    QCOMPARE(split->head(0).count, 5);
    QCOMPARE(split->head(-1).count, 5);
    QCOMPARE(split->head(9).pixels.size(), split->pixels.size());
}

void TestIdxReader::errors_data()
{
    QTest::addColumn<QString>("kind");      // images, labels or split
    QTest::addColumn<QByteArray>("images"); // contents of the images file (null: not written)
    QTest::addColumn<QByteArray>("labels"); // contents of the labels file (null: not written)
    QTest::addColumn<bool>("gzipImages");
    QTest::addColumn<QString>("culprit"); // images or labels: the file the message must name
    QTest::addColumn<QString>("keyword"); // must appear in the message

    const QByteArray good = imagesBytes(4, 3, 3);
    const QByteArray goodLabels = labelsBytes(defaultLabels(4));

    QTest::newRow("missing images") << "images" << QByteArray() << QByteArray() << false << "images"
                                    << "not found";
    QTest::newRow("missing labels") << "split" << good << QByteArray() << false << "labels"
                                    << "not found";
    QTest::newRow("empty images") << "images" << QByteArray("") << QByteArray() << false << "images"
                                  << "empty";
    QTest::newRow("empty labels") << "labels" << QByteArray() << QByteArray("") << false << "labels"
                                  << "empty";
    QTest::newRow("empty gzip") << "images" << QByteArray("") << QByteArray() << true << "images"
                                << "empty";
    QTest::newRow("wrong magic") << "images" << imagesBytes(4, 3, 3, 0x12345678) << QByteArray() << false
                                 << "images"
                                 << "0x12345678";
    QTest::newRow("wrong magic hint")
        << "images" << imagesBytes(4, 3, 3, 0x12345678) << QByteArray() << false << "images"
        << "is this an IDX images file?";
    QTest::newRow("labels given as images") << "images" << goodLabels << QByteArray() << false << "images"
                                            << "0x00000803";
    QTest::newRow("images given as labels") << "labels" << QByteArray() << good << false << "labels"
                                            << "is this an IDX labels file?";
    QTest::newRow("truncated images header") << "images" << good.left(10) << QByteArray() << false << "images"
                                             << "truncated header";
    QTest::newRow("truncated magic") << "images" << good.left(2) << QByteArray() << false << "images"
                                     << "truncated header";
    QTest::newRow("truncated labels header")
        << "labels" << QByteArray() << goodLabels.left(6) << false << "labels"
        << "truncated header";
    QTest::newRow("truncated pixels")
        << "images" << good.left(good.size() - 5) << QByteArray() << false << "images"
        << "expected 36 bytes of pixel data for 4 images of 3x3, found 31";
    QTest::newRow("truncated pixels gz")
        << "images" << good.left(good.size() - 1) << QByteArray() << true << "images"
        << "found 35";
    QTest::newRow("truncated labels")
        << "labels" << QByteArray() << goodLabels.left(goodLabels.size() - 1) << false << "labels"
        << "truncated";
    QTest::newRow("trailing pixels") << "images" << good + QByteArray("xyz") << QByteArray() << false
                                     << "images"
                                     << "3 trailing bytes";
    QTest::newRow("trailing labels") << "labels" << QByteArray() << goodLabels + QByteArray("\x01", 1)
                                     << false << "labels"
                                     << "1 trailing bytes";
    QTest::newRow("zero images") << "images" << imagesBytes(0, 3, 3) << QByteArray() << false << "images"
                                 << "zero";
    QTest::newRow("zero rows") << "images" << imagesBytes(4, 0, 3) << QByteArray() << false << "images"
                               << "zero";
    QTest::newRow("zero labels") << "labels" << QByteArray() << labelsBytes(QByteArray()) << false << "labels"
                                 << "no labels";
    QTest::newRow("label out of range")
        << "labels" << QByteArray() << labelsBytes(QByteArray("\x01\x02\x0a\x03", 4)) << false << "labels"
        << "index 2";
    QTest::newRow("count mismatch images")
        << "split" << good << labelsBytes(defaultLabels(5)) << false << "images"
        << "4 images";
    QTest::newRow("count mismatch labels")
        << "split" << good << labelsBytes(defaultLabels(5)) << false << "labels"
        << "5 labels";
    QTest::newRow("folder") << "images" << QByteArray("<folder>") << QByteArray() << false << "images"
                            << "folder";
    QTest::newRow("corrupt gzip") << "images" << QByteArray("<corrupt gzip>") << QByteArray() << false
                                  << "images"
                                  << "corrupt gzip";
    QTest::newRow("truncated gzip") << "images" << QByteArray("<truncated gzip>") << QByteArray() << false
                                    << "images"
                                    << "corrupt gzip";
    QTest::newRow("gzip garbage tail")
        << "images" << QByteArray("<gzip garbage tail>") << QByteArray() << false << "images"
        << "after the end";
}

void TestIdxReader::errors()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, images);
    QFETCH(QByteArray, labels);
    QFETCH(bool, gzipImages);
    QFETCH(QString, culprit);
    QFETCH(QString, keyword);

    // Fresh names per row, so that no row sees another's files.
    const QString tag =
        QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
    const QString imagesPath = path(tag + QStringLiteral("-images-idx3-ubyte"));
    const QString labelsPath = path(tag + QStringLiteral("-labels-idx1-ubyte"));

    const QByteArray goodGz = gzipped(path(tag + QStringLiteral("-scratch.gz")), imagesBytes(40, 8, 8));
    QVERIFY(goodGz.size() > 40);
    if (images == "<folder>") {
        QVERIFY(QDir().mkpath(imagesPath));
    } else if (images == "<corrupt gzip>") {
        QByteArray bad = goodGz;
        for (int i = 12; i < 30; ++i) // inside the deflate data, past the 10-byte gzip header
            bad[i] = char(~bad[i]);
        QVERIFY(writeFile(imagesPath, bad));
    } else if (images == "<truncated gzip>") {
        QVERIFY(writeFile(imagesPath, goodGz.left(goodGz.size() / 2)));
    } else if (images == "<gzip garbage tail>") {
        QVERIFY(writeFile(imagesPath, goodGz + QByteArray("garbage")));
    } else if (!images.isNull()) {
        QVERIFY(gzipImages ? writeGzip(imagesPath, images) : writeFile(imagesPath, images));
    }
    if (!labels.isNull())
        QVERIFY(writeFile(labelsPath, labels));

    QString error;
    if (kind == QLatin1String("images")) {
        const auto r = IdxReader::readImages(imagesPath);
        QVERIFY(!r.ok());
        error = r.error();
    } else if (kind == QLatin1String("labels")) {
        const auto r = IdxReader::readLabels(labelsPath);
        QVERIFY(!r.ok());
        error = r.error();
    } else {
        const auto r = IdxReader::readSplit(imagesPath, labelsPath);
        QVERIFY(!r.ok());
        error = r.error();
        if (tag.startsWith(QLatin1String("count_mismatch"))) {
            // A count mismatch names both files.
            QVERIFY2(error.contains(QFileInfo(imagesPath).fileName()), qPrintable(error));
            QVERIFY2(error.contains(QFileInfo(labelsPath).fileName()), qPrintable(error));
        }
    }
    const QString culpritName =
        QFileInfo(culprit == QLatin1String("images") ? imagesPath : labelsPath).fileName();
    QVERIFY2(error.contains(culpritName), qPrintable(error));
    QVERIFY2(error.contains(keyword, Qt::CaseInsensitive), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestIdxReader)
#include "tst_idxreader.moc"
