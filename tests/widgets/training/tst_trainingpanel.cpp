// TrainingPanel: settings <-> TrainSpec, Train disabled with the validator's reason, and a real
// run started from the Train button.
#include "trainingtestutil.h"

#include "common/appsettings.h"
#include "document/networkdocument.h"
#include "spec/networkvalidator.h"
#include "spec/presetlibrary.h"
#include "store/experimentstore.h"
#include "training/trainingcontroller.h"
#include "training/trainingpanel.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

using namespace qb;

namespace {
const QString kHome = qbtest::isolatedHome();

NetworkSpec invalidNetwork()
{
    NetworkSpec n = qbtest::tinyNetwork();
    n.layers[1].units = 0;
    return n;
}

NetworkSpec quantizedNetwork()
{
    NetworkSpec n = qbtest::tinyNetwork();
    n.layers[1].kernelQuantizer.name = QStringLiteral("ste_sign");
    n.layers[1].kernelClip = 1.0;
    return n;
}
} // namespace

class TestTrainingPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void invalidNetworkDisablesTrainWithTheReason();
    void trainSpecFollowsTheWidgets();
    void setTrainSpecRoundTrips();
    void takesTheNetworksTrainingDefaults();
    void threadsDefaultComesFromTheSettings();
    void experimentSpecUsesTheDocumentAndDataset();
    void baselineTwinNeedsQuantization();
    void csvDatasetNameIsAdded();
    void missingDatasetIsExplainedBeforeStarting();
    void actionsAndProblemFollowTheNetwork();
    void missingDatasetIsAProblemUntilTheDatasetChanges();
    void trainButtonRunsAndReportsProgress();
    void pauseAndStopButtonsSteerTheRun();

private:
    template <typename T> T *child(QWidget *panel, const char *name)
    {
        T *w = panel->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning() << "no widget" << name;
        return w;
    }
};

void TestTrainingPanel::init()
{
    AppSettings().setThreads(0);
    AppSettings().setDataDirectory(QString());
}

void TestTrainingPanel::invalidNetworkDisablesTrainWithTheReason()
{
    NetworkDocument document;
    document.reset(invalidNetwork());
    TrainingController controller;
    TrainingPanel panel(&document, &controller);
    auto *train = child<QPushButton>(&panel, "trainButton");
    auto *status = child<QLabel>(&panel, "statusLabel");
    QVERIFY(train && status);

    QVERIFY(!document.validation().ok());
    QVERIFY(!train->isEnabled());
    const QString issue = document.validation().issues.first().toString(document.network());
    QVERIFY(!issue.isEmpty());
    QVERIFY2(status->text().contains(issue), qPrintable(status->text()));
    QVERIFY(status->text().startsWith(QStringLiteral("Fix the network first")));
    QVERIFY(!panel.train());

    // Fixing the layer through an undoable edit enables Train; undo disables it again.
    LayerSpec fixed = document.layer(1);
    fixed.units = 32;
    document.editLayer(1, fixed, QStringLiteral("units"));
    QVERIFY(document.validation().ok());
    QVERIFY(train->isEnabled());
    QVERIFY(!status->text().contains(issue));
    document.undoStack()->undo();
    QVERIFY(!train->isEnabled());
    QVERIFY(status->text().contains(issue));

    // Idle: pause and stop have nothing to act on.
    QVERIFY(!child<QPushButton>(&panel, "pauseButton")->isEnabled());
    QVERIFY(!child<QPushButton>(&panel, "stopButton")->isEnabled());
}

