#include "training/datasetdownloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace qb {

namespace {

constexpr int kTransferTimeoutMs = 60000;
constexpr qint64 kChunk = 1 << 20;

DownloadItem item(const QString &base, const QString &name, const char *md5)
{
    return DownloadItem{QUrl(base + name), name, QByteArray(md5)};
}

} // namespace

DatasetDownloader::DatasetDownloader(QList<DownloadItem> items, QString targetDirectory, QObject *parent)
    : QObject(parent)
    , m_items(std::move(items))
    , m_targetDirectory(std::move(targetDirectory))
    , m_network(new QNetworkAccessManager(this))
{
}

DatasetDownloader::~DatasetDownloader()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QList<DownloadItem> DatasetDownloader::mnistItems()
{
    const QString base = QStringLiteral("https://ossci-datasets.s3.amazonaws.com/mnist/");
    return {item(base, QStringLiteral("train-images-idx3-ubyte.gz"), "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
        item(base, QStringLiteral("train-labels-idx1-ubyte.gz"), "d53e105ee54ea40749a09fcbcd1e9432"),
        item(base, QStringLiteral("t10k-images-idx3-ubyte.gz"), "9fb629c4189551a2d022fa330f9573f3"),
        item(base, QStringLiteral("t10k-labels-idx1-ubyte.gz"), "ec29112dd5afa0611ce80d1b7f02629c")};
}

QList<DownloadItem> DatasetDownloader::cifar10Items()
{
    return {item(QStringLiteral("https://www.cs.toronto.edu/~kriz/"),
        QStringLiteral("cifar-10-binary.tar.gz"), "c32a1d4ab5d03f1284b67883e8d87530")};
}

QList<DownloadItem> DatasetDownloader::nmnistItems()
{
    // As Tonic's NMNIST class lists them (neuromorphs/tonic, tonic/datasets/nmnist.py, read at commit
    // d0cb6df, 2025-02): Mendeley Data, dataset 468j46mzdv (Orchard et al.'s N-MNIST), one file each.
    // The URLs end in "file_downloaded", so the names are Tonic's; each archive holds a Train/ or Test/
    // folder of digit folders 0-9 of .bin files.
    const QString base = QStringLiteral("https://data.mendeley.com/public-files/datasets/468j46mzdv/files/");
    return {DownloadItem{QUrl(base + QStringLiteral("39c25547-014b-4137-a934-9d29fa53c7a0/file_downloaded")),
                QStringLiteral("train.zip"), QByteArray("20959b8e626244a1b502305a9e6e2031")},
        DownloadItem{QUrl(base + QStringLiteral("05a4d654-7e03-4c15-bdfa-9bb2bcbea494/file_downloaded")),
            QStringLiteral("test.zip"), QByteArray("69ca8762b2fe404d9b9bad1103e97832")}};
}

QList<DownloadItem> DatasetDownloader::itemsFor(const QString &datasetName)
{
    if (datasetName == QLatin1String("mnist"))
        return mnistItems();
    if (datasetName == QLatin1String("cifar10"))
        return cifar10Items();
    if (datasetName == QLatin1String("nmnist"))
        return nmnistItems();
    return {};
}

void DatasetDownloader::start()
{
    if (m_running)
        return;
    m_error.clear();
    if (!QDir().mkpath(m_targetDirectory)) {
        m_error = tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(m_targetDirectory));
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT failed(m_error); }, Qt::QueuedConnection);
        return;
    }
    m_running = true;
    m_index = 0;
    // Asynchronous even when every file is already there, so callers can connect after start().
    QMetaObject::invokeMethod(this, &DatasetDownloader::startItem, Qt::QueuedConnection);
}

void DatasetDownloader::abort()
{
    if (!m_running)
        return;
    if (m_reply)
        m_reply->abort(); // finishes the reply with OperationCanceledError: fail() from there
    else
        fail(tr("Download stopped."));
}

QString DatasetDownloader::finalPath() const
{
    return QDir(m_targetDirectory).filePath(m_items.at(m_index).fileName);
}

QString DatasetDownloader::partPath() const { return finalPath() + QStringLiteral(".part"); }

QByteArray DatasetDownloader::fileMd5(const QString &path, bool *ok)
{
    QFile file(path);
    *ok = file.open(QIODevice::ReadOnly);
    if (!*ok)
        return {};
    QCryptographicHash hash(QCryptographicHash::Md5);
    *ok = hash.addData(&file);
    return hash.result().toHex();
}

