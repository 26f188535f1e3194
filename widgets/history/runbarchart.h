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

namespace qb {

/// Bars of the final test accuracy of the selected runs, labelled with the runs' ids and names.
/// Selected runs of one group of repeats share a bar: the mean over them, with an error bar of
/// ± the population std.
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
    /// The labels under the bars, left to right.
    QStringList labels() const { return m_labels; }
    /// The bars' heights in percent, left to right.
    QVector<double> values() const { return m_values; }
    QCustomPlot *plot() const { return m_plot; }

private:
    void rebuild();

    QCustomPlot *m_plot = nullptr;
    QCPBars *m_bars = nullptr;
    QCPGraph *m_groupCenters = nullptr; ///< invisible carrier of the error bars (groups only)
    QCPErrorBars *m_errors = nullptr;
    QCPItemText *m_empty = nullptr;
    QList<RunRecord> m_runs;
    QList<qint64> m_selected;
    QStringList m_labels;
    QVector<double> m_values;
};

} // namespace qb
