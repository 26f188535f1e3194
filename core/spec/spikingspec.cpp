#include "spec/spikingspec.h"

#include "spec/specjson_p.h"

#include <QObject>

namespace qb {

namespace {

template<typename E>
struct NameEntry
{
    E value;
    const char *name;
};

constexpr NameEntry<ResetMechanism> kResets[] = {
    {ResetMechanism::Subtract, "subtract"}, {ResetMechanism::Zero, "zero"}, {ResetMechanism::None, "none"}};
constexpr NameEntry<SurrogateKind> kSurrogates[] = {{SurrogateKind::ATan, "atan"},
                                                    {SurrogateKind::FastSigmoid, "fast_sigmoid"},
                                                    {SurrogateKind::Sigmoid, "sigmoid"},
                                                    {SurrogateKind::Ste, "ste"}};
constexpr NameEntry<SpikeEncoding> kEncodings[] = {{SpikeEncoding::Direct, "direct"},
                                                   {SpikeEncoding::Rate, "rate"},
                                                   {SpikeEncoding::Latency, "latency"},
                                                   {SpikeEncoding::Events, "events"}};
constexpr NameEntry<SpikeLoss> kLosses[] = {{SpikeLoss::MembraneCrossEntropy, "membrane_ce"},
                                            {SpikeLoss::CrossEntropyRate, "ce_rate"},
                                            {SpikeLoss::CrossEntropyCount, "ce_count"},
                                            {SpikeLoss::MseCount, "mse_count"}};

template<typename E, size_t N>
QString nameOf(const NameEntry<E> (&table)[N], E value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return QString::fromLatin1(entry.name);
    }
    return QString();
}

template<typename E, size_t N>
bool valueOf(const NameEntry<E> (&table)[N], const QString &name, E *out)
{
    for (const auto &entry : table) {
        if (name == QLatin1String(entry.name)) {
            if (out)
                *out = entry.value;
            return true;
        }
    }
    return false;
}

template<typename E, size_t N>
QStringList namesOf(const NameEntry<E> (&table)[N])
{
    QStringList names;
    for (const auto &entry : table)
        names << QString::fromLatin1(entry.name);
    return names;
}

/// Reads an optional enum field by name; an unknown name fails listing the known ones.
template<typename E, size_t N>
bool readName(specjson::ObjectReader &reader, const QString &key, const NameEntry<E> (&table)[N], E *out)
{
    if (!reader.contains(key))
        return true;
    QString name;
    if (!reader.readString(key, &name))
        return false;
    if (valueOf(table, name, out))
        return true;
    return reader.failField(key, QObject::tr("must be one of %1").arg(namesOf(table).join(QStringLiteral(", "))));
}

const QString kStateQuant = QStringLiteral("state_quant");

} // namespace

QString resetName(ResetMechanism reset) { return nameOf(kResets, reset); }
bool resetFromName(const QString &name, ResetMechanism *out) { return valueOf(kResets, name, out); }
QStringList resetNames() { return namesOf(kResets); }
QString surrogateName(SurrogateKind kind) { return nameOf(kSurrogates, kind); }
bool surrogateFromName(const QString &name, SurrogateKind *out) { return valueOf(kSurrogates, name, out); }
QStringList surrogateNames() { return namesOf(kSurrogates); }
QString encodingName(SpikeEncoding encoding) { return nameOf(kEncodings, encoding); }
bool encodingFromName(const QString &name, SpikeEncoding *out) { return valueOf(kEncodings, name, out); }
QStringList encodingNames() { return namesOf(kEncodings); }
QString spikeLossName(SpikeLoss loss) { return nameOf(kLosses, loss); }
bool spikeLossFromName(const QString &name, SpikeLoss *out) { return valueOf(kLosses, name, out); }
QStringList spikeLossNames() { return namesOf(kLosses); }

double NeuronSpec::effectiveSlope() const
{
    if (surrogateSlope > 0.0)
        return surrogateSlope;
    return surrogate == SurrogateKind::ATan ? 2.0 : 25.0;
}

