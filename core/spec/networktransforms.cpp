#include "spec/networktransforms.h"

#include "noise/noisecatalog.h"

namespace qb {

namespace {

const QString kSteSign = QStringLiteral("ste_sign");
const QString kWeightNoise = QStringLiteral("weight_noise");

/// ste_sign as the presets spell it: {"name": "ste_sign", "clip": 1.0}.
QuantizerSpec binaryQuantizer()
{
    QuantizerSpec q;
    q.name = kSteSign;
    q.params.insert(QStringLiteral("clip"), 1.0);
    return q;
}

/// The default value of every non-optional parameter of a nonideality model.
QJsonObject defaultParams(const QString &model)
{
    QJsonObject params;
    const NoiseInfo *info = NoiseCatalog::find(model);
    if (!info)
        return params;
    for (const NoiseParam &p : info->params) {
        switch (p.kind) {
        case NoiseParam::Kind::Bool:
            params.insert(p.key, p.defaultNumber != 0.0);
            break;
        case NoiseParam::Kind::Choice:
            params.insert(p.key, p.defaultChoice);
            break;
        case NoiseParam::Kind::Integer:
            if (!p.optional)
                params.insert(p.key, int(p.defaultNumber));
            break;
        case NoiseParam::Kind::Number:
            if (!p.optional)
                params.insert(p.key, p.defaultNumber);
            break;
        }
    }
    return params;
}

} // namespace

NetworkSpec withoutQuantization(const NetworkSpec &network)
{
    NetworkSpec result = network;
    result.name = network.name + QStringLiteral(" (float baseline)");
    for (LayerSpec &layer : result.layers) {
        if (!layer.hasWeights())
            continue;
        layer.inputQuantizer = QuantizerSpec();
        layer.kernelQuantizer = QuantizerSpec();
        layer.kernelClip = 0.0;
        layer.nonidealities.clear();
    }
    return result;
}

NetworkSpec binarizeHiddenLayers(const NetworkSpec &network)
{
    NetworkSpec result = network;
    bool first = true;
    for (LayerSpec &layer : result.layers) {
        if (!layer.hasWeights())
            continue;
        layer.inputQuantizer = first ? QuantizerSpec() : binaryQuantizer();
        layer.kernelQuantizer = binaryQuantizer();
        layer.kernelClip = 1.0;
        first = false;
    }
    return result;
}

NetworkSpec withWeightNoise(const NetworkSpec &network, double sigma)
{
    NetworkSpec result = network;
    for (LayerSpec &layer : result.layers) {
        if (!layer.hasWeights())
            continue;
        bool replaced = false;
        for (NoiseSpec &noise : layer.nonidealities) {
            if (noise.model == kWeightNoise) {
                noise.params.insert(QStringLiteral("sigma"), sigma);
                replaced = true;
            }
        }
        if (replaced)
            continue;
        NoiseSpec noise;
        noise.model = kWeightNoise;
        noise.phase = NoisePhase::Both;
        noise.params = defaultParams(kWeightNoise);
        noise.params.insert(QStringLiteral("sigma"), sigma);
        layer.nonidealities.append(noise);
    }
    return result;
}

} // namespace qb
