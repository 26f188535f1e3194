// SweepChart: several runs' sweeps overlaid, group means, Monte-Carlo chips, the float line of a ptq
// sweep, axes from the data, and the one helper that adds and removes series (widgets/history).

#include "history/sweepchart.h"
#include "util/summarystats.h"

#include "common/qcp.h"

#include <QCheckBox>
#include <QComboBox>
#include <QSet>
#include <QtTest>

using namespace qb;

namespace {

SweepPoint point(double value, QVector<double> accuracies)
{
    SweepPoint p;
    p.value = value;
    p.accuracies = accuracies;
    const SummaryStats stats = SummaryStats::of(accuracies);
    p.accuracyMean = stats.mean;
    p.accuracyStd = stats.std;
    p.accuracyMin = stats.min;
    p.accuracyMax = stats.max;
    return p;
}

int s_nextSweepId = 1;

SweepRecord noiseSweep(qint64 runId, QList<SweepPoint> points, int chips = 3, int testSamples = 300)
{
    SweepRecord s;
    s.id = s_nextSweepId++;
    s.runId = runId;
    s.kind = QStringLiteral("noise");
    s.parameter = QStringLiteral("weight_noise.sigma");
    s.settingsJson = QStringLiteral(R"({"chips":%1,"seed":1,"test_samples":%2})").arg(chips).arg(testSamples);
    s.created = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC).addSecs(s.id);
    s.points = points;
    return s;
}

SweepRecord ptqSweep(qint64 runId, double floatAccuracy)
{
    SweepRecord s;
    s.id = s_nextSweepId++;
    s.runId = runId;
    s.kind = QStringLiteral("ptq");
    s.parameter = QStringLiteral("frac_bits");
    s.settingsJson
        = QStringLiteral(R"({"word_bits":16,"test_samples":300,"float_accuracy":%1})").arg(floatAccuracy);
    s.created = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC).addSecs(s.id);
    for (int bits = 2; bits <= 8; ++bits)
        s.points.append(point(bits, {0.5 + bits * 0.05}));
    return s;
}

SweepRecord monteCarlo(qint64 runId, QVector<double> chips)
{
    SweepRecord s;
    s.id = s_nextSweepId++;
    s.runId = runId;
    s.kind = QStringLiteral("montecarlo");
    s.parameter = QStringLiteral("chips");
    s.settingsJson = QStringLiteral(R"({"chips":%1,"seed":1,"test_samples":300})").arg(chips.size());
    s.created = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC).addSecs(s.id);
    s.points = {point(chips.size(), chips)};
    return s;
}

RunSweeps run(qint64 id, QList<SweepRecord> sweeps, qint64 group = -1)
{
    RunSweeps r;
    r.runId = id;
    r.label = QStringLiteral("#%1 net").arg(id);
    r.groupId = group;
    r.sweeps = sweeps;
    return r;
}

const QList<SweepPoint> kNoiseA{point(0.0, {0.9, 0.9, 0.9}), point(0.05, {0.85, 0.87, 0.83}),
    point(0.1, {0.7, 0.8, 0.75}), point(0.2, {0.5, 0.6, 0.4})};
const QList<SweepPoint> kNoiseB{point(0.0, {0.95, 0.95, 0.95}), point(0.05, {0.93, 0.94, 0.92}),
    point(0.1, {0.9, 0.91, 0.89}), point(0.2, {0.8, 0.85, 0.75})};

/// The legend's items. The legend wraps into columns, so its grid may hold empty cells (null).
QList<QCPAbstractLegendItem *> legendItems(QCustomPlot *plot)
{
    QList<QCPAbstractLegendItem *> items;
    for (int i = 0; i < plot->legend->itemCount(); ++i) {
        if (QCPAbstractLegendItem *item = plot->legend->item(i))
            items << item;
    }
    return items;
}

/// Every legend item names a plottable the plot still has.
void verifyLegendPointsAtLivePlottables(QCustomPlot *plot)
{
    QSet<QCPAbstractPlottable *> alive;
    for (int i = 0; i < plot->plottableCount(); ++i)
        alive.insert(plot->plottable(i));
    for (QCPAbstractLegendItem *legendItem : legendItems(plot)) {
        auto *item = qobject_cast<QCPPlottableLegendItem *>(legendItem);
        QVERIFY(item);
        QVERIFY2(alive.contains(item->plottable()), "a legend item outlived its plottable");
    }
}

QCPErrorBars *errorBarsOn(QCustomPlot *plot, QCPGraph *graph)
{
    for (int i = 0; i < plot->plottableCount(); ++i) {
        if (auto *e = qobject_cast<QCPErrorBars *>(plot->plottable(i)); e && e->dataPlottable() == graph)
            return e;
    }
    return nullptr;
}

} // namespace

class TestSweepChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overlaysTwoRunsWithErrorBars();
    void shrinkingTheRunsLeavesNoStaleSeries();
    void offersTheKindsFoundAmongTheRuns();
    void newestSweepOfTheKindPerRun();
    void groupMeanOverTheGroupsRuns();
    void ptqSweepDrawsTheFloatLine();
    void monteCarloShowsEveryChip();
    void noiseSweepShowsItsChipsOnRequest();
    void axesStartAtTheData();
    void subtitleNamesChipsAndTestImages();
    void aLongTitleWrapsInsteadOfBeingCut();
    void hoverShowsTheExactValues();
    void messageWhenNoRunHasSweeps();
};

void TestSweepChart::overlaysTwoRunsWithErrorBars()
{
    SweepChart chart;
    chart.setRuns({run(3, {noiseSweep(3, kNoiseA)}), run(4, {noiseSweep(4, kNoiseB)})});
    QVERIFY(chart.message().isEmpty());
    QCOMPARE(chart.seriesCount(), 2);
    QCOMPARE(chart.seriesNames(), (QStringList{QStringLiteral("#3 net"), QStringLiteral("#4 net")}));
    QCOMPARE(chart.pointCount(), 8);
    QCOMPARE(chart.errorBarCount(), 8);
    const QList<QCPGraph *> graphs = chart.seriesGraphs();
    QVERIFY(graphs.at(0)->pen().color() != graphs.at(1)->pen().color());
    // Each run's error bars hang on its own line: ± the std over its chips.
    for (int r = 0; r < 2; ++r) {
        QCPErrorBars *bars = errorBarsOn(chart.plot(), graphs.at(r));
        QVERIFY(bars && bars->visible());
        QCOMPARE(bars->dataCount(), 4);
        const QList<SweepPoint> &points = r == 0 ? kNoiseA : kNoiseB;
        QVERIFY(qAbs(bars->data()->at(3).errorPlus - points.at(3).accuracyStd * 100.0) < 1e-9);
        QVERIFY(qAbs(graphs.at(r)->data()->at(2)->value - points.at(2).accuracyMean * 100.0) < 1e-9);
    }
    QCOMPARE(
        chart.title(), QStringLiteral("Robustness to weight_noise.sigma: mean accuracy ± std over chips"));
    chart.setRuns({run(4, {noiseSweep(4, kNoiseB)})});
    QVERIFY(chart.title().endsWith(QStringLiteral(" — #4 net")));
}

void TestSweepChart::shrinkingTheRunsLeavesNoStaleSeries()
{
    // The History selection going from two runs to one: the second run's line, error bars and legend
    // item must all go, with replots in between (a stale legend item crashed the last release).
    SweepChart chart;
    chart.resize(800, 600);
    chart.setRuns({run(3, {noiseSweep(3, kNoiseA)})});
    chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const int plottablesForOne = chart.plot()->plottableCount();
    const int legendForOne = int(legendItems(chart.plot()).size());
    QCOMPARE(legendForOne, 1);

    chart.setRuns({run(3, {noiseSweep(3, kNoiseA)}), run(4, {noiseSweep(4, kNoiseB), ptqSweep(4, 0.95)})});
    chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
    verifyLegendPointsAtLivePlottables(chart.plot());
    QCOMPARE(int(legendItems(chart.plot()).size()), 2);

    chart.setRuns({run(3, {noiseSweep(3, kNoiseA)})});
    chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
    verifyLegendPointsAtLivePlottables(chart.plot());
    QCOMPARE(chart.seriesCount(), 1);
    QCOMPARE(chart.plot()->plottableCount(), plottablesForOne);
    QCOMPARE(int(legendItems(chart.plot()).size()), legendForOne);

    // Through a Monte-Carlo view (boxes, chip points, items) and back to nothing.
    chart.setRuns({run(3, {monteCarlo(3, {0.8, 0.82})}), run(4, {monteCarlo(4, {0.7, 0.75, 0.72})})});
    chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
    verifyLegendPointsAtLivePlottables(chart.plot());
    chart.setRuns({run(4, {ptqSweep(4, 0.95)})});
    chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
    verifyLegendPointsAtLivePlottables(chart.plot());
    QCOMPARE(chart.plot()->itemCount(), 1); // the float line
    chart.showMessage(QStringLiteral("nothing"));
    chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(chart.plot()->plottableCount(), 0);
    QCOMPARE(chart.plot()->itemCount(), 0);
    QCOMPARE(int(legendItems(chart.plot()).size()), 0);
}

