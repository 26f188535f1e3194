#include "help/helpactions.h"

#include "help/referencedialog.h"
#include "help/tourguide.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>

namespace qb {

HelpActions::HelpActions(QMainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_reference(new QAction(tr("Quantizer and nonideality &reference…"), this))
    , m_tour(new QAction(tr("&Tour: train a BNN and its baseline twin"), this))
{
    m_reference->setObjectName(QStringLiteral("helpReferenceAction"));
    m_reference->setShortcut(QKeySequence::HelpContents);
    m_reference->setStatusTip(
        tr("Every quantizer and hardware nonideality with its parameters and defaults"));
    m_tour->setObjectName(QStringLiteral("helpTourAction"));
    m_tour->setStatusTip(
        tr("A few steps from a binarized network to its comparison with the float baseline"));
    connect(m_reference, &QAction::triggered, this, &HelpActions::showReference);
    connect(m_tour, &QAction::triggered, this, &HelpActions::startTour);
}

ReferenceDialog *HelpActions::referenceDialog() const { return m_dialog; }

TourGuide *HelpActions::tour() const { return m_tourGuide; }

void HelpActions::populate(QMenu *menu)
{
    menu->addAction(m_reference);
    menu->addAction(m_tour);
}

void HelpActions::showReference()
{
    if (!m_dialog)
        m_dialog = new ReferenceDialog(m_window);
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void HelpActions::startTour()
{
    if (m_tourGuide)
        m_tourGuide->finish();
    m_tourGuide = new TourGuide(m_window);
    m_tourGuide->start();
}

void HelpActions::startTourIfFirstRun(bool scriptedStart)
{
    if (!m_tourGuide)
        m_tourGuide = TourGuide::startIfFirstRun(m_window, scriptedStart);
}

} // namespace qb
