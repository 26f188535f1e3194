// ZipExtractor: unpacks dataset archives through a staging folder; refuses entries that leave the target,
// links, oversize and damaged data, leaving the target as it was; stops when cancelled.
#include "util/zipextractor.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <zip.h>

using namespace qb;

namespace {

struct ZipEntry
{
    QString name;
    QByteArray data;
    bool folder = false;
    bool symlink = false;
    bool store = false; ///< stored uncompressed (so a test can find and damage its bytes)
    bool encrypt = false; ///< AES-256 with a password
};

/// Writes a zip with exactly these entries (names taken as given).
bool writeZip(const QString &path, const QList<ZipEntry> &entries)
{
    QFile::remove(path);
    int error = 0;
    zip_t *zip = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!zip)
        return false;
    for (const ZipEntry &e : entries) {
        const QByteArray name = e.name.toUtf8();
        zip_int64_t index = -1;
        if (e.folder) {
            index = zip_dir_add(zip, name.constData(), ZIP_FL_ENC_UTF_8);
        } else {
            zip_source_t *s = zip_source_buffer(zip, e.data.constData(), zip_uint64_t(e.data.size()), 0);
            index = s ? zip_file_add(zip, name.constData(), s, ZIP_FL_ENC_UTF_8) : -1;
            if (index < 0 && s)
                zip_source_free(s);
        }
        if (index < 0) {
            zip_discard(zip);
            return false;
        }
        if (e.store)
            zip_set_file_compression(zip, zip_uint64_t(index), ZIP_CM_STORE, 0);
        if (e.encrypt && zip_file_set_encryption(zip, zip_uint64_t(index), ZIP_EM_AES_256, "secret") < 0) {
            zip_discard(zip);
            return false;
        }
        if (e.symlink)
            zip_file_set_external_attributes(zip, zip_uint64_t(index), 0, ZIP_OPSYS_UNIX, 0120777u << 16);
    }
    return zip_close(zip) == 0;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/// Every path under `folder` (hidden ones included), relative and sorted.
QStringList tree(const QString &folder)
{
    QStringList paths;
    QDirIterator it(
        folder, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths << QDir(folder).relativeFilePath(it.next());
    paths.sort();
    return paths;
}

QByteArray pattern(int size, int seed)
{
    QByteArray bytes(size, '\0');
    for (int i = 0; i < size; ++i)
        bytes[i] = char((i * 7 + seed) % 251);
    return bytes;
}

} // namespace

class TestZipExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extractsThroughStaging();
    void replacesTopLevelNamesOnly();
    void refusesEscapingNames_data();
    void refusesEscapingNames();
    void refusesSymlinks();
    void refusesEncryptedEntries();
    void refusesOverLimits();
    void refusesDamagedData();
    void stopsWhenCancelled();
    void refusesNonArchives();
};

void TestZipExtractor::extractsThroughStaging()
{
    QTemporaryDir dir;
    const QString zipPath = dir.filePath(QStringLiteral("train.zip"));
    const QByteArray a = pattern(3000, 1);
    const QByteArray b = pattern(5, 2);
    QVERIFY(writeZip(zipPath,
        {{QStringLiteral("Train/"), {}, true}, {QStringLiteral("Train/0/00002.bin"), a},
            {QStringLiteral("Train/1/"), {}, true},
            {QStringLiteral("Train\\1\\00007.bin"), b}, // made on Windows
            {QStringLiteral("./Train/2/empty.bin"), QByteArray()},
            {QStringLiteral("__MACOSX/Train/0/._00002.bin"), QByteArray("fork")}}));
    const QString target = dir.filePath(QStringLiteral("nmnist"));
    qint64 lastDone = -1;
    qint64 lastTotal = -1;
    const auto r = ZipExtractor::extract(zipPath, target, nullptr, [&](qint64 done, qint64 total) {
        QVERIFY(done > lastDone);
        lastDone = done;
        lastTotal = total;
    });
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(*r, QStringList{QStringLiteral("Train")});
    QCOMPARE(tree(target),
        (QStringList{QStringLiteral("Train"), QStringLiteral("Train/0"), QStringLiteral("Train/0/00002.bin"),
            QStringLiteral("Train/1"), QStringLiteral("Train/1/00007.bin"), QStringLiteral("Train/2"),
            QStringLiteral("Train/2/empty.bin")}));
    QCOMPARE(readAll(target + QStringLiteral("/Train/0/00002.bin")), a);
    QCOMPARE(readAll(target + QStringLiteral("/Train/1/00007.bin")), b);
    QCOMPARE(lastDone, qint64(3005));
    QCOMPARE(lastTotal, qint64(3005));
}