bool operator==(const NeuronSpec &a, const NeuronSpec &b)
{
    return a.beta == b.beta && a.learnBeta == b.learnBeta && a.alpha == b.alpha && a.learnAlpha == b.learnAlpha
        && a.threshold == b.threshold && a.learnThreshold == b.learnThreshold && a.reset == b.reset
        && a.resetDelay == b.resetDelay && a.surrogate == b.surrogate && a.surrogateSlope == b.surrogateSlope
        && a.stateQuantBits == b.stateQuantBits
        && (a.stateQuantBits == 0
            || (a.stateQuantThreshold == b.stateQuantThreshold && a.stateQuantLower == b.stateQuantLower
                && a.stateQuantUpper == b.stateQuantUpper));
}

QJsonObject SpikingSpec::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("time_steps"), timeSteps);
    json.insert(QStringLiteral("encoding"), encodingName(encoding));
    switch (encoding) {
    case SpikeEncoding::Direct:
        break;
    case SpikeEncoding::Rate:
        json.insert(QStringLiteral("gain"), gain);
        json.insert(QStringLiteral("offset"), offset);
        break;
    case SpikeEncoding::Latency:
        json.insert(QStringLiteral("tau"), tau);
        json.insert(QStringLiteral("latency_threshold"), latencyThreshold);
        json.insert(QStringLiteral("linear"), linear);
        json.insert(QStringLiteral("normalize"), normalize);
        json.insert(QStringLiteral("clip"), clip);
        break;
    case SpikeEncoding::Events:
        json.insert(QStringLiteral("window_us"), double(windowUs));
        json.insert(QStringLiteral("denoise_us"), double(denoiseUs));
        break;
    }
    json.insert(QStringLiteral("loss"), spikeLossName(loss));
    if (loss == SpikeLoss::MseCount) {
        json.insert(QStringLiteral("correct_rate"), correctRate);
        json.insert(QStringLiteral("incorrect_rate"), incorrectRate);
    }
    return json;
}

Result<SpikingSpec> SpikingSpec::fromJson(const QJsonValue &value, const QString &context)
{
    using R = Result<SpikingSpec>;
    if (!value.isObject()) {
        return R::failure(QObject::tr("%1 must be an object such as {\"time_steps\": 25, \"encoding\": \"direct\"}; got %2")
                              .arg(context, specjson::describeValue(value)));
    }
    SpikingSpec spec;
    specjson::ObjectReader reader(value.toObject(), context);
    const QStringList known{QStringLiteral("time_steps"), QStringLiteral("encoding"), QStringLiteral("gain"),
                            QStringLiteral("offset"),     QStringLiteral("tau"),      QStringLiteral("latency_threshold"),
                            QStringLiteral("linear"),     QStringLiteral("normalize"), QStringLiteral("clip"),
                            QStringLiteral("window_us"),  QStringLiteral("denoise_us"), QStringLiteral("loss"),
                            QStringLiteral("correct_rate"), QStringLiteral("incorrect_rate")};
    const bool ok = reader.checkKnownKeys(known) && reader.readInt(QStringLiteral("time_steps"), &spec.timeSteps)
        && readName(reader, QStringLiteral("encoding"), kEncodings, &spec.encoding)
        && reader.readDouble(QStringLiteral("gain"), &spec.gain) && reader.readDouble(QStringLiteral("offset"), &spec.offset)
        && reader.readDouble(QStringLiteral("tau"), &spec.tau)
        && reader.readDouble(QStringLiteral("latency_threshold"), &spec.latencyThreshold)
        && reader.readBool(QStringLiteral("linear"), &spec.linear)
        && reader.readBool(QStringLiteral("normalize"), &spec.normalize) && reader.readBool(QStringLiteral("clip"), &spec.clip)
        && reader.readInt64(QStringLiteral("window_us"), &spec.windowUs)
        && reader.readInt64(QStringLiteral("denoise_us"), &spec.denoiseUs)
        && readName(reader, QStringLiteral("loss"), kLosses, &spec.loss)
        && reader.readDouble(QStringLiteral("correct_rate"), &spec.correctRate)
        && reader.readDouble(QStringLiteral("incorrect_rate"), &spec.incorrectRate);
    if (!ok)
        return R::failure(reader.error());
    return spec;
}

bool operator==(const SpikingSpec &a, const SpikingSpec &b)
{
    return a.toJson() == b.toJson();
}

