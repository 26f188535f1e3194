#include "data/datasetlocator.h"

#include "data/cifarreader.h"
#include "data/csvreader.h"
#include "data/idxreader.h"
#include "data/nmnistreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace qb {

namespace {

const QLatin1String kCifarSubfolder("cifar-10-batches-bin");

enum class Format { Idx, Cifar, Nmnist };

/// The files a folder must hold for one dataset, as found there, or what it lacks.
struct Probe
{
    QString folder;      ///< the folder the files are in (for CIFAR-10 maybe the subfolder)
    QStringList files;   ///< Idx: train images, train labels, test images, test labels;
                         ///< Cifar: data_batch_1..5, test_batch; Nmnist: the Train and Test folders
    QStringList missing; ///< names relative to the probed folder; empty when all are there
};

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString canonicalName(const QString &name)
{
    return name.trimmed().toLower();
}

Format formatOf(const QString &name)
{
    if (name == QLatin1String("cifar10"))
        return Format::Cifar;
    if (name == QLatin1String("nmnist"))
        return Format::Nmnist;
    return Format::Idx;
}

/// N-MNIST's split folders, named as in the published archives and in Tonic (case matters).
QStringList nmnistFolderNames() { return {QStringLiteral("Train"), QStringLiteral("Test")}; }

QStringList idxBaseNames()
{
    return {QStringLiteral("train-images-idx3-ubyte"), QStringLiteral("train-labels-idx1-ubyte"),
            QStringLiteral("t10k-images-idx3-ubyte"), QStringLiteral("t10k-labels-idx1-ubyte")};
}

QStringList cifarFileNames()
{
    QStringList names;
    for (int i = 1; i <= 5; ++i)
        names << QStringLiteral("data_batch_%1.bin").arg(i);
    names << QStringLiteral("test_batch.bin");
    return names;
}

QStringList classNamesOf(const QString &name)
{
    if (name == QLatin1String("fashion-mnist"))
        return {QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"), QStringLiteral("Pullover"),
                QStringLiteral("Dress"),       QStringLiteral("Coat"),    QStringLiteral("Sandal"),
                QStringLiteral("Shirt"),       QStringLiteral("Sneaker"), QStringLiteral("Bag"),
                QStringLiteral("Ankle boot")};
    if (name == QLatin1String("cifar10"))
        return {QStringLiteral("airplane"), QStringLiteral("automobile"), QStringLiteral("bird"),
                QStringLiteral("cat"),      QStringLiteral("deer"),       QStringLiteral("dog"),
                QStringLiteral("frog"),     QStringLiteral("horse"),      QStringLiteral("ship"),
                QStringLiteral("truck")};
    QStringList digits;
    for (int i = 0; i < 10; ++i)
        digits << QString::number(i);
    return digits;
}

bool isFile(const QDir &dir, const QString &fileName)
{
    return QFileInfo(dir.filePath(fileName)).isFile();
}

/// MNIST-style files in `folder`, each plain or .gz (plain wins when both are there).
Probe probeIdx(const QString &folder)
{
    Probe probe;
    probe.folder = folder;
    const QDir dir(folder);
    for (const QString &base : idxBaseNames()) {
        const QString gz = base + QLatin1String(".gz");
        if (isFile(dir, base))
            probe.files << dir.filePath(base);
        else if (isFile(dir, gz))
            probe.files << dir.filePath(gz);
        else
            probe.missing << base + QLatin1String("[.gz]");
    }
    return probe;
}

Probe probeCifarFolder(const QString &folder)
{
    Probe probe;
    probe.folder = folder;
    const QDir dir(folder);
    for (const QString &name : cifarFileNames()) {
        if (isFile(dir, name))
            probe.files << dir.filePath(name);
        else
            probe.missing << name;
    }
    return probe;
}

/// CIFAR-10 batches in `folder` or in its cifar-10-batches-bin/ subfolder (the layout of the official
/// archive). When neither is complete, the missing names are those of the closer one, relative to `folder`.
Probe probeCifar(const QString &folder)
{
    Probe top = probeCifarFolder(folder);
    if (top.missing.isEmpty())
        return top;
    const QString subPath = QDir(folder).filePath(kCifarSubfolder);
    if (!QFileInfo(subPath).isDir())
        return top;
    Probe sub = probeCifarFolder(subPath);
    if (sub.missing.isEmpty() || sub.missing.size() < top.missing.size()) {
        for (QString &name : sub.missing)
            name = kCifarSubfolder + QLatin1Char('/') + name;
        return sub;
    }
    return top;
}

/// N-MNIST: the Train/ and Test/ folders in `folder`. Only their presence is probed here; the digit
/// folders and files in them are checked when they are read (NmnistReader), with errors naming them.
Probe probeNmnist(const QString &folder)
{
    Probe probe;
    probe.folder = folder;
    const QDir dir(folder);
    for (const QString &name : nmnistFolderNames()) {
        if (QFileInfo(dir.filePath(name)).isDir())
            probe.files << dir.filePath(name);
        else
            probe.missing << name + QLatin1Char('/');
    }
    return probe;
}

Probe probe(const QString &name, const QString &folder)
{
    switch (formatOf(name)) {
    case Format::Cifar:
        return probeCifar(folder);
    case Format::Nmnist:
        return probeNmnist(folder);
    case Format::Idx:
        break;
    }
    return probeIdx(folder);
}

QString unknownDatasetError(const QString &name)
{
    return QCoreApplication::translate("qb::DatasetLocator",
                                       "unknown dataset '%1' (known: %2, or the path of a .csv file)")
        .arg(name, DatasetLocator::knownDatasets().join(QLatin1String(", ")));
}

/// The absolute, clean path of a CSV name: a relative one is resolved against dataDir when given, else
/// against the current folder.
QString csvPath(const QString &name, const QString &dataDir)
{
    const QString trimmed = name.trimmed();
    if (QDir::isAbsolutePath(trimmed) || dataDir.isEmpty())
        return QFileInfo(trimmed).absoluteFilePath();
    return QFileInfo(QDir(dataDir).filePath(trimmed)).absoluteFilePath();
}

/// The CSV file for `name`, or an error naming the path looked at.
Result<QString> findCsv(const QString &name, const QString &dataDir)
{
    const QString path = csvPath(name, dataDir);
    const QFileInfo info(path);
    if (info.isFile())
        return path;
    if (info.exists())
        return Result<QString>::failure(
            QCoreApplication::translate("qb::DatasetLocator", "dataset %1 is not a file")
                .arg(nativePath(path)));
    const QString base = dataDir.isEmpty()
                             ? QCoreApplication::translate("qb::DatasetLocator", "the current folder")
                             : QCoreApplication::translate("qb::DatasetLocator", "the data folder %1")
                                   .arg(nativePath(QDir::cleanPath(dataDir)));
    return Result<QString>::failure(
        QCoreApplication::translate("qb::DatasetLocator",
                                    "dataset file %1 not found (a name ending in .csv is the path of a CSV "
                                    "file; a relative one is resolved against %2)")
            .arg(nativePath(path), base));
}

/// How to make the dataset available, for the end of a "not found" message.
QString howToAdd(const QString &name)
{
    QString text;
    if (formatOf(name) == Format::Nmnist)
        text = QCoreApplication::translate("qb::DatasetLocator",
            "Extract N-MNIST's train.zip and test.zip (they hold the folders Train/ and Test/, each with "
            "digit folders 0 to 9 of .bin files) into $QUANTBENCH_DATA/%1 or pass --data-dir with the "
            "folder that holds Train/ and Test/.")
                   .arg(name);
    else if (formatOf(name) == Format::Cifar)
        text =
            QCoreApplication::translate("qb::DatasetLocator",
                                        "Copy data_batch_1.bin ... data_batch_5.bin and test_batch.bin (from "
                                        "the CIFAR-10 binary version, cifar-10-binary.tar.gz) into "
                                        "$QUANTBENCH_DATA/%1 or pass --data-dir with the folder that holds "
                                        "them.")
                .arg(name);
    else
        text = QCoreApplication::translate(
                   "qb::DatasetLocator", "Copy the four IDX files (train-images-idx3-ubyte, "
                                         "train-labels-idx1-ubyte, t10k-images-idx3-ubyte, "
                                         "t10k-labels-idx1-ubyte, plain or .gz) into $QUANTBENCH_DATA/%1 or "
                                         "pass --data-dir with the folder that holds them.")
                   .arg(name);
    if (name == QLatin1String("fashion-mnist"))
        text += QLatin1Char(' ')
                + QCoreApplication::translate("qb::DatasetLocator",
                                              "On Debian, the dataset-fashion-mnist package installs it in "
                                              "/usr/share/datasets/fashion-mnist.");
    return text;
}

/// The folder holding `name` (already canonical and known) with its files, or an error.
Result<Probe> findProbe(const QString &name, const QString &dataDir)
{
    if (!dataDir.isEmpty()) {
        const QString folder = QDir::cleanPath(dataDir);
        if (!QFileInfo(folder).isDir())
            return Result<Probe>::failure(
                QCoreApplication::translate("qb::DatasetLocator",
                                            "data folder %1 for %2 does not exist or is not a folder")
                    .arg(nativePath(folder), name));
        Probe found = probe(name, folder);
        if (found.missing.isEmpty())
            return found;
        return Result<Probe>::failure(
            QCoreApplication::translate("qb::DatasetLocator",
                                        "data folder %1 does not hold the %2 files; missing: %3")
                .arg(nativePath(folder), name, found.missing.join(QLatin1String(", "))));
    }

    QStringList looked;
    for (const QString &folder : DatasetLocator::searchPaths(name)) {
        if (!QFileInfo(folder).isDir()) {
            looked << QCoreApplication::translate("qb::DatasetLocator", "  %1 (no such folder)")
                          .arg(nativePath(folder));
            continue;
        }
        Probe found = probe(name, folder);
        if (found.missing.isEmpty())
            return found;
        looked << QCoreApplication::translate("qb::DatasetLocator", "  %1 (missing: %2)")
                      .arg(nativePath(folder), found.missing.join(QLatin1String(", ")));
    }
    return Result<Probe>::failure(
        QCoreApplication::translate("qb::DatasetLocator", "dataset %1 not found. Looked in:\n%2\n%3")
            .arg(name, looked.join(QLatin1Char('\n')), howToAdd(name)));
}

/// Train and test must have the same image shape, or the network built for one cannot run on the other.
QString checkSameShape(const QString &name, const DatasetSplit &train, const DatasetSplit &test)
{
    if (train.channels == test.channels && train.height == test.height && train.width == test.width)
        return QString();
    return QCoreApplication::translate("qb::DatasetLocator",
                                       "%1: train images are %2x%3x%4 but test images are %5x%6x%7")
        .arg(name)
        .arg(train.channels)
        .arg(train.height)
        .arg(train.width)
        .arg(test.channels)
        .arg(test.height)
        .arg(test.width);
}

} // namespace

