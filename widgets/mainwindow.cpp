#include "mainwindow.h"

#include "analysis/analysisactions.h"
#include "common/appsettings.h"
#include "document/networkdocument.h"
#include "editor/layerpalette.h"
#include "editor/networkcanvas.h"
#include "grid/gridactions.h"
#include "help/helpactions.h"
#include "history/comparisonview.h"
#include "history/confusionview.h"
#include "history/gridchart.h"
#include "history/historypanel.h"
#include "history/runtablemodel.h"
#include "history/spikesview.h"
#include "history/sweepchart.h"
#include "inspector/batchapplydialog.h"
#include "inspector/layerinspector.h"
#include "inspector/summarypane.h"
#include "languagemanager.h"
#include "networkfileactions.h"
#include "spec/experimentspec.h"
#include "training/curveplot.h"
#include "training/trainingcontroller.h"
#include "training/trainingpanel.h"
#include "training/trainingtoolbar.h"
#include "transfer/runtransferactions.h"
#include "workbench.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QShowEvent>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>

namespace qb {

namespace {
/// Version of the saved dock layout: a layout saved by an older default (Train below the fold at
/// 1366x768) is not restored.
constexpr int kLayoutVersion = 1;
} // namespace

MainWindow::MainWindow(Workbench *workbench, const MainWindow *previous)
    : QMainWindow(nullptr)
    , m_workbench(workbench)
    , m_document(workbench->document())
{
    setObjectName(QStringLiteral("MainWindow"));
    setDockOptions(
        QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks | QMainWindow::AllowNestedDocks);
    m_fileActions = new NetworkFileActions(m_document, this);
    createViews();
    m_fileActions->setExperimentHooks([this] { return m_trainingPanel->experimentSpec(); },
        [this](const ExperimentSpec &experiment) { applyExperiment(experiment); });
    createDocks();
    createMenus();
    createToolBar();
    connectViews();
    updateTitle();
    statusBar()->showMessage(
        tr("Ready. Drag layers from the palette, pick quantizers in the inspector, then press Train."));

    // The layout of the window this one replaces (a language switch), else the saved one.
    AppSettings settings;
    const QByteArray geometry = previous ? previous->saveGeometry() : settings.windowGeometry();
    const QByteArray state = previous ? previous->saveState(kLayoutVersion) : settings.windowState();
    // First start: use the whole screen (the canvas, docks and plots all want room).
    QScreen *screen = QGuiApplication::primaryScreen();
    const bool restored = restoreGeometry(geometry);
    // A size saved on a larger screen (the lab's projector, a desktop monitor) would put the toolbar
    // and the docks' edges off a laptop's screen: start as on a first start instead.
    const bool fits = screen && size().width() <= screen->availableSize().width()
        && size().height() <= screen->availableSize().height();
    if (!restored || !fits) {
        if (screen)
            resize(screen->availableSize() * 0.95); // without a window manager, maximizing does nothing
        setWindowState(Qt::WindowMaximized);
    }
    resetLayout(); // the default arrangement, sized for the window's size
    // The saved layout is restored once the window is shown (showEvent): restoreState() on a hidden
    // window with a toolbar leaves Qt 6.4's main-window layout holding freed items, and a later
    // layout pass crashed (language switches and View > Reset layout under tst_guimonkey; valgrind).
    m_pendingState = state;
    if (previous)
        adoptEditsOf(*previous);
}

MainWindow::~MainWindow() = default;

void MainWindow::createViews()
{
    m_canvas = new NetworkCanvas(m_document, this);
    m_canvasScroll = new QScrollArea(this);
    m_canvasScroll->setWidget(m_canvas);
    m_canvasScroll->setWidgetResizable(true);
    m_canvasScroll->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setCentralWidget(m_canvasScroll);

    m_palette = new LayerPalette(this);
    m_inspector = new LayerInspector(m_document, this);
    m_summary = new SummaryPane(m_document, this);
    m_trainingPanel = new TrainingPanel(m_document, m_workbench->controller(), this);
    m_trainingPanel->setDatabasePath(m_workbench->databasePath());
    m_curves = new CurvePlot(this);
    m_history = new HistoryPanel(this);
    m_comparison = new ComparisonView(this);
    m_details = new ConfusionView(this);
    m_history->setDatabasePath(m_workbench->databasePath());
    m_comparison->setDatabasePath(m_workbench->databasePath());
    m_details->setDatabasePath(m_workbench->databasePath());
    if (!m_workbench->options().dataDir.isEmpty())
        m_details->setDataDirectory(m_workbench->options().dataDir);
    m_spikes = new SpikesView(this);
    m_spikes->setDatabasePath(m_workbench->databasePath());
    if (!m_workbench->options().dataDir.isEmpty())
        m_spikes->setDataDirectory(m_workbench->options().dataDir);
    m_analysis = new AnalysisActions(this);
    m_analysis->setDatabasePath(m_workbench->databasePath());
    m_analysis->setDataDirectory(m_workbench->options().dataDir);
    m_history->addContextActions(m_analysis->actions());
    m_transfer = new RunTransferActions(this);
    m_transfer->setDatabasePath(m_workbench->databasePath());
    m_transfer->setDataDirectory(m_workbench->options().dataDir);
    m_history->addContextActions({m_transfer->exportAction()});
    m_grids = new GridActions(this);
    m_grids->setDatabasePath(m_workbench->databasePath());
    m_grids->setDataDirectory(m_workbench->options().dataDir);

    const WorkbenchOptions &options = m_workbench->options();
    AppSettings settings;
    m_trainingPanel->setDatasetName(options.dataset.isEmpty() ? settings.dataset() : options.dataset);
    if (!options.dataDir.isEmpty())
        m_trainingPanel->setDataDirectory(options.dataDir);
    // The network opened at start-up (--preset, --network) brings its own training settings.
    m_trainingPanel->applyNetworkDefaults(m_document->network().trainingDefaults);
    if (options.epochs > 0) {
        TrainSpec spec = m_trainingPanel->trainSpec();
        spec.epochs = options.epochs;
        m_trainingPanel->setTrainSpec(spec);
    }
}

QDockWidget *MainWindow::addDock(QWidget *widget, const QString &title, const QString &objectName,
    Qt::DockWidgetArea area, bool scrollable)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName); // restoreState() finds docks by object name
    dock->setWidget(widget);
    if (scrollable) {
        // Tall forms scroll inside their dock, so the window still fits a 1366x768 lab laptop.
        auto *scroll = new QScrollArea(dock);
        scroll->setWidget(widget);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        dock->setWidget(scroll);
    }
    addDockWidget(area, dock);
    m_docks.append(dock);
    return dock;
}

