// The whole workbench window, driven as a user would: edit with the palette, canvas and inspector,
// train from the training panel, watch the curves, use the history.
#include "widgets/training/trainingtestutil.h"

#include "analysis/analysisactions.h"
#include "common/appsettings.h"
#include "document/networkdocument.h"
#include "editor/layerpalette.h"
#include "editor/networkcanvas.h"
#include "history/comparisonview.h"
#include "help/helpactions.h"
#include "help/referencedialog.h"
#include "help/tourguide.h"
#include "history/historypanel.h"
#include "inspector/layerinspector.h"
#include "inspector/quantizereditor.h"
#include "mainwindow.h"
#include "spec/presetlibrary.h"
#include "store/experimentstore.h"
#include "training/curveplot.h"
#include "training/trainingcontroller.h"
#include "training/trainingpanel.h"
#include "training/trainingtoolbar.h"
#include "workbench.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>
#include <QWheelEvent>

using namespace qb;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void editingRoundTripsThroughUndo();
    void invalidEditBlocksTrain();
    void trainingFromThePanelDrawsCurvesAndRecordsTheRun();
    void stopEndsTheRunCancelled();
    void twoSelectedRunsOverlayTwoCurves();
    void analysisJobsActOnTheSelectedRun();
    void comparisonClickSelectsTheRun();
    void languageSwitchRebuildsTheWindow();
    void fitsALabLaptopScreen();
    void aGeometrySavedOnALargerScreenIsNotRestored();
    void helpMenuReferenceAndTour();
    void openingARunRestoresItsTrainingSettings();
    void trainIsVisibleWithoutScrolling_data();
    void trainIsVisibleWithoutScrolling();
    void inspectorAndSummaryAreUsableOnALabLaptop();
    void tabsFitWithoutScrolling_data();
    void tabsFitWithoutScrolling();
    void resetLayoutRestoresTheDefaultArrangement();
    void theWheelOverTheTrainingFormScrollsInsteadOfChangingValues();

private:
    std::unique_ptr<Workbench> makeWorkbench(
        const NetworkSpec &network, const QString &language = QStringLiteral("en"));
    /// The toolbar button of the panel's Train action, Stop action, ...
    static QToolButton *toolButton(MainWindow *window, QAction *action)
    {
        return qobject_cast<QToolButton *>(window->trainingToolBar()->widgetForAction(action));
    }
    /// The window as it starts on a screen of about `size`: the test platform's screen is smaller,
    /// so the window is resized and its layout reset, which arranges the docks for the window's
    /// size as the first start does for the screen's.
    static void resizeWindow(MainWindow *window, const QSize &size)
    {
        window->setWindowState(Qt::WindowNoState); // it starts maximized, to the test screen's size
        window->resize(size);
        QTRY_COMPARE(window->size(), size);
        QSignalSpy reset(window, &MainWindow::layoutReset);
        window->resetLayout();
        QTRY_VERIFY(!reset.isEmpty());
        QApplication::processEvents(); // the layout request of the resized docks
    }
    QByteArray networkJson(Workbench &bench) const
    {
        return QJsonDocument(bench.document()->network().toJson()).toJson(QJsonDocument::Compact);
    }

    QTemporaryDir m_dir;
    QString m_dataDir;
    QString m_db;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dataDir = m_dir.filePath(QStringLiteral("bands"));
    QVERIFY(QDir().mkpath(m_dataDir));
    QVERIFY(qbtest::writeQuadrantMnist(m_dataDir, 2000, 500));
    m_db = m_dir.filePath(QStringLiteral("history.sqlite"));
}

std::unique_ptr<Workbench> TestMainWindow::makeWorkbench(const NetworkSpec &network, const QString &language)
{
    WorkbenchOptions options;
    options.dataset = QStringLiteral("mnist");
    options.dataDir = m_dataDir;
    options.dbPath = m_db;
    options.language = language;
    auto bench = std::make_unique<Workbench>(options);
    bench->document()->reset(network);
    bench->show();
    return bench;
}

