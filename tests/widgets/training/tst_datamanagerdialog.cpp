// DataManagerDialog: where datasets are found, importing a folder (verified, copied to the user's
// dataset folder on the locator's search path), and the buttons per dataset.
#include "trainingtestutil.h"

#include "data/datasetlocator.h"
#include "training/datamanagerdialog.h"

#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace qb;

namespace {
const QString kHome = qbtest::isolatedHome();
}

class TestDataManagerDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void userFolderIsOnTheSearchPath();
    void missingDatasetListsTheSearchedFolders();
    void brokenFolderIsRefusedNamingTheFile();
    void importCopiesIntoTheUserFolder();
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
    dialog.selectDataset(QStringLiteral("fashion-mnist"));
    QVERIFY(!download->isEnabled()); // not downloadable here: import only
    QVERIFY(import->isEnabled());
}

QTEST_MAIN(TestDataManagerDialog)
#include "tst_datamanagerdialog.moc"
