// DataManagerDialog: where datasets are found, importing a folder (verified, copied to the user's
// dataset folder on the locator's search path), and the buttons per dataset.
#include "trainingtestutil.h"

#include "data/datasetlocator.h"
#include "training/datamanagerdialog.h"

#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

#include <zip.h>

using namespace qb;

namespace {
const QString kHome = qbtest::isolatedHome();

/// One N-MNIST event: x, y, polarity bit 7 with time bits 22..16, time bits 15..0.
QByteArray nmnistEvent(int x, int y, int polarity, int t)
{
    const char bytes[5] = {
        char(x), char(y), char((polarity << 7) | ((t >> 16) & 0x7f)), char((t >> 8) & 0xff), char(t & 0xff)};
    return QByteArray(bytes, 5);
}

/// N-MNIST's layout under `root`: <split>/<digit>/00001.bin ... (`perDigit` files a digit, 3 events each),
/// as {relative path, bytes}.
QList<QPair<QString, QByteArray>> nmnistFiles(const QString &split, int perDigit)
{
    QList<QPair<QString, QByteArray>> files;
    for (int d = 0; d < 10; ++d) {
        for (int j = 0; j < perDigit; ++j)
            files.append(
                {QStringLiteral("%1/%2/%3.bin").arg(split).arg(d).arg(j + 1, 5, 10, QLatin1Char('0')),
                    nmnistEvent(d, j, 1, 10) + nmnistEvent(d + 1, j, 0, 20) + nmnistEvent(d, j + 1, 1, 30)});
    }
    return files;
}

bool writeNmnistTree(const QString &root, const QString &split, int perDigit)
{
    for (const auto &[relative, bytes] : nmnistFiles(split, perDigit)) {
        const QString path = root + QLatin1Char('/') + relative;
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return false;
    }
    return true;
}

/// A zip of those files, as N-MNIST's archives hold them (the split folder at the top).
bool writeNmnistZip(const QString &path, const QList<QPair<QString, QByteArray>> &files)
{
    int error = 0;
    zip_t *zip = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!zip)
        return false;
    for (const auto &[name, bytes] : files) {
        zip_source_t *s = zip_source_buffer(zip, bytes.constData(), zip_uint64_t(bytes.size()), 0);
        if (!s || zip_file_add(zip, name.toUtf8().constData(), s, ZIP_FL_ENC_UTF_8) < 0) {
            if (s)
                zip_source_free(s);
            zip_discard(zip);
            return false;
        }
    }
    return zip_close(zip) == 0; // reads the buffers, which `files` keeps alive until here
}
} // namespace

class TestDataManagerDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void userFolderIsOnTheSearchPath();
    void missingDatasetListsTheSearchedFolders();
    void brokenFolderIsRefusedNamingTheFile();
    void importCopiesIntoTheUserFolder();
    void importsNmnistFolders();
    void unpacksNmnistArchives();
    void dialogListsDatasetsAndOffersDownloads();
};

void TestDataManagerDialog::userFolderIsOnTheSearchPath()
{
    const QString folder = DataManagerDialog::userDatasetFolder(QStringLiteral("mnist"));
    QCOMPARE(folder, QDir::cleanPath(kHome + QStringLiteral("/data/quantbench/datasets/mnist")));
    QVERIFY(DatasetLocator::searchPaths(QStringLiteral("mnist")).contains(folder));
}

void TestDataManagerDialog::missingDatasetListsTheSearchedFolders()
{
    const QString text = DataManagerDialog::statusText(QStringLiteral("cifar10"));
    QVERIFY2(text.startsWith(QStringLiteral("not found (searched: ")), qPrintable(text));
    QVERIFY2(text.contains(
                 QDir::toNativeSeparators(DataManagerDialog::userDatasetFolder(QStringLiteral("cifar10")))),
        qPrintable(text));
}

