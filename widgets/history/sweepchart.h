#pragma once

#include "store/runrecord.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QCustomPlot;
class QCPErrorBars;
class QCPGraph;
class QLabel;
class QStackedWidget;

namespace qb {

/// The sweeps stored for one run: a post-training quantization sweep ("ptq") as accuracy against
/// the swept bit count, a robustness sweep ("noise") or Monte-Carlo evaluation ("montecarlo") as
/// mean accuracy against the swept value with error bars of ± the std over the simulated chips.
/// A combo box picks the sweep when the run has several; a line of text replaces the plot when it has none.
class SweepChart : public QWidget
{
    Q_OBJECT

public:
    explicit SweepChart(QWidget *parent = nullptr);

    /// The sweeps to offer (oldest first); `runLabel` names their run in the title.
    void setSweeps(const QList<SweepRecord> &sweeps, const QString &runLabel);
    /// Shows only a message (no run selected, or the sweeps could not be read).
    void showMessage(const QString &text);

    int sweepCount() const { return int(m_sweeps.size()); }
    int currentSweep() const;
    void setCurrentSweep(int index);
    int pointCount() const;
    /// Points that carry an error bar (0 for a ptq sweep).
    int errorBarCount() const;
    /// The text shown instead of the plot, or empty while the plot shows.
    QString message() const;
    QComboBox *sweepCombo() const { return m_combo; }
    QCustomPlot *plot() const { return m_plot; }

    /// "ptq: frac_bits (2024-05-01 10:20)": how the combo lists a sweep.
    static QString sweepTitle(const SweepRecord &sweep);

private:
    void showSweep(int index);

    QList<SweepRecord> m_sweeps;
    QString m_runLabel;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QComboBox *m_combo = nullptr;
    QCustomPlot *m_plot = nullptr;
    QCPGraph *m_graph = nullptr;
    QCPErrorBars *m_errors = nullptr;
};

} // namespace qb