void MainWindow::createDocks()
{
    // Where they go: arrangeDocks().
    addDock(m_palette, tr("Layers"), QStringLiteral("paletteDock"), Qt::LeftDockWidgetArea);
    addDock(m_inspector, tr("Inspector"), QStringLiteral("inspectorDock"), Qt::RightDockWidgetArea);
    addDock(m_summary, tr("Model summary"), QStringLiteral("summaryDock"), Qt::RightDockWidgetArea, true);
    addDock(m_trainingPanel, tr("Training"), QStringLiteral("trainingDock"), Qt::RightDockWidgetArea, true);
    addDock(m_curves, tr("Curves"), QStringLiteral("curvesDock"), Qt::BottomDockWidgetArea);
    addDock(m_history, tr("History"), QStringLiteral("historyDock"), Qt::BottomDockWidgetArea);
    addDock(m_comparison, tr("Comparison"), QStringLiteral("comparisonDock"), Qt::BottomDockWidgetArea);
    addDock(m_details, tr("Run details"), QStringLiteral("detailsDock"), Qt::BottomDockWidgetArea);
    addDock(m_spikes, tr("Spikes"), QStringLiteral("spikesDock"), Qt::BottomDockWidgetArea);
}

QDockWidget *MainWindow::dock(const QString &objectName) const
{
    for (QDockWidget *d : m_docks) {
        if (d->objectName() == objectName)
            return d;
    }
    return nullptr;
}

void MainWindow::resetLayout()
{
    arrangeDocks();
    scheduleDockSizes();
}

