#include "data/datasetlocator.h"

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include "isolateddatadirs.h"

#include <QtTest>

#include <zlib.h>

#include <array>

using namespace qb;

namespace {

void appendBigEndian32(QByteArray &bytes, quint32 value)
{
    bytes.append(char((value >> 24) & 0xff));
    bytes.append(char((value >> 16) & 0xff));
    bytes.append(char((value >> 8) & 0xff));
    bytes.append(char(value & 0xff));
}

QByteArray imagesBytes(int count, int side)
{
    QByteArray bytes;
    appendBigEndian32(bytes, 0x00000803);
    appendBigEndian32(bytes, quint32(count));
    appendBigEndian32(bytes, quint32(side));
    appendBigEndian32(bytes, quint32(side));
    for (int k = 0; k < count * side * side; ++k)
        bytes.append(char(k % 251));
    return bytes;
}

QByteArray labelsBytes(int count)
{
    QByteArray bytes;
    appendBigEndian32(bytes, 0x00000801);
    appendBigEndian32(bytes, quint32(count));
    for (int i = 0; i < count; ++i)
        bytes.append(char(i % 10));
    return bytes;
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
    const int written = gzwrite(gz, bytes.constData(), unsigned(bytes.size()));
    return gzclose(gz) == Z_OK && written == bytes.size();
}

/// Writes the four MNIST-style files (train: `trainCount` images, test: 3) of side x side into `folder`.
bool writeIdxSet(const QString &folder, int trainCount, bool gz, int side = 4)
{
    if (!QDir().mkpath(folder))
        return false;
    const QDir dir(folder);
    const QString suffix = gz ? QStringLiteral(".gz") : QString();
    const std::array<std::pair<QString, QByteArray>, 4> files = {{
        {QStringLiteral("train-images-idx3-ubyte"), imagesBytes(trainCount, side)},
        {QStringLiteral("train-labels-idx1-ubyte"), labelsBytes(trainCount)},
        {QStringLiteral("t10k-images-idx3-ubyte"), imagesBytes(3, side)},
        {QStringLiteral("t10k-labels-idx1-ubyte"), labelsBytes(3)},
    }};
    for (const auto &[name, bytes] : files) {
        const QString path = dir.filePath(name + suffix);
        if (!(gz ? writeGzip(path, bytes) : writeFile(path, bytes)))
            return false;
    }
    return true;
}

/// A small table: x, y and a class column, `rows` rows of two classes (a, b) alternating.
QByteArray csvTable(int rows)
{
    QByteArray csv = "x,y,class\n";
    for (int i = 0; i < rows; ++i)
        csv += QByteArray::number(i) + ',' + QByteArray::number(i * i % 7) + ',' + (i % 2 ? "b" : "a") + '\n';
    return csv;
}

/// Writes the six CIFAR-10 batches (`perBatch` records each) into `folder`.
bool writeCifarSet(const QString &folder, int perBatch)
{
    if (!QDir().mkpath(folder))
        return false;
    QStringList names;
    for (int i = 1; i <= 5; ++i)
        names << QStringLiteral("data_batch_%1.bin").arg(i);
    names << QStringLiteral("test_batch.bin");
    int label = 0;
    for (const QString &name : names) {
        QByteArray bytes;
        for (int r = 0; r < perBatch; ++r) {
            bytes.append(char(label++ % 10));
            bytes.append(QByteArray(3072, char(r)));
        }
        if (!writeFile(QDir(folder).filePath(name), bytes))
            return false;
    }
    return true;
}

} // namespace

/// DatasetLocator: lookup order through the environment, explicit folders, errors, real data if installed.
class TestDatasetLocator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void knownNames();
    void searchPathsOrder();
    void searchPathsWithoutXdg();
    void quantbenchDataWins();
    void xdgWhenNoQuantbenchData();
    void explicitDirOnly();
    void explicitDirMissingFiles();
    void explicitDirDoesNotExist();
    void notFoundListsPlaces();
    void unknownDataset();
    void plainPreferredOverGzip();
    void loadFillsDataset();
    void loadReportsBadFile();
    void cifarSubfolder();
    void cifarMissingBatch();
    void realFashionMnist();
    void csvNames_data();
    void csvNames();
    void loadCsvByPath();
    void csvRelativePaths();
    void csvMissing();

private:
    QString path(const QString &relative) const { return m_dir.filePath(relative); }
    QTemporaryDir m_dir;
    IsolatedDataDirs m_env; ///< restores both variables when the test object goes
};

