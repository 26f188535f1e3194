#include "history/runbarchart.h"

#include "common/plotexport.h"
#include "common/plottitle.h"
#include "common/pointtooltip.h"
#include "common/qcp.h"
#include "util/summarystats.h"

#include <QFontMetrics>
#include <QLocale>

#include <algorithm>

namespace qb {

namespace {

/// Where `line` may break last: after a space (dropped), a hyphen, an underscore or a slash.
/// Returns {length of the head, start of the rest}, or {-1, -1}.
std::pair<int, int> lastBreak(const QString &line)
{
    for (int i = int(line.size()) - 1; i > 0; --i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char(' '))
            return {i, i + 1};
        if ((c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('/')) && i + 1 < line.size())
            return {i + 1, i + 1};
    }
    return {-1, -1};
}

/// `text` broken into lines no wider than `width` pixels: between words where it can, after a
/// hyphen, underscore or slash in a long name, and inside a word only where nothing else fits.
/// Nothing is left out: the lines hold every character of `text` but the spaces they break at.
QStringList wrapped(const QString &text, const QFontMetrics &metrics, int width)
{
    QStringList lines;
    QString line;
    for (const QChar c : text) {
        line += c;
        if (line.size() < 2 || metrics.horizontalAdvance(line.trimmed()) <= width)
            continue;
        auto [head, rest] = lastBreak(line.left(line.size() - 1) + QLatin1Char('x'));
        if (head <= 0) { // one long run of letters: break just before this character
            head = int(line.size()) - 1;
            rest = head;
        }
        lines << line.left(head);
        line = line.mid(rest);
    }
    if (!line.isEmpty())
        lines << line;
    return lines;
}

QString percent(double fraction)
{
    return QLocale().toString(fraction * 100.0, 'f', 2) + QStringLiteral(" %");
}

} // namespace

RunBarChart::RunBarChart(QWidget *parent)
    : QWidget(parent)
{
    m_plot = createExportablePlot(this, QStringLiteral("selected-runs"));

    m_plot->yAxis->setLabel(tr("Final test accuracy (%)"));
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->plotLayout()->insertRow(0);
    QFont titleFont = font();
    titleFont.setBold(true);
    m_title = new QCPTextElement(m_plot, QString(), titleFont);
    m_plot->plotLayout()->addElement(0, 0, m_title);

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

    m_tip = new PointToolTip(m_plot, [this](QCPAbstractPlottable *plottable, int index) {
        return plottable == m_bars ? m_toolTips.value(index) : QString();
    });
    connect(m_tip, &PointToolTip::pointClicked, this, [this](QCPAbstractPlottable *plottable, int index) {
        if (plottable == m_bars && m_barRuns.value(index, -1) >= 0)
            Q_EMIT runActivated(m_barRuns.at(index));
    });
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

QStringList RunBarChart::tickLabels() const
{
    const auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    return ticker ? QStringList(ticker->ticks().values()) : QStringList();
}

QString RunBarChart::toolTipAt(const QPointF &pixel) const { return m_tip->textAt(pixel); }

QString RunBarChart::title() const { return wholeTitle(m_title); }

void RunBarChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    rewrapTitle(m_title);
    updateTicks();
}