void TestSweepChart::offersTheKindsFoundAmongTheRuns()
{
    SweepChart chart;
    chart.setRuns({run(3, {ptqSweep(3, 0.9), noiseSweep(3, kNoiseA)}), run(4, {monteCarlo(4, {0.8, 0.9})})});
    // Oldest kind first, the newest selected.
    QCOMPARE(chart.kinds(),
        (QStringList{QStringLiteral("ptq: frac_bits (1 run(s))"),
            QStringLiteral("noise: weight_noise.sigma (1 run(s))"),
            QStringLiteral("Monte-Carlo (1 run(s))")}));
    QCOMPARE(chart.currentKind(), 2);
    QVERIFY(chart.kindCombo()->isEnabled());
    chart.setCurrentKind(1);
    QCOMPARE(chart.seriesNames(), QStringList{QStringLiteral("#3 net")});
    // The chosen kind stays chosen when the selection changes and still has it.
    chart.setRuns({run(3, {ptqSweep(3, 0.9), noiseSweep(3, kNoiseA)}), run(5, {noiseSweep(5, kNoiseB)})});
    QCOMPARE(chart.kinds().at(chart.currentKind()), QStringLiteral("noise: weight_noise.sigma (2 run(s))"));
    QCOMPARE(chart.seriesCount(), 2);
}

void TestSweepChart::newestSweepOfTheKindPerRun()
{
    SweepChart chart;
    QList<SweepPoint> again = kNoiseA;
    again.removeLast();
    chart.setRuns({run(3, {noiseSweep(3, kNoiseA), noiseSweep(3, again)})});
    QCOMPARE(chart.kinds(), QStringList{QStringLiteral("noise: weight_noise.sigma")});
    QCOMPARE(chart.seriesCount(), 1);
    QCOMPARE(chart.pointCount(), 3);
}

void TestSweepChart::groupMeanOverTheGroupsRuns()
{
    const QList<SweepPoint> c{
        point(0.0, {0.8, 0.8}), point(0.05, {0.75, 0.77}), point(0.1, {0.6, 0.62}), point(0.2, {0.3, 0.4})};
    SweepChart chart;
    chart.setRuns({run(3, {noiseSweep(3, kNoiseA)}, 3), run(4, {noiseSweep(4, kNoiseB)}, 3),
        run(7, {noiseSweep(7, c)})});
    QVERIFY(chart.groupMeansCheck()->isEnabled());
    QVERIFY(chart.groupMeansCheck()->isChecked());
    QCOMPARE(chart.seriesCount(), 2);
    QCOMPARE(chart.seriesNames().first(), QStringLiteral("group 3: mean of 2 run(s)"));
    // The mean over the two runs' means, error bars ± the std over the runs (not over the chips).
    QCPGraph *mean = chart.seriesGraphs().first();
    const SummaryStats at20
        = SummaryStats::of({kNoiseA.at(3).accuracyMean * 100, kNoiseB.at(3).accuracyMean * 100});
    QVERIFY(qAbs(mean->data()->at(3)->value - at20.mean) < 1e-9);
    QCPErrorBars *bars = errorBarsOn(chart.plot(), mean);
    QVERIFY(bars);
    QVERIFY(qAbs(bars->data()->at(3).errorPlus - at20.std) < 1e-9);
    QVERIFY(chart.subtitle().contains(QStringLiteral("std over the group's runs")));

    chart.setGroupMeans(false);
    QCOMPARE(chart.seriesCount(), 3);
    verifyLegendPointsAtLivePlottables(chart.plot());

    // One run of a group alone has nothing to average.
    chart.setRuns({run(3, {noiseSweep(3, kNoiseA)}, 3), run(7, {noiseSweep(7, c)})});
    QVERIFY(!chart.groupMeansCheck()->isEnabled());
    QCOMPARE(chart.seriesCount(), 2);
}

