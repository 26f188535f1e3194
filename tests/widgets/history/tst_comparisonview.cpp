// ComparisonView: accuracy against size, the selected runs' bars and the sweeps (widgets/history).

#include "history/comparisonview.h"
#include "history/runbarchart.h"
#include "history/sizeaccuracychart.h"
#include "history/sweepchart.h"
#include "util/summarystats.h"
#include "widgets/history/historytestdata.h"

#include "common/plotexport.h"
#include "common/qcp.h"

#include <QComboBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace qb;
using namespace qb::testdata;

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

} // namespace

class TestComparisonView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void scatterCountsFinishedRuns();
    void barsOfSelectedRuns();
    void groupBarHasErrorBar();
    void sweeps();
    void sweepsOfAllSelectedRuns();
    void barLabelsAreComplete();
    void scatterLabelsTooltipsAndClicks();
    void exportsCharts();
    void badDatabase();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }
    QList<RunRecord> allRuns() const { return *m_store->runs(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ExperimentStore> m_store;
};

void TestComparisonView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<ExperimentStore>();
    QVERIFY(m_store->open(dbPath()));
}

void TestComparisonView::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestComparisonView::scatterCountsFinishedRuns()
{
    // Three finished float runs, two finished quantized runs, and runs that must not show up.
    QList<qint64> ids;
    for (int i = 0; i < 3; ++i)
        ids.append(addRun(*m_store, QStringLiteral("float %1").arg(i), {0.8 + i * 0.01}));
    RunOptions bnn;
    bnn.spec = presetSpec(QStringLiteral("larq-mnist-bnn"));
    bnn.testAccuracies = {0.7};
    ids.append(addRun(*m_store, bnn));
    bnn.testAccuracies = {0.75};
    ids.append(addRun(*m_store, bnn));
    addRun(*m_store, QStringLiteral("failed"), {0.1}, RunStatus::Failed);
    addRun(*m_store, QStringLiteral("running"), {0.3}, RunStatus::Running);
    addRun(*m_store, QStringLiteral("no epochs"), {}, RunStatus::Finished);

    ComparisonView view;
    QVERIFY(view.setDatabasePath(dbPath()));
    view.setRuns(allRuns());
    QCOMPARE(view.scatterPointCount(), 5);
    SizeAccuracyChart *chart = view.sizeAccuracyChart();
    QCOMPARE(chart->floatPointCount(), 3);
    QCOMPARE(chart->quantizedPointCount(), 2);
    QCOMPARE(chart->highlightedCount(), 0);
    QCOMPARE(chart->plot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
    // The binarized network is smaller than its float twin: both groups fit in the x range.
    QCPGraph *floatGraph = chart->plot()->graph(0);
    QCPGraph *bnnGraph = chart->plot()->graph(1);
    QVERIFY(bnnGraph->data()->at(0)->key < floatGraph->data()->at(0)->key);
    QVERIFY(chart->plot()->xAxis->range().contains(bnnGraph->data()->at(0)->key));
    QVERIFY(chart->plot()->xAxis->range().contains(floatGraph->data()->at(0)->key));
    // Best accuracies in percent (the three float runs share one size, so their order is not fixed).
    QList<double> accuracies;
    for (int i = 0; i < floatGraph->dataCount(); ++i)
        accuracies.append(std::round(floatGraph->data()->at(i)->value * 1000) / 1000);
    std::sort(accuracies.begin(), accuracies.end());
    QCOMPARE(accuracies, (QList<double>{80.0, 81.0, 82.0}));

    view.setSelectedRuns({ids.at(0), ids.at(3)});
    QCOMPARE(chart->highlightedCount(), 2);
    view.setSelectedRuns({});
    QCOMPARE(chart->highlightedCount(), 0);
}

void TestComparisonView::barsOfSelectedRuns()
{
    const qint64 a = addRun(*m_store, QStringLiteral("a"), {0.5, 0.81});
    const qint64 b = addRun(*m_store, QStringLiteral("b"), {0.62});
    const qint64 c = addRun(*m_store, QStringLiteral("c"), {0.9});
    ComparisonView view;
    QVERIFY(view.setDatabasePath(dbPath()));
    view.setRuns(allRuns());
    QCOMPARE(view.barCount(), 0);
    view.setSelectedRuns({c, a});
    QCOMPARE(view.barCount(), 2);
    RunBarChart *bars = view.runBarChart();
    QCOMPARE(bars->labels(), (QStringList{QStringLiteral("#%1 c").arg(c), QStringLiteral("#%1 a").arg(a)}));
    QCOMPARE(bars->values(), (QVector<double>{90.0, 81.0}));
    QCOMPARE(bars->errorBarCount(), 0);
    view.setSelectedRuns({a, b, c});
    QCOMPARE(view.barCount(), 3);
    // Deleted runs leave the bars when the runs are set again.
    QVERIFY(m_store->deleteRun(b));
    view.setRuns(allRuns());
    QCOMPARE(view.barCount(), 2);
}

void TestComparisonView::groupBarHasErrorBar()
{
    RunOptions options;
    options.testAccuracies = {0.8};
    options.groupId = -2;
    const qint64 group = addRun(*m_store, options);
    options.groupId = group;
    options.testAccuracies = {0.9};
    const qint64 second = addRun(*m_store, options);
    const qint64 lone = addRun(*m_store, QStringLiteral("lone"), {0.5});
    ComparisonView view;
    view.setRuns(allRuns());
    view.setSelectedRuns({group, second, lone});
    RunBarChart *bars = view.runBarChart();
    QCOMPARE(bars->barCount(), 2);
    QCOMPARE(bars->errorBarCount(), 1);
    QCOMPARE(bars->labels().first(), QStringLiteral("group %1 (n=2)").arg(group));
    QVERIFY(qAbs(bars->values().first() - 85.0) < 1e-9);
    QCPErrorBars *errorBars = nullptr;
    for (int i = 0; i < bars->plot()->plottableCount(); ++i) {
        if (auto *e = qobject_cast<QCPErrorBars *>(bars->plot()->plottable(i)))
            errorBars = e;
    }
    QVERIFY(errorBars);
    QCOMPARE(errorBars->dataCount(), 1);
    QVERIFY(qAbs(errorBars->data()->at(0).errorPlus - 5.0) < 1e-9); // population std of 80 and 90
}

void TestComparisonView::sweeps()
{
    const qint64 run = addRun(*m_store, QStringLiteral("swept"), {0.9});
    const qint64 plain = addRun(*m_store, QStringLiteral("plain"), {0.9});
    SweepRecord ptq;
    ptq.runId = run;
    ptq.kind = QStringLiteral("ptq");
    ptq.parameter = QStringLiteral("frac_bits");
    for (int bits = 2; bits <= 8; ++bits)
        ptq.points.append(point(bits, {0.5 + bits * 0.05}));
    QVERIFY(m_store->addSweep(ptq).ok());
    SweepRecord noise;
    noise.runId = run;
    noise.kind = QStringLiteral("noise");
    noise.parameter = QStringLiteral("weight_noise.std");
    noise.points = {point(0.0, {0.9, 0.9, 0.9}), point(0.05, {0.85, 0.87, 0.83}),
        point(0.1, {0.7, 0.8, 0.75}), point(0.2, {0.5, 0.6, 0.4})};
    QVERIFY(m_store->addSweep(noise).ok());

    ComparisonView view;
    QVERIFY(view.setDatabasePath(dbPath()));
    view.setRuns(allRuns());
    SweepChart *chart = view.sweepChart();
    QCOMPARE(view.sweepPointCount(), 0);
    QVERIFY(!chart->message().isEmpty());

    view.setSelectedRuns({run});
    QCOMPARE(chart->kinds(),
        (QStringList{QStringLiteral("ptq: frac_bits"), QStringLiteral("noise: weight_noise.std")}));
    QVERIFY(chart->message().isEmpty());
    // The newest kind first: the noise sweep, with one error bar per point of ± the std over chips.
    QCOMPARE(chart->currentKind(), 1);
    QCOMPARE(view.sweepPointCount(), 4);
    QCOMPARE(chart->errorBarCount(), 4);
    QCPErrorBars *errorBars = nullptr;
    for (int i = 0; i < chart->plot()->plottableCount(); ++i) {
        if (auto *e = qobject_cast<QCPErrorBars *>(chart->plot()->plottable(i)))
            errorBars = e;
    }
    QVERIFY(errorBars && errorBars->visible());
    QVERIFY(qAbs(errorBars->data()->at(3).errorPlus - SummaryStats::of({50, 60, 40}).std) < 1e-9);
    QCOMPARE(errorBars->data()->at(0).errorPlus, 0.0);
    QCOMPARE(chart->seriesGraphs().first()->data()->at(2)->value, 75.0);

    // Pick the PTQ sweep in the combo: accuracy against fraction bits, no error bars.
    chart->kindCombo()->setCurrentIndex(0);
    QCOMPARE(view.sweepPointCount(), 7);
    QCOMPARE(chart->errorBarCount(), 0);
    QCOMPARE(chart->plot()->xAxis->label(), QStringLiteral("Fraction bits"));
    QCOMPARE(chart->seriesGraphs().first()->data()->at(0)->key, 2.0);
    QVERIFY(qAbs(chart->seriesGraphs().first()->data()->at(6)->value - 90.0) < 1e-9);

    view.setSelectedRuns({plain});
    QCOMPARE(view.sweepPointCount(), 0);
    QCOMPARE(chart->message(), QStringLiteral("(this run has no sweeps)"));

    // A Monte-Carlo evaluation added later shows after a reload.
    SweepRecord mc;
    mc.runId = plain;
    mc.kind = QStringLiteral("montecarlo");
    mc.parameter = QStringLiteral("chips");
    mc.points = {point(10, {0.8, 0.82, 0.84})};
    QVERIFY(m_store->addSweep(mc).ok());
    view.reloadSweeps();
    QCOMPARE(view.sweepPointCount(), 1);
    QCOMPARE(chart->errorBarCount(), 1);
    QCOMPARE(chart->chipPointCount(), 3);
}

void TestComparisonView::sweepsOfAllSelectedRuns()
{
    // A run and its noise-trained twin, each with a noise sweep: both lines on one plot.
    const qint64 clean = addRun(*m_store, QStringLiteral("clean"), {0.9});
    const qint64 noisy = addRun(*m_store, QStringLiteral("noisy"), {0.88});
    for (qint64 id : {clean, noisy}) {
        SweepRecord noise;
        noise.runId = id;
        noise.kind = QStringLiteral("noise");
        noise.parameter = QStringLiteral("weight_noise.sigma");
        noise.settingsJson = QStringLiteral(R"({"chips":5,"seed":1,"test_samples":300})");
        const double drop = id == clean ? 0.4 : 0.1;
        noise.points = {point(0.0, {0.9, 0.9}), point(0.1, {0.9 - drop / 2, 0.9 - drop / 2 - 0.02}),
            point(0.2, {0.9 - drop, 0.88 - drop})};
        QVERIFY(m_store->addSweep(noise).ok());
    }
    ComparisonView view;
    view.resize(900, 600);
    QVERIFY(view.setDatabasePath(dbPath()));
    view.setRuns(allRuns());
    view.setSelectedRuns({clean, noisy});
    SweepChart *chart = view.sweepChart();
    QCOMPARE(chart->seriesNames(),
        (QStringList{QStringLiteral("#%1 clean").arg(clean), QStringLiteral("#%1 noisy").arg(noisy)}));
    QCOMPARE(chart->errorBarCount(), 6);
    QVERIFY(chart->subtitle().contains(QStringLiteral("5 chip(s)")));
    chart->plot()->replot(QCustomPlot::rpImmediateRefresh);

    // Back to one run: one line, and the legend names only live plottables.
    view.setSelectedRuns({noisy});
    chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(chart->seriesNames(), QStringList{QStringLiteral("#%1 noisy").arg(noisy)});
    QCOMPARE(chart->plot()->legend->itemCount(), 1);
    auto *item = qobject_cast<QCPPlottableLegendItem *>(chart->plot()->legend->item(0));
    QVERIFY(item && chart->plot()->hasPlottable(item->plottable()));
}

void TestComparisonView::barLabelsAreComplete()
{
    const QString longName = QStringLiteral("my-bnn-noisy (float baseline, seed 3, sigma 0.1)");
    const qint64 a = addRun(*m_store, longName, {0.91});
    const qint64 b = addRun(*m_store, QStringLiteral("short"), {0.85});
    ComparisonView view;
    view.resize(700, 450);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.tabs()->setCurrentWidget(view.runBarChart());
    view.setRuns(allRuns());
    view.setSelectedRuns({a, b});
    RunBarChart *bars = view.runBarChart();
    const QString full = QStringLiteral("#%1 %2").arg(a).arg(longName);
    QCOMPARE(bars->labels().first(), full);
    // The text under the bar is the whole label, wrapped between words: nothing elided.
    QStringList drawn = bars->tickLabels();
    QCOMPARE(drawn.size(), 2);
    const auto letters = [](QString text) { return text.remove(QLatin1Char('\n')).remove(QLatin1Char(' ')); };
    QCOMPARE(letters(drawn.first()), letters(full));
    QVERIFY(drawn.first().contains(QLatin1Char('\n')));
    QVERIFY(!drawn.first().contains(QChar(0x2026)));

    // A crowd of long names without spaces still shows every character, wrapped inside the names.
    QList<qint64> crowd;
    for (int i = 0; i < 6; ++i)
        crowd << addRun(*m_store, QStringLiteral("binarized_network_with_a_long_name_%1").arg(i), {0.5});
    view.setRuns(allRuns());
    view.setSelectedRuns(crowd);
    drawn = bars->tickLabels();
    QCOMPARE(drawn.size(), 6);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(letters(drawn.at(i)), letters(bars->labels().at(i)));
    view.setSelectedRuns({a, b});
    // Hovering the bar shows the full label and its value.
    bars->plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QPointF center(bars->plot()->xAxis->coordToPixel(1.0), bars->plot()->yAxis->coordToPixel(40.0));
    const QString tip = bars->toolTipAt(center);
    QVERIFY2(tip.startsWith(full), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("91.00 %")), qPrintable(tip));
    QVERIFY(bars->title().contains(QStringLiteral("2 selected run(s)")));

    // A click on the bar selects its run.
    QSignalSpy activated(&view, &ComparisonView::runActivated);
    QTest::mouseClick(bars->plot(), Qt::LeftButton, {}, center.toPoint());
    QTRY_COMPARE_WITH_TIMEOUT(activated.count(), 1, 2000);
    QCOMPARE(activated.first().first().toLongLong(), a);
}

