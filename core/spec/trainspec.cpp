#include "spec/trainspec.h"

#include "spec/specjson_p.h"

#include <QObject>

namespace qb {

namespace {

QString optimizerName(OptimizerKind kind)
{
    return kind == OptimizerKind::Sgd ? QStringLiteral("sgd") : QStringLiteral("adam");
}

QString normalizationName(Normalization n)
{
    return n == Normalization::ZeroToOne ? QStringLiteral("zero_one") : QStringLiteral("minus_one_one");
}

} // namespace

QJsonObject TrainSpec::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("optimizer"), optimizerName(optimizer));
    json.insert(QStringLiteral("learning_rate"), learningRate);
    json.insert(QStringLiteral("momentum"), momentum);
    json.insert(QStringLiteral("batch_size"), batchSize);
    json.insert(QStringLiteral("epochs"), epochs);
    json.insert(QStringLiteral("weight_decay"), weightDecay);
    json.insert(QStringLiteral("early_stopping_patience"), earlyStoppingPatience);
    json.insert(QStringLiteral("seed"), seed);
    json.insert(QStringLiteral("threads"), threads);
    json.insert(QStringLiteral("train_limit"), trainLimit);
    json.insert(QStringLiteral("test_limit"), testLimit);
    json.insert(QStringLiteral("normalization"), normalizationName(normalization));
    return json;
}

Result<TrainSpec> TrainSpec::fromJson(const QJsonObject &json)
{
    using R = Result<TrainSpec>;
    specjson::ObjectReader reader(json, QObject::tr("train"));
    const QStringList known{QStringLiteral("optimizer"),
                            QStringLiteral("learning_rate"),
                            QStringLiteral("momentum"),
                            QStringLiteral("batch_size"),
                            QStringLiteral("epochs"),
                            QStringLiteral("weight_decay"),
                            QStringLiteral("early_stopping_patience"),
                            QStringLiteral("seed"),
                            QStringLiteral("threads"),
                            QStringLiteral("train_limit"),
                            QStringLiteral("test_limit"),
                            QStringLiteral("normalization")};
    TrainSpec spec;
    QString optimizer = optimizerName(spec.optimizer);
    QString normalization = normalizationName(spec.normalization);
    const bool ok = reader.checkKnownKeys(known) && reader.readString(QStringLiteral("optimizer"), &optimizer)
        && reader.readDouble(QStringLiteral("learning_rate"), &spec.learningRate)
        && reader.readDouble(QStringLiteral("momentum"), &spec.momentum)
        && reader.readInt(QStringLiteral("batch_size"), &spec.batchSize)
        && reader.readInt(QStringLiteral("epochs"), &spec.epochs)
        && reader.readDouble(QStringLiteral("weight_decay"), &spec.weightDecay)
        && reader.readInt(QStringLiteral("early_stopping_patience"), &spec.earlyStoppingPatience)
        && reader.readInt64(QStringLiteral("seed"), &spec.seed)
        && reader.readInt(QStringLiteral("threads"), &spec.threads)
        && reader.readInt(QStringLiteral("train_limit"), &spec.trainLimit)
        && reader.readInt(QStringLiteral("test_limit"), &spec.testLimit)
        && reader.readString(QStringLiteral("normalization"), &normalization);
    if (!ok)
        return R::failure(reader.error());

    if (optimizer == QLatin1String("adam")) {
        spec.optimizer = OptimizerKind::Adam;
    } else if (optimizer == QLatin1String("sgd")) {
        spec.optimizer = OptimizerKind::Sgd;
    } else {
        reader.failField(QStringLiteral("optimizer"), QObject::tr("must be \"adam\" or \"sgd\""));
        return R::failure(reader.error());
    }
    if (normalization == QLatin1String("minus_one_one")) {
        spec.normalization = Normalization::MinusOneToOne;
    } else if (normalization == QLatin1String("zero_one")) {
        spec.normalization = Normalization::ZeroToOne;
    } else {
        reader.failField(QStringLiteral("normalization"),
                         QObject::tr("must be \"minus_one_one\" or \"zero_one\""));
        return R::failure(reader.error());
    }

    // Range checks: "train: field 'batch_size' must be at least 1".
    const auto fieldError = [&](const char *key, const QString &what) {
        return R::failure(QObject::tr("train: field '%1' %2").arg(QLatin1String(key), what));
    };
    if (spec.batchSize < 1)
        return fieldError("batch_size", QObject::tr("must be at least 1"));
    if (spec.epochs < 1)
        return fieldError("epochs", QObject::tr("must be at least 1"));
    if (!(spec.learningRate > 0.0))
        return fieldError("learning_rate", QObject::tr("must be greater than 0"));
    if (!(spec.momentum >= 0.0 && spec.momentum < 1.0))
        return fieldError("momentum", QObject::tr("must be at least 0 and less than 1"));
    if (spec.weightDecay < 0.0)
        return fieldError("weight_decay", QObject::tr("must not be negative"));
    if (spec.earlyStoppingPatience < 0)
        return fieldError("early_stopping_patience", QObject::tr("must not be negative (0 turns it off)"));
    if (spec.threads < 0)
        return fieldError("threads", QObject::tr("must not be negative (0 uses all cores)"));
    if (spec.trainLimit < 0)
        return fieldError("train_limit", QObject::tr("must not be negative (0 uses the whole split)"));
    if (spec.testLimit < 0)
        return fieldError("test_limit", QObject::tr("must not be negative (0 uses the whole split)"));
    return spec;
}

bool operator==(const TrainSpec &a, const TrainSpec &b)
{
    return a.optimizer == b.optimizer && a.learningRate == b.learningRate && a.momentum == b.momentum
        && a.batchSize == b.batchSize && a.epochs == b.epochs && a.weightDecay == b.weightDecay
        && a.earlyStoppingPatience == b.earlyStoppingPatience && a.seed == b.seed && a.threads == b.threads
        && a.trainLimit == b.trainLimit && a.testLimit == b.testLimit && a.normalization == b.normalization;
}

} // namespace qb