void TestZipExtractor::replacesTopLevelNamesOnly()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("nmnist"));
    QVERIFY(QDir().mkpath(target + QStringLiteral("/Train/9")));
    QVERIFY(QDir().mkpath(target + QStringLiteral("/Test/0")));
    QVERIFY(writeFile(target + QStringLiteral("/Train/9/stale.bin"), "old"));
    QVERIFY(writeFile(target + QStringLiteral("/Test/0/keep.bin"), "kept"));
    QVERIFY(writeFile(target + QStringLiteral("/train.zip.part"), "kept too"));
    const QString zipPath = dir.filePath(QStringLiteral("train.zip"));
    QVERIFY(writeZip(zipPath, {{QStringLiteral("Train/0/new.bin"), QByteArray("new")}}));
    const auto r = ZipExtractor::extract(zipPath, target);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(tree(target),
        (QStringList{QStringLiteral("Test"), QStringLiteral("Test/0"), QStringLiteral("Test/0/keep.bin"),
            QStringLiteral("Train"), QStringLiteral("Train/0"), QStringLiteral("Train/0/new.bin"),
            QStringLiteral("train.zip.part")}));
}

void TestZipExtractor::refusesEscapingNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("parent") << QStringLiteral("../evil.txt");
    QTest::newRow("absolute") << QStringLiteral("/tmp/evil.txt");
    QTest::newRow("inner parent") << QStringLiteral("Train/../../evil.txt");
    QTest::newRow("backslash parent") << QStringLiteral("Train\\..\\..\\evil.txt");
    QTest::newRow("drive") << QStringLiteral("C:/evil.txt");
}

void TestZipExtractor::refusesEscapingNames()
{
    QFETCH(QString, name);
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("a/b"));
    QVERIFY(QDir().mkpath(target + QStringLiteral("/Train")));
    QVERIFY(writeFile(target + QStringLiteral("/Train/old.bin"), "old"));
    const QString zipPath = dir.filePath(QStringLiteral("evil.zip"));
    QVERIFY(writeZip(
        zipPath, {{QStringLiteral("Train/ok.bin"), QByteArray("fine")}, {name, QByteArray("evil")}}));
    const auto r = ZipExtractor::extract(zipPath, target);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("evil.zip")), qPrintable(r.error()));
    QVERIFY2(r.error().contains(name), qPrintable(r.error()));
    QVERIFY2(r.error().contains(QLatin1String("outside the target")), qPrintable(r.error()));
    // Nothing written anywhere: the target is as it was, no staging folder, no evil.txt.
    QCOMPARE(tree(target), (QStringList{QStringLiteral("Train"), QStringLiteral("Train/old.bin")}));
    QCOMPARE(tree(dir.path()).filter(QStringLiteral("evil.txt")), QStringList());
}

void TestZipExtractor::refusesSymlinks()
{
    QTemporaryDir dir;
    const QString zipPath = dir.filePath(QStringLiteral("link.zip"));
    ZipEntry link{QStringLiteral("Train/link"), QByteArray("/etc/passwd")};
    link.symlink = true;
    QVERIFY(writeZip(zipPath, {{QStringLiteral("Train/a.bin"), QByteArray("a")}, link}));
    const QString target = dir.filePath(QStringLiteral("t"));
    const auto r = ZipExtractor::extract(zipPath, target);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("Train/link")), qPrintable(r.error()));
    QVERIFY2(r.error().contains(QLatin1String("symbolic link")), qPrintable(r.error()));
    QVERIFY(!QFileInfo::exists(target + QStringLiteral("/Train")));

    // The same entry without the link attribute is an ordinary file.
    link.symlink = false;
    QVERIFY(writeZip(zipPath, {link}));
    QVERIFY(ZipExtractor::extract(zipPath, target).ok());
    QCOMPARE(readAll(target + QStringLiteral("/Train/link")), QByteArray("/etc/passwd"));
}

void TestZipExtractor::refusesEncryptedEntries()
{
    if (!zip_encryption_method_supported(ZIP_EM_AES_256, 1))
        QSKIP("this libzip cannot write AES-256 entries");
    QTemporaryDir dir;
    const QString zipPath = dir.filePath(QStringLiteral("locked.zip"));
    ZipEntry locked{QStringLiteral("Train/0/a.bin"), pattern(100, 3)};
    locked.encrypt = true;
    QVERIFY(writeZip(zipPath, {{QStringLiteral("Train/0/b.bin"), QByteArray("open")}, locked}));
    const auto r = ZipExtractor::extract(zipPath, dir.filePath(QStringLiteral("t")));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("\"Train/0/a.bin\" is encrypted")), qPrintable(r.error()));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("t/Train"))));
}

