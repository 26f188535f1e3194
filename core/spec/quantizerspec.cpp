#include "spec/quantizerspec.h"

#include <QJsonValue>

namespace qb {

double QuantizerSpec::number(const QString &key, double fallback) const
{
    const QJsonValue v = params.value(key);
    return v.isDouble() ? v.toDouble() : fallback;
}

QString QuantizerSpec::text(const QString &key, const QString &fallback) const
{
    const QJsonValue v = params.value(key);
    return v.isString() ? v.toString() : fallback;
}

bool QuantizerSpec::flag(const QString &key, bool fallback) const
{
    const QJsonValue v = params.value(key);
    return v.isBool() ? v.toBool() : fallback;
}

QJsonValue QuantizerSpec::toJson() const
{
    if (isNone())
        return QJsonValue(QJsonValue::Null);
    QJsonObject object = params;
    object.insert(QStringLiteral("name"), name);
    return object;
}

} // namespace qb
