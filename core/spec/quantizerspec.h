#pragma once

#include <QJsonObject>
#include <QString>

namespace qb {

/// A quantizer chosen for a layer's inputs or kernel: a registry name (see QuantizerCatalog) and
/// its parameters. In JSON it is one flat object: {"name": "ste_sign", "clip": 1.0}. An empty name
/// means "no quantizer" (full precision) and is written as JSON null.
struct QuantizerSpec
{
    QString name;
    QJsonObject params; ///< every key of the JSON object except "name"

    bool isNone() const { return name.isEmpty(); }
    double number(const QString &key, double fallback) const;
    QString text(const QString &key, const QString &fallback) const;
    bool flag(const QString &key, bool fallback) const;

    /// The JSON value: null for no quantizer, else the flat object.
    QJsonValue toJson() const;

    friend bool operator==(const QuantizerSpec &a, const QuantizerSpec &b)
    {
        return a.name == b.name && a.params == b.params;
    }
    friend bool operator!=(const QuantizerSpec &a, const QuantizerSpec &b) { return !(a == b); }
};

} // namespace qb
