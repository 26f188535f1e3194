#include "spec/layerspec.h"

#include "spec/specjson_p.h"

#include <QJsonArray>
#include <QObject>
#include <QStringList>

namespace qb {

namespace {

struct LayerTypeEntry
{
    LayerType type;
    const char *name;
};

constexpr LayerTypeEntry kLayerTypes[] = {
    {LayerType::Conv2D, "conv2d"},       {LayerType::Dense, "dense"},
    {LayerType::BatchNorm, "batchnorm"}, {LayerType::MaxPool, "maxpool"},
    {LayerType::AvgPool, "avgpool"},     {LayerType::Flatten, "flatten"},
    {LayerType::Dropout, "dropout"},     {LayerType::Activation, "activation"},
    {LayerType::Leaky, "leaky"},         {LayerType::Synaptic, "synaptic"},
};

struct ActivationEntry
{
    ActivationFunction function;
    const char *name;
};

constexpr ActivationEntry kActivations[] = {
    {ActivationFunction::None, "none"},         {ActivationFunction::ReLU, "relu"},
    {ActivationFunction::HardTanh, "hardtanh"}, {ActivationFunction::Tanh, "tanh"},
    {ActivationFunction::Softmax, "softmax"},
};

QJsonArray pair(int h, int w)
{
    return QJsonArray{h, w};
}

QJsonValue paddingToJson(Padding padding, int amount)
{
    switch (padding) {
    case Padding::Valid:
        break;
    case Padding::Same:
        return QStringLiteral("same");
    case Padding::Explicit:
        return amount;
    }
    return QStringLiteral("valid");
}

/// The JSON keys each layer type accepts, in the order they are documented.
QStringList knownKeys(LayerType type)
{
    QStringList keys{QStringLiteral("type"), QStringLiteral("name")};
    switch (type) {
    case LayerType::Conv2D:
        keys << QStringLiteral("filters") << QStringLiteral("kernel") << QStringLiteral("stride")
             << QStringLiteral("padding");
        Q_FALLTHROUGH();
    case LayerType::Dense:
        if (type == LayerType::Dense)
            keys << QStringLiteral("units");
        keys << QStringLiteral("bias") << QStringLiteral("input_quantizer")
             << QStringLiteral("kernel_quantizer") << QStringLiteral("kernel_clip")
             << QStringLiteral("nonidealities") << QStringLiteral("init");
        break;
    case LayerType::BatchNorm:
        keys << QStringLiteral("scale") << QStringLiteral("center") << QStringLiteral("momentum")
             << QStringLiteral("epsilon");
        break;
    case LayerType::MaxPool:
    case LayerType::AvgPool:
        keys << QStringLiteral("pool") << QStringLiteral("stride") << QStringLiteral("padding");
        break;
    case LayerType::Flatten:
        break;
    case LayerType::Dropout:
        keys << QStringLiteral("rate");
        break;
    case LayerType::Activation:
        keys << QStringLiteral("function");
        break;
    case LayerType::Leaky:
    case LayerType::Synaptic:
        keys << specjson::neuronKeys(type == LayerType::Synaptic);
        break;
    }
    return keys;
}

/// "valid", "same" or a non-negative integer. Pools take "same" here too although they do not
/// support it: the validator reports it, and reading everything that toJson() writes keeps the
/// round trip exact.
bool readPadding(specjson::ObjectReader &reader, Padding *padding, int *amount)
{
    const QString key = QStringLiteral("padding");
    if (!reader.contains(key))
        return true;
    const QJsonValue v = reader.value(key);
    if (v.isString() && v.toString() == QLatin1String("valid")) {
        *padding = Padding::Valid;
        *amount = 0;
        return true;
    }
    if (v.isString() && v.toString() == QLatin1String("same")) {
        *padding = Padding::Same;
        *amount = 0;
        return true;
    }
    int n = -1;
    if (v.isDouble() && reader.readInt(key, &n) && n >= 0) {
        *padding = Padding::Explicit;
        *amount = n;
        return true;
    }
    return reader.failField(key, QObject::tr("must be \"valid\", \"same\" or a non-negative integer"));
}

bool readQuantizer(specjson::ObjectReader &reader, const QString &key, QuantizerSpec *out)
{
    if (!reader.contains(key))
        return true;
    const QJsonValue v = reader.value(key);
    if (v.isNull()) {
        *out = QuantizerSpec();
        return true;
    }
    if (!v.isObject()) {
        return reader.failField(key,
                                QObject::tr("must be null (full precision) or an object such as "
                                            "{\"name\": \"ste_sign\", \"clip\": 1}"));
    }
    QJsonObject object = v.toObject();
    const QJsonValue name = object.value(QStringLiteral("name"));
    if (!object.contains(QStringLiteral("name"))) {
        return reader.fail(
            QObject::tr("field '%1' has no quantizer name: write {\"name\": \"ste_sign\", ...}, "
                        "or null for full precision")
                .arg(key));
    }
    if (!name.isString() || name.toString().isEmpty()) {
        return reader.fail(QObject::tr("field '%1': the quantizer name must be a non-empty string; got %2")
                               .arg(key, specjson::describeValue(name)));
    }
    object.remove(QStringLiteral("name"));
    out->name = name.toString();
    out->params = object;
    return true;
}

} // namespace

QString layerTypeName(LayerType type)
{
    for (const LayerTypeEntry &entry : kLayerTypes) {
        if (entry.type == type)
            return QString::fromLatin1(entry.name);
    }
    return QString();
}

bool layerTypeFromName(const QString &name, LayerType *out)
{
    for (const LayerTypeEntry &entry : kLayerTypes) {
        if (name == QLatin1String(entry.name)) {
            if (out)
                *out = entry.type;
            return true;
        }
    }
    return false;
}

QString activationName(ActivationFunction f)
{
    for (const ActivationEntry &entry : kActivations) {
        if (entry.function == f)
            return QString::fromLatin1(entry.name);
    }
    return QString();
}

bool activationFromName(const QString &name, ActivationFunction *out)
{
    for (const ActivationEntry &entry : kActivations) {
        if (name == QLatin1String(entry.name)) {
            if (out)
                *out = entry.function;
            return true;
        }
    }
    return false;
}

QString layerDisplayName(const LayerSpec &layer, int index)
{
    return layer.name.isEmpty() ? QStringLiteral("%1 %2").arg(layerTypeName(layer.type)).arg(index + 1) : layer.name;
}

QJsonObject LayerSpec::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("type"), layerTypeName(type));
    if (!name.isEmpty())
        json.insert(QStringLiteral("name"), name);
    switch (type) {
    case LayerType::Conv2D:
        json.insert(QStringLiteral("filters"), filters);
        json.insert(QStringLiteral("kernel"), pair(kernelH, kernelW));
        json.insert(QStringLiteral("stride"), pair(strideH, strideW));
        json.insert(QStringLiteral("padding"), paddingToJson(padding, paddingAmount));
        Q_FALLTHROUGH();
    case LayerType::Dense:
        if (type == LayerType::Dense)
            json.insert(QStringLiteral("units"), units);
        json.insert(QStringLiteral("bias"), useBias);
        json.insert(QStringLiteral("input_quantizer"), inputQuantizer.toJson());
        json.insert(QStringLiteral("kernel_quantizer"), kernelQuantizer.toJson());
        if (kernelClip != 0.0)
            json.insert(QStringLiteral("kernel_clip"), kernelClip);
        if (init == WeightInit::PyTorch)
            json.insert(QStringLiteral("init"), QStringLiteral("pytorch"));
        if (!nonidealities.isEmpty()) {
            QJsonArray list;
            for (const NoiseSpec &n : nonidealities)
                list.append(n.toJson());
            json.insert(QStringLiteral("nonidealities"), list);
        }
        break;
    case LayerType::BatchNorm:
        json.insert(QStringLiteral("scale"), scale);
        json.insert(QStringLiteral("center"), center);
        json.insert(QStringLiteral("momentum"), momentum);
        json.insert(QStringLiteral("epsilon"), epsilon);
        break;
    case LayerType::MaxPool:
    case LayerType::AvgPool:
        json.insert(QStringLiteral("pool"), pair(poolH, poolW));
        json.insert(QStringLiteral("stride"), pair(poolStrideH, poolStrideW));
        json.insert(QStringLiteral("padding"), paddingToJson(padding, paddingAmount));
        break;
    case LayerType::Flatten:
        break;
    case LayerType::Dropout:
        json.insert(QStringLiteral("rate"), rate);
        break;
    case LayerType::Activation:
        json.insert(QStringLiteral("function"), activationName(function));
        break;
    case LayerType::Leaky:
    case LayerType::Synaptic:
        specjson::writeNeuron(neuron, type == LayerType::Synaptic, &json);
        break;
    }
    return json;
}

