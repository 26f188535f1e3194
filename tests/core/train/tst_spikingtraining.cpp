// Spiking networks train: the snnTorch tutorial-5 preset and the binarized SNN on real
// Fashion-MNIST images, and the N-MNIST preset on event samples made in the test (framed per batch).
#include "data/datasetlocator.h"
#include "spec/presetlibrary.h"
#include "train/trainedmodel.h"
#include "train/trainer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace qb;

namespace {

ExperimentSpec presetExperiment(const QString &preset, int trainLimit, int testLimit)
{
    ExperimentSpec e = ExperimentSpec::forNetwork(*PresetLibrary::load(preset));
    e.train.trainLimit = trainLimit;
    e.train.testLimit = testLimit;
    e.train.epochs = 1;
    e.train.threads = 2;
    return e;
}

class BatchLosses : public TrainObserver
{
public:
    QVector<double> losses;
    void onBatch(const BatchProgress &p) override { losses << p.loss; }
    Status onEpoch(const EpochMetrics &) override { return Status(); }
};

/// Event samples whose class is where they happen: class c puts its events in an 8x8 patch at
/// one of four places of the 34x34 sensor, at random times over 300 ms, both polarities.
DatasetSplit eventSplit(int count, std::mt19937 &rng)
{
    DatasetSplit split;
    split.count = count;
    split.channels = 2;
    split.height = 34;
    split.width = 34;
    split.eventOffsets.push_back(0);
    std::uniform_int_distribution<int> offset(0, 7);
    std::uniform_int_distribution<int> polarity(0, 1);
    std::uniform_int_distribution<std::uint32_t> time(0, 300000);
    for (int i = 0; i < count; ++i) {
        const int label = i % 4;
        const int x0 = (label % 2) * 18 + 4;
        const int y0 = (label / 2) * 18 + 4;
        std::vector<std::uint32_t> times(300);
        for (auto &t : times)
            t = time(rng);
        std::sort(times.begin(), times.end());
        for (std::uint32_t t : times) {
            DvsEvent e;
            e.x = std::uint16_t(x0 + offset(rng));
            e.y = std::uint16_t(y0 + offset(rng));
            e.polarity = std::uint8_t(polarity(rng));
            e.t = t;
            split.events.push_back(e);
        }
        split.eventOffsets.push_back(std::int64_t(split.events.size()));
        split.labels.push_back(std::uint8_t(label));
    }
    return split;
}

} // namespace

class TestSpikingTraining : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void presetsLearnFashionMnist_data();
    void presetsLearnFashionMnist();
    void sameSeedSameNumbers();
    void eventSamplesTrainThroughFraming();

private:
    Dataset m_fashion;
};

void TestSpikingTraining::initTestCase()
{
    const Result<Dataset> data = DatasetLocator::load(QStringLiteral("fashion-mnist"));
    QVERIFY2(data, qPrintable(data.error()));
    m_fashion = *data;
}

void TestSpikingTraining::presetsLearnFashionMnist_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<double>("minimum");
    // Chance is 0.1. One epoch over 3,000 images (the acceptance figures of the README use more).
    QTest::newRow("snn-fc-mnist") << QStringLiteral("snn-fc-mnist") << 0.5;
    QTest::newRow("bsnn-fmnist") << QStringLiteral("bsnn-fmnist") << 0.5;
}

void TestSpikingTraining::presetsLearnFashionMnist()
{
    QFETCH(QString, preset);
    QFETCH(double, minimum);
    const ExperimentSpec e = presetExperiment(preset, 3000, 1000);
    Trainer trainer(e, m_fashion);
    BatchLosses batches;
    trainer.setObserver(&batches);
    const TrainResult r = trainer.run();
    QCOMPARE(r.status, RunStatus::Finished);
    QVERIFY2(r.finalTestAccuracy > minimum, qPrintable(QString::number(r.finalTestAccuracy)));
    QCOMPARE(batches.losses.size(), 24); // 3000 / 128 rounded up
    const double first = batches.losses.first();
    const double last = batches.losses.last();
    QVERIFY2(last < 0.8 * first, qPrintable(QStringLiteral("%1 -> %2").arg(first).arg(last)));
}

void TestSpikingTraining::sameSeedSameNumbers()
{
    ExperimentSpec e = presetExperiment(QStringLiteral("snn-fc-mnist"), 384, 200);
    e.network.spiking.timeSteps = 8;
    QVector<double> losses[2];
    for (QVector<double> &out : losses) {
        Trainer trainer(e, m_fashion);
        BatchLosses batches;
        trainer.setObserver(&batches);
        QCOMPARE(trainer.run().status, RunStatus::Finished);
        out = batches.losses;
    }
    QCOMPARE(losses[0], losses[1]);
}

void TestSpikingTraining::eventSamplesTrainThroughFraming()
{
    std::mt19937 rng(7);
    Dataset events;
    events.name = QStringLiteral("nmnist");
    events.numClasses = 10;
    events.train = eventSplit(512, rng);
    events.test = eventSplit(128, rng);
    ExperimentSpec e = presetExperiment(QStringLiteral("snn-nmnist"), 0, 0);
    e.network.spiking.timeSteps = 6;
    e.train.batchSize = 32;
    e.train.epochs = 2;
    e.train.learningRate = 2e-3;
    Trainer trainer(e, events);
    const TrainResult r = trainer.run();
    QVERIFY2(r.status == RunStatus::Finished, qPrintable(r.error));
    // Four classes, so chance is 0.25.
    QVERIFY2(r.finalTestAccuracy > 0.8, qPrintable(QString::number(r.finalTestAccuracy)));

    // The trained model records spikes for one sample and measures activity.
    QTemporaryDir dir;
    QVERIFY(trainer.saveWeights(dir.filePath(QStringLiteral("w.pt"))));
    auto model = TrainedModel::load(trainer.spec(), dir.filePath(QStringLiteral("w.pt")));
    QVERIFY2(model, qPrintable(model.error()));
    const auto activity = (*model)->spikeActivity(events.test, 3);
    QVERIFY2(activity, qPrintable(activity.error()));
    QCOMPARE(activity->size(), 3);
    QCOMPARE(activity->at(2).neurons, 10);
    QCOMPARE(activity->at(2).steps, 6);
    QCOMPARE(activity->at(0).neurons, 12 * 15 * 15);
    const auto report = (*model)->activity(events.test, 64);
    QVERIFY2(report, qPrintable(report.error()));
    QCOMPARE(report->samples, 64);
    QVERIFY(report->layers.at(0).spikesPerImage > 0);
    // conv2 and fc1 are fed by spikes, conv1 by the event frames (counts, not spikes).
    QVERIFY(report->synapticOpsPerImage > 0);
    QVERIFY(report->denseMacsPerImage > 0);
}

QTEST_GUILESS_MAIN(TestSpikingTraining)
#include "tst_spikingtraining.moc"
