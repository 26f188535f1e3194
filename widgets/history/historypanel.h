#pragma once

#include "spec/experimentspec.h"
#include "store/runrecord.h"
#include "util/result.h"

#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;

namespace qb {

class ExperimentStore;
class RunFilterProxy;
class RunTableModel;

/// The experiment history: a filterable, sortable table of the runs in a history database with
/// actions on the selected runs (rename, tags, notes, delete with their files, open the network in
/// the editor, compare two configurations, CSV export of the table or of a run's epochs).
/// Owns the GUI thread's ExperimentStore on that database.
class HistoryPanel : public QWidget
{
    Q_OBJECT

public:
    enum PanelAction {
        RenameAction,
        TagsAction,
        NotesAction,
        DeleteAction,
        OpenNetworkAction,
        CompareAction,
        ExportTableAction,
        ExportEpochsAction,
        RefreshAction,
        ActionCount
    };

    explicit HistoryPanel(QWidget *parent = nullptr);
    ~HistoryPanel() override;

    /// Opens the history database and lists its runs. A database that cannot be opened (locked,
    /// damaged, not a database) leaves the table empty and shows the error, naming the file, in the panel.
    Status setDatabasePath(const QString &path);
    QString databasePath() const { return m_path; }
    /// The panel's store (nullptr when no database is open). GUI thread only.
    ExperimentStore *store() const { return m_store.get(); }

    /// Every run of the database, newest first.
    QList<RunRecord> runs() const;
    /// The selected runs' ids in view order (a group row stands for all its runs).
    QList<qint64> selectedRunIds() const;
    QList<RunRecord> selectedRuns() const;
    /// Selects the rows of these runs (and clears any other selection).
    void selectRuns(const QList<qint64> &runIds);
    /// "run 12: name" (or "run 12"), for plot legends.
    QString labelOf(qint64 runId) const;
    /// A run's epoch metrics, oldest first (empty on error, which is shown in the panel).
    QList<EpochMetrics> epochsOf(qint64 runId) const;

    /// Writes the runs of the visible rows, in view order, as CSV.
    Status exportTableCsv(const QString &path) const;
    Status exportEpochsCsv(qint64 runId, const QString &path) const;
    /// Deletes runs after asking for confirmation: their rows in the store and their run folders.
    /// Returns false when not confirmed or when something failed (shown in the panel).
    bool deleteRuns(const QList<qint64> &runIds);

    /// Replaces the confirmation question (default: a QMessageBox); gets the question's text and
    /// returns whether to go on. For tests.
    void setConfirmation(std::function<bool(const QString &question)> confirm);

    /// The message line (errors); empty when none is shown.
    QString message() const;

    QTableView *table() const { return m_table; }
    RunTableModel *model() const { return m_model; }
    RunFilterProxy *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *statusCombo() const { return m_status; }
    QCheckBox *groupCheck() const { return m_group; }
    QAction *action(PanelAction which) const { return m_actions[which]; }

    /// Appends actions that other parts of the window offer on the selected runs (the analysis jobs)
    /// to the table's context menu, after a separator. Their owner keeps them enabled or not.
    void addContextActions(const QList<QAction *> &actions);
    /// The table's context menu as it is shown now (the caller owns it).
    QMenu *createContextMenu(QWidget *parent);

public Q_SLOTS:
    /// Reads the runs again, keeping the selection.
    void refresh();

Q_SIGNALS:
    void selectionChanged(const QList<qint64> &runIds);
    /// The runs were read again or edited (for views that show them too).
    void runsChanged();
    /// "Open in editor": the run's frozen experiment (network, training settings and dataset), to
    /// reproduce it. `title` names the run ("beta", or "run 12").
    void openNetworkRequested(const qb::ExperimentSpec &experiment, const QString &title);

private:
    void createActions();
    void updateActions();
    void showMessage(const QString &text);
    void clearMessage();
    void showContextMenu(const QPoint &pos);
    void emitSelection();

    void renameSelected();
    void editTagsOfSelected();
    void editNotesOfSelected();
    void deleteSelected();
    void openNetworkOfSelected();
    void compareSelected();
    void exportTableInteractively();
    void exportEpochsInteractively();

    std::unique_ptr<ExperimentStore> m_store;
    QString m_path;
    RunTableModel *m_model = nullptr;
    RunFilterProxy *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_status = nullptr;
    QCheckBox *m_group = nullptr;
    QLabel *m_message = nullptr;
    QAction *m_actions[ActionCount] = {};
    QList<QPointer<QAction>> m_contextActions; ///< added by addContextActions(), not owned
    std::function<bool(const QString &)> m_confirm;
    QList<qint64> m_lastSelection; ///< what selectionChanged() said last
};

} // namespace qb
