#include "history/sweepchart.h"

#include "common/plotexport.h"
#include "common/plottitle.h"
#include "common/pointtooltip.h"
#include "common/qcp.h"
#include "util/summarystats.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace qb {

namespace {

const QString kMonteCarlo = QStringLiteral("montecarlo");

/// Matplotlib's "tab10": distinct colours for up to ten series.
QColor seriesColor(int index)
{
    static const QColor colors[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44),
        QColor(214, 39, 40), QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194),
        QColor(127, 127, 127), QColor(188, 189, 34), QColor(23, 190, 207)};
    return colors[index % 10];
}

QString kindKey(const SweepRecord &sweep)
{
    return sweep.kind == kMonteCarlo ? sweep.kind : sweep.kind + QLatin1Char(':') + sweep.parameter;
}

QString parameterLabel(const SweepRecord &sweep)
{
    if (sweep.parameter == QLatin1String("frac_bits"))
        return SweepChart::tr("Fraction bits");
    if (sweep.parameter == QLatin1String("word_bits"))
        return SweepChart::tr("Word bits");
    if (sweep.parameter.isEmpty())
        return SweepChart::tr("Value");
    return sweep.parameter;
}

QString percent(double fraction)
{
    return QLocale().toString(fraction * 100.0, 'f', 2) + QStringLiteral(" %");
}

QString number(double value) { return QLocale().toString(value, 'g', 6); }

/// "5 chips", or "5–10 chips" when the runs differ.
QString rangeText(const QList<int> &values, const std::function<QString(int)> &one,
    const std::function<QString(int, int)> &range)
{
    if (values.isEmpty())
        return QString();
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    return *lo == *hi ? one(*lo) : range(*lo, *hi);
}

/// A small deterministic spread for the points of one column, so that equal accuracies stay apart.
double jitter(int index)
{
    const double golden = 0.6180339887498949;
    return (std::fmod(index * golden, 1.0) - 0.5) * 0.3;
}

