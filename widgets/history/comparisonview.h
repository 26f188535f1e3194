#pragma once

#include "store/runrecord.h"
#include "util/result.h"

#include <QList>
#include <QWidget>

#include <memory>

class QTabWidget;

namespace qb {

class ExperimentStore;
class RunBarChart;
class SizeAccuracyChart;
class GridChart;
class SweepChart;

/// Charts comparing runs of the history, one tab each: accuracy against model size for every finished
/// run, the final accuracy of the selected runs, and the sweeps of all selected runs overlaid.
/// Reads sweeps through its own ExperimentStore in the GUI thread. A click on a run's point or bar
/// emits runActivated() (the main window selects that run in the history).
class ComparisonView : public QWidget
{
    Q_OBJECT

public:
    explicit ComparisonView(QWidget *parent = nullptr);
    ~ComparisonView() override;

    /// Opens the history the sweeps are read from; an error is shown in the Sweeps tab.
    Status setDatabasePath(const QString &path);
    /// Every run of the history (HistoryPanel::runs()).
    void setRuns(const QList<RunRecord> &all);
    void setSelectedRuns(const QList<qint64> &runIds);
    /// Reads the sweeps of the selected runs again (after a sweep was added).
    void reloadSweeps();
    /// Reads the grids of the history again, and the chosen grid's results.
    void reloadGrids();

    int scatterPointCount() const;
    int barCount() const;
    int sweepPointCount() const;

    QTabWidget *tabs() const { return m_tabs; }
    SizeAccuracyChart *sizeAccuracyChart() const { return m_scatter; }
    RunBarChart *runBarChart() const { return m_bars; }
    SweepChart *sweepChart() const { return m_sweeps; }
    GridChart *gridChart() const { return m_grids; }

Q_SIGNALS:
    /// A run's point (accuracy vs size) or bar was clicked.
    void runActivated(qint64 runId);

private:
    QString labelOf(qint64 runId) const;
    void showGrid(qint64 gridId);

    std::unique_ptr<ExperimentStore> m_store;
    QString m_storeError;
    QList<RunRecord> m_runs;
    QList<qint64> m_selected;
    QTabWidget *m_tabs = nullptr;
    SizeAccuracyChart *m_scatter = nullptr;
    RunBarChart *m_bars = nullptr;
    SweepChart *m_sweeps = nullptr;
    GridChart *m_grids = nullptr;
};

} // namespace qb
