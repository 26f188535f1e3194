#include "train/trainedmodel.h"

#include "model/network_p.h"
#include "model/networksnapshot_p.h"
#include "noise/noisemodel_p.h"
#include "quant/quantizer_p.h"
#include "spec/networkvalidator.h"
#include "util/version.h"
#include "store/experimentstore.h"
#include "train/batcher_p.h"
#include "train/evaluation_p.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QObject>

namespace qb {

struct TrainedModel::Private
{
    ExperimentSpec spec;
    QString weightsPath;
    std::shared_ptr<NetworkModule> net;
};

TrainedModel::TrainedModel() : d(std::make_unique<Private>()) {}
TrainedModel::~TrainedModel() = default;

Result<std::shared_ptr<TrainedModel>> TrainedModel::load(const ExperimentSpec &spec, const QString &weightsPath)
{
    using R = Result<std::shared_ptr<TrainedModel>>;
    auto built = NetworkModule::build(spec.network);
    if (!built)
        return R::failure(built.error());
    if (const Status s = (*built)->load(weightsPath); !s)
        return R::failure(s.error());
    // A trained model is only ever evaluated: stochastic quantizers show their deterministic weights.
    (*built)->eval();
    std::shared_ptr<TrainedModel> model(new TrainedModel());
    model->d->spec = spec;
    model->d->weightsPath = weightsPath;
    model->d->net = *built;
    return model;
}

Result<std::shared_ptr<TrainedModel>> TrainedModel::fromRun(const ExperimentStore &store, qint64 runId)
{
    using R = Result<std::shared_ptr<TrainedModel>>;
    auto run = store.run(runId);
    if (!run)
        return R::failure(run.error());
    auto spec = ExperimentSpec::fromJson(QJsonDocument::fromJson(run->specJson.toUtf8()).object());
    if (!spec)
        return R::failure(QObject::tr("run %1: its stored experiment cannot be read: %2").arg(runId).arg(spec.error()));
    auto artifacts = store.artifacts(runId);
    if (!artifacts)
        return R::failure(artifacts.error());
    QString weights;
    for (const ArtifactRecord &a : *artifacts) {
        if (a.kind == QLatin1String("weights"))
            weights = a.path;
    }
    if (weights.isEmpty()) {
        return R::failure(QObject::tr("run %1 (%2) has no saved weights: only runs that finished at least one "
                                      "epoch have them")
                              .arg(runId)
                              .arg(runStatusName(run->status)));
    }
    if (!QFileInfo::exists(weights))
        return R::failure(QObject::tr("run %1: weights file %2 is missing").arg(runId).arg(weights));
    return load(*spec, weights);
}

const ExperimentSpec &TrainedModel::spec() const
{
    return d->spec;
}

QString TrainedModel::weightsPath() const
{
    return d->weightsPath;
}

Result<EvalMetrics> TrainedModel::evaluate(const DatasetSplit &split, int limit, const PtqConfig *ptq) const
{
    NetworkModule &net = *d->net;
    Result<EvalMetrics> result = Result<EvalMetrics>::failure(QString());
    try {
        std::unique_ptr<Quantizer> fixedPoint;
        if (ptq) {
            QuantizerSpec q;
            q.name = QStringLiteral("fixed_point");
            q.params.insert(QStringLiteral("word_bits"), ptq->wordBits);
            q.params.insert(QStringLiteral("frac_bits"), ptq->fracBits);
            q.params.insert(QStringLiteral("signed"), true);
            q.params.insert(QStringLiteral("rounding"), QStringLiteral("nearest"));
            q.params.insert(QStringLiteral("overflow"), QStringLiteral("saturate"));
            fixedPoint = makeQuantizer(q);
            Quantizer *fp = fixedPoint.get();
            const TensorTransform transform = [fp](const torch::Tensor &x) { return fp->apply(x); };
            if (ptq->weights)
                net.setWeightTransform(transform);
            if (ptq->activations)
                net.setActivationTransform(transform);
        }
        Batcher batcher(split, limit, d->spec.train.normalization);
        // Chip 0 and a fixed seed: evaluation nonidealities give the same numbers every time.
        net.setChip(0);
        torch::manual_seed(0);
        const EvalResult r = evaluateNetwork(net, batcher);
        result = EvalMetrics{r.loss, r.accuracy, r.samples};
    } catch (const std::exception &e) {
        result = Result<EvalMetrics>::failure(
            QObject::tr("evaluation failed: %1").arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
    net.setWeightTransform(TensorTransform());
    net.setActivationTransform(TensorTransform());
    return result;
}

Result<QVector<int>> TrainedModel::predict(const DatasetSplit &split, int limit) const
{
    NetworkModule &net = *d->net;
    try {
        Batcher batcher(split, limit, d->spec.train.normalization);
        net.setChip(0);
        torch::manual_seed(0);
        QVector<int> predictions;
        predictions.reserve(batcher.size());
        evaluateNetwork(net, batcher, &predictions);
        return predictions;
    } catch (const std::exception &e) {
        return Result<QVector<int>>::failure(
            QObject::tr("prediction failed: %1").arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
}

Result<QVector<float>> TrainedModel::logits(const DatasetSplit &split, int limit) const
{
    NetworkModule &net = *d->net;
    try {
        Batcher batcher(split, limit, d->spec.train.normalization);
        net.setChip(0);
        torch::manual_seed(0);
        QVector<float> logits;
        evaluateNetwork(net, batcher, nullptr, &logits);
        return logits;
    } catch (const std::exception &e) {
        return Result<QVector<float>>::failure(
            QObject::tr("evaluation failed: %1").arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
}

Result<ModelSnapshot> TrainedModel::snapshot(const Dataset *dataset) const
{
    try {
        ModelSnapshot m = snapshotNetwork(*d->net);
        m.experiment = d->spec;
        m.datasetName = d->spec.dataset;
        const NetworkSpec &network = d->spec.network;
        m.classes = network.layers.isEmpty() ? 0 : NetworkValidator::validate(network).outputShapes.last().channels();
        m.quantbenchVersion = quantbenchVersion();
        InputEncoding &e = m.encoding;
        e.normalization = d->spec.train.normalization;
        // The batcher's two float operations (train/batcher.cpp): x * scale, then + offset.
        e.scale = float(e.normalization == Normalization::MinusOneToOne ? 2.0 / 255.0 : 1.0 / 255.0);
        e.offset = e.normalization == Normalization::MinusOneToOne ? -1.0f : 0.0f;
        if (dataset) {
            m.classNames = dataset->classNames;
            e.tabular = dataset->train.isTabular();
            e.featureMean = QVector<double>(dataset->featureMean.begin(), dataset->featureMean.end());
            e.featureScale = QVector<double>(dataset->featureScale.begin(), dataset->featureScale.end());
        } else {
            e.tabular = network.input.isFlat();
        }
        return m;
    } catch (const std::exception &e) {
        return Result<ModelSnapshot>::failure(
            QObject::tr("the trained network cannot be read: %1").arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
}

Result<ChipEvaluation> TrainedModel::evaluateChips(const DatasetSplit &split, int limit, int chips, quint64 seed) const
{
    NetworkModule &net = *d->net;
    ChipEvaluation result;
    QElapsedTimer timer;
    timer.start();
    try {
        Batcher batcher(split, limit, d->spec.train.normalization);
        for (int i = 0; i < chips; ++i) {
            const std::uint64_t chip = mixSeed(seed, std::uint64_t(i));
            net.setChip(chip);
            torch::manual_seed(chip);
            const EvalResult r = evaluateNetwork(net, batcher);
            result.accuracies << r.accuracy;
            result.losses << r.loss;
            result.samples = r.samples;
        }
    } catch (const std::exception &e) {
        net.setChip(0);
        return Result<ChipEvaluation>::failure(
            QObject::tr("evaluation failed: %1").arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
    net.setChip(0);
    result.seconds = timer.nsecsElapsed() * 1e-9;
    return result;
}

Result<std::shared_ptr<TrainedModel>> TrainedModel::withNetwork(const NetworkSpec &network) const
{
    ExperimentSpec spec = d->spec;
    spec.network = network;
    auto model = load(spec, d->weightsPath);
    if (model)
        (*model)->setBitPackedEvaluation(bitPackedEvaluation());
    return model;
}

void TrainedModel::setBitPackedEvaluation(bool on)
{
    d->net->setBitPacked(on);
}

bool TrainedModel::bitPackedEvaluation() const
{
    return d->net->bitPacked();
}

QList<LayerWeights> TrainedModel::weights() const
{
    QList<LayerWeights> list;
    torch::NoGradGuard noGrad;
    for (int i = 0; i < d->net->layerCount(); ++i) {
        LayerModule &layer = d->net->layer(i);
        const torch::Tensor effective = layer.effectiveWeight();
        if (!effective.defined())
            continue;
        const torch::Tensor latent = layer.named_parameters(false)["weight"].contiguous();
        LayerWeights w;
        w.layer = i;
        w.name = d->spec.network.layers[i].name;
        for (int64_t s : latent.sizes())
            w.shape << int(s);
        const torch::Tensor eff = effective.contiguous().to(torch::kFloat);
        w.latent = QVector<float>(latent.data_ptr<float>(), latent.data_ptr<float>() + latent.numel());
        w.effective = QVector<float>(eff.data_ptr<float>(), eff.data_ptr<float>() + eff.numel());
        list << w;
    }
    return list;
}

QByteArray TrainedModel::stateDigest() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto add = [&hash](const torch::Tensor &t) {
        const torch::Tensor c = t.contiguous();
        hash.addData(QByteArrayView(static_cast<const char *>(c.data_ptr()), qsizetype(c.numel() * c.element_size())));
    };
    for (const auto &p : d->net->named_parameters(true))
        add(p.value());
    for (const auto &b : d->net->named_buffers(true))
        add(b.value());
    return hash.result();
}

} // namespace qb
