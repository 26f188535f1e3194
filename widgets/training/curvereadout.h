#pragma once

#include <QList>
#include <QString>

class QCPAxisRect;
class QCPItemStraightLine;
class QCPItemText;
class QCustomPlot;

namespace qb {

/// CurvePlot's hover readout, TensorBoard-style: a vertical line at one epoch through every axis
/// rect and, beside it, a box with the values of every curve there. The items belong to the plot;
/// this only places, fills and hides them. GUI thread.
class CurveReadout
{
public:
    CurveReadout(QCustomPlot *plot, const QList<QCPAxisRect *> &rects);

    /// Moves the line to `key` (an epoch) and shows `text` beside it (on the side with more room).
    void show(double key, const QString &text);
    void hide();
    bool isShown() const;
    double key() const { return m_key; }
    QString text() const;

private:
    QCustomPlot *m_plot;
    QList<QCPAxisRect *> m_rects;
    QList<QCPItemStraightLine *> m_lines;
    QCPItemText *m_label = nullptr;
    double m_key = 0.0;
};

} // namespace qb