void TestMainWindow::editingRoundTripsThroughUndo()
{
    auto bench = makeWorkbench(*PresetLibrary::load(QStringLiteral("cnn-mnist")));
    MainWindow *window = bench->window();
    const QByteArray original = networkJson(*bench);
    const int layers = bench->document()->layerCount();

    // Insert a Dropout layer from the palette (Enter on its row inserts after the selected layer).
    window->canvas()->setCurrentLayer(0);
    QListWidget *list = window->palette()->listWidget();
    int dropoutRow = -1;
    for (int row = 0; row < LayerPalette::templateCount(); ++row) {
        if (LayerPalette::templateFor(row).type == LayerType::Dropout)
            dropoutRow = row;
    }
    QVERIFY(dropoutRow >= 0);
    list->setCurrentRow(dropoutRow);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(bench->document()->layerCount(), layers + 1);
    QCOMPARE(bench->document()->layer(1).type, LayerType::Dropout);
    QCOMPARE(window->canvas()->currentLayer(), 1);

    // Reorder: move it down with Alt+Down on the canvas.
    window->canvas()->setFocus();
    QTest::keyClick(window->canvas(), Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(bench->document()->layer(2).type, LayerType::Dropout);

    // Change the kernel quantizer of the first conv in the inspector (the canvas selection drives it).
    window->canvas()->setCurrentLayer(0);
    QCOMPARE(window->inspector()->currentLayer(), 0);
    QComboBox *kernel = window->inspector()->kernelQuantizerEditor()->comboBox();
    const int steSign = kernel->findText(QStringLiteral("ste_sign"), Qt::MatchStartsWith);
    QVERIFY(steSign > 0);
    kernel->setCurrentIndex(steSign);
    QCOMPARE(bench->document()->layer(0).kernelQuantizer.name, QStringLiteral("ste_sign"));
    const QByteArray edited = networkJson(*bench);

    QUndoStack *undo = bench->document()->undoStack();
    QCOMPARE(undo->count(), 3);
    while (undo->canUndo())
        undo->undo();
    QCOMPARE(networkJson(*bench), original);
    while (undo->canRedo())
        undo->redo();
    QCOMPARE(networkJson(*bench), edited);
}

void TestMainWindow::invalidEditBlocksTrain()
{
    auto bench = makeWorkbench(qbtest::tinyNetwork());
    auto *train = bench->window()->trainingPanel()->findChild<QPushButton *>(QStringLiteral("trainButton"));
    auto *status = bench->window()->trainingPanel()->findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(train && status);
    QVERIFY(train->isEnabled());

    // Units 0 through the inspector's spin box.
    bench->window()->canvas()->setCurrentLayer(1);
    auto *units = bench->window()->inspector()->findChild<QSpinBox *>(QStringLiteral("units"));
    QVERIFY(units);
    units->setValue(units->minimum());
    if (bench->document()->validation().ok()) {
        // The spin box may not allow 0: make the network invalid by moving Flatten after the dense.
        bench->document()->moveLayer(0, 1);
    }
    QVERIFY(!bench->document()->validation().ok());
    const QString message = bench->document()->validation().issues.first().message;
    QTRY_VERIFY(!train->isEnabled());
    QVERIFY2(status->text().contains(message), qPrintable(status->text()));
    // The same in sight whatever the docks show: the toolbar's Train and the status bar.
    QAction *trainAction = bench->window()->trainingPanel()->trainAction();
    QVERIFY(!trainAction->isEnabled());
    QVERIFY(!toolButton(bench->window(), trainAction)->isEnabled());
    auto *problem = bench->window()->statusBar()->findChild<QLabel *>(QStringLiteral("problemLabel"));
    QVERIFY(problem);
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(message), qPrintable(problem->text()));
    QVERIFY(!bench->window()->trainingPanel()->train());
    QVERIFY(!bench->controller()->isRunning());

    bench->document()->undoStack()->undo();
    if (!bench->document()->validation().ok())
        bench->document()->undoStack()->undo();
    QTRY_VERIFY(train->isEnabled());
    QVERIFY(trainAction->isEnabled());
    QVERIFY(!problem->isVisible());
}

