#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QString>

namespace qb {

enum class OptimizerKind { Adam, Sgd };
enum class Normalization { MinusOneToOne, ZeroToOne };

/// Training settings. JSON keys: optimizer ("adam"|"sgd"), learning_rate, momentum (SGD),
/// batch_size, epochs, weight_decay, early_stopping_patience (0 = off; patience on test loss),
/// seed, threads (0 = all cores), train_limit / test_limit (0 = whole split),
/// normalization ("minus_one_one"|"zero_one").
struct TrainSpec
{
    OptimizerKind optimizer = OptimizerKind::Adam;
    double learningRate = 1e-3;
    double momentum = 0.9;
    int batchSize = 64;
    int epochs = 6;
    double weightDecay = 0.0;
    int earlyStoppingPatience = 0;
    qint64 seed = 42;
    int threads = 0;
    int trainLimit = 0;
    int testLimit = 0;
    Normalization normalization = Normalization::MinusOneToOne;

    QJsonObject toJson() const;
    static Result<TrainSpec> fromJson(const QJsonObject &json);

    friend bool operator==(const TrainSpec &a, const TrainSpec &b);
    friend bool operator!=(const TrainSpec &a, const TrainSpec &b) { return !(a == b); }
};

} // namespace qb