void TestSweepChart::ptqSweepDrawsTheFloatLine()
{
    SweepChart chart;
    chart.setRuns({run(3, {ptqSweep(3, 0.973)})});
    QCOMPARE(chart.seriesCount(), 1);
    QCOMPARE(chart.pointCount(), 7);
    QCOMPARE(chart.errorBarCount(), 0);
    QCOMPARE(chart.floatLineValues().size(), 1);
    QVERIFY(qAbs(chart.floatLineValues().first() - 97.3) < 1e-9);
    QCPItemStraightLine *line = nullptr;
    for (int i = 0; i < chart.plot()->itemCount(); ++i) {
        if (auto *l = qobject_cast<QCPItemStraightLine *>(chart.plot()->item(i)))
            line = l;
    }
    QVERIFY(line);
    QVERIFY(qAbs(line->point1->coords().y() - 97.3) < 1e-9);
    QVERIFY(qAbs(line->point2->coords().y() - 97.3) < 1e-9);
    QVERIFY(chart.plot()->yAxis->range().contains(97.3));
    QCOMPARE(chart.plot()->xAxis->label(), QStringLiteral("Fraction bits"));
    // The legend names the line with its value.
    bool named = false;
    for (QCPAbstractLegendItem *legendItem : legendItems(chart.plot())) {
        auto *item = qobject_cast<QCPPlottableLegendItem *>(legendItem);
        named = named || (item && item->plottable()->name().contains(QStringLiteral("float")));
    }
    QVERIFY(named);
}

void TestSweepChart::monteCarloShowsEveryChip()
{
    const QVector<double> chips{0.81, 0.84, 0.79, 0.83, 0.8, 0.82, 0.85, 0.78, 0.81, 0.83};
    SweepChart chart;
    chart.setRuns({run(3, {monteCarlo(3, chips)})});
    QCOMPARE(chart.chipPointCount(), 10);
    QCOMPARE(chart.pointCount(), 1); // the mean
    QCOMPARE(chart.errorBarCount(), 1);
    QVERIFY(qAbs(chart.seriesGraphs().first()->data()->at(0)->value - SummaryStats::of(chips).mean * 100.0)
        < 1e-9);
    // The chips, not a single dot on a "chips" axis: every accuracy is there, near the run's column.
    QCPGraph *chipGraph = nullptr;
    for (int i = 0; i < chart.plot()->graphCount(); ++i) {
        if (chart.plot()->graph(i)->dataCount() == 10)
            chipGraph = chart.plot()->graph(i);
    }
    QVERIFY(chipGraph);
    QList<double> drawn, expected;
    for (int i = 0; i < 10; ++i) {
        drawn << std::round(chipGraph->data()->at(i)->value * 1000) / 1000;
        expected << std::round(chips.at(i) * 100.0 * 1000) / 1000;
        QVERIFY(qAbs(chipGraph->data()->at(i)->key - 1.0) < 0.2);
    }
    std::sort(drawn.begin(), drawn.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(drawn, expected);
    QVERIFY(chart.plot()->xAxis->label().isEmpty());
    // A box plot of the chips.
    int boxes = 0;
    for (int i = 0; i < chart.plot()->plottableCount(); ++i)
        boxes += qobject_cast<QCPStatisticalBox *>(chart.plot()->plottable(i)) ? 1 : 0;
    QCOMPARE(boxes, 1);

    // Two runs: one column each, the chips of both.
    chart.setRuns({run(3, {monteCarlo(3, chips)}), run(4, {monteCarlo(4, {0.7, 0.72, 0.74, 0.71, 0.73})})});
    QCOMPARE(chart.chipPointCount(), 15);
    QCOMPARE(chart.seriesCount(), 2);
    const auto ticker = chart.plot()->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker);
    QCOMPARE(ticker->ticks().values(), (QList<QString>{QStringLiteral("#3 net"), QStringLiteral("#4 net")}));
}

void TestSweepChart::noiseSweepShowsItsChipsOnRequest()
{
    SweepChart chart;
    chart.setRuns({run(3, {noiseSweep(3, kNoiseA)}), run(4, {noiseSweep(4, kNoiseB)})});
    QVERIFY(chart.showChipsCheck()->isEnabled());
    QCOMPARE(chart.chipPointCount(), 0);
    chart.setShowChips(true);
    QCOMPARE(chart.chipPointCount(), 2 * 4 * 3); // runs x swept values x chips
    QCOMPARE(chart.seriesCount(), 2);
    QCOMPARE(int(legendItems(chart.plot()).size()), 2); // the chips are no series of their own
    chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
    chart.setRuns({run(4, {noiseSweep(4, kNoiseB)})});
    chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
    verifyLegendPointsAtLivePlottables(chart.plot());
    QCOMPARE(chart.chipPointCount(), 4 * 3);
    // A ptq sweep has one evaluation per point: nothing to show.
    chart.setRuns({run(4, {ptqSweep(4, 0.9)})});
    QVERIFY(!chart.showChipsCheck()->isEnabled());
    QCOMPARE(chart.chipPointCount(), 0);
}

