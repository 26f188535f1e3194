// SpikesView (widgets/history/spikesview.cpp) on a real spiking run: snn-fc-mnist trained here for
// one short epoch on Fashion-MNIST with a few time steps, then shown image by image. Every plot is
// checked against the core's own SpikingLayerActivity for the same image, and the test-set
// measurement against TrainedModel::activity.

#include "common/plotexport.h"
#include "common/qcp.h"
#include "data/datasetlocator.h"
#include "history/spikessource.h"
#include "history/spikesview.h"
#include "spec/presetlibrary.h"
#include "store/experimentstore.h"
#include "train/experimentrunner.h"
#include "train/trainedmodel.h"

#include <QComboBox>
#include <QFileInfo>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace qb;

namespace {
constexpr int kSteps = 8;
constexpr int kTestImages = 200;

int countSpikes(const SpikingLayerActivity &layer, int neurons)
{
    int n = 0;
    for (int t = 0; t < layer.steps; ++t) {
        for (int i = 0; i < std::min(neurons, layer.neurons); ++i)
            n += layer.spikes.at(t * layer.neurons + i) > 0.5f ? 1 : 0;
    }
    return n;
}
} // namespace

class TestSpikesView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsRastersMembraneAndRates();
    void anotherImageAndNeuron();
    void measuresActivityOnTheTestSet();
    void measureReportsProgressAndCancels();
    void notASpikingRun();

private:
    QTemporaryDir m_dir;
    QString m_db;
    qint64 m_runId = -1;
    std::shared_ptr<TrainedModel> m_model;
    Dataset m_dataset;
};

void TestSpikesView::initTestCase()
{
    auto dataset = DatasetLocator::load(QStringLiteral("fashion-mnist"));
    if (!dataset)
        QSKIP("Fashion-MNIST is not installed");
    m_dataset = *dataset;
    const Result<NetworkSpec> preset = PresetLibrary::load(QStringLiteral("snn-fc-mnist"));
    QVERIFY2(preset, qPrintable(preset.error()));
    RunRequest request;
    request.spec = ExperimentSpec::forNetwork(*preset);
    request.spec.network.spiking.timeSteps = kSteps;
    request.spec.dataset = QStringLiteral("fashion-mnist");
    request.spec.train.epochs = 1;
    request.spec.train.trainLimit = 512;
    request.spec.train.testLimit = kTestImages;
    request.spec.train.threads = 2;
    request.spec.train.seed = 7;
    m_db = m_dir.filePath(QStringLiteral("history.sqlite"));
    request.dbPath = m_db;
    request.dataset = &m_dataset;
    ExperimentRunner runner(request);
    const RunOutcome outcome = runner.run();
    QVERIFY2(outcome.problem == RunOutcome::Problem::None, qPrintable(outcome.error));
    m_runId = outcome.runId;
    // Well above chance (10 %) after 512 images: the spikes below come from a network that learned.
    QVERIFY2(outcome.result.finalTestAccuracy > 0.4,
        qPrintable(QString::number(outcome.result.finalTestAccuracy)));
    ExperimentStore store;
    QVERIFY(store.open(m_db));
    auto model = TrainedModel::fromRun(store, m_runId);
    QVERIFY2(model, qPrintable(model.error()));
    m_model = *model;
}