void TestTrainingPanel::takesTheNetworksTrainingDefaults()
{
    // snn-fc-mnist was published with Adam, lr 5e-4, batch 128, one epoch, inputs in [0, 1].
    const Result<NetworkSpec> snn = PresetLibrary::load(QStringLiteral("snn-fc-mnist"));
    QVERIFY2(snn, qPrintable(snn.error()));
    NetworkDocument document;
    document.reset(*snn);
    TrainingController controller;
    TrainingPanel panel(&document, &controller);
    TrainSpec mine = panel.trainSpec();
    mine.optimizer = OptimizerKind::Sgd;
    mine.learningRate = 0.1;
    mine.batchSize = 32;
    mine.epochs = 7;
    mine.seed = 99;
    panel.setTrainSpec(mine);
    QVERIFY(panel.applyNetworkDefaults(snn->trainingDefaults));
    const TrainSpec taken = panel.trainSpec();
    QCOMPARE(taken.optimizer, OptimizerKind::Adam);
    QCOMPARE(taken.learningRate, 5e-4);
    QCOMPARE(taken.batchSize, 128);
    QCOMPARE(taken.epochs, 1);
    QCOMPARE(taken.normalization, Normalization::ZeroToOne);
    QCOMPARE(taken.seed, qint64(99)); // not a training default: the user's stays
    // The experiment the panel would train is the one the CLI makes from the preset.
    ExperimentSpec cli = ExperimentSpec::forNetwork(*snn);
    QCOMPARE(panel.experimentSpec().train.learningRate, cli.train.learningRate);
    QCOMPARE(panel.experimentSpec().train.normalization, cli.train.normalization);
    // A network without its own settings keeps the user's, but the settings without a control
    // (normalization) return to the default rather than staying the previous network's.
    QVERIFY(!panel.applyNetworkDefaults(QJsonObject()));
    QCOMPARE(panel.trainSpec().learningRate, 5e-4);
    QCOMPARE(panel.trainSpec().normalization, TrainSpec().normalization);
}

void TestTrainingPanel::trainSpecFollowsTheWidgets()
{
    NetworkDocument document;
    document.reset(qbtest::tinyNetwork());
    TrainingController controller;
    TrainingPanel panel(&document, &controller);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    auto *epochs = child<QSpinBox>(&panel, "epochsSpin");
    epochs->setFocus();
    epochs->selectAll();
    QTest::keyClicks(epochs, QStringLiteral("9"));
    QCOMPARE(panel.trainSpec().epochs, 9);
    child<QSpinBox>(&panel, "batchSizeSpin")->setValue(128);
    auto *optimizer = child<QComboBox>(&panel, "optimizerCombo");
    optimizer->setCurrentIndex(optimizer->findData(int(OptimizerKind::Sgd)));
    child<QDoubleSpinBox>(&panel, "learningRateSpin")->setValue(0.05);
    child<QDoubleSpinBox>(&panel, "weightDecaySpin")->setValue(0.0001);
    child<QSpinBox>(&panel, "patienceSpin")->setValue(3);
    child<QSpinBox>(&panel, "seedSpin")->setValue(1234);
    child<QSpinBox>(&panel, "threadsSpin")->setValue(2);
    child<QSpinBox>(&panel, "repeatsSpin")->setValue(4);

    const TrainSpec spec = panel.trainSpec();
    QCOMPARE(spec.epochs, 9);
    QCOMPARE(spec.batchSize, 128);
    QCOMPARE(spec.optimizer, OptimizerKind::Sgd);
    QCOMPARE(spec.learningRate, 0.05);
    QCOMPARE(spec.weightDecay, 0.0001);
    QCOMPARE(spec.earlyStoppingPatience, 3);
    QCOMPARE(spec.seed, qint64(1234));
    QCOMPARE(spec.threads, 2);
    QCOMPARE(panel.repeats(), 4);
    QCOMPARE(child<QSpinBox>(&panel, "patienceSpin")->minimum(), 0); // 0 = off
}

void TestTrainingPanel::setTrainSpecRoundTrips()
{
    NetworkDocument document;
    document.reset(qbtest::tinyNetwork());
    TrainingController controller;
    TrainingPanel panel(&document, &controller);
    TrainSpec spec;
    spec.optimizer = OptimizerKind::Sgd;
    spec.learningRate = 0.0125;
    spec.momentum = 0.5; // no widget: kept
    spec.trainLimit = 1000; // no widget: kept
    spec.batchSize = 16;
    spec.epochs = 2;
    spec.weightDecay = 0.001;
    spec.earlyStoppingPatience = 2;
    spec.seed = 77;
    spec.threads = 1;
    panel.setTrainSpec(spec);
    QCOMPARE(panel.trainSpec(), spec);
    QCOMPARE(child<QSpinBox>(&panel, "epochsSpin")->value(), 2);
    QCOMPARE(child<QSpinBox>(&panel, "seedSpin")->value(), 77);
}

