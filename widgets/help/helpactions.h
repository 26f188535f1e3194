#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;
class QMenu;

namespace qb {

class ReferenceDialog;
class TourGuide;

/// The Help menu's own entries: the quantizer and nonideality reference (a non-modal dialog, one
/// per window) and the tour (TourGuide). The main window adds them with populate() and keeps About.
class HelpActions : public QObject
{
    Q_OBJECT
public:
    explicit HelpActions(QMainWindow *window);

    /// Adds "Quantizer and nonideality reference…" (F1) and "Tour: train a BNN and its baseline
    /// twin" to `menu`.
    void populate(QMenu *menu);

    QAction *referenceAction() const { return m_reference; }
    QAction *tourAction() const { return m_tour; }
    /// The open reference dialog, or nullptr before it was first opened.
    ReferenceDialog *referenceDialog() const;
    /// The running tour, or nullptr.
    TourGuide *tour() const;

public Q_SLOTS:
    void showReference();
    /// Starts the tour from its first step (ending one that runs).
    void startTour();
    /// Starts the tour on the first interactive start only (TourGuide::startIfFirstRun).
    void startTourIfFirstRun(bool scriptedStart);

private:
    QMainWindow *m_window;
    QAction *m_reference;
    QAction *m_tour;
    QPointer<ReferenceDialog> m_dialog;
    QPointer<TourGuide> m_tourGuide;
};

} // namespace qb
