#include "history/sizeaccuracychart.h"

#include "common/plotexport.h"
#include "common/plottitle.h"
#include "common/pointtooltip.h"
#include "common/qcp.h"

#include <QFontMetrics>
#include <QLocale>

#include <algorithm>
#include <numeric>

namespace qb {

namespace {

QCPGraph *scatterGraph(QCustomPlot *plot, const QString &name, QCPScatterStyle style)
{
    QCPGraph *graph = plot->addGraph();
    graph->setName(name);
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(style);
    return graph;
}

constexpr double kMarkerRadius = 6.0;

} // namespace

SizeAccuracyChart::SizeAccuracyChart(QWidget *parent)
    : QWidget(parent)
{
    m_plot = createExportablePlot(this, QStringLiteral("accuracy-vs-size"));

    m_plot->xAxis->setLabel(tr("Model size (KiB, log scale)"));
    m_plot->yAxis->setLabel(tr("Best test accuracy (%)"));
    m_plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);

    m_float = scatterGraph(m_plot, tr("Full precision"),
        QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(31, 119, 180), QColor(31, 119, 180, 90), 8));
    m_quantized = scatterGraph(m_plot, tr("Quantized"),
        QCPScatterStyle(QCPScatterStyle::ssTriangle, QColor(230, 120, 20), QColor(230, 120, 20, 90), 9));
    m_selected = scatterGraph(m_plot, tr("Selected"),
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(200, 30, 30), 2), Qt::NoBrush, 16));

    // Title above, legend in a row of its own below the axes: neither covers a point.
    m_title = addTitleRow(m_plot, font());
    moveLegendBelow(m_plot);
    m_plot->legend->setWrap(3);

    m_empty = new QCPItemText(m_plot);
    m_empty->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_empty->position->setCoords(0.5, 0.5);
    m_empty->setText(tr("(no finished runs yet)"));
    m_empty->setColor(Qt::gray);

    m_tip = new PointToolTip(m_plot, [this](QCPAbstractPlottable *plottable, int index) {
        const Point *p = pointAt(plottable, index);
        return p ? p->label + QLatin1Char('\n') + p->details : QString();
    });
    connect(m_tip, &PointToolTip::pointClicked, this, [this](QCPAbstractPlottable *plottable, int index) {
        if (const Point *p = pointAt(plottable, index))
            Q_EMIT runActivated(p->runId);
    });
    // Labels are placed in pixels, so again after every layout (resize, zoom, drag).
    connect(m_plot, &QCustomPlot::afterLayout, this, &SizeAccuracyChart::placeLabels);
    rebuild();
}

void SizeAccuracyChart::setRuns(const QList<RunRecord> &runs)
{
    for (const Point &p : qAsConst(m_points))
        m_plot->removeItem(p.text);
    m_points.clear();
    for (const RunRecord &run : runs) {
        if (run.status != RunStatus::Finished || run.bestTestAccuracy < 0)
            continue;
        auto it = m_info.find(run.id);
        if (it == m_info.end())
            it = m_info.insert(run.id, RunSpecInfo::fromSpecJson(run.specJson));
        if (it->modelSizeKiB <= 0)
            continue; // a spec that does not validate has no size to plot
        const QString name = run.name.isEmpty() ? run.networkName : run.name;
        Point p{run.id, it->modelSizeKiB, run.bestTestAccuracy * 100.0, it->quantized,
            name.isEmpty() ? tr("#%1").arg(run.id) : tr("#%1 %2").arg(run.id).arg(name), QString()};
        QStringList details;
        details << tr("network %1, dataset %2").arg(run.networkName, run.dataset);
        details << (it->quantized ? tr("quantized") : tr("full precision"));
        details << tr("model size %1 KiB").arg(QLocale().toString(it->modelSizeKiB, 'f', 1));
        details << tr("best test accuracy %1 %").arg(QLocale().toString(p.accuracyPercent, 'f', 2));
        if (run.finalTestAccuracy >= 0)
            details << tr("final test accuracy %1 %")
                           .arg(QLocale().toString(run.finalTestAccuracy * 100.0, 'f', 2));
        details << tr("click to select the run in the history");
        p.details = details.join(QLatin1Char('\n'));
        m_points.append(p);
    }
    // By size: the order QCustomPlot keeps a graph's data in, so a data index finds its run.
    std::stable_sort(m_points.begin(), m_points.end(),
        [](const Point &a, const Point &b) { return a.sizeKiB < b.sizeKiB; });
    const QFontMetrics metrics(font());
    for (Point &p : m_points) {
        p.text = new QCPItemText(m_plot);
        p.text->position->setType(QCPItemPosition::ptAbsolute);
        p.text->setPositionAlignment(Qt::AlignCenter);
        p.text->setText(metrics.elidedText(p.label, Qt::ElideRight, 140));
        p.text->setColor(QColor(60, 60, 60));
        p.text->setClipToAxisRect(true);
        p.text->setSelectable(false);
        p.text->setVisible(false); // until placeLabels() finds it a place
    }
    rebuild();
}

