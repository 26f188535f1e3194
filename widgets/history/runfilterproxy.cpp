#include "history/runfilterproxy.h"

#include "history/runtablemodel.h"

namespace qb {

RunFilterProxy::RunFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RunTableModel::SortRole);
    setDynamicSortFilter(true);
}

void RunFilterProxy::setRunModel(RunTableModel *model)
{
    m_model = model;
    setSourceModel(model);
}

void RunFilterProxy::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

void RunFilterProxy::setStatusFilter(std::optional<RunStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateFilter();
}

bool RunFilterProxy::accepts(const RunRecord &run) const
{
    if (m_status && run.status != *m_status)
        return false;
    const QString text = m_text.trimmed();
    if (text.isEmpty())
        return true;
    const auto has = [&](const QString &field) { return field.contains(text, Qt::CaseInsensitive); };
    if (has(run.name) || has(run.networkName) || has(run.dataset) || has(run.notes))
        return true;
    for (const QString &tag : run.tags) {
        if (has(tag))
            return true;
    }
    return false;
}

bool RunFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return true;
    for (const RunRecord &run : m_model->runsAt(sourceRow)) {
        if (accepts(run))
            return true;
    }
    return false;
}

} // namespace qb
