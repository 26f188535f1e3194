#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>

class QFile;
class QNetworkAccessManager;
class QNetworkReply;

namespace qb {

/// One file to fetch: where from, the name it gets in the target folder, and its MD5 (hex).
struct DownloadItem
{
    QUrl url;
    QString fileName;
    QByteArray md5;
};

/// Downloads a list of files into a folder with QNetworkAccessManager (http, https and file URLs),
/// one after the other, verifying each file's MD5. Data is written to "NAME.part" as it arrives and
/// renamed to NAME once its checksum matches; a ".part" file left by an interrupted download is
/// resumed with an HTTP Range request (a server that ignores the range sends the whole file, which
/// then replaces the partial one). A file already present with the right checksum is not fetched
/// again. A wrong checksum deletes the partial file and fails with a message naming the file.
/// Uses no core API. Lives in the GUI thread (all work is asynchronous).
class DatasetDownloader : public QObject
{
    Q_OBJECT
public:
    DatasetDownloader(QList<DownloadItem> items, QString targetDirectory, QObject *parent = nullptr);
    ~DatasetDownloader() override;

    /// The standard MNIST files (four *-ubyte.gz) and the CIFAR-10 binary archive.
    static QList<DownloadItem> mnistItems();
    static QList<DownloadItem> cifar10Items();
    /// N-MNIST's two archives, train.zip and test.zip, as Tonic downloads them (Mendeley Data).
    static QList<DownloadItem> nmnistItems();
    /// The items for a dataset name ("mnist", "cifar10", "nmnist"); empty for one that cannot be
    /// downloaded.
    static QList<DownloadItem> itemsFor(const QString &datasetName);

    QString targetDirectory() const { return m_targetDirectory; }
    const QList<DownloadItem> &items() const { return m_items; }
    bool isRunning() const { return m_running; }
    QString errorString() const { return m_error; }

    /// Starts (or restarts after a failure); no-op while running.
    void start();
    /// Stops the transfer; the ".part" file stays for a later resume. Emits failed().
    void abort();

Q_SIGNALS:
    void fileStarted(int index, int count, const QString &fileName);
    /// Bytes of the current file (total -1 while unknown), counting a resumed part.
    void progress(qint64 received, qint64 total);
    /// All files are present and verified.
    void finished();
    void failed(const QString &message);

private:
    void startItem();
    void onMetaData();
    void onReadyRead();
    void onReplyFinished();
    void fail(const QString &message);
    bool openPart(bool resume);
    QString partPath() const;
    QString finalPath() const;
    static QByteArray fileMd5(const QString &path, bool *ok);

    QList<DownloadItem> m_items;
    QString m_targetDirectory;
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<QFile> m_part;
    std::unique_ptr<QCryptographicHash> m_hash;
    int m_index = 0;
    qint64 m_resumeFrom = 0;
    bool m_rangeRequested = false;
    bool m_bodyChecked = false;
    bool m_running = false;
    QString m_error;
};

} // namespace qb