void TestZipExtractor::refusesOverLimits()
{
    QTemporaryDir dir;
    const QString zipPath = dir.filePath(QStringLiteral("big.zip"));
    QVERIFY(writeZip(
        zipPath, {{QStringLiteral("a.bin"), pattern(600, 1)}, {QStringLiteral("b.bin"), pattern(600, 2)}}));
    const QString target = dir.filePath(QStringLiteral("t"));

    ZipExtractLimits limits;
    limits.maxTotalBytes = 1199;
    auto r = ZipExtractor::extract(zipPath, target, nullptr, {}, limits);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("1199 bytes")), qPrintable(r.error()));
    limits.maxTotalBytes = 1200;
    QVERIFY(ZipExtractor::extract(zipPath, target, nullptr, {}, limits).ok());

    limits = {};
    limits.maxEntryBytes = 599;
    r = ZipExtractor::extract(zipPath, target, nullptr, {}, limits);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("a.bin")), qPrintable(r.error()));

    limits = {};
    limits.maxEntries = 1;
    r = ZipExtractor::extract(zipPath, target, nullptr, {}, limits);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("2 entries")), qPrintable(r.error()));

    // 8 MiB of zeros deflate to a few KB: over a ratio of 100 (the default 1100 lets deflate's ~1030 by).
    QVERIFY(writeZip(zipPath, {{QStringLiteral("zeros.bin"), QByteArray(8 << 20, '\0')}}));
    limits = {};
    limits.maxRatio = 100;
    r = ZipExtractor::extract(zipPath, target, nullptr, {}, limits);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("zeros.bin")), qPrintable(r.error()));
    QVERIFY(ZipExtractor::extract(zipPath, target).ok());
}

void TestZipExtractor::refusesDamagedData()
{
    QTemporaryDir dir;
    const QString zipPath = dir.filePath(QStringLiteral("damaged.zip"));
    const QByteArray data = pattern(4000, 5);
    ZipEntry stored{QStringLiteral("Train/0/x.bin"), data};
    stored.store = true;
    QVERIFY(writeZip(zipPath, {stored}));
    QByteArray bytes = readAll(zipPath);
    const int at = int(bytes.indexOf(data));
    QVERIFY(at > 0);
    bytes[at + 2000] = char(bytes[at + 2000] ^ 0x40);
    QVERIFY(writeFile(zipPath, bytes));

    const QString target = dir.filePath(QStringLiteral("t"));
    QVERIFY(QDir().mkpath(target + QStringLiteral("/Train")));
    QVERIFY(writeFile(target + QStringLiteral("/Train/old.bin"), "old"));
    const auto r = ZipExtractor::extract(zipPath, target);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("Train/0/x.bin")), qPrintable(r.error()));
    QVERIFY2(r.error().contains(QLatin1String("damaged")), qPrintable(r.error()));
    QCOMPARE(tree(target), (QStringList{QStringLiteral("Train"), QStringLiteral("Train/old.bin")}));
}

void TestZipExtractor::stopsWhenCancelled()
{
    QTemporaryDir dir;
    const QString zipPath = dir.filePath(QStringLiteral("train.zip"));
    QVERIFY(writeZip(zipPath,
        {{QStringLiteral("Train/a.bin"), pattern(3 << 20, 1)},
            {QStringLiteral("Train/b.bin"), pattern(3 << 20, 2)}}));
    const QString target = dir.filePath(QStringLiteral("t"));
    std::atomic_bool cancel{false};
    int calls = 0;
    const auto r = ZipExtractor::extract(zipPath, target, &cancel, [&](qint64, qint64) {
        ++calls;
        cancel = true; // stop after the first chunk
    });
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("stopped")), qPrintable(r.error()));
    QCOMPARE(calls, 1);
    QCOMPARE(tree(target), QStringList()); // the staging folder is gone too
}

void TestZipExtractor::refusesNonArchives()
{
    QTemporaryDir dir;
    const QString notZip = dir.filePath(QStringLiteral("test.zip"));
    QVERIFY(writeFile(notZip, "<html>Too many requests</html>"));
    auto r = ZipExtractor::extract(notZip, dir.filePath(QStringLiteral("t")));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("test.zip")), qPrintable(r.error()));
    QVERIFY2(r.error().contains(QLatin1String("not a readable zip")), qPrintable(r.error()));
    r = ZipExtractor::extract(dir.filePath(QStringLiteral("missing.zip")), dir.filePath(QStringLiteral("t")));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("missing.zip")), qPrintable(r.error()));
}

QTEST_GUILESS_MAIN(TestZipExtractor)
#include "tst_zipextractor.moc"
