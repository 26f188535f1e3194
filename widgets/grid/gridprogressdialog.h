#pragma once

#include "grid/gridspec.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace qb {

/// The trials of a running grid, one row each (configuration, seed, state, the run or why it
/// failed), a progress bar and Cancel. Not modal: the window stays usable while the grid runs.
/// GridActions fills it in the GUI thread.
class GridProgressDialog : public QDialog
{
    Q_OBJECT
public:
    enum class TrialState { Pending, Running, Finished, Failed };

    explicit GridProgressDialog(QWidget *parent = nullptr);

    /// Lists the trials of grid `gridId`, all pending.
    void setGrid(qint64 gridId, const GridSpec &spec);
    void setTrialState(int index, TrialState state, const QString &detail = QString());
    TrialState trialState(int index) const;
    void setProgress(int total, int done, int failed, int running, double etaSeconds);
    /// The grid ended (or was cancelled): Cancel becomes Close.
    void setEnded(const QString &text);

    QTableWidget *table() const { return m_table; }
    QPushButton *cancelButton() const { return m_cancel; }
    QString statusText() const;
    static QString stateText(TrialState state);

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_close = nullptr;
    QList<TrialState> m_states;
};

} // namespace qb
