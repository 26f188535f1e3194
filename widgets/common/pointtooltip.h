#pragma once

#include <QObject>
#include <QPointF>
#include <QString>

#include <functional>

class QCPAbstractPlottable;
class QCustomPlot;
class QMouseEvent;

namespace qb {

/// Hover values for a QCustomPlot: while the mouse is over a data point (or inside a bar or box) of
/// a plottable, a tooltip shows the text `describe` gives for that plottable and data index. A
/// plottable for which `describe` answers an empty string is ignored (error bars, decorations).
/// A click on such a point emits pointClicked(). Lives in the plot's (GUI) thread.
class PointToolTip : public QObject
{
    Q_OBJECT

public:
    using Describe = std::function<QString(QCPAbstractPlottable *plottable, int dataIndex)>;

    PointToolTip(QCustomPlot *plot, Describe describe);

    /// How far (pixels) the mouse may be from a point and still hover it.
    static constexpr double kRadius = 10.0;

    struct Hit
    {
        QCPAbstractPlottable *plottable = nullptr;
        int dataIndex = -1;
        QString text;
    };
    /// The point under `pixel` (plot coordinates), the one drawn on top when several are close.
    Hit hitAt(const QPointF &pixel) const;
    /// The text hitAt() finds, or empty.
    QString textAt(const QPointF &pixel) const { return hitAt(pixel).text; }

Q_SIGNALS:
    void pointClicked(QCPAbstractPlottable *plottable, int dataIndex);

private:
    void onMouseMove(QMouseEvent *event);
    void onMousePress(QMouseEvent *event);
    void onMouseRelease(QMouseEvent *event);

    QCustomPlot *m_plot;
    Describe m_describe;
    QPointF m_pressPos;
    bool m_pressed = false;
};

} // namespace qb
