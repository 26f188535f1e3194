#include "train/trainedmodel.h"

#include "model/modelsummary.h"
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
        Batcher batcher(split, limit, d->spec);
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
        Batcher batcher(split, limit, d->spec);
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
        Batcher batcher(split, limit, d->spec);
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
        Batcher batcher(split, limit, d->spec);
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

namespace {

/// Synaptic operations of conv/dense layer `layer` for an input of spikes `x` [T*B, ...]: every
/// spike times the weights it reaches. For a conv, the count of spikes in each output's window
/// (a convolution with a kernel of ones over the zero-padded input) times the filters.
double synapticOps(LayerModule &layer, const LayerSpec &spec, const torch::Tensor &x)
{
    if (spec.type == LayerType::Dense)
        return x.ne(0).sum().item<double>() * double(spec.units);
    auto &conv = dynamic_cast<QuantConv2dModule &>(layer);
    const torch::Tensor padded = torch::constant_pad_nd(
        x.ne(0).to(torch::kFloat), {conv.padW(), conv.padRight(), conv.padH(), conv.padBottom()}, 0.0);
    const torch::Tensor ones = torch::ones({1, x.size(1), spec.kernelH, spec.kernelW});
    const torch::Tensor windows = torch::conv2d(padded, ones, {}, {conv.strideH(), conv.strideW()});
    return windows.sum().item<double>() * double(spec.filters);
}

} // namespace

Result<QList<SpikingLayerActivity>> TrainedModel::spikeActivity(const DatasetSplit &split, int index) const
{
    using R = Result<QList<SpikingLayerActivity>>;
    const NetworkSpec &network = d->spec.network;
    if (!network.isSpiking())
        return R::failure(QObject::tr("network '%1' has no spiking layer").arg(network.name));
    if (index < 0 || index >= split.count)
        return R::failure(QObject::tr("there is no image %1: the split has %2").arg(index).arg(split.count));
    NetworkModule &net = *d->net;
    try {
        torch::NoGradGuard noGrad;
        Batcher batcher(split, 0, d->spec);
        net.setChip(0);
        torch::manual_seed(0);
        SpikeRecording recording;
        net.run(batcher.sample(index), &recording);
        QList<SpikingLayerActivity> layers;
        for (size_t i = 0; i < recording.layers.size(); ++i) {
            SpikingLayerActivity a;
            a.layer = recording.layers[i];
            a.name = layerDisplayName(network.layers[a.layer], a.layer);
            const torch::Tensor s = recording.spikes[i].select(1, 0).flatten(1).contiguous();
            const torch::Tensor m = recording.membranes[i].select(1, 0).flatten(1).contiguous().to(torch::kFloat);
            a.steps = int(s.size(0));
            a.neurons = int(s.size(1));
            a.threshold = dynamic_cast<SpikingLayerModule &>(net.layer(a.layer)).threshold();
            a.spikes = QVector<float>(s.data_ptr<float>(), s.data_ptr<float>() + s.numel());
            a.membrane = QVector<float>(m.data_ptr<float>(), m.data_ptr<float>() + m.numel());
            layers << a;
        }
        return layers;
    } catch (const std::exception &e) {
        return R::failure(QObject::tr("recording the spikes failed: %1").arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
}

Result<ActivityReport> TrainedModel::activity(const DatasetSplit &split, int limit,
                                              const std::function<bool(int, int)> &progress) const
{
    using R = Result<ActivityReport>;
    const NetworkSpec &network = d->spec.network;
    if (!network.isSpiking())
        return R::failure(QObject::tr("network '%1' has no spiking layer: it has no spike activity to measure").arg(network.name));
    NetworkModule &net = *d->net;
    const Result<ModelSummary> summarized = ModelSummary::compute(network);
    if (!summarized)
        return R::failure(summarized.error());
    const ModelSummary &summary = *summarized;
    const auto layerMacs = [&](int i) { return double(summary.layers[i].macCount()); };
    ActivityReport report;
    report.steps = network.spiking.timeSteps;
    for (int i = 0; i < summary.layers.size(); ++i)
        report.annMacsPerImage += layerMacs(i);
    try {
        torch::NoGradGuard noGrad;
        Batcher batcher(split, limit, d->spec);
        net.setChip(0);
        torch::manual_seed(0);
        std::vector<double> spikes;
        double synOps = 0.0;
        double spikeFedMacs = 0.0;
        double denseMacs = 0.0;
        SpikeRecording recording;
        recording.layerInput = [&](int i, const torch::Tensor &x, bool timed) {
            const LayerSpec &spec = network.layers[i];
            if (!spec.hasWeights())
                return;
            const double passes = timed ? double(report.steps) : 1.0;
            const double images = double(x.size(0)) / passes;
            const bool spikesIn = timed && x.eq(0).logical_or(x.eq(1)).all().item<bool>();
            if (spikesIn) {
                synOps += synapticOps(net.layer(i), spec, x);
                spikeFedMacs += layerMacs(i) * images;
            } else {
                denseMacs += layerMacs(i) * images * passes;
            }
        };
        const int batches = batcher.batchCount(250);
        for (int b = 0; b < batches; ++b) {
            if (progress && !progress(std::min(b * 250, batcher.size()), batcher.size())) {
                report.cancelled = true;
                return report;
            }
            recording.layers.clear();
            recording.spikes.clear();
            recording.membranes.clear();
            net.run(batcher.batch(b, 250).first, &recording);
            spikes.resize(recording.layers.size(), 0.0);
            for (size_t i = 0; i < recording.layers.size(); ++i)
                spikes[i] += recording.spikes[i].sum().item<double>();
        }
        report.samples = batcher.size();
        if (progress)
            progress(report.samples, report.samples);
        const double n = std::max(1, report.samples);
        for (size_t i = 0; i < spikes.size(); ++i) {
            ActivityReport::Layer l;
            l.layer = recording.layers[i];
            l.name = layerDisplayName(network.layers[l.layer], l.layer);
            l.neurons = int(recording.spikes[i][0][0].numel());
            l.spikesPerImage = spikes[i] / n;
            l.firingRate = l.spikesPerImage / std::max(1.0, double(l.neurons) * report.steps);
            report.layers << l;
        }
        report.synapticOpsPerImage = synOps / n;
        report.spikeDrivenMacs = spikeFedMacs / n;
        report.denseMacsPerImage = denseMacs / n;
        return report;
    } catch (const std::exception &e) {
        return R::failure(QObject::tr("measuring the spike activity failed: %1").arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
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
