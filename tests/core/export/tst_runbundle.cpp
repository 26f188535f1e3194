// Run bundles (.qbrun): a trained run written as a bundle and imported into an empty history comes
// back the same (row, epochs, sweeps, weights bytes, and the accuracy of evaluating it), once only;
// Python's zipfile reads the bundle too; hostile or damaged bundles are refused with a message that
// names the file and the problem, and leave the history as it was; an unwritable target leaves no
// file. Also the small ExperimentStore additions the import relies on. QTEST_MAIN (a
// QGuiApplication): the bundle's charts need fonts. Set QB_BUNDLE_SAMPLE_DIR to keep the bundle.
#include "export/runbundle.h"

#include "data/datasetlocator.h"
#include "store/experimentstore.h"
#include "train/trainedmodel.h"
#include "util/version.h"

#include "runarchivetesting.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <zip.h>

#include <cmath>

using namespace qb;

namespace {

using Entries = QList<QPair<QString, QByteArray>>;

/// The entries of a zip file, in archive order (libzip directly, not the bundle reader).
Entries readZip(const QString &path)
{
    Entries entries;
    int error = 0;
    zip_t *zip = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &error);
    if (!zip)
        return entries;
    const zip_int64_t n = zip_get_num_entries(zip, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        zip_stat_index(zip, zip_uint64_t(i), 0, &st);
        QByteArray bytes(qsizetype(st.size), Qt::Uninitialized);
        zip_file_t *f = zip_fopen_index(zip, zip_uint64_t(i), 0);
        const zip_int64_t got = f ? zip_fread(f, bytes.data(), st.size) : -1;
        if (f)
            zip_fclose(f);
        if (got != zip_int64_t(st.size))
            bytes.clear();
        entries.append({QString::fromUtf8(st.name), bytes});
    }
    zip_discard(zip);
    return entries;
}

/// Writes a zip with exactly these entries (names taken as given, deflated).
bool writeZip(const QString &path, const Entries &entries)
{
    QFile::remove(path);
    int error = 0;
    zip_t *zip = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!zip)
        return false;
    for (const auto &e : entries) {
        zip_source_t *s = zip_source_buffer(zip, e.second.constData(), zip_uint64_t(e.second.size()), 0);
        if (!s || zip_file_add(zip, e.first.toUtf8().constData(), s, ZIP_FL_ENC_UTF_8) < 0) {
            if (s)
                zip_source_free(s);
            zip_discard(zip);
            return false;
        }
    }
    return zip_close(zip) == 0;
}

Entries replaced(Entries entries, const QString &name, const QByteArray &bytes)
{
    for (auto &e : entries) {
        if (e.first == name)
            e.second = bytes;
    }
    return entries;
}

Entries without(Entries entries, const QString &name)
{
    entries.removeIf([&name](const QPair<QString, QByteArray> &e) { return e.first == name; });
    return entries;
}

QByteArray entry(const Entries &entries, const QString &name)
{
    for (const auto &e : entries) {
        if (e.first == name)
            return e.second;
    }
    return QByteArray();
}

QJsonObject jsonOf(const QByteArray &bytes) { return QJsonDocument::fromJson(bytes).object(); }
QByteArray bytesOf(const QJsonObject &o) { return QJsonDocument(o).toJson(); }

/// Sets the uncompressed size of entry `name` to `size` in both its local header and the central
/// directory (a consistent lie, as a crafted zip bomb tells it).
bool forgeDeclaredSize(QByteArray &zip, const QByteArray &name, quint32 size)
{
    for (qsizetype at = zip.indexOf("PK\x01\x02"); at >= 0; at = zip.indexOf("PK\x01\x02", at + 4)) {
        auto u16 = [&zip](qsizetype o) { return quint16(quint8(zip[o])) | quint16(quint8(zip[o + 1])) << 8; };
        auto u32 = [&zip](qsizetype o) {
            return quint32(quint8(zip[o])) | quint32(quint8(zip[o + 1])) << 8
                | quint32(quint8(zip[o + 2])) << 16 | quint32(quint8(zip[o + 3])) << 24;
        };
        auto put32 = [&zip](qsizetype o, quint32 v) {
            for (int i = 0; i < 4; ++i)
                zip[o + i] = char((v >> (8 * i)) & 0xff);
        };
        const quint16 nameLength = u16(at + 28);
        if (zip.mid(at + 46, nameLength) != name)
            continue;
        const quint32 local = u32(at + 42);
        put32(at + 24, size);
        put32(qsizetype(local) + 22, size);
        return true;
    }
    return false;
}

