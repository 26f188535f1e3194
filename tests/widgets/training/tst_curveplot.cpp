// CurvePlot: live points, smoothing, log axis, overlays of history runs and export.
#include "trainingtestutil.h"

#include "common/plotexport.h"
#include "common/qcp.h"
#include "training/curveplot.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QSet>
#include <QSlider>
#include <QTest>

using namespace qb;

namespace {
const QString kHome = qbtest::isolatedHome();

BatchProgress batch(int epoch, int b, int batches, double loss)
{
    BatchProgress p;
    p.epoch = epoch;
    p.epochs = 3;
    p.batch = b;
    p.batches = batches;
    p.loss = loss;
    return p;
}

EpochMetrics epoch(int e, double acc, double loss)
{
    EpochMetrics m;
    m.epoch = e;
    m.trainAccuracy = acc - 0.02;
    m.testAccuracy = acc;
    m.trainLoss = loss * 0.9;
    m.testLoss = loss;
    return m;
}

/// The graph of `plot` named `name`, or null.
QCPGraph *graphNamed(QCustomPlot *plot, const QString &name)
{
    for (int i = 0; i < plot->graphCount(); ++i)
        if (plot->graph(i)->name() == name)
            return plot->graph(i);
    return nullptr;
}
} // namespace

class TestCurvePlot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void livePointsGrow();
    void batchPositionsAreFractionalEpochs();
    void smoothingIsAnExponentialMovingAverage();
    void logAxisToggles();
    void overlaysAddGraphsBehindTheLiveRun();
    void shrinkingTheOverlaysLeavesNoStaleLegendItem();
    void exportsPngPdfSvg_data();
    void exportsPngPdfSvg();
};

void TestCurvePlot::livePointsGrow()
{
    CurvePlot plot;
    plot.startLiveRun(QStringLiteral("Run 1"));
    QCOMPARE(plot.liveBatchPointCount(), 0);
    QCOMPARE(plot.liveEpochPointCount(), 0);
    plot.addBatch(batch(1, 1, 10, 2.3));
    plot.addBatch(batch(1, 5, 10, 1.5));
    QCOMPARE(plot.liveBatchPointCount(), 2);
    plot.addEpoch(epoch(1, 0.7, 0.9));
    plot.addEpoch(epoch(2, 0.8, 0.6));
    QCOMPARE(plot.liveEpochPointCount(), 2);

    QCPGraph *testAcc = graphNamed(plot.plot(), QStringLiteral("Test accuracy"));
    QVERIFY(testAcc);
    QCOMPARE(testAcc->valueAxis()->axisRect(), plot.accuracyRect());
    QCOMPARE(testAcc->data()->at(1)->key, 2.0);
    QCOMPARE(testAcc->data()->at(1)->value, 80.0); // percent
    QCPGraph *testLoss = graphNamed(plot.plot(), QStringLiteral("Test loss"));
    QVERIFY(testLoss);
    QCOMPARE(testLoss->valueAxis()->axisRect(), plot.lossRect());
    // The ranges follow the data.
    QVERIFY(plot.accuracyRect()->axis(QCPAxis::atLeft)->range().contains(80.0));
    // Epochs so far, plus 3% room for the markers of the last epoch.
    QCOMPARE(plot.lossRect()->axis(QCPAxis::atBottom)->range().upper, 2.0 * 1.03);
    QCOMPARE(plot.accuracyRect()->axis(QCPAxis::atBottom)->range().upper, 2.0 * 1.03); // shared epoch axis
    plot.addBatch(batch(3, 1, 10, 0.5));
    QCOMPARE(plot.lossRect()->axis(QCPAxis::atBottom)->range().upper, 3.0 * 1.03);

    // A new live run starts empty.
    plot.startLiveRun(QStringLiteral("Run 2"));
    QCOMPARE(plot.liveBatchPointCount(), 0);
    QCOMPARE(plot.liveEpochPointCount(), 0);
}