void TestMainWindow::trainingFromThePanelDrawsCurvesAndRecordsTheRun()
{
    auto bench = makeWorkbench(qbtest::tinyNetwork());
    MainWindow *window = bench->window();
    TrainSpec spec = window->trainingPanel()->trainSpec();
    spec.epochs = 3;
    spec.seed = 7;
    window->trainingPanel()->setTrainSpec(spec);
    QSignalSpy progress(bench->controller(), &TrainingController::batchProgress);
    QSignalSpy finished(bench->controller(), &TrainingController::runFinished);
    const int runsBefore = window->history()->runs().size();

    auto *train = window->trainingPanel()->findChild<QPushButton *>(QStringLiteral("trainButton"));
    QTest::mouseClick(train, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
    QCOMPARE(finished.first().at(1).value<RunStatus>(), RunStatus::Finished);
    QVERIFY(progress.size() > 0);
    QCOMPARE(window->curves()->liveEpochPointCount(), 3);
    QVERIFY(window->curves()->liveBatchPointCount() > 0);

    const QList<RunRecord> runs = window->history()->runs();
    QCOMPARE(runs.size(), runsBefore + 1);
    const RunRecord &run = runs.first();
    QCOMPARE(run.status, RunStatus::Finished);
    QCOMPARE(run.epochsDone, 3);
    QVERIFY2(run.finalTestAccuracy > 0.6, qPrintable(QString::number(run.finalTestAccuracy)));
}

void TestMainWindow::stopEndsTheRunCancelled()
{
    auto bench = makeWorkbench(qbtest::tinyNetwork());
    MainWindow *window = bench->window();
    TrainSpec spec = window->trainingPanel()->trainSpec();
    spec.epochs = 200; // far more than the test waits for
    spec.batchSize = 8;
    window->trainingPanel()->setTrainSpec(spec);
    QSignalSpy progress(bench->controller(), &TrainingController::batchProgress);
    QSignalSpy finished(bench->controller(), &TrainingController::runFinished);
    QVERIFY(window->trainingPanel()->train());
    QTRY_VERIFY_WITH_TIMEOUT(progress.size() > 0, 60000);
    // The toolbar follows the run: Train off, Stop on, the progress moving.
    QToolButton *train = toolButton(window, window->trainingPanel()->trainAction());
    QToolButton *stop = toolButton(window, window->trainingPanel()->stopAction());
    QVERIFY(train && stop);
    QVERIFY(!train->isEnabled());
    QVERIFY(!toolButton(window, window->trainingPanel()->baselineAction())->isEnabled());
    QVERIFY(stop->isEnabled());
    QTRY_VERIFY(window->trainingToolBar()->progressBar()->value() > 0);
    QVERIFY(window->trainingToolBar()->progressLabel()->text().contains(QStringLiteral("Epoch 1/200")));
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    const qint64 runId = finished.first().at(0).toLongLong();
    QCOMPARE(finished.first().at(1).value<RunStatus>(), RunStatus::Cancelled);

    ExperimentStore store;
    QVERIFY(store.open(m_db).ok());
    QCOMPARE(store.run(runId)->status, RunStatus::Cancelled);
    QTRY_VERIFY(!window->history()->runs().isEmpty());
    QCOMPARE(window->history()->runs().first().status, RunStatus::Cancelled);
    QTRY_VERIFY(train->isEnabled());
    QVERIFY(!stop->isEnabled());
}

void TestMainWindow::twoSelectedRunsOverlayTwoCurves()
{
    auto bench = makeWorkbench(qbtest::tinyNetwork());
    MainWindow *window = bench->window();
    const QList<RunRecord> runs = window->history()->runs();
    QVERIFY2(runs.size() >= 2, "the training tests above leave two runs in the history");
    window->history()->selectRuns({runs.at(0).id, runs.at(1).id});
    QTRY_COMPARE(window->curves()->overlayCount(), 2);
    window->history()->selectRuns({runs.at(0).id});
    QTRY_COMPARE(window->curves()->overlayCount(), 1);
}

void TestMainWindow::analysisJobsActOnTheSelectedRun()
{
    auto bench = makeWorkbench(qbtest::tinyNetwork());
    MainWindow *window = bench->window();
    AnalysisActions *analysis = window->analysis();
    // In the Run menu and in the History's context menu.
    QMenu *runMenu = nullptr;
    for (QAction *action : window->menuBar()->actions()) {
        if (action->text().remove(QLatin1Char('&')) == QLatin1String("Run"))
            runMenu = action->menu();
    }
    QVERIFY(runMenu);
    std::unique_ptr<QMenu> context(window->history()->createContextMenu(nullptr));
    for (QAction *action : analysis->actions()) {
        QVERIFY(runMenu->actions().contains(action));
        QVERIFY(context->actions().contains(action));
    }
    // Disabled without a selected finished run.
    window->history()->selectRuns({});
    for (QAction *action : analysis->actions())
        QVERIFY(!action->isEnabled());
    qint64 finished = -1;
    qint64 other = -1;
    for (const RunRecord &run : window->history()->runs()) {
        if (run.status == RunStatus::Finished && finished < 0)
            finished = run.id;
        else if (run.status != RunStatus::Finished && other < 0)
            other = run.id;
    }
    QVERIFY2(finished > 0 && other > 0, "the training tests above leave finished and cancelled runs");
    window->history()->selectRuns({other});
    for (QAction *action : analysis->actions())
        QVERIFY(!action->isEnabled());
    window->history()->selectRuns({finished});
    for (QAction *action : analysis->actions())
        QVERIFY(action->isEnabled());

    // A job on another run: once stored, that run is selected and the Sweeps tab raised; training
    // waits meanwhile.
    window->history()->selectRuns({other, finished});
    QSignalSpy stored(analysis, &AnalysisActions::sweepStored);
    NoiseSweepRequest request;
    request.runId = finished;
    request.parameter = QStringLiteral("weight_noise.sigma");
    request.values = {0.0, 0.5};
    request.chips = 2;
    request.testLimit = 100;
    QVERIFY(analysis->start(request));
    QVERIFY(!window->trainingPanel()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, 120000);
    QVERIFY(window->trainingPanel()->isEnabled());
    QCOMPARE(window->history()->selectedRunIds().value(0), finished);
    QTabWidget *tabs = window->comparison()->tabs();
    QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Sweeps"));
    QVERIFY(window->comparison()->isVisible());
    QCOMPARE(window->statusBar()->currentMessage(),
        QStringLiteral("Noise sweep of run %1 stored: 2 point(s), 2 chip(s) each.").arg(finished));
}

void TestMainWindow::comparisonClickSelectsTheRun()
{
    // A click on a run's point or bar in the Comparison dock selects that run in the History.
    auto bench = makeWorkbench(qbtest::tinyNetwork());
    MainWindow *window = bench->window();
    const QList<RunRecord> runs = window->history()->runs();
    QVERIFY(runs.size() >= 2);
    window->history()->selectRuns({runs.at(0).id, runs.at(1).id});
    QTRY_COMPARE(window->history()->selectedRunIds().size(), 2);
    Q_EMIT window->comparison()->runActivated(runs.at(1).id);
    QTRY_COMPARE(window->history()->selectedRunIds(), QList<qint64>{runs.at(1).id});
}

void TestMainWindow::languageSwitchRebuildsTheWindow()
{
    auto bench = makeWorkbench(qbtest::tinyNetwork());
    QSignalSpy rebuilt(bench.get(), &Workbench::windowRebuilt);
    QVERIFY(bench->setLanguage(QStringLiteral("es")));
    QCOMPARE(rebuilt.size(), 1);
    QCOMPARE(bench->language(), QStringLiteral("es"));
    auto *train = bench->window()->trainingPanel()->findChild<QPushButton *>(QStringLiteral("trainButton"));
    QVERIFY(train);
    QVERIFY2(train->text() != QLatin1String("Train"), qPrintable(train->text()));
    // The edited network survives the rebuild.
    QCOMPARE(bench->document()->network(), qbtest::tinyNetwork());
    QVERIFY(bench->setLanguage(QStringLiteral("en")));
    train = bench->window()->trainingPanel()->findChild<QPushButton *>(QStringLiteral("trainButton"));
    QCOMPARE(train->text().remove(QLatin1Char('&')), QStringLiteral("Train"));
}

void TestMainWindow::aGeometrySavedOnALargerScreenIsNotRestored()
{
    // The window was last closed on a desktop monitor; now the laptop's screen is smaller. (The
    // offscreen test screen, 800x800, is narrower than the docks' minimum widths, so the bound is
    // the lab laptop's screen or the test screen, whichever is larger.)
    QMainWindow big;
    big.resize(5000, 4000);
    AppSettings().setWindowGeometry(big.saveGeometry());
    auto bench = makeWorkbench(qbtest::tinyNetwork());
    const QSize bound = QGuiApplication::primaryScreen()->availableSize().expandedTo(QSize(1366, 768));
    const QSize size = bench->window()->size();
    QVERIFY2(size.width() <= bound.width() && size.height() <= bound.height(),
        qPrintable(QStringLiteral("%1x%2").arg(size.width()).arg(size.height())));
    AppSettings().setWindowGeometry({});
}

void TestMainWindow::fitsALabLaptopScreen()
{
    // Lab laptops have 1366x768 screens: the whole window, with every dock open, must fit.
    auto bench = makeWorkbench(*PresetLibrary::load(QStringLiteral("larq-mnist-bnn")));
    const QSize minimum = bench->window()->minimumSizeHint().expandedTo(bench->window()->minimumSize());
    qInfo("minimum window size %dx%d", minimum.width(), minimum.height());
    QVERIFY2(minimum.width() <= 1366 && minimum.height() <= 720,
        qPrintable(QStringLiteral("%1x%2").arg(minimum.width()).arg(minimum.height())));
}

void TestMainWindow::helpMenuReferenceAndTour()
{
    // Tests run offscreen: the first-run tour never opens by itself, whatever the settings say.
    auto bench = makeWorkbench(*PresetLibrary::load(QStringLiteral("larq-mnist-bnn")));
    MainWindow *window = bench->window();
    QVERIFY(!window->findChild<TourGuide *>());
    QVERIFY(!QApplication::activeModalWidget());

    HelpActions *help = window->helpActions();
    QVERIFY(help);
    QMenu *helpMenu = nullptr;
    for (QAction *menu : window->menuBar()->actions()) {
        if (menu->text().remove(QLatin1Char('&')) == QLatin1String("Help"))
            helpMenu = menu->menu();
    }
    QVERIFY(helpMenu);
    QVERIFY(helpMenu->actions().contains(help->referenceAction()));
    QVERIFY(helpMenu->actions().contains(help->tourAction()));

    help->referenceAction()->trigger();
    QVERIFY(help->referenceDialog() && help->referenceDialog()->isVisible());
    help->referenceDialog()->close();

    // Every step of the tour finds what it talks about in the real window.
    help->tourAction()->trigger();
    TourGuide *tour = help->tour();
    QVERIFY(tour);
    for (int i = 0; i < tour->stepCount(); ++i) {
        tour->start(i);
        const TourStep &step = tour->step(i);
        QVERIFY2(tour->currentTarget(), qPrintable(step.title));
        if (step.widgetName == QLatin1String(TourStep::kMenuBarTarget))
            QCOMPARE(tour->currentTarget(), window->menuBar());
        else
            QCOMPARE(tour->currentTarget()->objectName(), step.widgetName.isEmpty() ? step.dockName : step.widgetName);
        QVERIFY(tour->currentTarget()->isVisible());
    }
    tour->finish();
}

void TestMainWindow::openingARunRestoresItsTrainingSettings()
{
    // A run of its own history, trained with settings that differ from the panel's defaults.
    const QString db = m_dir.filePath(QStringLiteral("reproduce.sqlite"));
    ExperimentSpec spec = qbtest::tinyExperiment(3, 16);
    spec.dataset = QStringLiteral("fashion-mnist");
    spec.train.optimizer = OptimizerKind::Sgd;
    spec.train.learningRate = 0.0123;
    spec.train.seed = 99;
    spec.train.trainLimit = 640;
    qint64 runId = -1;
    {
        ExperimentStore store;
        QVERIFY(store.open(db).ok());
        RunRecord run;
        run.name = QStringLiteral("to reproduce");
        run.specJson = QString::fromUtf8(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact));
        run.networkName = spec.network.name;
        run.dataset = spec.dataset;
        runId = *store.createRun(run);
        QVERIFY(store.finishRun(runId, RunStatus::Finished).ok());
    }
    WorkbenchOptions options;
    options.dataset = QStringLiteral("mnist");
    options.dbPath = db;
    options.language = QStringLiteral("en");
    options.preset = QStringLiteral("cnn-mnist");
    Workbench bench(options);
    bench.show();
    MainWindow *window = bench.window();
    QVERIFY(window->trainingPanel()->trainSpec() != spec.train);

    window->history()->selectRuns({runId});
    QAction *open = window->history()->action(HistoryPanel::OpenNetworkAction);
    QVERIFY(open->isEnabled());
    open->trigger();
    QCOMPARE(bench.document()->network(), spec.network);
    QCOMPARE(window->trainingPanel()->trainSpec(), spec.train);
    QCOMPARE(window->trainingPanel()->datasetName(), QStringLiteral("fashion-mnist"));
    QCOMPARE(window->trainingPanel()->experimentSpec().train, spec.train);
}

