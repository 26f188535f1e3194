#pragma once

#include <QToolBar>

class QLabel;
class QProgressBar;

namespace qb {

class TrainingPanel;

/// The main window's always-visible row of training actions: the TrainingPanel's own Train, Stop and
/// Train baseline twin actions (so their enabled state is the panel's, one source of truth), and a
/// compact progress bar with the progress line of the running job beside it. GUI thread.
class TrainingToolBar : public QToolBar
{
    Q_OBJECT
public:
    explicit TrainingToolBar(TrainingPanel *panel, QWidget *parent = nullptr);

    QProgressBar *progressBar() const { return m_progress; }
    QLabel *progressLabel() const { return m_label; }

private:
    void showProgress(int value, int maximum, const QString &text);

    QProgressBar *m_progress = nullptr;
    QLabel *m_label = nullptr;
};

} // namespace qb