bool sameDouble(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

} // namespace

class TestRunBundle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void storeAdditions();
    void roundTripIntoEmptyHistory();
    void readByPythonZipfile();
    void importTwiceGivesOneRun();
    void hostileBundles_data();
    void hostileBundles();
    void failureMidwayLeavesNoRun();
    void unwritableTarget();
    void refusesWhatItCannotBundle();

private:
    int runCount(const QString &dbPath) const;

    QTemporaryDir m_dir;
    testdata::TrainedRun m_run;
    Dataset m_data;
    RunArchive m_archive;
    QString m_bundle;
    Entries m_entries; ///< of m_bundle
};

int TestRunBundle::runCount(const QString &dbPath) const
{
    ExperimentStore store;
    if (!store.open(dbPath))
        return -1;
    const auto runs = store.runs();
    return runs ? int(runs->size()) : -1;
}

void TestRunBundle::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_run = testdata::trainSmallRun(m_dir.filePath(QStringLiteral("original")));
    QVERIFY2(m_run.runId > 0, qPrintable(m_run.error));
    auto data = DatasetLocator::load(QStringLiteral("mnist"), m_run.dataDir);
    QVERIFY2(data, qPrintable(data.error()));
    m_data = *data;

    ExperimentStore store;
    QVERIFY(store.open(m_run.dbPath));
    const QString sweepError = testdata::addSweeps(store, m_run.runId);
    QVERIFY2(sweepError.isEmpty(), qPrintable(sweepError));
    QVERIFY(store.setNotes(m_run.runId, QStringLiteral("Lab 3, group B.\nSecond line, with a comma.")));
    QVERIFY(store.setTags(m_run.runId, {QStringLiteral("lab3"), QStringLiteral("binary")}));
    auto archive = testdata::archiveOf(store, m_run.runId);
    QVERIFY2(archive, qPrintable(archive.error()));
    m_archive = *archive;
    auto confusion = testdata::confusionOf(store, m_run.runId, m_data.test, m_data.numClasses);
    QVERIFY2(confusion, qPrintable(confusion.error()));
    m_archive.confusion = *confusion;
    QCOMPARE(m_archive.sweeps.size(), 2);
    QVERIFY(!m_archive.weightsPath.isEmpty());

    m_bundle = m_dir.filePath(QStringLiteral("exports/small run.qbrun"));
    const Status written = writeRunBundle(m_archive, m_bundle);
    QVERIFY2(written, qPrintable(written.error()));
    QVERIFY(!QFile::exists(m_bundle + QStringLiteral(".part")));
    if (const QString keep = qEnvironmentVariable("QB_BUNDLE_SAMPLE_DIR"); !keep.isEmpty()) {
        QDir().mkpath(keep);
        QFile::remove(keep + QStringLiteral("/run.qbrun"));
        QVERIFY(QFile::copy(m_bundle, keep + QStringLiteral("/run.qbrun")));
    }
    m_entries = readZip(m_bundle);
    QStringList names;
    for (const auto &e : m_entries)
        names << e.first;
    qInfo() << "bundle" << QFileInfo(m_bundle).size() << "bytes, entries" << names;
    for (const char *expected : {"manifest.json", "experiment.json", "network.json", "run.json", "epochs.csv",
             "weights", "summary.txt", "summary.json", "curves.png", "curves.svg", "confusion.csv",
             "confusion.png", "sweeps.json"})
        QVERIFY2(names.contains(QLatin1String(expected)), expected);
    QCOMPARE(names.size(), 13);
    const QJsonObject manifest = jsonOf(entry(m_entries, QStringLiteral("manifest.json")));
    QCOMPARE(manifest.value(QStringLiteral("quantbench_version")).toString(), quantbenchVersion());
    QCOMPARE(manifest.value(QStringLiteral("run_id")).toInt(), int(m_run.runId));
}

