// PtqSweep::run's progress and cancel (what the GUI's analysis worker uses): one report per
// fraction-bit point after the float reference, and a cancel that stores nothing.
#include "train/ptqsweep.h"

#include "store/experimentstore.h"
#include "trainedrun.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace qb;

using Calls = QList<QPair<int, int>>;

class TestPtqSweep : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reportsEveryPoint();
    void cancelStoresNothing();

private:
    PtqSweepRequest sweepRequest() const;

    QTemporaryDir m_dir;
    testdata::TrainedRun m_run;
};

void TestPtqSweep::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_run = testdata::trainSmallRun(m_dir.path());
    QVERIFY2(m_run.runId > 0, qPrintable(m_run.error));
}

PtqSweepRequest TestPtqSweep::sweepRequest() const
{
    PtqSweepRequest request;
    request.runId = m_run.runId;
    request.dbPath = m_run.dbPath;
    request.dataDir = m_run.dataDir;
    request.fracBits = {1, 4, 12};
    request.wordBits = 16;
    request.threads = 1;
    return request;
}

void TestPtqSweep::reportsEveryPoint()
{
    PtqSweepRequest request = sweepRequest();
    Calls calls;
    request.progress = [&calls](int done, int total) {
        calls.append({done, total});
        return true;
    };
    const PtqSweepOutcome reported = PtqSweep::run(request);
    QVERIFY2(reported.problem == PtqSweepOutcome::Problem::None, qPrintable(reported.error));
    QCOMPARE(calls, (Calls{{0, 3}, {1, 3}, {2, 3}, {3, 3}}));

    request.progress = nullptr;
    const PtqSweepOutcome plain = PtqSweep::run(request);
    QVERIFY2(plain.problem == PtqSweepOutcome::Problem::None, qPrintable(plain.error));
    QCOMPARE(reported.sweep.points.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(reported.sweep.points[i].value, plain.sweep.points[i].value);
        QCOMPARE(reported.sweep.points[i].accuracyMean, plain.sweep.points[i].accuracyMean);
        QCOMPARE(reported.sweep.points[i].loss, plain.sweep.points[i].loss);
    }
    QCOMPARE(reported.sweep.settingsJson, plain.sweep.settingsJson);
}

void TestPtqSweep::cancelStoresNothing()
{
    const int before = testdata::storedSweepCount(m_run);
    QVERIFY(before >= 0);
    PtqSweepRequest request = sweepRequest();
    Calls calls;
    request.progress = [&calls](int done, int total) {
        calls.append({done, total});
        return done < 1;
    };
    const PtqSweepOutcome outcome = PtqSweep::run(request);
    QCOMPARE(outcome.problem, PtqSweepOutcome::Problem::Cancelled);
    QCOMPARE(calls, (Calls{{0, 3}, {1, 3}}));
    QCOMPARE(testdata::storedSweepCount(m_run), before);
}

QTEST_GUILESS_MAIN(TestPtqSweep)
#include "tst_ptqsweep.moc"
