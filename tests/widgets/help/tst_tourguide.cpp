// TourGuide (widgets/help): the first-run tour walks through a window's docks and buttons, found by
// object name; it never blocks (no modal dialog) and starts by itself only on the first interactive
// start.

#include "common/appsettings.h"
#include "help/helpactions.h"
#include "help/referencedialog.h"
#include "help/tourguide.h"
#include "help/tourhighlight.h"

#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtTest>

#include <memory>

using namespace qb;

namespace {

/// Settings in a temporary folder, set before the application exists.
const bool kIsolated = [] {
    static QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.path()));
    qunsetenv("QUANTBENCH_NO_TOUR");
    return true;
}();

QDockWidget *addDock(QMainWindow *window, const QString &name, QWidget *content, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(name, window);
    dock->setObjectName(name);
    dock->setWidget(content);
    window->addDockWidget(area, dock);
    return dock;
}

/// A window with the docks the tour names; the training dock scrolls, with its buttons at the bottom.
std::unique_ptr<QMainWindow> makeWindow(bool withButtons = true)
{
    auto window = std::make_unique<QMainWindow>();
    window->menuBar()->addMenu(QStringLiteral("&File"));
    window->setCentralWidget(new QLabel(QStringLiteral("canvas")));
    addDock(window.get(), QStringLiteral("inspectorDock"), new QLabel(QStringLiteral("inspector")),
        Qt::RightDockWidgetArea);
    QDockWidget *summary = addDock(window.get(), QStringLiteral("summaryDock"),
        new QLabel(QStringLiteral("summary")), Qt::RightDockWidgetArea);
    window->tabifyDockWidget(window->findChild<QDockWidget *>(QStringLiteral("inspectorDock")), summary);
    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    auto *filler = new QLabel(QStringLiteral("settings"));
    filler->setMinimumHeight(900);
    layout->addWidget(filler);
    if (withButtons) {
        auto *train = new QPushButton(QStringLiteral("Train"));
        train->setObjectName(QStringLiteral("trainButton"));
        auto *baseline = new QPushButton(QStringLiteral("Train baseline twin"));
        baseline->setObjectName(QStringLiteral("baselineButton"));
        layout->addWidget(train);
        layout->addWidget(baseline);
    }
    auto *scroll = new QScrollArea;
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    addDock(window.get(), QStringLiteral("trainingDock"), scroll, Qt::RightDockWidgetArea);
    QDockWidget *history = addDock(window.get(), QStringLiteral("historyDock"),
        new QLabel(QStringLiteral("history")), Qt::BottomDockWidgetArea);
    QDockWidget *comparison = addDock(window.get(), QStringLiteral("comparisonDock"),
        new QLabel(QStringLiteral("comparison")), Qt::BottomDockWidgetArea);
    window->tabifyDockWidget(history, comparison);
    history->raise();
    window->resize(1366, 768);
    return window;
}

} // namespace

class TestTourGuide : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notShownWhenTheFlagSaysShown_data();
    void notShownWhenTheFlagSaysShown();
    void neverStartsOffscreen();
    void walksThroughTheSteps();
    void missingButtonFallsBackToItsDock();
    void helpActionsStartTheTour();
};

void TestTourGuide::notShownWhenTheFlagSaysShown_data()
{
    QTest::addColumn<bool>("tourShown");
    QTest::addColumn<bool>("scripted");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<bool>("expected");
    QTest::newRow("first interactive start") << false << false << QStringLiteral("xcb") << true;
    QTest::newRow("first start on wayland") << false << false << QStringLiteral("wayland") << true;
    QTest::newRow("flag says shown") << true << false << QStringLiteral("xcb") << false;
    QTest::newRow("scripted start") << false << true << QStringLiteral("xcb") << false;
    QTest::newRow("offscreen") << false << false << QStringLiteral("offscreen") << false;
    QTest::newRow("minimal") << false << false << QStringLiteral("minimal") << false;
}

void TestTourGuide::notShownWhenTheFlagSaysShown()
{
    QFETCH(bool, tourShown);
    QFETCH(bool, scripted);
    QFETCH(QString, platform);
    QFETCH(bool, expected);
    QCOMPARE(TourGuide::shouldStartAutomatically(tourShown, scripted, platform), expected);
}

void TestTourGuide::neverStartsOffscreen()
{
    // Tests run offscreen: even a first start (flag not set) opens no tour and leaves the flag alone.
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
    AppSettings().setTourShown(false);
    auto window = makeWindow();
    window->show();
    QCOMPARE(TourGuide::startIfFirstRun(window.get(), false), nullptr);
    QVERIFY(!window->findChild<TourGuide *>());
    QVERIFY(!AppSettings().tourShown());
    AppSettings().setTourShown(true);
    QVERIFY(AppSettings().tourShown());
}

