// AnalysisController: the GUI's jobs on a recorded run run the core's NoiseSweep / PtqSweep on a
// worker thread, store what the core stores, report every point, and cancel without storing.
#include "analysis/analysiscontroller.h"

#include "core/train/trainedrun.h"
#include "store/experimentstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace qb;

class TestAnalysisController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void noiseSweepStoresWhatTheCoreStores();
    void monteCarloEvaluation();
    void ptqSweepReportsEveryPoint();
    void cancelStoresNothing();
    void oneJobAtATime();
    void failureReportsTheCoreMessage();
    void destroyedWhileRunning();

private:
    NoiseSweepRequest noiseRequest() const;

    QTemporaryDir m_dir;
    testdata::TrainedRun m_run;
};

static constexpr int kTimeoutMs = 120000;

void TestAnalysisController::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_run = testdata::trainSmallRun(m_dir.path());
    QVERIFY2(m_run.runId > 0, qPrintable(m_run.error));
}

NoiseSweepRequest TestAnalysisController::noiseRequest() const
{
    NoiseSweepRequest request;
    request.runId = m_run.runId;
    request.dbPath = m_run.dbPath;
    request.dataDir = m_run.dataDir;
    request.parameter = QStringLiteral("weight_noise.sigma");
    request.values = {0.0, 0.4, 1.0};
    request.chips = 3;
    request.seed = 5;
    return request;
}

void TestAnalysisController::noiseSweepStoresWhatTheCoreStores()
{
    AnalysisController controller;
    QSignalSpy progress(&controller, &AnalysisController::progress);
    QSignalSpy stored(&controller, &AnalysisController::stored);
    QSignalSpy failed(&controller, &AnalysisController::failed);
    QVERIFY(controller.startNoiseSweep(noiseRequest()));
    QVERIFY(controller.isRunning());
    QCOMPARE(controller.kind(), AnalysisController::Kind::NoiseSweep);
    QCOMPARE(controller.title(), QStringLiteral("Noise sweep of run %1").arg(m_run.runId));
    QTRY_COMPARE_WITH_TIMEOUT(stored.count() + failed.count(), 1, kTimeoutMs);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QVERIFY(!controller.isRunning());

    // Progress: once loaded, then after each of the three points.
    QCOMPARE(progress.count(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(progress.at(i).at(0).toInt(), i);
        QCOMPARE(progress.at(i).at(1).toInt(), 3);
    }

    // The stored sweep is the one the core (and so the CLI) stores for the same request.
    const SweepRecord sweep = stored.first().first().value<SweepRecord>();
    QVERIFY(sweep.id > 0);
    const NoiseSweepOutcome direct = NoiseSweep::run(noiseRequest());
    QVERIFY2(direct.problem == NoiseSweepOutcome::Problem::None, qPrintable(direct.error));
    ExperimentStore store;
    QVERIFY(store.open(m_run.dbPath));
    const auto sweeps = store.sweeps(m_run.runId);
    QVERIFY(sweeps.ok());
    const auto mine = std::find_if(
        sweeps->cbegin(), sweeps->cend(), [&](const SweepRecord &s) { return s.id == sweep.id; });
    QVERIFY(mine != sweeps->cend());
    QCOMPARE(mine->kind, direct.sweep.kind);
    QCOMPARE(mine->parameter, direct.sweep.parameter);
    QCOMPARE(mine->settingsJson, direct.sweep.settingsJson);
    QCOMPARE(mine->points.size(), 3);
    QCOMPARE(direct.sweep.points.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(mine->points[i].value, direct.sweep.points[i].value);
        QCOMPARE(mine->points[i].accuracies, direct.sweep.points[i].accuracies);
        QCOMPARE(mine->points[i].accuracyMean, direct.sweep.points[i].accuracyMean);
        QCOMPARE(mine->points[i].accuracyStd, direct.sweep.points[i].accuracyStd);
        QCOMPARE(mine->points[i].loss, direct.sweep.points[i].loss);
    }
    QVERIFY(mine->points[2].accuracyStd > 0.0); // a real sweep: the chips differ at sigma 1
}

void TestAnalysisController::monteCarloEvaluation()
{
    AnalysisController controller;
    QSignalSpy progress(&controller, &AnalysisController::progress);
    QSignalSpy stored(&controller, &AnalysisController::stored);
    NoiseSweepRequest request = noiseRequest();
    request.parameter.clear();
    request.values.clear();
    request.chips = 4;
    QVERIFY(controller.startNoiseSweep(request));
    QCOMPARE(controller.kind(), AnalysisController::Kind::MonteCarlo);
    QCOMPARE(controller.chips(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, kTimeoutMs);
    const SweepRecord sweep = stored.first().first().value<SweepRecord>();
    QCOMPARE(sweep.kind, QStringLiteral("montecarlo"));
    QCOMPARE(sweep.points.size(), 1);
    QCOMPARE(sweep.points.first().accuracies.size(), 4);
    QCOMPARE(progress.count(), 2);
}

void TestAnalysisController::ptqSweepReportsEveryPoint()
{
    AnalysisController controller;
    QSignalSpy progress(&controller, &AnalysisController::progress);
    QSignalSpy stored(&controller, &AnalysisController::stored);
    PtqSweepRequest request;
    request.runId = m_run.runId;
    request.dbPath = m_run.dbPath;
    request.dataDir = m_run.dataDir;
    request.fracBits = {2, 8};
    request.wordBits = 16;
    QVERIFY(controller.startPtqSweep(request));
    QCOMPARE(controller.kind(), AnalysisController::Kind::PtqSweep);
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, kTimeoutMs);
    const SweepRecord sweep = stored.first().first().value<SweepRecord>();
    QCOMPARE(sweep.kind, QStringLiteral("ptq"));
    QCOMPARE(sweep.points.size(), 2);
    QCOMPARE(sweep.points[1].value, 8.0);
    QCOMPARE(progress.count(), 3);
    QCOMPARE(progress.last().at(0).toInt(), 2);
    QCOMPARE(progress.last().at(1).toInt(), 2);
}

void TestAnalysisController::cancelStoresNothing()
{
    const int before = testdata::storedSweepCount(m_run);
    QVERIFY(before >= 0);
    AnalysisController controller;
    QSignalSpy stored(&controller, &AnalysisController::stored);
    QSignalSpy cancelled(&controller, &AnalysisController::cancelled);
    QSignalSpy failed(&controller, &AnalysisController::failed);
    NoiseSweepRequest request = noiseRequest();
    request.values = {0.0, 0.1, 0.2, 0.4, 0.8, 1.0};
    QVERIFY(controller.startNoiseSweep(request));
    // Asked before the worker has loaded the run: the core sees it at its first report.
    controller.cancel();
    QVERIFY(controller.isCancelling());
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, kTimeoutMs);
    QCOMPARE(stored.count(), 0);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!controller.isRunning());
    QVERIFY(!controller.isCancelling());
    QCOMPARE(testdata::storedSweepCount(m_run), before);

    // The next job runs normally (the cancel flag was reset).
    QVERIFY(controller.startNoiseSweep(noiseRequest()));
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, kTimeoutMs);
    QCOMPARE(testdata::storedSweepCount(m_run), before + 1);
}