bool operator==(const LayerSpec &a, const LayerSpec &b)
{
    if (a.type != b.type || a.name != b.name)
        return false;
    const auto samePadding = [&] {
        return a.padding == b.padding
            && (a.padding != Padding::Explicit || a.paddingAmount == b.paddingAmount);
    };
    const auto sameWeights = [&] {
        return a.useBias == b.useBias && a.inputQuantizer == b.inputQuantizer
            && a.kernelQuantizer == b.kernelQuantizer && a.kernelClip == b.kernelClip
            && a.nonidealities == b.nonidealities && a.init == b.init;
    };
    switch (a.type) {
    case LayerType::Conv2D:
        return a.filters == b.filters && a.kernelH == b.kernelH && a.kernelW == b.kernelW
            && a.strideH == b.strideH && a.strideW == b.strideW && samePadding() && sameWeights();
    case LayerType::Dense:
        return a.units == b.units && sameWeights();
    case LayerType::BatchNorm:
        return a.scale == b.scale && a.center == b.center && a.momentum == b.momentum
            && a.epsilon == b.epsilon;
    case LayerType::MaxPool:
    case LayerType::AvgPool:
        return a.poolH == b.poolH && a.poolW == b.poolW && a.poolStrideH == b.poolStrideH
            && a.poolStrideW == b.poolStrideW && samePadding();
    case LayerType::Flatten:
        return true;
    case LayerType::Dropout:
        return a.rate == b.rate;
    case LayerType::Activation:
        return a.function == b.function;
    case LayerType::Leaky:
        return a.neuron == b.neuron;
    case LayerType::Synaptic:
        return a.neuron == b.neuron;
    }
    return true;
}

