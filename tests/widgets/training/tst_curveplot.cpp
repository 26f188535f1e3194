// CurvePlot: live points, smoothing, log axis, overlays of history runs (train and test curves),
// the legend off the data, the title, integer epoch ticks, the hover readout and export.
#include "trainingtestutil.h"

#include "common/plotexport.h"
#include "common/qcp.h"
#include "training/curvelegenditem.h"
#include "training/curveplot.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QMouseEvent>
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

OverlayRun overlay(qint64 id, QList<EpochMetrics> epochs)
{
    return OverlayRun{id, QStringLiteral("Run %1").arg(id), epochs};
}

/// The items of a legend (a legend of several columns has empty cells).
QList<QCPAbstractLegendItem *> legendItems(QCPLegend *legend)
{
    QList<QCPAbstractLegendItem *> items;
    for (int i = 0; i < legend->itemCount(); ++i) {
        if (legend->item(i))
            items << legend->item(i);
    }
    return items;
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
    void overlayTrainCurvesAreSolidTestCurvesDashedWithASwitch();
    void shrinkingTheOverlaysLeavesNoStaleLegendItem();
    void theLegendSitsOutsideTheData();
    void titleSaysWhatIsDrawn();
    void epochAxisHasIntegerTicksOnly_data();
    void epochAxisHasIntegerTicksOnly();
    void hoverShowsEveryCurveAtTheNearestEpoch();
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
    for (QCPAbstractLegendItem *legendItem : legendItems(plot.legend())) {
        auto *item = qobject_cast<QCPPlottableLegendItem *>(legendItem);
        QVERIFY(item);
        QVERIFY2(alive.contains(item->plottable()), "a legend item outlived its graph");
    }
}

/// The shipped crash: History selection of two runs (click, Ctrl+click), then one run. The overlay
/// graphs of the first selection were deleted while their items in a legend other than the plot's
/// built-in one stayed, and the next replot freed them a second time.
void TestCurvePlot::shrinkingTheOverlaysLeavesNoStaleLegendItem()
{
    CurvePlot plot;
    plot.resize(800, 600);
    plot.startLiveRun(QStringLiteral("Run 1"));
    const int items = legendItems(plot.legend()).size();
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
    QCOMPARE(legendItems(plot.legend()).size(), items);
}

void TestCurvePlot::overlaysAddGraphsBehindTheLiveRun()
{
    CurvePlot plot;
    const int liveGraphs = plot.plot()->graphCount();
    OverlayRun a{7, QStringLiteral("Run 7"), {epoch(1, 0.5, 1.0), epoch(2, 0.6, 0.8)}};
    OverlayRun b{9, QStringLiteral("Run 9"), {epoch(1, 0.55, 0.9), epoch(2, 0.65, 0.7), epoch(3, 0.7, 0.6)}};
    plot.setOverlayRuns({a, b});
    QCOMPARE(plot.overlayCount(), 2);
    QVERIFY(plot.showsOverlayTrainCurves()); // the default
    QCOMPARE(plot.plot()->graphCount(), liveGraphs + 8); // train and test, loss and accuracy, per run

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
    QCOMPARE(plot.plot()->graphCount(), liveGraphs + 4);
    plot.setOverlayRuns({});
    QCOMPARE(plot.overlayCount(), 0);
    QCOMPARE(plot.plot()->graphCount(), liveGraphs);
}