void TestDatasetLocator::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestDatasetLocator::init()
{
    // Every test starts with both variables pointing at empty folders, never at the user's own data.
    QVERIFY(m_env.pointAt(path(QStringLiteral("env-empty"))));
}

void TestDatasetLocator::knownNames()
{
    QCOMPARE(DatasetLocator::knownDatasets(),
        (QStringList{QStringLiteral("mnist"), QStringLiteral("fashion-mnist"), QStringLiteral("cifar10"),
            QStringLiteral("nmnist")}));
    QVERIFY(DatasetLocator::isKnown(QStringLiteral("fashion-mnist")));
    QVERIFY(DatasetLocator::isKnown(QStringLiteral("Fashion-MNIST")));
    QVERIFY(!DatasetLocator::isKnown(QStringLiteral("imagenet")));
    QVERIFY(!DatasetLocator::isKnown(QString()));
}

void TestDatasetLocator::searchPathsOrder()
{
    qputenv("QUANTBENCH_DATA", "/data/qb");
    qputenv("XDG_DATA_HOME", "/home/someone/.xdg");
    QCOMPARE(DatasetLocator::searchPaths(QStringLiteral("mnist")),
             (QStringList{QStringLiteral("/data/qb/mnist"),
                          QStringLiteral("/home/someone/.xdg/quantbench/datasets/mnist"),
                          QStringLiteral("/usr/share/datasets/mnist")}));
    // An explicit folder is the only place searched.
    QCOMPARE(DatasetLocator::searchPaths(QStringLiteral("mnist"), QStringLiteral("/somewhere/else/")),
             QStringList{QStringLiteral("/somewhere/else")});
    // Without QUANTBENCH_DATA that entry is simply absent.
    qunsetenv("QUANTBENCH_DATA");
    QCOMPARE(DatasetLocator::searchPaths(QStringLiteral("cifar10")),
             (QStringList{QStringLiteral("/home/someone/.xdg/quantbench/datasets/cifar10"),
                          QStringLiteral("/usr/share/datasets/cifar10")}));
}

void TestDatasetLocator::searchPathsWithoutXdg()
{
    qunsetenv("QUANTBENCH_DATA");
    qunsetenv("XDG_DATA_HOME");
    const QString generic = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (generic.isEmpty())
        QSKIP("no generic data location on this system");
    QCOMPARE(DatasetLocator::searchPaths(QStringLiteral("fashion-mnist")),
             (QStringList{QDir::cleanPath(generic + QStringLiteral("/quantbench/datasets/fashion-mnist")),
                          QStringLiteral("/usr/share/datasets/fashion-mnist")}));
}

void TestDatasetLocator::quantbenchDataWins()
{
    const QString qbRoot = path(QStringLiteral("order1/qb"));
    const QString xdgRoot = path(QStringLiteral("order1/xdg"));
    QVERIFY(writeIdxSet(qbRoot + QStringLiteral("/mnist"), 5, false));
    QVERIFY(writeIdxSet(xdgRoot + QStringLiteral("/quantbench/datasets/mnist"), 6, false));
    qputenv("QUANTBENCH_DATA", QFile::encodeName(qbRoot));
    qputenv("XDG_DATA_HOME", QFile::encodeName(xdgRoot));

    const auto found = DatasetLocator::locate(QStringLiteral("mnist"));
    QVERIFY2(found.ok(), qPrintable(found.error()));
    QCOMPARE(*found, QDir::cleanPath(qbRoot + QStringLiteral("/mnist")));
    const auto data = DatasetLocator::load(QStringLiteral("mnist"));
    QVERIFY2(data.ok(), qPrintable(data.error()));
    QCOMPARE(data->train.count, 5);
}

void TestDatasetLocator::xdgWhenNoQuantbenchData()
{
    const QString qbRoot = path(QStringLiteral("order2/qb"));
    const QString xdgRoot = path(QStringLiteral("order2/xdg"));
    // QUANTBENCH_DATA has an incomplete folder (no test labels): the search goes on to XDG.
    QVERIFY(writeIdxSet(qbRoot + QStringLiteral("/mnist"), 5, false));
    QVERIFY(QFile::remove(qbRoot + QStringLiteral("/mnist/t10k-labels-idx1-ubyte")));
    QVERIFY(writeIdxSet(xdgRoot + QStringLiteral("/quantbench/datasets/mnist"), 6, true));
    qputenv("QUANTBENCH_DATA", QFile::encodeName(qbRoot));
    qputenv("XDG_DATA_HOME", QFile::encodeName(xdgRoot));

    const auto found = DatasetLocator::locate(QStringLiteral("mnist"));
    QVERIFY2(found.ok(), qPrintable(found.error()));
    QCOMPARE(*found, QDir::cleanPath(xdgRoot + QStringLiteral("/quantbench/datasets/mnist")));

    qunsetenv("QUANTBENCH_DATA");
    const auto data = DatasetLocator::load(QStringLiteral("mnist"));
    QVERIFY2(data.ok(), qPrintable(data.error()));
    QCOMPARE(data->train.count, 6);
}

