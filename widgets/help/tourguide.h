#pragma once

#include "help/tourstep.h"

#include <QFrame>
#include <QList>
#include <QPointer>

class QLabel;
class QMainWindow;
class QPushButton;

namespace qb {

class TourHighlight;

/// The first-run tour: a small panel inside the main window that walks through training a BNN and
/// its float baseline twin, one step at a time, each pointing (TourHighlight) at the dock or button
/// it talks about. It is a child widget, never a modal dialog, so it cannot block anything: the
/// window stays fully usable while it is open, and Skip or Done removes it.
///
/// It starts by itself on the very first interactive start only (AppSettings::tourShown), never in
/// scripted starts (--train, --screenshot, --startup-time), on the offscreen platform (tests, CI) or
/// with QUANTBENCH_NO_TOUR set; Help ▸ Tour starts it at any time. Lives in the GUI thread.
class TourGuide : public QFrame
{
    Q_OBJECT
public:
    /// The tour over `window` (its parent). Not shown until start().
    explicit TourGuide(QMainWindow *window, const QList<TourStep> &steps = defaultSteps());
    ~TourGuide() override;

    /// Pick the preset, look at the summary, Train, Train baseline twin, compare in History and
    /// Comparison.
    static QList<TourStep> defaultSteps();

    /// Whether a start should open the tour by itself: not shown before, not a scripted start,
    /// not a headless platform ("offscreen", "minimal").
    static bool shouldStartAutomatically(bool tourShown, bool scriptedStart, const QString &platformName);
    /// On the first interactive start (shouldStartAutomatically() with the settings, the running
    /// platform and QUANTBENCH_NO_TOUR): starts a tour over `window`, remembers that it was shown,
    /// and returns it. Otherwise does nothing and returns nullptr.
    static TourGuide *startIfFirstRun(QMainWindow *window, bool scriptedStart);

    int stepCount() const { return int(m_steps.size()); }
    /// The step shown, or -1 before start() and after the end.
    int currentStep() const { return m_current; }
    const TourStep &step(int index) const { return m_steps.at(index); }
    /// What the current step points at (a button, a dock, the menu bar), or nullptr.
    QWidget *currentTarget() const { return m_target; }
    TourHighlight *highlight() const;

public Q_SLOTS:
    /// Shows step `index` (clamped).
    void start(int index = 0);
    void next();
    void back();
    /// Ends the tour (Skip, Done): hides it and deletes it later.
    void finish();

Q_SIGNALS:
    void stepChanged(int index);
    void finished();

private:
    QWidget *resolveTarget(const TourStep &step) const;
    void placeNear(const QRect &target);

    QMainWindow *m_window;
    QList<TourStep> m_steps;
    int m_current = -1;
    QPointer<QWidget> m_target;
    QPointer<TourHighlight> m_highlight;
    QLabel *m_progress;
    QLabel *m_title;
    QLabel *m_text;
    QPushButton *m_back;
    QPushButton *m_next;
    QPushButton *m_skip;
};

} // namespace qb