void TestSweepChart::axesStartAtTheData()
{
    SweepChart chart;
    chart.setRuns({run(3, {noiseSweep(3, kNoiseA)})});
    const QCPRange x = chart.plot()->xAxis->range();
    // Swept from 0 to 0.2: the axis starts just before 0, not at -0.5.
    QVERIFY2(x.lower >= -0.02 && x.lower < 0.0, qPrintable(QString::number(x.lower)));
    QVERIFY2(x.upper > 0.2 && x.upper <= 0.22, qPrintable(QString::number(x.upper)));
    // Accuracy from the data (40 % .. 90 % with error bars), not 0 .. 100.
    const QCPRange y = chart.plot()->yAxis->range();
    QVERIFY(y.lower > 30.0 && y.lower < 50.0 - 8.2);
    QVERIFY(y.upper > 90.0 && y.upper <= 100.0);

    QList<SweepPoint> later = kNoiseB;
    later.removeFirst(); // 0.05 .. 0.2
    chart.setRuns({run(4, {noiseSweep(4, later)})});
    QVERIFY(chart.plot()->xAxis->range().lower >= 0.05 - 0.015);
    QVERIFY(chart.plot()->xAxis->range().lower < 0.05);
}

void TestSweepChart::aLongTitleWrapsInsteadOfBeingCut()
{
    // In a narrow dock the title ran off both sides ("stness to weight_noise.sigma: mean accuracy ± std over c").
    SweepChart chart;
    chart.resize(360, 420);
    chart.show();
    chart.setRuns({run(3, {noiseSweep(3, kNoiseA)}), run(4, {noiseSweep(4, kNoiseB)})});
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    auto *title = qobject_cast<QCPTextElement *>(chart.plot()->plotLayout()->element(0, 0));
    QCPLayoutGrid *grid = title ? nullptr : qobject_cast<QCPLayoutGrid *>(chart.plot()->plotLayout()->element(0, 0));
    if (grid)
        title = qobject_cast<QCPTextElement *>(grid->element(0, 0));
    QVERIFY(title);
    QCOMPARE(QString(title->text()).replace(QLatin1Char('\n'), QLatin1Char(' ')), chart.title());
    const QFontMetrics metrics(title->font());
    for (const QString &line : title->text().split(QLatin1Char('\n')))
        QVERIFY2(metrics.horizontalAdvance(line) <= chart.plot()->width(), qPrintable(line));
}

void TestSweepChart::subtitleNamesChipsAndTestImages()
{
    SweepChart chart;
    chart.setRuns({run(3, {noiseSweep(3, kNoiseA, 5, 300)})});
    QCOMPARE(chart.subtitle(), QStringLiteral("5 chip(s) × 300 test image(s) per point"));
    chart.setRuns({run(3, {noiseSweep(3, kNoiseA, 5, 300)}), run(4, {noiseSweep(4, kNoiseB, 10, 300)})});
    QCOMPARE(chart.subtitle(), QStringLiteral("5–10 chips × 300 test image(s) per point"));
    chart.setRuns({run(3, {ptqSweep(3, 0.9)})});
    QCOMPARE(chart.subtitle(), QStringLiteral("300 test image(s) per point"));
}

void TestSweepChart::hoverShowsTheExactValues()
{
    SweepChart chart;
    chart.resize(900, 600);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setRuns({run(3, {noiseSweep(3, kNoiseA, 3, 300)}), run(4, {noiseSweep(4, kNoiseB, 3, 300)})});
    chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCPGraph *graph = chart.seriesGraphs().first();
    const QPointF at(chart.plot()->xAxis->coordToPixel(0.1), chart.plot()->yAxis->coordToPixel(75.0));
    const QString text = chart.toolTipAt(at + QPointF(2, -1));
    QVERIFY2(text.contains(QStringLiteral("#3 net")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("weight_noise.sigma = 0.1")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("75.00 %")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("3 chip(s)")), qPrintable(text));
    QVERIFY(graph->dataCount() == 4);
    // Between the points, over nothing: no tooltip.
    const QPointF between(chart.plot()->xAxis->coordToPixel(0.15), chart.plot()->yAxis->coordToPixel(99.0));
    QVERIFY(chart.toolTipAt(between).isEmpty());
}

void TestSweepChart::messageWhenNoRunHasSweeps()
{
    SweepChart chart;
    chart.setRuns({run(3, {})});
    QCOMPARE(chart.message(), QStringLiteral("(this run has no sweeps)"));
    chart.setRuns({run(3, {}), run(4, {})});
    QCOMPARE(chart.message(), QStringLiteral("(none of the 2 selected runs has sweeps)"));
    QCOMPARE(chart.seriesCount(), 0);
}

QTEST_MAIN(TestSweepChart)
#include "tst_sweepchart.moc"