void TestDatasetLocator::explicitDirOnly()
{
    const QString qbRoot = path(QStringLiteral("explicit1/qb"));
    const QString mine = path(QStringLiteral("explicit1/mine"));
    QVERIFY(writeIdxSet(qbRoot + QStringLiteral("/fashion-mnist"), 5, false));
    QVERIFY(writeIdxSet(mine, 7, false));
    qputenv("QUANTBENCH_DATA", QFile::encodeName(qbRoot));

    const auto found = DatasetLocator::locate(QStringLiteral("fashion-mnist"), mine);
    QVERIFY2(found.ok(), qPrintable(found.error()));
    QCOMPARE(*found, QDir::cleanPath(mine));
    const auto data = DatasetLocator::load(QStringLiteral("fashion-mnist"), mine);
    QVERIFY2(data.ok(), qPrintable(data.error()));
    QCOMPARE(data->train.count, 7);
}

void TestDatasetLocator::explicitDirMissingFiles()
{
    const QString qbRoot = path(QStringLiteral("explicit2/qb"));
    const QString mine = path(QStringLiteral("explicit2/mine"));
    QVERIFY(writeIdxSet(qbRoot + QStringLiteral("/mnist"), 5, false));
    QVERIFY(writeIdxSet(mine, 7, true));
    QVERIFY(QFile::remove(mine + QStringLiteral("/train-labels-idx1-ubyte.gz")));
    QVERIFY(QFile::remove(mine + QStringLiteral("/t10k-images-idx3-ubyte.gz")));
    qputenv("QUANTBENCH_DATA", QFile::encodeName(qbRoot));

    // The explicit folder lacks files: an error, not a silent fall-back to $QUANTBENCH_DATA.
    for (const bool load : {false, true}) {
        const QString error = load ? DatasetLocator::load(QStringLiteral("mnist"), mine).error()
                                   : DatasetLocator::locate(QStringLiteral("mnist"), mine).error();
        QVERIFY2(!error.isEmpty(), "expected an error");
        QVERIFY2(error.contains(QDir::toNativeSeparators(QDir::cleanPath(mine))), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("train-labels-idx1-ubyte")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("t10k-images-idx3-ubyte")), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1String("train-images-idx3-ubyte")), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1String("t10k-labels-idx1-ubyte")), qPrintable(error));
    }
}

void TestDatasetLocator::explicitDirDoesNotExist()
{
    const QString nowhere = path(QStringLiteral("no/such/folder"));
    const auto found = DatasetLocator::locate(QStringLiteral("mnist"), nowhere);
    QVERIFY(!found.ok());
    QVERIFY2(found.error().contains(QDir::toNativeSeparators(nowhere)), qPrintable(found.error()));
}

void TestDatasetLocator::notFoundListsPlaces()
{
    if (QFileInfo::exists(QStringLiteral("/usr/share/datasets/mnist")))
        QSKIP("/usr/share/datasets/mnist exists on this machine");
    const QString qbRoot = path(QStringLiteral("notfound/qb"));
    const QString xdgRoot = path(QStringLiteral("notfound/xdg"));
    QVERIFY(QDir().mkpath(qbRoot + QStringLiteral("/mnist")));
    QVERIFY(QDir().mkpath(xdgRoot));
    qputenv("QUANTBENCH_DATA", QFile::encodeName(qbRoot));
    qputenv("XDG_DATA_HOME", QFile::encodeName(xdgRoot));

    const auto data = DatasetLocator::load(QStringLiteral("mnist"));
    QVERIFY(!data.ok());
    const QString error = data.error();
    for (const QString &place : DatasetLocator::searchPaths(QStringLiteral("mnist")))
        QVERIFY2(error.contains(QDir::toNativeSeparators(place)), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("$QUANTBENCH_DATA/mnist")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("--data-dir")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("t10k-labels-idx1-ubyte")), qPrintable(error));
}

