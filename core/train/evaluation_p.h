#pragma once
// Private: evaluation of a torch network over a split (no gradients, eval mode).

#include "model/network_p.h"
#include "train/batcher_p.h"

#include <QVector>

namespace qb {

struct EvalResult
{
    double loss = 0.0;     ///< mean cross-entropy
    double accuracy = 0.0; ///< fraction correct
    int samples = 0;
};

/// Mean loss and accuracy of `net` over all of `batcher`'s samples, in order, in batches of 250 (larger batches run slower: their activations leave the CPU caches).
/// With `predictions`, also the predicted class of every sample, in order.
/// With `logits`, also every sample's logits, row-major [samples x classes].
EvalResult evaluateNetwork(NetworkModule &net, const Batcher &batcher, QVector<int> *predictions = nullptr,
    QVector<float> *logits = nullptr);

} // namespace qb
