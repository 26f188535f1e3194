#include "history/gridchart.h"

#include "common/plotexport.h"
#include "common/plottitle.h"
#include "common/pointtooltip.h"
#include "common/qcp.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace qb {

namespace {

/// Matplotlib's "tab10", as the sweep chart.
QColor seriesColor(int index)
{
    static const QColor colors[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44),
        QColor(214, 39, 40), QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194),
        QColor(127, 127, 127), QColor(188, 189, 34), QColor(23, 190, 207)};
    return colors[index % 10];
}

QString percent(double fraction)
{
    return QLocale().toString(fraction * 100.0, 'f', 2) + QStringLiteral(" %");
}

} // namespace

GridChart::GridChart(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_stack = new QStackedWidget(this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Grid:"), this));
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("gridCombo"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(20);
    top->addWidget(m_combo, 1);
    m_plot = new QCustomPlot(this);
    top->addWidget(createExportButton(m_plot, this, QStringLiteral("grid")));
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);

    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_stack->addWidget(m_message);
    m_plot->setMinimumSize(320, 220);
    m_stack->addWidget(m_plot);

    m_plot->yAxis->setLabel(tr("Final test accuracy (%)"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // Title, the axes, and the legend in a row of its own below them, outside the data.
    m_title = addTitleRow(m_plot, font());
    moveLegendBelow(m_plot);
    m_plot->legend->setMargins(QMargins(4, 0, 4, 2));

    m_tip = new PointToolTip(m_plot, [this](QCPAbstractPlottable *plottable, int index) {
        const auto it = m_describe.constFind(plottable);
        return it == m_describe.cend() || !*it ? QString() : (*it)(index);
    });
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_combo->currentIndex() >= 0)
            Q_EMIT gridChosen(currentGridId());
    });
    showMessage(tr("(no grids in the history yet: Run ▸ Grid… makes one)"));
}

