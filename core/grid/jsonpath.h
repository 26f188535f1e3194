#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace qb {

/// A path into a JSON document as grids name the fields they vary: keys joined by dots, array
/// elements by a 0-based index or `[*]` for every element, e.g. `network.layers[3].kernel_quantizer.name`,
/// `train.learning_rate`, `network.layers[*].nonidealities[0].sigma`.
///
/// Setting a value follows the path through existing objects and arrays; only the last key may be
/// new (an optional parameter such as a quantizer's `frac_bits`). Under `[*]`, elements the rest of
/// the path does not fit (a layer without that quantizer, a null quantizer) are skipped; a path
/// that fits nowhere is an error naming it.
class JsonPath
{
public:
    static Result<JsonPath> parse(const QString &text);

    QString text() const { return m_text; }
    /// Writes `value` at every place the path names in `root`; returns how many.
    Result<int> set(QJsonObject &root, const QJsonValue &value) const;

private:
    struct Step
    {
        QString key;    ///< an object key, or empty for an array step
        int index = -1; ///< array step: an index, or -1 for [*]
    };
    QString m_text;
    QList<Step> m_steps;

    Result<int> setIn(
        QJsonValue &node, int step, const QJsonValue &value, const QString &at, bool wildcardElement) const;
};

} // namespace qb
