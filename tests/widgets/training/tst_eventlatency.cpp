// While a run trains in the background, the GUI thread's event loop must stay responsive: a 10 ms
// timer measures the gaps between its timeouts while progress flows through a real CurvePlot and
// TrainingPanel. Fails when a gap exceeds 100 ms.
#include "trainingtestutil.h"

#include "document/networkdocument.h"
#include "training/curveplot.h"
#include "training/trainingcontroller.h"
#include "training/trainingpanel.h"

#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace qb;

namespace {
const QString kHome = qbtest::isolatedHome();
constexpr int kTrainMs = 5000;
constexpr qint64 kMaxGapMs = 100;
} // namespace

class TestEventLatency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void guiStaysResponsiveWhileTraining();
};

void TestEventLatency::guiStaysResponsiveWhileTraining()
{
    QTemporaryDir dir;
    QVERIFY(qbtest::writeQuadrantMnist(dir.path(), 6000, 500));

    NetworkDocument document;
    document.reset(qbtest::tinyNetwork(256));
    TrainingController controller;
    QWidget window;
    auto *layout = new QHBoxLayout(&window);
    auto *panel = new TrainingPanel(&document, &controller, &window);
    auto *plot = new CurvePlot(&window);
    plot->followController(&controller);
    layout->addWidget(panel);
    layout->addWidget(plot, 1);
    window.resize(1200, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    TrainingRequest request;
    request.spec = qbtest::tinyExperiment(1000, 32, 256); // far more than fits in the window: stopped
    request.spec.train.threads = 0; // all cores, as a user would run it
    request.dbPath = dir.filePath(QStringLiteral("history.sqlite"));
    request.dataDir = dir.path();

    QSignalSpy batches(&controller, &TrainingController::batchProgress);
    QSignalSpy epochs(&controller, &TrainingController::epochFinished);
    QSignalSpy all(&controller, &TrainingController::allFinished);

    QElapsedTimer sinceTick;
    qint64 maxGap = 0;
    qint64 gapSum = 0;
    int gaps = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] {
        if (sinceTick.isValid()) {
            const qint64 gap = sinceTick.elapsed();
            maxGap = std::max(maxGap, gap);
            gapSum += gap;
            ++gaps;
        }
        sinceTick.start();
    });

    ticker.start();
    QVERIFY(controller.start(request));
    QTRY_VERIFY_WITH_TIMEOUT(batches.count() > 0, 30000);
    QElapsedTimer training;
    training.start();
    QTRY_VERIFY_WITH_TIMEOUT(training.elapsed() >= kTrainMs, kTrainMs * 3);
    controller.stop();
    QTRY_COMPARE_WITH_TIMEOUT(all.count(), 1, 30000);
    ticker.stop();

    const double mean = gaps ? double(gapSum) / gaps : 0.0;
    qInfo("event loop gaps over %d ticks: max %lld ms, mean %.2f ms; %d batch signals, %d epochs, %d plot "
          "points",
        gaps, maxGap, mean, int(batches.count()), int(epochs.count()), plot->liveBatchPointCount());
    QVERIFY(gaps > 100);
    // The progress really went through the views.
    QCOMPARE(plot->liveBatchPointCount(), batches.count());
    QVERIFY(plot->liveEpochPointCount() == epochs.count());
    // Throttled to ~20 batch signals a second (plus the last batch of each epoch).
    const double seconds = training.elapsed() / 1000.0 + 1.0;
    QVERIFY2(batches.count() <= int(seconds * 21) + epochs.count() + 2,
        qPrintable(QStringLiteral("%1 batch signals").arg(batches.count())));
    QVERIFY2(maxGap <= kMaxGapMs, qPrintable(QStringLiteral("max event loop gap %1 ms").arg(maxGap)));
}

QTEST_MAIN(TestEventLatency)
#include "tst_eventlatency.moc"
