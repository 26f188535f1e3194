// quantbench-cli as a user runs it: exit codes, messages naming the bad file/layer/field, JSON
// output, the history, and a SIGKILL in the middle of an epoch.
#include "clitestutil.h"

#include "spec/experimentspec.h"
#include "spec/presetlibrary.h"
#include "store/experimentstore.h"

#include <QDir>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace qbtest;

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void usageAndExitCodes();
    void presetsJson();
    void summaryJson();
    void badInputExitsWithTwo_data();
    void badInputExitsWithTwo();
    void trainRecordsRunAndWeights();
    void damagedDatabaseIsRefused();
    void sigkillLeavesHistoryIntact();
    void experimentFileDrivesTheRun();
    void sigtermCancelsTheRun();
    void repeatReportsMeanAndSpread();
    void ptqSweepStoresPointsAndKeepsWeights();
    void mlpBinaryOnCsvTable();
    void monteCarloAndNoiseSweep();

private:
    QTemporaryDir m_dir;
    QString m_data; ///< a small valid IDX dataset
    QString writeFile(const QString &name, const QByteArray &content);
    /// Trains cnn-mnist on the small band dataset into `db` (JSON output).
    CliResult trainBands(const QString &db, int epochs) const;
    /// Starts a 100-epoch cnn-mnist run on the small dataset, one thread, JSON output.
    void startLongTraining(QProcess &p, const QString &db) const;
    /// Reads the process's stdout until `epochs` epoch events arrived (5 minutes at most).
    static QByteArray waitForEpochs(QProcess &p, int epochs);
};

CliResult TestCli::trainBands(const QString &db, int epochs) const
{
    return runCli({QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("cnn-mnist"),
                   QStringLiteral("--data-dir"), m_data, QStringLiteral("--epochs"), QString::number(epochs),
                   QStringLiteral("--db"), db, QStringLiteral("--json")});
}

void TestCli::startLongTraining(QProcess &p, const QString &db) const
{
    p.start(cliPath(), {QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("cnn-mnist"),
                        QStringLiteral("--data-dir"), m_data, QStringLiteral("--epochs"), QStringLiteral("100"),
                        QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--db"), db,
                        QStringLiteral("--json")});
}

QByteArray TestCli::waitForEpochs(QProcess &p, int epochs)
{
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (out.count("\"event\":\"epoch\"") < epochs && timer.elapsed() < 300000) {
        p.waitForReadyRead(1000);
        out += p.readAllStandardOutput();
    }
    return out;
}

void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(cliPath()), "QB_CLI must point at quantbench-cli (ctest sets it)");
    m_data = m_dir.filePath(QStringLiteral("good"));
    QDir().mkpath(m_data);
    writeIdxDataset(m_data, 2000, 400);
}

QString TestCli::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

void TestCli::usageAndExitCodes()
{
    QCOMPARE(runCli({}).exitCode, 2);
    const CliResult help = runCli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QLatin1String("train")));
    const CliResult unknown = runCli({QStringLiteral("frobnicate")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains(QLatin1String("frobnicate")));
    const CliResult trainHelp = runCli({QStringLiteral("train"), QStringLiteral("--help")});
    QCOMPARE(trainHelp.exitCode, 0);
    QVERIFY(trainHelp.out.contains(QLatin1String("--epochs")));
    const CliResult badOption = runCli({QStringLiteral("train"), QStringLiteral("--epochz"), QStringLiteral("3")});
    QCOMPARE(badOption.exitCode, 2);
    const CliResult badNumber = runCli({QStringLiteral("train"), QStringLiteral("--preset"),
                                        QStringLiteral("cnn-mnist"), QStringLiteral("--epochs"), QStringLiteral("zero")});
    QCOMPARE(badNumber.exitCode, 2);
    QVERIFY(badNumber.err.contains(QLatin1String("--epochs")));
}

