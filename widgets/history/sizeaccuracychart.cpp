#include "history/sizeaccuracychart.h"

#include "common/plotexport.h"
#include "common/qcp.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

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

    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);

    m_empty = new QCPItemText(m_plot);
    m_empty->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_empty->position->setCoords(0.5, 0.5);
    m_empty->setText(tr("(no finished runs yet)"));
    m_empty->setColor(Qt::gray);
    rebuild();
}

void SizeAccuracyChart::setRuns(const QList<RunRecord> &runs)
{
    m_points.clear();
    for (const RunRecord &run : runs) {
        if (run.status != RunStatus::Finished || run.bestTestAccuracy < 0)
            continue;
        auto it = m_info.find(run.id);
        if (it == m_info.end())
            it = m_info.insert(run.id, RunSpecInfo::fromSpecJson(run.specJson));
        if (it->modelSizeKiB <= 0)
            continue; // a spec that does not validate has no size to plot
        m_points.append({run.id, it->modelSizeKiB, run.bestTestAccuracy * 100.0, it->quantized});
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

void SizeAccuracyChart::rebuild()
{
    QVector<double> fx, fy, qx, qy;
    for (const Point &p : m_points) {
        (p.quantized ? qx : fx).append(p.sizeKiB);
        (p.quantized ? qy : fy).append(p.accuracyPercent);
    }
    m_float->setData(fx, fy);
    m_quantized->setData(qx, qy);
    updateHighlight();

    m_empty->setVisible(m_points.isEmpty());
    if (m_points.isEmpty()) {
        m_plot->xAxis->setRange(1, 1000);
        m_plot->yAxis->setRange(0, 100);
    } else {
        double minSize = m_points.first().sizeKiB, maxSize = minSize;
        double minAcc = m_points.first().accuracyPercent, maxAcc = minAcc;
        for (const Point &p : m_points) {
            minSize = std::min(minSize, p.sizeKiB);
            maxSize = std::max(maxSize, p.sizeKiB);
            minAcc = std::min(minAcc, p.accuracyPercent);
            maxAcc = std::max(maxAcc, p.accuracyPercent);
        }
        // A log axis pads by factors; the accuracy axis by a few points, within [0, 100].
        m_plot->xAxis->setRange(minSize / 1.6, maxSize * 1.6);
        const double pad = std::max(2.0, (maxAcc - minAcc) * 0.1);
        m_plot->yAxis->setRange(std::max(0.0, minAcc - pad), std::min(100.0, maxAcc + pad));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SizeAccuracyChart::updateHighlight()
{
    QVector<double> x, y;
    for (const Point &p : m_points) {
        if (m_selectedIds.contains(p.runId)) {
            x.append(p.sizeKiB);
            y.append(p.accuracyPercent);
        }
    }
    m_selected->setData(x, y);
    if (x.isEmpty())
        m_selected->removeFromLegend();
    else
        m_selected->addToLegend();
}

} // namespace qb
