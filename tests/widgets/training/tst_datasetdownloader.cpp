// DatasetDownloader fed with file:// URLs of files the test writes (no network): checksums,
// resuming from a .part file, failures naming the file.
#include "trainingtestutil.h"

#include "training/datasetdownloader.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace qb;

namespace {
const QString kHome = qbtest::isolatedHome();

QByteArray md5(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

QByteArray payload(int size, char seed)
{
    QByteArray data(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        data[i] = char(seed + i * 7 + (i >> 8));
    return data;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
/// A minimal HTTP/1.0 server on localhost that serves one body and honours "Range: bytes=N-" with
/// 206 Partial Content, remembering the Range headers it was sent.
class RangeServer : public QObject
{
public:
    explicit RangeServer(QByteArray body)
        : m_body(std::move(body))
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
        });
    }
    QUrl url(const QString &name) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/%2").arg(m_server.serverPort()).arg(name));
    }
    QStringList ranges;

private:
    void serve(QTcpSocket *socket)
    {
        m_request += socket->readAll();
        if (!m_request.contains("\r\n\r\n"))
            return;
        qint64 from = 0;
        for (const QByteArray &line : m_request.split('\n')) {
            if (line.toLower().startsWith("range:")) {
                const QByteArray value = line.mid(6).trimmed();
                ranges << QString::fromLatin1(value);
                from = value.mid(6, value.indexOf('-') - 6).toLongLong();
            }
        }
        m_request.clear();
        const QByteArray part = m_body.mid(from);
        QByteArray head = from > 0 ? "HTTP/1.0 206 Partial Content\r\n" : "HTTP/1.0 200 OK\r\n";
        if (from > 0)
            head += "Content-Range: bytes " + QByteArray::number(from) + '-'
                + QByteArray::number(m_body.size() - 1) + '/' + QByteArray::number(m_body.size()) + "\r\n";
        head += "Content-Length: " + QByteArray::number(part.size()) + "\r\nConnection: close\r\n\r\n";
        socket->write(head + part);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QByteArray m_body;
    QByteArray m_request;
};

} // namespace

class TestDatasetDownloader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void downloadsAndVerifies();
    void wrongChecksumFailsNamingTheFile();
    void missingSourceFailsWithAMessage();
    void partFileIsReplacedWhenTheSourceIgnoresRanges();
    void presentFilesAreNotFetchedAgain();
    void resumesAPartialDownloadWithARangeRequest();
    void standardListsAreComplete();

private:
    QString source(const QString &name) const { return m_source->filePath(name); }
    QString target(const QString &name) const { return m_target->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_source;
    std::unique_ptr<QTemporaryDir> m_target;
};

void TestDatasetDownloader::init()
{
    m_source = std::make_unique<QTemporaryDir>();
    m_target = std::make_unique<QTemporaryDir>();
    QVERIFY(m_source->isValid() && m_target->isValid());
}