void TestRunBundle::storeAdditions()
{
    QTemporaryDir dir;
    ExperimentStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("h.sqlite"))));
    RunRecord r;
    r.name = QStringLiteral("a");
    const qint64 a = *store.createRun(r);
    const qint64 b = *store.createRun(r);
    QCOMPARE(
        *store.findRunByArtifact(QStringLiteral("bundle-identity"), QStringLiteral("sha256:x")), qint64(-1));
    QVERIFY(store.addArtifact(a, QStringLiteral("bundle-identity"), QStringLiteral("sha256:x")));
    QVERIFY(store.addArtifact(b, QStringLiteral("weights"), QStringLiteral("sha256:x")));
    QCOMPARE(*store.findRunByArtifact(QStringLiteral("bundle-identity"), QStringLiteral("sha256:x")), a);
    QCOMPARE(
        *store.findRunByArtifact(QStringLiteral("bundle-identity"), QStringLiteral("sha256:y")), qint64(-1));
    QVERIFY(store.deleteRun(a));
    QCOMPARE(
        *store.findRunByArtifact(QStringLiteral("bundle-identity"), QStringLiteral("sha256:x")), qint64(-1));

    // finishRun keeps a given finish time, else it takes now.
    const QDateTime then(QDate(2024, 3, 5), QTime(14, 30, 15, 250), Qt::UTC);
    QVERIFY(store.finishRun(b, RunStatus::Cancelled, QString(), then));
    QCOMPARE(store.run(b)->finished, then);
    QCOMPARE(store.run(b)->status, RunStatus::Cancelled);
    const qint64 c = *store.createRun(r);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QVERIFY(store.finishRun(c, RunStatus::Finished));
    QVERIFY(store.run(c)->finished >= before);

    // addSweep keeps a given creation time, else it takes now.
    SweepRecord s;
    s.runId = c;
    s.kind = QStringLiteral("noise");
    s.created = then;
    QVERIFY(store.addSweep(s));
    s.created = QDateTime();
    QVERIFY(store.addSweep(s));
    const auto sweeps = store.sweeps(c);
    QCOMPARE(sweeps->size(), 2);
    QCOMPARE(sweeps->at(0).created, then);
    QVERIFY(sweeps->at(1).created >= before);
}