void MainWindow::arrangeDocks()
{
    // The side columns run the full height, so the inspector and the summary are not squeezed by
    // the curves; the curves and the history share the space under the canvas. Arranged by hand,
    // not with restoreState(): Qt 6.4 frees a toolbar's layout item when restoreState() runs twice
    // before the window is laid out (a hidden window, say), and the next layout uses it.
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    QDockWidget *palette = dock(QStringLiteral("paletteDock"));
    QDockWidget *inspector = dock(QStringLiteral("inspectorDock"));
    QDockWidget *summary = dock(QStringLiteral("summaryDock"));
    QDockWidget *training = dock(QStringLiteral("trainingDock"));
    QDockWidget *curves = dock(QStringLiteral("curvesDock"));
    QDockWidget *history = dock(QStringLiteral("historyDock"));
    QDockWidget *comparison = dock(QStringLiteral("comparisonDock"));
    QDockWidget *details = dock(QStringLiteral("detailsDock"));
    QDockWidget *spikes = dock(QStringLiteral("spikesDock"));
    for (QDockWidget *d : std::as_const(m_docks)) {
        d->setFloating(false);
        removeDockWidget(d);
    }
    addDockWidget(Qt::LeftDockWidgetArea, palette);
    addDockWidget(Qt::RightDockWidgetArea, inspector);
    splitDockWidget(inspector, summary, Qt::Vertical);
    tabifyDockWidget(summary, training);
    addDockWidget(Qt::BottomDockWidgetArea, curves);
    splitDockWidget(curves, history, Qt::Horizontal);
    tabifyDockWidget(history, comparison);
    tabifyDockWidget(comparison, details);
    tabifyDockWidget(details, spikes);
    for (QDockWidget *d : std::as_const(m_docks))
        d->show();
    summary->raise();
    history->raise();
    m_toolBar->show();
}

void MainWindow::scheduleDockSizes()
{
    // Sizes on the next turn of the event loop, when the window has its final size (at the first
    // start too, where it is shown after this) and the re-arranged docks are laid out. The curves
    // and the history share what the side columns leave: sizes that add up to more would take it
    // from the side columns.
    m_sizeDocksPending = true;
    QTimer::singleShot(0, this, [this] {
        if (!m_sizeDocksPending)
            return; // a saved layout was restored meanwhile
        m_sizeDocksPending = false;
        QDockWidget *palette = dock(QStringLiteral("paletteDock"));
        QDockWidget *inspector = dock(QStringLiteral("inspectorDock"));
        QDockWidget *summary = dock(QStringLiteral("summaryDock"));
        QDockWidget *curves = dock(QStringLiteral("curvesDock"));
        QDockWidget *history = dock(QStringLiteral("historyDock"));
        const QSize area = size();
        const int left = area.width() * 11 / 100;
        const int right = area.width() * 29 / 100;
        const int middle = area.width() - left - right;
        resizeDocks({palette, inspector}, {left, right}, Qt::Horizontal);
        resizeDocks({inspector, summary}, {area.height() / 2, area.height() / 2}, Qt::Vertical);
        resizeDocks({curves}, {area.height() * 45 / 100}, Qt::Vertical);
        resizeDocks({curves, history}, {middle * 55 / 100, middle * 45 / 100}, Qt::Horizontal);
        Q_EMIT layoutReset();
    });
}

