// Trainer outcomes on small synthetic data made in the test: learning, determinism, cancel,
// early stopping, optimizers and shape mismatches.
#include "train/trainer.h"

#include "kernels/kernelswitch.h"

#include "spec/presetlibrary.h"
#include "synthetic.h"

#include <QtTest>

using namespace qb;

namespace {

/// Records batches and epochs; can raise the cancel flag after a number of batches.
class Recorder : public TrainObserver
{
public:
    int batches = 0;
    QList<EpochMetrics> epochs;
    TrainControl *cancelAfterBatches = nullptr;
    int cancelAt = -1;
    void onBatch(const BatchProgress &) override
    {
        ++batches;
        if (cancelAfterBatches && batches == cancelAt)
            cancelAfterBatches->cancel = true;
    }
    Status onEpoch(const EpochMetrics &m) override
    {
        epochs << m;
        return Status();
    }
};

} // namespace

class TestTrainer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void learns_data();
    void learns();
    void sameSeedSameNumbers();
    void handWrittenKernelsKeepTheNumbers_data();
    void handWrittenKernelsKeepTheNumbers();
    void cancelBetweenBatches();
    void earlyStoppingOnFlatTestLoss();
    void observerFailureFailsTheRun();
    void rejectsMismatchedInput();
    void rejectsEventDatasets();
    void limitsAndThreads();

private:
    Dataset m_data = makeDataset();
};

void TestTrainer::learns_data()
{
    QTest::addColumn<bool>("binary");
    QTest::addColumn<int>("optimizer");
    QTest::newRow("float adam") << false << int(OptimizerKind::Adam);
    QTest::newRow("float sgd") << false << int(OptimizerKind::Sgd);
    QTest::newRow("binary adam") << true << int(OptimizerKind::Adam);
}

void TestTrainer::learns()
{
    QFETCH(bool, binary);
    QFETCH(int, optimizer);
    ExperimentSpec e = experiment(smallNet(binary), 4);
    e.train.optimizer = OptimizerKind(optimizer);
    if (e.train.optimizer == OptimizerKind::Sgd)
        e.train.learningRate = 0.05;
    else
        e.train.learningRate = 0.01;
    Trainer trainer(e, m_data);
    Recorder rec;
    trainer.setObserver(&rec);
    const TrainResult r = trainer.run();
    QCOMPARE(r.status, RunStatus::Finished);
    QCOMPARE(r.epochs.size(), 4);
    QCOMPARE(rec.epochs.size(), 4);
    QCOMPARE(rec.batches, 4 * 19); // 600 / 32 rounded up
    // Chance is 0.1; the blocks are easy to tell apart once trained.
    QVERIFY2(r.finalTestAccuracy > 0.8, qPrintable(QString::number(r.finalTestAccuracy)));
    QVERIFY2(r.epochs.last().trainLoss < r.epochs.first().trainLoss,
             qPrintable(QStringLiteral("%1 -> %2").arg(r.epochs.first().trainLoss).arg(r.epochs.last().trainLoss)));
    QVERIFY(r.epochs.first().samplesPerSecond > 0);
}

void TestTrainer::sameSeedSameNumbers()
{
    auto runOnce = [this](qint64 seed) {
        Trainer t(experiment(smallNet(true), 2, seed), m_data);
        return t.run();
    };
    const TrainResult a = runOnce(11);
    const TrainResult b = runOnce(11);
    const TrainResult c = runOnce(12);
    QCOMPARE(a.status, RunStatus::Finished);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(a.epochs[i].trainLoss, b.epochs[i].trainLoss);
        QCOMPARE(a.epochs[i].testLoss, b.epochs[i].testLoss);
        QCOMPARE(a.epochs[i].testAccuracy, b.epochs[i].testAccuracy);
    }
    QVERIFY(a.epochs[0].trainLoss != c.epochs[0].trainLoss);
}

void TestTrainer::handWrittenKernelsKeepTheNumbers_data()
{
    QTest::addColumn<bool>("overlappingPool");
    QTest::newRow("binary weights, sign inputs, 2x2 pool") << false;
    QTest::newRow("3x3 pool, stride 2, padding 1") << true;
}

void TestTrainer::handWrittenKernelsKeepTheNumbers()
{
    // The numerics guard of the speed work: the same seed trains to the very same losses and
    // accuracies with the hand-written kernels (fused sign/STE, max pooling forward and backward,
    // binary-weight and bit-packed evaluation) as with the plain chains of torch operations.
    QFETCH(bool, overlappingPool);
    NetworkSpec net = smallNet(true);
    // Binary inputs to the dense layer come from a sign quantizer: its fused forward and gradient.
    if (overlappingPool) {
        for (LayerSpec &l : net.layers) {
            if (l.type == LayerType::MaxPool) {
                l.poolH = l.poolW = 3;
                l.poolStrideH = l.poolStrideW = 2;
                l.padding = Padding::Explicit;
                l.paddingAmount = 1;
            }
        }
    }
    ExperimentSpec e = experiment(net, 3, 17);
    e.train.threads = 2;
    e.train.learningRate = 0.01;
    auto runOnce = [&](bool kernels) {
        setHandWrittenKernelsEnabled(kernels);
        Trainer t(e, m_data);
        const TrainResult r = t.run();
        setHandWrittenKernelsEnabled(true);
        return r;
    };
    const TrainResult fast = runOnce(true);
    const TrainResult plain = runOnce(false);
    QCOMPARE(fast.status, RunStatus::Finished);
    QCOMPARE(plain.status, RunStatus::Finished);
    QCOMPARE(fast.epochs.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(fast.epochs[i].trainLoss, plain.epochs[i].trainLoss);
        QCOMPARE(fast.epochs[i].trainAccuracy, plain.epochs[i].trainAccuracy);
        QCOMPARE(fast.epochs[i].testLoss, plain.epochs[i].testLoss);
        QCOMPARE(fast.epochs[i].testAccuracy, plain.epochs[i].testAccuracy);
    }
    // A real outcome, not two equal failures: the network learned.
    QVERIFY2(fast.finalTestAccuracy > 0.5, qPrintable(QString::number(fast.finalTestAccuracy)));
    QVERIFY(fast.epochs.last().trainLoss < fast.epochs.first().trainLoss);
}