void TestRunBundle::roundTripIntoEmptyHistory()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("elsewhere/history.sqlite"));
    ExperimentStore target;
    QVERIFY(target.open(db));
    QCOMPARE(target.runs()->size(), 0);
    bool already = true;
    const Result<qint64> imported = importRunBundle(target, m_bundle, &already);
    QVERIFY2(imported, qPrintable(imported.error()));
    QVERIFY(!already);
    QCOMPARE(target.runs()->size(), 1);

    const RunRecord &orig = m_archive.run;
    const RunRecord copy = *target.run(*imported);
    QCOMPARE(copy.name, orig.name);
    QCOMPARE(copy.status, orig.status);
    QCOMPARE(copy.status, RunStatus::Finished);
    QCOMPARE(copy.created, orig.created);
    QCOMPARE(copy.finished, orig.finished);
    QCOMPARE(copy.dataset, orig.dataset);
    QCOMPARE(copy.networkName, orig.networkName);
    QCOMPARE(copy.seed, orig.seed);
    QCOMPARE(copy.epochsPlanned, orig.epochsPlanned);
    QCOMPARE(copy.epochsDone, orig.epochsDone);
    QCOMPARE(copy.epochsDone, 2);
    QCOMPARE(copy.notes, orig.notes);
    QCOMPARE(copy.tags, orig.tags);
    QCOMPARE(copy.error, orig.error);
    QVERIFY(sameDouble(copy.finalTestAccuracy, orig.finalTestAccuracy));
    QVERIFY(sameDouble(copy.finalTestLoss, orig.finalTestLoss));
    QVERIFY(sameDouble(copy.bestTestAccuracy, orig.bestTestAccuracy));
    QCOMPARE(jsonOf(copy.specJson.toUtf8()), jsonOf(orig.specJson.toUtf8()));

    const QList<EpochMetrics> epochs = *target.epochs(*imported);
    QCOMPARE(epochs.size(), m_archive.epochs.size());
    for (int i = 0; i < epochs.size(); ++i) {
        const EpochMetrics &a = epochs[i], &b = m_archive.epochs[i];
        QCOMPARE(a.epoch, b.epoch);
        QVERIFY(sameDouble(a.trainLoss, b.trainLoss));
        QVERIFY(sameDouble(a.trainAccuracy, b.trainAccuracy));
        QVERIFY(sameDouble(a.testLoss, b.testLoss));
        QVERIFY(sameDouble(a.testAccuracy, b.testAccuracy));
        QVERIFY(sameDouble(a.seconds, b.seconds));
        QVERIFY(sameDouble(a.samplesPerSecond, b.samplesPerSecond));
    }

    const QList<SweepRecord> sweeps = *target.sweeps(*imported);
    QCOMPARE(sweeps.size(), m_archive.sweeps.size());
    for (int i = 0; i < sweeps.size(); ++i) {
        const SweepRecord &a = sweeps[i], &b = m_archive.sweeps[i];
        QCOMPARE(a.runId, *imported);
        QCOMPARE(a.kind, b.kind);
        QCOMPARE(a.parameter, b.parameter);
        QCOMPARE(a.settingsJson, b.settingsJson);
        QCOMPARE(a.created, b.created);
        QCOMPARE(a.points.size(), b.points.size());
        for (int k = 0; k < a.points.size(); ++k) {
            const SweepPoint &p = a.points[k], &q = b.points[k];
            QVERIFY(sameDouble(p.value, q.value));
            QVERIFY(sameDouble(p.accuracyMean, q.accuracyMean));
            QVERIFY(sameDouble(p.accuracyStd, q.accuracyStd));
            QVERIFY(sameDouble(p.accuracyMin, q.accuracyMin));
            QVERIFY(sameDouble(p.accuracyMax, q.accuracyMax));
            QVERIFY(sameDouble(p.loss, q.loss));
            QCOMPARE(p.accuracies, q.accuracies);
        }
    }
    QCOMPARE(sweeps[0].points[2].accuracies.size(), 5);

    // The weights: a file of the new history, byte for byte the original.
    QString weights;
    QString identity;
    const auto artifacts = target.artifacts(*imported);
    QVERIFY(artifacts);
    for (const ArtifactRecord &a : *artifacts) {
        if (a.kind == QLatin1String("weights"))
            weights = a.path;
        if (a.kind == QLatin1String("bundle-identity"))
            identity = a.path;
    }
    QVERIFY(weights.startsWith(target.runDirectory(*imported)));
    QFile original(m_archive.weightsPath), copied(weights);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QVERIFY(copied.open(QIODevice::ReadOnly));
    const QByteArray originalBytes = original.readAll();
    QVERIFY(originalBytes.size() > 1000);
    QCOMPARE(copied.readAll(), originalBytes);
    QCOMPARE(identity,
        jsonOf(entry(m_entries, QStringLiteral("manifest.json")))
            .value(QStringLiteral("identity"))
            .toString());

    // And it evaluates exactly as the original.
    ExperimentStore source;
    QVERIFY(source.open(m_run.dbPath));
    auto before = TrainedModel::fromRun(source, m_run.runId);
    auto after = TrainedModel::fromRun(target, *imported);
    QVERIFY2(before, qPrintable(before.error()));
    QVERIFY2(after, qPrintable(after.error()));
    const auto a = (*before)->evaluate(m_data.test, 0);
    const auto b = (*after)->evaluate(m_data.test, 0);
    QVERIFY(a && b);
    qInfo() << "original run" << m_run.runId << "accuracy" << a->accuracy << "loss" << a->loss
            << "; imported run" << *imported << "accuracy" << b->accuracy << "loss" << b->loss;
    QVERIFY(a->accuracy > 0.2); // ten classes: trained, not chance
    QCOMPARE(b->accuracy, a->accuracy);
    QCOMPARE(b->loss, a->loss);
    QCOMPARE(b->samples, a->samples);
    QCOMPARE(b->accuracy, orig.finalTestAccuracy);
}

void TestRunBundle::readByPythonZipfile()
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        QSKIP("python3 is not installed");
    // zipfile checks every CRC; the weights' hash and the manifest's entry list are compared with ours.
    const QString script = QStringLiteral(R"(
import csv, hashlib, io, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
assert bad is None, "bad CRC in " + str(bad)
names = z.namelist()
m = json.loads(z.read("manifest.json"))
assert m["format"] == "quantbench-run-bundle" and m["version"] == 1, m
assert sorted(m["entries"]) == sorted(names), (m["entries"], names)
assert all("/" not in n and ".." not in n for n in names)
run = json.loads(z.read("run.json"))
rows = list(csv.DictReader(io.StringIO(z.read("epochs.csv").decode())))
assert len(rows) == run["epochs_done"], rows
assert float(rows[-1]["test_accuracy"]) == run["final_test_accuracy"]
sweeps = json.loads(z.read("sweeps.json"))["sweeps"]
assert z.read("curves.png")[:8] == b"\x89PNG\r\n\x1a\n" and z.read("confusion.png")[:8] == b"\x89PNG\r\n\x1a\n"
assert b"<svg" in z.read("curves.svg")
confusion = list(csv.reader(io.StringIO(z.read("confusion.csv").decode())))
print(hashlib.sha256(z.read("weights")).hexdigest(), len(names), len(sweeps), len(confusion) - 1,
      sum(int(v) for r in confusion[1:] for v in r[1:]))
)");
    QProcess p;
    p.start(python, {QStringLiteral("-c"), script, m_bundle});
    QVERIFY(p.waitForFinished(60000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    QVERIFY2(p.exitCode() == 0, qPrintable(QString::fromUtf8(p.readAllStandardError())));
    QFile weights(m_archive.weightsPath);
    QVERIFY(weights.open(QIODevice::ReadOnly));
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(weights.readAll(), QCryptographicHash::Sha256).toHex());
    QCOMPARE(out, QStringLiteral("%1 13 2 10 %2").arg(hash).arg(m_data.test.count));
}