void MainWindow::createToolBar()
{
    m_toolBar = new TrainingToolBar(m_trainingPanel, this);
    addToolBar(Qt::TopToolBarArea, m_toolBar);

    // Why Train is disabled, in the status bar: the training dock may be hidden or scrolled.
    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    QPalette palette = m_problemLabel->palette();
    palette.setColor(QPalette::WindowText, QColor(176, 0, 32));
    m_problemLabel->setPalette(palette);
    m_problemLabel->setMinimumWidth(1); // a long message is cut, never widens the window
    statusBar()->addPermanentWidget(m_problemLabel);
    auto showProblem = [this](const QString &problem) {
        QString line = problem;
        line.replace(QLatin1Char('\n'), QLatin1Char(' '));
        m_problemLabel->setText(line);
        m_problemLabel->setToolTip(problem);
        m_problemLabel->setVisible(!problem.isEmpty());
    };
    connect(m_trainingPanel, &TrainingPanel::problemChanged, this, showProblem);
    showProblem(m_trainingPanel->problem());
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_fileActions->populate(file);
    file->addSeparator();
    file->addAction(m_transfer->exportAction());
    file->addAction(m_transfer->importAction());
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("D&uplicate layer"), m_canvas, &NetworkCanvas::duplicateCurrent);
    edit->addAction(tr("&Delete layer"), m_canvas, &NetworkCanvas::removeCurrent);
    edit->addSeparator();
    edit->addAction(tr("&Batch apply…"), this, [this] {
        BatchApplyDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted)
            applyBatchEdit(m_document, dialog.action(), dialog.sigma());
    });

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : std::as_const(m_docks))
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(tr("&Reset layout"), this, &MainWindow::resetLayout)
        ->setObjectName(QStringLiteral("resetLayoutAction"));

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(tr("&Train"), QKeySequence(Qt::CTRL | Qt::Key_T), this, &MainWindow::startTraining);
    run->addAction(tr("&Stop"), this, [this] { m_workbench->controller()->stop(); });
    run->addSeparator();
    run->addActions(m_analysis->actions());
    run->addAction(m_analysis->cancelAction());
    run->addSeparator();
    run->addAction(m_grids->gridAction());
    run->addAction(m_grids->cancelAction());
    run->setToolTipsVisible(true); // a disabled analysis action's tooltip says why

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    QMenu *language = settings->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    const QString chosen = AppSettings().language();
    QStringList codes = LanguageManager::available();
    codes.prepend(QString()); // follow the system
    for (const QString &code : std::as_const(codes)) {
        QAction *action
            = language->addAction(code.isEmpty() ? tr("System language") : LanguageManager::nativeName(code));
        action->setCheckable(true);
        action->setChecked(code == chosen);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] {
            // The window is rebuilt in the new language: a running analysis belongs to this one.
            if (m_analysis->isBusy())
                QMessageBox::information(this, tr("Language"),
                    tr("The language can be changed when the running analysis has finished."));
            else if (m_grids->isBusy())
                QMessageBox::information(this, tr("Language"),
                    tr("The language can be changed when the running grid has finished."));
            else if (!m_workbench->setLanguage(code))
                QMessageBox::information(this, tr("Language"),
                    tr("The language can be changed when the current run has finished."));
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    m_helpActions = new HelpActions(this);
    m_helpActions->populate(help);
    help->addSeparator();
    help->addAction(tr("&About QuantBench"), this, [this] {
        QMessageBox::about(this, tr("About QuantBench"),
            tr("<b>QuantBench</b> %1<br>A workbench for binary, ternary and few-bit neural networks "
               "and simulated hardware nonidealities.<br>Qt %2.")
                .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });
}

void MainWindow::connectViews()
{
    connect(m_canvas, &NetworkCanvas::currentLayerChanged, m_inspector, &LayerInspector::setCurrentLayer);
    connect(m_palette, &LayerPalette::layerActivated, m_canvas, &NetworkCanvas::insertAfterCurrent);
    connect(m_canvas, &NetworkCanvas::hintShown, this,
        [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    connect(m_document, &NetworkDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &NetworkDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &NetworkDocument::networkReset, this, &MainWindow::updateTitle);
    connect(m_fileActions, &NetworkFileActions::networkOpened, this, [this](const NetworkSpec &network) {
        if (m_trainingPanel->applyNetworkDefaults(network.trainingDefaults))
            statusBar()->showMessage(
                tr("The training settings are those %1 was published with.").arg(m_document->displayName()));
    });

    TrainingController *controller = m_workbench->controller();
    connect(controller, &TrainingController::runStarted, this, [this](qint64 runId, int index, int repeats) {
        const QString label = repeats > 1
            ? tr("run %1 (seed %2 of %3)").arg(runId).arg(index + 1).arg(repeats)
            : tr("run %1").arg(runId);
        m_history->refresh();
        statusBar()->showMessage(tr("Training %1…").arg(label));
    });
    m_curves->followController(controller);
    connect(controller, &TrainingController::epochFinished, this, [this] { m_history->refresh(); });
    connect(controller, &TrainingController::runFinished, this,
        [this](qint64 runId, RunStatus status, const QString &message) {
            m_history->refresh();
            m_comparison->setRuns(m_history->runs());
            // A run that failed before its history row existed (no dataset, say) has no id.
            const QString text = runId < 0 ? tr("Training failed: %1").arg(message)
                : message.isEmpty()
                ? tr("Run %1 ended: %2").arg(runId).arg(RunTableModel::statusText(status))
                : tr("Run %1 ended: %2: %3").arg(runId).arg(RunTableModel::statusText(status), message);
            statusBar()->showMessage(text);
        });

    connect(m_history, &HistoryPanel::selectionChanged, this, &MainWindow::onHistorySelection);
    connect(m_history, &HistoryPanel::openNetworkRequested, this, &MainWindow::openNetworkFromRun);
    connect(m_comparison, &ComparisonView::runActivated, m_history,
        [this](qint64 id) { m_history->selectRuns({id}); });
    m_comparison->setRuns(m_history->runs());
    connectAnalysis();
    connectGrids();
}

void MainWindow::connectGrids()
{
    // The grid varies what Train would train now: the open network and the training settings.
    m_grids->setExperimentSource([this] {
        m_grids->setDataDirectory(m_trainingPanel->dataDirectory());
        return m_trainingPanel->experimentSpec();
    });
    connect(m_grids, &GridActions::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text); });
    connect(m_grids, &GridActions::trialsMerged, this, [this] {
        m_history->refresh();
        m_comparison->setRuns(m_history->runs());
    });
}

void MainWindow::connectAnalysis()
{
    // The analysis jobs act on the history's selection; they and training exclude each other (both
    // draw from torch's global random generator: see AnalysisActions).
    const auto updateSelection = [this] { m_analysis->setSelectedRuns(m_history->selectedRuns()); };
    connect(m_history, &HistoryPanel::selectionChanged, m_analysis, updateSelection);
    connect(m_history, &HistoryPanel::runsChanged, m_analysis, updateSelection);
    updateSelection();
    TrainingController *controller = m_workbench->controller();
    connect(controller, &TrainingController::stateChanged, m_analysis,
        [this, controller] { m_analysis->setTrainingRunning(controller->isRunning()); });
    m_analysis->setTrainingRunning(controller->isRunning());
    connect(m_analysis, &AnalysisActions::busyChanged, this, [this](bool busy) {
        m_trainingPanel->setEnabled(!busy);
        m_trainingPanel->setToolTip(
            busy ? tr("Training can start when the running analysis has finished.") : QString());
    });
    connect(m_analysis, &AnalysisActions::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text); });
    connect(m_analysis, &AnalysisActions::sweepStored, this, &MainWindow::showStoredSweep);

    // Export and import: the selection's first run; they wait while training or an analysis runs
    // (the export's confusion matrix evaluates the run, see RunTransferActions).
    const auto updateTransfer = [this, controller] {
        m_transfer->setSelectedRuns(m_history->selectedRuns());
        m_transfer->setBlocked(controller->isRunning() ? tr("Export waits until training has finished")
                : m_analysis->isBusy() ? tr("Export waits until the running analysis has finished")
                                       : QString());
    };
    connect(m_history, &HistoryPanel::selectionChanged, m_transfer, updateTransfer);
    connect(m_history, &HistoryPanel::runsChanged, m_transfer, updateTransfer);
    connect(controller, &TrainingController::stateChanged, m_transfer, updateTransfer);
    connect(m_analysis, &AnalysisActions::busyChanged, m_transfer, updateTransfer);
    updateTransfer();
    connect(m_transfer, &RunTransferActions::busyChanged, this,
        [this](bool busy) { m_trainingPanel->setEnabled(!busy && !m_analysis->isBusy()); });
    connect(m_transfer, &RunTransferActions::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text); });
    connect(m_transfer, &RunTransferActions::runImported, this, [this](qint64 runId) {
        m_history->refresh();
        m_history->selectRuns({runId});
    });
}