void TestDatasetLocator::unknownDataset()
{
    for (const bool load : {false, true}) {
        const QString error = load ? DatasetLocator::load(QStringLiteral("imagenet")).error()
                                   : DatasetLocator::locate(QStringLiteral("imagenet")).error();
        QVERIFY2(error.contains(QLatin1String("imagenet")), qPrintable(error));
        for (const QString &known : DatasetLocator::knownDatasets())
            QVERIFY2(error.contains(known), qPrintable(error));
    }
}

void TestDatasetLocator::plainPreferredOverGzip()
{
    const QString mine = path(QStringLiteral("both"));
    QVERIFY(writeIdxSet(mine, 5, false));
    // Broken .gz twins next to the good plain files: they must not be read.
    for (const QString &name : QDir(mine).entryList(QDir::Files))
        QVERIFY(
            writeFile(mine + QLatin1Char('/') + name + QStringLiteral(".gz"), QByteArray("\x1f\x8bjunk")));
    const auto data = DatasetLocator::load(QStringLiteral("mnist"), mine);
    QVERIFY2(data.ok(), qPrintable(data.error()));
    QCOMPARE(data->train.count, 5);
}

void TestDatasetLocator::loadFillsDataset()
{
    const QString mine = path(QStringLiteral("fill/fashion"));
    QVERIFY(writeIdxSet(mine, 12, true, 5));
    const auto data = DatasetLocator::load(QStringLiteral("fashion-mnist"), mine);
    QVERIFY2(data.ok(), qPrintable(data.error()));
    QCOMPARE(data->name, QStringLiteral("fashion-mnist"));
    QCOMPARE(data->directory, QDir::cleanPath(mine));
    QCOMPARE(data->numClasses, 10);
    QCOMPARE(data->classNames.size(), 10);
    QCOMPARE(data->classNames.first(), QStringLiteral("T-shirt/top"));
    QCOMPARE(data->classNames.last(), QStringLiteral("Ankle boot"));
    QCOMPARE(data->train.count, 12);
    QCOMPARE(data->train.channels, 1);
    QCOMPARE(data->train.height, 5);
    QCOMPARE(data->train.width, 5);
    QCOMPARE(data->train.labels.size(), std::size_t(12));
    QCOMPARE(data->test.count, 3);
    QCOMPARE(data->test.pixels.size(), std::size_t(3 * 25));

    const auto digits = DatasetLocator::load(QStringLiteral("mnist"), mine);
    QVERIFY2(digits.ok(), qPrintable(digits.error()));
    QCOMPARE(digits->classNames,
             (QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                          QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("7"),
                          QStringLiteral("8"), QStringLiteral("9")}));
}

void TestDatasetLocator::loadReportsBadFile()
{
    const QString mine = path(QStringLiteral("badfile"));
    QVERIFY(writeIdxSet(mine, 5, false));
    QVERIFY(writeFile(mine + QStringLiteral("/t10k-labels-idx1-ubyte"), labelsBytes(4)));
    const auto data = DatasetLocator::load(QStringLiteral("mnist"), mine);
    QVERIFY(!data.ok());
    QVERIFY2(data.error().contains(QLatin1String("t10k-labels-idx1-ubyte")), qPrintable(data.error()));
    QVERIFY2(data.error().contains(QLatin1String("t10k-images-idx3-ubyte")), qPrintable(data.error()));
}

void TestDatasetLocator::cifarSubfolder()
{
    const QString root = path(QStringLiteral("cifar-root"));
    const QString sub = root + QStringLiteral("/cifar-10-batches-bin");
    QVERIFY(writeCifarSet(sub, 2));

    const auto found = DatasetLocator::locate(QStringLiteral("cifar10"), root);
    QVERIFY2(found.ok(), qPrintable(found.error()));
    QCOMPARE(*found, QDir::cleanPath(sub));

    // Found through $QUANTBENCH_DATA/cifar10 as well.
    const QString qbRoot = path(QStringLiteral("cifar-env"));
    QVERIFY(writeCifarSet(qbRoot + QStringLiteral("/cifar10/cifar-10-batches-bin"), 3));
    qputenv("QUANTBENCH_DATA", QFile::encodeName(qbRoot));
    const auto data = DatasetLocator::load(QStringLiteral("cifar10"));
    QVERIFY2(data.ok(), qPrintable(data.error()));
    QCOMPARE(data->name, QStringLiteral("cifar10"));
    QCOMPARE(data->train.count, 15);
    QCOMPARE(data->test.count, 3);
    QCOMPARE(data->train.channels, 3);
    QCOMPARE(data->train.height, 32);
    QCOMPARE(data->train.width, 32);
    QCOMPARE(data->train.pixels.size(), std::size_t(15 * 3072));
    // Batches in order: the labels count up 0..9, 0.. across data_batch_1..5, then test_batch.
    for (int i = 0; i < 15; ++i)
        QCOMPARE(int(data->train.labels[std::size_t(i)]), i % 10);
    QCOMPARE(int(data->test.labels[0]), 15 % 10);
    QCOMPARE(data->classNames.first(), QStringLiteral("airplane"));
    QCOMPARE(data->classNames.last(), QStringLiteral("truck"));
}

