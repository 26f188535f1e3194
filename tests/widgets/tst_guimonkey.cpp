// Seeded random interaction with the real main window, as an impatient user (or a cat) would: clicks,
// Ctrl+clicks, double clicks, right clicks with their context menus, drags, the wheel, keys, selections
// in every item view, menu actions, language switches, during and after training, over a history with
// runs, a group and sweeps. Dialogs that open are answered at random (mostly cancelled).
//
// It fails on any Qt warning or critical message; a crash, or a sanitizer report when built with
// -DQB_SANITIZE (scripts/test-sanitized.sh), ends the process and so fails the test.
// QB_MONKEY_EVENTS (default 1500) and QB_MONKEY_SEED (default 1) set its length and its seed; the
// sanitizer script runs it longer. A failure prints the seed and the last events, to replay it;
// QB_MONKEY_TRACE=1 prints every event as it happens.
#include "widgets/training/trainingtestutil.h"

#include "document/networkdocument.h"
#include "history/historypanel.h"
#include "mainwindow.h"
#include "spec/presetlibrary.h"
#include "training/trainingcontroller.h"
#include "training/trainingpanel.h"
#include "train/noisesweep.h"
#include "train/ptqsweep.h"
#include "workbench.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDialog>
#include <QDrag>
#include <QElapsedTimer>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>

#include <cstdio>
#include <random>

using namespace qb;

namespace {

QStringList g_problems; ///< Qt warnings and criticals seen while the monkey runs
QtMessageHandler g_previousHandler = nullptr;

void recordProblems(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // The offscreen platform plugin warns about window-system features it lacks (raise(), keyboard
    // grabs, size hints of top-level windows): limits of the test platform, not of QuantBench.
    const bool platformLimit = message.startsWith(QLatin1String("This plugin does not support"));
    if ((type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) && !platformLimit)
        g_problems.append(message);
    g_previousHandler(type, context, message);
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace

class TestGuiMonkey : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void randomInteractionNeverCrashesOrWarns();
    void cleanupTestCase();

private:
    std::unique_ptr<Workbench> makeWorkbench();
    void trainOnce(Workbench &bench, int epochs, int repeats);
    void step(Workbench &bench);
    void answerDialogs();
    QWidget *randomTarget(QWidget *window, QPoint *pos);
    void log(const QString &what);

    QTemporaryDir m_dir;
    QString m_dataDir;
    QString m_db;
    std::mt19937 m_rng;
    QStringList m_recent; ///< the last events, printed on failure
    int m_events = 0;
    QTimer m_answerer;
};

void TestGuiMonkey::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dataDir = m_dir.filePath(QStringLiteral("quadrants"));
    QVERIFY(QDir().mkpath(m_dataDir));
    QVERIFY(qbtest::writeQuadrantMnist(m_dataDir, 600, 200));
    m_db = m_dir.filePath(QStringLiteral("history.sqlite"));
    // Export run… suggests the user's Documents folder, and the monkey accepts dialogs now and
    // then: its home is a temporary folder, so nothing is written into the real one.
    qputenv("HOME", m_dir.filePath(QStringLiteral("home")).toUtf8());
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("home"))));
    // A closed main window must not end the application under the monkey's feet (it is shown again).
    qApp->setQuitOnLastWindowClosed(false);

    // A history like a user's: two runs, a group of two seeds, a noise sweep and a fixed-point sweep.
    auto bench = makeWorkbench();
    trainOnce(*bench, 1, 1);
    trainOnce(*bench, 2, 1);
    trainOnce(*bench, 1, 2);
    const QList<RunRecord> runs = bench->window()->history()->runs();
    QVERIFY(runs.size() >= 4);
    NoiseSweepRequest noise;
    noise.dbPath = m_db;
    noise.dataDir = m_dataDir;
    noise.runId = runs.last().id;
    noise.parameter = QStringLiteral("weight_noise.sigma");
    noise.values = {0.0, 0.1, 0.3};
    noise.chips = 3;
    noise.threads = 1;
    QCOMPARE(NoiseSweep::run(noise).problem, NoiseSweepOutcome::Problem::None);
    noise.parameter.clear();
    QCOMPARE(NoiseSweep::run(noise).problem, NoiseSweepOutcome::Problem::None);
    PtqSweepRequest ptq;
    ptq.dbPath = m_db;
    ptq.dataDir = m_dataDir;
    ptq.runId = runs.last().id;
    ptq.fracBits = {2, 4, 6};
    ptq.threads = 1;
    QCOMPARE(PtqSweep::run(ptq).problem, PtqSweepOutcome::Problem::None);

    connect(&m_answerer, &QTimer::timeout, this, &TestGuiMonkey::answerDialogs);
    m_answerer.start(25);
}

