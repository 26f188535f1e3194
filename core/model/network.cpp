#include "model/network_p.h"

#include "spec/networkvalidator.h"

#include <QFile>
#include <QObject>

#include <chrono>

namespace qb {

namespace {

std::shared_ptr<LayerModule> makeLayer(const LayerSpec &spec, const TensorShape &input, int index)
{
    switch (spec.type) {
    case LayerType::Conv2D:
        return std::make_shared<QuantConv2dModule>(spec, input, std::uint64_t(index));
    case LayerType::Dense:
        return std::make_shared<QuantDenseModule>(spec, input, std::uint64_t(index));
    case LayerType::BatchNorm:
        return std::make_shared<BatchNormModule>(spec, input);
    case LayerType::MaxPool:
    case LayerType::AvgPool:
        return std::make_shared<PoolModule>(spec);
    case LayerType::Flatten:
        return std::make_shared<FlattenModule>();
    case LayerType::Dropout:
        return std::make_shared<DropoutModule>(spec.rate);
    case LayerType::Activation:
        return std::make_shared<ActivationModule>(spec.function);
    case LayerType::Leaky:
    case LayerType::Synaptic:
        return std::make_shared<SpikingLayerModule>(spec);
    }
    return nullptr;
}

} // namespace

NetworkModule::NetworkModule(const NetworkSpec &spec) : m_spec(spec)
{
    const ValidationReport report = NetworkValidator::validate(spec);
    TensorShape shape = spec.input;
    for (int i = 0; i < spec.layers.size(); ++i) {
        auto layer = makeLayer(spec.layers[i], shape, i);
        // Names are stable keys of the weights archive: index and type, e.g. "3_conv2d".
        register_module(std::to_string(i) + "_" + layerTypeName(spec.layers[i].type).toStdString(), layer);
        m_layers.push_back(layer);
        shape = report.outputShapes.value(i);
    }
}

Result<std::shared_ptr<NetworkModule>> NetworkModule::build(const NetworkSpec &spec)
{
    const ValidationReport report = NetworkValidator::validate(spec);
    if (!report.ok())
        return Result<std::shared_ptr<NetworkModule>>::failure(report.message(spec));
    try {
        return std::make_shared<NetworkModule>(spec);
    } catch (const std::exception &e) {
        return Result<std::shared_ptr<NetworkModule>>::failure(
            QObject::tr("could not build network '%1': %2").arg(spec.name, QString::fromUtf8(e.what())));
    }
}

torch::Tensor NetworkModule::forward(torch::Tensor x)
{
    return run(std::move(x)).scores;
}

NetworkOutput NetworkModule::run(torch::Tensor x, SpikeRecording *recording)
{
    if (m_spec.isSpiking())
        return runSpiking(std::move(x), recording);
    return {forwardTimed(std::move(x), nullptr), {}, {}};
}

NetworkOutput NetworkModule::runSpiking(torch::Tensor x, SpikeRecording *recording)
{
    const SpikingSpec &spiking = m_spec.spiking;
    const int steps = spiking.timeSteps;
    const int64_t batch = x.size(0);
    bool timed = false;
    if (x.dim() == 5) {
        // Event frames [B, T, C, H, W] -> time-major [T*B, C, H, W].
        TORCH_CHECK(x.size(1) == steps, "the event frames have ", x.size(1), " time steps but the network runs ", steps);
        x = x.transpose(0, 1).reshape({steps * batch, x.size(2), x.size(3), x.size(4)});
        timed = true;
    } else {
        if (m_spec.input.isFlat() && x.dim() != 2)
            x = x.flatten(1);
        x = encodeInput(x, spiking, &timed);
    }
    if (m_activationTransform)
        x = m_activationTransform(x);
    NetworkOutput out;
    for (size_t i = 0; i < m_layers.size(); ++i) {
        auto *neurons = dynamic_cast<SpikingLayerModule *>(m_layers[i].get());
        if (recording && recording->layerInput)
            recording->layerInput(int(i), x, timed);
        if (!neurons) {
            x = m_layers[i]->forward(x);
        } else {
            const SpikeSequence seq = neurons->run(x, steps, timed);
            timed = true;
            x = seq.spikes;
            const auto unfold = [&](const torch::Tensor &t) {
                std::vector<int64_t> shape = t.sizes().vec();
                shape[0] = batch;
                shape.insert(shape.begin(), steps);
                return t.view(shape);
            };
            if (recording) {
                recording->layers.push_back(int(i));
                recording->spikes.push_back(unfold(seq.spikes));
                recording->membranes.push_back(unfold(seq.membrane));
            }
            if (i + 1 == m_layers.size()) {
                out.spikes = unfold(seq.spikes);
                out.membrane = unfold(seq.membrane);
            }
        }
        if (m_activationTransform)
            x = m_activationTransform(x);
    }
    // The validator makes the last layer spiking; the sum over time is the spike count per class.
    out.scores = out.spikes.defined() ? out.spikes.sum(0) : x;
    return out;
}

torch::Tensor NetworkModule::loss(const NetworkOutput &output, const torch::Tensor &labels) const
{
    if (output.spikes.defined())
        return spikingLoss(m_spec.spiking, output.spikes, output.membrane, labels);
    return torch::nn::functional::cross_entropy(output.scores, labels);
}

void NetworkModule::setFusedSpiking(bool on)
{
    for (const auto &layer : m_layers) {
        if (auto *neurons = dynamic_cast<SpikingLayerModule *>(layer.get()))
            neurons->setFused(on);
    }
}

torch::Tensor NetworkModule::forwardTimed(torch::Tensor x, std::vector<double> *layerSeconds)
{
    if (m_spec.isSpiking()) // no per-layer profile: the layers run over all time steps at once
        return runSpiking(std::move(x), nullptr).scores;
    if (layerSeconds && layerSeconds->size() < m_layers.size())
        layerSeconds->resize(m_layers.size(), 0.0);
    if (m_spec.input.isFlat() && x.dim() != 2)
        x = x.flatten(1);
    if (m_activationTransform)
        x = m_activationTransform(x);
    // Fused runs of binarized layers need the plain bit-packed conditions, and no transform of
    // the activations between layers (a post-training quantization sweep).
    const bool fused = m_bitPacked && m_fused && !m_activationTransform && !is_training()
        && !torch::GradMode::is_enabled();
    for (size_t i = 0; i < m_layers.size();) {
        const auto start = std::chrono::steady_clock::now();
        const size_t first = i;
        std::optional<FusedBinaryEvaluator::Outcome> run;
        if (fused)
            run = m_fusedEvaluator.tryRun(m_layers, int(i), x);
        if (run) {
            x = run->output;
            i = size_t(run->next);
            m_fusedPasses += run->fused ? 1 : 0;
        } else {
            x = m_layers[i]->forward(x);
            if (m_activationTransform)
                x = m_activationTransform(x);
            ++i;
        }
        if (layerSeconds)
            (*layerSeconds)[first] += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    return x;
}

void NetworkModule::setChip(std::optional<std::uint64_t> chip)
{
    for (const auto &layer : m_layers)
        layer->setChip(chip);
}

void NetworkModule::setBitPacked(bool on)
{
    m_bitPacked = on;
    for (const auto &layer : m_layers)
        layer->setBitPacked(on);
}

std::vector<NetworkModule::PathCounts> NetworkModule::pathCounts() const
{
    std::vector<PathCounts> counts;
    for (size_t i = 0; i < m_layers.size(); ++i) {
        if (const auto *w = dynamic_cast<const WeightedLayerModule *>(m_layers[i].get()))
            counts.push_back({int(i), w->bitPackedPasses(), w->torchPasses(), w->binaryWeightPasses()});
    }
    return counts;
}

void NetworkModule::setTrainingProgress(double fraction)
{
    for (const auto &layer : m_layers)
        layer->setTrainingProgress(fraction);
}

void NetworkModule::setWeightTransform(const TensorTransform &transform)
{
    for (const auto &layer : m_layers)
        layer->setWeightTransform(transform);
}

void NetworkModule::applyConstraints()
{
    for (const auto &layer : m_layers)
        layer->applyConstraints();
}

Status NetworkModule::save(const QString &path)
{
    try {
        torch::serialize::OutputArchive archive;
        for (const auto &p : named_parameters(true))
            archive.write(p.key(), p.value());
        for (const auto &b : named_buffers(true))
            archive.write(b.key(), b.value(), /*is_buffer=*/true);
        archive.save_to(path.toStdString());
    } catch (const std::exception &e) {
        return Status::failure(QObject::tr("could not write weights file %1: %2").arg(path, QString::fromUtf8(e.what())));
    }
    return Status();
}

Status NetworkModule::load(const QString &path)
{
    if (!QFile::exists(path))
        return Status::failure(QObject::tr("weights file %1 does not exist").arg(path));
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path.toStdString());
        torch::NoGradGuard noGrad;
        for (auto &p : named_parameters(true)) {
            torch::Tensor t;
            if (!archive.try_read(p.key(), t))
                return Status::failure(QObject::tr("weights file %1 has no tensor '%2'").arg(path, QString::fromStdString(p.key())));
            if (t.sizes() != p.value().sizes())
                return Status::failure(QObject::tr("weights file %1: tensor '%2' has the wrong shape").arg(path, QString::fromStdString(p.key())));
            p.value().copy_(t);
        }
        for (auto &b : named_buffers(true)) {
            torch::Tensor t;
            if (!archive.try_read(b.key(), t, /*is_buffer=*/true) || t.sizes() != b.value().sizes())
                return Status::failure(QObject::tr("weights file %1: buffer '%2' is missing or has the wrong shape").arg(path, QString::fromStdString(b.key())));
            b.value().copy_(t);
        }
    } catch (const std::exception &e) {
        return Status::failure(QObject::tr("could not read weights file %1: %2").arg(path, QString::fromUtf8(e.what())));
    }
    return Status();
}

} // namespace qb