namespace specjson {

QStringList neuronKeys(bool synaptic)
{
    QStringList keys{QStringLiteral("beta"), QStringLiteral("learn_beta")};
    if (synaptic)
        keys << QStringLiteral("alpha") << QStringLiteral("learn_alpha");
    keys << QStringLiteral("threshold") << QStringLiteral("learn_threshold") << QStringLiteral("reset")
         << QStringLiteral("reset_delay") << QStringLiteral("surrogate") << QStringLiteral("surrogate_slope")
         << kStateQuant;
    return keys;
}

void writeNeuron(const NeuronSpec &neuron, bool synaptic, QJsonObject *json)
{
    json->insert(QStringLiteral("beta"), neuron.beta);
    json->insert(QStringLiteral("learn_beta"), neuron.learnBeta);
    if (synaptic) {
        json->insert(QStringLiteral("alpha"), neuron.alpha);
        json->insert(QStringLiteral("learn_alpha"), neuron.learnAlpha);
    }
    json->insert(QStringLiteral("threshold"), neuron.threshold);
    json->insert(QStringLiteral("learn_threshold"), neuron.learnThreshold);
    json->insert(QStringLiteral("reset"), resetName(neuron.reset));
    json->insert(QStringLiteral("reset_delay"), neuron.resetDelay);
    json->insert(QStringLiteral("surrogate"), surrogateName(neuron.surrogate));
    if (neuron.surrogateSlope != 0.0)
        json->insert(QStringLiteral("surrogate_slope"), neuron.surrogateSlope);
    if (neuron.stateQuantBits > 0) {
        json->insert(kStateQuant, QJsonObject{{QStringLiteral("bits"), neuron.stateQuantBits},
                                              {QStringLiteral("threshold"), neuron.stateQuantThreshold},
                                              {QStringLiteral("lower_limit"), neuron.stateQuantLower},
                                              {QStringLiteral("upper_limit"), neuron.stateQuantUpper}});
    } else {
        json->insert(kStateQuant, QJsonValue::Null);
    }
}

bool readNeuron(ObjectReader &reader, bool synaptic, NeuronSpec *out)
{
    bool ok = reader.readDouble(QStringLiteral("beta"), &out->beta)
        && reader.readBool(QStringLiteral("learn_beta"), &out->learnBeta)
        && reader.readDouble(QStringLiteral("threshold"), &out->threshold)
        && reader.readBool(QStringLiteral("learn_threshold"), &out->learnThreshold)
        && readName(reader, QStringLiteral("reset"), kResets, &out->reset)
        && reader.readBool(QStringLiteral("reset_delay"), &out->resetDelay)
        && readName(reader, QStringLiteral("surrogate"), kSurrogates, &out->surrogate)
        && reader.readDouble(QStringLiteral("surrogate_slope"), &out->surrogateSlope);
    if (ok && synaptic) {
        ok = reader.readDouble(QStringLiteral("alpha"), &out->alpha)
            && reader.readBool(QStringLiteral("learn_alpha"), &out->learnAlpha);
    }
    if (!ok || !reader.contains(kStateQuant) || reader.value(kStateQuant).isNull())
        return ok;
    const QJsonValue sq = reader.value(kStateQuant);
    if (!sq.isObject())
        return reader.failField(kStateQuant, QObject::tr("must be null or an object such as {\"bits\": 8}"));
    ObjectReader inner(sq.toObject(), reader.context() + QStringLiteral(": ") + kStateQuant);
    out->stateQuantBits = 8;
    const bool innerOk = inner.checkKnownKeys({QStringLiteral("bits"), QStringLiteral("threshold"),
                                               QStringLiteral("lower_limit"), QStringLiteral("upper_limit")})
        && inner.readInt(QStringLiteral("bits"), &out->stateQuantBits)
        && inner.readDouble(QStringLiteral("threshold"), &out->stateQuantThreshold)
        && inner.readDouble(QStringLiteral("lower_limit"), &out->stateQuantLower)
        && inner.readDouble(QStringLiteral("upper_limit"), &out->stateQuantUpper);
    return innerOk || reader.fail(inner.error().mid(reader.context().size() + 2));
}

} // namespace specjson

} // namespace qb
