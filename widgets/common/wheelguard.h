#pragma once

#include <QObject>

class QWidget;

namespace qb {

/// Keeps the mouse wheel from changing values by accident. Installed once on the application, it
/// lets the wheel change a QAbstractSpinBox, QComboBox or QSlider only while that field has the
/// keyboard focus (the user clicked or tabbed into it); over an unfocused field the wheel scrolls
/// the enclosing scroll area instead, as if the field were not there. It also gives every such
/// field Qt::StrongFocus, so the wheel never focuses one either. Without it, scrolling a dock's
/// form turned batch size 64 into 54 unnoticed. GUI thread.
class WheelGuard : public QObject
{
    Q_OBJECT
public:
    explicit WheelGuard(QObject *parent = nullptr);

    /// Installs a guard on the application (owned by `owner`) and fixes the focus policy of the
    /// fields that already exist; later ones are fixed when they are polished.
    static WheelGuard *install(QObject *owner);
    /// Whether `widget` is a field the guard protects.
    static bool isGuarded(const QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace qb
