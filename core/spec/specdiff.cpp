#include "spec/specdiff.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <optional>

namespace qb {

namespace {

class Differ
{
public:
    QList<SpecDifference> result;

    void compare(const QString &path, const QJsonValue &a, const QJsonValue &b)
    {
        if (a.isObject() && b.isObject()) {
            compareObjects(path, a.toObject(), b.toObject());
        } else if (a.isArray() && b.isArray()) {
            compareArrays(path, a.toArray(), b.toArray());
        } else if (!sameLeaf(a, b)) {
            result.append({path, specValueText(a), specValueText(b)});
        }
    }

private:
    static bool sameLeaf(const QJsonValue &a, const QJsonValue &b)
    {
        // Numbers compare as numbers: 1 and 1.0 are the same value in a spec.
        if (a.isDouble() && b.isDouble())
            return a.toDouble() == b.toDouble();
        return a == b;
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }

    void oneSided(const QString &path, const QJsonValue *a, const QJsonValue *b)
    {
        result.append(
            {path, a ? specValueText(*a) : specAbsentText(), b ? specValueText(*b) : specAbsentText()});
    }

    void compareObjects(const QString &path, const QJsonObject &a, const QJsonObject &b)
    {
        // Keys of both, sorted (QJsonObject keeps its keys sorted), so the order is stable.
        QStringList keys = a.keys();
        for (const QString &key : b.keys()) {
            if (!a.contains(key))
                keys.append(key);
        }
        std::sort(keys.begin(), keys.end());
        for (const QString &key : keys) {
            const QString child = join(path, key);
            const bool inA = a.contains(key);
            const bool inB = b.contains(key);
            const QJsonValue va = a.value(key);
            const QJsonValue vb = b.value(key);
            if (inA && inB)
                compare(child, va, vb);
            else
                oneSided(child, inA ? &va : nullptr, inB ? &vb : nullptr);
        }
    }

    /// The "name" of every element when all elements are objects with unique, non-empty names.
    static std::optional<QStringList> uniqueNames(const QJsonArray &array)
    {
        QStringList names;
        QSet<QString> seen;
        for (const QJsonValue &v : array) {
            const QString name = v.toObject().value(QLatin1String("name")).toString();
            if (!v.isObject() || name.isEmpty() || seen.contains(name))
                return std::nullopt;
            seen.insert(name);
            names.append(name);
        }
        return names;
    }

    /// Aligns by name when both sides are named and their shared names keep their order.
    bool compareByName(const QString &path, const QJsonArray &a, const QJsonArray &b)
    {
        const auto namesA = uniqueNames(a);
        const auto namesB = uniqueNames(b);
        if (!namesA || !namesB || namesA->isEmpty() || namesB->isEmpty())
            return false;
        QHash<QString, int> indexB;
        for (int i = 0; i < namesB->size(); ++i)
            indexB.insert(namesB->at(i), i);
        int last = -1;
        for (const QString &name : *namesA) {
            const int j = indexB.value(name, -1);
            if (j < 0)
                continue;
            if (j < last)
                return false; // reordered: an index comparison tells the truth better
            last = j;
        }
        const auto elementPath
            = [&](const QString &name) { return path + QStringLiteral("[name=%1]").arg(name); };
        for (int i = 0; i < a.size(); ++i) {
            const int j = indexB.value(namesA->at(i), -1);
            if (j >= 0) {
                compare(elementPath(namesA->at(i)), a.at(i), b.at(j));
            } else {
                const QJsonValue va = a.at(i);
                oneSided(elementPath(namesA->at(i)), &va, nullptr);
            }
        }
        const QSet<QString> inA(namesA->begin(), namesA->end());
        for (int j = 0; j < b.size(); ++j) {
            if (!inA.contains(namesB->at(j))) {
                const QJsonValue vb = b.at(j);
                oneSided(elementPath(namesB->at(j)), nullptr, &vb);
            }
        }
        return true;
    }

    void compareArrays(const QString &path, const QJsonArray &a, const QJsonArray &b)
    {
        if (compareByName(path, a, b))
            return;
        const int common = int(std::min(a.size(), b.size()));
        for (int i = 0; i < common; ++i)
            compare(path + QStringLiteral("[%1]").arg(i), a.at(i), b.at(i));
        for (int i = common; i < a.size(); ++i) {
            const QJsonValue va = a.at(i);
            oneSided(path + QStringLiteral("[%1]").arg(i), &va, nullptr);
        }
        for (int i = common; i < b.size(); ++i) {
            const QJsonValue vb = b.at(i);
            oneSided(path + QStringLiteral("[%1]").arg(i), nullptr, &vb);
        }
    }
};

} // namespace

QString specAbsentText() { return QCoreApplication::translate("qb::SpecDiff", "(absent)"); }

QString specValueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double v = value.toDouble();
        if (std::isfinite(v) && v == std::floor(v) && std::abs(v) < 1e15)
            return QString::number(qint64(v));
        // Plain decimals where they stay short (0.0005, not 5e-04); exponents for tiny values.
        const char format = std::abs(v) >= 1e-4 ? 'f' : 'g';
        return QString::number(v, format, QLocale::FloatingPointShortest);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined:
        break;
    }
    return specAbsentText();
}

QList<SpecDifference> diffSpecs(const QJsonObject &a, const QJsonObject &b)
{
    Differ differ;
    differ.compare(QString(), a, b);
    return differ.result;
}

} // namespace qb