void TestRunBundle::importTwiceGivesOneRun()
{
    QTemporaryDir dir;
    ExperimentStore target;
    QVERIFY(target.open(dir.filePath(QStringLiteral("history.sqlite"))));
    bool already = true;
    const auto first = importRunBundle(target, m_bundle, &already);
    QVERIFY2(first, qPrintable(first.error()));
    QVERIFY(!already);
    // A copy of the file under another name is the same bundle.
    const QString copy = dir.filePath(QStringLiteral("renamed.qbrun"));
    QVERIFY(QFile::copy(m_bundle, copy));
    const auto second = importRunBundle(target, copy, &already);
    QVERIFY2(second, qPrintable(second.error()));
    QVERIFY(already);
    QCOMPARE(*second, *first);
    const auto third = importRunBundle(target, m_bundle); // no flag wanted
    QVERIFY(third);
    QCOMPARE(*third, *first);
    QCOMPARE(target.runs()->size(), 1);
    QCOMPARE(target.sweeps(*first)->size(), 2);
    QCOMPARE(target.epochs(*first)->size(), 2);
}

void TestRunBundle::hostileBundles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("parent path") << "parent"
                                 << "entry '../evil' has a path outside the bundle";
    QTest::newRow("absolute path") << "absolute"
                                   << "entry '/etc/x' has an absolute path";
    QTest::newRow("backslash") << "backslash"
                               << "entry '..\\evil' has a backslash";
    QTest::newRow("folder") << "folder"
                            << "entry 'extra/notes.txt' is a folder or lies in one";
    QTest::newRow("unknown name") << "unknown"
                                  << "entry 'readme.txt' is not part of a run bundle (unknown name)";
    QTest::newRow("duplicate") << "duplicate"
                               << "two of its entries have the same name";
    QTest::newRow("zip bomb ratio") << "bomb"
                                    << "a ratio above 100:1";
    QTest::newRow("huge declared size") << "huge"
                                        << "entry 'weights' declares 2147483000 bytes";
    QTest::newRow("manifest not an object") << "manifest-array"
                                            << "manifest.json must hold a JSON object";
    QTest::newRow("manifest wrong type") << "manifest-type"
                                         << "manifest.json: field 'version' must be an integer";
    QTest::newRow("manifest missing field") << "manifest-missing"
                                            << "manifest.json: field 'identity' is missing";
    QTest::newRow("manifest other format") << "manifest-format"
                                           << "manifest.json: the format is 'something-else'";
    QTest::newRow("newer version") << "manifest-newer"
                                   << "written by a newer QuantBench (bundle version 2";
    QTest::newRow("manifest lists too few") << "manifest-entries"
                                            << "manifest.json: the list of entries";
    QTest::newRow("experiment not json") << "experiment-syntax"
                                         << "experiment.json is not valid JSON";
    QTest::newRow("experiment invalid") << "experiment-invalid"
                                        << "experiment.json: ";
    QTest::newRow("network mismatch") << "network-mismatch"
                                      << "network.json does not describe the network";
    QTest::newRow("missing weights") << "no-weights"
                                     << "entry 'weights' is missing";
    QTest::newRow("weights changed") << "weights-changed"
                                     << "do not match the identity in manifest.json";
    QTest::newRow("epochs bad number") << "epochs-number"
                                       << "epochs.csv, line 2: field 3 ('abc') is not a number";
    QTest::newRow("epochs bad header") << "epochs-header"
                                       << "epochs.csv must start with the header line";
    QTest::newRow("epochs out of order") << "epochs-order"
                                         << "epochs.csv, line 3: epoch 5 where epoch 2";
    QTest::newRow("run wrong type") << "run-type"
                                    << "run.json: field 'seed' must be an integer";
    QTest::newRow("run bad status") << "run-status"
                                    << "run.json: field 'status': 'flying' is not a run status";
    QTest::newRow("run accuracy edited") << "run-accuracy"
                                         << "run.json: the final and best test accuracies";
    QTest::newRow("sweeps wrong shape") << "sweeps-shape"
                                        << "sweeps.json: field 'sweeps' must be a list";
    QTest::newRow("sweep point wrong type") << "sweeps-point"
                                            << "sweeps.json: sweep 1, point 2: field 'value'";
    QTest::newRow("not a zip") << "not-zip"
                               << "this is not a zip archive";
    QTest::newRow("empty file") << "empty"
                                << "the file is empty";
    QTest::newRow("truncated") << "truncated"
                               << "bundle ";
    QTest::newRow("missing file") << "missing"
                                  << "the file does not exist";
}

