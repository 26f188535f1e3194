#pragma once

#include "history/runspecinfo.h"
#include "store/runrecord.h"

#include <QHash>
#include <QList>
#include <QRectF>
#include <QWidget>

class QCustomPlot;
class QCPAbstractPlottable;
class QCPGraph;
class QCPItemText;
class QCPTextElement;

namespace qb {

class PointToolTip;

/// Scatter of the finished runs: model size (KiB, log axis) against best test accuracy, full-precision
/// runs and quantized runs (some layer with an input or kernel quantizer) in their own colour and
/// marker, the selected runs ringed. Every point is labelled with its run ("#3 my-bnn") where the
/// label fits without covering another label or point (selected runs first, then the most accurate);
/// hovering a point shows the run's figures, a click on it emits runActivated().
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
    QString title() const;

    /// The hover text at a pixel of the plot (empty where there is no point).
    QString toolTipAt(const QPointF &pixel) const;
    /// The pixel position of a run's point after the last layout, or (-1, -1).
    QPointF pixelOf(qint64 runId) const;
    /// The labels shown after the last layout (pixel rectangles, plot coordinates) and their texts.
    QList<QRectF> labelRects() const;
    QStringList labelTexts() const;
    /// Full label of a run's point: "#3 my-bnn".
    QString labelOf(qint64 runId) const;

Q_SIGNALS:
    void runActivated(qint64 runId);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Point
    {
        qint64 runId;
        double sizeKiB;
        double accuracyPercent;
        bool quantized;
        QString label;
        QString details; ///< the tooltip below the label
        QCPItemText *text = nullptr;
    };
    void rebuild();
    void updateHighlight();
    void placeLabels();
    const Point *pointAt(QCPAbstractPlottable *plottable, int dataIndex) const;

    QCustomPlot *m_plot = nullptr;
    QCPTextElement *m_title = nullptr;
    QCPGraph *m_float = nullptr;
    QCPGraph *m_quantized = nullptr;
    QCPGraph *m_selected = nullptr;
    QCPItemText *m_empty = nullptr;
    PointToolTip *m_tip = nullptr;
    QList<Point> m_points; ///< by size, the order of the graphs' data
    QList<qint64> m_selectedIds;
    QHash<qint64, RunSpecInfo> m_info; ///< a run's spec never changes: parse it once
};

} // namespace qb