void TestCurvePlot::overlayTrainCurvesAreSolidTestCurvesDashedWithASwitch()
{
    CurvePlot plot;
    const int liveGraphs = plot.plot()->graphCount();
    plot.setOverlayRuns({overlay(3, {epoch(1, 0.5, 1.0), epoch(2, 0.6, 0.8)})});
    QCPGraph *trainAcc = graphNamed(plot.plot(), QStringLiteral("Run 3: train accuracy"));
    QCPGraph *trainLoss = graphNamed(plot.plot(), QStringLiteral("Run 3: train loss"));
    QCPGraph *testAcc = graphNamed(plot.plot(), QStringLiteral("Run 3: test accuracy"));
    QVERIFY(trainAcc && trainLoss && testAcc);
    QCOMPARE(trainAcc->data()->at(1)->value, 58.0); // epoch() makes train accuracy 2 points lower
    QCOMPARE(trainLoss->data()->at(0)->value, 0.9);
    QCOMPARE(trainLoss->valueAxis()->axisRect(), plot.lossRect());
    QCOMPARE(trainAcc->pen().style(), Qt::SolidLine);
    QCOMPARE(testAcc->pen().style(), Qt::DashLine);
    QCOMPARE(trainAcc->pen().color(), testAcc->pen().color()); // one color per run

    // The legend names each curve of the run once (both plots share the pens).
    QStringList texts;
    for (QCPAbstractLegendItem *item : legendItems(plot.legend()))
        texts << static_cast<CurveLegendItem *>(item)->text();
    QCOMPARE(texts, QStringList({QStringLiteral("Run 3: train"), QStringLiteral("Run 3: test")}));

    // The switch in the toolbar drops the train curves and brings them back.
    auto *check = plot.findChild<QCheckBox *>(QStringLiteral("overlayTrainCheck"));
    QVERIFY(check);
    QVERIFY(check->isChecked());
    check->setChecked(false);
    QVERIFY(!plot.showsOverlayTrainCurves());
    QCOMPARE(plot.plot()->graphCount(), liveGraphs + 2);
    QVERIFY(!graphNamed(plot.plot(), QStringLiteral("Run 3: train accuracy")));
    QVERIFY(graphNamed(plot.plot(), QStringLiteral("Run 3: test accuracy")));
    QCOMPARE(legendItems(plot.legend()).size(), 1);
    check->setChecked(true);
    QCOMPARE(plot.plot()->graphCount(), liveGraphs + 4);
    QCOMPARE(legendItems(plot.legend()).size(), 2);
}

void TestCurvePlot::theLegendSitsOutsideTheData()
{
    CurvePlot plot;
    plot.resize(800, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.startLiveRun(QStringLiteral("Run 1"));
    plot.addBatch(batch(1, 10, 10, 0.9));
    plot.addEpoch(epoch(1, 0.97, 0.1)); // the top right corner, where the legends used to sit
    plot.addEpoch(epoch(2, 0.98, 0.05));
    plot.setOverlayRuns({overlay(3, {epoch(1, 0.96, 0.2)}), overlay(4, {epoch(1, 0.95, 0.3)})});
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);

    QCPLegend *legend = plot.legend();
    QVERIFY(legend->visible());
    QCOMPARE(legendItems(legend).size(), 3 + 4); // live: train, test, batch loss; 2 per overlaid run
    const QRect legendRect = legend->outerRect();
    QVERIFY(!legendRect.isEmpty());
    for (QCPAxisRect *rect : {plot.lossRect(), plot.accuracyRect()})
        QVERIFY2(!legendRect.intersects(rect->rect()), "the legend covers a plot");
    // No other legend is drawn anywhere.
    for (int i = 0; i < plot.plot()->layerCount(); ++i) {
        for (QCPLayerable *child : plot.plot()->layer(i)->children()) {
            if (auto *other = qobject_cast<QCPLegend *>(child))
                QVERIFY(other == legend || !other->visible() || legendItems(other).isEmpty());
        }
    }
    // The first run's train accuracy point is in sight.
    QCPGraph *trainAcc = graphNamed(plot.plot(), QStringLiteral("Train accuracy"));
    const QPointF first(trainAcc->keyAxis()->coordToPixel(1.0), trainAcc->valueAxis()->coordToPixel(95.0));
    QVERIFY(plot.accuracyRect()->rect().contains(first.toPoint()));
    QVERIFY(!legendRect.contains(first.toPoint()));
}

void TestCurvePlot::titleSaysWhatIsDrawn()
{
    CurvePlot plot;
    QVERIFY2(plot.title().contains(QStringLiteral("Train")), qPrintable(plot.title())); // what to do
    plot.setOverlayRuns({overlay(3, {epoch(1, 0.5, 1.0)})});
    QCOMPARE(plot.title(), QStringLiteral("Run 3"));
    plot.setOverlayRuns({overlay(3, {epoch(1, 0.5, 1.0)}), overlay(4, {epoch(1, 0.5, 1.0)})});
    QCOMPARE(plot.title(), QStringLiteral("Runs 3, 4"));
    plot.setOverlayRuns({overlay(4, {epoch(1, 0.5, 1.0)}), overlay(3, {epoch(1, 0.5, 1.0)})});
    QCOMPARE(plot.title(), QStringLiteral("Runs 3, 4")); // in order, whatever the selection order
    plot.startLiveRun(QStringLiteral("Run 7"));
    QCOMPARE(plot.title(), QStringLiteral("Run 7 (training) with runs 3, 4 from the history"));
    plot.setOverlayRuns({overlay(3, {epoch(1, 0.5, 1.0)})});
    QCOMPARE(plot.title(), QStringLiteral("Run 7 (training) with run 3 from the history"));
    plot.setOverlayRuns({});
    QCOMPARE(plot.title(), QStringLiteral("Run 7 (training)"));
    plot.finishLiveRun();
    QCOMPARE(plot.title(), QStringLiteral("Run 7"));
    plot.setOverlayRuns({overlay(4, {epoch(1, 0.5, 1.0)})});
    QCOMPARE(plot.title(), QStringLiteral("Run 7 with run 4 from the history"));
}