void TestRunBundle::hostileBundles()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hostile-%1.qbrun").arg(kind));
    const Entries good = m_entries;
    auto manifest = [&good](const std::function<void(QJsonObject &)> &edit) {
        QJsonObject m = jsonOf(entry(good, QStringLiteral("manifest.json")));
        edit(m);
        return replaced(good, QStringLiteral("manifest.json"), bytesOf(m));
    };
    auto withManifestListing = [](Entries entries) {
        // keep the manifest honest about the entry list, so the check under test is the one that fires
        QJsonObject m = jsonOf(entry(entries, QStringLiteral("manifest.json")));
        QJsonArray names;
        for (const auto &e : entries)
            names.append(e.first);
        m.insert(QStringLiteral("entries"), names);
        return replaced(entries, QStringLiteral("manifest.json"), bytesOf(m));
    };
    auto runJson = [&good](const std::function<void(QJsonObject &)> &edit) {
        QJsonObject r = jsonOf(entry(good, QStringLiteral("run.json")));
        edit(r);
        return replaced(good, QStringLiteral("run.json"), bytesOf(r));
    };

    bool made = true;
    if (kind == QLatin1String("parent"))
        made = writeZip(path, Entries(good) << qMakePair(QStringLiteral("../evil"), QByteArray("x")));
    else if (kind == QLatin1String("absolute"))
        made = writeZip(path, Entries(good) << qMakePair(QStringLiteral("/etc/x"), QByteArray("x")));
    else if (kind == QLatin1String("backslash"))
        made = writeZip(path, Entries(good) << qMakePair(QStringLiteral("..\\evil"), QByteArray("x")));
    else if (kind == QLatin1String("folder"))
        made = writeZip(path, Entries(good) << qMakePair(QStringLiteral("extra/notes.txt"), QByteArray("x")));
    else if (kind == QLatin1String("unknown"))
        made = writeZip(path,
            withManifestListing(Entries(good) << qMakePair(QStringLiteral("readme.txt"), QByteArray("x"))));
    else if (kind == QLatin1String("duplicate")) {
        // libzip refuses to add a name twice: rename another entry to the same length, then patch it
        Entries e = Entries(good) << qMakePair(QStringLiteral("xxx.json"), QByteArray("{}"));
        made = writeZip(path, e);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        QCOMPARE(bytes.count("xxx.json"), 2); // local header and central directory
        bytes.replace("xxx.json", "run.json");
        f.seek(0);
        f.write(bytes);
    } else if (kind == QLatin1String("bomb"))
        made
            = writeZip(path, replaced(good, QStringLiteral("summary.txt"), QByteArray(8 * 1024 * 1024, ' ')));
    else if (kind == QLatin1String("huge")) {
        made = writeZip(path, good);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        QVERIFY(forgeDeclaredSize(bytes, "weights", 2147483000u));
        f.seek(0);
        f.write(bytes);
    } else if (kind == QLatin1String("manifest-array"))
        made = writeZip(path, replaced(good, QStringLiteral("manifest.json"), "[1, 2]"));
    else if (kind == QLatin1String("manifest-type"))
        made = writeZip(path,
            manifest([](QJsonObject &m) { m.insert(QStringLiteral("version"), QStringLiteral("one")); }));
    else if (kind == QLatin1String("manifest-missing"))
        made = writeZip(path, manifest([](QJsonObject &m) { m.remove(QStringLiteral("identity")); }));
    else if (kind == QLatin1String("manifest-format"))
        made = writeZip(path, manifest([](QJsonObject &m) {
            m.insert(QStringLiteral("format"), QStringLiteral("something-else"));
        }));
    else if (kind == QLatin1String("manifest-newer"))
        made = writeZip(path, manifest([](QJsonObject &m) { m.insert(QStringLiteral("version"), 2); }));
    else if (kind == QLatin1String("manifest-entries"))
        made = writeZip(path, without(good, QStringLiteral("summary.txt")));
    else if (kind == QLatin1String("experiment-syntax"))
        made = writeZip(path, replaced(good, QStringLiteral("experiment.json"), "{\"format\": "));
    else if (kind == QLatin1String("experiment-invalid")) {
        QJsonObject e = jsonOf(entry(good, QStringLiteral("experiment.json")));
        QJsonObject network = e.value(QStringLiteral("network")).toObject();
        QJsonArray layers = network.value(QStringLiteral("layers")).toArray();
        QJsonObject first = layers[0].toObject();
        first.insert(QStringLiteral("type"), QStringLiteral("teleporter"));
        layers[0] = first;
        network.insert(QStringLiteral("layers"), layers);
        e.insert(QStringLiteral("network"), network);
        made = writeZip(path, replaced(good, QStringLiteral("experiment.json"), bytesOf(e)));
    } else if (kind == QLatin1String("network-mismatch")) {
        QJsonObject n = jsonOf(entry(good, QStringLiteral("network.json")));
        n.insert(QStringLiteral("name"), QStringLiteral("another network"));
        made = writeZip(path, replaced(good, QStringLiteral("network.json"), bytesOf(n)));
    } else if (kind == QLatin1String("no-weights"))
        made = writeZip(path, withManifestListing(without(good, QStringLiteral("weights"))));
    else if (kind == QLatin1String("weights-changed")) {
        QByteArray w = entry(good, QStringLiteral("weights"));
        w[w.size() / 2] = char(w[w.size() / 2] ^ 0x01);
        made = writeZip(path, replaced(good, QStringLiteral("weights"), w));
    } else if (kind == QLatin1String("epochs-number")) {
        QList<QByteArray> lines = entry(good, QStringLiteral("epochs.csv")).split('\n');
        QList<QByteArray> fields = lines[1].split(',');
        fields[2] = "abc";
        lines[1] = fields.join(',');
        made = writeZip(path, replaced(good, QStringLiteral("epochs.csv"), lines.join('\n')));
    } else if (kind == QLatin1String("epochs-header")) {
        QByteArray csv = entry(good, QStringLiteral("epochs.csv"));
        csv.replace("train_loss", "loss");
        made = writeZip(path, replaced(good, QStringLiteral("epochs.csv"), csv));
    } else if (kind == QLatin1String("epochs-order")) {
        QList<QByteArray> lines = entry(good, QStringLiteral("epochs.csv")).split('\n');
        lines[2] = "5" + lines[2].mid(lines[2].indexOf(','));
        made = writeZip(path, replaced(good, QStringLiteral("epochs.csv"), lines.join('\n')));
    } else if (kind == QLatin1String("run-type"))
        made = writeZip(
            path, runJson([](QJsonObject &r) { r.insert(QStringLiteral("seed"), QStringLiteral("42")); }));
    else if (kind == QLatin1String("run-status"))
        made = writeZip(path,
            runJson([](QJsonObject &r) { r.insert(QStringLiteral("status"), QStringLiteral("flying")); }));
    else if (kind == QLatin1String("run-accuracy"))
        made = writeZip(
            path, runJson([](QJsonObject &r) { r.insert(QStringLiteral("final_test_accuracy"), 0.999); }));
    else if (kind == QLatin1String("sweeps-shape"))
        made = writeZip(path, replaced(good, QStringLiteral("sweeps.json"), R"({"sweeps": {}})"));
    else if (kind == QLatin1String("sweeps-point")) {
        QJsonObject root = jsonOf(entry(good, QStringLiteral("sweeps.json")));
        QJsonArray sweeps = root.value(QStringLiteral("sweeps")).toArray();
        QJsonObject sweep = sweeps[0].toObject();
        QJsonArray points = sweep.value(QStringLiteral("points")).toArray();
        QJsonObject point = points[1].toObject();
        point.insert(QStringLiteral("value"), QStringLiteral("0.05"));
        points[1] = point;
        sweep.insert(QStringLiteral("points"), points);
        sweeps[0] = sweep;
        root.insert(QStringLiteral("sweeps"), sweeps);
        made = writeZip(path, replaced(good, QStringLiteral("sweeps.json"), bytesOf(root)));
    } else if (kind == QLatin1String("not-zip")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name,accuracy\nrun 1,0.9\n");
    } else if (kind == QLatin1String("empty")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
    } else if (kind == QLatin1String("truncated")) {
        QFile in(m_bundle), out(path);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(in.readAll().left(int(in.size() * 2 / 3)));
    } else if (kind != QLatin1String("missing")) {
        QFAIL("unknown kind");
    }
    QVERIFY(made);

    // A history that already holds one run.
    const QString db = dir.filePath(QStringLiteral("history.sqlite"));
    {
        ExperimentStore store;
        QVERIFY(store.open(db));
        RunRecord r;
        r.name = QStringLiteral("already here");
        QVERIFY(store.createRun(r));
    }
    const QString runsFolder = dir.filePath(QStringLiteral("history-runs"));
    const int foldersBefore = QDir(runsFolder).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size();

    ExperimentStore store;
    QVERIFY(store.open(db));
    bool already = true;
    const Result<qint64> imported = importRunBundle(store, path, &already);
    QVERIFY2(!imported, "a hostile bundle was imported");
    QVERIFY(!already);
    qInfo().noquote() << imported.error();
    QVERIFY2(imported.error().contains(QFileInfo(path).fileName()), qPrintable(imported.error()));
    QVERIFY2(imported.error().contains(expected), qPrintable(imported.error()));
    QCOMPARE(store.runs()->size(), 1);
    QCOMPARE(QDir(runsFolder).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), foldersBefore);
    // readRunBundle says the same
    const auto read = readRunBundle(path);
    QVERIFY(!read);
    QCOMPARE(read.error(), imported.error());
}