void TestTrainingPanel::threadsDefaultComesFromTheSettings()
{
    AppSettings().setThreads(3);
    NetworkDocument document;
    TrainingController controller;
    TrainingPanel panel(&document, &controller);
    QCOMPARE(child<QSpinBox>(&panel, "threadsSpin")->value(), 3);
    QCOMPARE(panel.trainSpec().threads, 3);
}

void TestTrainingPanel::experimentSpecUsesTheDocumentAndDataset()
{
    NetworkDocument document;
    document.reset(qbtest::tinyNetwork());
    TrainingController controller;
    TrainingPanel panel(&document, &controller);
    auto *combo = child<QComboBox>(&panel, "datasetCombo");
    combo->setCurrentIndex(combo->findData(QStringLiteral("cifar10")));
    Q_EMIT combo->activated(combo->currentIndex());
    QCOMPARE(panel.datasetName(), QStringLiteral("cifar10"));
    panel.setDatasetName(QStringLiteral("mnist"));
    QCOMPARE(combo->currentData().toString(), QStringLiteral("mnist"));
    child<QSpinBox>(&panel, "epochsSpin")->setValue(5);

    const ExperimentSpec spec = panel.experimentSpec();
    QCOMPARE(spec.network, document.network());
    QCOMPARE(spec.dataset, QStringLiteral("mnist"));
    QCOMPARE(spec.train.epochs, 5);
    QCOMPARE(spec.name, document.network().name);
    // Every known dataset is offered, plus a CSV entry.
    for (const QString &name :
        {QStringLiteral("mnist"), QStringLiteral("fashion-mnist"), QStringLiteral("cifar10")})
        QVERIFY(combo->findData(name) >= 0);
    QVERIFY(combo->findText(QStringLiteral("CSV file…")) >= 0);
}

void TestTrainingPanel::baselineTwinNeedsQuantization()
{
    NetworkDocument document;
    document.reset(qbtest::tinyNetwork());
    TrainingController controller;
    TrainingPanel panel(&document, &controller);
    auto *baseline = child<QPushButton>(&panel, "baselineButton");
    QVERIFY(!baseline->isEnabled()); // nothing quantized: it is its own baseline

    document.reset(quantizedNetwork());
    QVERIFY(document.validation().ok());
    QVERIFY(baseline->isEnabled());
    const ExperimentSpec twin = panel.baselineExperimentSpec();
    QVERIFY(twin.network.layers[1].kernelQuantizer.isNone());
    QCOMPARE(twin.network.layers[1].kernelClip, 0.0);
    QCOMPARE(twin.network.layers.size(), document.network().layers.size());
    QVERIFY(!panel.experimentSpec().network.layers[1].kernelQuantizer.isNone());
    QVERIFY(NetworkValidator::validate(twin.network).ok());
}

void TestTrainingPanel::csvDatasetNameIsAdded()
{
    NetworkDocument document;
    TrainingController controller;
    TrainingPanel panel(&document, &controller);
    const QString path = QStringLiteral("/tmp/some/table.csv");
    panel.setDatasetName(path);
    QCOMPARE(panel.datasetName(), path);
    auto *combo = child<QComboBox>(&panel, "datasetCombo");
    QCOMPARE(combo->currentText(), QStringLiteral("table.csv"));
    // The "CSV file…" entry stays last.
    QCOMPARE(combo->itemText(combo->count() - 1), QStringLiteral("CSV file…"));
    panel.setDatasetName(QStringLiteral("fashion-mnist"));
    QCOMPARE(panel.datasetName(), QStringLiteral("fashion-mnist"));
}

void TestTrainingPanel::missingDatasetIsExplainedBeforeStarting()
{
    QTemporaryDir empty;
    NetworkDocument document;
    document.reset(qbtest::tinyNetwork());
    TrainingController controller;
    TrainingPanel panel(&document, &controller);
    panel.setDatasetName(QStringLiteral("mnist"));
    panel.setDataDirectory(empty.path());
    QVERIFY(!panel.train());
    QVERIFY(!controller.isRunning());
    const QString text = child<QLabel>(&panel, "statusLabel")->text();
    QVERIFY2(text.contains(QStringLiteral("Data…")), qPrintable(text));
    QVERIFY2(text.contains(QDir::toNativeSeparators(empty.path())), qPrintable(text));
}