void RunBarChart::rebuild()
{
    // Bars in selection order; the selected members of a group gather on the group's first bar.
    struct Bar
    {
        QString label;
        QList<const RunRecord *> runs;
        qint64 groupId = -1;
    };
    QList<Bar> bars;
    for (qint64 id : qAsConst(m_selected)) {
        const auto run
            = std::find_if(m_runs.cbegin(), m_runs.cend(), [id](const RunRecord &r) { return r.id == id; });
        if (run == m_runs.cend() || run->finalTestAccuracy < 0)
            continue;
        if (run->groupId >= 0) {
            auto bar = std::find_if(
                bars.begin(), bars.end(), [&](const Bar &b) { return b.groupId == run->groupId; });
            if (bar != bars.end()) {
                bar->runs.append(&*run);
                continue;
            }
        }
        bars.append({run->name.isEmpty() ? tr("#%1").arg(run->id) : tr("#%1 %2").arg(run->id).arg(run->name),
            {&*run}, run->groupId});
    }

    for (QCPItemText *text : qAsConst(m_valueTexts))
        m_plot->removeItem(text);
    m_valueTexts.clear();
    QVector<double> keys, groupKeys, groupMeans, groupErrors;
    m_labels.clear();
    m_values.clear();
    m_toolTips.clear();
    m_barRuns.clear();
    double top = 0;
    for (int i = 0; i < bars.size(); ++i) {
        Bar &bar = bars[i];
        QVector<double> accuracies;
        for (const RunRecord *run : qAsConst(bar.runs))
            accuracies << run->finalTestAccuracy;
        const SummaryStats stats = SummaryStats::of(accuracies);
        QStringList tip;
        if (stats.count > 1) {
            bar.label = tr("group %1 (n=%2)").arg(bar.groupId).arg(stats.count);
            tip << bar.label
                << tr("mean %1 ± %2 (std over the runs)").arg(percent(stats.mean), percent(stats.std));
            for (const RunRecord *run : qAsConst(bar.runs))
                tip << tr("#%1 %2: %3").arg(run->id).arg(run->name, percent(run->finalTestAccuracy));
            m_barRuns << -1;
        } else {
            const RunRecord *run = bar.runs.first();
            tip << bar.label << tr("final test accuracy %1").arg(percent(stats.mean));
            if (run->bestTestAccuracy >= 0)
                tip << tr("best test accuracy %1").arg(percent(run->bestTestAccuracy));
            tip << tr("network %1, dataset %2").arg(run->networkName, run->dataset);
            tip << tr("click to select the run in the history");
            m_barRuns << run->id;
        }
        m_toolTips << tip.join(QLatin1Char('\n'));
        keys.append(i + 1);
        m_labels.append(bar.label);
        m_values.append(stats.mean * 100.0);
        top = std::max(top, (stats.mean + stats.std) * 100.0);
        if (stats.count > 1) {
            groupKeys.append(i + 1);
            groupMeans.append(stats.mean * 100.0);
            groupErrors.append(stats.std * 100.0);
        }
        auto *value = new QCPItemText(m_plot);
        value->position->setCoords(i + 1, (stats.mean + stats.std) * 100.0);
        value->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        value->setPadding(QMargins(0, 0, 0, 3));
        value->setText(QLocale().toString(stats.mean * 100.0, 'f', 1));
        value->setSelectable(false);
        m_valueTexts << value;
    }
    m_bars->setData(keys, m_values, true);
    m_groupCenters->setData(groupKeys, groupMeans, true);
    m_errors->setData(groupErrors);

    setWrappedTitle(m_title, bars.isEmpty() ? tr("Final test accuracy of the selected runs")
            : groupKeys.isEmpty()
            ? tr("Final test accuracy of %n selected run(s)", "", int(m_selected.size()))
            : tr("Final test accuracy of %n selected run(s) (groups: mean ± std)", "",
                int(m_selected.size())));
    m_empty->setVisible(bars.isEmpty());
    m_plot->xAxis->setRange(0.3, std::max<double>(1, bars.size()) + 0.7);
    // Bars start at zero; the top leaves room for the values written above them.
    m_plot->yAxis->setRange(0, std::max(10.0, top + std::max(8.0, top * 0.15)));
    updateTicks();
}

void RunBarChart::updateTicks()
{
    // Wrap each label to the width of its bar's slot (never elided; the tooltip has it in one line).
    // Only when that takes too many lines (a crowd of bars) do the labels turn sideways, whole.
    const QFontMetrics metrics(m_plot->xAxis->tickLabelFont());
    const int slot = std::max(40, (m_plot->width() - 90) / std::max(1, int(m_labels.size())) - 8);
    QVector<double> keys;
    QVector<QString> texts;
    int mostLines = 0;
    for (int i = 0; i < m_labels.size(); ++i) {
        keys << i + 1;
        const QStringList lines = wrapped(m_labels.at(i), metrics, slot);
        mostLines = std::max(mostLines, int(lines.size()));
        texts << lines.join(QLatin1Char('\n'));
    }
    const bool sideways = mostLines > 5;
    if (sideways)
        texts = QVector<QString>(m_labels.cbegin(), m_labels.cend());
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->setTicks(keys, texts);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setTickLabelRotation(sideways ? 90 : 0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace qb
