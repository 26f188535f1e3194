// A trained model loaded back for evaluation: same numbers as at the end of training, effective vs
// latent weights, post-training quantization that never touches the stored weights.
#include "train/trainedmodel.h"
#include "train/trainer.h"

#include "synthetic.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace qb;

class TestTrainedModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void evaluationMatchesTraining();
    void predictionsAgreeWithAccuracy();
    void effectiveWeightsOfBinaryLayers();
    void ptqLeavesWeightsBitIdentical();
    void missingWeightsFileIsNamed();

private:
    QTemporaryDir m_dir;
    Dataset m_data = makeDataset();
    ExperimentSpec m_spec;
    QString m_weights;
    double m_finalAccuracy = 0.0;
    double m_finalLoss = 0.0;
};

void TestTrainedModel::initTestCase()
{
    m_spec = experiment(smallNet(true), 3);
    m_spec.train.learningRate = 0.01;
    Trainer trainer(m_spec, m_data);
    const TrainResult r = trainer.run();
    QCOMPARE(r.status, RunStatus::Finished);
    QVERIFY(r.finalTestAccuracy > 0.5);
    m_finalAccuracy = r.finalTestAccuracy;
    m_finalLoss = r.finalTestLoss;
    m_weights = m_dir.filePath(QStringLiteral("weights.pt"));
    QVERIFY(trainer.saveWeights(m_weights).ok());
}

void TestTrainedModel::evaluationMatchesTraining()
{
    auto model = TrainedModel::load(m_spec, m_weights);
    QVERIFY2(model.ok(), qPrintable(model.error()));
    auto metrics = (*model)->evaluate(m_data.test, 0);
    QVERIFY(metrics.ok());
    QCOMPARE(metrics->samples, 200);
    QCOMPARE(metrics->accuracy, m_finalAccuracy);
    QVERIFY(qAbs(metrics->loss - m_finalLoss) < 1e-6);
    auto limited = (*model)->evaluate(m_data.test, 50);
    QCOMPARE(limited->samples, 50);
}

void TestTrainedModel::predictionsAgreeWithAccuracy()
{
    auto model = TrainedModel::load(m_spec, m_weights);
    QVERIFY2(model.ok(), qPrintable(model.error()));
    auto predicted = (*model)->predict(m_data.test, 0);
    QVERIFY2(predicted.ok(), qPrintable(predicted.error()));
    QCOMPARE(predicted->size(), 200);
    int correct = 0;
    for (int i = 0; i < predicted->size(); ++i) {
        QVERIFY(predicted->at(i) >= 0 && predicted->at(i) < m_data.numClasses);
        correct += predicted->at(i) == m_data.test.labels[size_t(i)] ? 1 : 0;
    }
    QCOMPARE(correct / 200.0, m_finalAccuracy);
    QCOMPARE((*model)->predict(m_data.test, 30)->size(), 30);
}

void TestTrainedModel::effectiveWeightsOfBinaryLayers()
{
    auto model = TrainedModel::load(m_spec, m_weights);
    QVERIFY(model.ok());
    const QList<LayerWeights> weights = (*model)->weights();
    QCOMPARE(weights.size(), 2); // conv and dense
    for (const LayerWeights &w : weights) {
        QCOMPARE(w.latent.size(), w.effective.size());
        bool latentNotBinary = false;
        for (int i = 0; i < w.latent.size(); ++i) {
            // Effective = sign(latent) with sign(0) = +1; latent within the clip [-1, 1].
            QCOMPARE(w.effective[i], w.latent[i] >= 0 ? 1.0f : -1.0f);
            QVERIFY(std::abs(w.latent[i]) <= 1.0f);
            latentNotBinary |= std::abs(w.latent[i]) != 1.0f;
        }
        QVERIFY(latentNotBinary);
    }
    QCOMPARE(weights[0].shape, (QVector<int>{8, 1, 3, 3}));
}

void TestTrainedModel::ptqLeavesWeightsBitIdentical()
{
    auto model = TrainedModel::load(m_spec, m_weights);
    QVERIFY(model.ok());
    const QByteArray before = (*model)->stateDigest();
    PtqConfig coarse;
    coarse.wordBits = 4;
    coarse.fracBits = 1;
    auto quantized = (*model)->evaluate(m_data.test, 0, &coarse);
    QVERIFY2(quantized.ok(), qPrintable(quantized.error()));
    QCOMPARE((*model)->stateDigest(), before);
    // Quantization acted (coarse activations change the outcome) and was then removed again.
    QVERIFY(quantized->loss != m_finalLoss);
    auto plain = (*model)->evaluate(m_data.test, 0);
    QCOMPARE(plain->accuracy, m_finalAccuracy);
    PtqConfig fine;
    fine.wordBits = 24;
    fine.fracBits = 16;
    auto nearFloat = (*model)->evaluate(m_data.test, 0, &fine);
    QVERIFY(qAbs(nearFloat->accuracy - m_finalAccuracy) <= 0.01);
    QCOMPARE((*model)->stateDigest(), before);
}

void TestTrainedModel::missingWeightsFileIsNamed()
{
    const QString missing = m_dir.filePath(QStringLiteral("gone.pt"));
    auto model = TrainedModel::load(m_spec, missing);
    QVERIFY(!model.ok());
    QVERIFY2(model.error().contains(missing), qPrintable(model.error()));
}

QTEST_GUILESS_MAIN(TestTrainedModel)
#include "tst_trainedmodel.moc"
