#include "history/comparisonview.h"

#include "grid/gridresults.h"
#include "history/gridchart.h"
#include "history/runbarchart.h"
#include "history/sizeaccuracychart.h"
#include "history/sweepchart.h"
#include "store/experimentstore.h"

#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace qb {

ComparisonView::ComparisonView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_scatter = new SizeAccuracyChart(m_tabs);
    m_bars = new RunBarChart(m_tabs);
    m_sweeps = new SweepChart(m_tabs);
    m_tabs->addTab(m_scatter, tr("Accuracy vs size"));
    m_tabs->addTab(m_bars, tr("Selected runs"));
    m_tabs->addTab(m_sweeps, tr("Sweeps"));
    m_grids = new GridChart(m_tabs);
    m_tabs->addTab(m_grids, tr("Grids"));
    connect(m_grids, &GridChart::gridChosen, this, &ComparisonView::showGrid);
    layout->addWidget(m_tabs);
    connect(m_scatter, &SizeAccuracyChart::runActivated, this, &ComparisonView::runActivated);
    connect(m_bars, &RunBarChart::runActivated, this, &ComparisonView::runActivated);
}

ComparisonView::~ComparisonView() = default;

Status ComparisonView::setDatabasePath(const QString &path)
{
    auto store = std::make_unique<ExperimentStore>();
    const Status status = store->open(path);
    if (status) {
        m_store = std::move(store);
        m_storeError.clear();
    } else {
        m_store.reset();
        m_storeError = status.error();
    }
    reloadSweeps();
    reloadGrids();
    return status;
}

void ComparisonView::setRuns(const QList<RunRecord> &all)
{
    m_runs = all;
    m_scatter->setRuns(all);
    m_bars->setRuns(all);
    // Runs that are gone leave the selection.
    QList<qint64> selected;
    for (qint64 id : m_selected) {
        if (std::any_of(all.cbegin(), all.cend(), [id](const RunRecord &r) { return r.id == id; }))
            selected.append(id);
    }
    const bool changed = selected != m_selected;
    setSelectedRuns(selected);
    if (!changed)
        reloadSweeps(); // names, groups or sweeps may be new
    reloadGrids(); // grids' runs may be new
}

void ComparisonView::reloadGrids()
{
    if (!m_store) {
        m_grids->showMessage(m_storeError);
        return;
    }
    const Result<QList<GridRecord>> grids = m_store->grids();
    if (!grids) {
        m_grids->showMessage(grids.error());
        return;
    }
    m_grids->setGrids(*grids); // newest first; shows the chosen one through gridChosen()
}

void ComparisonView::showGrid(qint64 gridId)
{
    if (!m_store || gridId < 0)
        return;
    const Result<GridResults> results = gridResults(*m_store, gridId);
    if (!results) {
        m_grids->showMessage(results.error());
        return;
    }
    m_grids->setResults(*results);
}

void ComparisonView::setSelectedRuns(const QList<qint64> &runIds)
{
    const bool changed = m_selected != runIds;
    m_selected = runIds;
    m_scatter->setSelectedRuns(runIds);
    m_bars->setSelectedRuns(runIds);
    if (changed)
        reloadSweeps();
}

void ComparisonView::reloadSweeps()
{
    if (!m_storeError.isEmpty()) {
        m_sweeps->showMessage(m_storeError);
        return;
    }
    if (m_selected.isEmpty() || !m_store) {
        m_sweeps->showMessage(tr("(select runs to compare their sweeps)"));
        return;
    }
    QList<RunSweeps> runs;
    for (qint64 runId : qAsConst(m_selected)) {
        const auto sweeps = m_store->sweeps(runId);
        if (!sweeps) {
            m_sweeps->showMessage(sweeps.error());
            return;
        }
        RunSweeps run;
        run.runId = runId;
        run.label = labelOf(runId);
        run.sweeps = *sweeps;
        const auto record = std::find_if(
            m_runs.cbegin(), m_runs.cend(), [runId](const RunRecord &r) { return r.id == runId; });
        if (record != m_runs.cend())
            run.groupId = record->groupId;
        runs.append(run);
    }
    m_sweeps->setRuns(runs);
}

QString ComparisonView::labelOf(qint64 runId) const
{
    for (const RunRecord &run : m_runs) {
        if (run.id != runId)
            continue;
        const QString name = run.name.isEmpty() ? run.networkName : run.name;
        if (!name.isEmpty())
            return tr("#%1 %2").arg(runId).arg(name);
    }
    return tr("#%1").arg(runId);
}

int ComparisonView::scatterPointCount() const { return m_scatter->pointCount(); }

int ComparisonView::barCount() const { return m_bars->barCount(); }

int ComparisonView::sweepPointCount() const { return m_sweeps->pointCount(); }

} // namespace qb
