#include "noise/noisecatalog.h"

#include "util/retranslatedtable.h"

#include <QObject>
#include <QStringList>

namespace qb {

namespace {

NoiseParam sigmaParam(double def, const QString &text)
{
    return numberParam(QStringLiteral("sigma"), def, 0.0, 10.0, text);
}

/// lo / hi of saturation and the ADC: any reals with lo < hi (checked in checkCombination).
NoiseParam boundParam(const QString &key, double def, const QString &text)
{
    return numberParam(key, def, -1e9, 1e9, text);
}

NoiseInfo entry(
    const QString &name, bool perChip, const QString &description, const QList<NoiseParam> &params)
{
    NoiseInfo n;
    n.name = name;
    n.perChip = perChip;
    n.description = description;
    n.params = params;
    return n;
}

/// The catalogue. Formulas: REFERENCE.md, section "Hardware nonidealities"; the torch
/// implementations are created by makeNoiseModel() (noisemodels.cpp) under the same names.
QList<NoiseInfo> buildCatalog()
{
    QList<NoiseInfo> list;
    list << entry(QStringLiteral("weight_noise"), false,
        QObject::tr("Additive Gaussian weight noise drawn on every forward pass: W + N(0, (sigma*s)^2), "
                    "s = max|W| of the layer (relative) or 1."),
        {sigmaParam(0.01, QObject::tr("Standard deviation, relative to max|W| or absolute.")),
            boolParam(QStringLiteral("relative"), true,
                QObject::tr("Scale sigma by max|W| of the layer's weights (not trained through).")),
            choiceParam(QStringLiteral("on"), {QStringLiteral("effective"), QStringLiteral("latent")},
                QStringLiteral("effective"),
                QObject::tr("effective: added to the quantized weights the layer computes with; latent: "
                            "added to the float weights before the kernel quantizer (the notebook's "
                            "noisy layer; only matters where it flips a quantized value)."))});
    list << entry(QStringLiteral("weight_noise_mult"), false,
        QObject::tr("Multiplicative weight noise drawn on every forward pass: W*(1 + N(0, sigma^2)) "
                    "or W*exp(N(0, sigma^2))."),
        {sigmaParam(0.01, QObject::tr("Standard deviation of the relative deviation.")),
            choiceParam(QStringLiteral("distribution"),
                {QStringLiteral("normal"), QStringLiteral("lognormal")}, QStringLiteral("normal"),
                QObject::tr("normal: W*(1 + N(0, sigma^2)); lognormal: W*exp(N(0, sigma^2)), "
                            "which never flips a sign."))});
    list << entry(QStringLiteral("process_variation"), true,
        QObject::tr(
            "Device-to-device variation, a fixed pattern per simulated chip: W*(1 + U(-a, a)) + N(0, b^2)."),
        {numberParam(QStringLiteral("uniform"), 0.002, 0.0, 10.0,
             QObject::tr("Half-width a of the uniform relative deviation.")),
            numberParam(QStringLiteral("gaussian"), 0.01, 0.0, 10.0,
                QObject::tr("Standard deviation b of the additive Gaussian deviation.")),
            choiceParam(QStringLiteral("on"), {QStringLiteral("effective"), QStringLiteral("latent")},
                QStringLiteral("effective"),
                QObject::tr("effective: varies the quantized weights the layer computes with; latent: "
                            "varies the float weights before the kernel quantizer (a binary layer "
                            "stays binary, with the weights near zero flipped on some chips)."))});
    list << entry(QStringLiteral("output_noise"), false,
        QObject::tr("Read noise on the layer's pre-activation output, drawn on every forward pass: "
                    "y + N(0, (sigma*s)^2), s = max|y| (relative) or 1."),
        {sigmaParam(0.01, QObject::tr("Standard deviation, absolute or relative to max|y|.")),
            boolParam(QStringLiteral("relative"), false,
                QObject::tr("Scale sigma by max|y| of the current output (not trained "
                            "through)."))});
    list << entry(QStringLiteral("saturation"), false,
        QObject::tr("Saturating arithmetic on the layer's output: clamp(y, lo, hi) with gradient 0 "
                    "outside, or the soft hi*tanh(y/hi)."),
        {boundParam(QStringLiteral("lo"), -1.0, QObject::tr("Lowest output value.")),
            boundParam(QStringLiteral("hi"), 1.0, QObject::tr("Highest output value.")),
            boolParam(QStringLiteral("soft"), false,
                QObject::tr("hi*tanh(y/hi) instead of the hard clamp; needs lo = -hi."))});
    list << entry(QStringLiteral("adc"), false,
        QObject::tr("Analog-to-digital conversion of the layer's output: clamp to [lo, hi] and round "
                    "to 2^bits levels; straight-through gradient inside, 0 outside."),
        {integerParam(QStringLiteral("bits"), 8, 1, 16, QObject::tr("Resolution of the converter.")),
            boundParam(QStringLiteral("lo"), -1.0, QObject::tr("Lowest level.")),
            boundParam(QStringLiteral("hi"), 1.0, QObject::tr("Highest level."))});
    list << entry(QStringLiteral("stuck_at"), true,
        QObject::tr("Stuck-at faults, a fixed pattern per simulated chip: a fraction p of the weights "
                    "stuck at +w_max, -w_max or 0 (w_max = max|W|), with no gradient."),
        {numberParam(QStringLiteral("p"), 0.01, 0.0, 1.0,
             QObject::tr("Fraction of the weights that are stuck (round(p*n) of n).")),
            choiceParam(QStringLiteral("value"),
                {QStringLiteral("max"), QStringLiteral("min"), QStringLiteral("zero"),
                    QStringLiteral("random")},
                QStringLiteral("random"),
                QObject::tr("max: +w_max; min: -w_max; zero: 0; random: one of the three, "
                            "uniformly per weight."))});
    list << entry(QStringLiteral("drift"), true,
        QObject::tr("Conductance drift, a fixed pattern per simulated chip: W*(t/t0)^(-nu), "
                    "nu ~ N(nu_mean, nu_std^2) per weight."),
        {numberParam(QStringLiteral("t"), 1.0, 1e-9, 1e12, QObject::tr("Time of the evaluation in seconds.")),
            numberParam(QStringLiteral("t0"), 1.0, 1e-9, 1e12,
                QObject::tr("Time of programming (reference) in seconds.")),
            numberParam(QStringLiteral("nu_mean"), 0.05, 0.0, 10.0, QObject::tr("Mean drift exponent.")),
            numberParam(QStringLiteral("nu_std"), 0.01, 0.0, 10.0,
                QObject::tr("Standard deviation of the drift exponent between weights."))});
    return list;
}

QString describeNumber(double v) { return QString::number(v, 'g', 10); }

/// The value of a Number parameter, the catalogue's default where the spec has none.
double numberOrDefault(const NoiseSpec &spec, const NoiseInfo &info, const QString &key)
{
    for (const NoiseParam &p : info.params) {
        if (p.key == key)
            return spec.number(key, p.defaultNumber);
    }
    return spec.number(key, 0.0);
}

/// Constraints between parameters, which the per-parameter ranges cannot express.
QString checkCombination(const NoiseSpec &spec, const NoiseInfo &info)
{
    if (spec.model != QLatin1String("saturation") && spec.model != QLatin1String("adc"))
        return QString();
    const double lo = numberOrDefault(spec, info, QStringLiteral("lo"));
    const double hi = numberOrDefault(spec, info, QStringLiteral("hi"));
    if (!(lo < hi)) {
        return QObject::tr("nonideality '%1': parameter 'lo' = %2 must be below 'hi' = %3")
            .arg(spec.model, describeNumber(lo), describeNumber(hi));
    }
    if (spec.model == QLatin1String("saturation") && spec.flag(QStringLiteral("soft"), false) && lo != -hi) {
        return QObject::tr("nonideality '%1': soft saturation hi*tanh(y/hi) is symmetric, so parameter 'lo' "
                           "= %2 must be -'hi' = %3")
            .arg(spec.model, describeNumber(lo), describeNumber(-hi));
    }
    return QString();
}

} // namespace

namespace {

RetranslatedTable<NoiseInfo> &table()
{
    // The probe is one of the catalogue's own texts: when its translation changes, the interface
    // language changed and the descriptions are translated again.
    static RetranslatedTable<NoiseInfo> catalog(
        &buildCatalog, [] { return QObject::tr("Resolution of the converter."); });
    return catalog;
}

} // namespace

const QList<NoiseInfo> &NoiseCatalog::all() { return table().current(); }

const NoiseInfo *NoiseCatalog::find(const QString &name)
{
    for (const NoiseInfo &info : all()) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
}

QString NoiseCatalog::check(const NoiseSpec &spec)
{
    const NoiseInfo *info = find(spec.model);
    if (!info) {
        QStringList names;
        for (const NoiseInfo &i : all())
            names << i.name;
        return QObject::tr("unknown nonideality '%1' (known: %2)")
            .arg(spec.model, names.join(QStringLiteral(", ")));
    }
    const QString problem
        = checkParameters(info->params, spec.params, QObject::tr("nonideality '%1'").arg(spec.model));
    if (!problem.isEmpty())
        return problem;
    return checkCombination(spec, *info);
}

} // namespace qb