QStringList DatasetLocator::knownDatasets()
{
    return {QStringLiteral("mnist"), QStringLiteral("fashion-mnist"), QStringLiteral("cifar10"),
        QStringLiteral("nmnist")};
}

bool DatasetLocator::isKnown(const QString &name)
{
    return isCsvName(name) || knownDatasets().contains(canonicalName(name));
}

bool DatasetLocator::isCsvName(const QString &name)
{
    return name.trimmed().endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
}

QStringList DatasetLocator::searchPaths(const QString &name, const QString &dataDir)
{
    if (isCsvName(name))
        return {QFileInfo(csvPath(name, dataDir)).absolutePath()};
    if (!dataDir.isEmpty())
        return {QDir::cleanPath(dataDir)};

    const QString n = canonicalName(name);
    QStringList paths;
    const QString dataRoot = qEnvironmentVariable("QUANTBENCH_DATA");
    if (!dataRoot.isEmpty())
        paths << QDir::cleanPath(dataRoot + QLatin1Char('/') + n);

    // Without XDG_DATA_HOME, the generic data folder (~/.local/share on Linux) is what XDG would give.
    QString userData = qEnvironmentVariable("XDG_DATA_HOME");
    if (userData.isEmpty())
        userData = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (!userData.isEmpty())
        paths << QDir::cleanPath(userData + QLatin1String("/quantbench/datasets/") + n);

    paths << QStringLiteral("/usr/share/datasets/") + n;
    paths.removeDuplicates();
    return paths;
}

