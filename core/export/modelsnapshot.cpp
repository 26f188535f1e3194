#include "export/modelsnapshot.h"

#include <cmath>

namespace qb {

std::optional<IntegerCodes> factorWeights(const QVector<int> &shape, const QVector<float> &values)
{
    if (shape.isEmpty() || shape[0] <= 0 || values.isEmpty() || values.size() % shape[0] != 0)
        return std::nullopt;
    const int rows = shape[0];
    const qsizetype perRow = values.size() / rows;
    IntegerCodes f;
    f.codes.resize(values.size());
    f.scale.resize(rows);
    for (int o = 0; o < rows; ++o) {
        float magnitude = 0.0f;
        for (qsizetype i = 0; i < perRow; ++i) {
            const float v = values[o * perRow + i];
            if (!std::isfinite(v))
                return std::nullopt;
            const float a = std::fabs(v);
            if (a == 0.0f) {
                f.codes[o * perRow + i] = 0;
                f.binary = false;
                continue;
            }
            if (magnitude == 0.0f)
                magnitude = a;
            else if (a != magnitude)
                return std::nullopt;
            f.codes[o * perRow + i] = v > 0.0f ? 1 : -1;
        }
        // A row of zeros keeps scale 1 (its codes are all 0).
        f.scale[o] = magnitude == 0.0f ? 1.0f : magnitude;
        f.unitScale = f.unitScale && f.scale[o] == 1.0f;
    }
    return f;
}

} // namespace qb
