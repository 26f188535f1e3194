#include "history/runbarchart.h"

#include "common/plotexport.h"
#include "common/qcp.h"
#include "util/summarystats.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace qb {

RunBarChart::RunBarChart(QWidget *parent)
    : QWidget(parent)
{
    m_plot = createExportablePlot(this, QStringLiteral("selected-runs"));

    m_plot->yAxis->setLabel(tr("Final test accuracy (%)"));
    m_plot->xAxis->setTickLabelRotation(30);
    m_plot->xAxis->grid()->setVisible(false);

    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setName(tr("Final accuracy"));
    m_bars->setWidth(0.6);
    m_bars->setPen(QPen(QColor(31, 119, 180)));
    m_bars->setBrush(QColor(31, 119, 180, 150));

    m_groupCenters = m_plot->addGraph();
    m_groupCenters->setLineStyle(QCPGraph::lsNone);
    m_groupCenters->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssNone));
    m_groupCenters->removeFromLegend();
    m_errors = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
    m_errors->setDataPlottable(m_groupCenters);
    m_errors->setPen(QPen(Qt::black, 1.5));
    m_errors->setWhiskerWidth(10);
    m_errors->removeFromLegend();

    m_empty = new QCPItemText(m_plot);
    m_empty->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_empty->position->setCoords(0.5, 0.5);
    m_empty->setText(tr("(select finished runs in the history)"));
    m_empty->setColor(Qt::gray);
    rebuild();
}

void RunBarChart::setRuns(const QList<RunRecord> &runs)
{
    m_runs = runs;
    rebuild();
}

void RunBarChart::setSelectedRuns(const QList<qint64> &runIds)
{
    m_selected = runIds;
    rebuild();
}

int RunBarChart::barCount() const { return m_bars->dataCount(); }

int RunBarChart::errorBarCount() const { return m_errors->dataCount(); }

void RunBarChart::rebuild()
{
    // Bars in selection order; the selected members of a group gather on the group's first bar.
    struct Bar
    {
        QString label;
        QVector<double> accuracies;
        qint64 groupId = -1;
    };
    QList<Bar> bars;
    const QFontMetrics metrics(m_plot->xAxis->tickLabelFont());
    for (qint64 id : m_selected) {
        const auto run
            = std::find_if(m_runs.cbegin(), m_runs.cend(), [id](const RunRecord &r) { return r.id == id; });
        if (run == m_runs.cend() || run->finalTestAccuracy < 0)
            continue;
        if (run->groupId >= 0) {
            auto bar = std::find_if(
                bars.begin(), bars.end(), [&](const Bar &b) { return b.groupId == run->groupId; });
            if (bar != bars.end()) {
                bar->accuracies.append(run->finalTestAccuracy);
                continue;
            }
        }
        const QString name = metrics.elidedText(run->name, Qt::ElideRight, 120);
        bars.append({name.isEmpty() ? tr("#%1").arg(run->id) : tr("#%1 %2").arg(run->id).arg(name),
            {run->finalTestAccuracy}, run->groupId});
    }

    QVector<double> keys, groupKeys, groupMeans, groupErrors;
    QVector<QString> tickLabels;
    m_labels.clear();
    m_values.clear();
    double top = 0;
    for (int i = 0; i < bars.size(); ++i) {
        Bar &bar = bars[i];
        const SummaryStats stats = SummaryStats::of(bar.accuracies);
        if (stats.count > 1)
            bar.label = tr("group %1 (n=%2)").arg(bar.groupId).arg(stats.count);
        keys.append(i + 1);
        tickLabels.append(bar.label);
        m_labels.append(bar.label);
        m_values.append(stats.mean * 100.0);
        top = std::max(top, (stats.mean + stats.std) * 100.0);
        if (stats.count > 1) {
            groupKeys.append(i + 1);
            groupMeans.append(stats.mean * 100.0);
            groupErrors.append(stats.std * 100.0);
        }
    }
    m_bars->setData(keys, m_values, true);
    m_groupCenters->setData(groupKeys, groupMeans, true);
    m_errors->setData(groupErrors);

    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->setTicks(keys, tickLabels);
    m_plot->xAxis->setTicker(ticker);
    m_empty->setVisible(bars.isEmpty());
    m_plot->xAxis->setRange(0.3, std::max<double>(1, bars.size()) + 0.7);
    m_plot->yAxis->setRange(0, std::min(100.0, std::max(10.0, top * 1.08)));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace qb