void TestSpikesView::showsRastersMembraneAndRates()
{
    SpikesView view;
    view.setDatabasePath(m_db);
    view.resize(1200, 600);
    QSignalSpy shown(&view, &SpikesView::resultShown);
    view.setRun(m_runId);
    QCOMPARE(shown.count(), 0); // nothing is loaded while hidden
    view.show();
    QVERIFY(view.isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 60000);
    QVERIFY2(view.result().error.isEmpty(), qPrintable(view.statusText()));
    QVERIFY(!view.isBusy());

    const auto expected = m_model->spikeActivity(m_dataset.test, 0);
    QVERIFY2(expected, qPrintable(expected.error()));
    QCOMPARE(expected->size(), 2); // lif1 (1000 neurons), lif2 (10)
    QCOMPARE(view.rasterCount(), 2);
    QCOMPARE(view.indexSpin()->maximum(), kTestImages - 1);
    QCOMPARE(view.result().label, int(m_dataset.test.labels.at(0)));
    QVERIFY(!view.result().image.isNull());

    // Rasters: one dot per spike of the neurons shown (the first 200 of the hidden layer).
    QCOMPARE(view.rasterNeuronsShown(0), SpikesView::kMaxRasterNeurons);
    QCOMPARE(view.rasterNeuronsShown(1), 10);
    const int hiddenDots = countSpikes(expected->at(0), SpikesView::kMaxRasterNeurons);
    QVERIFY(hiddenDots > 0);
    QCOMPARE(view.rasterDots(0), hiddenDots);
    QCOMPARE(view.rasterDots(1), countSpikes(expected->at(1), 10));
    QVERIFY(view.rasterPlot(0)->plotLayout()->elementCount() > 0);
    QCOMPARE(view.rasterPlot(0)->xAxis->range().upper, kSteps - 0.5);
    QCOMPARE(view.rasterPlot(0)->yAxis->range().upper, SpikesView::kMaxRasterNeurons - 0.5);

    // Membrane: the output layer's 10 neurons over the time steps, and the dashed threshold.
    QCOMPARE(view.membraneLayerCombo()->currentText(), expected->at(1).name);
    QCustomPlot *membrane = view.membranePlot();
    QCOMPARE(membrane->graphCount(), 11);
    for (int n = 0; n < 10; ++n) {
        QCOMPARE(membrane->graph(n)->dataCount(), kSteps);
        QCOMPARE(membrane->graph(n)->data()->at(kSteps - 1)->value,
            double(expected->at(1).membrane.at((kSteps - 1) * 10 + n)));
    }
    QCOMPARE(membrane->graph(0)->name(), QStringLiteral("0 T-shirt/top"));
    QCOMPARE(view.thresholdLineValue(), expected->at(1).threshold);
    QCOMPARE(membrane->graph(10)->pen().style(), Qt::DashLine);

    // Firing rates: spikes per neuron per step of each layer.
    const QVector<double> rates = view.imageRates();
    QCOMPARE(rates.size(), 2);
    QCOMPARE(rates.at(0), double(countSpikes(expected->at(0), 1000)) / (kSteps * 1000.0));
    QCOMPARE(rates.at(1), double(countSpikes(expected->at(1), 10)) / (kSteps * 10.0));
    QVERIFY(rates.at(0) > 0.0 && rates.at(0) < 1.0);

    // Every plot exports.
    QTemporaryDir out;
    for (QCustomPlot *plot : {view.rasterPlot(0), view.membranePlot(), view.ratePlot()}) {
        const QString path = out.filePath(QStringLiteral("plot.svg"));
        QVERIFY(exportPlot(plot, path));
        QVERIFY(QFileInfo(path).size() > 0);
        QFile::remove(path);
    }
    QVERIFY(exportPlot(view.rasterPlot(1), out.filePath(QStringLiteral("raster.png"))));
    QVERIFY(QImage(out.filePath(QStringLiteral("raster.png"))).width() > 0);
}

void TestSpikesView::anotherImageAndNeuron()
{
    SpikesView view;
    view.setDatabasePath(m_db);
    QSignalSpy shown(&view, &SpikesView::resultShown);
    view.show();
    view.setRun(m_runId);
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 60000);
    view.indexSpin()->setValue(5);
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 2, 30000);
    QCOMPARE(view.result().index, 5);
    const auto expected = m_model->spikeActivity(m_dataset.test, 5);
    QVERIFY(expected);
    QCOMPARE(view.rasterDots(0), countSpikes(expected->at(0), SpikesView::kMaxRasterNeurons));
    QCOMPARE(view.rasterDots(1), countSpikes(expected->at(1), 10));

    // One neuron of the hidden layer: one trace and its layer's threshold.
    view.membraneLayerCombo()->setCurrentIndex(0);
    QCOMPARE(view.neuronSpin()->maximum(), 999);
    QCOMPARE(view.membranePlot()->graphCount(), 11); // the first 10 of lif1
    view.neuronSpin()->setValue(123);
    QCOMPARE(view.membranePlot()->graphCount(), 2);
    const QCPGraph *trace = view.membranePlot()->graph(0);
    for (int t = 0; t < kSteps; ++t)
        QCOMPARE(trace->data()->at(t)->value, double(expected->at(0).membrane.at(t * 1000 + 123)));
    QCOMPARE(view.thresholdLineValue(), expected->at(0).threshold);
}

