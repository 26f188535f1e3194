#include "history/historypanel.h"

#include "history/historyexport.h"
#include "history/runfilterproxy.h"
#include "history/runspecinfo.h"
#include "history/runtablemodel.h"
#include "history/specdiffdialog.h"
#include "store/experimentstore.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSet>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace qb {

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
{
    m_model = new RunTableModel(this);
    m_proxy = new RunFilterProxy(this);
    m_proxy->setRunModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *filterRow = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("historyFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, network, dataset, tags or notes"));
    m_filter->setClearButtonEnabled(true);
    filterRow->addWidget(m_filter, 1);
    m_status = new QComboBox(this);
    m_status->addItem(tr("All statuses"));
    for (RunStatus s : {RunStatus::Finished, RunStatus::Running, RunStatus::Cancelled, RunStatus::Failed,
             RunStatus::Interrupted})
        m_status->addItem(RunTableModel::statusText(s), int(s));
    filterRow->addWidget(m_status);
    m_group = new QCheckBox(tr("Group repeats"), this);
    m_group->setToolTip(tr("One row per group of repeated runs, with mean ± std of their accuracies"));
    filterRow->addWidget(m_group);
    layout->addLayout(filterRow);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("historyMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #b02020; }"));
    m_message->hide();
    layout->addWidget(m_message);

    createActions();
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QAction *action : m_actions)
        toolbar->addAction(action);
    layout->addWidget(toolbar);

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RunTableModel::IdColumn, Qt::DescendingOrder);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    layout->addWidget(m_table, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &RunFilterProxy::setFilterText);
    connect(m_status, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QVariant data = m_status->itemData(index);
        m_proxy->setStatusFilter(
            data.isValid() ? std::optional<RunStatus>(RunStatus(data.toInt())) : std::nullopt);
    });
    connect(m_group, &QCheckBox::toggled, this, [this](bool grouped) {
        const QList<qint64> selected = selectedRunIds();
        m_model->setGrouped(grouped);
        selectRuns(selected);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &HistoryPanel::emitSelection);
    connect(m_table, &QWidget::customContextMenuRequested, this, &HistoryPanel::showContextMenu);
    connect(m_model, &RunTableModel::errorOccurred, this, &HistoryPanel::showMessage);
    connect(m_model, &RunTableModel::runEdited, this, &HistoryPanel::runsChanged);
    // Rows that appear or vanish under the filter change what the actions apply to.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &HistoryPanel::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &HistoryPanel::emitSelection);
    updateActions();
}

HistoryPanel::~HistoryPanel()
{
    // The model holds a pointer to the store: detach it before the store goes.
    m_model->setStore(nullptr);
}

void HistoryPanel::createActions()
{
    const auto make
        = [this](PanelAction which, const QString &text, const QString &tip, void (HistoryPanel::*slot)()) {
              auto *action = new QAction(text, this);
              action->setToolTip(tip);
              connect(action, &QAction::triggered, this, slot);
              m_actions[which] = action;
          };
    make(RenameAction, tr("Rename"), tr("Rename the selected run"), &HistoryPanel::renameSelected);
    make(TagsAction, tr("Tags…"), tr("Set the tags of the selected runs"), &HistoryPanel::editTagsOfSelected);
    make(NotesAction, tr("Notes…"), tr("Edit the notes of the selected runs"),
        &HistoryPanel::editNotesOfSelected);
    make(DeleteAction, tr("Delete…"), tr("Delete the selected runs and their files"),
        &HistoryPanel::deleteSelected);
    make(OpenNetworkAction, tr("Open run in editor"),
        tr("Open the selected run's network in the editor and its training settings and dataset in the "
           "training panel, to reproduce or vary it"),
        &HistoryPanel::openNetworkOfSelected);
    make(CompareAction, tr("Compare configs"), tr("List the settings in which the two selected runs differ"),
        &HistoryPanel::compareSelected);
    make(ExportTableAction, tr("Export table CSV…"), tr("Save the listed runs as a CSV file"),
        &HistoryPanel::exportTableInteractively);
    make(ExportEpochsAction, tr("Export epochs CSV…"),
        tr("Save the selected run's epoch metrics as a CSV file"), &HistoryPanel::exportEpochsInteractively);
    make(RefreshAction, tr("Refresh"), tr("Read the history again"), &HistoryPanel::refresh);
    m_actions[DeleteAction]->setShortcut(QKeySequence::Delete);
    m_actions[DeleteAction]->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_actions[DeleteAction]);
}

