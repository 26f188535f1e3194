#include "common/pointtooltip.h"

#include "common/qcp.h"

#include <QLineF>
#include <QMouseEvent>
#include <QToolTip>

#include <limits>

namespace qb {

PointToolTip::PointToolTip(QCustomPlot *plot, Describe describe)
    : QObject(plot)
    , m_plot(plot)
    , m_describe(std::move(describe))
{
    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::mouseMove, this, &PointToolTip::onMouseMove);
    connect(m_plot, &QCustomPlot::mousePress, this, &PointToolTip::onMousePress);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &PointToolTip::onMouseRelease);
}

PointToolTip::Hit PointToolTip::hitAt(const QPointF &pixel) const
{
    Hit best;
    double bestDistance = std::numeric_limits<double>::max();
    // From the top down, so that of two equally close points the one drawn last wins.
    for (int i = m_plot->plottableCount() - 1; i >= 0; --i) {
        QCPAbstractPlottable *plottable = m_plot->plottable(i);
        QCPPlottableInterface1D *data = plottable->interface1D();
        if (!plottable->realVisibility() || !data || data->dataCount() == 0)
            continue;
        QVariant details;
        double distance = plottable->selectTest(pixel, false, &details);
        if (distance < 0 || distance > kRadius)
            continue;
        const QCPDataSelection selection = details.value<QCPDataSelection>();
        if (selection.isEmpty())
            continue;
        const int index = selection.dataRange(0).begin();
        if (qobject_cast<QCPGraph *>(plottable)) {
            // A graph answers for its lines too; hover values belong to the points only.
            distance = QLineF(pixel, data->dataPixelPosition(index)).length();
            if (distance > kRadius)
                continue;
        }
        if (distance >= bestDistance)
            continue;
        const QString text = m_describe(plottable, index);
        if (text.isEmpty())
            continue;
        best = {plottable, index, text};
        bestDistance = distance;
    }
    return best;
}

void PointToolTip::onMouseMove(QMouseEvent *event)
{
    if (event->buttons() != Qt::NoButton)
        return; // dragging the range
    const QString text = textAt(event->position());
    if (text.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    const QPoint at = event->position().toPoint();
    QToolTip::showText(
        event->globalPosition().toPoint(), text, m_plot, QRect(at - QPoint(4, 4), QSize(9, 9)));
}

void PointToolTip::onMousePress(QMouseEvent *event)
{
    m_pressed = event->button() == Qt::LeftButton;
    m_pressPos = event->position();
}

void PointToolTip::onMouseRelease(QMouseEvent *event)
{
    const bool click = m_pressed && event->button() == Qt::LeftButton
        && QLineF(m_pressPos, event->position()).length() < 4.0;
    m_pressed = false;
    if (!click)
        return;
    const Hit hit = hitAt(event->position());
    if (hit.plottable)
        Q_EMIT pointClicked(hit.plottable, hit.dataIndex);
}

} // namespace qb
