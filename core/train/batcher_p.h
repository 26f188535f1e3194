#pragma once
// Private: turns a uint8 DatasetSplit into normalized float batches.

#include "data/dataset.h"
#include "data/eventframes.h"
#include "spec/experimentspec.h"

#include <torch/torch.h>

#include <random>
#include <vector>

namespace qb {

/// Batches of one split. The pixels are wrapped (not copied) as a uint8 tensor; each batch gathers
/// its samples with index_select and normalizes them to [-1,1] or [0,1]. Tabular splits hold float
/// features, already standardized by the reader: batches are gathered as they are. Shuffling uses its
/// own seeded generator so a seed reproduces the order. Event splits (N-MNIST) are framed per batch
/// into [n, T, 2, H, W] event counts as the network's spiking settings say (data/eventframes.h).
class Batcher
{
public:
    Batcher(const DatasetSplit &split, int limit, Normalization normalization);
    /// The batches an experiment trains and evaluates with: its normalization, and for an event
    /// split the framing of its network (time steps, window, denoise).
    Batcher(const DatasetSplit &split, int limit, const ExperimentSpec &spec);

    int size() const { return m_count; }
    int batchCount(int batchSize) const { return (m_count + batchSize - 1) / batchSize; }
    /// Starts a new epoch: a fresh permutation (shuffle) or the identity order.
    void beginEpoch(bool shuffle, std::mt19937_64 &rng);
    /// Images [n, C, H, W] float and labels [n] int64 of batch `index`.
    std::pair<torch::Tensor, torch::Tensor> batch(int index, int batchSize) const;
    /// Sample `index` of the split (in the split's order) as a batch of one.
    torch::Tensor sample(int index) const;

private:
    int m_count;
    Normalization m_normalization;
    bool m_tabular = false;
    torch::Tensor m_pixels; ///< [N, C, H, W] uint8 (or [N, F] float for tables), a view over the split's memory
    torch::Tensor m_labels; ///< [N] int64
    torch::Tensor frames(const int64_t *indices, int64_t n) const;
    /// Pixels -> normalized floats (a tabular view over the split is copied, gathered rows are not).
    torch::Tensor normalized(const torch::Tensor &images, bool isView) const;
    const DatasetSplit *m_events = nullptr; ///< set for an event split
    EventFraming m_framing;
    std::vector<int64_t> m_order;
};

} // namespace qb