void TestMainWindow::trainIsVisibleWithoutScrolling_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1600x1000") << QSize(1600, 1000);
    QTest::newRow("1366x768") << QSize(1366, 768);
}

void TestMainWindow::trainIsVisibleWithoutScrolling()
{
    QFETCH(QSize, size);
    auto bench = makeWorkbench(*PresetLibrary::load(QStringLiteral("larq-mnist-bnn")));
    MainWindow *window = bench->window();
    resizeWindow(window, size);
    TrainingPanel *panel = window->trainingPanel();
    for (QAction *action : {panel->trainAction(), panel->stopAction(), panel->baselineAction()}) {
        QToolButton *button = toolButton(window, action);
        QVERIFY2(button, qPrintable(action->text()));
        // Shown (not in the toolbar's overflow menu), inside the window, and not clipped by anything
        // around it (a dock, a scroll area).
        QVERIFY2(button->isVisible(), qPrintable(action->text()));
        const QRect inWindow(button->mapTo(window, QPoint(0, 0)), button->size());
        QVERIFY(window->rect().contains(inWindow));
        QCOMPARE(button->visibleRegion().boundingRect(), button->rect());
    }
    QVERIFY(panel->trainAction()->isEnabled());
    QVERIFY(window->trainingToolBar()->progressBar()->isVisible());
    // Triggering the toolbar's Train starts a run like the panel's button does.
    QTest::mouseClick(toolButton(window, panel->trainAction()), Qt::LeftButton);
    QVERIFY(bench->controller()->isRunning());
    bench->controller()->stop();
    QSignalSpy finished(bench->controller(), &TrainingController::allFinished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
}

void TestMainWindow::inspectorAndSummaryAreUsableOnALabLaptop()
{
    auto bench = makeWorkbench(*PresetLibrary::load(QStringLiteral("larq-mnist-bnn")));
    MainWindow *window = bench->window();
    resizeWindow(window, QSize(1366, 768));
    for (const char *name : {"inspectorDock", "summaryDock", "curvesDock", "historyDock", "paletteDock"}) {
        auto *dock = window->findChild<QDockWidget *>(QLatin1String(name));
        QVERIFY2(dock && dock->isVisible() && !dock->visibleRegion().isEmpty(), name);
        qInfo("%s %dx%d", name, dock->width(), dock->height());
    }
    // The inspector and the summary side by side in height, not tabbed: both usable at once.
    for (const char *name : {"inspectorDock", "summaryDock"}) {
        auto *dock = window->findChild<QDockWidget *>(QLatin1String(name));
        QVERIFY2(dock->height() >= 200, qPrintable(QStringLiteral("%1 %2 px").arg(name).arg(dock->height())));
        QVERIFY2(dock->width() >= 300, qPrintable(QStringLiteral("%1 %2 px").arg(name).arg(dock->width())));
    }
    auto *curves = window->findChild<QDockWidget *>(QStringLiteral("curvesDock"));
    QVERIFY2(curves->height() >= 250, qPrintable(QString::number(curves->height())));
    // The summary's table shows layers, not just its header above the totals.
    auto *table = window->findChild<QTableWidget *>(QStringLiteral("summaryTable"));
    QVERIFY(table);
    const int lastFull = table->rowAt(table->viewport()->height() - 1) - 1;
    QVERIFY2(lastFull + 1 >= 6, qPrintable(QStringLiteral("%1 whole layer rows").arg(lastFull + 1)));
}

void TestMainWindow::tabsFitWithoutScrolling_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const char *language : {"en", "es"}) {
        QTest::addRow("%s 1600x1000", language) << QString::fromLatin1(language) << QSize(1600, 1000);
        QTest::addRow("%s 1366x768", language) << QString::fromLatin1(language) << QSize(1366, 768);
    }
}

