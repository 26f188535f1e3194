#pragma once

#include "store/runrecord.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QCustomPlot;
class QCPBars;
class QCPErrorBars;
class QCPGraph;
class QCPItemText;
class QCPTextElement;

namespace qb {

class PointToolTip;

/// Bars of the final test accuracy of the selected runs, labelled with the runs' ids and names, the
/// value written above each bar. Selected runs of one group of repeats share a bar: the mean over
/// them, with an error bar of ± the population std. Labels are never cut: they wrap between words
/// to the width of a bar, or turn sideways when the bars are too narrow; hovering a bar shows its
/// label and values, and a click on a run's bar emits runActivated().
class RunBarChart : public QWidget
{
    Q_OBJECT

public:
    explicit RunBarChart(QWidget *parent = nullptr);

    void setRuns(const QList<RunRecord> &runs);
    void setSelectedRuns(const QList<qint64> &runIds);

    int barCount() const;
    /// Bars that are groups (and so carry an error bar).
    int errorBarCount() const;
    /// The full labels of the bars, left to right.
    QStringList labels() const { return m_labels; }
    /// The texts under the bars as drawn (with the line breaks of the wrapping).
    QStringList tickLabels() const;
    /// The bars' heights in percent, left to right.
    QVector<double> values() const { return m_values; }
    /// The hover text of the bar at a pixel of the plot (empty where there is none).
    QString toolTipAt(const QPointF &pixel) const;
    QString title() const;
    QCustomPlot *plot() const { return m_plot; }

Q_SIGNALS:
    void runActivated(qint64 runId);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void updateTicks();

    QCustomPlot *m_plot = nullptr;
    QCPTextElement *m_title = nullptr;
    QCPBars *m_bars = nullptr;
    QCPGraph *m_groupCenters = nullptr; ///< invisible carrier of the error bars (groups only)
    QCPErrorBars *m_errors = nullptr;
    QCPItemText *m_empty = nullptr;
    PointToolTip *m_tip = nullptr;
    QList<QCPItemText *> m_valueTexts;
    QList<RunRecord> m_runs;
    QList<qint64> m_selected;
    QStringList m_labels;
    QStringList m_toolTips;
    QList<qint64> m_barRuns; ///< the run of each bar, -1 for a group
    QVector<double> m_values;
};

} // namespace qb
