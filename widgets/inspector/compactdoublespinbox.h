#pragma once

#include <QDoubleSpinBox>

namespace qb {

/// A QDoubleSpinBox for parameters whose sensible values span many orders of magnitude
/// (epsilon 1e-3, sigma 0.01, a drift time of 1e6 s): it keeps ten decimals internally but shows
/// no trailing zeros ("0.01", not "0.0100000000"), and the arrow keys step by one tenth of the
/// value's order of magnitude (0.5 -> 0.51, 20 -> 21), or by zeroStep() from zero.
class CompactDoubleSpinBox : public QDoubleSpinBox
{
    Q_OBJECT
public:
    explicit CompactDoubleSpinBox(QWidget *parent = nullptr);

    double zeroStep() const { return m_zeroStep; }
    void setZeroStep(double step) { m_zeroStep = step; }

    QString textFromValue(double value) const override;
    void stepBy(int steps) override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    double m_zeroStep = 0.01;
};

} // namespace qb