// The actions (shown by the main window's tool bar) and problem() (its status bar) say what the
// buttons and the status line say.
void TestTrainingPanel::actionsAndProblemFollowTheNetwork()
{
    NetworkDocument document;
    document.reset(invalidNetwork());
    TrainingController controller;
    TrainingPanel panel(&document, &controller);
    QSignalSpy problems(&panel, &TrainingPanel::problemChanged);
    const QString issue = document.validation().issues.first().toString(document.network());
    QVERIFY(!panel.trainAction()->isEnabled());
    QVERIFY(!panel.baselineAction()->isEnabled());
    QVERIFY(!panel.stopAction()->isEnabled());
    QVERIFY2(panel.problem().contains(issue), qPrintable(panel.problem()));
    QVERIFY2(panel.trainAction()->toolTip().contains(issue), qPrintable(panel.trainAction()->toolTip()));

    LayerSpec fixed = document.layer(1);
    fixed.units = 32;
    document.editLayer(1, fixed, QStringLiteral("units"));
    QVERIFY(panel.trainAction()->isEnabled());
    QVERIFY(child<QPushButton>(&panel, "trainButton")->isEnabled());
    QVERIFY(panel.problem().isEmpty());
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.last().first().toString(), QString());

    document.undoStack()->undo();
    QVERIFY(!panel.trainAction()->isEnabled());
    QVERIFY(!child<QPushButton>(&panel, "trainButton")->isEnabled());
    QCOMPARE(problems.size(), 2);
    QVERIFY(problems.last().first().toString().contains(issue));
    // Triggering the disabled action starts nothing.
    panel.trainAction()->trigger();
    QVERIFY(!controller.isRunning());
}

void TestTrainingPanel::missingDatasetIsAProblemUntilTheDatasetChanges()
{
    QTemporaryDir empty;
    NetworkDocument document;
    document.reset(qbtest::tinyNetwork());
    TrainingController controller;
    TrainingPanel panel(&document, &controller);
    panel.setDatasetName(QStringLiteral("mnist"));
    panel.setDataDirectory(empty.path());
    QVERIFY(panel.problem().isEmpty());
    QSignalSpy problems(&panel, &TrainingPanel::problemChanged);
    panel.trainAction()->trigger();
    QVERIFY(!controller.isRunning());
    QCOMPARE(problems.size(), 1);
    QVERIFY2(panel.problem().contains(QStringLiteral("Data…")), qPrintable(panel.problem()));
    QVERIFY(panel.trainAction()->isEnabled()); // another dataset, or one imported meanwhile, may work
    panel.setDatasetName(QStringLiteral("fashion-mnist"));
    QTRY_VERIFY(panel.problem().isEmpty());
}