void TestDatasetLocator::cifarMissingBatch()
{
    const QString root = path(QStringLiteral("cifar-missing"));
    QVERIFY(writeCifarSet(root, 1));
    QVERIFY(QFile::remove(root + QStringLiteral("/data_batch_3.bin")));
    const auto found = DatasetLocator::locate(QStringLiteral("cifar10"), root);
    QVERIFY(!found.ok());
    QVERIFY2(found.error().contains(QLatin1String("data_batch_3.bin")), qPrintable(found.error()));
    QVERIFY2(!found.error().contains(QLatin1String("data_batch_2.bin")), qPrintable(found.error()));
}

void TestDatasetLocator::realFashionMnist()
{
    const QString debian = QStringLiteral("/usr/share/datasets/fashion-mnist");
    if (!QFileInfo(debian).isDir())
        QSKIP("Debian's dataset-fashion-mnist is not installed");

    // init() pointed both variables at empty folders: the search must fall through to /usr/share.
    QElapsedTimer timer;
    timer.start();
    const auto data = DatasetLocator::load(QStringLiteral("fashion-mnist"));
    const qint64 ms = timer.elapsed();
    QVERIFY2(data.ok(), qPrintable(data.error()));
    qInfo("loaded Fashion-MNIST (train + test, gzip) in %lld ms", ms);

    QCOMPARE(data->directory, debian);
    for (const DatasetSplit *split : {&data->train, &data->test}) {
        QCOMPARE(split->channels, 1);
        QCOMPARE(split->height, 28);
        QCOMPARE(split->width, 28);
        QCOMPARE(split->pixels.size(), std::size_t(split->count) * 784);
        QCOMPARE(split->labels.size(), std::size_t(split->count));
        // Fashion-MNIST is balanced: every class has a tenth of each split.
        std::array<int, 10> perClass{};
        for (const std::uint8_t label : split->labels) {
            QVERIFY(label < 10);
            ++perClass[label];
        }
        for (const int n : perClass)
            QCOMPARE(n, split->count / 10);
    }
    QCOMPARE(data->train.count, 60000);
    QCOMPARE(data->test.count, 10000);
    // Real images, not zeros: the mean pixel of Fashion-MNIST is about 72.9.
    double sum = 0;
    for (const std::uint8_t p : data->train.pixels)
        sum += p;
    const double mean = sum / double(data->train.pixels.size());
    QVERIFY2(mean > 70 && mean < 76, qPrintable(QString::number(mean)));
}

void TestDatasetLocator::csvNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("csv");
    QTest::newRow("plain") << "column_3C.csv" << true;
    QTest::newRow("upper case") << "TABLE.CSV" << true;
    QTest::newRow("path") << "/data/tables/iris.Csv" << true;
    QTest::newRow("spaces") << " iris.csv " << true;
    QTest::newRow("image set") << "mnist" << false;
    QTest::newRow("csv inside") << "csv-data" << false;
    QTest::newRow("other suffix") << "table.tsv" << false;
}

void TestDatasetLocator::csvNames()
{
    QFETCH(QString, name);
    QFETCH(bool, csv);
    QCOMPARE(DatasetLocator::isCsvName(name), csv);
    if (csv) // a CSV name is accepted whether or not the file exists; it is not listed as a known set
        QVERIFY(DatasetLocator::isKnown(name));
    QCOMPARE(DatasetLocator::knownDatasets().size(), 4);
}

