#include "training/trainingtoolbar.h"

#include "training/trainingpanel.h"

#include <QAction>
#include <QLabel>
#include <QProgressBar>

namespace qb {

TrainingToolBar::TrainingToolBar(TrainingPanel *panel, QWidget *parent)
    : QToolBar(tr("Training"), parent)
{
    setObjectName(QStringLiteral("trainingToolBar")); // restoreState() finds toolbars by object name
    // Always in sight: not movable, not floatable, and not offered in the docks' hide menu.
    setMovable(false);
    setFloatable(false);
    toggleViewAction()->setVisible(false);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    addAction(panel->trainAction());
    addAction(panel->stopAction());
    addAction(panel->baselineAction());
    addSeparator();

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("toolBarProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setMaximumWidth(140);
    m_progress->setTextVisible(true);
    addWidget(m_progress);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("toolBarProgressLabel"));
    m_label->setContentsMargins(6, 0, 6, 0);
    // The line changes many times a second: a fixed room for it, so the tool bar does not jitter
    // (and the window never grows); a narrow window shows it in the tool bar's ">>" menu.
    m_label->setFixedWidth(m_label->fontMetrics().averageCharWidth() * 56);
    addWidget(m_label);
    connect(panel, &TrainingPanel::progressChanged, this, &TrainingToolBar::showProgress);
}

void TrainingToolBar::showProgress(int value, int maximum, const QString &text)
{
    m_progress->setRange(0, maximum);
    m_progress->setValue(value);
    m_label->setText(text);
    m_label->setToolTip(text);
    m_progress->setToolTip(text);
}

} // namespace qb