void TestMainWindow::tabsFitWithoutScrolling()
{
    // Every tab's title readable at once: a tab bar that needs its scroll arrows hides tabs.
    QFETCH(QString, language);
    QFETCH(QSize, size);
    auto bench = makeWorkbench(*PresetLibrary::load(QStringLiteral("larq-mnist-bnn")), language);
    MainWindow *window = bench->window();
    resizeWindow(window, size);
    int checked = 0;
    // Each dock in turn on top of its tab group, so that the tab bars inside it are shown.
    for (QDockWidget *dock : window->findChildren<QDockWidget *>()) {
        dock->raise();
        QApplication::processEvents();
        for (QTabBar *bar : window->findChildren<QTabBar *>()) {
            if (!bar->isVisible())
                continue;
            ++checked;
            int needed = 0;
            QStringList titles;
            for (int i = 0; i < bar->count(); ++i) {
                needed += bar->tabRect(i).width();
                titles << bar->tabText(i);
                // Not elided either: the whole title fits its tab.
                QVERIFY2(bar->tabRect(i).width() > bar->fontMetrics().horizontalAdvance(bar->tabText(i)),
                    qPrintable(bar->tabText(i)));
            }
            bool scrolls = false;
            for (QToolButton *arrow : bar->findChildren<QToolButton *>())
                scrolls = scrolls || arrow->isVisible();
            QVERIFY2(!scrolls && needed <= bar->width(),
                qPrintable(QStringLiteral("%1: %2 px for %3 px")
                        .arg(titles.join(QStringLiteral(" | ")))
                        .arg(needed)
                        .arg(bar->width())));
        }
    }
    QVERIFY(checked >= 2); // the comparison's tabs and the docks' tabs
}

