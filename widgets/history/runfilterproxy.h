#pragma once

#include "store/runrecord.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace qb {

class RunTableModel;

/// Sorts a RunTableModel by its raw values (numbers numerically) and filters its rows by a text
/// (matched case-insensitively in the name, network, dataset, tags and notes) and a status.
/// A group row passes when any of its runs does.
class RunFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RunFilterProxy(QObject *parent = nullptr);

    void setRunModel(RunTableModel *model);
    RunTableModel *runModel() const { return m_model; }

    QString filterText() const { return m_text; }
    void setFilterText(const QString &text);
    /// std::nullopt: every status.
    void setStatusFilter(std::optional<RunStatus> status);
    std::optional<RunStatus> statusFilter() const { return m_status; }

    /// True when `run` passes the text and status filters.
    bool accepts(const RunRecord &run) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    RunTableModel *m_model = nullptr;
    QString m_text;
    std::optional<RunStatus> m_status;
};

} // namespace qb
