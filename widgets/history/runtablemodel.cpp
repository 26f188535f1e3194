#include "history/runtablemodel.h"

#include "store/experimentstore.h"

#include <QBrush>
#include <QColor>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace qb {

namespace {

QStringList parseTags(const QString &text)
{
    QStringList tags;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags.append(tag);
    }
    return tags;
}

/// A fraction as a percentage with two decimals in the interface's locale ("87.12", "87,12").
QString percentNumber(double fraction) { return QLocale().toString(fraction * 100.0, 'f', 2); }

QString oneLine(const QString &text)
{
    QString line = text;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return line.simplified();
}

} // namespace

RunTableModel::RunTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

RunTableModel::~RunTableModel() = default;

void RunTableModel::setStore(ExperimentStore *store)
{
    beginResetModel();
    m_store = store;
    m_runs.clear();
    m_rows.clear();
    m_specInfo.clear();
    endResetModel();
}

Status RunTableModel::refresh()
{
    Result<QList<RunRecord>> runs = m_store ? m_store->runs() : Result<QList<RunRecord>>(QList<RunRecord>());
    // The grids' specs, to name a grid trial's configuration.
    QHash<qint64, GridSpec> grids;
    if (runs && std::any_of(runs->cbegin(), runs->cend(), [](const RunRecord &r) { return r.gridId >= 0; })) {
        if (const Result<QList<GridRecord>> records = m_store->grids(); records) {
            for (const GridRecord &g : *records) {
                const QJsonObject json = QJsonDocument::fromJson(g.specJson.toUtf8()).object();
                if (Result<GridSpec> spec = GridSpec::fromJson(json); spec)
                    grids.insert(g.id, *spec);
            }
        }
    }
    beginResetModel();
    m_runs = runs ? *runs : QList<RunRecord>();
    m_grids = grids;
    rebuildRows();
    endResetModel();
    if (!runs) {
        Q_EMIT errorOccurred(runs.error());
        return Status::failure(runs.error());
    }
    return Status();
}

void RunTableModel::setGrouped(bool grouped)
{
    if (grouped == m_grouped)
        return;
    beginResetModel();
    m_grouped = grouped;
    rebuildRows();
    endResetModel();
}

void RunTableModel::rebuildRows()
{
    m_rows.clear();
    QHash<qint64, int> groupRow;
    for (int i = 0; i < m_runs.size(); ++i) {
        const qint64 groupId = m_runs.at(i).groupId;
        if (!m_grouped || groupId < 0) {
            m_rows.append(Row{{i}, false});
            continue;
        }
        const auto found = groupRow.constFind(groupId);
        if (found != groupRow.constEnd()) {
            m_rows[*found].members.append(i);
        } else {
            groupRow.insert(groupId, int(m_rows.size()));
            m_rows.append(Row{{i}, true});
        }
    }
    for (Row &row : m_rows) {
        std::sort(row.members.begin(), row.members.end(),
            [this](int a, int b) { return m_runs.at(a).id < m_runs.at(b).id; });
    }
}

int RunTableModel::representative(const Row &row) const
{
    // The group's first run (its id is the group id) when it is still there, else the oldest member.
    for (int i : row.members) {
        if (m_runs.at(i).id == m_runs.at(i).groupId)
            return i;
    }
    return row.members.first();
}

RunRecord RunTableModel::runAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return RunRecord();
    return m_runs.at(representative(m_rows.at(row)));
}

QList<RunRecord> RunTableModel::runsAt(int row) const
{
    QList<RunRecord> result;
    if (row < 0 || row >= m_rows.size())
        return result;
    for (int i : m_rows.at(row).members)
        result.append(m_runs.at(i));
    return result;
}

bool RunTableModel::isGroupRow(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows.at(row).group;
}

int RunTableModel::rowOfRun(qint64 runId) const
{
    for (int r = 0; r < m_rows.size(); ++r) {
        for (int i : m_rows.at(r).members) {
            if (m_runs.at(i).id == runId)
                return r;
        }
    }
    return -1;
}

const RunSpecInfo &RunTableModel::specInfo(qint64 runId) const
{
    auto it = m_specInfo.find(runId);
    if (it == m_specInfo.end()) {
        QString json;
        for (const RunRecord &run : m_runs) {
            if (run.id == runId) {
                json = run.specJson;
                break;
            }
        }
        it = m_specInfo.insert(runId, RunSpecInfo::fromSpecJson(json));
    }
    return *it;
}

