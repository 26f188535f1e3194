// TrainedModel::snapshot(): the numbers every exporter reads. Checked against the model itself:
// the effective weights and their integer codes, the shapes and padding, the batch norm state,
// and the sign thresholds, which must decide sign(batch norm(v)) as the formula does wherever the
// formula is not within rounding of zero; logits() against predict().
#include "core/train/trainedrun.h"

#include "data/datasetlocator.h"
#include "export/modelsnapshot.h"
#include "train/trainedmodel.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>

using namespace qb;

namespace {

/// Larq's layout in small: binary-weight conv (no bias) on the image -> max pool -> batch norm ->
/// flatten -> binarized dense (sign input) -> batch norm: the first batch norm decides a sign of a
/// float map, the last one turns integers into logits.
NetworkSpec larqStyleNet()
{
    NetworkSpec n;
    n.name = QStringLiteral("tiny-larq");
    n.input = TensorShape::image(1, 28, 28);
    QuantizerSpec sign;
    sign.name = QStringLiteral("ste_sign");
    LayerSpec conv = layer(LayerType::Conv2D);
    conv.filters = 4;
    conv.useBias = false;
    conv.kernelQuantizer = sign;
    conv.kernelClip = 1.0;
    LayerSpec dense = layer(LayerType::Dense);
    dense.units = 10;
    dense.useBias = false;
    dense.inputQuantizer = sign;
    dense.kernelQuantizer = sign;
    dense.kernelClip = 1.0;
    LayerSpec bn = layer(LayerType::BatchNorm);
    bn.scale = false;
    n.layers << conv << layer(LayerType::MaxPool) << bn << layer(LayerType::Flatten) << dense << bn;
    return n;
}

} // namespace