void TestRunBundle::failureMidwayLeavesNoRun()
{
    // The run folder cannot be made (a file stands where the folders of runs go): the weights
    // cannot be copied after the run, its epochs and its artifact rows were begun.
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("history-runs")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    ExperimentStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("history.sqlite"))));
    const auto imported = importRunBundle(store, m_bundle);
    QVERIFY(!imported);
    qInfo().noquote() << imported.error();
    QVERIFY2(imported.error().contains(QFileInfo(m_bundle).fileName()), qPrintable(imported.error()));
    QVERIFY2(imported.error().contains(QStringLiteral("weights.pt")), qPrintable(imported.error()));
    QCOMPARE(store.runs()->size(), 0);
    // nothing left that would make a later import think it is there already
    blocker.remove();
    bool already = true;
    const auto retried = importRunBundle(store, m_bundle, &already);
    QVERIFY2(retried, qPrintable(retried.error()));
    QVERIFY(!already);
    QCOMPARE(store.runs()->size(), 1);
}

void TestRunBundle::unwritableTarget()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("somefile"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("I am a file, not a folder");
    f.close();
    const QString target = file + QStringLiteral("/out.qbrun");
    const Status s = writeRunBundle(m_archive, target);
    QVERIFY(!s);
    qInfo().noquote() << s.error();
    QVERIFY2(s.error().contains(QDir::toNativeSeparators(target)), qPrintable(s.error()));
    QVERIFY(!QFile::exists(target));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
        QStringList{QStringLiteral("somefile")});

    // a folder in the way of the file itself
    const QString folder = dir.filePath(QStringLiteral("folder.qbrun"));
    QVERIFY(QDir().mkpath(folder));
    const Status t = writeRunBundle(m_archive, folder);
    QVERIFY(!t);
    QVERIFY2(t.error().contains(QDir::toNativeSeparators(folder)), qPrintable(t.error()));
}

