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
    return forwardTimed(std::move(x), nullptr);
}

torch::Tensor NetworkModule::forwardTimed(torch::Tensor x, std::vector<double> *layerSeconds)
{
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