void TestTourGuide::walksThroughTheSteps()
{
    auto window = makeWindow();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    auto *tour = new TourGuide(window.get());
    QSignalSpy steps(tour, &TourGuide::stepChanged);
    QSignalSpy finished(tour, &TourGuide::finished);
    QPointer<TourGuide> alive(tour);
    QCOMPARE(tour->stepCount(), 6);
    QCOMPARE(tour->currentStep(), -1);
    QVERIFY(!tour->isVisible());

    tour->start();
    QCOMPARE(tour->currentStep(), 0);
    QVERIFY(tour->isVisible());
    QCOMPARE(tour->currentTarget(), window->menuBar());
    QVERIFY(!QApplication::activeModalWidget()); // never blocks the window

    const auto checkStep = [&](const QString &target) {
        QVERIFY(tour->currentTarget());
        QCOMPARE(tour->currentTarget()->objectName(), target);
        QVERIFY(tour->currentTarget()->isVisible());
        // The frame surrounds the target, the panel lies beside it.
        const QRect targetRect = tour->highlight()->targetRect();
        QVERIFY(!targetRect.isNull());
        QVERIFY(tour->highlight()->isVisible());
        QVERIFY(tour->highlight()->geometry().contains(targetRect.intersected(window->rect())));
        QVERIFY(tour->highlight()->testAttribute(Qt::WA_TransparentForMouseEvents));
        QVERIFY(window->rect().contains(tour->geometry()));
    };

    QPushButton *next = tour->findChild<QPushButton *>(QStringLiteral("tourNext"));
    QVERIFY(next);
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(tour->currentStep(), 1);
    checkStep(QStringLiteral("summaryDock")); // raised in front of the inspector tab
    QTest::mouseClick(next, Qt::LeftButton);
    checkStep(QStringLiteral("trainButton")); // scrolled into view in its dock
    QVERIFY(!tour->geometry().intersects(tour->highlight()->targetRect()));
    QTest::mouseClick(next, Qt::LeftButton);
    checkStep(QStringLiteral("baselineButton"));
    QTest::mouseClick(next, Qt::LeftButton);
    checkStep(QStringLiteral("historyDock"));
    QTest::mouseClick(next, Qt::LeftButton);
    checkStep(QStringLiteral("comparisonDock")); // raised over the history tab
    QCOMPARE(next->text(), QStringLiteral("Done"));

    QPushButton *back = tour->findChild<QPushButton *>(QStringLiteral("tourBack"));
    QTest::mouseClick(back, Qt::LeftButton);
    QCOMPARE(tour->currentStep(), 4);
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::mouseClick(next, Qt::LeftButton); // Done
    QCOMPARE(finished.count(), 1);
    QCOMPARE(steps.count(), 8);
    QVERIFY(!tour->isVisible());
    QTRY_VERIFY(!alive);
    QVERIFY(!window->findChild<TourHighlight *>());
}

void TestTourGuide::missingButtonFallsBackToItsDock()
{
    // A window whose training panel has no Train button (say, it moved to a toolbar): the step
    // points at the Training dock instead.
    auto window = makeWindow(false);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    TourGuide tour(window.get());
    tour.start(2);
    QCOMPARE(tour.currentTarget()->objectName(), QStringLiteral("trainingDock"));
    tour.start(99); // clamped to the last step
    QCOMPARE(tour.currentStep(), tour.stepCount() - 1);
}

void TestTourGuide::helpActionsStartTheTour()
{
    auto window = makeWindow();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    auto *actions = new HelpActions(window.get());
    QMenu *help = window->menuBar()->addMenu(QStringLiteral("&Help"));
    actions->populate(help);
    QCOMPARE(help->actions().size(), 2);
    actions->tourAction()->trigger();
    QVERIFY(actions->tour());
    QCOMPARE(actions->tour()->currentStep(), 0);
    QVERIFY(actions->tour()->isVisible());
    // Again: one tour, from the start.
    actions->tour()->next();
    actions->tourAction()->trigger();
    QCOMPARE(actions->tour()->currentStep(), 0);
    QTRY_COMPARE(window->findChildren<TourGuide *>().size(), 1);

    actions->referenceAction()->trigger();
    QVERIFY(actions->referenceDialog());
    QVERIFY(actions->referenceDialog()->isVisible());
    QVERIFY(!actions->referenceDialog()->isModal());
    actions->tour()->finish();
    QTRY_VERIFY(!actions->tour());
}

QTEST_MAIN(TestTourGuide)
#include "tst_tourguide.moc"