void TestCurvePlot::batchPositionsAreFractionalEpochs()
{
    CurvePlot plot;
    plot.setSmoothing(0.0);
    plot.startLiveRun(QStringLiteral("Run"));
    plot.addBatch(batch(2, 25, 100, 1.0));
    QCPGraph *batches = graphNamed(plot.plot(), QStringLiteral("Batch loss (smoothed)"));
    QVERIFY(batches);
    QCOMPARE(batches->data()->at(0)->key, 1.25);
    QCOMPARE(batches->data()->at(0)->value, 1.0);
}

void TestCurvePlot::smoothingIsAnExponentialMovingAverage()
{
    CurvePlot plot;
    plot.setSmoothing(0.5);
    plot.startLiveRun(QStringLiteral("Run"));
    plot.addBatch(batch(1, 1, 4, 4.0));
    plot.addBatch(batch(1, 2, 4, 2.0));
    QCPGraph *batches = graphNamed(plot.plot(), QStringLiteral("Batch loss (smoothed)"));
    QCOMPARE(batches->data()->at(1)->value, 3.0); // 0.5 * 4 + 0.5 * 2

    // Moving the slider recomputes the whole curve.
    auto *slider = plot.findChild<QSlider *>(QStringLiteral("smoothingSlider"));
    QVERIFY(slider);
    slider->setValue(0);
    QCOMPARE(plot.smoothing(), 0.0);
    QCOMPARE(batches->data()->at(1)->value, 2.0);
    slider->setValue(99);
    QCOMPARE(batches->data()->at(1)->value, 0.99 * 4.0 + 0.01 * 2.0);
}