void TestTrainer::cancelBetweenBatches()
{
    Trainer t(experiment(smallNet(false), 5), m_data);
    TrainControl control;
    Recorder rec;
    rec.cancelAfterBatches = &control;
    rec.cancelAt = 25; // inside epoch 2
    t.setControl(&control);
    t.setObserver(&rec);
    const TrainResult r = t.run();
    QCOMPARE(r.status, RunStatus::Cancelled);
    QCOMPARE(rec.batches, 25);
    QCOMPARE(r.epochs.size(), 1);
}

void TestTrainer::earlyStoppingOnFlatTestLoss()
{
    // Without BatchNorm and with a vanishing learning rate the test loss cannot improve after the
    // first epoch, so patience 2 stops after epoch 3.
    NetworkSpec n;
    n.name = QStringLiteral("linear");
    n.input = TensorShape::image(1, 12, 12);
    LayerSpec f = layer(LayerType::Flatten);
    LayerSpec d = layer(LayerType::Dense);
    d.units = 10;
    n.layers << f << d;
    ExperimentSpec e = experiment(n, 20);
    e.train.learningRate = 1e-30;
    e.train.earlyStoppingPatience = 2;
    Trainer t(e, m_data);
    const TrainResult r = t.run();
    QCOMPARE(r.status, RunStatus::Finished);
    QVERIFY(r.stoppedEarly);
    QCOMPARE(r.epochs.size(), 3);
}

void TestTrainer::observerFailureFailsTheRun()
{
    class Failing : public TrainObserver
    {
    public:
        Status onEpoch(const EpochMetrics &) override { return Status::failure(QStringLiteral("disk full")); }
    } failing;
    Trainer t(experiment(smallNet(false), 3), m_data);
    t.setObserver(&failing);
    const TrainResult r = t.run();
    QCOMPARE(r.status, RunStatus::Failed);
    QCOMPARE(r.error, QStringLiteral("disk full"));
    QCOMPARE(r.epochs.size(), 1);
}

void TestTrainer::rejectsMismatchedInput()
{
    auto bnn = PresetLibrary::load(QStringLiteral("larq-mnist-bnn")); // expects 1x28x28
    QVERIFY(bnn.ok());
    Trainer t(experiment(*bnn, 1), m_data);
    const Status s = t.prepare();
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(QLatin1String("1x28x28")) && s.error().contains(QLatin1String("1x12x12")),
             qPrintable(s.error()));
    const TrainResult r = t.run();
    QCOMPARE(r.status, RunStatus::Failed);

    NetworkSpec wrongClasses = smallNet(false);
    wrongClasses.layers.last().units = 7;
    Trainer t2(experiment(wrongClasses, 1), m_data);
    const Status s2 = t2.prepare();
    QVERIFY(!s2.ok());
    QVERIFY2(s2.error().contains(QLatin1String("units")), qPrintable(s2.error()));
}

void TestTrainer::rejectsEventDatasets()
{
    // An N-MNIST-like split (events, no pixels) must be refused, not read as images.
    Dataset events;
    events.name = QStringLiteral("nmnist");
    for (DatasetSplit *split : {&events.train, &events.test}) {
        split->count = 2;
        split->channels = 2;
        split->height = 34;
        split->width = 34;
        split->labels = {0, 1};
        split->events = {DvsEvent{1, 2, 1, 10}, DvsEvent{3, 4, 0, 20}};
        split->eventOffsets = {0, 1, 2};
    }
    Trainer t(experiment(smallNet(false), 1), events);
    const Status s = t.prepare();
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(QLatin1String("'nmnist' holds event recordings")), qPrintable(s.error()));
    QCOMPARE(t.run().status, RunStatus::Failed);
}

void TestTrainer::limitsAndThreads()
{
    ExperimentSpec e = experiment(smallNet(false), 1);
    e.train.trainLimit = 100;
    e.train.testLimit = 50;
    e.train.batchSize = 25;
    Trainer t(e, m_data);
    Recorder rec;
    t.setObserver(&rec);
    QCOMPARE(t.run().status, RunStatus::Finished);
    QCOMPARE(rec.batches, 4);
    QCOMPARE(Trainer::applyThreadCount(1), 1);
    QVERIFY(Trainer::applyThreadCount(0) >= 1);
}

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
