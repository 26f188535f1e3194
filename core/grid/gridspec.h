#pragma once

#include "spec/experimentspec.h"
#include "util/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace qb {

/// Sets the field `path` (see GridAxis) of an experiment's JSON; fails naming the path when it fits
/// nowhere. The result still has to be read back (ExperimentSpec::fromJson) to be checked.
Status setExperimentField(QJsonObject &experiment, const QString &path, const QJsonValue &value);

/// One varied field of a grid: a field path of the experiment JSON (see JsonPath; `layers[...]`
/// is short for `network.layers[...]`) and the values it takes.
struct GridAxis
{
    QString path;
    QList<QJsonValue> values;

    /// "PATH=V1,V2,...". A value is a JSON literal (2, 1e-3, true, null, "text") or a bare word
    /// (ste_sign); "A..B" is every integer from A to B, "A..B:S" every S-th. Values cannot contain
    /// commas.
    static Result<GridAxis> parse(const QString &text);
    /// "path=v1,v2" again, as parse() reads it.
    QString toString() const;
    static QString valueText(const QJsonValue &value);

    QJsonObject toJson() const;
    static Result<GridAxis> fromJson(const QJsonObject &json);
    friend bool operator==(const GridAxis &a, const GridAxis &b) { return a.path == b.path && a.values == b.values; }
};

/// One trial of a grid: a configuration (one value per axis) with one seed.
struct GridTrial
{
    int index = 0;         ///< configuration * seeds + seedOffset
    int configuration = 0; ///< the axes' values, the last axis varying fastest
    int seedOffset = 0;    ///< the seed is the experiment's seed + seedOffset
    QList<QJsonValue> values; ///< one per axis
    ExperimentSpec spec;      ///< the frozen experiment the trial trains
};

/// Every combination of the axes' values, each trained with `seeds` seeds (the experiment's seed,
/// seed + 1, ..., as `train --repeat` does).
struct GridSpec
{
    static constexpr int kFormatVersion = 1;

    QString name;
    ExperimentSpec base;
    QList<GridAxis> axes;
    int seeds = 1;

    /// The most trials a grid may have: expand() and fromJson() refuse more.
    static constexpr int kMaxTrials = 100000;

    /// The product of the axes' sizes; INT_MAX when it is larger (a grid read from a hostile file
    /// must not overflow an int before it is refused).
    int configurationCount() const;
    /// configurationCount() * seeds, also saturated at INT_MAX.
    int trialCount() const;
    /// "layers[3].kernel_quantizer.name=ternary_twn, train.learning_rate=0.001": a configuration's label.
    QString configurationLabel(const QList<QJsonValue> &values) const;
    /// The axes' values of configuration `configuration` (mixed radix, the last axis fastest), as
    /// expand() numbers them; empty when out of range.
    QList<QJsonValue> configurationValues(int configuration) const;

    /// All trials, each checked: a path that names no field, or a value that makes an invalid
    /// experiment or network, fails before anything runs, naming the path and the value.
    Result<QList<GridTrial>> expand() const;

    QJsonObject toJson() const;
    /// Refuses, besides a malformed file, a grid without seeds or axes or with more than kMaxTrials
    /// trials: everything read back is small enough to loop over.
    static Result<GridSpec> fromJson(const QJsonObject &json);
    friend bool operator==(const GridSpec &a, const GridSpec &b)
    {
        return a.name == b.name && a.base == b.base && a.axes == b.axes && a.seeds == b.seeds;
    }
};

} // namespace qb
