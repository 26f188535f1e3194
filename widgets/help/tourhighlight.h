#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace qb {

/// A thick rounded frame drawn around another widget of the same window, for the tour. It is a
/// child of the top-level window that ignores the mouse, so everything under it stays usable, and
/// it follows its target (docks are moved and resized by the user) by re-measuring a few times a
/// second while visible. Hidden while the target is hidden or gone.
class TourHighlight : public QWidget
{
    Q_OBJECT
public:
    explicit TourHighlight(QWidget *window);

    void setTarget(QWidget *target);
    QWidget *target() const { return m_target; }
    /// The target's rectangle in the window's coordinates (null when there is none).
    QRect targetRect() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void follow();

    QPointer<QWidget> m_target;
    QTimer m_timer;
};

} // namespace qb