SummaryStats RunTableModel::groupFinalAccuracy(qint64 groupId) const
{
    QVector<double> values;
    for (const RunRecord &run : m_runs) {
        if (groupId >= 0 && run.groupId == groupId && run.status == RunStatus::Finished
            && run.finalTestAccuracy >= 0)
            values.append(run.finalTestAccuracy);
    }
    return SummaryStats::of(values);
}

QString RunTableModel::gridText(const RunRecord &run) const
{
    if (run.gridId < 0)
        return QString();
    const auto it = m_grids.constFind(run.gridId);
    if (it == m_grids.cend() || run.gridTrial < 0 || it->seeds < 1)
        return tr("grid %1").arg(run.gridId);
    return tr("grid %1 · %2").arg(run.gridId).arg(it->configurationLabel(it->configurationValues(run.gridTrial / it->seeds)));
}

QString RunTableModel::groupText(qint64 groupId) const
{
    if (groupId < 0)
        return QString();
    // A grid's configuration is its name: the group id says nothing the user chose.
    QString name = tr("group %1").arg(groupId);
    for (const RunRecord &run : m_runs) {
        if (run.groupId == groupId && run.gridId >= 0) {
            name = gridText(run);
            break;
        }
    }
    const SummaryStats stats = groupFinalAccuracy(groupId);
    if (stats.count == 0)
        return tr("%1 (no finished runs)").arg(name);
    // Percent, like the accuracy columns next to it.
    return tr("%1: %2 ± %3 % (n=%4)")
        .arg(name)
        .arg(percentNumber(stats.mean), percentNumber(stats.std))
        .arg(stats.count);
}

SummaryStats RunTableModel::statsOf(const Row &row, bool best) const
{
    QVector<double> values;
    for (int i : row.members) {
        const RunRecord &run = m_runs.at(i);
        const double value = best ? run.bestTestAccuracy : run.finalTestAccuracy;
        if (run.status == RunStatus::Finished && value >= 0)
            values.append(value);
    }
    return SummaryStats::of(values);
}

int RunTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QString RunTableModel::statusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Running:
        return tr("running");
    case RunStatus::Finished:
        return tr("finished");
    case RunStatus::Cancelled:
        return tr("cancelled");
    case RunStatus::Failed:
        return tr("failed");
    case RunStatus::Interrupted:
        return tr("interrupted");
    }
    return QString();
}

QString RunTableModel::accuracyText(double accuracy)
{
    if (accuracy < 0)
        return QString();
    return tr("%1 %").arg(percentNumber(accuracy));
}

QVariant RunTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows.at(index.row());
    if (role == RunIdRole)
        return m_runs.at(representative(row)).id;
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case IdColumn:
        case EpochsColumn:
        case BestAccuracyColumn:
        case FinalAccuracyColumn:
        case ModelSizeColumn:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant();
        }
    }
    if (row.group)
        return groupData(row, index.column(), role);
    return runData(m_runs.at(row.members.first()), index.column(), role);
}

QVariant RunTableModel::runData(const RunRecord &run, int column, int role) const
{
    if (role == Qt::ForegroundRole
        && (run.status == RunStatus::Failed || run.status == RunStatus::Interrupted)
        && column == StatusColumn)
        return QBrush(QColor(0xc0, 0x30, 0x30));
    if (role == Qt::ToolTipRole) {
        if (column == StatusColumn && !run.error.isEmpty())
            return run.error;
        if (column == NotesColumn && !run.notes.isEmpty())
            return run.notes;
        if (column == ModelSizeColumn && !specInfo(run.id).error.isEmpty())
            return specInfo(run.id).error;
        return QVariant();
    }
    const bool display = role == Qt::DisplayRole;
    const bool edit = role == Qt::EditRole;
    const bool sort = role == SortRole;
    if (!display && !edit && !sort)
        return QVariant();

    switch (column) {
    case IdColumn:
        return sort ? QVariant(run.id) : QVariant(QString::number(run.id));
    case NameColumn:
        return run.name;
    case DateColumn:
        if (sort)
            return run.created;
        return run.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case NetworkColumn:
        return run.networkName;
    case DatasetColumn:
        return run.dataset;
    case StatusColumn:
        return statusText(run.status);
    case EpochsColumn:
        if (sort)
            return run.epochsDone;
        return tr("%1/%2").arg(run.epochsDone).arg(run.epochsPlanned);
    case BestAccuracyColumn:
        return sort ? QVariant(run.bestTestAccuracy) : QVariant(accuracyText(run.bestTestAccuracy));
    case FinalAccuracyColumn:
        return sort ? QVariant(run.finalTestAccuracy) : QVariant(accuracyText(run.finalTestAccuracy));
    case ModelSizeColumn: {
        const double kib = specInfo(run.id).modelSizeKiB;
        if (sort)
            return kib;
        return kib < 0 ? QString() : tr("%1 KiB").arg(QLocale().toString(kib, 'f', 2));
    }
    case TagsColumn:
        return run.tags.join(QStringLiteral(", "));
    case NotesColumn:
        return display ? QVariant(oneLine(run.notes)) : QVariant(run.notes);
    case GroupColumn:
        if (sort)
            return run.groupId;
        return groupText(run.groupId);
    }
    return QVariant();
}

