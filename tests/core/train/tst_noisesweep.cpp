// NoiseSweep::run's progress and cancel (what the GUI's analysis worker uses): one report per point,
// the same stored numbers with or without a progress callback, and a cancel that stores nothing.
#include "train/noisesweep.h"

#include "store/experimentstore.h"
#include "trainedrun.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace qb;

using Calls = QList<QPair<int, int>>;

class TestNoiseSweep : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reportsEveryPoint();
    void monteCarloIsOnePoint();
    void cancelStoresNothing_data();
    void cancelStoresNothing();

private:
    NoiseSweepRequest sweepRequest() const;

    QTemporaryDir m_dir;
    testdata::TrainedRun m_run;
};

void TestNoiseSweep::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_run = testdata::trainSmallRun(m_dir.path());
    QVERIFY2(m_run.runId > 0, qPrintable(m_run.error));
}

NoiseSweepRequest TestNoiseSweep::sweepRequest() const
{
    NoiseSweepRequest request;
    request.runId = m_run.runId;
    request.dbPath = m_run.dbPath;
    request.dataDir = m_run.dataDir;
    request.parameter = QStringLiteral("weight_noise.sigma");
    request.values = {0.0, 0.5, 1.0};
    request.chips = 3;
    request.threads = 1;
    return request;
}

void TestNoiseSweep::reportsEveryPoint()
{
    NoiseSweepRequest request = sweepRequest();
    Calls calls;
    request.progress = [&calls](int done, int total) {
        calls.append({done, total});
        return true;
    };
    const NoiseSweepOutcome reported = NoiseSweep::run(request);
    QVERIFY2(reported.problem == NoiseSweepOutcome::Problem::None, qPrintable(reported.error));
    QCOMPARE(calls, (Calls{{0, 3}, {1, 3}, {2, 3}, {3, 3}}));

    // The callback changes nothing in the numbers: the CLI's run (no callback) stores the same points.
    request.progress = nullptr;
    const NoiseSweepOutcome plain = NoiseSweep::run(request);
    QVERIFY2(plain.problem == NoiseSweepOutcome::Problem::None, qPrintable(plain.error));
    QCOMPARE(reported.sweep.points.size(), 3);
    QCOMPARE(plain.sweep.points.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(reported.sweep.points[i].value, plain.sweep.points[i].value);
        QCOMPARE(reported.sweep.points[i].accuracies, plain.sweep.points[i].accuracies);
        QCOMPARE(reported.sweep.points[i].loss, plain.sweep.points[i].loss);
    }
    QCOMPARE(reported.sweep.settingsJson, plain.sweep.settingsJson);
    QVERIFY(reported.sweep.points[2].accuracyStd > 0.0); // the noise is real: chips differ
}

void TestNoiseSweep::monteCarloIsOnePoint()
{
    NoiseSweepRequest request = sweepRequest();
    request.parameter.clear();
    request.values.clear();
    Calls calls;
    request.progress = [&calls](int done, int total) {
        calls.append({done, total});
        return true;
    };
    const NoiseSweepOutcome outcome = NoiseSweep::run(request);
    QVERIFY2(outcome.problem == NoiseSweepOutcome::Problem::None, qPrintable(outcome.error));
    QCOMPARE(outcome.sweep.kind, QStringLiteral("montecarlo"));
    QCOMPARE(calls, (Calls{{0, 1}, {1, 1}}));
}

void TestNoiseSweep::cancelStoresNothing_data()
{
    QTest::addColumn<int>("cancelAt");
    QTest::newRow("before the first point") << 0;
    QTest::newRow("after the first point") << 1;
    QTest::newRow("after the last point") << 3;
}

void TestNoiseSweep::cancelStoresNothing()
{
    QFETCH(int, cancelAt);
    const int before = testdata::storedSweepCount(m_run);
    QVERIFY(before >= 0);
    NoiseSweepRequest request = sweepRequest();
    Calls calls;
    request.progress = [&calls, cancelAt](int done, int total) {
        calls.append({done, total});
        return done < cancelAt;
    };
    const NoiseSweepOutcome outcome = NoiseSweep::run(request);
    QCOMPARE(outcome.problem, NoiseSweepOutcome::Problem::Cancelled);
    QVERIFY(!outcome.error.isEmpty());
    QCOMPARE(outcome.sweep.id, qint64(-1));
    QCOMPARE(calls.size(), cancelAt + 1); // no point is evaluated after the cancel
    QCOMPARE(testdata::storedSweepCount(m_run), before);
}

QTEST_GUILESS_MAIN(TestNoiseSweep)
#include "tst_noisesweep.moc"