void TestCurvePlot::logAxisToggles()
{
    CurvePlot plot;
    plot.startLiveRun(QStringLiteral("Run"));
    plot.addEpoch(epoch(1, 0.5, 2.0));
    plot.addEpoch(epoch(2, 0.6, 0.02));
    auto *check = plot.findChild<QCheckBox *>(QStringLiteral("logLossCheck"));
    QVERIFY(check);
    QCPAxis *lossAxis = plot.lossRect()->axis(QCPAxis::atLeft);
    QCOMPARE(lossAxis->scaleType(), QCPAxis::stLinear);
    check->setChecked(true);
    QVERIFY(plot.isLogLossAxis());
    QCOMPARE(lossAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(lossAxis->ticker().dynamicCast<QCPAxisTickerLog>());
    QVERIFY(lossAxis->range().lower > 0.0);
    QVERIFY(lossAxis->range().contains(0.02));
    check->setChecked(false);
    QCOMPARE(lossAxis->scaleType(), QCPAxis::stLinear);
    QVERIFY(!lossAxis->ticker().dynamicCast<QCPAxisTickerLog>());
}

/// Every item of a legend of the plot shows a graph that the plot still has.
void verifyLegendsPointAtLiveGraphs(CurvePlot &plot)
{
    QSet<QCPAbstractPlottable *> alive;
    for (int i = 0; i < plot.plot()->plottableCount(); ++i)
        alive.insert(plot.plot()->plottable(i));
    for (QCPLegend *legend : {plot.lossLegend(), plot.accuracyLegend()}) {
        for (int i = 0; i < legend->itemCount(); ++i) {
            auto *item = qobject_cast<QCPPlottableLegendItem *>(legend->item(i));
            QVERIFY(item);
            QVERIFY2(alive.contains(item->plottable()), "a legend item outlived its graph");
        }
    }
}

/// The shipped crash: History selection of two runs (click, Ctrl+click), then one run. The overlay
/// graphs of the first selection were deleted while their accuracy-legend items stayed, and the
/// next replot freed them a second time.
void TestCurvePlot::shrinkingTheOverlaysLeavesNoStaleLegendItem()
{
    CurvePlot plot;
    plot.resize(800, 600);
    const int accItems = plot.accuracyLegend()->itemCount();
    const int lossItems = plot.lossLegend()->itemCount();
    OverlayRun a{3, QStringLiteral("run 3"), {epoch(1, 0.5, 1.0), epoch(2, 0.6, 0.8)}};
    OverlayRun b{4, QStringLiteral("run 4"), {epoch(1, 0.55, 0.9)}};
    plot.setOverlayRuns({a});
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    plot.setOverlayRuns({a, b});
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    verifyLegendsPointAtLiveGraphs(plot);
    plot.setOverlayRuns({b});
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    verifyLegendsPointAtLiveGraphs(plot);
    plot.setOverlayRuns({});
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    verifyLegendsPointAtLiveGraphs(plot);
    QCOMPARE(plot.accuracyLegend()->itemCount(), accItems);
    QCOMPARE(plot.lossLegend()->itemCount(), lossItems);
}

void TestCurvePlot::overlaysAddGraphsBehindTheLiveRun()
{
    CurvePlot plot;
    const int liveGraphs = plot.plot()->graphCount();
    OverlayRun a{7, QStringLiteral("Run 7"), {epoch(1, 0.5, 1.0), epoch(2, 0.6, 0.8)}};
    OverlayRun b{9, QStringLiteral("Run 9"), {epoch(1, 0.55, 0.9), epoch(2, 0.65, 0.7), epoch(3, 0.7, 0.6)}};
    plot.setOverlayRuns({a, b});
    QCOMPARE(plot.overlayCount(), 2);
    QCOMPARE(plot.plot()->graphCount(), liveGraphs + 4); // test loss + test accuracy per run

    QCPGraph *acc9 = graphNamed(plot.plot(), QStringLiteral("Run 9: test accuracy"));
    QCPGraph *loss7 = graphNamed(plot.plot(), QStringLiteral("Run 7: test loss"));
    QCPGraph *acc7 = graphNamed(plot.plot(), QStringLiteral("Run 7: test accuracy"));
    QVERIFY(acc9 && loss7 && acc7);
    QCOMPARE(acc9->dataCount(), 3);
    QCOMPARE(acc9->data()->at(2)->value, 70.0);
    QCOMPARE(loss7->valueAxis()->axisRect(), plot.lossRect());
    QVERIFY(acc7->pen().color() != acc9->pen().color());
    // Dimmer, thinner, and on a layer below the live graphs.
    QCPGraph *liveAcc = graphNamed(plot.plot(), QStringLiteral("Test accuracy"));
    QVERIFY(acc9->pen().widthF() < liveAcc->pen().widthF());
    QVERIFY(acc9->layer()->index() < liveAcc->layer()->index());
    QVERIFY(plot.accuracyRect()->axis(QCPAxis::atBottom)->range().upper >= 3.0);

    plot.setOverlayRuns({b});
    QCOMPARE(plot.overlayCount(), 1);
    QCOMPARE(plot.plot()->graphCount(), liveGraphs + 2);
    plot.setOverlayRuns({});
    QCOMPARE(plot.overlayCount(), 0);
    QCOMPARE(plot.plot()->graphCount(), liveGraphs);
}

void TestCurvePlot::exportsPngPdfSvg_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("png") << QStringLiteral("png");
    QTest::newRow("pdf") << QStringLiteral("pdf");
    QTest::newRow("svg") << QStringLiteral("svg");
}

void TestCurvePlot::exportsPngPdfSvg()
{
    QFETCH(QString, suffix);
    QTemporaryDir dir;
    CurvePlot plot;
    plot.resize(640, 480);
    plot.startLiveRun(QStringLiteral("Run 1"));
    for (int b = 1; b <= 10; ++b)
        plot.addBatch(batch(1, b, 10, 2.0 / b));
    plot.addEpoch(epoch(1, 0.8, 0.5));
    plot.setOverlayRuns({OverlayRun{3, QStringLiteral("Run 3"), {epoch(1, 0.7, 0.6)}}});
    const QString path = dir.filePath(QStringLiteral("curves.") + suffix);
    const Status s = exportPlot(plot.plot(), path);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QVERIFY(QFileInfo(path).size() > 0);
}

QTEST_MAIN(TestCurvePlot)
#include "tst_curveplot.moc"