Status HistoryPanel::setDatabasePath(const QString &path)
{
    m_path = path;
    auto store = std::make_unique<ExperimentStore>();
    const Status status = store->open(path);
    if (!status) {
        m_model->setStore(nullptr);
        m_store.reset();
        showMessage(tr("Cannot open the history database %1:\n%2")
                        .arg(QDir::toNativeSeparators(path), status.error()));
        updateActions();
        Q_EMIT runsChanged();
        emitSelection();
        return status;
    }
    m_model->setStore(store.get());
    m_store = std::move(store);
    clearMessage();
    refresh();
    return Status();
}

void HistoryPanel::refresh()
{
    if (!m_store) {
        updateActions();
        return;
    }
    const QList<qint64> selected = selectedRunIds();
    if (m_model->refresh())
        clearMessage();
    selectRuns(selected);
    updateActions();
    Q_EMIT runsChanged();
}

QList<RunRecord> HistoryPanel::runs() const { return m_model->runs(); }

QList<qint64> HistoryPanel::selectedRunIds() const
{
    QList<qint64> ids;
    QSet<qint64> seen;
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
        [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : rows) {
        for (const RunRecord &run : m_model->runsAt(m_proxy->mapToSource(index).row())) {
            if (!seen.contains(run.id)) {
                seen.insert(run.id);
                ids.append(run.id);
            }
        }
    }
    return ids;
}

QList<RunRecord> HistoryPanel::selectedRuns() const
{
    const QList<qint64> ids = selectedRunIds();
    QList<RunRecord> result;
    for (qint64 id : ids) {
        for (const RunRecord &run : m_model->runs()) {
            if (run.id == id)
                result.append(run);
        }
    }
    return result;
}

void HistoryPanel::selectRuns(const QList<qint64> &runIds)
{
    QItemSelection selection;
    QSet<int> rows;
    for (qint64 id : runIds) {
        const int sourceRow = m_model->rowOfRun(id);
        if (sourceRow < 0 || rows.contains(sourceRow))
            continue;
        rows.insert(sourceRow);
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
        if (index.isValid())
            selection.select(index, index);
    }
    auto *selectionModel = m_table->selectionModel();
    selectionModel->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!selection.isEmpty())
        selectionModel->setCurrentIndex(selection.first().topLeft(), QItemSelectionModel::NoUpdate);
}

QString HistoryPanel::labelOf(qint64 runId) const
{
    for (const RunRecord &run : m_model->runs()) {
        if (run.id == runId)
            return run.name.isEmpty() ? tr("run %1").arg(runId) : tr("run %1: %2").arg(runId).arg(run.name);
    }
    return tr("run %1").arg(runId);
}

QList<EpochMetrics> HistoryPanel::epochsOf(qint64 runId) const
{
    if (!m_store)
        return {};
    const auto epochs = m_store->epochs(runId);
    if (!epochs) {
        const_cast<HistoryPanel *>(this)->showMessage(epochs.error());
        return {};
    }
    return *epochs;
}

