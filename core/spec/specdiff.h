#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace qb {

/// One field in which two specs differ: a readable path to a leaf ("train.learning_rate",
/// "network.layers[2].kernel_quantizer.name") and both values rendered compactly (numbers without
/// trailing zeros, strings without quotes, objects and arrays as compact JSON). A value present on
/// one side only reads "(absent)" (translated) on the other.
struct SpecDifference
{
    QString path;
    QString before;
    QString after;

    friend bool operator==(const SpecDifference &a, const SpecDifference &b)
    {
        return a.path == b.path && a.before == b.before && a.after == b.after;
    }
    friend bool operator!=(const SpecDifference &a, const SpecDifference &b) { return !(a == b); }
};

/// The leaves in which two JSON objects (usually ExperimentSpec::toJson() of two runs) differ, in
/// document order of `a` (object keys sorted, arrays by index).
///
/// Arrays are compared element by element. Arrays of objects that all carry unique "name" strings on
/// both sides (named layers) are aligned by name instead, as long as the names they share come in the
/// same order: a layer inserted or removed then shows as one difference
/// "network.layers[name=dense_1]" (absent on one side) instead of shifting every later layer, and
/// the paths of matched layers read "network.layers[name=dense_1].units".
/// A value whose type differs (null quantizer against a quantizer object) is one difference at that
/// path, not one per leaf.
QList<SpecDifference> diffSpecs(const QJsonObject &a, const QJsonObject &b);

/// The compact text diffSpecs uses for a value: 0.001, 3, true, relu, null, {"clip":1,"name":"ste_sign"}.
QString specValueText(const QJsonValue &value);

/// The text standing for a missing value ("(absent)", translated).
QString specAbsentText();

} // namespace qb