void MainWindow::showStoredSweep(qint64 runId)
{
    // The Sweeps tab shows the first selected run's sweeps: make that the run just analysed.
    if (m_history->selectedRunIds().value(0, -1) != runId)
        m_history->selectRuns({runId});
    m_comparison->reloadSweeps();
    showView(QStringLiteral("sweeps"));
}

void MainWindow::onHistorySelection(const QList<qint64> &runIds)
{
    QList<OverlayRun> overlays;
    for (qint64 id : runIds)
        overlays.append(OverlayRun{id, m_history->labelOf(id), m_history->epochsOf(id)});
    m_curves->setOverlayRuns(overlays);
    m_comparison->setSelectedRuns(runIds);
    if (runIds.size() == 1) {
        m_details->setRun(runIds.first());
        m_spikes->setRun(runIds.first());
    }
}

void MainWindow::openNetworkFromRun(const ExperimentSpec &experiment, const QString &title)
{
    if (!m_fileActions->maybeSave())
        return;
    m_document->reset(experiment.network);
    applyExperiment(experiment);
    statusBar()->showMessage(tr("Opened %1: its network, training settings and dataset").arg(title));
}

void MainWindow::applyExperiment(const ExperimentSpec &experiment)
{
    m_trainingPanel->setTrainSpec(experiment.train);
    m_trainingPanel->setDatasetName(experiment.dataset);
}