void TestRunBundle::refusesWhatItCannotBundle()
{
    QTemporaryDir dir;
    RunArchive archive = m_archive;
    archive.weightsPath.clear();
    const QString target = dir.filePath(QStringLiteral("x.qbrun"));
    const Status s = writeRunBundle(archive, target);
    QVERIFY(!s);
    QVERIFY2(s.error().contains(QStringLiteral("no saved weights")), qPrintable(s.error()));
    QVERIFY2(s.error().contains(QDir::toNativeSeparators(target)), qPrintable(s.error()));
    archive.weightsPath = dir.filePath(QStringLiteral("gone.pt"));
    const Status t = writeRunBundle(archive, target);
    QVERIFY(!t);
    QVERIFY2(t.error().contains(QStringLiteral("gone.pt")), qPrintable(t.error()));
    QVERIFY(!QFile::exists(target));
    // a network the importer would refuse (no layers)
    archive = m_archive;
    ExperimentSpec spec;
    archive.run.specJson = QString::fromUtf8(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact));
    const Status u = writeRunBundle(archive, target);
    QVERIFY(!u);
    QVERIFY2(u.error().contains(QStringLiteral("is not valid")), qPrintable(u.error()));
    QVERIFY(!QFile::exists(target));
}

QTEST_MAIN(TestRunBundle)
#include "tst_runbundle.moc"
