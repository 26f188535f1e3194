#pragma once
// Helpers shared by the quantizer tests (tests/core/quant/tst_*.cpp): build a spec, run one value
// forward and backward, compare floats computed in float32 with hand-computed numbers.
#include "quant/quantizer_p.h"
#include "quant/quantizercatalog.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <cmath>
#include <memory>

namespace qbtest {

inline qb::QuantizerSpec spec(const QString &name, const QJsonObject &params = {})
{
    qb::QuantizerSpec s;
    s.name = name;
    s.params = params;
    return s;
}

/// Forward value and input gradient of a quantizer at one point.
struct Point
{
    double forward = 0.0;
    double gradient = 0.0;
};

/// q(x) for a one-element float32 tensor, and dq/dx as the quantizer passes it back. The incoming
/// gradient is 3, so a backward that replaces the gradient instead of scaling it shows; the
/// returned gradient is divided by 3 again.
inline Point evaluate(qb::Quantizer &quantizer, double x)
{
    torch::Tensor input = torch::full({1}, x, torch::requires_grad());
    torch::Tensor out = quantizer.apply(input);
    (out * 3.0).sum().backward();
    const torch::Tensor grad = input.grad();
    return {out.item<double>(), grad.defined() ? grad.item<double>() / 3.0 : std::nan("")};
}

inline Point evaluate(const qb::QuantizerSpec &s, double x)
{
    const std::unique_ptr<qb::Quantizer> quantizer = qb::makeQuantizer(s);
    return evaluate(*quantizer, x);
}

/// |actual - expected| within float32 rounding of values of order 1 (absolute 1e-5, or relative
/// for large values). Exact values (+-1, 0, 1/2) compare equal anyway.
inline bool near(double actual, double expected, double tolerance = 1e-5)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

inline QByteArray describe(double actual, double expected)
{
    return QStringLiteral("actual %1, expected %2").arg(actual, 0, 'g', 9).arg(expected, 0, 'g', 9).toUtf8();
}

} // namespace qbtest

/// QVERIFY that two doubles are near(), printing both when not.
#define QB_COMPARE_NEAR(actual, expected)                                                                    \
    do {                                                                                                     \
        const double qbActual_ = (actual);                                                                   \
        const double qbExpected_ = (expected);                                                               \
        QVERIFY2(qbtest::near(qbActual_, qbExpected_),                                                       \
                 qbtest::describe(qbActual_, qbExpected_).constData());                                      \
    } while (false)