void TestComparisonView::scatterLabelsTooltipsAndClicks()
{
    QList<qint64> ids;
    for (int i = 0; i < 6; ++i)
        ids << addRun(
            *m_store, QStringLiteral("float %1").arg(i), {0.8 + i * 0.002}); // one size, close accuracies
    RunOptions bnn;
    bnn.name = QStringLiteral("bnn");
    bnn.spec = presetSpec(QStringLiteral("larq-mnist-bnn"));
    bnn.testAccuracies = {0.7};
    const qint64 small = addRun(*m_store, bnn);
    ComparisonView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setRuns(allRuns());
    view.setSelectedRuns({small});
    SizeAccuracyChart *chart = view.sizeAccuracyChart();
    chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(chart->title().contains(QStringLiteral("7 finished run(s)")));

    // Labels name runs, the selected one always; no two labels overlap.
    const QStringList texts = chart->labelTexts();
    QVERIFY2(texts.contains(QStringLiteral("#%1 bnn").arg(small)), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(texts.size() >= 2);
    const QList<QRectF> rects = chart->labelRects();
    for (int i = 0; i < rects.size(); ++i) {
        QVERIFY(QRectF(chart->plot()->axisRect()->rect()).adjusted(-1, -1, 1, 1).contains(rects.at(i)));
        for (int j = i + 1; j < rects.size(); ++j)
            QVERIFY2(!rects.at(i).intersects(rects.at(j)),
                qPrintable(texts.at(i) + QStringLiteral(" / ") + texts.at(j)));
    }

    // Hover: the run's figures.
    const QPointF at = chart->pixelOf(small);
    const QString tip = chart->toolTipAt(at);
    QVERIFY2(tip.startsWith(QStringLiteral("#%1 bnn").arg(small)), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("70.00 %")), qPrintable(tip));

    // Click-through to the run.
    QSignalSpy activated(&view, &ComparisonView::runActivated);
    QTest::mouseClick(chart->plot(), Qt::LeftButton, {}, at.toPoint());
    QTRY_COMPARE_WITH_TIMEOUT(activated.count(), 1, 2000);
    QCOMPARE(activated.first().first().toLongLong(), small);
    const QPointF other = chart->pixelOf(ids.at(5));
    QTest::mouseClick(chart->plot(), Qt::LeftButton, {}, other.toPoint());
    QTRY_COMPARE_WITH_TIMEOUT(activated.count(), 2, 2000);
    // The float runs share one size and lie close together: the nearest point is the one clicked.
    QCOMPARE(activated.at(1).first().toLongLong(), ids.at(5));
}

void TestComparisonView::exportsCharts()
{
    addRun(*m_store, QStringLiteral("a"), {0.8});
    ComparisonView view;
    view.resize(600, 400);
    view.setRuns(allRuns());
    const QString path = m_dir->filePath(QStringLiteral("scatter.png"));
    QVERIFY(exportPlot(view.sizeAccuracyChart()->plot(), path).ok());
    QVERIFY(QFileInfo(path).size() > 0);
}

void TestComparisonView::badDatabase()
{
    const QString broken = m_dir->filePath(QStringLiteral("broken.sqlite"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    ComparisonView view;
    QVERIFY(!view.setDatabasePath(broken).ok());
    view.setSelectedRuns({1});
    QVERIFY2(view.sweepChart()->message().contains(QStringLiteral("broken.sqlite")),
        qPrintable(view.sweepChart()->message()));
}

QTEST_MAIN(TestComparisonView)
#include "tst_comparisonview.moc"
