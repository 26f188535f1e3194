#include "help/tourhighlight.h"

#include <QPainter>

namespace qb {

namespace {

constexpr int kMargin = 5; ///< space between the target and the frame
constexpr int kPen = 3;

} // namespace

TourHighlight::TourHighlight(QWidget *window)
    : QWidget(window)
{
    setObjectName(QStringLiteral("tourHighlight"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    hide();
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &TourHighlight::follow);
}

void TourHighlight::setTarget(QWidget *target)
{
    m_target = target;
    follow();
    raise(); // above the docks; the tour's panel raises itself above this
    if (m_target)
        m_timer.start();
    else
        m_timer.stop();
}

QRect TourHighlight::targetRect() const
{
    // A floating dock is a window of its own: nothing to draw around in this one.
    if (!m_target || !m_target->isVisible() || !parentWidget() || m_target->window() != parentWidget()->window())
        return QRect();
    const QPoint topLeft = parentWidget()->mapFromGlobal(m_target->mapToGlobal(QPoint(0, 0)));
    return QRect(topLeft, m_target->size());
}

void TourHighlight::follow()
{
    const QRect rect = targetRect();
    if (rect.isNull()) {
        hide();
        return;
    }
    const QRect frame
        = rect.adjusted(-kMargin, -kMargin, kMargin, kMargin).intersected(parentWidget()->rect());
    if (geometry() != frame)
        setGeometry(frame);
    if (!isVisible())
        show();
}

void TourHighlight::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(245, 124, 0), kPen));
    p.setBrush(Qt::NoBrush);
    const qreal half = kPen / 2.0;
    p.drawRoundedRect(QRectF(rect()).adjusted(half, half, -half, -half), 6, 6);
}

} // namespace qb
