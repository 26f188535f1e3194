#include "training/datamanagerdialog.h"

#include "data/datasetlocator.h"
#include "data/nmnistreader.h"
#include "training/datasetdownloader.h"
#include "util/zipextractor.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <iterator>

namespace qb {

namespace {

const QLatin1String kCifarArchive("cifar-10-binary.tar.gz");
const QLatin1String kCifarSubfolder("cifar-10-batches-bin");
const QLatin1String kNmnist("nmnist");

/// N-MNIST's archives and the split folder each holds (as published and in Tonic).
struct NmnistArchive
{
    QLatin1String archive;
    QLatin1String split;
};
const NmnistArchive kNmnistArchives[] = {
    {QLatin1String("train.zip"), QLatin1String("Train")}, {QLatin1String("test.zip"), QLatin1String("Test")}};

QString native(const QString &path) { return QDir::toNativeSeparators(path); }

/// Every file name the locator may use for `name` (to clear stale copies before an import).
QStringList candidateNames(const QString &name)
{
    QStringList names;
    if (name == QLatin1String("cifar10")) {
        for (int i = 1; i <= 5; ++i)
            names << QStringLiteral("data_batch_%1.bin").arg(i);
        names << QStringLiteral("test_batch.bin");
        return names;
    }
    for (const char *base : {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
             "t10k-labels-idx1-ubyte"})
        names << QLatin1String(base) << QLatin1String(base) + QLatin1String(".gz");
    return names;
}

/// The files of dataset `name` in `folder` (the folder the locator returned), as the locator reads them.
QStringList datasetFiles(const QString &name, const QString &folder)
{
    const QDir dir(folder);
    QStringList files;
    const QStringList names = candidateNames(name);
    if (name == QLatin1String("cifar10")) {
        for (const QString &n : names)
            files << dir.filePath(n);
        return files;
    }
    for (int i = 0; i < names.size(); i += 2) // plain wins over .gz, as in the locator
        files << (QFileInfo(dir.filePath(names[i])).isFile() ? dir.filePath(names[i])
                                                             : dir.filePath(names[i + 1]));
    return files;
}

/// Checks every file of N-MNIST's splits in `folder` (the one holding Train/ and Test/) by reading it,
/// one file at a time: loading the whole set would hold gigabytes of events just to check them.
Status checkNmnist(const QString &folder)
{
    for (const NmnistArchive &a : kNmnistArchives) {
        const auto files = NmnistReader::listSplit(QDir(folder).filePath(a.split));
        if (!files)
            return Status::failure(files.error());
        for (const QString &path : files->paths) {
            const auto events = NmnistReader::readFile(path);
            if (!events)
                return Status::failure(events.error());
        }
    }
    return Status();
}

/// Copies the folder tree `source` to `destination` (which must not exist yet).
Status copyTree(const QString &source, const QString &destination)
{
    if (!QDir().mkpath(destination))
        return Status::failure(
            QCoreApplication::translate("qb::DataManagerDialog", "Could not create the folder %1.")
                .arg(native(destination)));
    const QDir from(source);
    QDirIterator it(
        source, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = QDir(destination).filePath(from.relativeFilePath(path));
        if (it.fileInfo().isDir()) {
            if (!QDir().mkpath(target))
                return Status::failure(
                    QCoreApplication::translate("qb::DataManagerDialog", "Could not create the folder %1.")
                        .arg(native(target)));
            continue;
        }
        QFile in(path);
        if (!in.copy(target))
            return Status::failure(
                QCoreApplication::translate("qb::DataManagerDialog", "Could not copy %1 to %2: %3")
                    .arg(native(path), native(target), in.errorString()));
    }
    return Status();
}

/// Copies N-MNIST's Train/ and Test/ from `source` into `target`, each through a hidden staging folder
/// so that a failed copy leaves the split that was there before.
Status copyNmnist(const QString &source, const QString &target)
{
    const QDir targetDir(target);
    for (const NmnistArchive &a : kNmnistArchives) {
        const QString staging = targetDir.filePath(QStringLiteral(".importing-") + a.split);
        QDir(staging).removeRecursively();
        const Status copied = copyTree(QDir(source).filePath(a.split), staging);
        if (!copied) {
            QDir(staging).removeRecursively();
            return copied;
        }
        const QString final = targetDir.filePath(a.split);
        QDir(final).removeRecursively();
        if (!QDir().rename(staging, final))
            return Status::failure(
                QCoreApplication::translate("qb::DataManagerDialog", "Could not move %1 to %2.")
                    .arg(native(staging), native(final)));
    }
    return Status();
}

} // namespace

DataManagerDialog::DataManagerDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Datasets"));
    setObjectName(QStringLiteral("dataManagerDialog"));
    auto *layout = new QVBoxLayout(this);

