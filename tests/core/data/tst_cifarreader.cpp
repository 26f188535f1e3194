#include "data/cifarreader.h"

#include <QByteArray>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace qb;

namespace {

constexpr int kRecord = 3073;

/// A CIFAR-10 record: the label, then 3072 pixels where pixel k is (k + seed) % 256.
QByteArray record(int label, int seed)
{
    QByteArray bytes;
    bytes.append(char(label));
    for (int k = 0; k < 3072; ++k)
        bytes.append(char((k + seed) % 256));
    return bytes;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

/// CifarReader on batches made in a temporary folder.
class TestCifarReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsBatch();
    void concatenatesBatches();
    void wrongSize();
    void emptyFile();
    void missingFile();
    void labelOutOfRange();
    void badBatchInList();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestCifarReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestCifarReader::readsBatch()
{
    const QString file = path(QStringLiteral("good.bin"));
    QVERIFY(writeFile(file, record(3, 0) + record(9, 5) + record(0, 200)));

    const auto split = CifarReader::readBatch(file);
    QVERIFY2(split.ok(), qPrintable(split.error()));
    QCOMPARE(split->count, 3);
    QCOMPARE(split->channels, 3);
    QCOMPARE(split->height, 32);
    QCOMPARE(split->width, 32);
    QCOMPARE(split->pixels.size(), std::size_t(3 * 3072));
    QCOMPARE(split->labels, (std::vector<std::uint8_t>{3, 9, 0}));
    // CHW as stored: sample 1, channel 1 (green), row 2, column 5.
    const int k = 1 * 1024 + 2 * 32 + 5;
    QCOMPARE(int(split->pixels[std::size_t(3072 + k)]), (k + 5) % 256);
    QCOMPARE(int(split->pixels[std::size_t(2 * 3072)]), 200);
    QCOMPARE(int(split->pixels.back()), (3071 + 200) % 256);
}

void TestCifarReader::concatenatesBatches()
{
    const QString a = path(QStringLiteral("a.bin"));
    const QString b = path(QStringLiteral("b.bin"));
    QVERIFY(writeFile(a, record(1, 1) + record(2, 2)));
    QVERIFY(writeFile(b, record(7, 7)));

    const auto split = CifarReader::readBatches({a, b});
    QVERIFY2(split.ok(), qPrintable(split.error()));
    QCOMPARE(split->count, 3);
    QCOMPARE(split->labels, (std::vector<std::uint8_t>{1, 2, 7}));
    QCOMPARE(split->pixels.size(), std::size_t(3 * 3072));
    QCOMPARE(int(split->pixels[std::size_t(2 * 3072)]), 7);
    QCOMPARE(int(split->pixels[std::size_t(3072)]), 2);

    const auto reversed = CifarReader::readBatches({b, a});
    QVERIFY2(reversed.ok(), qPrintable(reversed.error()));
    QCOMPARE(reversed->labels, (std::vector<std::uint8_t>{7, 1, 2}));

    const auto none = CifarReader::readBatches({});
    QVERIFY(!none.ok());
    QVERIFY(!none.error().isEmpty());
}

void TestCifarReader::wrongSize()
{
    const QString file = path(QStringLiteral("short.bin"));
    QVERIFY(writeFile(file, record(1, 0) + record(2, 0).left(100)));
    const auto split = CifarReader::readBatch(file);
    QVERIFY(!split.ok());
    QVERIFY2(split.error().contains(QLatin1String("short.bin")), qPrintable(split.error()));
    QVERIFY2(split.error().contains(QString::number(kRecord + 100)), qPrintable(split.error()));
    QVERIFY2(split.error().contains(QLatin1String("3073")), qPrintable(split.error()));
}

void TestCifarReader::emptyFile()
{
    const QString file = path(QStringLiteral("empty.bin"));
    QVERIFY(writeFile(file, QByteArray()));
    const auto split = CifarReader::readBatch(file);
    QVERIFY(!split.ok());
    QVERIFY2(split.error().contains(QLatin1String("empty.bin")), qPrintable(split.error()));
    QVERIFY2(split.error().contains(QLatin1String("empty")), qPrintable(split.error()));
}

void TestCifarReader::missingFile()
{
    const auto split = CifarReader::readBatch(path(QStringLiteral("nowhere.bin")));
    QVERIFY(!split.ok());
    QVERIFY2(split.error().contains(QLatin1String("nowhere.bin")), qPrintable(split.error()));
    QVERIFY2(split.error().contains(QLatin1String("not found")), qPrintable(split.error()));
}

void TestCifarReader::labelOutOfRange()
{
    const QString file = path(QStringLiteral("badlabel.bin"));
    QVERIFY(writeFile(file, record(0, 0) + record(5, 0) + record(10, 0) + record(200, 0)));
    const auto split = CifarReader::readBatch(file);
    QVERIFY(!split.ok());
    QVERIFY2(split.error().contains(QLatin1String("badlabel.bin")), qPrintable(split.error()));
    QVERIFY2(split.error().contains(QLatin1String("record 2")), qPrintable(split.error()));
    QVERIFY2(split.error().contains(QLatin1String("label 10")), qPrintable(split.error()));
}

void TestCifarReader::badBatchInList()
{
    // One bad batch fails the whole concatenation, and the error names that batch.
    const QString good = path(QStringLiteral("listgood.bin"));
    const QString bad = path(QStringLiteral("listbad.bin"));
    QVERIFY(writeFile(good, record(1, 0)));
    QVERIFY(writeFile(bad, record(1, 0).left(3000)));
    const auto split = CifarReader::readBatches({good, bad});
    QVERIFY(!split.ok());
    QVERIFY2(split.error().contains(QLatin1String("listbad.bin")), qPrintable(split.error()));
}

QTEST_GUILESS_MAIN(TestCifarReader)
#include "tst_cifarreader.moc"