void TestSpikesView::measuresActivityOnTheTestSet()
{
    SpikesView view;
    view.setDatabasePath(m_db);
    QSignalSpy shown(&view, &SpikesView::resultShown);
    QSignalSpy measured(&view, &SpikesView::activityMeasured);
    view.show();
    view.setRun(m_runId);
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 60000);
    QVERIFY(view.measureButton()->isEnabled());
    view.measureButton()->click();
    QVERIFY(!view.measureButton()->isEnabled());
    QVERIFY(view.cancelButton()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(measured.count(), 1, 120000);
    QVERIFY(!view.cancelButton()->isVisible());
    const ActivityReport &report = view.activityReport();
    QCOMPARE(report.samples, kTestImages);
    QCOMPARE(report.layers.size(), 2);
    const auto direct = m_model->activity(m_dataset.test, kTestImages);
    QVERIFY2(direct, qPrintable(direct.error()));
    for (int i = 0; i < 2; ++i)
        QVERIFY(std::abs(report.layers.at(i).firingRate - direct->layers.at(i).firingRate) < 1e-6);
    QVERIFY(std::abs(report.synapticOpsPerImage - direct->synapticOpsPerImage)
        < 1e-3 * direct->synapticOpsPerImage);
    QVERIFY(report.synapticOpsPerImage > 0);
    QVERIFY(view.activityText().contains(QStringLiteral("Synaptic operations")));
    // The test-set bars join the image's.
    QCPBars *testBars = nullptr;
    for (int i = 0; i < view.ratePlot()->plottableCount(); ++i) {
        auto *bars = qobject_cast<QCPBars *>(view.ratePlot()->plottable(i));
        if (bars && bars->name() == QStringLiteral("test set"))
            testBars = bars;
    }
    QVERIFY(testBars);
    QCOMPARE(testBars->dataCount(), 2);
    QCOMPARE(testBars->data()->at(0)->value, report.layers.at(0).firingRate);
}

void TestSpikesView::measureReportsProgressAndCancels()
{
    auto source = SpikesSource::open(m_db, m_runId, QString());
    QVERIFY2(source, qPrintable(source.error()));
    QCOMPARE((*source)->testCount(), kTestImages);
    QList<int> reported;
    const ActivityOutcome measured = (*source)->measure([&](int done, int total) {
        reported.append(done);
        return total == kTestImages;
    });
    QVERIFY(!measured.cancelled);
    QCOMPARE(reported, (QList<int>{0, kTestImages})); // one batch of up to 250 images, then the end
    const auto whole = m_model->activity(m_dataset.test, kTestImages);
    QVERIFY(whole);
    QCOMPARE(measured.report.samples, kTestImages);
    for (int i = 0; i < 2; ++i)
        QCOMPARE(measured.report.layers.at(i).spikesPerImage, whole->layers.at(i).spikesPerImage);
    QCOMPARE(measured.report.synapticOpsPerImage, whole->synapticOpsPerImage);
    const ActivityOutcome stopped = (*source)->measure([](int, int) { return false; });
    QVERIFY(stopped.cancelled);
}

void TestSpikesView::notASpikingRun()
{
    SpikesView view;
    SpikesResult result;
    result.runId = 12;
    result.error = notSpikingMessage(12);
    view.showResult(result);
    QVERIFY2(
        view.statusText().contains(QStringLiteral("not a spiking network")), qPrintable(view.statusText()));
    QCOMPARE(view.rasterCount(), 0);
    QVERIFY(!view.measureButton()->isEnabled());
}

QTEST_MAIN(TestSpikesView)
#include "tst_spikesview.moc"
