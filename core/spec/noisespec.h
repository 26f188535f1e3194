#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace qb {

/// When a nonideality acts: in training forward passes, in evaluation, or both.
enum class NoisePhase { Training, Evaluation, Both };

/// A simulated hardware nonideality of a conv/dense layer: a registry name (see NoiseCatalog), the
/// phase it acts in, and its parameters. JSON, one flat object in the layer's "nonidealities" list:
/// {"model": "weight_noise", "phase": "both", "sigma": 0.01, "relative": true}.
/// "phase" is "train", "eval" or "both" (default "both").
struct NoiseSpec
{
    QString model;
    NoisePhase phase = NoisePhase::Both;
    QJsonObject params; ///< every key except "model" and "phase"

    bool activeIn(bool training) const
    {
        return phase == NoisePhase::Both || (training ? phase == NoisePhase::Training : phase == NoisePhase::Evaluation);
    }
    double number(const QString &key, double fallback) const { return params.value(key).toDouble(fallback); }
    QString text(const QString &key, const QString &fallback) const { return params.value(key).toString(fallback); }
    bool flag(const QString &key, bool fallback) const { return params.value(key).toBool(fallback); }

    QJsonObject toJson() const;
    /// Parses one entry; `context` prefixes errors ("layer 3 (dense): nonidealities[1]").
    static bool fromJson(const QJsonValue &value, const QString &context, NoiseSpec *out, QString *error);

    friend bool operator==(const NoiseSpec &a, const NoiseSpec &b)
    {
        return a.model == b.model && a.phase == b.phase && a.params == b.params;
    }
    friend bool operator!=(const NoiseSpec &a, const NoiseSpec &b) { return !(a == b); }
};

QString noisePhaseName(NoisePhase phase);

} // namespace qb