void TestCli::presetsJson()
{
    const CliResult r = runCli({QStringLiteral("presets"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray presets = r.jsonLines().value(0).value(QStringLiteral("presets")).toArray();
    QStringList names;
    for (const QJsonValue &v : presets)
        names << v.toObject().value(QStringLiteral("name")).toString();
    for (const char *expected : {"larq-mnist-bnn", "cnn-mnist", "lab-cnn", "lab-bnn"})
        QVERIFY2(names.contains(QLatin1String(expected)), expected);
}

void TestCli::summaryJson()
{
    const CliResult r = runCli({QStringLiteral("summary"), QStringLiteral("--preset"), QStringLiteral("larq-mnist-bnn"),
                                QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject totals = r.jsonLines().value(0).value(QStringLiteral("totals")).toObject();
    QCOMPARE(totals.value(QStringLiteral("params")).toObject().value(QStringLiteral("1")).toDouble(), 93088.0);
    QCOMPARE(totals.value(QStringLiteral("params")).toObject().value(QStringLiteral("32")).toDouble(), 468.0);
    const QJsonArray layers = r.jsonLines().value(0).value(QStringLiteral("layers")).toArray();
    QCOMPARE(layers.size(), 14);
    QCOMPARE(layers[0].toObject().value(QStringLiteral("params")).toObject().value(QStringLiteral("1")).toDouble(), 288.0);
}

void TestCli::badInputExitsWithTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("mustMention");

    // A truncated IDX images file: the header promises more pixels than there are.
    const QString truncated = m_dir.filePath(QStringLiteral("truncated"));
    QDir().mkpath(truncated);
    writeIdxDataset(truncated, 50, 20);
    {
        QFile f(truncated + QStringLiteral("/train-images-idx3-ubyte"));
        f.open(QIODevice::ReadWrite);
        f.resize(f.size() - 1000);
    }
    QTest::newRow("truncated idx") << QStringList{QStringLiteral("--preset"), QStringLiteral("cnn-mnist"),
                                                  QStringLiteral("--data-dir"), truncated}
                                   << QStringList{QStringLiteral("train-images-idx3-ubyte"), QStringLiteral("truncated")};

    // Wrong magic number in the labels file.
    const QString badMagic = m_dir.filePath(QStringLiteral("badmagic"));
    QDir().mkpath(badMagic);
    writeIdxDataset(badMagic, 50, 20);
    {
        QFile f(badMagic + QStringLiteral("/t10k-labels-idx1-ubyte"));
        f.open(QIODevice::ReadWrite);
        f.write(QByteArray("\x00\x00\x09\x99", 4));
    }
    QTest::newRow("wrong magic") << QStringList{QStringLiteral("--preset"), QStringLiteral("cnn-mnist"),
                                                QStringLiteral("--data-dir"), badMagic}
                                 << QStringList{QStringLiteral("t10k-labels-idx1-ubyte"), QStringLiteral("magic")};

    // A corrupt gzip file.
    const QString badGz = m_dir.filePath(QStringLiteral("badgz"));
    QDir().mkpath(badGz);
    writeIdxDataset(badGz, 50, 20);
    QFile::remove(badGz + QStringLiteral("/train-images-idx3-ubyte"));
    writeFile(QStringLiteral("badgz/train-images-idx3-ubyte.gz"), QByteArray("\x1f\x8b\x08\x00garbagegarbage", 18));
    QTest::newRow("corrupt gzip") << QStringList{QStringLiteral("--preset"), QStringLiteral("cnn-mnist"),
                                                 QStringLiteral("--data-dir"), badGz}
                                  << QStringList{QStringLiteral("train-images-idx3-ubyte.gz")};

    // CIFAR-10 batch files of the wrong size.
    const QString cifar = m_dir.filePath(QStringLiteral("cifar"));
    for (const QString &name : {QStringLiteral("data_batch_1.bin"), QStringLiteral("data_batch_2.bin"),
                                QStringLiteral("data_batch_3.bin"), QStringLiteral("data_batch_4.bin"),
                                QStringLiteral("data_batch_5.bin"), QStringLiteral("test_batch.bin")})
        writeFile(QStringLiteral("cifar/") + name, QByteArray(3073 * 2 + (name == QLatin1String("data_batch_3.bin") ? 5 : 0), 1));
    QTest::newRow("cifar wrong size") << QStringList{QStringLiteral("--preset"), QStringLiteral("lab-cnn"),
                                                     QStringLiteral("--dataset"), QStringLiteral("cifar10"),
                                                     QStringLiteral("--data-dir"), cifar}
                                      << QStringList{QStringLiteral("data_batch_3.bin")};

    // A network with a dense layer straight after a convolution (no flatten).
    const QString noFlatten = writeFile(
        QStringLiteral("noflatten.json"),
        R"({"format":"quantbench-network","version":1,"name":"bad","input":{"channels":1,"height":28,"width":28},
            "layers":[{"type":"conv2d","filters":4},{"type":"dense","units":10}]})");
    QTest::newRow("dense after conv") << QStringList{QStringLiteral("--network"), noFlatten, QStringLiteral("--data-dir"), m_data}
                                      << QStringList{QStringLiteral("layer 2"), QStringLiteral("dense"), QStringLiteral("flatten")};

    // A kernel larger than its input.
    const QString bigKernel = writeFile(
        QStringLiteral("bigkernel.json"),
        R"({"format":"quantbench-network","version":1,"name":"bad","input":{"channels":1,"height":28,"width":28},
            "layers":[{"type":"conv2d","filters":4,"kernel":[30,30]},{"type":"flatten"},{"type":"dense","units":10}]})");
    QTest::newRow("kernel too large") << QStringList{QStringLiteral("--network"), bigKernel, QStringLiteral("--data-dir"), m_data}
                                      << QStringList{QStringLiteral("layer 1"), QStringLiteral("kernel")};

    const QString unknownType = writeFile(
        QStringLiteral("unknowntype.json"),
        R"({"format":"quantbench-network","version":1,"name":"bad","input":{"channels":1,"height":28,"width":28},
            "layers":[{"type":"conv3d","filters":4}]})");
    QTest::newRow("unknown layer type") << QStringList{QStringLiteral("--network"), unknownType}
                                        << QStringList{QStringLiteral("layer 1"), QStringLiteral("conv3d")};

    const QString notJson = writeFile(QStringLiteral("broken.json"), "{\"format\": \"quantbench-network\", ");
    QTest::newRow("malformed json") << QStringList{QStringLiteral("--network"), notJson}
                                    << QStringList{QStringLiteral("broken.json")};

    QTest::newRow("missing network file") << QStringList{QStringLiteral("--network"), m_dir.filePath(QStringLiteral("nope.json"))}
                                          << QStringList{QStringLiteral("nope.json")};
    QTest::newRow("unknown preset") << QStringList{QStringLiteral("--preset"), QStringLiteral("resnet-9000")}
                                    << QStringList{QStringLiteral("resnet-9000"), QStringLiteral("larq-mnist-bnn")};
    QTest::newRow("unknown dataset") << QStringList{QStringLiteral("--preset"), QStringLiteral("cnn-mnist"),
                                                    QStringLiteral("--dataset"), QStringLiteral("imagenet")}
                                     << QStringList{QStringLiteral("imagenet")};
    // The network expects 1x28x28 but CIFAR-10 images are 3x32x32 (valid CIFAR files this time).
    const QString goodCifar = m_dir.filePath(QStringLiteral("goodcifar"));
    for (const QString &name : {QStringLiteral("data_batch_1.bin"), QStringLiteral("data_batch_2.bin"),
                                QStringLiteral("data_batch_3.bin"), QStringLiteral("data_batch_4.bin"),
                                QStringLiteral("data_batch_5.bin"), QStringLiteral("test_batch.bin")})
        writeFile(QStringLiteral("goodcifar/") + name, QByteArray(3073 * 2, 1));
    QTest::newRow("input shape vs dataset") << QStringList{QStringLiteral("--preset"), QStringLiteral("cnn-mnist"),
                                                           QStringLiteral("--dataset"), QStringLiteral("cifar10"),
                                                           QStringLiteral("--data-dir"), goodCifar}
                                            << QStringList{QStringLiteral("1x28x28"), QStringLiteral("3x32x32")};
}

void TestCli::badInputExitsWithTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, mustMention);
    const QString db = m_dir.filePath(QStringLiteral("bad-input.sqlite"));
    const CliResult r = runCli(QStringList{QStringLiteral("train")} + args + QStringList{QStringLiteral("--db"), db});
    QCOMPARE(r.exitCode, 2);
    for (const QString &word : mustMention)
        QVERIFY2(r.err.contains(word), qPrintable(QStringLiteral("'%1' not in: %2").arg(word, r.err)));
    QVERIFY2(!r.err.contains(QLatin1String("terminate called")), qPrintable(r.err));
}