void TestDataManagerDialog::brokenFolderIsRefusedNamingTheFile()
{
    QTemporaryDir source;
    QVERIFY(qbtest::writeQuadrantMnist(source.path(), 50, 20));
    const QString labels = source.filePath(QStringLiteral("t10k-labels-idx1-ubyte"));
    QVERIFY(QFile::resize(labels, 20)); // truncated
    auto result = DataManagerDialog::importDataset(QStringLiteral("mnist"), source.path());
    QVERIFY(!result.ok());
    QVERIFY2(result.error().contains(QStringLiteral("t10k-labels-idx1-ubyte")), qPrintable(result.error()));
    QVERIFY(!QFile::exists(DataManagerDialog::userDatasetFolder(QStringLiteral("mnist"))
        + QStringLiteral("/train-images-idx3-ubyte")));
}

void TestDataManagerDialog::importCopiesIntoTheUserFolder()
{
    QTemporaryDir source;
    QVERIFY(qbtest::writeQuadrantMnist(source.path(), 50, 20));
    QVERIFY(!DatasetLocator::locate(QStringLiteral("mnist")).ok());
    auto result = DataManagerDialog::importDataset(QStringLiteral("mnist"), source.path());
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(*result, DataManagerDialog::userDatasetFolder(QStringLiteral("mnist")));
    for (const char *name : {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
             "t10k-labels-idx1-ubyte"})
        QVERIFY(QFile::exists(*result + QLatin1Char('/') + QLatin1String(name)));

    // Found by name from now on, and loadable.
    auto located = DatasetLocator::locate(QStringLiteral("mnist"));
    QVERIFY2(located.ok(), qPrintable(located.error()));
    QCOMPARE(*located, *result);
    auto loaded = DatasetLocator::load(QStringLiteral("mnist"));
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(loaded->train.count, 50);
    QCOMPARE(DataManagerDialog::statusText(QStringLiteral("mnist")),
        QStringLiteral("found in %1").arg(QDir::toNativeSeparators(*result)));

    // Importing again (the files are replaced) works too.
    QVERIFY(DataManagerDialog::importDataset(QStringLiteral("mnist"), source.path()).ok());
}

void TestDataManagerDialog::importsNmnistFolders()
{
    const QString name = QStringLiteral("nmnist");
    QTemporaryDir source;
    QVERIFY(writeNmnistTree(source.path(), QStringLiteral("Train"), 2));
    QVERIFY(writeNmnistTree(source.path(), QStringLiteral("Test"), 1));

    // A damaged file is refused, naming it, and nothing is copied.
    const QString bad = source.filePath(QStringLiteral("Test/4/00001.bin"));
    QVERIFY(QFile::resize(bad, 7));
    auto result = DataManagerDialog::importDataset(name, source.path());
    QVERIFY(!result.ok());
    QVERIFY2(result.error().contains(QDir::toNativeSeparators(bad)), qPrintable(result.error()));
    QVERIFY(!QFileInfo::exists(DataManagerDialog::userDatasetFolder(name) + QStringLiteral("/Train")));

    QVERIFY(writeNmnistTree(source.path(), QStringLiteral("Test"), 1));
    result = DataManagerDialog::importDataset(name, source.path());
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(*result, DataManagerDialog::userDatasetFolder(name));
    QVERIFY(QFileInfo::exists(*result + QStringLiteral("/Train/9/00002.bin")));
    QVERIFY(QFileInfo::exists(*result + QStringLiteral("/Test/0/00001.bin")));
    QCOMPARE(QDir(*result).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
        (QStringList{QStringLiteral("Test"), QStringLiteral("Train")})); // no staging folders left
    auto loaded = DatasetLocator::load(name);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(loaded->train.count, 20);
    QCOMPARE(loaded->test.count, 10);
    QCOMPARE(loaded->directory, *result);

    // Importing again replaces the splits (a file only the old copy had goes).
    QVERIFY(QFile::copy(
        *result + QStringLiteral("/Train/9/00002.bin"), *result + QStringLiteral("/Train/9/stale.bin")));
    QVERIFY(DataManagerDialog::importDataset(name, source.path()).ok());
    QVERIFY(!QFileInfo::exists(*result + QStringLiteral("/Train/9/stale.bin")));
    QVERIFY(QDir(*result).removeRecursively());
}