void TestDatasetDownloader::downloadsAndVerifies()
{
    const QByteArray a = payload(300000, 1), b = payload(1234, 2);
    QVERIFY(writeFile(source(QStringLiteral("a.gz")), a));
    QVERIFY(writeFile(source(QStringLiteral("b.gz")), b));
    const QString dest = target(QStringLiteral("sub/dir"));
    DatasetDownloader downloader(
        {{QUrl::fromLocalFile(source(QStringLiteral("a.gz"))), QStringLiteral("a.gz"), md5(a)},
            {QUrl::fromLocalFile(source(QStringLiteral("b.gz"))), QStringLiteral("b.gz"), md5(b)}},
        dest);
    QSignalSpy done(&downloader, &DatasetDownloader::finished);
    QSignalSpy failed(&downloader, &DatasetDownloader::failed);
    QSignalSpy started(&downloader, &DatasetDownloader::fileStarted);
    QSignalSpy progress(&downloader, &DatasetDownloader::progress);
    downloader.start();
    QVERIFY(downloader.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(done.count() + failed.count(), 1, 20000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
    QCOMPARE(started.count(), 2);
    QCOMPARE(started.at(1).at(2).toString(), QStringLiteral("b.gz"));
    QVERIFY(progress.count() > 0);
    QCOMPARE(readFile(dest + QStringLiteral("/a.gz")), a);
    QCOMPARE(readFile(dest + QStringLiteral("/b.gz")), b);
    QVERIFY(!QFile::exists(dest + QStringLiteral("/a.gz.part")));
    QVERIFY(!downloader.isRunning());
}

void TestDatasetDownloader::wrongChecksumFailsNamingTheFile()
{
    const QByteArray a = payload(5000, 3);
    QVERIFY(writeFile(source(QStringLiteral("train-images-idx3-ubyte.gz")), a));
    DatasetDownloader downloader(
        {{QUrl::fromLocalFile(source(QStringLiteral("train-images-idx3-ubyte.gz"))),
            QStringLiteral("train-images-idx3-ubyte.gz"), QByteArray("f68b3c2dcbeaaa9fbdd348bbdeb94873")}},
        m_target->path());
    QSignalSpy done(&downloader, &DatasetDownloader::finished);
    QSignalSpy failed(&downloader, &DatasetDownloader::failed);
    downloader.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(done.count(), 0);
    const QString message = failed.first().at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("train-images-idx3-ubyte.gz")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("f68b3c2dcbeaaa9fbdd348bbdeb94873")), qPrintable(message));
    QVERIFY2(message.contains(QString::fromLatin1(md5(a))), qPrintable(message));
    QCOMPARE(downloader.errorString(), message);
    // Neither the file nor a damaged partial download is left behind.
    QVERIFY(!QFile::exists(target(QStringLiteral("train-images-idx3-ubyte.gz"))));
    QVERIFY(!QFile::exists(target(QStringLiteral("train-images-idx3-ubyte.gz.part"))));
}

void TestDatasetDownloader::missingSourceFailsWithAMessage()
{
    DatasetDownloader downloader(
        {{QUrl::fromLocalFile(source(QStringLiteral("missing.gz"))), QStringLiteral("missing.gz"), md5("x")}},
        m_target->path());
    QSignalSpy failed(&downloader, &DatasetDownloader::failed);
    downloader.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("missing.gz")));
    QVERIFY(!downloader.isRunning());
    QVERIFY(!QFile::exists(target(QStringLiteral("missing.gz"))));

    // Offline (an unreachable host) is a message too, never a crash.
    DatasetDownloader offline(
        {{QUrl(QStringLiteral("http://127.0.0.1:9/none.gz")), QStringLiteral("none.gz"), md5("x")}},
        m_target->path());
    QSignalSpy offlineFailed(&offline, &DatasetDownloader::failed);
    offline.start();
    QTRY_COMPARE_WITH_TIMEOUT(offlineFailed.count(), 1, 20000);
    QVERIFY(offlineFailed.first().at(0).toString().contains(QStringLiteral("none.gz")));
}

