#include "train/batcher_p.h"

#include <numeric>

namespace qb {

Batcher::Batcher(const DatasetSplit &split, int limit, Normalization normalization)
    : m_count(limit > 0 ? std::min(limit, split.count) : split.count)
    , m_normalization(normalization)
{
    // from_blob does not copy; the split outlives the batcher (the Trainer holds both).
    m_tabular = split.isTabular();
    if (split.isEvents()) {
        m_events = &split; // framed per batch
    } else if (m_tabular) {
        auto *features = const_cast<float *>(split.features.data());
        m_pixels = torch::from_blob(features, {split.count, split.channels}, torch::kFloat);
    } else {
        auto *pixels = const_cast<std::uint8_t *>(split.pixels.data());
        m_pixels = torch::from_blob(pixels, {split.count, split.channels, split.height, split.width}, torch::kUInt8);
    }
    auto *labels = const_cast<std::uint8_t *>(split.labels.data());
    m_labels = torch::from_blob(labels, {split.count}, torch::kUInt8).to(torch::kLong);
    m_order.resize(size_t(m_count));
    std::iota(m_order.begin(), m_order.end(), 0);
}

Batcher::Batcher(const DatasetSplit &split, int limit, const ExperimentSpec &spec)
    : Batcher(split, limit, spec.train.normalization)
{
    const SpikingSpec &s = spec.network.spiking;
    m_framing.timeSteps = std::max(1, s.timeSteps);
    m_framing.windowUs = s.windowUs;
    m_framing.denoiseUs = s.denoiseUs;
}

torch::Tensor Batcher::frames(const int64_t *indices, int64_t n) const
{
    const DatasetSplit &split = *m_events;
    const int64_t frameSize = int64_t(m_framing.timeSteps) * split.channels * split.height * split.width;
    torch::Tensor x = torch::empty({n, m_framing.timeSteps, split.channels, split.height, split.width}, torch::kFloat);
    float *out = x.data_ptr<float>();
    for (int64_t i = 0; i < n; ++i)
        frameEvents(split, int(indices[i]), m_framing, out + i * frameSize);
    return x;
}

torch::Tensor Batcher::sample(int index) const
{
    if (m_events) {
        const int64_t i = index;
        return frames(&i, 1);
    }
    return normalized(m_pixels.slice(0, index, index + 1), true);
}

torch::Tensor Batcher::normalized(const torch::Tensor &images, bool isView) const
{
    if (m_tabular)
        return isView ? images.clone() : images;
    torch::Tensor x = images.to(torch::kFloat);
    if (m_normalization == Normalization::MinusOneToOne)
        x.mul_(2.0 / 255.0).sub_(1.0);
    else
        x.mul_(1.0 / 255.0);
    return x;
}

void Batcher::beginEpoch(bool shuffle, std::mt19937_64 &rng)
{
    std::iota(m_order.begin(), m_order.end(), 0);
    if (shuffle)
        std::shuffle(m_order.begin(), m_order.end(), rng);
}

std::pair<torch::Tensor, torch::Tensor> Batcher::batch(int index, int batchSize) const
{
    const int64_t begin = int64_t(index) * batchSize;
    const int64_t end = std::min<int64_t>(begin + batchSize, m_count);
    torch::Tensor images;
    torch::Tensor labels;
    if (m_events) {
        const int64_t *idx = m_order.data() + begin;
        labels = m_labels.index_select(0, torch::from_blob(const_cast<int64_t *>(idx), {end - begin}, torch::kLong));
        return {frames(idx, end - begin), labels};
    }
    const bool contiguousRange = std::is_sorted(m_order.begin() + begin, m_order.begin() + end)
                                 && m_order[size_t(begin)] == begin;
    if (contiguousRange) {
        images = m_pixels.slice(0, begin, end);
        labels = m_labels.slice(0, begin, end);
    } else {
        const torch::Tensor idx = torch::from_blob(const_cast<int64_t *>(m_order.data()) + begin, {end - begin},
                                                   torch::kLong);
        images = m_pixels.index_select(0, idx);
        labels = m_labels.index_select(0, idx);
    }
    return {normalized(images, contiguousRange), labels};
}

} // namespace qb