void TestMainWindow::resetLayoutRestoresTheDefaultArrangement()
{
    auto bench = makeWorkbench(*PresetLibrary::load(QStringLiteral("larq-mnist-bnn")));
    MainWindow *window = bench->window();
    resizeWindow(window, QSize(1366, 768));
    auto *inspector = window->findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
    auto *summary = window->findChild<QDockWidget *>(QStringLiteral("summaryDock"));
    auto *curves = window->findChild<QDockWidget *>(QStringLiteral("curvesDock"));
    auto *history = window->findChild<QDockWidget *>(QStringLiteral("historyDock"));
    const int inspectorHeight = inspector->height();
    inspector->hide();
    curves->setFloating(true);
    window->addDockWidget(Qt::LeftDockWidgetArea, history);
    window->tabifyDockWidget(history, summary);
    QApplication::processEvents();

    // View ▸ Reset layout.
    auto *reset = window->menuBar()->findChild<QAction *>(QStringLiteral("resetLayoutAction"));
    QVERIFY(reset);
    QSignalSpy done(window, &MainWindow::layoutReset);
    reset->trigger();
    QTRY_COMPARE(done.size(), 1);
    QVERIFY(inspector->isVisible());
    QCOMPARE(window->dockWidgetArea(inspector), Qt::RightDockWidgetArea);
    QCOMPARE(window->dockWidgetArea(summary), Qt::RightDockWidgetArea);
    QVERIFY(!curves->isFloating());
    QCOMPARE(window->dockWidgetArea(curves), Qt::BottomDockWidgetArea);
    QCOMPARE(window->dockWidgetArea(history), Qt::BottomDockWidgetArea);
    QVERIFY(window->tabifiedDockWidgets(history).size() == 3); // comparison, details and spikes
    QVERIFY(window->tabifiedDockWidgets(summary).size() == 1); // training
    QTRY_VERIFY(summary->isVisible() && history->isVisible());
    QTRY_VERIFY(qAbs(inspector->height() - inspectorHeight) < 40);
}

void TestMainWindow::theWheelOverTheTrainingFormScrollsInsteadOfChangingValues()
{
    auto bench = makeWorkbench(qbtest::tinyNetwork());
    MainWindow *window = bench->window();
    resizeWindow(window, QSize(1366, 768));
    window->showView(QStringLiteral("training"));
    auto *batch = window->trainingPanel()->findChild<QSpinBox *>(QStringLiteral("batchSizeSpin"));
    QVERIFY(batch);
    QTRY_VERIFY(batch->isVisible());
    const int before = batch->value();
    QVERIFY(!batch->hasFocus());
    const QPointF local = QRectF(batch->rect()).center();
    QWheelEvent wheel(local, batch->mapToGlobal(local), QPoint(), QPoint(0, -120), Qt::NoButton,
        Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(batch, &wheel);
    QCOMPARE(batch->value(), before);
    QCOMPARE(window->trainingPanel()->trainSpec().batchSize, before);
}

int main(int argc, char *argv[])
{
    qbtest::isolatedHome();
    QApplication app(argc, argv);
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow.moc"