void TestCli::trainRecordsRunAndWeights()
{
    const QString db = m_dir.filePath(QStringLiteral("train.sqlite"));
    const CliResult r = runCli({QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("cnn-mnist"),
                                QStringLiteral("--data-dir"), m_data, QStringLiteral("--epochs"), QStringLiteral("2"),
                                QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("--threads"),
                                QStringLiteral("2"), QStringLiteral("--name"), QStringLiteral("bands")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QList<QJsonObject> lines = r.jsonLines();
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0].value(QStringLiteral("event")).toString(), QStringLiteral("epoch"));
    QCOMPARE(lines[1].value(QStringLiteral("epoch")).toInt(), 2);
    for (const char *key : {"train_loss", "train_acc", "test_loss", "test_acc", "seconds", "samples_per_s"})
        QVERIFY2(lines[1].contains(QLatin1String(key)), key);
    const QJsonObject done = lines[2];
    QCOMPARE(done.value(QStringLiteral("event")).toString(), QStringLiteral("done"));
    // The bands are easy: far above the 0.1 of chance after two epochs.
    QVERIFY2(done.value(QStringLiteral("test_acc")).toDouble() > 0.9, qPrintable(r.out));
    const qint64 runId = qint64(done.value(QStringLiteral("run_id")).toDouble());
    QVERIFY(QFile::exists(done.value(QStringLiteral("weights")).toString()));

    const CliResult h = runCli({QStringLiteral("history"), QStringLiteral("--db"), db, QStringLiteral("--json")});
    QCOMPARE(h.exitCode, 0);
    const QJsonArray runs = h.jsonLines().value(0).value(QStringLiteral("runs")).toArray();
    QCOMPARE(runs.size(), 1);
    const QJsonObject run = runs[0].toObject();
    QCOMPARE(qint64(run.value(QStringLiteral("id")).toDouble()), runId);
    QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("finished"));
    QCOMPARE(run.value(QStringLiteral("name")).toString(), QStringLiteral("bands"));
    QCOMPARE(run.value(QStringLiteral("epochs_done")).toInt(), 2);
    QCOMPARE(run.value(QStringLiteral("final_test_acc")).toDouble(), done.value(QStringLiteral("test_acc")).toDouble());

    qb::ExperimentStore store;
    QVERIFY(store.open(db).ok());
    auto artifacts = store.artifacts(runId);
    QVERIFY(artifacts.ok());
    QCOMPARE(artifacts->size(), 1);
    QCOMPARE(artifacts->first().kind, QStringLiteral("weights"));
    auto record = store.run(runId);
    QVERIFY(record.ok());
    QVERIFY(record->specJson.contains(QLatin1String("\"cnn-mnist\"")));

    const CliResult text = runCli({QStringLiteral("history"), QStringLiteral("--db"), db});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(QLatin1String("bands")) && text.out.contains(QLatin1String("finished")));
}