void TestDataManagerDialog::unpacksNmnistArchives()
{
    const QString folder = DataManagerDialog::userDatasetFolder(QStringLiteral("nmnist"));
    QVERIFY(QDir().mkpath(folder));
    const auto train = nmnistFiles(QStringLiteral("Train"), 3);
    const auto test = nmnistFiles(QStringLiteral("Test"), 1);
    QVERIFY(writeNmnistZip(folder + QStringLiteral("/train.zip"), train));
    QVERIFY(writeNmnistZip(folder + QStringLiteral("/test.zip"), test));

    std::atomic_bool cancel{false};
    QList<int> seen;
    auto result = DataManagerDialog::unpackNmnist(folder, &cancel, [&](int permille) { seen << permille; });
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(*result, folder);
    QVERIFY(!seen.isEmpty());
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    QCOMPARE(seen.last(), 1000);
    QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/train.zip"))); // deleted once unpacked
    QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/test.zip")));
    auto loaded = DatasetLocator::load(QStringLiteral("nmnist"));
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(loaded->train.count, 30);
    QCOMPARE(loaded->test.count, 10);
    QCOMPARE(DataManagerDialog::statusText(QStringLiteral("nmnist")),
        QStringLiteral("found in %1").arg(QDir::toNativeSeparators(folder)));

    // Run again with the archives gone: the unpacked folders are kept.
    QVERIFY(DataManagerDialog::unpackNmnist(folder).ok());

    // An archive without the Test/ folder is refused, saying what it held and what to do instead.
    QList<QPair<QString, QByteArray>> wrong;
    for (const auto &[name, bytes] : test)
        wrong.append({QStringLiteral("NMNIST/") + name, bytes});
    QVERIFY(QDir(folder + QStringLiteral("/Test")).removeRecursively());
    QVERIFY(writeNmnistZip(folder + QStringLiteral("/test.zip"), wrong));
    result = DataManagerDialog::unpackNmnist(folder);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().contains(QStringLiteral("test.zip")), qPrintable(result.error()));
    QVERIFY2(result.error().contains(QStringLiteral("it held: NMNIST")), qPrintable(result.error()));
    QVERIFY2(result.error().contains(QStringLiteral("Import folder")), qPrintable(result.error()));

    // Cancelled: stops with a message, and a Test/ folder does not appear.
    QVERIFY(QDir(folder + QStringLiteral("/NMNIST")).removeRecursively());
    QVERIFY(writeNmnistZip(folder + QStringLiteral("/test.zip"), test));
    cancel = true;
    result = DataManagerDialog::unpackNmnist(folder, &cancel);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().contains(QStringLiteral("stopped")), qPrintable(result.error()));
    QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/Test")));
    QVERIFY(QDir(folder).removeRecursively());
}

void TestDataManagerDialog::dialogListsDatasetsAndOffersDownloads()
{
    DataManagerDialog dialog;
    auto *table = dialog.findChild<QTreeWidget *>(QStringLiteral("datasetTable"));
    QVERIFY(table);
    QCOMPARE(table->topLevelItemCount(), DatasetLocator::knownDatasets().size());
    for (int i = 0; i < table->topLevelItemCount(); ++i) {
        const QString name = table->topLevelItem(i)->text(0);
        QCOMPARE(table->topLevelItem(i)->text(1), DataManagerDialog::statusText(name));
    }
    auto *download = dialog.findChild<QPushButton *>(QStringLiteral("downloadButton"));
    auto *import = dialog.findChild<QPushButton *>(QStringLiteral("importButton"));
    QVERIFY(download && import);
    dialog.selectDataset(QStringLiteral("cifar10"));
    QCOMPARE(dialog.selectedDataset(), QStringLiteral("cifar10"));
    QVERIFY(download->isEnabled());
    dialog.selectDataset(QStringLiteral("nmnist"));
    QCOMPARE(dialog.selectedDataset(), QStringLiteral("nmnist"));
    QVERIFY(download->isEnabled());
    dialog.selectDataset(QStringLiteral("fashion-mnist"));
    QVERIFY(!download->isEnabled()); // not downloadable here: import only
    QVERIFY(import->isEnabled());
}

QTEST_MAIN(TestDataManagerDialog)
#include "tst_datamanagerdialog.moc"