void TestCurvePlot::epochAxisHasIntegerTicksOnly_data()
{
    QTest::addColumn<int>("epochs");
    QTest::newRow("1 epoch") << 1;
    QTest::newRow("2 epochs") << 2;
    QTest::newRow("3 epochs") << 3;
    QTest::newRow("37 epochs") << 37;
    QTest::newRow("250 epochs") << 250;
}

void TestCurvePlot::epochAxisHasIntegerTicksOnly()
{
    QFETCH(int, epochs);
    CurvePlot plot;
    plot.resize(800, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.startLiveRun(QStringLiteral("Run 1"));
    for (int e = 1; e <= epochs; ++e)
        plot.addEpoch(epoch(e, 0.5, 1.0));
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    for (QCPAxisRect *rect : {plot.lossRect(), plot.accuracyRect()}) {
        const QVector<double> ticks = rect->axis(QCPAxis::atBottom)->tickVector();
        QVERIFY(ticks.size() >= 2);
        for (double tick : ticks)
            QVERIFY2(tick == std::round(tick), qPrintable(QString::number(tick)));
    }
    const QVector<QString> labels = plot.accuracyRect()->axis(QCPAxis::atBottom)->tickVectorLabels();
    QVERIFY(labels.contains(QString::number(epochs <= 5 ? epochs : 0)));
}

void TestCurvePlot::hoverShowsEveryCurveAtTheNearestEpoch()
{
    CurvePlot plot;
    plot.resize(900, 700);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.setSmoothing(0.0);
    plot.startLiveRun(QStringLiteral("Run 7"));
    plot.addBatch(batch(1, 10, 10, 0.95));
    plot.addBatch(batch(2, 10, 10, 0.55));
    plot.addEpoch(epoch(1, 0.70, 0.9));
    plot.addEpoch(epoch(2, 0.80, 0.6));
    plot.setOverlayRuns({overlay(3, {epoch(1, 0.5, 1.25), epoch(2, 0.625, 0.75), epoch(3, 0.75, 0.5)})});
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(plot.valuesText().isEmpty());

    // The mouse over the accuracy plot, a little left of epoch 2.
    QCPAxis *x = plot.accuracyRect()->axis(QCPAxis::atBottom);
    const QPointF pos(x->coordToPixel(1.8), plot.accuracyRect()->rect().center().y());
    QMouseEvent move(
        QEvent::MouseMove, pos, plot.plot()->mapToGlobal(pos), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(plot.plot(), &move);
    const QString text = plot.valuesText();
    QVERIFY2(text.startsWith(QStringLiteral("Epoch 2\n")), qPrintable(text));
    const QStringList lines = text.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(1), QStringLiteral("Run 7: train 78.00 % (loss 0.5400) · test 80.00 % (loss 0.6000)"));
    QCOMPARE(lines.at(2), QStringLiteral("Run 3: train 60.50 % (loss 0.6750) · test 62.50 % (loss 0.7500)"));
    QCOMPARE(lines.at(3), QStringLiteral("Batch loss (smoothed): 0.5500"));

    // A vertical line through both plots at that epoch.
    int lines2 = 0;
    for (int i = 0; i < plot.plot()->itemCount(); ++i) {
        auto *line = qobject_cast<QCPItemStraightLine *>(plot.plot()->item(i));
        if (line && line->visible()) {
            QCOMPARE(line->point1->key(), 2.0);
            QCOMPARE(line->point2->key(), 2.0);
            ++lines2;
        }
    }
    QCOMPARE(lines2, 2);

    // Past the live run's last epoch only the overlaid run has values.
    QVERIFY(plot.showValuesAt(2.9));
    QCOMPARE(plot.valuesText().split(QLatin1Char('\n')).at(1),
        QStringLiteral("Run 3: train 73.00 % (loss 0.4500) · test 75.00 % (loss 0.5000)"));

    // Leaving the plot hides it.
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(plot.plot(), &leave);
    QVERIFY(plot.valuesText().isEmpty());
    // Nothing to show on an empty plot.
    CurvePlot empty;
    QVERIFY(!empty.showValuesAt(1.0));
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
