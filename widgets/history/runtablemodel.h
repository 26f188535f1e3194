#pragma once

#include "grid/gridspec.h"
#include "history/runspecinfo.h"
#include "store/runrecord.h"
#include "util/result.h"
#include "util/summarystats.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace qb {

class ExperimentStore;

/// The runs of an experiment history as a table, one row per run, or in grouped mode one row per
/// group of repeated runs (mean ± population std of the members' accuracies) plus one per ungrouped run.
///
/// Reads and writes through an ExperimentStore it does not own, which lives in the GUI thread (stores
/// are per thread). Qt::DisplayRole gives formatted text; SortRole (Qt::UserRole) the raw values
/// (numbers as numbers) so a QSortFilterProxyModel with that sort role sorts numerically.
/// Name, Tags (comma-separated) and Notes are editable on single-run rows and written to the store at once.
class RunTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        NameColumn,
        DateColumn,
        NetworkColumn,
        DatasetColumn,
        StatusColumn,
        EpochsColumn,
        BestAccuracyColumn,
        FinalAccuracyColumn,
        ModelSizeColumn,
        TagsColumn,
        NotesColumn,
        GroupColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, ///< raw value: number, date time or text
        RunIdRole, ///< qint64: the run (for a group row: the group's first run)
    };

    explicit RunTableModel(QObject *parent = nullptr);
    ~RunTableModel() override;

    /// The store to read and write (not owned; nullptr: an empty table). Clears the table; call refresh().
    void setStore(ExperimentStore *store);
    ExperimentStore *store() const { return m_store; }

    /// Reads all runs from the store again. On failure the table is emptied and errorOccurred() emitted.
    Status refresh();

    bool isGrouped() const { return m_grouped; }
    /// One row per group of repeated runs (and per ungrouped run).
    void setGrouped(bool grouped);

    /// All runs read by the last refresh(), newest first.
    const QList<RunRecord> &runs() const { return m_runs; }
    /// The run shown in `row` (for a group row: the group's first run).
    RunRecord runAt(int row) const;
    /// The runs behind `row`: one, or every member of a group row (ascending ids).
    QList<RunRecord> runsAt(int row) const;
    bool isGroupRow(int row) const;
    /// The row that shows run `runId` (in grouped mode: its group's row), or -1.
    int rowOfRun(qint64 runId) const;
    /// Epoch metrics etc. are in the store; this is the cached spec information of a listed run.
    const RunSpecInfo &specInfo(qint64 runId) const;
    /// Final test accuracies of the finished runs of group `groupId` (SummaryStats::count 0: none).
    SummaryStats groupFinalAccuracy(qint64 groupId) const;
    /// "group 12: 87.12 ± 0.40 % (n=3)": percent, like the accuracy columns. A grid's group names its
    /// grid and configuration instead: "grid 3 · train.learning_rate=0.01: 87.12 ± 0.40 % (n=3)".
    QString groupText(qint64 groupId) const;
    /// "grid 3 · train.learning_rate=0.01" for a trial of a grid; empty for other runs.
    QString gridText(const RunRecord &run) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    static QString statusText(RunStatus status);
    /// 0.87123 -> "87.12 %" (in the interface's locale: "87,12 %"); negative (none) -> "".
    static QString accuracyText(double accuracy);

Q_SIGNALS:
    /// A read or a write failed; the message names the database.
    void errorOccurred(const QString &message);
    /// A run's name, tags or notes were written to the store.
    void runEdited(qint64 runId);

private:
    struct Row
    {
        QList<int> members; ///< indexes into m_runs; for a group, ascending run ids
        bool group = false;
    };

    void rebuildRows();
    int representative(const Row &row) const;
    QVariant runData(const RunRecord &run, int column, int role) const;
    QVariant groupData(const Row &row, int column, int role) const;
    SummaryStats statsOf(const Row &row, bool best) const;

    ExperimentStore *m_store = nullptr;
    QList<RunRecord> m_runs;
    QList<Row> m_rows;
    bool m_grouped = false;
    mutable QHash<qint64, RunSpecInfo> m_specInfo;
    QHash<qint64, GridSpec> m_grids; ///< the grids of the listed runs, read by refresh()
};

} // namespace qb
