#include "data/dataset.h"

#include <algorithm>

namespace qb {

DatasetSplit DatasetSplit::head(int n) const
{
    if (n <= 0 || n >= count)
        return *this;

    DatasetSplit part;
    part.count = n;
    part.channels = channels;
    part.height = height;
    part.width = width;
    const auto pixelCount = std::min<std::size_t>(std::size_t(n) * std::size_t(sampleSize()), pixels.size());
    part.pixels.assign(pixels.begin(), pixels.begin() + std::ptrdiff_t(pixelCount));
    const auto featureCount =
        std::min<std::size_t>(std::size_t(n) * std::size_t(sampleSize()), features.size());
    part.features.assign(features.begin(), features.begin() + std::ptrdiff_t(featureCount));
    if (isEvents()) {
        part.eventOffsets.assign(eventOffsets.begin(), eventOffsets.begin() + n + 1);
        part.events.assign(events.begin(), events.begin() + std::ptrdiff_t(eventOffsets[std::size_t(n)]));
    }
    const auto labelCount = std::min<std::size_t>(std::size_t(n), labels.size());
    part.labels.assign(labels.begin(), labels.begin() + std::ptrdiff_t(labelCount));
    return part;
}

} // namespace qb
