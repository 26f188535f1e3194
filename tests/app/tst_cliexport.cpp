// quantbench-cli export / import end to end: every format from a trained run, a bundle into an
// empty history (twice: no duplicate), and the failures a user meets (no such run, a run without
// weights, an unknown format, an unwritable path, a file-size limit as a full disk, a file that is
// not a bundle), each with its message, its exit status and no partial file.
#include "app/clitestutil.h"
#include "core/train/trainedrun.h"

#include "spec/presetlibrary.h"
#include "store/experimentstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace qbtest;

class TestCliExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    qb::testdata::TrainedRun m_run;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QStringList exportArgs(const QString &format, const QString &out) const
    {
        return {QStringLiteral("export"), QStringLiteral("--db"), m_run.dbPath, QStringLiteral("--data-dir"),
            m_run.dataDir, QStringLiteral("--run"), QString::number(m_run.runId), QStringLiteral("--format"), format,
            QStringLiteral("--out"), out};
    }
    /// Files in `dir` (recursively).
    static QStringList filesIn(const QString &dir)
    {
        QStringList files;
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        return files;
    }
    static int runCount(const QString &db)
    {
        const CliResult r = runCli({QStringLiteral("history"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        const QList<QJsonObject> lines = r.jsonLines();
        return lines.isEmpty() ? -1 : int(lines.first().value(QStringLiteral("runs")).toArray().size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // larq-mnist-bnn (93k parameters) on the band images: files large enough for the file-size
        // limit of the full-disk test to cut them, while the history itself stays below it.
        const auto network = qb::PresetLibrary::load(QStringLiteral("larq-mnist-bnn"));
        QVERIFY2(network, qPrintable(network.error()));
        m_run = qb::testdata::trainSmallRun(m_dir.filePath(QStringLiteral("trained")), &*network);
        QVERIFY2(m_run.runId > 0, qPrintable(m_run.error));
    }

    void everyFormatIsWritten_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("out");
        QTest::addColumn<int>("files");
        QTest::newRow("onnx") << "onnx" << "m.onnx" << 1;
        QTest::newRow("safetensors") << "safetensors" << "m.safetensors" << 1;
        QTest::newRow("npz") << "npz" << "m.npz" << 1;
        QTest::newRow("pt") << "pt" << "m.pt" << 1;
        QTest::newRow("c") << "c" << "clib" << 3;
        QTest::newRow("bundle") << "bundle" << "m.qbrun" << 1;
        QTest::newRow("report") << "report" << "m.pdf" << 1;
    }
    void everyFormatIsWritten()
    {
        QFETCH(QString, format);
        QFETCH(QString, out);
        QFETCH(int, files);
        const QString target = path(QStringLiteral("formats/") + out);
        QStringList args = exportArgs(format, target);
        args << QStringLiteral("--json");
        const CliResult r = runCli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QJsonObject> lines = r.jsonLines();
        QCOMPARE(lines.size(), 1);
        const QJsonArray written = lines.first().value(QStringLiteral("files")).toArray();
        QCOMPARE(written.size(), files);
        for (const QJsonValue &f : written) {
            QVERIFY2(QFileInfo(f.toString()).size() > 0, qPrintable(f.toString()));
        }
        QVERIFY(lines.first().value(QStringLiteral("bytes")).toDouble() > 0);
    }

    void aBundleMovesTheRunToAnEmptyHistoryOnce()
    {
        const QString bundle = path(QStringLiteral("move.qbrun"));
        QCOMPARE(runCli(exportArgs(QStringLiteral("bundle"), bundle)).exitCode, 0);
        const QString other = path(QStringLiteral("other.sqlite"));
        const CliResult first = runCli(
            {QStringLiteral("import"), bundle, QStringLiteral("--db"), other, QStringLiteral("--json")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const qint64 id = qint64(first.jsonLines().value(0).value(QStringLiteral("run_id")).toDouble());
        QVERIFY(id > 0);
        QCOMPARE(first.jsonLines().value(0).value(QStringLiteral("already_present")).toBool(), false);
        const CliResult second = runCli({QStringLiteral("import"), bundle, QStringLiteral("--db"), other});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.out.contains(QStringLiteral("nothing was added")), qPrintable(second.out));
        QCOMPARE(runCount(other), 1);
        // Back into the history it came from: the original is found, nothing is added.
        const int before = runCount(m_run.dbPath);
        const CliResult back = runCli(
            {QStringLiteral("import"), bundle, QStringLiteral("--db"), m_run.dbPath, QStringLiteral("--json")});
        QVERIFY2(back.exitCode == 0, qPrintable(back.err));
        QCOMPARE(qint64(back.jsonLines().value(0).value(QStringLiteral("run_id")).toDouble()), m_run.runId);
        QCOMPARE(back.jsonLines().value(0).value(QStringLiteral("already_present")).toBool(), true);
        QCOMPARE(runCount(m_run.dbPath), before);

        qb::ExperimentStore original, imported;
        QVERIFY(original.open(m_run.dbPath));
        QVERIFY(imported.open(other));
        const auto a = original.run(m_run.runId);
        const auto b = imported.run(id);
        QVERIFY(a && b);
        QCOMPARE(b->finalTestAccuracy, a->finalTestAccuracy);
        QCOMPARE(b->epochsDone, a->epochsDone);
        QCOMPARE(imported.epochs(id)->size(), original.epochs(m_run.runId)->size());

        // The imported run evaluates to the same accuracy (its weights came along).
        const CliResult eval = runCli({QStringLiteral("evaluate"), QStringLiteral("--db"), other,
            QStringLiteral("--run"), QString::number(id), QStringLiteral("--data-dir"), m_run.dataDir,
            QStringLiteral("--chips"), QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY2(eval.exitCode == 0, qPrintable(eval.err));
        const CliResult evalOriginal = runCli({QStringLiteral("evaluate"), QStringLiteral("--db"), m_run.dbPath,
            QStringLiteral("--run"), QString::number(m_run.runId), QStringLiteral("--data-dir"), m_run.dataDir,
            QStringLiteral("--chips"), QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY2(evalOriginal.exitCode == 0, qPrintable(evalOriginal.err));
        const double importedAccuracy = eval.jsonLines().value(0).value(QStringLiteral("test_acc_mean")).toDouble(-1);
        QVERIFY(importedAccuracy >= 0);
        QCOMPARE(importedAccuracy, evalOriginal.jsonLines().value(0).value(QStringLiteral("test_acc_mean")).toDouble(-2));
    }

    void badRequestsAreRefusedWithExitStatusTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown format") << QStringList{QStringLiteral("--format"), QStringLiteral("tflite")}
                                        << QStringLiteral("--format must be one of");
        QTest::newRow("no such run") << QStringList{QStringLiteral("--run"), QStringLiteral("999")}
                                     << QStringLiteral("999");
    }
    void badRequestsAreRefusedWithExitStatusTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QStringList all = exportArgs(QStringLiteral("onnx"), path(QStringLiteral("bad/m.onnx")));
        for (int i = 0; i + 1 < args.size(); i += 2)
            all[all.indexOf(args[i]) + 1] = args[i + 1];
        const CliResult r = runCli(all);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("bad/m.onnx"))));
    }

    void aRunWithoutWeightsIsRefused()
    {
        qb::ExperimentStore store;
        QVERIFY(store.open(m_run.dbPath));
        qb::RunRecord run = *store.run(m_run.runId);
        run.id = -1;
        run.name = QStringLiteral("never trained");
        const auto id = store.createRun(run);
        QVERIFY(id);
        QVERIFY(store.finishRun(*id, qb::RunStatus::Failed, QStringLiteral("stopped before the first epoch")));
        QStringList args = exportArgs(QStringLiteral("onnx"), path(QStringLiteral("noweights.onnx")));
        args[args.indexOf(QStringLiteral("--run")) + 1] = QString::number(*id);
        const CliResult r = runCli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no saved weights")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("noweights.onnx"))));
        QVERIFY(store.deleteRun(*id));
    }

    void anUnwritablePathNamesItAndLeavesNothing()
    {
        // A path below a regular file cannot be created, even as root.
        const QString blocker = path(QStringLiteral("blocker"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const QString target = blocker + QStringLiteral("/sub/m.qbrun");
        const CliResult r = runCli(exportArgs(QStringLiteral("bundle"), target));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("cannot write")) && r.err.contains(target), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(target));
    }

    void aFullDiskLeavesNoPartialFile_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("out");
        QTest::newRow("bundle") << "bundle" << "full/m.qbrun";
        QTest::newRow("onnx") << "onnx" << "full/m.onnx";
        QTest::newRow("npz") << "npz" << "full/m.npz";
        QTest::newRow("pt") << "pt" << "full/m.pt";
    }
    void aFullDiskLeavesNoPartialFile()
    {
        // prlimit --fsize makes every write beyond 64 KiB of a file fail with EFBIG, as a full disk
        // would: the history (below that) opens, the export (larger) cannot be written.
        if (QStandardPaths::findExecutable(QStringLiteral("prlimit")).isEmpty())
            QSKIP("prlimit (util-linux) is not installed");
        QFETCH(QString, format);
        QFETCH(QString, out);
        const QString target = path(out);
        QDir(path(QStringLiteral("full"))).removeRecursively();
        QVERIFY(QDir().mkpath(path(QStringLiteral("full"))));
        QProcess p;
        p.start(QStringLiteral("prlimit"), QStringList{QStringLiteral("--fsize=65536"), cliPath()} + exportArgs(format, target));
        QVERIFY(p.waitForFinished(300000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 1, qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("cannot write ") + target) && err.contains(QStringLiteral("File too large")),
            qPrintable(err));
        QVERIFY2(filesIn(path(QStringLiteral("full"))).isEmpty(), qPrintable(filesIn(path(QStringLiteral("full"))).join(QLatin1Char(' '))));
    }

    void ctrlCAtAnyMomentLeavesNothingOrTheWholeFile()
    {
        int complete = 0, none = 0;
        for (int delayMs = 0; delayMs <= 1500; delayMs += 60) {
            const QString folder = path(QStringLiteral("interrupted"));
            QDir(folder).removeRecursively();
            QVERIFY(QDir().mkpath(folder));
            const QString target = folder + QStringLiteral("/m.qbrun");
            QProcess p;
            p.start(cliPath(), exportArgs(QStringLiteral("bundle"), target));
            QVERIFY(p.waitForStarted());
            QThread::msleep(delayMs);
            ::kill(p.processId(), SIGINT);
            QVERIFY(p.waitForFinished(60000));
            const QStringList files = filesIn(folder);
            if (files.isEmpty()) {
                ++none;
                continue;
            }
            QCOMPARE(files, QStringList{target});
            // Complete: the importer, which checks every entry's size and CRC, takes it.
            const CliResult imported = runCli({QStringLiteral("import"), target, QStringLiteral("--db"),
                path(QStringLiteral("interrupted-%1.sqlite").arg(delayMs))});
            QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
            ++complete;
        }
        qInfo("SIGINT at 26 moments: %d left no file, %d the whole bundle, none a partial one", none, complete);
        QVERIFY(none > 0);
    }

    void aFileThatIsNotABundleChangesNothing()
    {
        const QString fake = path(QStringLiteral("fake.qbrun"));
        QFile f(fake);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a zip file\n");
        f.close();
        const int before = runCount(m_run.dbPath);
        const CliResult r = runCli({QStringLiteral("import"), fake, QStringLiteral("--db"), m_run.dbPath});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("fake.qbrun")), qPrintable(r.err));
        QCOMPARE(runCount(m_run.dbPath), before);
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cliexport.moc"