void TestTrainingPanel::trainButtonRunsAndReportsProgress()
{
    QTemporaryDir dir;
    QVERIFY(qbtest::writeQuadrantMnist(dir.path(), 300, 100));
    const QString db = dir.filePath(QStringLiteral("history.sqlite"));

    NetworkDocument document;
    document.reset(qbtest::tinyNetwork());
    TrainingController controller;
    TrainingPanel panel(&document, &controller);
    panel.setDatasetName(QStringLiteral("mnist"));
    panel.setDataDirectory(dir.path());
    panel.setDatabasePath(db);
    TrainSpec spec = panel.trainSpec();
    spec.epochs = 2;
    spec.batchSize = 32;
    spec.threads = 1;
    panel.setTrainSpec(spec);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    QSignalSpy requested(&panel, &TrainingPanel::trainingRequested);
    QSignalSpy finished(&controller, &TrainingController::runFinished);
    QSignalSpy all(&controller, &TrainingController::allFinished);
    QSignalSpy progressed(&panel, &TrainingPanel::progressChanged);
    auto *train = child<QPushButton>(&panel, "trainButton");
    QTest::mouseClick(train, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QVERIFY(controller.isRunning());
    QVERIFY(!train->isEnabled());
    QVERIFY(child<QPushButton>(&panel, "stopButton")->isEnabled());
    QVERIFY(!child<QSpinBox>(&panel, "epochsSpin")->isEnabled());

    QTRY_COMPARE_WITH_TIMEOUT(all.count(), 1, 60000);
    QCOMPARE(finished.first().at(1).value<RunStatus>(), RunStatus::Finished);
    const qint64 runId = finished.first().at(0).toLongLong();
    auto *bar = child<QProgressBar>(&panel, "progressBar");
    QCOMPARE(bar->maximum(), 2 * 10); // 2 epochs of 300/32 -> 10 batches
    QCOMPARE(bar->value(), bar->maximum());
    const QString progress = child<QLabel>(&panel, "progressLabel")->text();
    QVERIFY2(progress.startsWith(QStringLiteral("Epoch 2/2 · batch 10/10 · ")), qPrintable(progress));
    // The same progress, for the main window's tool bar.
    QVERIFY(progressed.size() >= 2);
    QCOMPARE(progressed.last().at(0).toInt(), bar->value());
    QCOMPARE(progressed.last().at(1).toInt(), bar->maximum());
    QCOMPARE(progressed.last().at(2).toString(), progress);
    const QString status = child<QLabel>(&panel, "statusLabel")->text();
    QVERIFY2(status.contains(QStringLiteral("Run %1 finished").arg(runId)), qPrintable(status));
    QVERIFY(train->isEnabled());

    ExperimentStore store;
    QVERIFY(store.open(db));
    auto run = store.run(runId);
    QVERIFY(run.ok());
    QCOMPARE(run->status, RunStatus::Finished);
    QCOMPARE(run->epochsDone, 2);
    QCOMPARE(AppSettings().dataset(), QStringLiteral("mnist"));
}

void TestTrainingPanel::pauseAndStopButtonsSteerTheRun()
{
    QTemporaryDir dir;
    QVERIFY(qbtest::writeQuadrantMnist(dir.path(), 600, 100));
    NetworkDocument document;
    document.reset(qbtest::tinyNetwork(128));
    TrainingController controller;
    TrainingPanel panel(&document, &controller);
    panel.setDatasetName(QStringLiteral("mnist"));
    panel.setDataDirectory(dir.path());
    panel.setDatabasePath(dir.filePath(QStringLiteral("history.sqlite")));
    TrainSpec spec = panel.trainSpec();
    spec.epochs = 500;
    spec.batchSize = 4;
    spec.threads = 1;
    panel.setTrainSpec(spec);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    QSignalSpy batches(&controller, &TrainingController::batchProgress);
    QSignalSpy finished(&controller, &TrainingController::runFinished);
    QSignalSpy all(&controller, &TrainingController::allFinished);
    QVERIFY(panel.train());
    QTRY_VERIFY_WITH_TIMEOUT(batches.count() > 0, 30000);

    auto *pause = child<QPushButton>(&panel, "pauseButton");
    auto *status = child<QLabel>(&panel, "statusLabel");
    QCOMPARE(pause->text(), QStringLiteral("Pause"));
    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(controller.isPaused());
    QCOMPARE(pause->text(), QStringLiteral("Resume"));
    QCOMPARE(status->text(), QStringLiteral("Paused."));
    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(!controller.isPaused());
    QCOMPARE(pause->text(), QStringLiteral("Pause"));

    const QString progress = child<QLabel>(&panel, "progressLabel")->text();
    QVERIFY2(progress.contains(QStringLiteral("samples/s · ETA ")), qPrintable(progress));
    QTest::mouseClick(child<QPushButton>(&panel, "stopButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(all.count(), 1, 30000);
    QCOMPARE(finished.first().at(1).value<RunStatus>(), RunStatus::Cancelled);
    QVERIFY2(status->text().contains(QStringLiteral("cancelled")), qPrintable(status->text()));
    QVERIFY(child<QPushButton>(&panel, "trainButton")->isEnabled());
    QVERIFY(!pause->isEnabled());
}

QTEST_MAIN(TestTrainingPanel)
#include "tst_trainingpanel.moc"