void TestDatasetDownloader::partFileIsReplacedWhenTheSourceIgnoresRanges()
{
    // A file: URL, like a server without range support, sends the whole file: the stale partial
    // download must be replaced, not appended to.
    const QByteArray a = payload(20000, 4);
    QVERIFY(writeFile(source(QStringLiteral("a.bin")), a));
    QVERIFY(writeFile(target(QStringLiteral("a.bin.part")), a.left(7000)));
    DatasetDownloader downloader(
        {{QUrl::fromLocalFile(source(QStringLiteral("a.bin"))), QStringLiteral("a.bin"), md5(a)}},
        m_target->path());
    QSignalSpy done(&downloader, &DatasetDownloader::finished);
    QSignalSpy failed(&downloader, &DatasetDownloader::failed);
    downloader.start();
    QTRY_COMPARE_WITH_TIMEOUT(done.count() + failed.count(), 1, 20000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
    QCOMPARE(readFile(target(QStringLiteral("a.bin"))), a);
    QVERIFY(!QFile::exists(target(QStringLiteral("a.bin.part"))));
}

void TestDatasetDownloader::presentFilesAreNotFetchedAgain()
{
    const QByteArray a = payload(1000, 5);
    QVERIFY(writeFile(target(QStringLiteral("a.gz")), a));
    // The source does not exist: a fetch would fail.
    DatasetDownloader downloader(
        {{QUrl::fromLocalFile(source(QStringLiteral("gone.gz"))), QStringLiteral("a.gz"), md5(a)}},
        m_target->path());
    QSignalSpy done(&downloader, &DatasetDownloader::finished);
    QSignalSpy started(&downloader, &DatasetDownloader::fileStarted);
    downloader.start();
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
    QCOMPARE(started.count(), 0);
}

void TestDatasetDownloader::resumesAPartialDownloadWithARangeRequest()
{
    const QByteArray a = payload(50000, 6);
    RangeServer server(a);
    QVERIFY(writeFile(target(QStringLiteral("a.gz.part")), a.left(12345)));
    DatasetDownloader downloader(
        {{server.url(QStringLiteral("a.gz")), QStringLiteral("a.gz"), md5(a)}}, m_target->path());
    QSignalSpy done(&downloader, &DatasetDownloader::finished);
    QSignalSpy failed(&downloader, &DatasetDownloader::failed);
    QSignalSpy progress(&downloader, &DatasetDownloader::progress);
    downloader.start();
    QTRY_COMPARE_WITH_TIMEOUT(done.count() + failed.count(), 1, 20000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
    QCOMPARE(server.ranges, QStringList{QStringLiteral("bytes=12345-")});
    QCOMPARE(readFile(target(QStringLiteral("a.gz"))), a);
    // Progress counts the part already there.
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toLongLong(), qint64(a.size()));
    QCOMPARE(progress.last().at(1).toLongLong(), qint64(a.size()));

    // Without a part file the whole file is asked for, with no range.
    QVERIFY(QFile::remove(target(QStringLiteral("a.gz"))));
    server.ranges.clear();
    downloader.start();
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 20000);
    QVERIFY(server.ranges.isEmpty());
    QCOMPARE(readFile(target(QStringLiteral("a.gz"))), a);
}

void TestDatasetDownloader::standardListsAreComplete()
{
    const QList<DownloadItem> mnist = DatasetDownloader::itemsFor(QStringLiteral("mnist"));
    QCOMPARE(mnist.size(), 4);
    for (const DownloadItem &item : mnist) {
        QCOMPARE(item.url.scheme(), QStringLiteral("https"));
        QVERIFY(item.url.toString().endsWith(item.fileName));
        QCOMPARE(item.md5.size(), 32);
    }
    QCOMPARE(mnist.at(3).md5, QByteArray("ec29112dd5afa0611ce80d1b7f02629c"));
    const QList<DownloadItem> cifar = DatasetDownloader::itemsFor(QStringLiteral("cifar10"));
    QCOMPARE(cifar.size(), 1);
    QCOMPARE(cifar.first().fileName, QStringLiteral("cifar-10-binary.tar.gz"));
    QCOMPARE(cifar.first().md5, QByteArray("c32a1d4ab5d03f1284b67883e8d87530"));
    QVERIFY(DatasetDownloader::itemsFor(QStringLiteral("fashion-mnist")).isEmpty());

    // N-MNIST as Tonic fetches it: two Mendeley files named train.zip and test.zip.
    const QList<DownloadItem> nmnist = DatasetDownloader::itemsFor(QStringLiteral("nmnist"));
    QCOMPARE(nmnist.size(), 2);
    QCOMPARE(nmnist.at(0).fileName, QStringLiteral("train.zip"));
    QCOMPARE(nmnist.at(0).md5, QByteArray("20959b8e626244a1b502305a9e6e2031"));
    QCOMPARE(nmnist.at(0).url.toString(),
        QStringLiteral("https://data.mendeley.com/public-files/datasets/468j46mzdv/files/"
                       "39c25547-014b-4137-a934-9d29fa53c7a0/file_downloaded"));
    QCOMPARE(nmnist.at(1).fileName, QStringLiteral("test.zip"));
    QCOMPARE(nmnist.at(1).md5, QByteArray("69ca8762b2fe404d9b9bad1103e97832"));
    QCOMPARE(nmnist.at(1).url.toString(),
        QStringLiteral("https://data.mendeley.com/public-files/datasets/468j46mzdv/files/"
                       "05a4d654-7e03-4c15-bdfa-9bb2bcbea494/file_downloaded"));
}

QTEST_MAIN(TestDatasetDownloader)
#include "tst_datasetdownloader.moc"