void TestDatasetLocator::loadCsvByPath()
{
    const QString folder = path(QStringLiteral("tables"));
    QVERIFY(QDir().mkpath(folder));
    const QString file = QDir(folder).filePath(QStringLiteral("column_3C.csv"));
    QVERIFY(writeFile(file, csvTable(20)));

    const auto found = DatasetLocator::locate(file);
    QVERIFY2(found.ok(), qPrintable(found.error()));
    QCOMPARE(*found, QFileInfo(file).absoluteFilePath());
    QCOMPARE(DatasetLocator::searchPaths(file), QStringList{QFileInfo(file).absolutePath()});

    const auto data = DatasetLocator::load(file);
    QVERIFY2(data.ok(), qPrintable(data.error()));
    QCOMPARE(data->name, QStringLiteral("column_3C.csv"));
    QCOMPARE(data->directory, QFileInfo(folder).absoluteFilePath());
    QCOMPARE(data->numClasses, 2);
    QCOMPARE(data->classNames, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(data->train.isTabular());
    QVERIFY(data->test.isTabular());
    QCOMPARE(data->train.channels, 2);
    QCOMPARE(data->train.height, 1);
    QCOMPARE(data->train.width, 1);
    QCOMPARE(data->train.count, 16);
    QCOMPARE(data->test.count, 4);
    QVERIFY(data->train.pixels.empty());

    // The CSV options reach the reader.
    CsvOptions options;
    options.testFraction = 0.5;
    const auto half = DatasetLocator::load(file, QString(), options);
    QVERIFY2(half.ok(), qPrintable(half.error()));
    QCOMPARE(half->test.count, 10);
}

void TestDatasetLocator::csvRelativePaths()
{
    const QString folder = path(QStringLiteral("relative/tables"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(writeFile(QDir(folder).filePath(QStringLiteral("iris.csv")), csvTable(10)));

    // Against dataDir when given...
    const auto inDataDir
        = DatasetLocator::load(QStringLiteral("tables/iris.csv"), path(QStringLiteral("relative")));
    QVERIFY2(inDataDir.ok(), qPrintable(inDataDir.error()));
    QCOMPARE(inDataDir->train.count + inDataDir->test.count, 10);
    QCOMPARE(inDataDir->directory, QFileInfo(folder).absoluteFilePath());

    // ... else against the current folder (and never through $QUANTBENCH_DATA).
    qputenv("QUANTBENCH_DATA", QFile::encodeName(path(QStringLiteral("relative"))));
    const QString saved = QDir::currentPath();
    QVERIFY(QDir::setCurrent(folder));
    const auto inCurrent = DatasetLocator::load(QStringLiteral("iris.csv"));
    const auto notViaEnv = DatasetLocator::load(QStringLiteral("tables/iris.csv"));
    QVERIFY(QDir::setCurrent(saved));
    QVERIFY2(inCurrent.ok(), qPrintable(inCurrent.error()));
    QCOMPARE(inCurrent->name, QStringLiteral("iris.csv"));
    QVERIFY(!notViaEnv.ok());
    QVERIFY2(
        notViaEnv.error().contains(QDir::toNativeSeparators(folder + QStringLiteral("/tables/iris.csv"))),
        qPrintable(notViaEnv.error()));
}

void TestDatasetLocator::csvMissing()
{
    const QString missing = path(QStringLiteral("nowhere/table.csv"));
    for (const bool load : {false, true}) {
        const QString error
            = load ? DatasetLocator::load(missing).error() : DatasetLocator::locate(missing).error();
        QVERIFY2(error.contains(QDir::toNativeSeparators(missing)), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("not found")), qPrintable(error));
    }
    // Relative to a data folder: the message names the resolved path.
    const auto relative = DatasetLocator::load(QStringLiteral("table.csv"), path(QStringLiteral("nowhere")));
    QVERIFY(!relative.ok());
    QVERIFY2(relative.error().contains(QDir::toNativeSeparators(missing)), qPrintable(relative.error()));
    // A bad file: the reader's error, naming the file and the line.
    const QString bad = path(QStringLiteral("bad.csv"));
    QVERIFY(writeFile(bad, "x,y,class\n1,2,a\n3,oops,b\n"));
    const auto badData = DatasetLocator::load(bad);
    QVERIFY(!badData.ok());
    QVERIFY2(badData.error().contains(QDir::toNativeSeparators(bad)), qPrintable(badData.error()));
    QVERIFY2(badData.error().contains(QLatin1String("line 3")), qPrintable(badData.error()));
}

QTEST_GUILESS_MAIN(TestDatasetLocator)
#include "tst_datasetlocator.moc"