void GridChart::setGrids(const QList<GridRecord> &grids)
{
    const qint64 previous = currentGridId();
    {
        const QSignalBlocker blocker(m_combo);
        m_combo->clear();
        for (const GridRecord &g : grids) {
            m_combo->addItem(
                tr("grid %1: %2 (%3)")
                    .arg(g.id)
                    .arg(g.name, g.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                g.id);
        }
        const int keep = m_combo->findData(previous);
        m_combo->setCurrentIndex(keep >= 0 ? keep : (grids.isEmpty() ? -1 : 0));
    }
    m_combo->setEnabled(!grids.isEmpty());
    if (grids.isEmpty())
        showMessage(tr("(no grids in the history yet: Run ▸ Grid… makes one)"));
    else
        Q_EMIT gridChosen(currentGridId());
}

qint64 GridChart::currentGridId() const
{
    return m_combo->currentIndex() >= 0 ? m_combo->currentData().toLongLong() : -1;
}

void GridChart::setCurrentGridId(qint64 gridId)
{
    const int index = m_combo->findData(gridId);
    if (index >= 0)
        m_combo->setCurrentIndex(index);
}

void GridChart::showMessage(const QString &text)
{
    clearSeries();
    m_message->setText(text);
    m_stack->setCurrentIndex(0);
}

void GridChart::setResults(const GridResults &results)
{
    clearSeries();
    const QList<GridAxis> &axes = results.spec.axes;
    if (axes.isEmpty() || results.rows.isEmpty()) {
        showMessage(tr("(grid %1 has no configurations)").arg(results.record.id));
        return;
    }
    const GridAxis &first = axes.first();
    // Numbers on a numeric axis; anything else (quantizer names, true/false) as named ticks.
    m_categorical = !std::all_of(
        first.values.cbegin(), first.values.cend(), [](const QJsonValue &v) { return v.isDouble(); });
    double lo = 0, hi = 0;
    if (!m_categorical) {
        const auto [mn, mx] = std::minmax_element(first.values.cbegin(), first.values.cend(),
            [](const QJsonValue &a, const QJsonValue &b) { return a.toDouble() < b.toDouble(); });
        lo = mn->toDouble();
        hi = mx->toDouble();
    }
    // A factor 100 or more (1e-4 .. 1e-2, as learning rates go) reads better on a log axis.
    const bool log = !m_categorical && lo > 0 && hi / lo >= 100.0 * (1.0 - 1e-9);
    auto xOf
        = [&](const QJsonValue &v) { return m_categorical ? double(first.values.indexOf(v)) : v.toDouble(); };

    // One series per combination of the other axes' values, in the grid's order.
    std::map<int, QList<const GridResultRow *>> series; // key: the configuration of the series' first row
    QHash<QString, int> seriesKey;
    QStringList order;
    for (const GridResultRow &row : results.rows) {
        QStringList rest;
        for (int a = 1; a < axes.size(); ++a)
            rest << QStringLiteral("%1=%2").arg(axes[a].path, GridAxis::valueText(row.values.value(a)));
        const QString name = rest.join(QStringLiteral(", "));
        if (!seriesKey.contains(name)) {
            seriesKey.insert(name, int(order.size()));
            order << name;
        }
        series[seriesKey.value(name)].append(&row);
    }
    int drawn = 0;
    for (const auto &[index, rows] : series) {
        QVector<double> x, mean, std;
        QStringList tips;
        QList<const GridResultRow *> sorted = rows;
        std::sort(sorted.begin(), sorted.end(), [&](const GridResultRow *a, const GridResultRow *b) {
            return xOf(a->values.value(0)) < xOf(b->values.value(0));
        });
        for (const GridResultRow *row : sorted) {
            if (row->finalAccuracy.count == 0)
                continue; // no finished run yet
            x << xOf(row->values.value(0));
            mean << row->finalAccuracy.mean * 100.0;
            std << row->finalAccuracy.std * 100.0;
            tips << QStringList{row->label,
                tr("final test accuracy %1 ± %2")
                    .arg(percent(row->finalAccuracy.mean), percent(row->finalAccuracy.std)),
                tr("min %1, max %2").arg(percent(row->finalAccuracy.min), percent(row->finalAccuracy.max)),
                tr("%1 of %n seed(s) finished", "", row->seedsPlanned).arg(row->runIds.size())}
                        .join(QLatin1Char('\n'));
        }
        if (x.isEmpty())
            continue;
        addSeries(order.value(index).isEmpty() ? tr("mean ± std over seeds") : order.value(index), index, x,
            mean, std, tips);
        ++drawn;
    }
    if (drawn == 0) {
        showMessage(tr("(grid %1 has no finished runs yet)").arg(results.record.id));
        return;
    }

    if (m_categorical) {
        QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
        for (int i = 0; i < first.values.size(); ++i)
            ticker->addTick(i, GridAxis::valueText(first.values.at(i)));
        m_plot->xAxis->setTicker(ticker);
        m_plot->xAxis->setScaleType(QCPAxis::stLinear);
        m_plot->xAxis->setRange(-0.5, first.values.size() - 0.5);
    } else if (log) {
        m_plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        m_plot->xAxis->setNumberFormat(QStringLiteral("eb"));
        m_plot->xAxis->setNumberPrecision(0);
        m_plot->xAxis->setRange(lo / 2.0, hi * 2.0);
    } else {
        m_plot->xAxis->setScaleType(QCPAxis::stLinear);
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        m_plot->xAxis->setNumberFormat(QStringLiteral("gb"));
        m_plot->xAxis->setNumberPrecision(6);
        const double pad = hi > lo ? (hi - lo) * 0.08 : std::max(1.0, std::abs(lo) * 0.1);
        m_plot->xAxis->setRange(lo - pad, hi + pad);
    }
    m_plot->xAxis->setLabel(first.path);
    m_plot->yAxis->rescale();
    const QCPRange y = m_plot->yAxis->range();
    const double pad = std::max(1.0, y.size() * 0.15);
    m_plot->yAxis->setRange(std::max(0.0, y.lower - pad), std::min(100.0, y.upper + pad));
    m_plot->legend->setVisible(axes.size() > 1);
    const QString name
        = results.record.name.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(results.record.name);
    setWrappedTitle(m_title,
        tr("Grid %1%2: mean final test accuracy vs %3 (error bars: ± std over %n seed(s))", "",
            results.spec.seeds)
            .arg(results.record.id)
            .arg(name, first.path));
    m_stack->setCurrentIndex(1);
    m_plot->replot();
}

void GridChart::addSeries(const QString &name, int index, const QVector<double> &x,
    const QVector<double> &mean, const QVector<double> &std, const QStringList &tips)
{
    const QColor color = seriesColor(index);
    QCPGraph *graph = m_plot->addGraph();
    graph->setName(name);
    graph->setPen(QPen(color, 2));
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, color, 7));
    graph->setData(x, mean, true);
    auto *errors = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
    errors->removeFromLegend();
    errors->setDataPlottable(graph);
    errors->setData(std);
    errors->setPen(QPen(color, 1.2));
    m_graphs.append(graph);
    m_errors.append(errors);
    m_describe.insert(graph, [tips](int i) { return tips.value(i); });
    m_describe.insert(errors, Describe());
}

void GridChart::clearSeries()
{
    // Error bars first: they point at their graphs.
    for (QCPErrorBars *errors : std::as_const(m_errors))
        m_plot->removePlottable(errors);
    for (QCPGraph *graph : std::as_const(m_graphs))
        m_plot->removeGraph(graph);
    m_errors.clear();
    m_graphs.clear();
    m_describe.clear();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QStringList GridChart::seriesNames() const
{
    QStringList names;
    for (QCPGraph *g : m_graphs)
        names << g->name();
    return names;
}

int GridChart::pointCount() const
{
    int n = 0;
    for (QCPGraph *g : m_graphs)
        n += g->dataCount();
    return n;
}

int GridChart::errorBarCount() const
{
    int n = 0;
    for (QCPErrorBars *e : m_errors)
        n += e->dataCount();
    return n;
}

bool GridChart::isLogAxis() const { return m_plot->xAxis->scaleType() == QCPAxis::stLogarithmic; }

QString GridChart::title() const { return wholeTitle(m_title); }

QString GridChart::message() const { return m_stack->currentIndex() == 0 ? m_message->text() : QString(); }

QString GridChart::toolTipAt(const QPointF &pixel) const { return m_tip->textAt(pixel); }

void GridChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    rewrapTitle(m_title);
    const int columns = std::max(1, width() / 260);
    if (m_plot->legend->wrap() != columns) {
        m_plot->legend->setWrap(columns);
        m_plot->legend->setFillOrder(m_plot->legend->fillOrder(), true);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

} // namespace qb