class TestModelSnapshot : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    testdata::TrainedRun m_run;
    std::shared_ptr<TrainedModel> m_model;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_run = testdata::trainSmallRun(m_dir.path());
        QVERIFY2(m_run.runId > 0, qPrintable(m_run.error));
        ExperimentStore store;
        QVERIFY(store.open(m_run.dbPath));
        auto model = TrainedModel::fromRun(store, m_run.runId);
        QVERIFY2(model, qPrintable(model.error()));
        m_model = *model;
    }

    void factorWeightsFindsCodesAndScales()
    {
        const auto binary = factorWeights({2, 3}, {1, -1, 1, -1, -1, 1});
        QVERIFY(binary && binary->binary && binary->unitScale);
        QCOMPARE(binary->codes, (QVector<std::int8_t>{1, -1, 1, -1, -1, 1}));
        const auto ternary = factorWeights({2, 2}, {0.5f, 0.0f, -0.25f, 0.25f});
        QVERIFY(ternary && !ternary->binary && !ternary->unitScale);
        QCOMPARE(ternary->scale, (QVector<float>{0.5f, 0.25f}));
        QCOMPARE(ternary->codes, (QVector<std::int8_t>{1, 0, -1, 1}));
        QVERIFY(!factorWeights({1, 3}, {0.5f, 0.25f, -0.5f}));
    }

    void weightsAndShapesAreTheModels()
    {
        const auto snapshot = m_model->snapshot();
        QVERIFY2(snapshot, qPrintable(snapshot.error()));
        const NetworkSpec &network = m_model->spec().network;
        QCOMPARE(snapshot->layers.size(), network.layers.size());
        QCOMPARE(snapshot->inputShape, network.input);
        QCOMPARE(snapshot->classes, 10);
        QCOMPARE(snapshot->encoding.scale, float(2.0 / 255.0));
        QCOMPARE(snapshot->encoding.offset, -1.0f);
        QVERIFY(!snapshot->quantbenchVersion.isEmpty());
        int weighted = 0;
        for (const LayerWeights &w : m_model->weights()) {
            const LayerSnapshot &l = snapshot->layers[w.layer];
            QCOMPARE(l.weightShape, w.shape);
            QCOMPARE(l.effective, w.effective);
            QCOMPARE(l.latent, w.latent);
            QVERIFY(l.binaryWeights);
            QVERIFY(l.codes && l.codes->binary && l.codes->unitScale);
            ++weighted;
        }
        QCOMPARE(weighted, 2);
        QVERIFY(!snapshot->layers[0].signInput); // the image
        QVERIFY(snapshot->layers.last().signInput);
        for (const LayerSnapshot &l : snapshot->layers) {
            if (l.spec.type == LayerType::BatchNorm) {
                QCOMPARE(l.runningMean.size(), l.input.channels());
                QCOMPARE(l.runningVar.size(), l.input.channels());
            }
        }
    }

    void signThresholdsDecideAsTheBatchNorm()
    {
        QTemporaryDir dir;
        const NetworkSpec net = larqStyleNet();
        const testdata::TrainedRun run = testdata::trainSmallRun(dir.path(), &net);
        QVERIFY2(run.runId > 0, qPrintable(run.error));
        ExperimentStore store;
        QVERIFY(store.open(run.dbPath));
        auto model = TrainedModel::fromRun(store, run.runId);
        QVERIFY2(model, qPrintable(model.error()));
        const auto snapshot = (*model)->snapshot();
        QVERIFY(snapshot);
        const LayerSnapshot &last = snapshot->layers.last();
        QVERIFY2(last.table && !last.signThresholds, "the logits' batch norm has a table");
        QCOMPARE(last.table->dotLength, 4 * 13 * 13);
        QCOMPARE(last.table->values.size(), 10 * (2 * last.table->dotLength + 1));
        const int K = last.table->dotLength;
        for (int c = 0; c < 10; ++c) {
            for (int v = -K; v <= K; v += 7) {
                const double formula = (v - last.runningMean[c]) / std::sqrt(double(last.runningVar[c]) + last.epsilon)
                    + (last.beta.isEmpty() ? 0.0 : last.beta[c]);
                const float table = last.table->values[c * (2 * K + 1) + v + K];
                QVERIFY2(std::fabs(table - formula) <= 1e-4 * std::max(1.0, std::fabs(formula)),
                    qPrintable(QStringLiteral("channel %1, v %2: table %3, formula %4").arg(c).arg(v).arg(table).arg(formula)));
            }
        }
        int checked = 0;
        std::mt19937 rng(7);
        std::uniform_real_distribution<float> values(-9.0f, 9.0f);
        for (const LayerSnapshot &l : snapshot->layers) {
            if (l.spec.type != LayerType::BatchNorm || l.index == last.index)
                continue;
            QVERIFY2(l.signThresholds, "the batch norm between the binary conv and the sign-input dense has thresholds");
            const SignThresholds &t = *l.signThresholds;
            QVERIFY(!t.integerInput); // the first conv's float map
            for (int c = 0; c < l.input.channels(); ++c) {
                const double gamma = l.gamma.isEmpty() ? 1.0 : l.gamma[c];
                const double beta = l.beta.isEmpty() ? 0.0 : l.beta[c];
                for (int i = 0; i < 2000; ++i) {
                    const float v = values(rng);
                    const double bn = (v - l.runningMean[c]) / std::sqrt(double(l.runningVar[c]) + l.epsilon) * gamma + beta;
                    if (std::fabs(bn) < 1e-4)
                        continue;
                    QCOMPARE(t.scale[c] * v >= t.threshold[c], bn >= 0);
                    ++checked;
                }
            }
        }
        QVERIFY(checked > 1000);
    }

    void logitsArgmaxIsThePrediction()
    {
        auto data = DatasetLocator::load(QStringLiteral("mnist"), m_run.dataDir);
        QVERIFY2(data, qPrintable(data.error()));
        const auto logits = m_model->logits(data->test, 0);
        const auto predicted = m_model->predict(data->test, 0);
        QVERIFY(logits && predicted);
        QCOMPARE(logits->size(), predicted->size() * 10);
        for (int i = 0; i < predicted->size(); ++i) {
            const float *row = logits->constData() + i * 10;
            QCOMPARE(int(std::max_element(row, row + 10) - row), predicted->at(i));
        }
    }
};

QTEST_GUILESS_MAIN(TestModelSnapshot)
#include "tst_modelsnapshot.moc"