std::unique_ptr<Workbench> TestGuiMonkey::makeWorkbench()
{
    WorkbenchOptions options;
    options.preset = QStringLiteral("larq-mnist-bnn");
    options.dataset = QStringLiteral("mnist");
    options.dataDir = m_dataDir;
    options.dbPath = m_db;
    options.language = QStringLiteral("en");
    auto bench = std::make_unique<Workbench>(options);
    bench->show();
    bench->window()->resize(1366, 768);
    return bench;
}

void TestGuiMonkey::trainOnce(Workbench &bench, int epochs, int repeats)
{
    TrainingPanel *panel = bench.window()->trainingPanel();
    TrainSpec spec = panel->trainSpec();
    spec.epochs = epochs;
    spec.threads = 1;
    panel->setTrainSpec(spec);
    panel->setRepeats(repeats);
    QSignalSpy done(bench.controller(), &TrainingController::allFinished);
    QVERIFY(panel->train());
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 120000);
}

void TestGuiMonkey::log(const QString &what)
{
    m_recent.append(QStringLiteral("%1: %2").arg(m_events).arg(what));
    // QB_MONKEY_TRACE=1 prints every event as it happens (to find the one before a crash).
    static const bool trace = qEnvironmentVariableIsSet("QB_MONKEY_TRACE");
    if (trace)
        std::fprintf(stderr, "monkey %s\n", qPrintable(m_recent.constLast()));
    if (m_recent.size() > 25)
        m_recent.removeFirst();
}

/// Answers whatever the last event opened: a modal dialog (cancelled, or accepted now and then), a
/// popup menu (one of its actions, or closed), a drag in progress (cancelled with Escape), a stray
/// top-level window (closed).
void TestGuiMonkey::answerDialogs()
{
    if (QWidget *popup = QApplication::activePopupWidget()) {
        auto *menu = qobject_cast<QMenu *>(popup);
        QList<QAction *> actions;
        if (menu) {
            for (QAction *a : menu->actions())
                if (a->isEnabled() && !a->isSeparator() && !a->menu())
                    actions.append(a);
        }
        if (!actions.isEmpty() && m_rng() % 2 == 0) {
            QAction *chosen = actions.at(int(m_rng() % actions.size()));
            log(QStringLiteral("popup action '%1'").arg(chosen->text()));
            popup->close();
            // Later, from the event loop: a dialog the action opens must not run inside this timer's
            // slot, where the timer cannot fire again to answer it.
            QMetaObject::invokeMethod(chosen, &QAction::trigger, Qt::QueuedConnection);
        } else {
            popup->close();
        }
        return;
    }
    if (QWidget *modal = QApplication::activeModalWidget()) {
        if (auto *dialog = qobject_cast<QDialog *>(modal)) {
            // Accepting file dialogs would write or read wherever they point: always cancelled.
            const bool accept = m_rng() % 4 == 0 && !modal->inherits("QFileDialog");
            log(QStringLiteral("%1 %2").arg(accept ? QStringLiteral("accept") : QStringLiteral("reject"),
                QString::fromLatin1(modal->metaObject()->className())));
            accept ? dialog->accept() : dialog->reject();
        } else {
            modal->close();
        }
        return;
    }
    // A drag's own event loop (platforms other than offscreen) ends on Escape, which it filters from
    // every event the application delivers.
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (!top->findChildren<QDrag *>().isEmpty()) {
            QKeyEvent escape(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
            QApplication::sendEvent(top, &escape);
            return;
        }
    }
}

QWidget *TestGuiMonkey::randomTarget(QWidget *window, QPoint *pos)
{
    const QPoint inWindow(int(m_rng() % std::max(1, window->width())), int(m_rng() % std::max(1, window->height())));
    QWidget *target = window->childAt(inWindow);
    if (!target)
        target = window;
    *pos = target->mapFrom(window, inWindow);
    return target;
}