void SizeAccuracyChart::setSelectedRuns(const QList<qint64> &runIds)
{
    m_selectedIds = runIds;
    updateHighlight();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int SizeAccuracyChart::floatPointCount() const { return m_float->dataCount(); }

int SizeAccuracyChart::quantizedPointCount() const { return m_quantized->dataCount(); }

int SizeAccuracyChart::highlightedCount() const { return m_selected->dataCount(); }

QString SizeAccuracyChart::title() const { return wholeTitle(m_title); }

void SizeAccuracyChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    rewrapTitle(m_title);
}

QString SizeAccuracyChart::toolTipAt(const QPointF &pixel) const { return m_tip->textAt(pixel); }

QPointF SizeAccuracyChart::pixelOf(qint64 runId) const
{
    for (const Point &p : m_points) {
        if (p.runId == runId)
            return {m_plot->xAxis->coordToPixel(p.sizeKiB), m_plot->yAxis->coordToPixel(p.accuracyPercent)};
    }
    return {-1, -1};
}

QList<QRectF> SizeAccuracyChart::labelRects() const
{
    QList<QRectF> rects;
    const QFontMetricsF metrics(font());
    for (const Point &p : m_points) {
        if (!p.text->visible())
            continue;
        QRectF r = metrics.boundingRect(p.text->text());
        r.moveCenter(p.text->position->pixelPosition());
        rects << r;
    }
    return rects;
}

QStringList SizeAccuracyChart::labelTexts() const
{
    QStringList texts;
    for (const Point &p : m_points) {
        if (p.text->visible())
            texts << p.text->text();
    }
    return texts;
}

QString SizeAccuracyChart::labelOf(qint64 runId) const
{
    for (const Point &p : m_points) {
        if (p.runId == runId)
            return p.label;
    }
    return QString();
}

const SizeAccuracyChart::Point *SizeAccuracyChart::pointAt(
    QCPAbstractPlottable *plottable, int dataIndex) const
{
    int seen = 0;
    for (const Point &p : m_points) {
        const bool member = plottable == m_selected ? m_selectedIds.contains(p.runId)
            : plottable == m_float                  ? !p.quantized
            : plottable == m_quantized              ? p.quantized
                                                    : false;
        if (member && seen++ == dataIndex)
            return &p;
    }
    return nullptr;
}