    m_table = new QTreeWidget(this);
    m_table->setObjectName(QStringLiteral("datasetTable"));
    m_table->setHeaderLabels({tr("Dataset"), tr("Status")});
    m_table->setRootIsDecorated(false);
    m_table->setWordWrap(true);
    m_table->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->header()->setStretchLastSection(true);
    for (const QString &name : DatasetLocator::knownDatasets()) {
        auto *item = new QTreeWidgetItem(m_table, {name, QString()});
        item->setData(0, Qt::UserRole, name);
    }
    layout->addWidget(m_table, 1);

    auto *buttons = new QHBoxLayout;
    m_importButton = new QPushButton(tr("Import folder…"), this);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setToolTip(tr("Check a folder that holds the dataset's files and copy them into %1")
                                   .arg(native(userDatasetFolder(QStringLiteral("NAME")))));
    m_downloadButton = new QPushButton(tr("Download"), this);
    m_downloadButton->setObjectName(QStringLiteral("downloadButton"));
    m_cancelButton = new QPushButton(tr("Stop download"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelDownloadButton"));
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    buttons->addWidget(m_importButton);
    buttons->addWidget(m_downloadButton);
    buttons->addWidget(m_cancelButton);
    buttons->addStretch(1);
    buttons->addWidget(refreshButton);
    layout->addLayout(buttons);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("downloadProgress"));
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);

    connect(m_importButton, &QPushButton::clicked, this, &DataManagerDialog::importFolder);
    connect(m_downloadButton, &QPushButton::clicked, this, &DataManagerDialog::download);
    connect(m_cancelButton, &QPushButton::clicked, this, &DataManagerDialog::cancelDownload);
    connect(refreshButton, &QPushButton::clicked, this, &DataManagerDialog::refresh);
    connect(m_table, &QTreeWidget::currentItemChanged, this, &DataManagerDialog::updateButtons);

    // N-MNIST's archives are unpacked on a worker thread; the timer shows its progress.
    m_unpackTimer = new QTimer(this);
    m_unpackTimer->setInterval(100);
    connect(m_unpackTimer, &QTimer::timeout, this, [this] {
        m_progress->setRange(0, 1000);
        m_progress->setValue(m_unpackPermille.load());
        m_progress->setFormat(QStringLiteral("%p%"));
    });
    connect(&m_unpack, &QFutureWatcher<Result<QString>>::finished, this, [this] {
        m_unpackTimer->stop();
        const Result<QString> result = m_unpack.result();
        m_progress->setVisible(false);
        setBusy(false);
        if (!result) {
            showMessage(result.error(), true);
            refresh();
            return;
        }
        showMessage(tr("nmnist is ready in %1.").arg(native(*result)), false);
        refresh();
        Q_EMIT datasetsChanged();
    });

    m_table->setCurrentItem(m_table->topLevelItem(0));
    resize(720, 320);
    refresh();
}

DataManagerDialog::~DataManagerDialog()
{
    if (m_unpack.isRunning()) {
        // The worker writes into members of this dialog: stop it and wait (it checks every ~1 MiB).
        m_unpack.disconnect(this);
        m_unpackCancel = true;
        m_unpack.waitForFinished();
    }
    if (m_extract) {
        m_extract->kill();
        m_extract->waitForFinished(2000);
    }
}

QString DataManagerDialog::userDatasetFolder(const QString &name)
{
    // The locator's own search path decides: the entry under .../quantbench/datasets/.
    const QString suffix = QStringLiteral("/quantbench/datasets/") + name;
    for (const QString &path : DatasetLocator::searchPaths(name)) {
        if (QDir::fromNativeSeparators(path).endsWith(suffix))
            return path;
    }
    return QDir::cleanPath(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + suffix);
}

QString DataManagerDialog::statusText(const QString &name)
{
    auto found = DatasetLocator::locate(name);
    if (found)
        return QCoreApplication::translate("qb::DataManagerDialog", "found in %1").arg(native(*found));
    QStringList searched;
    for (const QString &path : DatasetLocator::searchPaths(name))
        searched << native(path);
    return QCoreApplication::translate("qb::DataManagerDialog", "not found (searched: %1)")
        .arg(searched.join(QStringLiteral(", ")));
}

bool DataManagerDialog::canDownload(const QString &name)
{
    return !DatasetDownloader::itemsFor(name).isEmpty();
}