void MainWindow::startTraining()
{
    if (m_analysis->isBusy()) {
        statusBar()->showMessage(tr("Training can start when the running analysis has finished."));
        return;
    }
    m_trainingPanel->train();
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — QuantBench").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::adoptEditsOf(const MainWindow &other)
{
    m_trainingPanel->setTrainSpec(other.m_trainingPanel->trainSpec());
    m_trainingPanel->setDatasetName(other.m_trainingPanel->datasetName());
    m_canvas->setCurrentLayer(other.m_canvas->currentLayer());
}

void MainWindow::showView(const QString &name)
{
    if (name == QLatin1String("editor")) {
        m_canvas->setFocus();
        return;
    }
    if (name == QLatin1String("sweeps")) { // the Comparison dock's Sweeps tab
        showView(QStringLiteral("comparison"));
        m_comparison->tabs()->setCurrentWidget(m_comparison->sweepChart());
        return;
    }
    if (name == QLatin1String("grids")) { // the Comparison dock's Grids tab
        showView(QStringLiteral("comparison"));
        m_comparison->tabs()->setCurrentWidget(m_comparison->gridChart());
        return;
    }
    for (QDockWidget *dock : std::as_const(m_docks)) {
        if (dock->objectName() == name + QLatin1String("Dock")) {
            dock->show();
            dock->raise();
        }
    }
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_pendingState.isEmpty())
        return;
    if (restoreState(m_pendingState, kLayoutVersion))
        m_sizeDocksPending = false; // keep the saved dock sizes
    m_pendingState.clear();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    TrainingController *controller = m_workbench->controller();
    if (controller->isRunning()) {
        const auto answer = QMessageBox::question(this, tr("Training in progress"),
            tr("A run is training. Stop it (it is kept in the history as "
               "cancelled) and quit?"));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        controller->stop();
    }
    if (m_analysis->isBusy()) {
        const auto answer = QMessageBox::question(this, tr("Analysis in progress"),
            tr("An evaluation or sweep is running. Cancel it (nothing is stored) and quit?"));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_analysis->cancel();
    }
    if (m_grids->isBusy()) {
        const auto answer = QMessageBox::question(this, tr("Grid in progress"),
            tr("A grid is running. Stop its trials (start the same grid again to go on) and quit?"));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_grids->cancel();
    }
    if (!m_fileActions->maybeSave()) {
        event->ignore();
        return;
    }
    AppSettings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState(kLayoutVersion));
    settings.setDataset(m_trainingPanel->datasetName());
    event->accept();
}

bool MainWindow::hasBackgroundJob() const
{
    return m_analysis->isBusy() || m_grids->isBusy() || m_transfer->isBusy();
}

} // namespace qb