void TestCli::damagedDatabaseIsRefused()
{
    const QByteArray content("this is my thesis draft, not a database\n");
    const QString path = writeFile(QStringLiteral("thesis.txt"), content);
    const CliResult r = runCli({QStringLiteral("history"), QStringLiteral("--db"), path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(path), qPrintable(r.err));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content);
}

void TestCli::sigkillLeavesHistoryIntact()
{
    const QString db = m_dir.filePath(QStringLiteral("killed.sqlite"));
    QProcess p;
    startLongTraining(p, db);
    QVERIFY(p.waitForStarted());
    // Wait for two finished epochs, then kill in the middle of the third.
    QByteArray out = waitForEpochs(p, 2);
    QCOMPARE(out.count("\"event\":\"epoch\""), 2);
    QTest::qSleep(300);
    ::kill(pid_t(p.processId()), SIGKILL);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::CrashExit);

    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
        raw.setDatabaseName(db);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("integrity"));

    const CliResult h = runCli({QStringLiteral("history"), QStringLiteral("--db"), db, QStringLiteral("--json")});
    QCOMPARE(h.exitCode, 0);
    const QJsonArray runs = h.jsonLines().value(0).value(QStringLiteral("runs")).toArray();
    QCOMPARE(runs.size(), 1);
    const QJsonObject run = runs[0].toObject();
    QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("interrupted"));
    QVERIFY2(run.value(QStringLiteral("epochs_done")).toInt() >= 2, qPrintable(h.out));
}

