#pragma once

#include <QList>
#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QScrollArea;

namespace qb {

class AnalysisActions;
class GridActions;
class RunTransferActions;
class ComparisonView;
class ConfusionView;
class SpikesView;
class CurvePlot;
class HelpActions;
class HistoryPanel;
class LayerInspector;
class LayerPalette;
class NetworkCanvas;
class NetworkDocument;
class SummaryPane;
class TrainingPanel;
class TrainingToolBar;
class Workbench;
struct ExperimentSpec;

/// The workbench window: a composition of docks around the network canvas (palette, inspector,
/// summary, training panel, curves, history, comparison, run details) plus menus. It holds no
/// state of its own beyond the layout: the network lives in the Workbench's NetworkDocument and
/// training in its TrainingController. File handling is in networkfileactions.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// `previous`: the window this one replaces after a language switch; its geometry, dock layout,
    /// training settings and current layer are taken over.
    explicit MainWindow(Workbench *workbench, const MainWindow *previous = nullptr);
    ~MainWindow() override;

    /// Brings a view to the front: "editor", "training", "curves", "history", "comparison",
    /// "details", "summary", "inspector", "sweeps" (Comparison ▸ Sweeps), "grids" (Comparison ▸ Grids). Unknown names are ignored.
    void showView(const QString &name);

    NetworkCanvas *canvas() const { return m_canvas; }
    LayerPalette *palette() const { return m_palette; }
    LayerInspector *inspector() const { return m_inspector; }
    SummaryPane *summary() const { return m_summary; }
    TrainingPanel *trainingPanel() const { return m_trainingPanel; }
    CurvePlot *curves() const { return m_curves; }
    HistoryPanel *history() const { return m_history; }
    ComparisonView *comparison() const { return m_comparison; }
    ConfusionView *details() const { return m_details; }
    SpikesView *spikes() const { return m_spikes; }
    /// Run ▸ Evaluate on chips… / Noise sweep… / Fixed-point sweep… (also in the History's menu).
    AnalysisActions *analysis() const { return m_analysis; }
    RunTransferActions *transfer() const { return m_transfer; }
    /// Run ▸ Grid… and Cancel grid.
    GridActions *grids() const { return m_grids; }
    /// An analysis, a grid or an export is running in this window.
    bool hasBackgroundJob() const;
    /// Help ▸ reference and tour.
    HelpActions *helpActions() const { return m_helpActions; }
    TrainingToolBar *trainingToolBar() const { return m_toolBar; }

public Q_SLOTS:
    /// Presses Train in the training panel (what a user's first click does).
    void startTraining();
    /// Puts every dock back where it starts (View ▸ Reset layout): the palette on the left, the
    /// inspector above the model summary (training settings tabbed with it) on the right, the
    /// curves beside the history under the canvas; sizes follow the window, so the inspector and
    /// the summary each keep a usable height on a 1366x768 screen.
    void resetLayout();

Q_SIGNALS:
    /// resetLayout() has arranged and sized the docks (a moment after it was called).
    void layoutReset();

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createViews();
    void createDocks();
    void createMenus();
    void createToolBar();
    void adoptEditsOf(const MainWindow &other);
    void arrangeDocks();
    void scheduleDockSizes();
    QDockWidget *dock(const QString &objectName) const;
    void connectViews();
    void updateTitle();
    void onHistorySelection(const QList<qint64> &runIds);
    void connectAnalysis();
    void connectGrids();
    void showStoredSweep(qint64 runId);
    void openNetworkFromRun(const ExperimentSpec &experiment, const QString &title);
    void applyExperiment(const ExperimentSpec &experiment);
    QDockWidget *addDock(QWidget *widget, const QString &title, const QString &objectName,
        Qt::DockWidgetArea area, bool scrollable = false);

    Workbench *m_workbench;
    NetworkDocument *m_document;
    class NetworkFileActions *m_fileActions = nullptr;
    QScrollArea *m_canvasScroll = nullptr;
    NetworkCanvas *m_canvas = nullptr;
    LayerPalette *m_palette = nullptr;
    LayerInspector *m_inspector = nullptr;
    SummaryPane *m_summary = nullptr;
    TrainingPanel *m_trainingPanel = nullptr;
    CurvePlot *m_curves = nullptr;
    HistoryPanel *m_history = nullptr;
    ComparisonView *m_comparison = nullptr;
    ConfusionView *m_details = nullptr;
    SpikesView *m_spikes = nullptr;
    AnalysisActions *m_analysis = nullptr;
    RunTransferActions *m_transfer = nullptr;
    GridActions *m_grids = nullptr;
    QList<QDockWidget *> m_docks;
    QMenu *m_viewMenu = nullptr;
    HelpActions *m_helpActions = nullptr;
    TrainingToolBar *m_toolBar = nullptr;
    QLabel *m_problemLabel = nullptr;
    bool m_sizeDocksPending = false; ///< scheduleDockSizes() has yet to size the docks
    QByteArray m_pendingState; ///< the layout to restore once the window is shown
};

} // namespace qb