Status HistoryPanel::exportTableCsv(const QString &path) const
{
    QList<RunRecord> rows;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        rows.append(m_model->runsAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
    return HistoryExport::exportRunsCsv(rows, path);
}

Status HistoryPanel::exportEpochsCsv(qint64 runId, const QString &path) const
{
    if (!m_store)
        return Status::failure(tr("No history database is open."));
    const auto epochs = m_store->epochs(runId);
    if (!epochs)
        return Status::failure(epochs.error());
    return HistoryExport::exportEpochsCsv(runId, *epochs, path);
}

void HistoryPanel::setConfirmation(std::function<bool(const QString &)> confirm)
{
    m_confirm = std::move(confirm);
}

QString HistoryPanel::message() const { return m_message->isHidden() ? QString() : m_message->text(); }

void HistoryPanel::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->show();
}

void HistoryPanel::clearMessage()
{
    m_message->clear();
    m_message->hide();
}

void HistoryPanel::emitSelection()
{
    updateActions();
    // refresh() restores the selection after every re-read (once per epoch while training): only
    // a real change is news.
    const QList<qint64> ids = selectedRunIds();
    if (ids == m_lastSelection)
        return;
    m_lastSelection = ids;
    Q_EMIT selectionChanged(ids);
}

void HistoryPanel::updateActions()
{
    const bool open = m_store != nullptr;
    const QModelIndexList rows = m_table ? m_table->selectionModel()->selectedRows() : QModelIndexList();
    const int runCount = int(selectedRunIds().size());
    const bool oneRow = rows.size() == 1;
    const bool oneRun = runCount == 1;
    const bool singleRunRow = oneRow && !m_model->isGroupRow(m_proxy->mapToSource(rows.first()).row());
    m_actions[RenameAction]->setEnabled(open && singleRunRow);
    m_actions[TagsAction]->setEnabled(open && runCount > 0);
    m_actions[NotesAction]->setEnabled(open && runCount > 0);
    m_actions[DeleteAction]->setEnabled(open && runCount > 0);
    m_actions[OpenNetworkAction]->setEnabled(open && oneRow);
    m_actions[CompareAction]->setEnabled(open && runCount == 2);
    m_actions[ExportTableAction]->setEnabled(open && m_proxy->rowCount() > 0);
    m_actions[ExportEpochsAction]->setEnabled(open && oneRun);
    m_actions[RefreshAction]->setEnabled(!m_path.isEmpty());
}

void HistoryPanel::addContextActions(const QList<QAction *> &actions)
{
    for (QAction *action : actions)
        m_contextActions.append(action);
}

QMenu *HistoryPanel::createContextMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setToolTipsVisible(true); // a disabled action's tooltip says why
    for (PanelAction which : {RenameAction, TagsAction, NotesAction, DeleteAction})
        menu->addAction(m_actions[which]);
    menu->addSeparator();
    menu->addAction(m_actions[OpenNetworkAction]);
    menu->addAction(m_actions[CompareAction]);
    menu->addSeparator();
    menu->addAction(m_actions[ExportTableAction]);
    menu->addAction(m_actions[ExportEpochsAction]);
    bool separated = false;
    for (QAction *action : std::as_const(m_contextActions)) {
        if (!action)
            continue; // deleted by its owner
        if (!separated)
            menu->addSeparator();
        separated = true;
        menu->addAction(action);
    }
    return menu;
}

void HistoryPanel::showContextMenu(const QPoint &pos)
{
    std::unique_ptr<QMenu> menu(createContextMenu(this));
    menu->exec(m_table->viewport()->mapToGlobal(pos));
}

void HistoryPanel::renameSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    const QModelIndex index = rows.first().siblingAtColumn(RunTableModel::NameColumn);
    m_table->setCurrentIndex(index);
    m_table->edit(index);
}

void HistoryPanel::editTagsOfSelected()
{
    const QList<RunRecord> selected = selectedRuns();
    if (selected.isEmpty() || !m_store)
        return;
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Tags"),
        tr("Tags of %n run(s), separated by commas:", "", int(selected.size())), QLineEdit::Normal,
        selected.first().tags.join(QStringLiteral(", ")), &ok);
    if (!ok)
        return;
    QStringList tags;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty() && !tags.contains(part.trimmed()))
            tags.append(part.trimmed());
    }
    for (const RunRecord &run : selected) {
        if (const Status s = m_store->setTags(run.id, tags); !s) {
            showMessage(s.error());
            break;
        }
    }
    refresh();
}

