// TrainingController / TrainingWorker: real training on a tiny on-disk MNIST-format dataset in the
// background thread, with progress signals, stop, pause/resume and the history rows they leave.
#include "trainingtestutil.h"

#include "store/experimentstore.h"
#include "training/trainingcontroller.h"
#include "training/trainingworker.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace qb;

namespace {
const QString kHome = qbtest::isolatedHome();
}

class TestTrainingController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trainsThreeEpochsAndRecordsTheRun();
    void stopCancelsTheRun();
    void pauseHoldsBatchesAndResumeFinishes();
    void repeatsRunSeveralSeeds();
    void workerCachesTheDataset();
    void workerReportsAMissingDatasetOnce();
    void secondStartWhileRunningIsRefused();
    void destructorCancelsARunningJob();

private:
    TrainingRequest request(const ExperimentSpec &spec, int repeats = 1) const;
    RunRecord storedRun(qint64 id) const;

    QTemporaryDir m_dir;
    QString m_dataDir;
    QString m_dbPath;
};

void TestTrainingController::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dataDir = m_dir.filePath(QStringLiteral("mnist"));
    QVERIFY(QDir().mkpath(m_dataDir));
    QVERIFY(qbtest::writeQuadrantMnist(m_dataDir, 600, 200));
    m_dbPath = m_dir.filePath(QStringLiteral("history.sqlite"));
}

TrainingRequest TestTrainingController::request(const ExperimentSpec &spec, int repeats) const
{
    TrainingRequest r;
    r.spec = spec;
    r.repeats = repeats;
    r.dbPath = m_dbPath;
    r.dataDir = m_dataDir;
    return r;
}

RunRecord TestTrainingController::storedRun(qint64 id) const
{
    ExperimentStore store;
    const Status opened = store.open(m_dbPath);
    if (!opened)
        qWarning() << opened.error();
    auto run = store.run(id);
    return run ? *run : RunRecord();
}

void TestTrainingController::trainsThreeEpochsAndRecordsTheRun()
{
    TrainingController controller;
    QSignalSpy started(&controller, &TrainingController::runStarted);
    QSignalSpy batches(&controller, &TrainingController::batchProgress);
    QSignalSpy epochs(&controller, &TrainingController::epochFinished);
    QSignalSpy finished(&controller, &TrainingController::runFinished);
    QSignalSpy all(&controller, &TrainingController::allFinished);

    QVERIFY(controller.start(request(qbtest::tinyExperiment(3))));
    QVERIFY(controller.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(all.count(), 1, 60000);
    QVERIFY(!controller.isRunning());

    QCOMPARE(started.count(), 1);
    const qint64 runId = started.first().at(0).toLongLong();
    QVERIFY(runId > 0);
    QCOMPARE(started.first().at(1).toInt(), 0);
    QCOMPARE(started.first().at(2).toInt(), 1);

    QVERIFY(batches.count() > 0);
    // Throttled, but the last batch of every epoch always arrives.
    QSet<int> completedEpochs;
    for (const QList<QVariant> &args : qAsConst(batches)) {
        const auto p = args.at(0).value<BatchProgress>();
        QCOMPARE(p.epochs, 3);
        QCOMPARE(p.batches, 19); // 600 / 32 rounded up
        if (p.batch == p.batches)
            completedEpochs.insert(p.epoch);
    }
    QCOMPARE(completedEpochs, (QSet<int>{1, 2, 3}));

    QCOMPARE(epochs.count(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(epochs.at(i).at(0).toLongLong(), runId);
        QCOMPARE(epochs.at(i).at(1).value<EpochMetrics>().epoch, i + 1);
    }
    const auto last = epochs.last().at(1).value<EpochMetrics>();
    qInfo() << "last epoch test accuracy" << last.testAccuracy << "loss" << last.testLoss;
    QVERIFY2(last.testAccuracy > 0.6, qPrintable(QString::number(last.testAccuracy)));

    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toLongLong(), runId);
    QCOMPARE(finished.first().at(1).value<RunStatus>(), RunStatus::Finished);

    const RunRecord run = storedRun(runId);
    QCOMPARE(run.id, runId);
    QCOMPARE(run.status, RunStatus::Finished);
    QCOMPARE(run.epochsDone, 3);
    QCOMPARE(run.dataset, QStringLiteral("mnist"));
    QVERIFY(qAbs(run.finalTestAccuracy - last.testAccuracy) < 1e-9);
}

void TestTrainingController::stopCancelsTheRun()
{
    TrainingController controller;
    QSignalSpy started(&controller, &TrainingController::runStarted);
    QSignalSpy batches(&controller, &TrainingController::batchProgress);
    QSignalSpy finished(&controller, &TrainingController::runFinished);
    QSignalSpy all(&controller, &TrainingController::allFinished);

    QVERIFY(controller.start(request(qbtest::tinyExperiment(200, 4, 128))));
    QTRY_VERIFY_WITH_TIMEOUT(batches.count() > 0, 30000);
    controller.stop();
    QTRY_COMPARE_WITH_TIMEOUT(all.count(), 1, 30000);

    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(1).value<RunStatus>(), RunStatus::Cancelled);
    const qint64 runId = finished.first().at(0).toLongLong();
    QCOMPARE(started.first().at(0).toLongLong(), runId);
    // Stopped long before the end: the last progress seen is still in the first epochs.
    QVERIFY(batches.last().at(0).value<BatchProgress>().epoch < 50);
    QCOMPARE(storedRun(runId).status, RunStatus::Cancelled);
    QVERIFY(!controller.isRunning());
}