QVariant RunTableModel::groupData(const Row &row, int column, int role) const
{
    const RunRecord &first = m_runs.at(representative(row));
    const int count = int(row.members.size());
    if (role == Qt::ToolTipRole) {
        QStringList names;
        for (int i : row.members)
            names.append(tr("#%1 %2").arg(m_runs.at(i).id).arg(m_runs.at(i).name));
        return names.join(QLatin1Char('\n'));
    }
    const bool sort = role == SortRole;
    if (role != Qt::DisplayRole && role != Qt::EditRole && !sort)
        return QVariant();

    switch (column) {
    case NameColumn:
        if (sort)
            return first.name;
        return tr("%1 (%n runs)", "", count).arg(first.name);
    case StatusColumn: {
        bool same = true;
        for (int i : row.members)
            same = same && m_runs.at(i).status == first.status;
        return same ? statusText(first.status) : tr("mixed");
    }
    case BestAccuracyColumn:
    case FinalAccuracyColumn: {
        const SummaryStats stats = statsOf(row, column == BestAccuracyColumn);
        if (sort)
            return stats.count > 0 ? stats.mean : -1.0;
        if (stats.count == 0)
            return QString();
        return tr("%1 ± %2 %").arg(percentNumber(stats.mean), percentNumber(stats.std));
    }
    case TagsColumn: {
        QStringList tags;
        for (int i : row.members) {
            for (const QString &tag : m_runs.at(i).tags) {
                if (!tags.contains(tag))
                    tags.append(tag);
            }
        }
        return tags.join(QStringLiteral(", "));
    }
    default:
        return runData(first, column, role);
    }
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("ID");
    case NameColumn:
        return tr("Name");
    case DateColumn:
        return tr("Date");
    case NetworkColumn:
        return tr("Network");
    case DatasetColumn:
        return tr("Dataset");
    case StatusColumn:
        return tr("Status");
    case EpochsColumn:
        return tr("Epochs");
    case BestAccuracyColumn:
        return tr("Best acc");
    case FinalAccuracyColumn:
        return tr("Final acc");
    case ModelSizeColumn:
        return tr("Model size");
    case TagsColumn:
        return tr("Tags");
    case NotesColumn:
        return tr("Notes");
    case GroupColumn:
        return tr("Group");
    }
    return QVariant();
}

Qt::ItemFlags RunTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    const int column = index.column();
    if (m_store && !m_rows.at(index.row()).group
        && (column == NameColumn || column == TagsColumn || column == NotesColumn))
        f |= Qt::ItemIsEditable;
    return f;
}

bool RunTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !m_store || !checkIndex(index, CheckIndexOption::IndexIsValid)
        || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const int runIndex = m_rows.at(index.row()).members.first();
    RunRecord &run = m_runs[runIndex];
    Status status;
    switch (index.column()) {
    case NameColumn: {
        const QString name = value.toString().trimmed();
        if (name == run.name)
            return true;
        status = m_store->setName(run.id, name);
        if (status)
            run.name = name;
        break;
    }
    case TagsColumn: {
        const QStringList tags
            = value.userType() == QMetaType::QStringList ? value.toStringList() : parseTags(value.toString());
        if (tags == run.tags)
            return true;
        status = m_store->setTags(run.id, tags);
        if (status)
            run.tags = tags;
        break;
    }
    case NotesColumn: {
        const QString notes = value.toString();
        if (notes == run.notes)
            return true;
        status = m_store->setNotes(run.id, notes);
        if (status)
            run.notes = notes;
        break;
    }
    default:
        return false;
    }
    if (!status) {
        Q_EMIT errorOccurred(status.error());
        return false;
    }
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    Q_EMIT runEdited(run.id);
    return true;
}

} // namespace qb
