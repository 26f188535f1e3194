#include "spec/noisespec.h"

#include <QObject>

namespace qb {

QString noisePhaseName(NoisePhase phase)
{
    switch (phase) {
    case NoisePhase::Training:
        return QStringLiteral("train");
    case NoisePhase::Evaluation:
        return QStringLiteral("eval");
    case NoisePhase::Both:
        break;
    }
    return QStringLiteral("both");
}

QJsonObject NoiseSpec::toJson() const
{
    QJsonObject json = params;
    json.insert(QStringLiteral("model"), model);
    json.insert(QStringLiteral("phase"), noisePhaseName(phase));
    return json;
}

bool NoiseSpec::fromJson(const QJsonValue &value, const QString &context, NoiseSpec *out, QString *error)
{
    if (!value.isObject()) {
        *error = QObject::tr("%1 must be an object like {\"model\": \"weight_noise\", \"sigma\": 0.01}").arg(context);
        return false;
    }
    QJsonObject object = value.toObject();
    const QJsonValue model = object.take(QStringLiteral("model"));
    if (!model.isString() || model.toString().isEmpty()) {
        *error = QObject::tr("%1: field 'model' must name a nonideality").arg(context);
        return false;
    }
    NoiseSpec spec;
    spec.model = model.toString();
    if (object.contains(QStringLiteral("phase"))) {
        const QString phase = object.take(QStringLiteral("phase")).toString();
        if (phase == QLatin1String("train"))
            spec.phase = NoisePhase::Training;
        else if (phase == QLatin1String("eval"))
            spec.phase = NoisePhase::Evaluation;
        else if (phase == QLatin1String("both"))
            spec.phase = NoisePhase::Both;
        else {
            *error = QObject::tr("%1: field 'phase' must be \"train\", \"eval\" or \"both\"").arg(context);
            return false;
        }
    }
    spec.params = object;
    *out = spec;
    return true;
}

} // namespace qb