Result<QString> DataManagerDialog::unpackNmnist(
    const QString &folder, const std::atomic_bool *cancel, const std::function<void(int permille)> &progress)
{
    using R = Result<QString>;
    const QDir dir(folder);
    const int parts = int(std::size(kNmnistArchives));
    for (int i = 0; i < parts; ++i) {
        const NmnistArchive &a = kNmnistArchives[i];
        const QString archive = dir.filePath(a.archive);
        if (!QFileInfo(archive).isFile()) {
            if (QFileInfo(dir.filePath(a.split)).isDir())
                continue; // unpacked by an earlier run, which deleted the archive
            return R::failure(
                QCoreApplication::translate("qb::DataManagerDialog", "%1 is missing; download again.")
                    .arg(native(archive)));
        }
        const auto unpacked = ZipExtractor::extract(archive, folder, cancel, [&](qint64 done, qint64 total) {
            if (progress)
                progress(int((i * 1000 + (total > 0 ? 1000 * done / total : 0)) / parts));
        });
        if (!unpacked)
            return R::failure(unpacked.error());
        if (!QFileInfo(dir.filePath(a.split)).isDir())
            return R::failure(QCoreApplication::translate("qb::DataManagerDialog",
                "%1 did not hold the %2/ folder N-MNIST's archive has (it held: %3). Extract it yourself "
                "and use \"Import folder…\" with the folder that holds Train/ and Test/.")
                                  .arg(native(archive), a.split, unpacked->join(QStringLiteral(", "))));
        QFile::remove(archive);
    }
    auto located = DatasetLocator::locate(kNmnist, folder);
    if (!located)
        return R::failure(located.error());
    return *located;
}

Result<QString> DataManagerDialog::importDataset(const QString &name, const QString &folder)
{
    using R = Result<QString>;
    if (name == kNmnist) {
        // Checked file by file (see checkNmnist), then copied folder by folder.
        auto located = DatasetLocator::locate(name, folder);
        if (!located)
            return R::failure(located.error());
        const Status checked = checkNmnist(*located);
        if (!checked)
            return R::failure(checked.error());
        const QString target = userDatasetFolder(name);
        if (QFileInfo(*located).canonicalFilePath() == QFileInfo(target).canonicalFilePath())
            return target;
        if (!QDir().mkpath(target))
            return R::failure(
                QCoreApplication::translate("qb::DataManagerDialog", "Could not create the folder %1.")
                    .arg(native(target)));
        const Status copied = copyNmnist(*located, target);
        if (!copied)
            return R::failure(copied.error());
        return target;
    }
    // Loading reads and checks every file (magic numbers, sizes, counts); its errors name the file.
    auto loaded = DatasetLocator::load(name, folder);
    if (!loaded)
        return R::failure(loaded.error());
    const QString source = loaded->directory;
    const QString target = userDatasetFolder(name);
    if (QFileInfo(source).canonicalFilePath() == QFileInfo(target).canonicalFilePath())
        return target; // already in place
    if (!QDir().mkpath(target))
        return R::failure(
            QCoreApplication::translate("qb::DataManagerDialog", "Could not create the folder %1.")
                .arg(native(target)));
    // Clear older copies first, so a stale plain file cannot shadow the new .gz (the locator prefers plain).
    const QDir targetDir(target);
    for (const QString &n : candidateNames(name)) {
        QFile::remove(targetDir.filePath(n));
        QFile::remove(targetDir.filePath(kCifarSubfolder + QLatin1Char('/') + n));
    }
    for (const QString &file : datasetFiles(name, source)) {
        const QString destination = targetDir.filePath(QFileInfo(file).fileName());
        QFile in(file);
        if (!in.copy(destination))
            return R::failure(
                QCoreApplication::translate("qb::DataManagerDialog", "Could not copy %1 to %2: %3")
                    .arg(native(file), native(destination), in.errorString()));
    }
    return target;
}

QString DataManagerDialog::selectedDataset() const
{
    const QTreeWidgetItem *item = m_table->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void DataManagerDialog::selectDataset(const QString &name)
{
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        if (m_table->topLevelItem(i)->data(0, Qt::UserRole).toString() == name)
            m_table->setCurrentItem(m_table->topLevelItem(i));
    }
}

void DataManagerDialog::refresh()
{
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_table->topLevelItem(i);
        const QString name = item->data(0, Qt::UserRole).toString();
        const bool found = DatasetLocator::locate(name).ok();
        item->setText(1, statusText(name));
        item->setToolTip(1, item->text(1));
        item->setForeground(1, found ? palette().text() : QBrush(QColor(180, 60, 40)));
    }
    updateButtons();
}

void DataManagerDialog::updateButtons()
{
    const QString name = selectedDataset();
    m_importButton->setEnabled(!m_busy && !name.isEmpty());
    m_downloadButton->setEnabled(!m_busy && canDownload(name));
    m_downloadButton->setToolTip(canDownload(name)
            ? tr("Download %1 into %2").arg(name, native(userDatasetFolder(name)))
            : tr("Only MNIST, CIFAR-10 and N-MNIST can be downloaded here; "
                 "import the files from a folder instead."));
    m_cancelButton->setVisible((m_downloader && m_downloader->isRunning()) || m_unpack.isRunning());
}

void DataManagerDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_table->setEnabled(!busy);
    updateButtons();
}

void DataManagerDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b42828;") : QString());
}

void DataManagerDialog::importFolder()
{
    const QString name = selectedDataset();
    if (name.isEmpty())
        return;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder with the %1 files").arg(name));
    if (folder.isEmpty())
        return;
    showMessage(tr("Checking %1…").arg(native(folder)), false);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<QString> result = importDataset(name, folder);
    QApplication::restoreOverrideCursor();
    if (!result) {
        showMessage(result.error(), true);
        return;
    }
    showMessage(tr("%1 imported into %2.").arg(name, native(*result)), false);
    refresh();
    Q_EMIT datasetsChanged();
}

void DataManagerDialog::download()
{
    const QString name = selectedDataset();
    if (!canDownload(name) || m_busy)
        return;
    delete m_downloader;
    m_downloader = new DatasetDownloader(DatasetDownloader::itemsFor(name), userDatasetFolder(name), this);
    connect(m_downloader, &DatasetDownloader::fileStarted, this,
        [this](int index, int count, const QString &file) {
            showMessage(tr("Downloading %1 (%2 of %3)…").arg(file).arg(index + 1).arg(count), false);
            m_progress->setRange(0, 0);
        });
    connect(m_downloader, &DatasetDownloader::progress, this, [this](qint64 received, qint64 total) {
        if (total > 0) {
            m_progress->setRange(0, 1000);
            m_progress->setValue(int(1000.0 * double(received) / double(total)));
            m_progress->setFormat(
                tr("%1 of %2").arg(locale().formattedDataSize(received), locale().formattedDataSize(total)));
        }
    });
    connect(m_downloader, &DatasetDownloader::finished, this, [this, name] { onDownloadFinished(name); });
    connect(m_downloader, &DatasetDownloader::failed, this, [this](const QString &message) {
        m_progress->setVisible(false);
        setBusy(false);
        showMessage(message, true);
    });
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    setBusy(true);
    m_downloader->start();
    updateButtons();
}

void DataManagerDialog::cancelDownload()
{
    if (m_unpack.isRunning())
        m_unpackCancel = true; // the worker stops within ~1 MiB and reports "stopped"
    else if (m_downloader)
        m_downloader->abort();
}

void DataManagerDialog::onDownloadFinished(const QString &name)
{
    const QString folder = userDatasetFolder(name);
    if (name == QLatin1String("cifar10")) {
        extractCifar(folder);
        return;
    }
    if (name == kNmnist) {
        unpackNmnistAsync(folder);
        return;
    }
    m_progress->setVisible(false);
    setBusy(false);
    showMessage(tr("%1 is ready in %2.").arg(name, native(folder)), false);
    refresh();
    Q_EMIT datasetsChanged();
}

void DataManagerDialog::unpackNmnistAsync(const QString &folder)
{
    showMessage(tr("Unpacking train.zip and test.zip (70,000 files)…"), false);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_unpackCancel = false;
    m_unpackPermille = 0;
    m_unpackTimer->start();
    m_unpack.setFuture(QtConcurrent::run([this, folder] {
        return unpackNmnist(folder, &m_unpackCancel, [this](int permille) { m_unpackPermille = permille; });
    }));
    updateButtons();
}

void DataManagerDialog::extractCifar(const QString &folder)
{
    showMessage(tr("Unpacking %1…").arg(kCifarArchive), false);
    m_progress->setRange(0, 0);
    m_extract = new QProcess(this);
    m_extract->setWorkingDirectory(folder);
    m_extract->setProcessChannelMode(QProcess::MergedChannels);
    connect(
        m_extract, &QProcess::finished, this, [this, folder](int exitCode, QProcess::ExitStatus exitStatus) {
            const QString output = QString::fromLocal8Bit(m_extract->readAll()).trimmed();
            m_extract->deleteLater();
            m_extract = nullptr;
            m_progress->setVisible(false);
            setBusy(false);
            if (exitStatus != QProcess::NormalExit || exitCode != 0) {
                showMessage(
                    tr("Could not unpack %1 in %2: %3").arg(kCifarArchive, native(folder), output), true);
                return;
            }
            QFile::remove(QDir(folder).filePath(kCifarArchive)); // the batches are what the locator reads
            showMessage(tr("cifar10 is ready in %1.").arg(native(folder)), false);
            refresh();
            Q_EMIT datasetsChanged();
        });
    connect(m_extract, &QProcess::errorOccurred, this, [this, folder](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || !m_extract)
            return;
        m_extract->deleteLater();
        m_extract = nullptr;
        m_progress->setVisible(false);
        setBusy(false);
        showMessage(tr("Could not run tar to unpack %1 in %2.").arg(kCifarArchive, native(folder)), true);
    });
    m_extract->start(QStringLiteral("tar"), {QStringLiteral("-xzf"), kCifarArchive});
}

} // namespace qb
