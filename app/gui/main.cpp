// quantbench: the desktop workbench. Parses the command line and hands over to Workbench.
#include "editor/networkcanvas.h"
#include "history/confusionview.h"
#include "history/historypanel.h"
#include "history/spikesview.h"
#include "mainwindow.h"
#include "training/trainingcontroller.h"
#include "workbench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTimer>

#include <cstdio>

namespace {

/// Reports (on stdout) how long the window took to appear: the first paint of the main window.
class FirstPaintProbe : public QObject
{
public:
    FirstPaintProbe(const QElapsedTimer &clock, bool quitAfter)
        : m_clock(clock)
        , m_quitAfter(quitAfter)
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_reported) {
            m_reported = true;
            std::printf("window painted after %lld ms (at %lld ms since the epoch)\n",
                static_cast<long long>(m_clock.elapsed()),
                static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
            std::fflush(stdout);
            if (m_quitAfter)
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_clock;
    bool m_quitAfter;
    bool m_reported = false;
};

/// Saves a picture of the window to `path` and quits: after training when the run was started
/// from the command line, else once the window has settled. Before the picture, the `select`
/// newest runs of the history are selected (their curves overlaid; one run: its details), and
/// layer `selectLayer` (1-based; 0: none) in the editor. For scripts/screenshots.sh.
void scheduleScreenshot(
    qb::Workbench &workbench, const QString &path, const QString &view, int select, int selectLayer)
{
    auto shoot = [&workbench, path, view, select, selectLayer] {
        qb::MainWindow *window = workbench.window();
        if (selectLayer > 0)
            window->canvas()->setCurrentLayer(selectLayer - 1);
        QList<qint64> ids;
        for (const qb::RunRecord &run : window->history()->runs()) {
            if (ids.size() < select)
                ids.append(run.id);
        }
        window->history()->selectRuns(ids);
        window->showView(view);
        auto grab = [window, path] {
            if (!window->grab().save(path))
                std::fprintf(stderr, "quantbench: could not write %s\n", qPrintable(path));
            QCoreApplication::quit();
        };
        if (view == QLatin1String("details")) {
            // The confusion matrix is computed in the background: wait for it (at most a minute).
            QObject::connect(window->details(), &qb::ConfusionView::resultShown, window,
                [window, grab] { QTimer::singleShot(500, window, grab); });
            QTimer::singleShot(60000, window, grab);
        } else if (view == QLatin1String("spikes")) {
            // The spikes of the first test image are computed in the background, likewise.
            QObject::connect(window->spikes(), &qb::SpikesView::resultShown, window,
                [window, grab] { QTimer::singleShot(500, window, grab); });
            QTimer::singleShot(60000, window, grab);
        } else {
            QTimer::singleShot(800, window, grab);
        }
    };
    if (workbench.options().autoTrain || workbench.options().autoTrainTwin)
        QObject::connect(workbench.controller(), &qb::TrainingController::allFinished, &workbench, shoot);
    else
        QTimer::singleShot(1500, &workbench, shoot);
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("quantbench"));
    QApplication::setOrganizationName(QStringLiteral("QuantBench"));
    QApplication::setApplicationVersion(QStringLiteral(QUANTBENCH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("QuantBench: train and compare quantized neural networks."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption preset(
        QStringLiteral("preset"), QStringLiteral("Open preset NAME."), QStringLiteral("NAME"));
    const QCommandLineOption network(
        QStringLiteral("network"), QStringLiteral("Open network FILE."), QStringLiteral("FILE"));
    const QCommandLineOption dataset(
        QStringLiteral("dataset"), QStringLiteral("Select dataset NAME."), QStringLiteral("NAME"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
        QStringLiteral("Folder with the dataset's files."), QStringLiteral("DIR"));
    const QCommandLineOption db(
        QStringLiteral("db"), QStringLiteral("History database FILE."), QStringLiteral("FILE"));
    const QCommandLineOption language(
        QStringLiteral("language"), QStringLiteral("Interface language (en, es)."), QStringLiteral("CODE"));
    const QCommandLineOption epochs(
        QStringLiteral("epochs"), QStringLiteral("Preset the number of epochs."), QStringLiteral("N"));
    const QCommandLineOption train(
        QStringLiteral("train"), QStringLiteral("Start training once the window is up."));
    const QCommandLineOption trainTwin(QStringLiteral("train-twin"),
        QStringLiteral("Start training the baseline twin (Train baseline twin) once the window is up."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Save a picture of the window to FILE (after training with --train) and quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption view(QStringLiteral("view"),
        QStringLiteral(
            "View to show for --screenshot: curves, history, comparison, sweeps, grids, details, spikes, "
            "summary."),
        QStringLiteral("NAME"));
    const QCommandLineOption startupTime(
        QStringLiteral("startup-time"), QStringLiteral("Print when the window is first painted, then quit."));
    const QCommandLineOption selectRuns(QStringLiteral("select-runs"),
        QStringLiteral("For --screenshot: select the N newest runs of the history first."),
        QStringLiteral("N"));
    const QCommandLineOption selectLayer(QStringLiteral("select-layer"),
        QStringLiteral("For --screenshot: select layer N (1 = the first) in the editor first."),
        QStringLiteral("N"));
    parser.addOptions({preset, network, dataset, dataDir, db, language, epochs, train, trainTwin, screenshot,
        view, selectRuns, selectLayer, startupTime});
    parser.process(app);

    qb::WorkbenchOptions options;
    options.preset = parser.value(preset);
    options.networkFile = parser.value(network);
    options.dataset = parser.value(dataset);
    options.dataDir = parser.value(dataDir);
    options.dbPath = parser.value(db);
    options.language = parser.value(language);
    options.epochs = parser.value(epochs).toInt();
    options.autoTrain = parser.isSet(train);
    options.autoTrainTwin = parser.isSet(trainTwin);
    options.scripted = parser.isSet(screenshot) || parser.isSet(startupTime);

    qb::Workbench workbench(options);
    workbench.show();

    FirstPaintProbe probe(clock, true);
    if (parser.isSet(startupTime))
        workbench.window()->installEventFilter(&probe);
    if (parser.isSet(screenshot))
        scheduleScreenshot(workbench, parser.value(screenshot), parser.value(view),
            parser.value(selectRuns).toInt(), parser.value(selectLayer).toInt());
    return app.exec();
}