QString sweepPointText(const QString &label, const SweepRecord &sweep, const SweepPoint &p, bool spread,
    int chips, int testSamples)
{
    QStringList lines{label, QStringLiteral("%1 = %2").arg(sweep.parameter, number(p.value))};
    if (spread) {
        lines << SweepChart::tr("accuracy %1 ± %2").arg(percent(p.accuracyMean), percent(p.accuracyStd));
        lines << SweepChart::tr("min %1, max %2").arg(percent(p.accuracyMin), percent(p.accuracyMax));
    } else {
        lines << SweepChart::tr("accuracy %1").arg(percent(p.accuracyMean));
    }
    if (chips > 0)
        lines << SweepChart::tr("%n chip(s)", "", chips);
    if (testSamples > 0)
        lines << SweepChart::tr("%n test image(s)", "", testSamples);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

/// A run, or the mean of a group's runs, ready to draw.
struct SweepChart::Entry
{
    QString label;
    QColor color;
    int runs = 1; ///< runs averaged (a group mean has several)
    SweepRecord sweep; ///< the run's newest sweep of the kind, or the group's means
    double floatAccuracy = -1.0;
    int chips = 0; ///< simulated chips per point (0: not a chip evaluation)
    int testSamples = 0; ///< test images per evaluation
};

SweepChart::SweepChart(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);

    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_stack->addWidget(m_message);

    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Sweep:"), page));
    m_combo = new QComboBox(page);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    top->addWidget(m_combo);
    m_groupMeans = new QCheckBox(tr("Group means"), page);
    m_groupMeans->setChecked(true);
    m_groupMeans->setToolTip(tr("Draw the selected runs of one group (repeats with other seeds) as their "
                                "mean, with error bars of ± the std over the group's runs"));
    top->addWidget(m_groupMeans);
    m_showChips = new QCheckBox(tr("Chips"), page);
    m_showChips->setToolTip(tr("Show the accuracy of every simulated chip beside the mean"));
    top->addWidget(m_showChips);
    top->addStretch(1);
    m_plot = new QCustomPlot(page);
    top->addWidget(createExportButton(m_plot, this, QStringLiteral("sweep")));
    pageLayout->addLayout(top);
    m_plot->setMinimumSize(320, 220);
    pageLayout->addWidget(m_plot, 1);
    m_stack->addWidget(page);

    m_plot->yAxis->setLabel(tr("Test accuracy (%)"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // Title, subtitle, the axes, and the legend in a row of its own below them, outside the data.
    m_plot->plotLayout()->insertRow(0);
    m_subtitle = new QCPTextElement(m_plot, QString(), font());
    m_subtitle->setTextColor(QColor(90, 90, 90));
    m_plot->plotLayout()->addElement(0, 0, m_subtitle);
    m_title = addTitleRow(m_plot, font());
    moveLegendBelow(m_plot);
    m_plot->legend->setMargins(QMargins(4, 0, 4, 2));

    m_tip = new PointToolTip(m_plot, [this](QCPAbstractPlottable *plottable, int index) {
        const auto it = m_describe.constFind(plottable);
        return it == m_describe.cend() || !*it ? QString() : (*it)(index);
    });

    connect(m_combo, &QComboBox::currentIndexChanged, this, &SweepChart::rebuild);
    connect(m_groupMeans, &QCheckBox::toggled, this, &SweepChart::rebuild);
    connect(m_showChips, &QCheckBox::toggled, this, &SweepChart::rebuild);
    showMessage(tr("(select a run to see its sweeps)"));
}

QString SweepChart::kindTitle(const SweepRecord &sweep)
{
    if (sweep.kind == kMonteCarlo)
        return tr("Monte-Carlo");
    return sweep.parameter.isEmpty() ? sweep.kind : tr("%1: %2").arg(sweep.kind, sweep.parameter);
}

void SweepChart::setRuns(const QList<RunSweeps> &runs)
{
    const QString previous = m_kindKeys.value(m_combo->currentIndex());
    m_runs = runs;
    // The kinds present, in the order their newest sweeps were made, newest last.
    std::map<QString, std::pair<QDateTime, qint64>> newest;
    QHash<QString, QString> titles;
    QHash<QString, int> runCounts;
    for (const RunSweeps &run : runs) {
        QSet<QString> seen;
        for (const SweepRecord &sweep : run.sweeps) {
            const QString key = kindKey(sweep);
            const auto stamp = std::make_pair(sweep.created, sweep.id);
            auto it = newest.find(key);
            if (it == newest.end() || it->second < stamp)
                newest[key] = stamp;
            titles.insert(key, kindTitle(sweep));
            if (!seen.contains(key))
                ++runCounts[key];
            seen.insert(key);
        }
    }
    if (newest.empty()) {
        showMessage(runs.size() == 1 ? tr("(this run has no sweeps)")
                                     : tr("(none of the %n selected runs has sweeps)", "", int(runs.size())));
        return;
    }
    std::vector<std::pair<std::pair<QDateTime, qint64>, QString>> order;
    for (const auto &[key, stamp] : newest)
        order.push_back({stamp, key});
    std::sort(order.begin(), order.end());
    m_kindKeys.clear();
    {
        const QSignalBlocker blocker(m_combo);
        m_combo->clear();
        for (const auto &[stamp, key] : order) {
            m_kindKeys.append(key);
            const int n = runCounts.value(key);
            m_combo->addItem(
                runs.size() > 1 ? tr("%1 (%n run(s))", "", n).arg(titles.value(key)) : titles.value(key));
        }
        const int keep = int(m_kindKeys.indexOf(previous));
        m_combo->setCurrentIndex(keep >= 0 ? keep : int(m_kindKeys.size()) - 1);
    }
    m_combo->setEnabled(m_kindKeys.size() > 1);
    m_stack->setCurrentIndex(1);
    rebuild();
}

void SweepChart::showMessage(const QString &text)
{
    m_runs.clear();
    m_kindKeys.clear();
    {
        const QSignalBlocker blocker(m_combo);
        m_combo->clear();
    }
    clearSeries();
    m_message->setText(text);
    m_stack->setCurrentIndex(0);
}

QStringList SweepChart::kinds() const
{
    QStringList out;
    for (int i = 0; i < m_combo->count(); ++i)
        out << m_combo->itemText(i);
    return out;
}

int SweepChart::currentKind() const { return m_kindKeys.isEmpty() ? -1 : m_combo->currentIndex(); }

void SweepChart::setCurrentKind(int index) { m_combo->setCurrentIndex(index); }

void SweepChart::setGroupMeans(bool on) { m_groupMeans->setChecked(on); }

void SweepChart::setShowChips(bool on) { m_showChips->setChecked(on); }

QStringList SweepChart::seriesNames() const
{
    QStringList names;
    for (QCPGraph *graph : m_main)
        names << graph->name();
    return names;
}

int SweepChart::pointCount() const
{
    int n = 0;
    for (QCPGraph *graph : m_main)
        n += graph->dataCount();
    return n;
}

int SweepChart::errorBarCount() const
{
    int n = 0;
    for (QCPErrorBars *errors : m_errors)
        n += errors->visible() ? errors->dataCount() : 0;
    return n;
}

int SweepChart::chipPointCount() const
{
    int n = 0;
    for (QCPGraph *graph : m_chips)
        n += graph->dataCount();
    return n;
}

QVector<double> SweepChart::floatLineValues() const { return m_floatLines; }

QString SweepChart::subtitle() const { return m_subtitle->text(); }

QString SweepChart::title() const { return wholeTitle(m_title); }

QString SweepChart::message() const { return m_stack->currentIndex() == 0 ? m_message->text() : QString(); }

QString SweepChart::toolTipAt(const QPointF &pixel) const { return m_tip->textAt(pixel); }

void SweepChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateLegendWrap();
}

void SweepChart::updateLegendWrap()
{
    // As many legend columns as fit the width; the legend grows downwards, never over the data.
    // (A new wrap applies to items added later only: rearrange the present ones.)
    rewrapTitle(m_title);
    const int columns = std::max(1, width() / 260);
    if (m_plot->legend->wrap() != columns) {
        m_plot->legend->setWrap(columns);
        m_plot->legend->setFillOrder(m_plot->legend->fillOrder(), true);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

// --- the series helper: the one place that adds and removes plottables and items -----------------

void SweepChart::track(QCPAbstractPlottable *plottable, Describe describe)
{
    m_plottables.append(plottable);
    if (describe)
        m_describe.insert(plottable, std::move(describe));
}

void SweepChart::track(QCPAbstractItem *item) { m_items.append(item); }

QCPGraph *SweepChart::addSeriesGraph(const QString &name, bool inLegend, Describe describe)
{
    QCPGraph *graph = m_plot->addGraph();
    graph->setName(name);
    if (!inLegend)
        graph->removeFromLegend();
    track(graph, std::move(describe));
    return graph;
}

QCPErrorBars *SweepChart::addErrorBars(QCPGraph *on, const QVector<double> &errors, const QColor &color)
{
    auto *bars = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
    bars->removeFromLegend();
    bars->setDataPlottable(on);
    bars->setData(errors);
    bars->setPen(QPen(color, 1.2));
    bars->setWhiskerWidth(8);
    track(bars);
    m_errors.append(bars);
    return bars;
}

void SweepChart::clearSeries()
{
    // Legend items first (they point at the plottables), error bars before the graphs they hang on.
    for (QCPAbstractPlottable *plottable : qAsConst(m_plottables))
        plottable->removeFromLegend(m_plot->legend);
    std::stable_partition(m_plottables.begin(), m_plottables.end(),
        [](QCPAbstractPlottable *p) { return qobject_cast<QCPErrorBars *>(p) != nullptr; });
    for (QCPAbstractPlottable *plottable : qAsConst(m_plottables))
        m_plot->removePlottable(plottable);
    for (QCPAbstractItem *item : qAsConst(m_items))
        m_plot->removeItem(item);
    m_plottables.clear();
    m_items.clear();
    m_describe.clear();
    m_main.clear();
    m_errors.clear();
    m_chips.clear();
    m_floatLines.clear();
    setWrappedTitle(m_title, QString());
    m_subtitle->setText(QString());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// --- drawing -------------------------------------------------------------------------------------

QList<SweepChart::Entry> SweepChart::entriesOf(const QString &key, bool groupMeans) const
{
    // The newest sweep of the kind of every run that has one.
    struct RunEntry
    {
        const RunSweeps *run;
        Entry entry;
    };
    QList<RunEntry> found;
    for (int runIndex = 0; runIndex < m_runs.size(); ++runIndex) {
        const RunSweeps &run = m_runs.at(runIndex);
        const SweepRecord *newest = nullptr;
        for (const SweepRecord &sweep : run.sweeps) {
            if (kindKey(sweep) == key)
                newest = &sweep; // oldest first: the last one wins
        }
        if (!newest)
            continue;
        Entry e;
        e.label = run.label;
        e.color = seriesColor(runIndex); // a run keeps its colour from one kind of sweep to the next
        e.sweep = *newest;
        // By value, so that a graph's data index is the point's index (sweeps may list values in any order).
        std::stable_sort(e.sweep.points.begin(), e.sweep.points.end(),
            [](const SweepPoint &a, const SweepPoint &b) { return a.value < b.value; });
        const QJsonObject settings = QJsonDocument::fromJson(newest->settingsJson.toUtf8()).object();
        e.floatAccuracy = settings.value(QStringLiteral("float_accuracy")).toDouble(-1.0);
        e.chips = settings.value(QStringLiteral("chips")).toInt(0);
        e.testSamples = settings.value(QStringLiteral("test_samples")).toInt(0);
        if (e.chips == 0 && !newest->points.isEmpty() && newest->points.first().accuracies.size() > 1)
            e.chips = int(newest->points.first().accuracies.size());
        found.append({&run, e});
    }

    QList<Entry> entries;
    QSet<qint64> groupsDone;
    for (const RunEntry &f : qAsConst(found)) {
        const qint64 group = f.run->groupId;
        QList<const Entry *> members;
        if (groupMeans && group >= 0 && key != kMonteCarlo) {
            for (const RunEntry &g : qAsConst(found)) {
                if (g.run->groupId == group)
                    members.append(&g.entry);
            }
        }
        if (members.size() < 2) {
            entries.append(f.entry);
            continue;
        }
        if (groupsDone.contains(group))
            continue;
        groupsDone.insert(group);
        // The group's mean at every swept value, and the std over its runs' means there.
        Entry mean = *members.first();
        mean.runs = int(members.size());
        mean.label = tr("group %1: mean of %n run(s)", "", mean.runs).arg(group);
        std::map<double, QVector<double>> byValue;
        QVector<double> floats;
        for (const Entry *m : qAsConst(members)) {
            for (const SweepPoint &p : m->sweep.points)
                byValue[p.value].append(p.accuracyMean);
            if (m->floatAccuracy >= 0)
                floats.append(m->floatAccuracy);
        }
        mean.sweep.points.clear();
        for (const auto &[value, accuracies] : byValue) {
            const SummaryStats stats = SummaryStats::of(accuracies);
            SweepPoint p;
            p.value = value;
            p.accuracyMean = stats.mean;
            p.accuracyStd = stats.std;
            p.accuracyMin = stats.min;
            p.accuracyMax = stats.max;
            p.accuracies = accuracies;
            mean.sweep.points.append(p);
        }
        mean.floatAccuracy = floats.isEmpty() ? -1.0 : SummaryStats::of(floats).mean;
        entries.append(mean);
    }
    return entries;
}

void SweepChart::rebuild()
{
    clearSeries();
    const QString key = m_kindKeys.value(m_combo->currentIndex());
    if (key.isEmpty())
        return;
    // Group means are offered where two selected runs of one group have this kind of sweep.
    bool groups = false;
    if (key != kMonteCarlo) {
        QHash<qint64, int> members;
        for (const RunSweeps &run : qAsConst(m_runs)) {
            const bool has = std::any_of(run.sweeps.cbegin(), run.sweeps.cend(),
                [&](const SweepRecord &s) { return kindKey(s) == key; });
            if (has && run.groupId >= 0 && ++members[run.groupId] >= 2)
                groups = true;
        }
    }
    m_groupMeans->setEnabled(groups);
    // Chips beside the means where a sweep evaluated several (noise sweeps); Monte-Carlo always shows them.
    m_showChips->setEnabled(
        key != kMonteCarlo && std::any_of(m_runs.cbegin(), m_runs.cend(), [&](const RunSweeps &run) {
            return std::any_of(run.sweeps.cbegin(), run.sweeps.cend(), [&](const SweepRecord &s) {
                return kindKey(s) == key && !s.points.isEmpty() && s.points.first().accuracies.size() > 1;
            });
        }));
    const QList<Entry> entries = entriesOf(key, groups && m_groupMeans->isChecked());
    if (entries.isEmpty())
        return;

    // Chips and test images of what is drawn, under the title.
    QList<int> chips, images;
    for (const Entry &e : entries) {
        if (e.chips > 0)
            chips << e.chips;
        if (e.testSamples > 0)
            images << e.testSamples;
    }
    QStringList facts;
    const QString chipText = rangeText(
        chips, [](int n) { return tr("%n chip(s)", "", n); },
        [](int lo, int hi) { return tr("%1–%2 chips").arg(lo).arg(hi); });
    const QString imageText = rangeText(
        images, [](int n) { return tr("%n test image(s)", "", n); },
        [](int lo, int hi) { return tr("%1–%2 test images").arg(lo).arg(hi); });
    if (!chipText.isEmpty() && !imageText.isEmpty())
        facts << tr("%1 × %2 per point").arg(chipText, imageText);
    else if (!imageText.isEmpty())
        facts << tr("%1 per point").arg(imageText);
    else if (!chipText.isEmpty())
        facts << chipText;
    if (std::any_of(entries.cbegin(), entries.cend(), [](const Entry &e) { return e.runs > 1; }))
        facts << tr("group means: error bars ± std over the group's runs");
    m_subtitle->setText(facts.join(QStringLiteral(" · ")));

    const SweepRecord &example = entries.first().sweep;
    QString what;
    if (example.kind == QLatin1String("ptq"))
        what = tr("Post-training quantization: accuracy against %1").arg(parameterLabel(example).toLower());
    else if (example.kind == QLatin1String("noise"))
        what = tr("Robustness to %1: mean accuracy ± std over chips").arg(example.parameter);
    else if (example.kind == kMonteCarlo)
        what = tr("Monte-Carlo evaluation: the accuracy of every chip");
    else
        what = tr("%1: accuracy against %2").arg(example.kind, parameterLabel(example));
    // The legend names the runs when there are several; one run is named in the title.
    setWrappedTitle(m_title, entries.size() == 1 ? tr("%1 — %2").arg(what, entries.first().label) : what);

    if (key == kMonteCarlo)
        drawMonteCarlo(entries);
    else
        drawValueSweeps(entries, example);
    updateLegendWrap();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SweepChart::drawValueSweeps(const QList<Entry> &entries, const SweepRecord &example)
{
    const bool ptq = example.kind == QLatin1String("ptq");
    double xlo = 0, xhi = 0, ylo = 100, yhi = 0;
    bool first = true;
    bool integral = true;
    for (const Entry &e : entries) {
        for (const SweepPoint &p : e.sweep.points) {
            xlo = first ? p.value : std::min(xlo, p.value);
            xhi = first ? p.value : std::max(xhi, p.value);
            first = false;
        }
    }
    // Every chip's accuracy as a faint point beside its swept value (below the lines), on request.
    const bool chips = m_showChips->isEnabled() && m_showChips->isChecked();
    for (const Entry &e : entries) {
        if (!chips || e.runs > 1)
            continue;
        struct Chip
        {
            double x, y;
            int point, chip;
        };
        std::vector<Chip> dots;
        const double spread = (xhi > xlo ? xhi - xlo : 1.0) * 0.15;
        for (int i = 0; i < e.sweep.points.size(); ++i) {
            const SweepPoint &p = e.sweep.points.at(i);
            for (int c = 0; c < p.accuracies.size(); ++c)
                dots.push_back({p.value + jitter(c) * spread, p.accuracies.at(c) * 100.0, i, c});
        }
        std::stable_sort(dots.begin(), dots.end(), [](const Chip &a, const Chip &b) { return a.x < b.x; });
        QVector<double> cx, cy;
        for (const Chip &d : dots) {
            cx << d.x;
            cy << d.y;
            ylo = std::min(ylo, d.y);
            yhi = std::max(yhi, d.y);
        }
        QCPGraph *graph = addSeriesGraph(tr("%1: chips").arg(e.label), false, [e, dots](int i) {
            const Chip &d = dots.at(std::size_t(i));
            const SweepPoint &p = e.sweep.points.at(d.point);
            return tr("%1\n%2 = %3\nchip %4 of %5: %6")
                .arg(e.label, e.sweep.parameter, number(p.value))
                .arg(d.chip + 1)
                .arg(p.accuracies.size())
                .arg(percent(p.accuracies.at(d.chip)));
        });
        graph->setData(cx, cy, true);
        graph->setLineStyle(QCPGraph::lsNone);
        QColor dot = e.color;
        dot.setAlpha(110);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, dot, dot, 4));
        m_chips.append(graph);
    }

    for (const Entry &e : entries) {
        const bool spread = !ptq || e.runs > 1;
        QVector<double> x, y, errors;
        for (const SweepPoint &p : e.sweep.points) {
            x << p.value;
            y << p.accuracyMean * 100.0;
            errors << (spread ? p.accuracyStd * 100.0 : 0.0);
            integral = integral && p.value == std::round(p.value);
            ylo = std::min(ylo, y.last() - errors.last());
            yhi = std::max(yhi, y.last() + errors.last());
        }
        const Entry entry = e;
        QCPGraph *graph = addSeriesGraph(e.label, true, [entry, spread](int i) {
            const SweepPoint &p = entry.sweep.points.at(i);
            QString text = entry.runs > 1
                ? sweepPointText(entry.label, entry.sweep, p, true, 0, entry.testSamples) + QLatin1Char('\n')
                    + tr("± is the std over the %n run(s)", "", entry.runs)
                : sweepPointText(entry.label, entry.sweep, p, spread, entry.chips, entry.testSamples);
            if (entry.floatAccuracy >= 0)
                text += QLatin1Char('\n')
                    + tr("float %1 (%2 points)")
                          .arg(percent(entry.floatAccuracy),
                              QLocale().toString((p.accuracyMean - entry.floatAccuracy) * 100.0, 'f', 2));
            return text;
        });
        // The data are sorted by value already (sweeps store them in order; group means by map).
        graph->setData(x, y);
        const double width = e.runs > 1 ? 3.0 : 2.0;
        graph->setPen(QPen(e.color, width));
        graph->setScatterStyle(QCPScatterStyle(
            e.runs > 1 ? QCPScatterStyle::ssSquare : QCPScatterStyle::ssCircle, e.color, Qt::white, 7));
        m_main.append(graph);
        QCPErrorBars *bars = addErrorBars(graph, errors, e.color);
        bars->setVisible(spread);

        if (ptq && e.floatAccuracy >= 0) {
            const double level = e.floatAccuracy * 100.0;
            auto *line = new QCPItemStraightLine(m_plot);
            line->point1->setCoords(0, level);
            line->point2->setCoords(1, level);
            line->setPen(QPen(e.color, 1.5, Qt::DashLine));
            line->setSelectable(false);
            track(line);
            // An empty graph with the line's pen names it in the legend.
            QCPGraph *legendEntry
                = addSeriesGraph(tr("%1: float %2").arg(e.label, percent(e.floatAccuracy)), true, {});
            legendEntry->setPen(line->pen());
            m_floatLines.append(level);
            ylo = std::min(ylo, level);
            yhi = std::max(yhi, level);
        }
    }

    m_plot->xAxis->setLabel(parameterLabel(example));
    if (integral && xhi - xlo <= 16) {
        QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
        ticker->setTickStep(1.0);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        m_plot->xAxis->setTicker(ticker);
    } else {
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    m_plot->xAxis->setTickLabelRotation(0);
    // The axes span the data, with a small margin so that the end markers are whole.
    const double span = xhi - xlo;
    const double xpad = span > 0 ? span * 0.04 : std::max(0.5, std::abs(xlo) * 0.1);
    m_plot->xAxis->setRange(xlo - xpad, xhi + xpad);
    const double ypad = std::max(1.0, (yhi - ylo) * 0.08);
    m_plot->yAxis->setRange(std::max(0.0, ylo - ypad), std::min(100.0, yhi + ypad));
}

void SweepChart::drawMonteCarlo(const QList<Entry> &entries)
{
    QVector<double> ticks;
    QVector<QString> tickLabels;
    double ylo = 100, yhi = 0;
    for (int i = 0; i < entries.size(); ++i) {
        const Entry &e = entries.at(i);
        if (e.sweep.points.isEmpty())
            continue;
        const SweepPoint p = e.sweep.points.first();
        const double column = i + 1;
        ticks << column;
        tickLabels << e.label;
        QVector<double> accuracies = p.accuracies;
        if (accuracies.isEmpty())
            accuracies << p.accuracyMean;

        // The box: quartiles of the chips, whiskers to the extremes.
        QVector<double> sorted = accuracies;
        std::sort(sorted.begin(), sorted.end());
        const auto quantile = [&sorted](double q) {
            const double at = q * (sorted.size() - 1);
            const int lo = int(std::floor(at));
            const int hi = std::min(int(sorted.size()) - 1, lo + 1);
            return (sorted.at(lo) + (sorted.at(hi) - sorted.at(lo)) * (at - lo)) * 100.0;
        };
        auto *box = new QCPStatisticalBox(m_plot->xAxis, m_plot->yAxis);
        box->removeFromLegend();
        box->addData(column, sorted.first() * 100.0, quantile(0.25), quantile(0.5), quantile(0.75),
            sorted.last() * 100.0);
        box->setWidth(0.5);
        QColor fill = e.color;
        fill.setAlpha(40);
        box->setBrush(fill);
        box->setPen(QPen(e.color.darker(120), 1.0));
        box->setMedianPen(QPen(e.color.darker(150), 2.0));
        box->setWhiskerPen(QPen(e.color.darker(120), 1.0, Qt::DashLine));
        track(box, [e, p, med = quantile(0.5)](int) {
            return tr("%1\nmedian %2, quartiles as the box\nmin %3, max %4")
                .arg(e.label, QLocale().toString(med, 'f', 2) + QStringLiteral(" %"), percent(p.accuracyMin),
                    percent(p.accuracyMax));
        });

        // Every chip, jittered sideways.
        QVector<double> cx, cy;
        for (int c = 0; c < accuracies.size(); ++c) {
            cx << column + jitter(c);
            cy << accuracies.at(c) * 100.0;
        }
        QVector<int> chipOfIndex(accuracies.size());
        std::iota(chipOfIndex.begin(), chipOfIndex.end(), 0);
        std::stable_sort(
            chipOfIndex.begin(), chipOfIndex.end(), [&cx](int a, int b) { return cx[a] < cx[b]; });
        QVector<double> sx, sy;
        for (int c : chipOfIndex) {
            sx << cx.at(c);
            sy << cy.at(c);
        }
        const int chipCount = int(accuracies.size());
        QCPGraph *chipsGraph = addSeriesGraph(tr("%1 (%n chip(s))", "", chipCount).arg(e.label), true,
            [e, chipOfIndex, accuracies, chipCount](int i) {
                const int chip = chipOfIndex.value(i);
                return tr("%1\nchip %2 of %3: %4")
                    .arg(e.label)
                    .arg(chip + 1)
                    .arg(chipCount)
                    .arg(percent(accuracies.value(chip)));
            });
        chipsGraph->setData(sx, sy, true);
        chipsGraph->setLineStyle(QCPGraph::lsNone);
        QColor dot = e.color;
        dot.setAlpha(190);
        chipsGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, dot, dot, 6));
        m_chips.append(chipsGraph);

        // The mean with ± std over the chips.
        QCPGraph *mean = addSeriesGraph(tr("%1: mean").arg(e.label), false,
            [e, p](int) { return sweepPointText(e.label, e.sweep, p, true, e.chips, e.testSamples); });
        mean->setData({column}, {p.accuracyMean * 100.0});
        mean->setLineStyle(QCPGraph::lsNone);
        mean->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(Qt::black, 1.5), e.color, 11));
        m_main.append(mean);
        addErrorBars(mean, {p.accuracyStd * 100.0}, Qt::black);

        ylo = std::min({ylo, sorted.first() * 100.0, (p.accuracyMean - p.accuracyStd) * 100.0});
        yhi = std::max({yhi, sorted.last() * 100.0, (p.accuracyMean + p.accuracyStd) * 100.0});
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->setTicks(ticks, tickLabels);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setTickLabelRotation(ticks.size() > 4 ? 30 : 0);
    m_plot->xAxis->setLabel(QString());
    m_plot->xAxis->setRange(0.4, std::max<double>(1, ticks.size()) + 0.6);
    const double ypad = std::max(1.0, (yhi - ylo) * 0.08);
    m_plot->yAxis->setRange(std::max(0.0, ylo - ypad), std::min(100.0, yhi + ypad));
}

} // namespace qb