void HistoryPanel::editNotesOfSelected()
{
    const QList<RunRecord> selected = selectedRuns();
    if (selected.isEmpty() || !m_store)
        return;
    bool ok = false;
    const QString notes = QInputDialog::getMultiLineText(
        this, tr("Notes"), tr("Notes of %n run(s):", "", int(selected.size())), selected.first().notes, &ok);
    if (!ok)
        return;
    for (const RunRecord &run : selected) {
        if (const Status s = m_store->setNotes(run.id, notes); !s) {
            showMessage(s.error());
            break;
        }
    }
    refresh();
}

bool HistoryPanel::deleteRuns(const QList<qint64> &runIds)
{
    if (!m_store || runIds.isEmpty())
        return false;
    QStringList names;
    for (qint64 id : runIds) {
        if (names.size() == 15) {
            names.append(tr("… and %n more", "", int(runIds.size()) - 15));
            break;
        }
        QString name;
        for (const RunRecord &run : m_model->runs()) {
            if (run.id == id)
                name = run.name;
        }
        names.append(name.isEmpty() ? tr("#%1").arg(id) : tr("#%1 %2").arg(id).arg(name));
    }
    const QString question
        = tr("Delete %n run(s) with their epochs, sweeps and files? This cannot be undone.", "",
              int(runIds.size()))
        + QStringLiteral("\n\n") + names.join(QLatin1Char('\n'));
    const bool confirmed = m_confirm ? m_confirm(question)
                                     : QMessageBox::question(this, tr("Delete runs"), question,
                                           QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    if (!confirmed)
        return false;

    QStringList errors;
    for (qint64 id : runIds) {
        const QString folder = m_store->runDirectory(id);
        if (const Status s = m_store->deleteRun(id); !s) {
            errors.append(s.error());
            continue;
        }
        if (!folder.isEmpty() && !QDir(folder).removeRecursively())
            errors.append(tr("Run %1 was deleted, but its folder %2 could not be removed completely.")
                              .arg(id)
                              .arg(QDir::toNativeSeparators(folder)));
    }
    refresh();
    if (!errors.isEmpty())
        showMessage(errors.join(QLatin1Char('\n')));
    return errors.isEmpty();
}

void HistoryPanel::deleteSelected() { deleteRuns(selectedRunIds()); }

void HistoryPanel::openNetworkOfSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    const RunRecord run = m_model->runAt(m_proxy->mapToSource(rows.first()).row());
    const RunSpecInfo &info = m_model->specInfo(run.id);
    if (!info.valid) {
        showMessage(tr("Cannot open the network of run %1: %2").arg(run.id).arg(info.error));
        return;
    }
    const QString title = run.name.isEmpty() ? tr("run %1").arg(run.id) : run.name;
    Q_EMIT openNetworkRequested(info.spec, title);
}

void HistoryPanel::compareSelected()
{
    const QList<RunRecord> selected = selectedRuns();
    if (selected.size() != 2)
        return;
    auto *dialog = new SpecDiffDialog(selected.at(0), selected.at(1), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void HistoryPanel::exportTableInteractively()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export table"), QStringLiteral("history.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const Status s = exportTableCsv(path); !s)
        QMessageBox::warning(this, tr("Export table"), s.error());
}

void HistoryPanel::exportEpochsInteractively()
{
    const QList<qint64> ids = selectedRunIds();
    if (ids.size() != 1)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export epochs"),
        QStringLiteral("run-%1-epochs.csv").arg(ids.first()), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const Status s = exportEpochsCsv(ids.first(), path); !s)
        QMessageBox::warning(this, tr("Export epochs"), s.error());
}

} // namespace qb
