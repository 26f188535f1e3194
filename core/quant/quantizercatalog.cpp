#include "quant/quantizercatalog.h"

#include <QJsonValue>
#include <QObject>

#include <cmath>

namespace qb {

namespace {

QuantizerParam numberParam(const QString &key, double def, double lo, double hi, const QString &text,
                           bool optional = false)
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

QList<QuantizerInfo> buildCatalog()
{
    QList<QuantizerInfo> list;
    {
        QuantizerInfo q;
        q.name = QStringLiteral("ste_sign");
        q.description = QObject::tr("Sign with a straight-through estimator: forward sign(x) (sign(0) = +1), "
                                    "gradient passed where |x| <= clip.");
        q.params << numberParam(QStringLiteral("clip"), 1.0, 0.0, 1e9,
                                QObject::tr("Gradient is zero where |x| > clip; 0 disables the clip."));
        list << q;
    }
    return list;
}

QString describeNumber(double v)
{
    return QString::number(v, 'g', 10);
}

} // namespace

const QList<QuantizerInfo> &QuantizerCatalog::all()
{
    static const QList<QuantizerInfo> catalog = buildCatalog();
    return catalog;
}

const QuantizerInfo *QuantizerCatalog::find(const QString &name)
{
    for (const QuantizerInfo &info : all()) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
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
    for (auto it = spec.params.begin(); it != spec.params.end(); ++it) {
        const QuantizerParam *param = nullptr;
        for (const QuantizerParam &p : info->params) {
            if (p.key == it.key())
                param = &p;
        }
        if (!param)
            return QObject::tr("quantizer '%1' has no parameter '%2'").arg(spec.name, it.key());
        const QJsonValue v = it.value();
        switch (param->kind) {
        case QuantizerParam::Kind::Number:
        case QuantizerParam::Kind::Integer: {
            if (!v.isDouble())
                return QObject::tr("quantizer '%1': parameter '%2' must be a number").arg(spec.name, param->key);
            const double x = v.toDouble();
            if (param->kind == QuantizerParam::Kind::Integer && x != std::floor(x))
                return QObject::tr("quantizer '%1': parameter '%2' must be an integer").arg(spec.name, param->key);
            if (x < param->minimum || x > param->maximum) {
                return QObject::tr("quantizer '%1': parameter '%2' = %3 is outside [%4, %5]")
                    .arg(spec.name, param->key, describeNumber(x), describeNumber(param->minimum),
                         describeNumber(param->maximum));
            }
            break;
        }
        case QuantizerParam::Kind::Bool:
            if (!v.isBool())
                return QObject::tr("quantizer '%1': parameter '%2' must be true or false").arg(spec.name, param->key);
            break;
        case QuantizerParam::Kind::Choice:
            if (!v.isString() || !param->choices.contains(v.toString())) {
                return QObject::tr("quantizer '%1': parameter '%2' must be one of %3")
                    .arg(spec.name, param->key, param->choices.join(QStringLiteral(", ")));
            }
            break;
        }
    }
    return QString();
}

int QuantizerCatalog::bits(const QuantizerSpec &spec)
{
    if (spec.isNone())
        return 32;
    if (spec.name == QLatin1String("ste_sign"))
        return 1;
    return 32;
}

} // namespace qb