void DatasetDownloader::startItem()
{
    if (!m_running)
        return;
    // Skip files already present and verified.
    while (m_index < m_items.size()) {
        const DownloadItem &it = m_items.at(m_index);
        if (!QFileInfo::exists(finalPath()))
            break;
        bool ok = false;
        if (!it.md5.isEmpty() && fileMd5(finalPath(), &ok) == it.md5.toLower() && ok) {
            ++m_index;
            continue;
        }
        QFile::remove(finalPath()); // damaged or unverifiable: fetch it again
        break;
    }
    if (m_index >= m_items.size()) {
        m_running = false;
        Q_EMIT finished();
        return;
    }

    const DownloadItem &it = m_items.at(m_index);
    Q_EMIT fileStarted(m_index, int(m_items.size()), it.fileName);
    const QFileInfo part(partPath());
    const bool resume = part.exists() && part.size() > 0;
    if (!openPart(resume))
        return;

    QNetworkRequest request(it.url);
    request.setTransferTimeout(kTransferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    m_rangeRequested = resume;
    m_bodyChecked = false;
    if (resume)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_resumeFrom) + '-');
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &DatasetDownloader::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &DatasetDownloader::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &DatasetDownloader::onReplyFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        Q_EMIT progress(m_resumeFrom + received, total > 0 ? m_resumeFrom + total : -1);
    });
}

bool DatasetDownloader::openPart(bool resume)
{
    m_part = std::make_unique<QFile>(partPath());
    m_hash = std::make_unique<QCryptographicHash>(QCryptographicHash::Md5);
    m_resumeFrom = 0;
    if (resume) {
        // The checksum covers the whole file: hash what is already there first.
        if (!m_part->open(QIODevice::ReadOnly)) {
            fail(
                tr("Could not read %1: %2").arg(QDir::toNativeSeparators(partPath()), m_part->errorString()));
            return false;
        }
        while (!m_part->atEnd()) {
            const QByteArray chunk = m_part->read(kChunk);
            if (chunk.isEmpty())
                break;
            m_hash->addData(chunk);
            m_resumeFrom += chunk.size();
        }
        m_part->close();
    }
    const QIODevice::OpenMode mode
        = resume ? QIODevice::WriteOnly | QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate;
    if (!m_part->open(mode)) {
        fail(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(partPath()), m_part->errorString()));
        return false;
    }
    return true;
}

void DatasetDownloader::onMetaData()
{
    if (m_bodyChecked || !m_reply)
        return;
    m_bodyChecked = true;
    if (!m_rangeRequested)
        return;
    // Only "206 Partial Content" continues the part file. Anything else (a server that ignores
    // ranges, a file: URL) delivers the whole file: start the part file over.
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid() && status.toInt() == 206)
        return;
    if (status.isValid() && status.toInt() == 416)
        return; // range not satisfiable: the part may be complete; checked when finished
    m_part->resize(0);
    m_hash->reset();
    m_resumeFrom = 0;
}

void DatasetDownloader::onReadyRead()
{
    if (!m_reply || !m_part)
        return;
    onMetaData();
    const QByteArray data = m_reply->readAll();
    if (data.isEmpty())
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid() && status.toInt() >= 400)
        return; // an error page, not the file
    if (m_part->write(data) != data.size()) {
        const QString message
            = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(partPath()), m_part->errorString());
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        fail(message);
        return;
    }
    m_hash->addData(data);
}

void DatasetDownloader::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    reply->deleteLater();
    const DownloadItem &it = m_items.at(m_index);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool rangeDone = m_rangeRequested && status == 416;
    if (reply->error() == QNetworkReply::NoError)
        onReadyRead();
    m_reply = nullptr;
    if (!m_running)
        return; // failed while writing
    if (reply->error() != QNetworkReply::NoError && !rangeDone) {
        if (reply->error() == QNetworkReply::OperationCanceledError)
            fail(tr("Download of %1 stopped; it resumes where it stopped next time.").arg(it.fileName));
        else
            fail(tr("Could not download %1 from %2: %3. Check the internet connection, or download the "
                    "files elsewhere and use \"Import folder…\".")
                     .arg(it.fileName, it.url.toDisplayString(), reply->errorString()));
        return;
    }
    m_part->close();
    const QByteArray digest = m_hash->result().toHex();
    if (!it.md5.isEmpty() && digest != it.md5.toLower()) {
        QFile::remove(partPath());
        fail(tr("Checksum mismatch for %1: expected MD5 %2, got %3. The damaged download was deleted; "
                "try again.")
                 .arg(it.fileName, QString::fromLatin1(it.md5), QString::fromLatin1(digest)));
        return;
    }
    QFile::remove(finalPath());
    if (!QFile::rename(partPath(), finalPath())) {
        fail(tr("Could not rename %1 to %2.")
                 .arg(QDir::toNativeSeparators(partPath()), QDir::toNativeSeparators(finalPath())));
        return;
    }
    m_part.reset();
    ++m_index;
    startItem();
}

void DatasetDownloader::fail(const QString &message)
{
    m_running = false;
    m_error = message;
    if (m_part) {
        m_part->close();
        if (QFileInfo(m_part->fileName()).size() == 0)
            QFile::remove(m_part->fileName()); // nothing worth resuming
        m_part.reset();
    }
    Q_EMIT failed(message);
}

} // namespace qb
