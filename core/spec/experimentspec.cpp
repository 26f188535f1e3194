#include "spec/experimentspec.h"

#include "spec/specjson_p.h"

#include <QObject>

namespace qb {

namespace {
const QString kFormat = QStringLiteral("quantbench-experiment");
}

ExperimentSpec ExperimentSpec::forNetwork(const NetworkSpec &network)
{
    ExperimentSpec spec;
    spec.network = network;
    spec.name = network.name;
    if (!network.trainingDefaults.isEmpty()) {
        // NetworkSpec::fromJson checked them; a network built in code may still hold bad ones.
        const Result<TrainSpec> train = TrainSpec::fromJson(network.trainingDefaults);
        if (train)
            spec.train = train.value();
    }
    return spec;
}

QJsonObject ExperimentSpec::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("format"), kFormat);
    json.insert(QStringLiteral("version"), kFormatVersion);
    json.insert(QStringLiteral("name"), name);
    json.insert(QStringLiteral("dataset"), dataset);
    json.insert(QStringLiteral("network"), network.toJson());
    json.insert(QStringLiteral("train"), train.toJson());
    return json;
}

Result<ExperimentSpec> ExperimentSpec::fromJson(const QJsonObject &json)
{
    using R = Result<ExperimentSpec>;
    specjson::ObjectReader reader(json, QObject::tr("experiment"));
    if (!specjson::checkFormat(reader, kFormat, kFormatVersion, QObject::tr("experiment file")))
        return R::failure(reader.error());
    const QStringList known{QStringLiteral("format"),  QStringLiteral("version"), QStringLiteral("name"),
                            QStringLiteral("dataset"), QStringLiteral("network"), QStringLiteral("train")};
    ExperimentSpec spec;
    if (!reader.checkKnownKeys(known) || !reader.readString(QStringLiteral("name"), &spec.name)
        || !reader.readString(QStringLiteral("dataset"), &spec.dataset)
        || !reader.require(QStringLiteral("network"))) {
        return R::failure(reader.error());
    }

    const QJsonValue networkValue = json.value(QStringLiteral("network"));
    if (!networkValue.isObject()) {
        reader.failField(QStringLiteral("network"), QObject::tr("must be a network object"));
        return R::failure(reader.error());
    }
    // The network's own messages already say where ("layer 3 (dense): ..."): passed on as they are.
    Result<NetworkSpec> network = NetworkSpec::fromJson(networkValue.toObject());
    if (!network)
        return R::failure(network.error());
    spec.network = network.value();

    if (json.contains(QStringLiteral("train"))) {
        const QJsonValue trainValue = json.value(QStringLiteral("train"));
        if (!trainValue.isObject()) {
            reader.failField(QStringLiteral("train"), QObject::tr("must be an object of training settings"));
            return R::failure(reader.error());
        }
        Result<TrainSpec> train = TrainSpec::fromJson(trainValue.toObject());
        if (!train)
            return R::failure(train.error());
        spec.train = train.value();
    }
    return spec;
}

Result<ExperimentSpec> ExperimentSpec::fromFile(const QString &path)
{
    const Result<QJsonObject> json = specjson::readJsonFile(path);
    if (!json)
        return Result<ExperimentSpec>::failure(json.error());
    Result<ExperimentSpec> spec = fromJson(json.value());
    if (!spec)
        return Result<ExperimentSpec>::failure(specjson::displayPath(path) + QStringLiteral(": ")
                                               + spec.error());
    return spec;
}

Status ExperimentSpec::saveToFile(const QString &path) const
{
    return specjson::writeJsonFile(path, toJson());
}

bool operator==(const ExperimentSpec &a, const ExperimentSpec &b)
{
    return a.name == b.name && a.dataset == b.dataset && a.network == b.network && a.train == b.train;
}

} // namespace qb