void TestGuiMonkey::step(Workbench &bench)
{
    MainWindow *window = bench.window();
    if (!window->isVisible()) {
        log(QStringLiteral("show the window again"));
        window->show();
    }
    QPoint pos;
    QPointer<QWidget> target = randomTarget(window, &pos);
    const QString name = QStringLiteral("%1 '%2' at %3,%4")
                             .arg(QString::fromLatin1(target->metaObject()->className()), target->objectName())
                             .arg(pos.x())
                             .arg(pos.y());
    const int r = int(m_rng() % 100);
    if (r < 34) {
        log(QStringLiteral("click ") + name);
        QTest::mouseClick(target, Qt::LeftButton, Qt::NoModifier, pos);
    } else if (r < 44) {
        log(QStringLiteral("ctrl+click ") + name);
        QTest::mouseClick(target, Qt::LeftButton, Qt::ControlModifier, pos);
    } else if (r < 47) {
        log(QStringLiteral("shift+click ") + name);
        QTest::mouseClick(target, Qt::LeftButton, Qt::ShiftModifier, pos);
    } else if (r < 51) {
        log(QStringLiteral("double click ") + name);
        QTest::mouseDClick(target, Qt::LeftButton, Qt::NoModifier, pos);
    } else if (r < 55) {
        log(QStringLiteral("right click ") + name);
        QTest::mouseClick(target, Qt::RightButton, Qt::NoModifier, pos);
        if (target) {
            QContextMenuEvent menu(QContextMenuEvent::Mouse, pos, target->mapToGlobal(pos));
            QApplication::sendEvent(target, &menu);
        }
    } else if (r < 63) {
        const int delta = m_rng() % 2 ? 120 : -120;
        log(QStringLiteral("wheel %1 ").arg(delta) + name);
        QWheelEvent wheel(QPointF(pos), QPointF(target->mapToGlobal(pos)), QPoint(), QPoint(0, delta), Qt::NoButton,
            m_rng() % 5 == 0 ? Qt::ControlModifier : Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(target, &wheel);
    } else if (r < 74) {
        static const QList<QPair<int, Qt::KeyboardModifiers>> keys = {{Qt::Key_Up, Qt::NoModifier},
            {Qt::Key_Down, Qt::NoModifier}, {Qt::Key_Tab, Qt::NoModifier}, {Qt::Key_Return, Qt::NoModifier},
            {Qt::Key_Delete, Qt::NoModifier}, {Qt::Key_Escape, Qt::NoModifier}, {Qt::Key_Space, Qt::NoModifier},
            {Qt::Key_Z, Qt::ControlModifier}, {Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier},
            {Qt::Key_D, Qt::ControlModifier}, {Qt::Key_Up, Qt::AltModifier}, {Qt::Key_Down, Qt::AltModifier},
            {Qt::Key_A, Qt::ControlModifier}, {Qt::Key_9, Qt::NoModifier}, {Qt::Key_0, Qt::NoModifier},
            {Qt::Key_Minus, Qt::NoModifier}, {Qt::Key_Backspace, Qt::NoModifier}, {Qt::Key_X, Qt::NoModifier},
            {Qt::Key_PageDown, Qt::NoModifier}, {Qt::Key_Home, Qt::NoModifier}};
        const auto &[key, modifiers] = keys.at(int(m_rng() % keys.size()));
        QWidget *focus = QApplication::focusWidget() ? QApplication::focusWidget() : window;
        log(QStringLiteral("key %1+%2 to %3")
                .arg(int(modifiers))
                .arg(QKeySequence(key).toString(), QString::fromLatin1(focus->metaObject()->className())));
        QTest::keyClick(focus, Qt::Key(key), modifiers);
    } else if (r < 80) {
        const QPoint end = pos + QPoint(int(m_rng() % 301) - 150, int(m_rng() % 201) - 100);
        log(QStringLiteral("drag ") + name + QStringLiteral(" by %1,%2").arg(end.x() - pos.x()).arg(end.y() - pos.y()));
        QTest::mousePress(target, Qt::LeftButton, Qt::NoModifier, pos);
        for (int i = 1; target && i <= 4; ++i)
            QTest::mouseMove(target, pos + (end - pos) * i / 4);
        if (target)
            QTest::mouseRelease(target, Qt::LeftButton, Qt::NoModifier, end);
    } else if (r < 90) {
        QList<QAbstractItemView *> views;
        for (QAbstractItemView *v : window->findChildren<QAbstractItemView *>())
            if (v->isVisible() && v->model() && v->model()->rowCount() > 0 && v->selectionModel())
                views.append(v);
        if (views.isEmpty())
            return;
        QAbstractItemView *view = views.at(int(m_rng() % views.size()));
        const QModelIndex index = view->model()->index(int(m_rng() % view->model()->rowCount()), 0);
        static const QItemSelectionModel::SelectionFlags flags[] = {
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows,
            QItemSelectionModel::Toggle | QItemSelectionModel::Rows,
            QItemSelectionModel::Select | QItemSelectionModel::Rows, QItemSelectionModel::Clear};
        const auto flag = flags[m_rng() % 4];
        log(QStringLiteral("select row %1 (flags %2) in %3 '%4'")
                .arg(index.row())
                .arg(int(flag))
                .arg(QString::fromLatin1(view->metaObject()->className()), view->objectName()));
        view->selectionModel()->select(index, flag);
        if (m_rng() % 2)
            view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    } else if (r < 97) {
        QList<QAction *> actions;
        for (QAction *menuAction : window->menuBar()->actions()) {
            if (!menuAction->menu())
                continue;
            for (QAction *a : menuAction->menu()->actions())
                if (a->isEnabled() && !a->isSeparator() && !a->menu())
                    actions.append(a);
        }
        if (actions.isEmpty())
            return;
        QAction *action = actions.at(int(m_rng() % actions.size()));
        log(QStringLiteral("menu action '%1'").arg(action->text()));
        action->trigger();
    } else if (r < 99) {
        const bool training = bench.controller()->isRunning();
        log(training ? QStringLiteral("stop") : QStringLiteral("train"));
        if (training)
            bench.controller()->stop();
        else
            window->startTraining();
    } else {
        const QString code = m_rng() % 2 ? QStringLiteral("es") : QStringLiteral("en");
        log(QStringLiteral("language ") + code);
        bench.setLanguage(code);
    }
}

void TestGuiMonkey::randomInteractionNeverCrashesOrWarns()
{
    const int events = envInt("QB_MONKEY_EVENTS", 1500);
    const int seed = envInt("QB_MONKEY_SEED", 1);
    m_rng.seed(unsigned(seed));
    auto bench = makeWorkbench();
    // Training epochs are capped so that a run started by the monkey ends within the test.
    TrainSpec spec = bench->window()->trainingPanel()->trainSpec();
    spec.epochs = 2;
    spec.threads = 1;
    bench->window()->trainingPanel()->setTrainSpec(spec);

    g_problems.clear();
    g_previousHandler = qInstallMessageHandler(recordProblems);
    QElapsedTimer clock;
    clock.start();
    for (m_events = 0; m_events < events && g_problems.isEmpty(); ++m_events) {
        step(*bench);
        QCoreApplication::processEvents();
        if (m_events % 8 == 0)
            QTest::qWait(2); // lets queued replots and timers run
    }
    bench->controller()->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!bench->controller()->isRunning(), 60000);
    QTest::qWait(50);
    qInstallMessageHandler(g_previousHandler);
    qInfo("gui monkey: %d events, seed %d, %.1f s, %lld Qt warnings", m_events, seed, clock.elapsed() / 1000.0,
        qlonglong(g_problems.size()));
    if (!g_problems.isEmpty()) {
        qInfo("last events before the first warning:\n%s", qPrintable(m_recent.join(QLatin1Char('\n'))));
        QFAIL(qPrintable(QStringLiteral("Qt warning (seed %1, event %2): %3")
                             .arg(seed)
                             .arg(m_events)
                             .arg(g_problems.first())));
    }
}

void TestGuiMonkey::cleanupTestCase() { m_answerer.stop(); }

int main(int argc, char *argv[])
{
    qbtest::isolatedHome();
    QApplication app(argc, argv);
    TestGuiMonkey test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_guimonkey.moc"