void SizeAccuracyChart::rebuild()
{
    QVector<double> fx, fy, qx, qy;
    for (const Point &p : qAsConst(m_points)) {
        (p.quantized ? qx : fx).append(p.sizeKiB);
        (p.quantized ? qy : fy).append(p.accuracyPercent);
    }
    m_float->setData(fx, fy, true);
    m_quantized->setData(qx, qy, true);
    updateHighlight();

    m_empty->setVisible(m_points.isEmpty());
    setWrappedTitle(
        m_title, tr("Best test accuracy against model size — %n finished run(s)", "", int(m_points.size())));
    if (m_points.isEmpty()) {
        m_plot->xAxis->setRange(1, 1000);
        m_plot->yAxis->setRange(0, 100);
    } else {
        double minSize = m_points.first().sizeKiB, maxSize = minSize;
        double minAcc = m_points.first().accuracyPercent, maxAcc = minAcc;
        for (const Point &p : qAsConst(m_points)) {
            minSize = std::min(minSize, p.sizeKiB);
            maxSize = std::max(maxSize, p.sizeKiB);
            minAcc = std::min(minAcc, p.accuracyPercent);
            maxAcc = std::max(maxAcc, p.accuracyPercent);
        }
        // A log axis pads by factors; the accuracy axis by a few points (room for the labels), within [0,
        // 100].
        m_plot->xAxis->setRange(minSize / 1.8, maxSize * 1.8);
        const double pad = std::max(2.0, (maxAcc - minAcc) * 0.15);
        m_plot->yAxis->setRange(std::max(0.0, minAcc - pad), std::min(100.0, maxAcc + pad));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SizeAccuracyChart::updateHighlight()
{
    QVector<double> x, y;
    for (const Point &p : qAsConst(m_points)) {
        if (m_selectedIds.contains(p.runId)) {
            x.append(p.sizeKiB);
            y.append(p.accuracyPercent);
        }
    }
    m_selected->setData(x, y, true);
    if (x.isEmpty())
        m_selected->removeFromLegend();
    else
        m_selected->addToLegend();
}

void SizeAccuracyChart::placeLabels()
{
    // Greedy: selected runs first, then the most accurate; each label takes the first of a few places
    // around its point that stays inside the axes and covers no placed label and no point.
    const QRectF area = m_plot->axisRect()->rect();
    QList<QPointF> pixels;
    for (const Point &p : qAsConst(m_points))
        pixels << QPointF(
            m_plot->xAxis->coordToPixel(p.sizeKiB), m_plot->yAxis->coordToPixel(p.accuracyPercent));
    QList<int> order(m_points.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        const bool sa = m_selectedIds.contains(m_points.at(a).runId);
        const bool sb = m_selectedIds.contains(m_points.at(b).runId);
        if (sa != sb)
            return sa;
        return m_points.at(a).accuracyPercent > m_points.at(b).accuracyPercent;
    });
    const QFontMetricsF metrics(font());
    QList<QRectF> taken;
    for (int i : qAsConst(order)) {
        const Point &p = m_points.at(i);
        const QPointF at = pixels.at(i);
        const QSizeF size = metrics.boundingRect(p.text->text()).size() + QSizeF(4, 0);
        const double gap = kMarkerRadius + 2;
        const QList<QPointF> centers{
            at + QPointF(0, -gap - size.height() / 2), // above
            at + QPointF(gap + size.width() / 2, 0), // right
            at + QPointF(0, gap + size.height() / 2), // below
            at + QPointF(-gap - size.width() / 2, 0), // left
            at + QPointF(gap + size.width() / 2, -gap - size.height() / 2), // upper right
            at + QPointF(-gap - size.width() / 2, gap + size.height() / 2), // lower left
        };
        bool placed = false;
        for (const QPointF &center : centers) {
            QRectF rect(QPointF(), size);
            rect.moveCenter(center);
            if (!area.contains(rect))
                continue;
            const bool coversLabel = std::any_of(
                taken.cbegin(), taken.cend(), [&rect](const QRectF &t) { return t.intersects(rect); });
            const bool coversPoint = std::any_of(pixels.cbegin(), pixels.cend(), [&rect](const QPointF &q) {
                return rect.intersects(QRectF(
                    q - QPointF(kMarkerRadius, kMarkerRadius), QSizeF(2 * kMarkerRadius, 2 * kMarkerRadius)));
            });
            if (coversLabel || coversPoint)
                continue;
            p.text->position->setCoords(center);
            taken << rect;
            placed = true;
            break;
        }
        p.text->setVisible(placed);
    }
}

} // namespace qb