namespace specjson {

QString layerLabel(int index, const LayerSpec &layer)
{
    if (layer.name.isEmpty())
        return QObject::tr("layer %1 (%2)").arg(index + 1).arg(layerTypeName(layer.type));
    return QObject::tr("layer %1 (%2 '%3')").arg(index + 1).arg(layerTypeName(layer.type), layer.name);
}

Result<LayerSpec> layerFromJson(const QJsonValue &value, int index)
{
    const QString number = QObject::tr("layer %1").arg(index + 1);
    if (!value.isObject()) {
        return Result<LayerSpec>::failure(
            QObject::tr("%1: must be an object such as {\"type\": \"dense\", \"units\": 10}; got %2")
                .arg(number, describeValue(value)));
    }
    const QJsonObject object = value.toObject();
    LayerSpec layer;

    // The type and the name come first: every later message names them.
    {
        ObjectReader head(object, number);
        QString typeName;
        if (!head.require(QStringLiteral("type")) || !head.readString(QStringLiteral("type"), &typeName))
            return Result<LayerSpec>::failure(head.error());
        if (!layerTypeFromName(typeName, &layer.type)) {
            QStringList known;
            for (const LayerTypeEntry &entry : kLayerTypes)
                known << QString::fromLatin1(entry.name);
            return Result<LayerSpec>::failure(QObject::tr("%1: unknown layer type '%2' (known: %3)")
                                                  .arg(number, typeName, known.join(QStringLiteral(", "))));
        }
        // A name that is not a string is reported below, with the type in the context.
        layer.name = object.value(QStringLiteral("name")).toString();
    }

    ObjectReader reader(object, layerLabel(index, layer));
    bool ok = reader.checkKnownKeys(knownKeys(layer.type))
        && reader.readString(QStringLiteral("name"), &layer.name);
    switch (layer.type) {
    case LayerType::Conv2D:
        ok = ok && reader.readInt(QStringLiteral("filters"), &layer.filters)
            && reader.readPair(QStringLiteral("kernel"), &layer.kernelH, &layer.kernelW)
            && reader.readPair(QStringLiteral("stride"), &layer.strideH, &layer.strideW)
            && readPadding(reader, &layer.padding, &layer.paddingAmount);
        Q_FALLTHROUGH();
    case LayerType::Dense:
        if (layer.type == LayerType::Dense)
            ok = ok && reader.readInt(QStringLiteral("units"), &layer.units);
        ok = ok && reader.readBool(QStringLiteral("bias"), &layer.useBias)
            && readQuantizer(reader, QStringLiteral("input_quantizer"), &layer.inputQuantizer)
            && readQuantizer(reader, QStringLiteral("kernel_quantizer"), &layer.kernelQuantizer)
            && reader.readDouble(QStringLiteral("kernel_clip"), &layer.kernelClip);
        if (ok && reader.contains(QStringLiteral("init"))) {
            QString init;
            ok = reader.readString(QStringLiteral("init"), &init);
            if (ok && init == QLatin1String("pytorch"))
                layer.init = WeightInit::PyTorch;
            else if (ok && init != QLatin1String("glorot_uniform"))
                ok = reader.failField(QStringLiteral("init"), QObject::tr("must be \"glorot_uniform\" or \"pytorch\""));
        }
        if (ok && reader.contains(QStringLiteral("nonidealities"))) {
            const QJsonValue list = reader.value(QStringLiteral("nonidealities"));
            if (!list.isArray()) {
                ok = reader.failField(QStringLiteral("nonidealities"), QObject::tr("must be a list"));
                break;
            }
            const QJsonArray entries = list.toArray();
            for (int i = 0; ok && i < entries.size(); ++i) {
                NoiseSpec noise;
                QString error;
                if (!NoiseSpec::fromJson(entries.at(i), reader.context() + QStringLiteral(": nonidealities[%1]").arg(i + 1),
                                         &noise, &error))
                    return Result<LayerSpec>::failure(error);
                layer.nonidealities << noise;
            }
        }
        break;
    case LayerType::BatchNorm:
        ok = ok && reader.readBool(QStringLiteral("scale"), &layer.scale)
            && reader.readBool(QStringLiteral("center"), &layer.center)
            && reader.readDouble(QStringLiteral("momentum"), &layer.momentum)
            && reader.readDouble(QStringLiteral("epsilon"), &layer.epsilon);
        break;
    case LayerType::MaxPool:
    case LayerType::AvgPool:
        ok = ok && reader.readPair(QStringLiteral("pool"), &layer.poolH, &layer.poolW)
            && reader.readPair(QStringLiteral("stride"), &layer.poolStrideH, &layer.poolStrideW)
            && readPadding(reader, &layer.padding, &layer.paddingAmount);
        break;
    case LayerType::Flatten:
        break;
    case LayerType::Dropout:
        ok = ok && reader.readDouble(QStringLiteral("rate"), &layer.rate);
        break;
    case LayerType::Activation: {
        QString functionName;
        ok = ok && reader.readString(QStringLiteral("function"), &functionName);
        if (ok && reader.contains(QStringLiteral("function"))
            && !activationFromName(functionName, &layer.function)) {
            QStringList known;
            for (const ActivationEntry &entry : kActivations)
                known << QString::fromLatin1(entry.name);
            ok = reader.failField(QStringLiteral("function"),
                                  QObject::tr("must be one of %1").arg(known.join(QStringLiteral(", "))));
        }
        break;
    }
    case LayerType::Leaky:
    case LayerType::Synaptic:
        ok = ok && specjson::readNeuron(reader, layer.type == LayerType::Synaptic, &layer.neuron);
        break;
    }
    if (!ok)
        return Result<LayerSpec>::failure(reader.error());
    return layer;
}

} // namespace specjson

} // namespace qb
