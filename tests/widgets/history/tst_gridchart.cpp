// GridChart: a grid's results as mean ± std against the first varied field: numeric (log for a
// wide span) and categorical axes, a second field as series, rows without runs left out, hover
// text, and the one helper that adds and removes series (widgets/history).

#include "history/gridchart.h"

#include "common/qcp.h"

#include <QComboBox>
#include <QtTest>

using namespace qb;

namespace {

GridResultRow row(int configuration, QList<QJsonValue> values, QVector<double> accuracies, int seeds = 3)
{
    GridResultRow r;
    r.configuration = configuration;
    r.values = values;
    r.label = QStringLiteral("configuration %1").arg(configuration);
    r.seedsPlanned = seeds;
    for (int i = 0; i < accuracies.size(); ++i)
        r.runIds << configuration * 10 + i;
    r.finalAccuracy = SummaryStats::of(accuracies);
    r.bestAccuracy = r.finalAccuracy;
    return r;
}

GridResults results(QList<GridAxis> axes, QList<GridResultRow> rows, int seeds = 3)
{
    GridResults g;
    g.record.id = 7;
    g.record.name = QStringLiteral("lr study");
    g.spec.axes = axes;
    g.spec.seeds = seeds;
    g.rows = rows;
    return g;
}

GridAxis axis(const QString &path, QList<QJsonValue> values)
{
    GridAxis a;
    a.path = path;
    a.values = values;
    return a;
}

} // namespace

class TestGridChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numericValuesOnALogAxis()
    {
        GridChart chart;
        chart.resize(700, 450);
        chart.show();
        const GridAxis lr = axis(QStringLiteral("train.learning_rate"), {1e-4, 1e-3, 1e-2});
        chart.setResults(results({lr},
            {row(0, {1e-4}, {0.80, 0.82, 0.84}), row(1, {1e-3}, {0.90, 0.91, 0.92}),
                row(2, {1e-2}, {0.70, 0.60, 0.65})}));
        QVERIFY(chart.message().isEmpty());
        QCOMPARE(chart.seriesCount(), 1);
        QCOMPARE(chart.pointCount(), 3);
        QCOMPARE(chart.errorBarCount(), 3);
        QVERIFY(chart.isLogAxis());
        QVERIFY(!chart.isCategorical());
        QCPGraph *graph = chart.plot()->graph(0);
        QCOMPARE(graph->data()->at(0)->key, 1e-4);
        QVERIFY(qAbs(graph->data()->at(1)->value - 91.0) < 1e-9);
        QVERIFY(chart.title().contains(QStringLiteral("train.learning_rate")));
        QVERIFY(chart.title().contains(QStringLiteral("3 seed(s)")));
        QCOMPARE(chart.plot()->xAxis->label(), QStringLiteral("train.learning_rate"));
        QVERIFY(!chart.plot()->legend->visible()); // one series: nothing to tell apart
        // The error bars are the std over seeds, in percent.
        auto *errors = qobject_cast<QCPErrorBars *>(chart.plot()->plottable(1));
        QVERIFY(errors);
        QVERIFY(
            qAbs(errors->data()->at(0).errorPlus - SummaryStats::of({0.80, 0.82, 0.84}).std * 100.0) < 1e-9);
        // Hover.
        chart.plot()->replot();
        const QPointF pixel(chart.plot()->xAxis->coordToPixel(1e-3), chart.plot()->yAxis->coordToPixel(91.0));
        const QString tip = chart.toolTipAt(pixel);
        QVERIFY2(tip.contains(QStringLiteral("configuration 1")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("3 of 3 seed(s)")), qPrintable(tip));
    }

    void narrowNumericRangeIsLinear()
    {
        GridChart chart;
        chart.setResults(results({axis(QStringLiteral("train.batch_size"), {32, 64, 128})},
            {row(0, {32}, {0.8}), row(1, {64}, {0.85}), row(2, {128}, {0.9})}, 1));
        QVERIFY(!chart.isLogAxis());
        QCOMPARE(chart.pointCount(), 3);
    }

    void stringsAreCategoriesAndASecondFieldMakesSeries()
    {
        GridChart chart;
        chart.resize(700, 450);
        const GridAxis q = axis(QStringLiteral("layers[3].kernel_quantizer.name"),
            {QStringLiteral("ste_sign"), QStringLiteral("ternary_twn"), QStringLiteral("dorefa")});
        const GridAxis lr = axis(QStringLiteral("train.learning_rate"), {1e-3, 1e-2});
        QList<GridResultRow> rows;
        int c = 0;
        for (const QJsonValue &name : q.values)
            for (const QJsonValue &rate : lr.values)
                rows << row(c++, {name, rate}, {0.8, 0.9});
        rows[5].runIds.clear(); // dorefa, 1e-2: nothing finished
        rows[5].finalAccuracy = SummaryStats::of({});
        chart.setResults(results({q, lr}, rows, 2));
        QVERIFY(chart.isCategorical());
        QVERIFY(!chart.isLogAxis());
        QCOMPARE(chart.seriesCount(), 2);
        QCOMPARE(chart.seriesNames(),
            (QStringList{
                QStringLiteral("train.learning_rate=0.001"), QStringLiteral("train.learning_rate=0.01")}));
        QCOMPARE(chart.pointCount(), 5);
        QCOMPARE(chart.errorBarCount(), 5);
        QVERIFY(chart.plot()->legend->visible());
        auto ticker = chart.plot()->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
        QVERIFY(ticker);
        QCOMPARE(ticker->ticks().value(1), QStringLiteral("ternary_twn"));
        QCOMPARE(chart.plot()->graph(0)->data()->at(2)->key, 2.0);
        // Drawing another grid replaces every series and error bar (one helper removes them).
        chart.setResults(results({lr}, {row(0, {1e-3}, {0.5}), row(1, {1e-2}, {0.6})}, 1));
        QCOMPARE(chart.seriesCount(), 1);
        QCOMPARE(chart.plot()->plottableCount(), 2);
        QCOMPARE(chart.plot()->legend->itemCount(), 1);
        QVERIFY(!chart.isCategorical());
    }

    void messagesAndTheGridCombo()
    {
        GridChart chart;
        QVERIFY(!chart.message().isEmpty());
        QCOMPARE(chart.gridCombo()->count(), 0);
        GridRecord a;
        a.id = 2;
        a.name = QStringLiteral("b");
        GridRecord b;
        b.id = 1;
        b.name = QStringLiteral("a");
        QSignalSpy chosen(&chart, &GridChart::gridChosen);
        chart.setGrids({a, b});
        QCOMPARE(chart.gridCombo()->count(), 2);
        QCOMPARE(chart.currentGridId(), 2);
        QCOMPARE(chosen.count(), 1);
        chart.gridCombo()->setCurrentIndex(1);
        QCOMPARE(chosen.last().first().toLongLong(), 1);
        chart.setGrids({a, b});
        QCOMPARE(chart.currentGridId(), 1); // kept
        GridResults none
            = results({axis(QStringLiteral("train.epochs"), {1, 2})}, {row(0, {1}, {}), row(1, {2}, {})});
        chart.setResults(none);
        QVERIFY(chart.message().contains(QStringLiteral("no finished runs")));
        QCOMPARE(chart.pointCount(), 0);
    }
};

QTEST_MAIN(TestGridChart)
#include "tst_gridchart.moc"
