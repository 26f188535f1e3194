// The central comparison of hardware-aware training, from the window alone, as a user does it: open
// larq-mnist-bnn, press Train, press Train baseline twin, run Run ▸ Noise sweep… (10 chips) on each
// run, select both runs in the History and read the two sweeps overlaid, with error bars over the
// chips, in Comparison ▸ Sweeps.
#include "widgets/training/trainingtestutil.h"

#include "analysis/analysisactions.h"
#include "analysis/chipoptionsform.h"
#include "analysis/noisesweepdialog.h"
#include "history/comparisonview.h"
#include "history/historypanel.h"
#include "history/sweepchart.h"
#include "mainwindow.h"
#include "training/trainingcontroller.h"
#include "training/trainingpanel.h"
#include "workbench.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTimer>

using namespace qb;

class TestHardwareAwareWorkflow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bnnAndTwinNoiseSweepsOverlaid();

private:
    void pressAndWait(Workbench &bench, QAction *action);
    qint64 noiseSweepOfRun(MainWindow *window, qint64 runId);
};

void TestHardwareAwareWorkflow::pressAndWait(Workbench &bench, QAction *action)
{
    QSignalSpy done(bench.controller(), &TrainingController::allFinished);
    QVERIFY(action->isEnabled());
    action->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 300000);
}

/// Run ▸ Noise sweep… on `runId`, answering its dialog: weight_noise.sigma = 0, 0.1, 0.3 on 10 chips.
qint64 TestHardwareAwareWorkflow::noiseSweepOfRun(MainWindow *window, qint64 runId)
{
    window->history()->selectRuns({runId});
    QAction *noise = nullptr;
    for (QAction *action : window->analysis()->actions()) {
        if (action->objectName() == QLatin1String("noiseSweepAction"))
            noise = action;
    }
    if (!noise || !noise->isEnabled())
        return -1;
    bool answered = false;
    QTimer::singleShot(0, window, [&answered] {
        auto *dialog = qobject_cast<NoiseSweepDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->setParameter(QStringLiteral("weight_noise.sigma"));
        dialog->valuesEdit()->setText(QStringLiteral("0, 0.1, 0.3"));
        dialog->chipOptions()->chipsSpin()->setValue(10);
        answered = true;
        dialog->accept();
    });
    QSignalSpy stored(window->analysis(), &AnalysisActions::sweepStored);
    noise->trigger();
    if (!answered || !stored.wait(300000))
        return -1;
    return stored.first().at(1).toLongLong();
}

void TestHardwareAwareWorkflow::bnnAndTwinNoiseSweepsOverlaid()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString data = dir.filePath(QStringLiteral("quadrants"));
    QVERIFY(QDir().mkpath(data));
    QVERIFY(qbtest::writeQuadrantMnist(data, 1200, 300));
    WorkbenchOptions options;
    options.preset = QStringLiteral("larq-mnist-bnn");
    options.dataset = QStringLiteral("mnist");
    options.dataDir = data;
    options.dbPath = dir.filePath(QStringLiteral("history.sqlite"));
    options.language = QStringLiteral("en");
    Workbench bench(options);
    bench.show();
    MainWindow *window = bench.window();
    TrainSpec spec = window->trainingPanel()->trainSpec();
    spec.epochs = 2;
    spec.threads = 1;
    window->trainingPanel()->setTrainSpec(spec);

    pressAndWait(bench, window->trainingPanel()->trainAction());
    pressAndWait(bench, window->trainingPanel()->baselineAction());
    const QList<RunRecord> runs = window->history()->runs(); // newest first
    QCOMPARE(runs.size(), 2);
    const RunRecord twin = runs.at(0);
    const RunRecord bnn = runs.at(1);
    QCOMPARE(bnn.status, RunStatus::Finished);
    QCOMPARE(twin.status, RunStatus::Finished);
    QVERIFY2(bnn.finalTestAccuracy > 0.5, qPrintable(QString::number(bnn.finalTestAccuracy)));

    QVERIFY(noiseSweepOfRun(window, bnn.id) > 0);
    QVERIFY(noiseSweepOfRun(window, twin.id) > 0);

    window->history()->selectRuns({bnn.id, twin.id});
    SweepChart *chart = window->comparison()->sweepChart();
    QTRY_VERIFY(!chart->kinds().isEmpty());
    int noiseKind = -1;
    for (int i = 0; i < chart->kinds().size(); ++i) {
        if (chart->kinds().at(i).contains(QLatin1String("weight_noise.sigma")))
            noiseKind = i;
    }
    QVERIFY2(noiseKind >= 0, qPrintable(chart->kinds().join(QStringLiteral(", "))));
    chart->setCurrentKind(noiseKind);
    QCOMPARE(chart->seriesCount(), 2);
    QCOMPARE(chart->pointCount(), 6);     // 3 values for each run
    QCOMPARE(chart->errorBarCount(), 6);  // ± std over the 10 chips at each point
    QVERIFY2(chart->subtitle().contains(QLatin1String("10")), qPrintable(chart->subtitle()));
}

int main(int argc, char *argv[])
{
    qbtest::isolatedHome();
    QApplication app(argc, argv);
    TestHardwareAwareWorkflow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_hardwareawareworkflow.moc"