Result<QString> DatasetLocator::locate(const QString &name, const QString &dataDir)
{
    if (isCsvName(name))
        return findCsv(name, dataDir);
    const QString n = canonicalName(name);
    if (!isKnown(n))
        return Result<QString>::failure(unknownDatasetError(name));
    auto found = findProbe(n, dataDir);
    if (!found)
        return Result<QString>::failure(found.error());
    return found->folder;
}

Result<Dataset> DatasetLocator::load(const QString &name, const QString &dataDir, const CsvOptions &csv)
{
    using R = Result<Dataset>;
    if (isCsvName(name)) {
        auto path = findCsv(name, dataDir);
        if (!path)
            return R::failure(path.error());
        return CsvReader::read(*path, csv);
    }
    const QString n = canonicalName(name);
    if (!isKnown(n))
        return R::failure(unknownDatasetError(name));
    auto found = findProbe(n, dataDir);
    if (!found)
        return R::failure(found.error());

    Dataset dataset;
    dataset.name = n;
    dataset.directory = found->folder;
    dataset.numClasses = 10;
    dataset.classNames = classNamesOf(n);

    const QStringList &files = found->files;
    if (formatOf(n) == Format::Nmnist) {
        auto train = NmnistReader::readSplit(files.at(0));
        if (!train)
            return R::failure(train.error());
        auto test = NmnistReader::readSplit(files.at(1));
        if (!test)
            return R::failure(test.error());
        dataset.train = std::move(*train);
        dataset.test = std::move(*test);
    } else if (formatOf(n) == Format::Cifar) {
        auto train = CifarReader::readBatches(files.mid(0, 5));
        if (!train)
            return R::failure(train.error());
        auto test = CifarReader::readBatch(files.at(5));
        if (!test)
            return R::failure(test.error());
        dataset.train = std::move(*train);
        dataset.test = std::move(*test);
    } else {
        auto train = IdxReader::readSplit(files.at(0), files.at(1), dataset.numClasses);
        if (!train)
            return R::failure(train.error());
        auto test = IdxReader::readSplit(files.at(2), files.at(3), dataset.numClasses);
        if (!test)
            return R::failure(test.error());
        dataset.train = std::move(*train);
        dataset.test = std::move(*test);
    }
    const QString shapeError = checkSameShape(n, dataset.train, dataset.test);
    if (!shapeError.isEmpty())
        return R::failure(shapeError);
    return dataset;
}

} // namespace qb
