#include "spec/networkspec.h"

#include "spec/specjson_p.h"
#include "spec/trainspec.h"

#include <QJsonArray>
#include <QObject>

#include <climits>
#include <cmath>

namespace qb {

namespace {

const QString kFormat = QStringLiteral("quantbench-network");

/// {"channels", "height", "width"} for feature maps, {"features"} for a flat vector. Shapes of
/// other ranks (never valid, but a document may hold one while being edited) are kept as
/// {"dims": [...]} so that saving never loses them.
QJsonObject shapeToJson(const TensorShape &shape)
{
    QJsonObject json;
    if (shape.isImage()) {
        json.insert(QStringLiteral("channels"), shape.dims[0]);
        json.insert(QStringLiteral("height"), shape.dims[1]);
        json.insert(QStringLiteral("width"), shape.dims[2]);
    } else if (shape.isFlat()) {
        json.insert(QStringLiteral("features"), shape.dims[0]);
    } else {
        QJsonArray dims;
        for (int d : shape.dims)
            dims.append(d);
        json.insert(QStringLiteral("dims"), dims);
    }
    return json;
}

bool shapeFromJson(const QJsonValue &value, TensorShape *shape, QString *error)
{
    const QString context = QObject::tr("network: field 'input'");
    if (!value.isObject()) {
        *error = QObject::tr("%1 must be an object {\"channels\": 1, \"height\": 28, \"width\": 28} or "
                             "{\"features\": n}; got %2")
                     .arg(context, specjson::describeValue(value));
        return false;
    }
    const QJsonObject object = value.toObject();
    specjson::ObjectReader reader(object, context);
    const QStringList imageKeys{QStringLiteral("channels"), QStringLiteral("height"),
                                QStringLiteral("width")};
    if (object.contains(QStringLiteral("features")) && object.size() == 1) {
        int n = 0;
        if (!reader.readInt(QStringLiteral("features"), &n)) {
            *error = reader.error();
            return false;
        }
        *shape = TensorShape::flat(n);
        return true;
    }
    if (object.contains(QStringLiteral("dims")) && object.size() == 1) {
        const QJsonValue dims = object.value(QStringLiteral("dims"));
        TensorShape result;
        bool ok = dims.isArray();
        for (const QJsonValue &d : dims.toArray()) {
            const double x = d.toDouble();
            ok = ok && d.isDouble() && x == std::floor(x) && x >= INT_MIN && x <= INT_MAX;
            result.dims.append(ok ? int(x) : 0);
        }
        if (!ok) {
            *error = QObject::tr("%1: 'dims' must be a list of integers").arg(context);
            return false;
        }
        *shape = result;
        return true;
    }
    int c = 0;
    int h = 0;
    int w = 0;
    bool ok = reader.checkKnownKeys(imageKeys);
    for (const QString &key : imageKeys)
        ok = ok && reader.require(key);
    ok = ok && reader.readInt(imageKeys[0], &c) && reader.readInt(imageKeys[1], &h)
        && reader.readInt(imageKeys[2], &w);
    if (!ok) {
        *error = reader.error()
            + QObject::tr(" (the input is {\"channels\", \"height\", \"width\"} or {\"features\"})");
        return false;
    }
    *shape = TensorShape::image(c, h, w);
    return true;
}

} // namespace

QJsonObject NetworkSpec::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("format"), kFormat);
    json.insert(QStringLiteral("version"), kFormatVersion);
    json.insert(QStringLiteral("name"), name);
    json.insert(QStringLiteral("description"), description);
    json.insert(QStringLiteral("input"), shapeToJson(input));
    QJsonArray layerArray;
    for (const LayerSpec &layer : layers)
        layerArray.append(layer.toJson());
    json.insert(QStringLiteral("layers"), layerArray);
    if (adaptToDataset)
        json.insert(QStringLiteral("adapt_to_dataset"), true);
    if (isSpiking() || spiking != SpikingSpec())
        json.insert(QStringLiteral("spiking"), spiking.toJson());
    if (!trainingDefaults.isEmpty())
        json.insert(QStringLiteral("training"), trainingDefaults);
    return json;
}

