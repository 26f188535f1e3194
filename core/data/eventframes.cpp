#include "data/eventframes.h"

#include <algorithm>
#include <cstring>

namespace qb {

std::vector<DvsEvent> denoiseEvents(
    const DvsEvent *begin, const DvsEvent *end, int width, int height, qint64 filterUs)
{
    if (!begin || begin >= end)
        return {};
    if (filterUs <= 0)
        return std::vector<DvsEvent>(begin, end);
    if (width <= 0 || height <= 0)
        return {};

    // The sample's own extent (Tonic: width = max x + 1, height = max y + 1 over the events).
    int extentX = 0;
    int extentY = 0;
    for (const DvsEvent *e = begin; e != end; ++e) {
        if (e->x >= width || e->y >= height)
            continue;
        extentX = std::max(extentX, int(e->x) + 1);
        extentY = std::max(extentY, int(e->y) + 1);
    }
    if (extentX == 0)
        return {};

    // memory[x * extentY + y]: the pixel's last time + filterUs, starting at filterUs (Tonic:
    // np.zeros((width, height)) + filter_time).
    std::vector<qint64> memory(std::size_t(extentX) * std::size_t(extentY), filterUs);
    const auto at = [&](int x, int y) -> qint64 & {
        return memory[std::size_t(x) * std::size_t(extentY) + std::size_t(y)];
    };
    std::vector<DvsEvent> kept;
    for (const DvsEvent *e = begin; e != end; ++e) {
        if (e->x >= width || e->y >= height)
            continue;
        const int x = e->x;
        const int y = e->y;
        const qint64 t = qint64(e->t);
        at(x, y) = t + filterUs;
        if ((x > 0 && at(x - 1, y) > t) || (x < extentX - 1 && at(x + 1, y) > t)
            || (y > 0 && at(x, y - 1) > t) || (y < extentY - 1 && at(x, y + 1) > t))
            kept.push_back(*e);
    }
    return kept;
}

void frameEvents(const DatasetSplit &split, int index, const EventFraming &framing, float *out)
{
    const int steps = framing.timeSteps;
    if (steps < 1 || !out)
        return;
    const std::size_t plane = std::size_t(std::max(0, split.height)) * std::size_t(std::max(0, split.width));
    const std::size_t frameSize = std::size_t(std::max(0, split.channels)) * plane;
    std::fill(out, out + std::size_t(steps) * frameSize, 0.0f);
    if (!split.isEvents() || index < 0 || index >= split.count
        || std::size_t(index) + 1 >= split.eventOffsets.size())
        return;
    const std::int64_t first = split.eventOffsets[std::size_t(index)];
    const std::int64_t last = split.eventOffsets[std::size_t(index) + 1];
    if (first < 0 || last <= first || std::size_t(last) > split.events.size())
        return;

    const DvsEvent *begin = split.events.data() + first;
    const DvsEvent *end = split.events.data() + last;
    std::vector<DvsEvent> denoised;
    if (framing.denoiseUs > 0) {
        denoised = denoiseEvents(begin, end, split.width, split.height, framing.denoiseUs);
        begin = denoised.data();
        end = denoised.data() + denoised.size();
    }
    if (begin == end)
        return;

    const qint64 t0 = begin->t;
    qint64 window = framing.windowUs;
    if (window <= 0) {
        // Tonic's SliceByTimeBins: (t_last - t_first) // n_time_bins; zero gives empty frames.
        window = (qint64((end - 1)->t) - t0) / steps;
        if (window <= 0)
            return;
    }
    for (const DvsEvent *e = begin; e != end; ++e) {
        if (e->x >= split.width || e->y >= split.height || e->polarity >= split.channels)
            continue;
        const qint64 since = qint64(e->t) - t0;
        if (since < 0)
            continue; // not in time order: before the first window, in no frame
        const qint64 k = since / window;
        if (k >= steps)
            continue;
        out[std::size_t(k) * frameSize + std::size_t(e->polarity) * plane
            + std::size_t(e->y) * std::size_t(split.width) + e->x]
            += 1.0f;
    }
}

} // namespace qb