void TestCli::experimentFileDrivesTheRun()
{
    qb::ExperimentSpec spec;
    spec.name = QStringLiteral("from-file");
    spec.dataset = QStringLiteral("mnist"); // the folder given with --data-dir holds our bands
    spec.network = *qb::PresetLibrary::load(QStringLiteral("cnn-mnist"));
    spec.train.epochs = 1;
    spec.train.batchSize = 100;
    spec.train.trainLimit = 500;
    spec.train.testLimit = 100;
    spec.train.optimizer = qb::OptimizerKind::Sgd;
    spec.train.learningRate = 0.05;
    const QString path = m_dir.filePath(QStringLiteral("experiment.json"));
    QVERIFY(spec.saveToFile(path).ok());
    const QString db = m_dir.filePath(QStringLiteral("experiment.sqlite"));
    const CliResult r = runCli({QStringLiteral("train"), QStringLiteral("--experiment"), path, QStringLiteral("--data-dir"),
                                m_data, QStringLiteral("--db"), db, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const qint64 runId = qint64(r.jsonLines().last().value(QStringLiteral("run_id")).toDouble());
    qb::ExperimentStore store;
    QVERIFY(store.open(db).ok());
    auto run = store.run(runId);
    QVERIFY(run.ok());
    QCOMPARE(run->name, QStringLiteral("from-file"));
    QCOMPARE(run->dataset, QStringLiteral("mnist"));
    // The frozen spec in the history is the experiment that ran, and it parses back identically.
    auto frozen = qb::ExperimentSpec::fromJson(QJsonDocument::fromJson(run->specJson.toUtf8()).object());
    QVERIFY2(frozen.ok(), qPrintable(frozen.error()));
    QVERIFY(*frozen == spec);

    const CliResult both = runCli({QStringLiteral("train"), QStringLiteral("--experiment"), path,
                                   QStringLiteral("--preset"), QStringLiteral("cnn-mnist")});
    QCOMPARE(both.exitCode, 2);
}

void TestCli::sigtermCancelsTheRun()
{
    const QString db = m_dir.filePath(QStringLiteral("cancelled.sqlite"));
    QProcess p;
    startLongTraining(p, db);
    QVERIFY(p.waitForStarted());
    QByteArray out = waitForEpochs(p, 1);
    p.terminate(); // SIGTERM: stop between batches, record as cancelled
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 1);
    out += p.readAllStandardOutput();
    QVERIFY2(out.contains("\"status\":\"cancelled\""), out.constData());
    qb::ExperimentStore store;
    QVERIFY(store.open(db).ok());
    auto runs = store.runs();
    QVERIFY(runs.ok() && runs->size() == 1);
    QCOMPARE(runs->first().status, qb::RunStatus::Cancelled);
    QVERIFY(runs->first().epochsDone >= 1);
}

void TestCli::repeatReportsMeanAndSpread()
{
    const QString db = m_dir.filePath(QStringLiteral("repeat.sqlite"));
    const CliResult r = runCli({QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("cnn-mnist"),
                                QStringLiteral("--data-dir"), m_data, QStringLiteral("--epochs"), QStringLiteral("1"),
                                QStringLiteral("--train-limit"), QStringLiteral("600"), QStringLiteral("--repeat"),
                                QStringLiteral("3"), QStringLiteral("--seed"), QStringLiteral("10"),
                                QStringLiteral("--db"), db, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVector<double> accuracies;
    QList<qint64> ids;
    for (const QJsonObject &line : r.jsonLines()) {
        if (line.value(QStringLiteral("event")).toString() == QLatin1String("run_done")) {
            accuracies << line.value(QStringLiteral("test_acc")).toDouble();
            ids << qint64(line.value(QStringLiteral("run_id")).toDouble());
        }
    }
    QCOMPARE(accuracies.size(), 3);
    const QJsonObject done = r.jsonLines().last();
    QCOMPARE(done.value(QStringLiteral("event")).toString(), QStringLiteral("done"));
    double mean = (accuracies[0] + accuracies[1] + accuracies[2]) / 3.0;
    double var = 0;
    for (double a : accuracies)
        var += (a - mean) * (a - mean) / 3.0;
    QVERIFY(qAbs(done.value(QStringLiteral("test_acc_mean")).toDouble() - mean) < 1e-12);
    QVERIFY(qAbs(done.value(QStringLiteral("test_acc_std")).toDouble() - std::sqrt(var)) < 1e-12);
    QCOMPARE(done.value(QStringLiteral("test_acc_min")).toDouble(), *std::min_element(accuracies.begin(), accuracies.end()));
    QCOMPARE(done.value(QStringLiteral("test_acc_max")).toDouble(), *std::max_element(accuracies.begin(), accuracies.end()));

    qb::ExperimentStore store;
    QVERIFY(store.open(db).ok());
    for (int i = 0; i < 3; ++i) {
        auto run = store.run(ids[i]);
        QVERIFY(run.ok());
        QCOMPARE(run->groupId, ids[0]);
        QCOMPARE(run->seed, qint64(10 + i));
    }
}

void TestCli::ptqSweepStoresPointsAndKeepsWeights()
{
    const QString db = m_dir.filePath(QStringLiteral("ptq.sqlite"));
    const CliResult t = trainBands(db, 2);
    QVERIFY2(t.exitCode == 0, qPrintable(t.err));
    const QJsonObject trained = t.jsonLines().last();
    const QString runId = QString::number(qint64(trained.value(QStringLiteral("run_id")).toDouble()));
    QFile weights(trained.value(QStringLiteral("weights")).toString());
    QVERIFY(weights.open(QIODevice::ReadOnly));
    const QByteArray before = weights.readAll();
    weights.close();

    const CliResult r = runCli({QStringLiteral("sweep"), QStringLiteral("ptq"), QStringLiteral("--run"), runId,
                                QStringLiteral("--frac-bits"), QStringLiteral("1,16"), QStringLiteral("--word-bits"),
                                QStringLiteral("24"), QStringLiteral("--data-dir"), m_data, QStringLiteral("--db"), db,
                                QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QList<QJsonObject> lines = r.jsonLines();
    QCOMPARE(lines.size(), 3);
    const double floatAcc = lines.last().value(QStringLiteral("float_test_acc")).toDouble();
    QCOMPARE(floatAcc, trained.value(QStringLiteral("test_acc")).toDouble());
    // 16 fraction bits reproduce the float model; 1 fraction bit (inputs and weights in steps of 0.5)
    // does not. (The sharper 8-versus-2-bit comparison runs on Fashion-MNIST in tst_cli_fashion.)
    QVERIFY2(floatAcc > 0.9, qPrintable(t.out));
    QVERIFY2(qAbs(lines[1].value(QStringLiteral("test_acc")).toDouble() - floatAcc) <= 0.01, qPrintable(r.out));
    QVERIFY2(lines[0].value(QStringLiteral("test_acc")).toDouble() < floatAcc - 0.1, qPrintable(r.out));

    QVERIFY(weights.open(QIODevice::ReadOnly));
    QCOMPARE(weights.readAll(), before);
    qb::ExperimentStore store;
    QVERIFY(store.open(db).ok());
    auto sweeps = store.sweeps(runId.toLongLong());
    QVERIFY(sweeps.ok());
    QCOMPARE(sweeps->size(), 1);
    QCOMPARE(sweeps->first().kind, QStringLiteral("ptq"));
    QCOMPARE(sweeps->first().points.size(), 2);
    QCOMPARE(sweeps->first().points[1].accuracyMean, lines[1].value(QStringLiteral("test_acc")).toDouble());

    // Bad requests: unknown run, frac bits that do not fit the word, malformed list.
    const CliResult missing = runCli({QStringLiteral("sweep"), QStringLiteral("ptq"), QStringLiteral("--run"),
                                      QStringLiteral("4242"), QStringLiteral("--db"), db});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(QLatin1String("4242")), qPrintable(missing.err));
    const CliResult tooWide = runCli({QStringLiteral("sweep"), QStringLiteral("ptq"), QStringLiteral("--run"), runId,
                                      QStringLiteral("--word-bits"), QStringLiteral("8"), QStringLiteral("--frac-bits"),
                                      QStringLiteral("6..9"), QStringLiteral("--db"), db});
    QCOMPARE(tooWide.exitCode, 2);
    const CliResult badList = runCli({QStringLiteral("sweep"), QStringLiteral("ptq"), QStringLiteral("--run"), runId,
                                      QStringLiteral("--frac-bits"), QStringLiteral("a..b"), QStringLiteral("--db"), db});
    QCOMPARE(badList.exitCode, 2);
}

void TestCli::mlpBinaryOnCsvTable()
{
    // A 310-row table like the users' (6 numeric features, 3 classes of 60/150/100 rows): each class
    // has its own centre, so a trained model beats the 0.48 of always answering the largest class.
    QByteArray csv("f1,f2,f3,f4,f5,f6,class\n");
    std::mt19937 rng(3);
    std::normal_distribution<double> noise(0.0, 6.0);
    const QList<QPair<QByteArray, QVector<double>>> classes{
        {"DH", {40, 15, 35, 25, 110, 5}}, {"SL", {70, 20, 65, 50, 115, 60}}, {"NO", {50, 12, 45, 38, 125, 2}}};
    const int counts[] = {60, 150, 100};
    for (int c = 0; c < 3; ++c) {
        for (int i = 0; i < counts[c]; ++i) {
            for (double centre : classes[c].second)
                csv += QByteArray::number(centre + noise(rng), 'f', 2) + ',';
            csv += classes[c].first + '\n';
        }
    }
    const QString table = writeFile(QStringLiteral("column_3C.csv"), csv);
    const QString db = m_dir.filePath(QStringLiteral("table.sqlite"));
    const CliResult r = runCli({QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("mlp-binary"),
                                QStringLiteral("--dataset"), table, QStringLiteral("--epochs"), QStringLiteral("20"),
                                QStringLiteral("--batch-size"), QStringLiteral("16"), QStringLiteral("--db"), db,
                                QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject done = r.jsonLines().last();
    QVERIFY2(done.value(QStringLiteral("test_acc")).toDouble() > 0.85, qPrintable(r.out));
    // The history keeps the network as trained: 6 inputs, 3 classes.
    qb::ExperimentStore store;
    QVERIFY(store.open(db).ok());
    auto run = store.run(qint64(done.value(QStringLiteral("run_id")).toDouble()));
    auto spec = qb::ExperimentSpec::fromJson(QJsonDocument::fromJson(run->specJson.toUtf8()).object());
    QVERIFY(spec.ok());
    QCOMPARE(spec->network.input, qb::TensorShape::flat(6));
    QCOMPARE(spec->network.layers[6].units, 3);
}

void TestCli::monteCarloAndNoiseSweep()
{
    const QString db = m_dir.filePath(QStringLiteral("noise.sqlite"));
    const CliResult t = trainBands(db, 2);
    QVERIFY2(t.exitCode == 0, qPrintable(t.err));
    const QJsonObject trained = t.jsonLines().last();
    const QString runId = QString::number(qint64(trained.value(QStringLiteral("run_id")).toDouble()));
    QFile weights(trained.value(QStringLiteral("weights")).toString());
    QVERIFY(weights.open(QIODevice::ReadOnly));
    const QByteArray before = weights.readAll();
    weights.close();

    // Without evaluation nonidealities every chip is the trained model.
    const CliResult e = runCli({QStringLiteral("evaluate"), QStringLiteral("--run"), runId, QStringLiteral("--chips"),
                                QStringLiteral("3"), QStringLiteral("--data-dir"), m_data, QStringLiteral("--db"), db,
                                QStringLiteral("--json")});
    QVERIFY2(e.exitCode == 0, qPrintable(e.err));
    const QJsonArray chips = e.jsonLines().first().value(QStringLiteral("chip_acc")).toArray();
    QCOMPARE(chips.size(), 3);
    for (const QJsonValue &c : chips)
        QCOMPARE(c.toDouble(), trained.value(QStringLiteral("test_acc")).toDouble());

    const QStringList sweepArgs{QStringLiteral("sweep"), QStringLiteral("noise"), QStringLiteral("--run"), runId,
                                QStringLiteral("--param"), QStringLiteral("weight_noise.sigma"), QStringLiteral("--values"),
                                QStringLiteral("0,1.0"), QStringLiteral("--chips"), QStringLiteral("4"),
                                QStringLiteral("--data-dir"), m_data, QStringLiteral("--db"), db, QStringLiteral("--json")};
    const CliResult r = runCli(sweepArgs);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QList<QJsonObject> points = r.jsonLines();
    QCOMPARE(points.size(), 3);
    QCOMPARE(points[0].value(QStringLiteral("test_acc_std")).toDouble(), 0.0);
    QVERIFY(points[1].value(QStringLiteral("test_acc_std")).toDouble() > 0.0);
    QVERIFY(points[1].value(QStringLiteral("test_acc_mean")).toDouble()
            < points[0].value(QStringLiteral("test_acc_mean")).toDouble());
    // Same seed, same chips, same numbers.
    const CliResult again = runCli(sweepArgs);
    QCOMPARE(again.jsonLines()[1].value(QStringLiteral("chip_acc")), points[1].value(QStringLiteral("chip_acc")));

    QVERIFY(weights.open(QIODevice::ReadOnly));
    QCOMPARE(weights.readAll(), before);
    qb::ExperimentStore store;
    QVERIFY(store.open(db).ok());
    auto sweeps = store.sweeps(runId.toLongLong());
    QVERIFY(sweeps.ok());
    QCOMPARE(sweeps->size(), 3);
    QCOMPARE(sweeps->at(0).kind, QStringLiteral("montecarlo"));
    QCOMPARE(sweeps->at(1).kind, QStringLiteral("noise"));
    QCOMPARE(sweeps->at(1).points[1].accuracies.size(), 4);

    // --no-bitpack: torch's float kernels everywhere, the very same chips and numbers.
    const CliResult unpacked = runCli(sweepArgs + QStringList{QStringLiteral("--no-bitpack")});
    QVERIFY2(unpacked.exitCode == 0, qPrintable(unpacked.err));
    QCOMPARE(unpacked.jsonLines()[1].value(QStringLiteral("chip_acc")), points[1].value(QStringLiteral("chip_acc")));

    const CliResult badParam = runCli({QStringLiteral("sweep"), QStringLiteral("noise"), QStringLiteral("--run"), runId,
                                       QStringLiteral("--param"), QStringLiteral("weight_noise.sigmaa"),
                                       QStringLiteral("--values"), QStringLiteral("1"), QStringLiteral("--db"), db});
    QCOMPARE(badParam.exitCode, 2);
    QVERIFY2(badParam.err.contains(QLatin1String("weight_noise.sigmaa")), qPrintable(badParam.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