Result<NetworkSpec> NetworkSpec::fromJson(const QJsonObject &json)
{
    using R = Result<NetworkSpec>;
    specjson::ObjectReader reader(json, QObject::tr("network"));
    if (!specjson::checkFormat(reader, kFormat, kFormatVersion, QObject::tr("network file")))
        return R::failure(reader.error());
    const QStringList known{QStringLiteral("format"), QStringLiteral("version"),
                            QStringLiteral("name"),   QStringLiteral("description"),
                            QStringLiteral("input"),  QStringLiteral("layers"),
                            QStringLiteral("adapt_to_dataset"), QStringLiteral("spiking"),
                            QStringLiteral("training")};
    NetworkSpec spec;
    if (!reader.checkKnownKeys(known) || !reader.readString(QStringLiteral("name"), &spec.name)
        || !reader.readString(QStringLiteral("description"), &spec.description)
        || !reader.readBool(QStringLiteral("adapt_to_dataset"), &spec.adaptToDataset)
        || !reader.require(QStringLiteral("layers"))) {
        return R::failure(reader.error());
    }
    if (json.contains(QStringLiteral("input"))) {
        QString error;
        if (!shapeFromJson(json.value(QStringLiteral("input")), &spec.input, &error))
            return R::failure(error);
    }
    if (json.contains(QStringLiteral("spiking"))) {
        Result<SpikingSpec> spiking = SpikingSpec::fromJson(json.value(QStringLiteral("spiking")),
                                                            QObject::tr("network: spiking"));
        if (!spiking)
            return R::failure(spiking.error());
        spec.spiking = spiking.value();
    }
    if (json.contains(QStringLiteral("training"))) {
        const QJsonValue training = json.value(QStringLiteral("training"));
        if (!training.isObject()) {
            reader.failField(QStringLiteral("training"), QObject::tr("must be an object of training settings"));
            return R::failure(reader.error());
        }
        const Result<TrainSpec> check = TrainSpec::fromJson(training.toObject());
        if (!check)
            return R::failure(QObject::tr("network: training: %1").arg(check.error()));
        spec.trainingDefaults = training.toObject();
    }
    const QJsonValue layersValue = json.value(QStringLiteral("layers"));
    if (!layersValue.isArray()) {
        reader.failField(QStringLiteral("layers"), QObject::tr("must be a list of layers"));
        return R::failure(reader.error());
    }
    const QJsonArray layerArray = layersValue.toArray();
    for (int i = 0; i < layerArray.size(); ++i) {
        Result<LayerSpec> layer = specjson::layerFromJson(layerArray.at(i), i);
        if (!layer)
            return R::failure(layer.error());
        spec.layers.append(layer.value());
    }
    return spec;
}

NetworkSpec NetworkSpec::adaptedTo(const TensorShape &sampleShape, int numClasses) const
{
    NetworkSpec adapted = *this;
    if (!adaptToDataset)
        return adapted;
    adapted.input = input.isFlat() ? TensorShape::flat(int(sampleShape.elementCount())) : sampleShape;
    for (int i = int(adapted.layers.size()) - 1; i >= 0; --i) {
        LayerSpec &layer = adapted.layers[i];
        if (layer.type == LayerType::Dense) {
            if (numClasses > 0)
                layer.units = numClasses;
            break;
        }
        if (layer.type == LayerType::Conv2D)
            break;
    }
    return adapted;
}

Result<NetworkSpec> NetworkSpec::fromFile(const QString &path)
{
    const Result<QJsonObject> json = specjson::readJsonFile(path);
    if (!json)
        return Result<NetworkSpec>::failure(json.error());
    Result<NetworkSpec> spec = fromJson(json.value());
    if (!spec)
        return Result<NetworkSpec>::failure(specjson::displayPath(path) + QStringLiteral(": ")
                                            + spec.error());
    return spec;
}

Status NetworkSpec::saveToFile(const QString &path) const
{
    return specjson::writeJsonFile(path, toJson());
}

bool operator==(const NetworkSpec &a, const NetworkSpec &b)
{
    return a.name == b.name && a.description == b.description && a.input == b.input && a.layers == b.layers
        && a.adaptToDataset == b.adaptToDataset && a.spiking == b.spiking && a.trainingDefaults == b.trainingDefaults;
}

bool NetworkSpec::isSpiking() const
{
    for (const LayerSpec &layer : layers) {
        if (layer.isSpiking())
            return true;
    }
    return false;
}

} // namespace qb
