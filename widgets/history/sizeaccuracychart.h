#pragma once

#include "history/runspecinfo.h"
#include "store/runrecord.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QCPItemText;

namespace qb {

/// Scatter of the finished runs: model size (KiB, log axis) against best test accuracy, full-precision
/// runs and quantized runs (some layer with an input or kernel quantizer) in their own colour and
/// marker, the selected runs ringed.
class SizeAccuracyChart : public QWidget
{
    Q_OBJECT

public:
    explicit SizeAccuracyChart(QWidget *parent = nullptr);

    void setRuns(const QList<RunRecord> &runs);
    void setSelectedRuns(const QList<qint64> &runIds);

    int pointCount() const { return floatPointCount() + quantizedPointCount(); }
    int floatPointCount() const;
    int quantizedPointCount() const;
    int highlightedCount() const;
    QCustomPlot *plot() const { return m_plot; }

private:
    struct Point
    {
        qint64 runId;
        double sizeKiB;
        double accuracyPercent;
        bool quantized;
    };
    void rebuild();
    void updateHighlight();

    QCustomPlot *m_plot = nullptr;
    QCPGraph *m_float = nullptr;
    QCPGraph *m_quantized = nullptr;
    QCPGraph *m_selected = nullptr;
    QCPItemText *m_empty = nullptr;
    QList<Point> m_points;
    QList<qint64> m_selectedIds;
    QHash<qint64, RunSpecInfo> m_info; ///< a run's spec never changes: parse it once
};

} // namespace qb
