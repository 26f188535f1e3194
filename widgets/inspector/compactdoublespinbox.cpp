#include "inspector/compactdoublespinbox.h"

#include <QFontMetrics>
#include <QLocale>

#include <cmath>

namespace qb {

CompactDoubleSpinBox::CompactDoubleSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent)
{
    setDecimals(10);
    setRange(-1e9, 1e9);
}

QString CompactDoubleSpinBox::textFromValue(double value) const
{
    QString text = locale().toString(value, 'f', decimals());
    if (!isGroupSeparatorShown())
        text.remove(locale().groupSeparator());
    const QString point = locale().decimalPoint();
    if (text.contains(point)) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text;
}

namespace {

/// Extra width so that a short range ("0 .. 10") still leaves room for values like "0.0005",
/// which QDoubleSpinBox's hint (the widest of minimum and maximum) does not foresee.
int extraWidth(const QDoubleSpinBox *spin, const QString &widest)
{
    const QFontMetrics fm = spin->fontMetrics();
    const int wanted = fm.horizontalAdvance(QStringLiteral("0.00005"));
    return qMax(0, wanted - fm.horizontalAdvance(widest));
}

} // namespace

QSize CompactDoubleSpinBox::sizeHint() const
{
    QSize hint = QDoubleSpinBox::sizeHint();
    hint.rwidth() += extraWidth(this, textFromValue(maximum()));
    return hint;
}

QSize CompactDoubleSpinBox::minimumSizeHint() const
{
    QSize hint = QDoubleSpinBox::minimumSizeHint();
    hint.rwidth() += extraWidth(this, textFromValue(maximum()));
    return hint;
}

void CompactDoubleSpinBox::stepBy(int steps)
{
    const double current = value();
    double step = m_zeroStep;
    if (current != 0.0) {
        const double magnitude = std::floor(std::log10(std::fabs(current)));
        step = std::pow(10.0, magnitude - 1.0);
        // Stepping down from an exact power of ten (1.0 -> 0.99) needs the next smaller step.
        const bool towardsZero = (current > 0) == (steps < 0);
        if (towardsZero && std::fabs(std::fabs(current) - std::pow(10.0, magnitude)) < step * 1e-6)
            step /= 10.0;
    }
    setValue(current + steps * step);
    selectAll();
}

} // namespace qb