void TestTrainingController::pauseHoldsBatchesAndResumeFinishes()
{
    TrainingController controller;
    QSignalSpy batches(&controller, &TrainingController::batchProgress);
    QSignalSpy finished(&controller, &TrainingController::runFinished);
    QSignalSpy all(&controller, &TrainingController::allFinished);
    QSignalSpy state(&controller, &TrainingController::stateChanged);

    QVERIFY(controller.start(request(qbtest::tinyExperiment(4, 4, 128))));
    QTRY_VERIFY_WITH_TIMEOUT(batches.count() > 0, 30000);
    controller.pause();
    QVERIFY(controller.isPaused());
    QVERIFY(state.count() >= 2);
    // Let a batch already under way report, then nothing may come while paused.
    QTest::qWait(150);
    const int heldAt = batches.count();
    const auto heldProgress = batches.last().at(0).value<BatchProgress>();
    QTest::qWait(400);
    QCOMPARE(batches.count(), heldAt);
    QCOMPARE(all.count(), 0);

    controller.resume();
    QVERIFY(!controller.isPaused());
    QTRY_VERIFY_WITH_TIMEOUT(batches.count() > heldAt, 30000);
    const auto next = batches.at(heldAt).at(0).value<BatchProgress>();
    QVERIFY(next.epoch > heldProgress.epoch || next.batch > heldProgress.batch);
    QTRY_COMPARE_WITH_TIMEOUT(all.count(), 1, 60000);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(1).value<RunStatus>(), RunStatus::Finished);
    const auto last = batches.last().at(0).value<BatchProgress>();
    QCOMPARE(last.epoch, 4);
    QCOMPARE(last.batch, last.batches);
}

