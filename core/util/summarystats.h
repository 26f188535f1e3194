#pragma once

#include <QVector>

#include <algorithm>
#include <cmath>

namespace qb {

/// Mean, spread and range of repeated measurements (accuracies over seeds or simulated chips).
/// `std` is the population standard deviation (divide by n, numpy's default), the figure the
/// users' notebooks reported.
struct SummaryStats
{
    int count = 0;
    double mean = 0.0;
    double std = 0.0;
    double min = 0.0;
    double max = 0.0;

    static SummaryStats of(const QVector<double> &values)
    {
        SummaryStats s;
        s.count = int(values.size());
        if (values.isEmpty())
            return s;
        double sum = 0.0;
        for (double v : values)
            sum += v;
        s.mean = sum / s.count;
        double squares = 0.0;
        for (double v : values)
            squares += (v - s.mean) * (v - s.mean);
        s.std = std::sqrt(squares / s.count);
        const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
        s.min = *lo;
        s.max = *hi;
        if (s.min == s.max) {
            // Identical values: report them exactly, not with the rounding of sum / n.
            s.mean = s.min;
            s.std = 0.0;
        }
        return s;
    }
};

} // namespace qb