void TestAnalysisController::oneJobAtATime()
{
    AnalysisController controller;
    QSignalSpy stored(&controller, &AnalysisController::stored);
    QSignalSpy started(&controller, &AnalysisController::started);
    QVERIFY(controller.startNoiseSweep(noiseRequest()));
    PtqSweepRequest ptq;
    ptq.runId = m_run.runId;
    ptq.dbPath = m_run.dbPath;
    QVERIFY(!controller.startPtqSweep(ptq));
    QVERIFY(!controller.startNoiseSweep(noiseRequest()));
    QCOMPARE(controller.kind(), AnalysisController::Kind::NoiseSweep);
    QCOMPARE(started.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, kTimeoutMs);
    QTest::qWait(0); // no second result arrives after the first
    QCOMPARE(stored.count(), 1);
}

void TestAnalysisController::failureReportsTheCoreMessage()
{
    AnalysisController controller;
    QSignalSpy failed(&controller, &AnalysisController::failed);
    QSignalSpy stored(&controller, &AnalysisController::stored);
    NoiseSweepRequest request = noiseRequest();
    request.runId = 4242;
    QVERIFY(controller.startNoiseSweep(request));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeoutMs);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QLatin1String("4242")), qPrintable(message));
    QCOMPARE(stored.count(), 0);
    QVERIFY(!controller.isRunning());

    // A dataset that is not there is named.
    request = noiseRequest();
    request.dataDir = m_dir.filePath(QStringLiteral("nowhere"));
    QVERIFY(controller.startNoiseSweep(request));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, kTimeoutMs);
    QVERIFY2(failed.last().first().toString().contains(QLatin1String("nowhere")),
        qPrintable(failed.last().first().toString()));
}

void TestAnalysisController::destroyedWhileRunning()
{
    const int before = testdata::storedSweepCount(m_run);
    auto controller = std::make_unique<AnalysisController>();
    NoiseSweepRequest request = noiseRequest();
    request.values = {0.0, 0.1, 0.2, 0.4, 0.8, 1.0};
    QVERIFY(controller->startNoiseSweep(request));
    controller.reset(); // cancels and joins the thread
    QCOMPARE(testdata::storedSweepCount(m_run), before);
}

QTEST_MAIN(TestAnalysisController)
#include "tst_analysiscontroller.moc"
