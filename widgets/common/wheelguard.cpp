#include "common/wheelguard.h"

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QScrollBar>
#include <QSlider>
#include <QWheelEvent>

namespace qb {

namespace {

void useStrongFocus(QWidget *widget)
{
    if (WheelGuard::isGuarded(widget) && widget->focusPolicy() == Qt::WheelFocus)
        widget->setFocusPolicy(Qt::StrongFocus);
}

} // namespace

WheelGuard::WheelGuard(QObject *parent)
    : QObject(parent)
{
}

WheelGuard *WheelGuard::install(QObject *owner)
{
    auto *guard = new WheelGuard(owner);
    qApp->installEventFilter(guard);
    const QList<QWidget *> widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets)
        useStrongFocus(widget);
    return guard;
}

bool WheelGuard::isGuarded(const QWidget *widget)
{
    return qobject_cast<const QAbstractSpinBox *>(widget) || qobject_cast<const QComboBox *>(widget)
        || qobject_cast<const QSlider *>(widget);
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Polish) {
        if (watched->isWidgetType())
            useStrongFocus(static_cast<QWidget *>(watched));
        return false;
    }
    if (event->type() != QEvent::Wheel || !watched->isWidgetType())
        return false;
    auto *widget = static_cast<QWidget *>(watched);
    if (!isGuarded(widget) || widget->hasFocus())
        return false;

    // Not for this field: scroll the nearest scroll area around it instead. Sent to its viewport
    // directly, because Qt does not pass a synthesized wheel event on to the parents.
    auto *wheel = static_cast<QWheelEvent *>(event);
    for (QWidget *parent = widget->parentWidget(); parent; parent = parent->parentWidget()) {
        auto *area = qobject_cast<QAbstractScrollArea *>(parent);
        if (!area)
            continue;
        QWidget *viewport = area->viewport();
        const QPointF local = viewport->mapFromGlobal(wheel->globalPosition());
        QWheelEvent forwarded(local, wheel->globalPosition(), wheel->pixelDelta(), wheel->angleDelta(),
            wheel->buttons(), wheel->modifiers(), wheel->phase(), wheel->inverted(), wheel->source(),
            wheel->pointingDevice());
        QCoreApplication::sendEvent(viewport, &forwarded);
        break;
    }
    return true; // the field never sees it
}

} // namespace qb