void TestTrainingController::repeatsRunSeveralSeeds()
{
    TrainingController controller;
    QSignalSpy started(&controller, &TrainingController::runStarted);
    QSignalSpy finished(&controller, &TrainingController::runFinished);
    QSignalSpy all(&controller, &TrainingController::allFinished);

    QVERIFY(controller.start(request(qbtest::tinyExperiment(1), 2)));
    QTRY_COMPARE_WITH_TIMEOUT(all.count(), 1, 60000);
    QCOMPARE(started.count(), 2);
    QCOMPARE(finished.count(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(started.at(i).at(1).toInt(), i);
        QCOMPARE(started.at(i).at(2).toInt(), 2);
        QCOMPARE(finished.at(i).at(1).value<RunStatus>(), RunStatus::Finished);
    }
    const RunRecord first = storedRun(started.at(0).at(0).toLongLong());
    const RunRecord second = storedRun(started.at(1).at(0).toLongLong());
    QCOMPARE(second.seed, first.seed + 1);
    QCOMPARE(first.groupId, first.id);
    QCOMPARE(second.groupId, first.id);
}

void TestTrainingController::workerCachesTheDataset()
{
    // Driven synchronously on this thread: process() blocks until the request ends.
    TrainControl control;
    TrainingWorker worker(&control);
    QSignalSpy finished(&worker, &TrainingWorker::finished);
    QSignalSpy cancelled(&worker, &TrainingWorker::cancelled);
    QSignalSpy failed(&worker, &TrainingWorker::failed);
    worker.process(request(qbtest::tinyExperiment(1)));
    worker.process(request(qbtest::tinyExperiment(1)));
    QCOMPARE(finished.count(), 2);
    QCOMPARE(cancelled.count(), 0);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(worker.datasetLoads(), 1);

    // Another folder is another dataset.
    const QString other = m_dir.filePath(QStringLiteral("mnist-copy"));
    QVERIFY(QDir().mkpath(other));
    QVERIFY(qbtest::writeQuadrantMnist(other, 100, 50, 9));
    TrainingRequest r = request(qbtest::tinyExperiment(1));
    r.dataDir = other;
    worker.process(r);
    QCOMPARE(finished.count(), 3);
    QCOMPARE(worker.datasetLoads(), 2);
}

void TestTrainingController::workerReportsAMissingDatasetOnce()
{
    TrainControl control;
    TrainingWorker worker(&control);
    QSignalSpy finished(&worker, &TrainingWorker::finished);
    QSignalSpy cancelled(&worker, &TrainingWorker::cancelled);
    QSignalSpy failed(&worker, &TrainingWorker::failed);
    QSignalSpy runFinished(&worker, &TrainingWorker::runFinished);
    TrainingRequest r = request(qbtest::tinyExperiment(1));
    r.dataDir = m_dir.filePath(QStringLiteral("nowhere"));
    worker.process(r);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(finished.count() + cancelled.count(), 0);
    QVERIFY2(failed.first().at(0).toString().contains(QStringLiteral("nowhere")),
        qPrintable(failed.first().at(0).toString()));
    QCOMPARE(runFinished.count(), 1);
    QCOMPARE(runFinished.first().at(0).toLongLong(), qint64(-1));
    QCOMPARE(runFinished.first().at(1).value<RunStatus>(), RunStatus::Failed);

    // An invalid network is bad input: failed, no history row.
    ExperimentSpec bad = qbtest::tinyExperiment(1);
    bad.network.layers[1].units = 0;
    worker.process(request(bad));
    QCOMPARE(failed.count(), 2);
    QCOMPARE(runFinished.last().at(0).toLongLong(), qint64(-1));
    QVERIFY(runFinished.last().at(2).toString().contains(QStringLiteral("units")));
}

void TestTrainingController::secondStartWhileRunningIsRefused()
{
    TrainingController controller;
    QSignalSpy all(&controller, &TrainingController::allFinished);
    QVERIFY(controller.start(request(qbtest::tinyExperiment(1))));
    QVERIFY(!controller.start(request(qbtest::tinyExperiment(1))));
    QTRY_COMPARE_WITH_TIMEOUT(all.count(), 1, 60000);
    QVERIFY(controller.start(request(qbtest::tinyExperiment(1))));
    QTRY_COMPARE_WITH_TIMEOUT(all.count(), 2, 60000);
}

void TestTrainingController::destructorCancelsARunningJob()
{
    auto controller = std::make_unique<TrainingController>();
    QSignalSpy started(controller.get(), &TrainingController::runStarted);
    QSignalSpy batches(controller.get(), &TrainingController::batchProgress);
    QVERIFY(controller->start(request(qbtest::tinyExperiment(500, 4, 128))));
    QTRY_VERIFY_WITH_TIMEOUT(batches.count() > 0, 30000);
    const qint64 runId = started.first().at(0).toLongLong();
    controller->pause(); // a paused job must not block the shutdown either

    QElapsedTimer shutdown;
    shutdown.start();
    controller.reset(); // cancels and joins the training thread
    QVERIFY2(shutdown.elapsed() < 5000, qPrintable(QString::number(shutdown.elapsed())));
    QCOMPARE(storedRun(runId).status, RunStatus::Cancelled);
}

QTEST_MAIN(TestTrainingController)
#include "tst_trainingcontroller.moc"
