#include "quant/quantizercatalog.h"

#include "util/retranslatedtable.h"

#include <QJsonValue>
#include <QObject>

#include <cmath>

namespace qb {

QuantizerParam numberParam(const QString &key, double def, double lo, double hi, const QString &text, bool optional)
{
    QuantizerParam p;
    p.key = key;
    p.kind = QuantizerParam::Kind::Number;
    p.defaultNumber = def;
    p.minimum = lo;
    p.maximum = hi;
    p.description = text;
    p.optional = optional;
    return p;
}

QuantizerParam integerParam(const QString &key, int def, int lo, int hi, const QString &text)
{
    QuantizerParam p = numberParam(key, def, lo, hi, text);
    p.kind = QuantizerParam::Kind::Integer;
    return p;
}

QuantizerParam boolParam(const QString &key, bool def, const QString &text)
{
    QuantizerParam p;
    p.key = key;
    p.kind = QuantizerParam::Kind::Bool;
    p.defaultNumber = def ? 1.0 : 0.0;
    p.description = text;
    return p;
}

QuantizerParam choiceParam(const QString &key, const QStringList &choices, const QString &text)
{
    QuantizerParam p;
    p.key = key;
    p.kind = QuantizerParam::Kind::Choice;
    p.choices = choices;
    p.defaultChoice = choices.first();
    p.description = text;
    return p;
}

QuantizerParam choiceParam(const QString &key, const QStringList &choices, const QString &def, const QString &text)
{
    QuantizerParam p = choiceParam(key, choices, text);
    p.defaultChoice = def;
    return p;
}

namespace {

/// The `clip` of the clipped straight-through estimator, shared by most 1- and 2-bit quantizers.
QuantizerParam clipParam()
{
    return numberParam(QStringLiteral("clip"), 1.0, 0.0, 1e9,
                       QObject::tr("Gradient is zero where |x| > clip; 0 disables the clip."));
}

QuantizerParam bitsParam(int def, int lo, int hi)
{
    return integerParam(QStringLiteral("bits"), def, lo, hi, QObject::tr("Bits per value, k."));
}

QuantizerInfo entry(const QString &name, int roles, int bits, const QString &description,
                    const QList<QuantizerParam> &params = {})
{
    QuantizerInfo q;
    q.name = name;
    q.roles = roles;
    q.bits = bits;
    q.description = description;
    q.params = params;
    return q;
}

/// An entry whose bit width is the value of its parameter `bitsKey`.
QuantizerInfo kBitEntry(const QString &name, const QString &bitsKey, const QString &description,
                        const QList<QuantizerParam> &params)
{
    QuantizerInfo q = entry(name, AnyRole, 32, description, params);
    q.bitsParam = bitsKey;
    return q;
}

/// The catalogue. Forward and backward of each entry: REFERENCE.md, section "Quantizers"; the torch
/// implementations are registered in quantizerfactory.cpp under the same names.
QList<QuantizerInfo> buildCatalog()
{
    QList<QuantizerInfo> list;
    // 1 bit: the sign family.
    list << entry(QStringLiteral("ste_sign"), AnyRole, 1,
                  QObject::tr("Sign with a straight-through estimator: forward sign(x) (sign(0) = +1), "
                              "gradient passed where |x| <= clip."),
                  {clipParam()});
    list << entry(QStringLiteral("approx_sign"), AnyRole, 1,
                  QObject::tr("Sign with Bi-Real Net's polynomial gradient: forward sign(x), gradient "
                              "2 - 2|x| where |x| <= 1, else 0."));
    list << entry(QStringLiteral("swish_sign"), AnyRole, 1,
                  QObject::tr("Sign with the SignSwish gradient of BNN+: forward sign(x), gradient "
                              "beta*(2 - beta*x*tanh(beta*x/2)) / (1 + cosh(beta*x))."),
                  {numberParam(QStringLiteral("beta"), 5.0, 0.001, 1000.0,
                               QObject::tr("Steepness of the gradient, which peaks at beta for x = 0."))});
    list << entry(QStringLiteral("magnitude_aware_sign"), KernelRole, 1,
                  QObject::tr("Sign scaled by the mean |w| of each output channel (Bi-Real Net), with the "
                              "clipped straight-through gradient times that scale."),
                  {clipParam()});
    list << entry(
        QStringLiteral("reste"), AnyRole, 1,
        QObject::tr("Sign with the rectified straight-through estimator (ReSTE): gradient "
                    "(1/o)|x|^((1-o)/o) up to |x| = t, constant below |x| = 0.1; o = 1 is the "
                    "clipped straight-through estimator."),
        {numberParam(QStringLiteral("o"), 3.0, 1.0, 100.0,
                     QObject::tr("Order of the estimator (the final order with a schedule); 1 "
                                 "is the clipped straight-through estimator.")),
         numberParam(QStringLiteral("t"), 1.5, 0.1, 1000.0, QObject::tr("Gradient is zero where |x| > t.")),
         choiceParam(QStringLiteral("schedule"), {QStringLiteral("constant"), QStringLiteral("cosine")},
                     QObject::tr("constant: o throughout; cosine: o rises from 1 to o over the "
                                 "epochs, 1 + (1 - cos(pi/2 * e/E)) * (o - 1)."))});
    list << entry(QStringLiteral("ste_heaviside"), AnyRole, 1,
                  QObject::tr("Heaviside step with a straight-through estimator: forward 1 where x > 0 else "
                              "0, gradient passed where |x| <= clip."),
                  {clipParam()});
    list << entry(
        QStringLiteral("stochastic_binary"), AnyRole, 1,
        QObject::tr("BinaryConnect's stochastic binarization: +1 with probability "
                    "clip((x + 1) / 2, 0, 1), else -1, in training, sign(x) at evaluation "
                    "unless asked; clipped straight-through gradient."),
        {clipParam(), boolParam(QStringLiteral("stochastic_eval"), false,
                                QObject::tr("Draw at evaluation too, instead of taking sign(x)."))});
    // 2 bits: ternary.
    list << entry(QStringLiteral("ternary_twn"), KernelRole, 2,
                  QObject::tr("Ternary Weight Networks: weights beyond Delta = threshold_factor * mean|W| "
                              "become +-alpha, their mean magnitude, the rest 0; clipped "
                              "straight-through gradient."),
                  {numberParam(QStringLiteral("threshold_factor"), 0.7, 0.0, 10.0,
                               QObject::tr("Delta = threshold_factor * mean|W| over the layer's weights.")),
                   clipParam()});
    list << entry(QStringLiteral("ste_tern"), AnyRole, 2,
                  QObject::tr("Ternary with a fixed threshold: -1, 0 or +1 (0 where |x| <= threshold), "
                              "clipped straight-through gradient."),
                  {numberParam(QStringLiteral("threshold"), 0.05, 0.0, 1e9,
                               QObject::tr("Values with |x| <= threshold become 0.")),
                   clipParam()});
    // k bits.
    list << kBitEntry(
        QStringLiteral("dorefa"), QStringLiteral("bits"),
        QObject::tr("DoReFa-Net's k-bit quantizer: activations round(clip(x, 0, 1) * (2^k - 1)) / (2^k - 1), "
                    "weights the same grid on [-1, 1] after tanh normalisation; straight-through gradient."),
        {bitsParam(2, 1, 32),
         choiceParam(QStringLiteral("mode"), {QStringLiteral("activations"), QStringLiteral("weights")},
                     QObject::tr("activations: clip to [0, 1]; weights: tanh(W) / max|tanh(W)| onto "
                                 "[-1, 1]."))});
    list << kBitEntry(
        QStringLiteral("fixed_point"), QStringLiteral("word_bits"),
        QObject::tr("Fixed point in a word of w bits, f of them fraction: round(x * 2^f) saturated or "
                    "wrapped to the word, over 2^f; identity gradient inside the range."),
        {integerParam(QStringLiteral("word_bits"), 8, 1, 32,
                      QObject::tr("Word size w in bits, the sign bit included when signed.")),
         integerParam(QStringLiteral("frac_bits"), 4, 0, 32,
                      QObject::tr("Fraction bits f: the step is 2^-f.")),
         boolParam(QStringLiteral("signed"), true,
                   QObject::tr("Two's complement [-2^(w-1), 2^(w-1) - 1] rather than [0, 2^w - 1].")),
         choiceParam(QStringLiteral("rounding"),
                     {QStringLiteral("nearest"), QStringLiteral("floor"), QStringLiteral("stochastic")},
                     QObject::tr("nearest (halves to even), floor, or stochastic: floor(v + u), "
                                 "u ~ U[0, 1).")),
         choiceParam(QStringLiteral("overflow"), {QStringLiteral("saturate"), QStringLiteral("wrap")},
                     QObject::tr("saturate: clamp to the range (gradient 0 outside); wrap: two's "
                                 "complement overflow (gradient passed everywhere)."))});
    list << kBitEntry(
        QStringLiteral("uniform"), QStringLiteral("bits"),
        QObject::tr("Uniform k-bit grid over [min, max] with a straight-through gradient; the defaults, "
                    "8 bits over [-1, 1], are the input-layer bit-width quantizer."),
        {bitsParam(8, 1, 32),
         numberParam(QStringLiteral("min"), -1.0, -1e9, 1e9,
                     QObject::tr("Lowest level; below it values clamp.")),
         numberParam(QStringLiteral("max"), 1.0, -1e9, 1e9,
                     QObject::tr("Highest level; above it values clamp.")),
         choiceParam(QStringLiteral("rounding"),
                     {QStringLiteral("deterministic"), QStringLiteral("stochastic")},
                     QObject::tr("deterministic: nearest level (halves to even); stochastic: floor(v + u), "
                                 "u ~ U[0, 1)."))});
    list << kBitEntry(
        QStringLiteral("lsq"), QStringLiteral("bits"),
        QObject::tr("Learned step size quantization (LSQ): a k-bit grid whose step is trained with the "
                    "network, starting from 2 * mean|x| / sqrt(Q_P) on the first batch."),
        {bitsParam(4, 2, 16),
         boolParam(QStringLiteral("signed"), true,
                   QObject::tr("Levels -2^(k-1) .. 2^(k-1) - 1 steps (weights) rather than 0 .. 2^k - 1 "
                               "(non-negative activations)."))});
    return list;
}

QString describeNumber(double v)
{
    return QString::number(v, 'g', 10);
}

/// The value of a Number or Integer parameter, the catalogue's default where the spec has none.
double numberOrDefault(const QuantizerSpec &spec, const QuantizerInfo &info, const QString &key)
{
    for (const QuantizerParam &p : info.params) {
        if (p.key == key)
            return spec.number(key, p.defaultNumber);
    }
    return spec.number(key, 0.0);
}

/// Constraints between parameters, which the per-parameter ranges cannot express.
QString checkCombination(const QuantizerSpec &spec, const QuantizerInfo &info)
{
    if (spec.name == QLatin1String("uniform")) {
        const double lo = numberOrDefault(spec, info, QStringLiteral("min"));
        const double hi = numberOrDefault(spec, info, QStringLiteral("max"));
        if (!(lo < hi)) {
            return QObject::tr("quantizer '%1': parameter 'min' = %2 must be below 'max' = %3")
                .arg(spec.name, describeNumber(lo), describeNumber(hi));
        }
    }
    return QString();
}

} // namespace

namespace {

RetranslatedTable<QuantizerInfo> &table()
{
    // The probe is one of the catalogue's own texts: when its translation changes, the interface
    // language changed and the descriptions are translated again.
    static RetranslatedTable<QuantizerInfo> catalog(
        &buildCatalog, [] { return QObject::tr("Bits per value, k."); });
    return catalog;
}

} // namespace

const QList<QuantizerInfo> &QuantizerCatalog::all() { return table().current(); }

const QuantizerInfo *QuantizerCatalog::find(const QString &name)
{
    for (const QuantizerInfo &info : all()) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
}

QString checkParameters(const QList<QuantizerParam> &known, const QJsonObject &params, const QString &owner)
{
    for (auto it = params.begin(); it != params.end(); ++it) {
        const QuantizerParam *param = nullptr;
        for (const QuantizerParam &p : known) {
            if (p.key == it.key())
                param = &p;
        }
        if (!param)
            return QObject::tr("%1 has no parameter '%2'").arg(owner, it.key());
        const QJsonValue v = it.value();
        switch (param->kind) {
        case QuantizerParam::Kind::Number:
        case QuantizerParam::Kind::Integer: {
            if (!v.isDouble())
                return QObject::tr("%1: parameter '%2' must be a number").arg(owner, param->key);
            const double x = v.toDouble();
            if (param->kind == QuantizerParam::Kind::Integer && x != std::floor(x))
                return QObject::tr("%1: parameter '%2' must be an integer").arg(owner, param->key);
            if (x < param->minimum || x > param->maximum) {
                return QObject::tr("%1: parameter '%2' = %3 is outside [%4, %5]")
                    .arg(owner, param->key, describeNumber(x), describeNumber(param->minimum),
                         describeNumber(param->maximum));
            }
            break;
        }
        case QuantizerParam::Kind::Bool:
            if (!v.isBool())
                return QObject::tr("%1: parameter '%2' must be true or false").arg(owner, param->key);
            break;
        case QuantizerParam::Kind::Choice:
            if (!v.isString() || !param->choices.contains(v.toString())) {
                return QObject::tr("%1: parameter '%2' must be one of %3")
                    .arg(owner, param->key, param->choices.join(QStringLiteral(", ")));
            }
            break;
        }
    }
    return QString();
}

QString QuantizerCatalog::check(const QuantizerSpec &spec, QuantizerRole role)
{
    if (spec.isNone())
        return QString();
    const QuantizerInfo *info = find(spec.name);
    if (!info) {
        QStringList names;
        for (const QuantizerInfo &i : all())
            names << i.name;
        return QObject::tr("unknown quantizer '%1' (known: %2)").arg(spec.name, names.join(QStringLiteral(", ")));
    }
    if (!(info->roles & role)) {
        return QObject::tr("quantizer '%1' cannot be used as %2 quantizer")
            .arg(spec.name, role == KernelRole ? QObject::tr("a kernel") : QObject::tr("an input"));
    }
    const QString problem = checkParameters(info->params, spec.params, QObject::tr("quantizer '%1'").arg(spec.name));
    if (!problem.isEmpty())
        return problem;
    return checkCombination(spec, *info);
}

int QuantizerCatalog::bits(const QuantizerSpec &spec)
{
    if (spec.isNone())
        return 32;
    const QuantizerInfo *info = find(spec.name);
    if (!info)
        return 32;
    if (info->bitsParam.isEmpty())
        return info->bits;
    return static_cast<int>(numberOrDefault(spec, *info, info->bitsParam));
}

} // namespace qb
