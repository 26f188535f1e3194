#include "history/comparisonview.h"

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
    layout->addWidget(m_tabs);
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
    setSelectedRuns(selected);
}

void ComparisonView::setSelectedRuns(const QList<qint64> &runIds)
{
    const bool sweepRunChanged = m_selected.value(0, -1) != runIds.value(0, -1);
    m_selected = runIds;
    m_scatter->setSelectedRuns(runIds);
    m_bars->setSelectedRuns(runIds);
    if (sweepRunChanged)
        reloadSweeps();
}

void ComparisonView::reloadSweeps()
{
    if (!m_storeError.isEmpty()) {
        m_sweeps->showMessage(m_storeError);
        return;
    }
    if (m_selected.isEmpty() || !m_store) {
        m_sweeps->showMessage(tr("(select a run to see its sweeps)"));
        return;
    }
    const qint64 runId = m_selected.first();
    const auto sweeps = m_store->sweeps(runId);
    if (!sweeps) {
        m_sweeps->showMessage(sweeps.error());
        return;
    }
    QString label = tr("run %1").arg(runId);
    for (const RunRecord &run : m_runs) {
        if (run.id == runId && !run.name.isEmpty())
            label = tr("run %1: %2").arg(runId).arg(run.name);
    }
    m_sweeps->setSweeps(*sweeps, label);
}

int ComparisonView::scatterPointCount() const { return m_scatter->pointCount(); }

int ComparisonView::barCount() const { return m_bars->barCount(); }

int ComparisonView::sweepPointCount() const { return m_sweeps->pointCount(); }

} // namespace qb
