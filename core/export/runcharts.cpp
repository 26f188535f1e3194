#include "export/runcharts.h"

#include "quant/quantizercatalog.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <limits>

namespace qb {

namespace {

const QColor kTrainColor(31, 119, 180);
const QColor kTestColor(230, 110, 10);
const QColor kGridColor(228, 228, 228);
const QColor kAxisColor(110, 110, 110);
const QColor kTextColor(35, 35, 35);
const QColor kMutedText(100, 100, 100);

QFont chartFont(int pixels, bool bold = false)
{
    QFont f;
    f.setPixelSize(pixels);
    f.setBold(bold);
    return f;
}

bool finite(double v) { return std::isfinite(v); }

/// A linear axis: the ticks (multiples of a 1-2-2.5-5 step) and the shown range, which is the
/// data range widened to whole steps and padded a little so end markers are not cut.
struct Axis
{
    double lo = 0.0, hi = 1.0; ///< shown range
    double step = 1.0;
    QVector<double> ticks;
    int decimals = 0;

    double fraction(double v) const { return hi > lo ? (v - lo) / (hi - lo) : 0.5; }
};

double niceStep(double raw)
{
    if (!(raw > 0.0) || !finite(raw))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double r = raw / magnitude;
    const double nice = r <= 1.0 ? 1.0 : r <= 2.0 ? 2.0 : r <= 2.5 ? 2.5 : r <= 5.0 ? 5.0 : 10.0;
    return nice * magnitude;
}

/// `integer`: ticks on whole numbers only (epochs). `clampLo`/`clampHi` bound the ticked range
/// (accuracy never below 0 or above 100).
Axis makeAxis(double min, double max, int targetTicks, bool integer = false,
    double clampLo = -std::numeric_limits<double>::infinity(),
    double clampHi = std::numeric_limits<double>::infinity())
{
    Axis a;
    if (!finite(min) || !finite(max)) {
        min = 0.0;
        max = 1.0;
    }
    if (max < min)
        std::swap(min, max);
    if (max - min < 1e-12) {
        const double pad = integer ? 1.0 : (std::abs(min) > 1e-12 ? std::abs(min) * 0.1 : 1.0);
        min -= pad;
        max += pad;
    }
    double step = niceStep((max - min) / std::max(1, targetTicks - 1));
    if (integer)
        step = std::max(1.0, std::round(step));
    double first = std::floor(min / step + 1e-9) * step;
    double last = std::ceil(max / step - 1e-9) * step;
    first = std::max(first, clampLo);
    last = std::min(last, clampHi);
    for (double v = first; v <= last + step * 1e-6; v += step)
        a.ticks << (std::abs(v) < step * 1e-9 ? 0.0 : v);
    a.step = step;
    const double pad = (last - first) * 0.04;
    a.lo = first - pad;
    a.hi = last + pad;
    double frac = step / std::pow(10.0, std::floor(std::log10(step)));
    a.decimals
        = std::max(0, int(-std::floor(std::log10(step) + 1e-9)) + (std::abs(frac - 2.5) < 1e-9 ? 1 : 0));
    return a;
}

QString tickLabel(const Axis &a, double v) { return QString::number(v, 'f', a.decimals); }

/// A plot area with its two axes.
struct Panel
{
    QRectF plot;
    Axis x, y;

    QPointF map(double xv, double yv) const
    {
        return {plot.left() + x.fraction(xv) * plot.width(), plot.bottom() - y.fraction(yv) * plot.height()};
    }
};

void drawText(QPainter &p, const QRectF &r, int flags, const QString &text, const QFont &f, const QColor &c)
{
    p.setFont(f);
    p.setPen(c);
    p.drawText(r, flags, text);
}

/// Grid, tick labels, axis titles and the frame of a panel.
void drawPanelAxes(QPainter &p, const Panel &panel, const QString &xTitle, const QString &yTitle)
{
    const QFont tickFont = chartFont(9);
    const QFont titleFont = chartFont(10);
    p.save();
    p.setPen(QPen(kGridColor, 0.8));
    for (double t : panel.y.ticks) {
        const double y = panel.map(panel.x.lo, t).y();
        p.drawLine(QPointF(panel.plot.left(), y), QPointF(panel.plot.right(), y));
    }
    for (double t : panel.x.ticks) {
        const double x = panel.map(t, panel.y.lo).x();
        p.drawLine(QPointF(x, panel.plot.top()), QPointF(x, panel.plot.bottom()));
    }
    p.setPen(QPen(kAxisColor, 1.0));
    p.setBrush(Qt::NoBrush);
    p.drawRect(panel.plot);
    for (double t : panel.y.ticks) {
        const double y = panel.map(panel.x.lo, t).y();
        p.drawLine(QPointF(panel.plot.left() - 3, y), QPointF(panel.plot.left(), y));
        drawText(p, QRectF(panel.plot.left() - 46, y - 7, 42, 14), Qt::AlignRight | Qt::AlignVCenter,
            tickLabel(panel.y, t), tickFont, kTextColor);
    }
    // Thin the x labels when they would touch.
    const QFontMetricsF fm(tickFont);
    double widest = 0;
    for (double t : panel.x.ticks)
        widest = std::max(widest, fm.horizontalAdvance(tickLabel(panel.x, t)));
    const double spacing = panel.x.ticks.size() > 1
        ? panel.plot.width() * (panel.x.step / (panel.x.hi - panel.x.lo))
        : panel.plot.width();
    const int every = std::max(1, int(std::ceil((widest + 6) / std::max(1.0, spacing))));
    p.setPen(QPen(kAxisColor, 1.0));
    for (int i = 0; i < panel.x.ticks.size(); ++i) {
        const double t = panel.x.ticks[i];
        const double x = panel.map(t, panel.y.lo).x();
        p.drawLine(QPointF(x, panel.plot.bottom()), QPointF(x, panel.plot.bottom() + 3));
        if (i % every == 0)
            drawText(p, QRectF(x - 40, panel.plot.bottom() + 4, 80, 13), Qt::AlignHCenter | Qt::AlignTop,
                tickLabel(panel.x, t), tickFont, kTextColor);
    }
    drawText(p, QRectF(panel.plot.left(), panel.plot.bottom() + 17, panel.plot.width(), 14),
        Qt::AlignHCenter | Qt::AlignTop, xTitle, titleFont, kMutedText);
    p.save();
    p.translate(panel.plot.left() - 48, panel.plot.center().y());
    p.rotate(-90);
    drawText(p, QRectF(-panel.plot.height() / 2, -14, panel.plot.height(), 14), Qt::AlignCenter, yTitle,
        titleFont, kMutedText);
    p.restore();
    p.restore();
}

struct LegendItem
{
    QString label;
    QColor color;
    enum Kind { Line, Bar, Band } kind = Line;
};

double legendWidth(const QList<LegendItem> &items)
{
    const QFontMetricsF fm(chartFont(9));
    double width = 0;
    for (const LegendItem &item : items)
        width += 22 + fm.horizontalAdvance(item.label) + 12;
    return width - 12;
}

/// A one-line legend whose right edge is at `right`, vertically centred on `y`.
void drawLegend(QPainter &p, double right, double y, const QList<LegendItem> &items)
{
    const QFont f = chartFont(9);
    const QFontMetricsF fm(f);
    double x = right - legendWidth(items);
    p.save();
    for (const LegendItem &item : items) {
        switch (item.kind) {
        case LegendItem::Line:
            p.setPen(QPen(item.color, 1.8));
            p.drawLine(QPointF(x, y), QPointF(x + 16, y));
            p.setBrush(item.color);
            p.drawEllipse(QPointF(x + 8, y), 2.4, 2.4);
            break;
        case LegendItem::Bar:
            p.setPen(QPen(item.color, 2.6));
            p.drawLine(QPointF(x + 8, y - 5), QPointF(x + 8, y + 5));
            p.drawLine(QPointF(x + 4, y - 5), QPointF(x + 12, y - 5));
            p.drawLine(QPointF(x + 4, y + 5), QPointF(x + 12, y + 5));
            break;
        case LegendItem::Band:
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(item.color.red(), item.color.green(), item.color.blue(), 55));
            p.drawRect(QRectF(x, y - 5, 16, 10));
            p.setPen(QPen(item.color, 0.8));
            p.drawLine(QPointF(x + 8, y - 5), QPointF(x + 8, y + 5));
            break;
        }
        drawText(
            p, QRectF(x + 22, y - 7, 400, 14), Qt::AlignLeft | Qt::AlignVCenter, item.label, f, kTextColor);
        x += 22 + fm.horizontalAdvance(item.label) + 12;
    }
    p.restore();
}

/// A polyline through the finite points (broken at NaN), with round markers when there are few.
void drawSeries(QPainter &p, const Panel &panel, const QVector<double> &xs, const QVector<double> &ys,
    const QColor &color, bool markers)
{
    p.save();
    p.setClipRect(panel.plot.adjusted(-4, -4, 4, 4));
    p.setPen(QPen(color, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    QPainterPath path;
    bool open = false;
    for (int i = 0; i < xs.size(); ++i) {
        if (!finite(xs[i]) || !finite(ys[i])) {
            open = false;
            continue;
        }
        const QPointF pt = panel.map(xs[i], ys[i]);
        if (open)
            path.lineTo(pt);
        else
            path.moveTo(pt);
        open = true;
    }
    p.drawPath(path);
    if (markers) {
        p.setBrush(color);
        p.setPen(QPen(Qt::white, 0.8));
        for (int i = 0; i < xs.size(); ++i) {
            if (finite(xs[i]) && finite(ys[i]))
                p.drawEllipse(panel.map(xs[i], ys[i]), 2.8, 2.8);
        }
    }
    p.restore();
}

void drawEmpty(QPainter &p, const QRectF &r, const QString &text)
{
    p.save();
    p.setPen(QPen(kGridColor, 1.0, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r);
    drawText(p, r, Qt::AlignCenter | Qt::TextWordWrap, text, chartFont(11), kMutedText);
    p.restore();
}

void minMax(const QVector<double> &values, double *lo, double *hi)
{
    for (double v : values) {
        if (!finite(v))
            continue;
        *lo = std::min(*lo, v);
        *hi = std::max(*hi, v);
    }
}

QString shapeText(const TensorShape &shape)
{
    QStringList parts;
    for (int d : shape.dims)
        parts << QString::number(d);
    return parts.isEmpty() ? QStringLiteral("?") : parts.join(QChar(0x00D7));
}

QString quantizerText(const QuantizerSpec &q)
{
    if (q.isNone())
        return RunCharts::tr("float");
    return RunCharts::tr("%1-bit %2").arg(QuantizerCatalog::bits(q)).arg(q.name);
}

/// The detail line of a layer block: what the layer does, in a few words.
QString layerDetail(const LayerSpec &l)
{
    const QChar times(0x00D7);
    switch (l.type) {
    case LayerType::Conv2D: {
        QString pad = l.padding == Padding::Same ? RunCharts::tr("same")
            : l.padding == Padding::Valid        ? RunCharts::tr("valid")
                                                 : RunCharts::tr("pad %1").arg(l.paddingAmount);
        QString text
            = RunCharts::tr("%1 filters %2%3%4").arg(l.filters).arg(l.kernelH).arg(times).arg(l.kernelW);
        if (l.strideH != 1 || l.strideW != 1)
            text += RunCharts::tr(", stride %1").arg(l.strideH);
        return text + QStringLiteral(", ") + pad;
    }
    case LayerType::Dense:
        return RunCharts::tr("%n units", nullptr, l.units);
    case LayerType::BatchNorm:
        return RunCharts::tr("batch normalization");
    case LayerType::MaxPool:
        return RunCharts::tr("max %1%2%3").arg(l.poolH).arg(times).arg(l.poolW);
    case LayerType::AvgPool:
        return RunCharts::tr("average %1%2%3").arg(l.poolH).arg(times).arg(l.poolW);
    case LayerType::Flatten:
        return RunCharts::tr("to a vector");
    case LayerType::Dropout:
        return RunCharts::tr("rate %1").arg(l.rate);
    case LayerType::Activation:
        return activationName(l.function);
    case LayerType::Leaky:
    case LayerType::Synaptic:
        return RunCharts::tr("%1 %2, %3 %4, %5").arg(QChar(0x03B2)).arg(l.neuron.beta).arg(QChar(0x03B8))
            .arg(l.neuron.threshold).arg(surrogateName(l.neuron.surrogate));
    }
    return QString();
}

struct BlockStyle
{
    QColor fill, border;
};

BlockStyle blockStyle(LayerType type)
{
    switch (type) {
    case LayerType::Conv2D:
        return {QColor(220, 233, 247), QColor(31, 119, 180)};
    case LayerType::Dense:
        return {QColor(234, 224, 246), QColor(123, 79, 160)};
    case LayerType::BatchNorm:
        return {QColor(222, 242, 222), QColor(46, 139, 87)};
    case LayerType::MaxPool:
    case LayerType::AvgPool:
        return {QColor(253, 232, 212), QColor(210, 110, 25)};
    default:
        return {QColor(238, 238, 238), QColor(120, 120, 120)};
    }
}

constexpr double kBlockWidth = 106;
constexpr double kBlockHeight = 62;
constexpr double kBlockGap = 14;
constexpr double kRowGap = 26;
constexpr double kNetworkTitle = 24;

int networkColumns(int blocks, double width)
{
    const int fit = int((width + kBlockGap) / (kBlockWidth + kBlockGap));
    return std::max(1, std::min(blocks, fit));
}

} // namespace

// ---- curves ---------------------------------------------------------------------------------

void RunCharts::drawCurves(QPainter &painter, const QSizeF &size, const QList<EpochMetrics> &epochs)
{
    QPainter &p = painter;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const double gap = 30;
    const double panelWidth = (size.width() - gap) / 2;
    const QRectF left(0, 0, panelWidth, size.height());
    const QRectF right(panelWidth + gap, 0, panelWidth, size.height());
    if (epochs.isEmpty()) {
        drawEmpty(p, QRectF(QPointF(0, 0), size), tr("No epoch was recorded for this run."));
        p.restore();
        return;
    }

    QVector<double> xs, trainLoss, testLoss, trainAcc, testAcc;
    for (const EpochMetrics &e : epochs) {
        xs << e.epoch;
        trainLoss << e.trainLoss;
        testLoss << e.testLoss;
        trainAcc << e.trainAccuracy * 100.0;
        testAcc << e.testAccuracy * 100.0;
    }
    double xLo = std::numeric_limits<double>::infinity(), xHi = -xLo;
    minMax(xs, &xLo, &xHi);
    const bool markers = epochs.size() <= 40;

    auto panelFor = [&](const QRectF &area, const QVector<double> &a, const QVector<double> &b,
                        bool percent) {
        Panel panel;
        panel.plot = QRectF(area.left() + 62, area.top() + 26, area.width() - 70, area.height() - 26 - 36);
        panel.x = makeAxis(xLo, xHi, 8, true);
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        minMax(a, &lo, &hi);
        minMax(b, &lo, &hi);
        if (percent)
            panel.y = makeAxis(lo, hi, 6, false, 0.0, 100.0);
        else
            panel.y = makeAxis(lo, hi, 6, false, lo >= 0 ? 0.0 : -std::numeric_limits<double>::infinity());
        return panel;
    };

    const Panel lossPanel = panelFor(left, trainLoss, testLoss, false);
    const Panel accPanel = panelFor(right, trainAcc, testAcc, true);
    const QList<LegendItem> legend{{tr("train"), kTrainColor}, {tr("test"), kTestColor}};

    drawText(p, QRectF(lossPanel.plot.left(), 0, 200, 18), Qt::AlignLeft | Qt::AlignVCenter, tr("Loss"),
        chartFont(12, true), kTextColor);
    drawLegend(p, lossPanel.plot.right(), 9, legend);
    drawPanelAxes(p, lossPanel, tr("epoch"), tr("loss"));
    drawSeries(p, lossPanel, xs, trainLoss, kTrainColor, markers);
    drawSeries(p, lossPanel, xs, testLoss, kTestColor, markers);

    drawText(p, QRectF(accPanel.plot.left(), 0, 200, 18), Qt::AlignLeft | Qt::AlignVCenter, tr("Accuracy"),
        chartFont(12, true), kTextColor);
    drawLegend(p, accPanel.plot.right(), 9, legend);
    drawPanelAxes(p, accPanel, tr("epoch"), tr("accuracy (%)"));
    drawSeries(p, accPanel, xs, trainAcc, kTrainColor, markers);
    drawSeries(p, accPanel, xs, testAcc, kTestColor, markers);
    p.restore();
}

// ---- confusion matrix -------------------------------------------------------------------------

int RunCharts::confusionClasses(const QVector<int> &confusion)
{
    const int n = int(std::lround(std::sqrt(double(confusion.size()))));
    return n > 0 && n * n == confusion.size() ? n : 0;
}

namespace {
constexpr double kConfusionLeft = 120;
constexpr double kConfusionTop = 26;
constexpr double kConfusionRight = 64;
constexpr double kConfusionBottom = 44;

double confusionCell(int classes) { return std::clamp(260.0 / std::max(1, classes), 10.0, 28.0); }
} // namespace

QSizeF RunCharts::confusionSize(int classes)
{
    const double cell = confusionCell(classes);
    return {kConfusionLeft + cell * std::max(1, classes) + kConfusionRight,
        kConfusionTop + cell * std::max(1, classes) + kConfusionBottom};
}

void RunCharts::drawConfusion(
    QPainter &painter, const QSizeF &size, const QVector<int> &confusion, const QStringList &classNames)
{
    QPainter &p = painter;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const int n = confusionClasses(confusion);
    if (n == 0) {
        drawEmpty(p, QRectF(QPointF(0, 0), size), tr("No confusion matrix is available for this run."));
        p.restore();
        return;
    }
    const double cell = std::min(confusionCell(n),
        std::min((size.width() - kConfusionLeft - kConfusionRight) / n,
            (size.height() - kConfusionTop - kConfusionBottom) / n));
    const QRectF grid(kConfusionLeft, kConfusionTop, cell * n, cell * n);

    qint64 total = 0, correct = 0;
    QVector<qint64> rowTotals(n, 0);
    for (int a = 0; a < n; ++a) {
        for (int q = 0; q < n; ++q) {
            rowTotals[a] += confusion[a * n + q];
            total += confusion[a * n + q];
        }
        correct += confusion[a * n + a];
    }
    const QString title = total > 0 ? tr("Confusion matrix: %1 test samples, accuracy %2 %")
                                          .arg(total)
                                          .arg(100.0 * double(correct) / double(total), 0, 'f', 2)
                                    : tr("Confusion matrix");
    drawText(p, QRectF(0, 0, size.width(), 18), Qt::AlignLeft | Qt::AlignVCenter, title, chartFont(12, true),
        kTextColor);

    // Cells: shade = share of the actual class's samples.
    const int countPixels = int(std::clamp(cell * 0.34, 6.0, 11.0));
    const QFont countFont = chartFont(countPixels);
    const QFontMetricsF countMetrics(countFont);
    for (int a = 0; a < n; ++a) {
        for (int q = 0; q < n; ++q) {
            const int count = confusion[a * n + q];
            const double share = rowTotals[a] > 0 ? double(count) / double(rowTotals[a]) : 0.0;
            const QColor base = a == q ? kTrainColor : kTestColor;
            const QColor fill(int(255 + (base.red() - 255) * share), int(255 + (base.green() - 255) * share),
                int(255 + (base.blue() - 255) * share));
            const QRectF r(grid.left() + q * cell, grid.top() + a * cell, cell, cell);
            p.setPen(QPen(QColor(215, 215, 215), 0.5));
            p.setBrush(fill);
            p.drawRect(r);
            const QString text = QString::number(count);
            if (cell >= 12 && countMetrics.horizontalAdvance(text) <= cell - 2)
                drawText(p, r, Qt::AlignCenter, text, countFont, share > 0.55 ? Qt::white : kTextColor);
        }
    }
    p.setPen(QPen(kAxisColor, 1.0));
    p.setBrush(Qt::NoBrush);
    p.drawRect(grid);

    // Labels: rows "index name" on the left, columns by index below, recall on the right.
    const QFont labelFont = chartFont(int(std::clamp(cell * 0.36, 7.0, 10.0)));
    const QFontMetricsF labelMetrics(labelFont);
    for (int a = 0; a < n; ++a) {
        // "T-shirt/top  0"; just "3" when the class is called "3" (digits)
        const QString name
            = a < classNames.size() && !classNames[a].isEmpty() && classNames[a] != QString::number(a)
            ? QStringLiteral("%1  %2").arg(classNames[a]).arg(a)
            : QString::number(a);
        const QRectF r(0, grid.top() + a * cell, kConfusionLeft - 6, cell);
        drawText(p, r, Qt::AlignRight | Qt::AlignVCenter,
            labelMetrics.elidedText(name, Qt::ElideMiddle, r.width()), labelFont, kTextColor);
        const QString recall = rowTotals[a] > 0
            ? QStringLiteral("%1 %").arg(100.0 * confusion[a * n + a] / double(rowTotals[a]), 0, 'f', 1)
            : QStringLiteral("-");
        drawText(p, QRectF(grid.right() + 4, grid.top() + a * cell, kConfusionRight - 4, cell),
            Qt::AlignLeft | Qt::AlignVCenter, recall, labelFont, kMutedText);
    }
    for (int q = 0; q < n; ++q)
        drawText(p, QRectF(grid.left() + q * cell, grid.bottom() + 2, cell, 14), Qt::AlignCenter,
            QString::number(q), labelFont, kTextColor);
    const QFont axisFont = chartFont(10);
    drawText(p, QRectF(grid.left(), grid.bottom() + 17, grid.width(), 14), Qt::AlignHCenter | Qt::AlignTop,
        tr("predicted class"), axisFont, kMutedText);
    drawText(p, QRectF(0, grid.bottom() + 17, kConfusionLeft - 6, 28), Qt::AlignRight | Qt::AlignTop,
        tr("rows: actual class"), axisFont, kMutedText);
    drawText(p, QRectF(grid.right() + 4, grid.bottom() + 2, kConfusionRight, 28),
        Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, tr("recall"), axisFont, kMutedText);
    p.restore();
}

// ---- sweeps -----------------------------------------------------------------------------------

void RunCharts::drawSweep(QPainter &painter, const QSizeF &size, const SweepRecord &sweep)
{
    QPainter &p = painter;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    int chips = 0;
    for (const SweepPoint &pt : sweep.points)
        chips = std::max(chips, int(pt.accuracies.size()));
    QString title = sweep.parameter.isEmpty() ? tr("%1 sweep").arg(sweep.kind)
                                              : tr("%1 sweep over %2").arg(sweep.kind, sweep.parameter);
    if (chips > 1)
        title += tr(" (%n chips per point)", nullptr, chips);
    const QFont titleFont = chartFont(12, true);
    drawText(p, QRectF(0, 0, size.width(), 18), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(titleFont).elidedText(title, Qt::ElideRight, size.width()), titleFont, kTextColor);
    if (sweep.points.isEmpty()) {
        drawEmpty(p, QRectF(0, 26, size.width(), size.height() - 26), tr("This sweep has no points."));
        p.restore();
        return;
    }
    QList<LegendItem> legend{{tr("mean"), kTrainColor, LegendItem::Line}};
    if (chips > 1)
        legend << LegendItem{tr("\u00B1 1 std"), kTrainColor, LegendItem::Bar}
               << LegendItem{tr("min\u2013max"), kTrainColor, LegendItem::Band};
    // The legend goes beside the title when both fit on one line, else on a line of its own.
    const bool legendBelow
        = QFontMetricsF(titleFont).horizontalAdvance(title) + 20 + legendWidth(legend) > size.width() - 8;
    const double top = legendBelow ? 44 : 26;

    QList<SweepPoint> points = sweep.points;
    std::stable_sort(points.begin(), points.end(),
        [](const SweepPoint &a, const SweepPoint &b) { return a.value < b.value; });
    QVector<double> xs, means;
    double xLo = std::numeric_limits<double>::infinity(), xHi = -xLo;
    double yLo = xLo, yHi = -xLo;
    for (const SweepPoint &pt : points) {
        xs << pt.value;
        means << pt.accuracyMean * 100.0;
        minMax({pt.value}, &xLo, &xHi);
        minMax({pt.accuracyMean * 100.0, pt.accuracyMin * 100.0, pt.accuracyMax * 100.0,
                   (pt.accuracyMean - pt.accuracyStd) * 100.0, (pt.accuracyMean + pt.accuracyStd) * 100.0},
            &yLo, &yHi);
    }
    Panel panel;
    panel.plot = QRectF(62, top, size.width() - 70, size.height() - top - 36);
    panel.x = makeAxis(xLo, xHi, 8);
    panel.y = makeAxis(yLo, yHi, 6, false, 0.0, 100.0);
    drawLegend(p, panel.plot.right(), legendBelow ? 9 + 18 : 9, legend);
    drawPanelAxes(p, panel, sweep.parameter.isEmpty() ? tr("value") : sweep.parameter, tr("accuracy (%)"));

    p.save();
    p.setClipRect(panel.plot.adjusted(-4, -4, 4, 4));
    if (chips > 1) {
        // min..max band between the points, and a thin whisker at each point
        QPolygonF band;
        for (const SweepPoint &pt : points)
            band << panel.map(pt.value, pt.accuracyMax * 100.0);
        for (int i = int(points.size()) - 1; i >= 0; --i)
            band << panel.map(points[i].value, points[i].accuracyMin * 100.0);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(kTrainColor.red(), kTrainColor.green(), kTrainColor.blue(), 45));
        if (points.size() > 1)
            p.drawPolygon(band);
        for (const SweepPoint &pt : points) {
            const QPointF top = panel.map(pt.value, pt.accuracyMax * 100.0);
            const QPointF bottom = panel.map(pt.value, pt.accuracyMin * 100.0);
            p.setPen(QPen(kTrainColor.lighter(130), 0.9));
            p.drawLine(top, bottom);
            p.drawLine(top - QPointF(2.5, 0), top + QPointF(2.5, 0));
            p.drawLine(bottom - QPointF(2.5, 0), bottom + QPointF(2.5, 0));
            const QPointF hi = panel.map(pt.value, (pt.accuracyMean + pt.accuracyStd) * 100.0);
            const QPointF lo = panel.map(pt.value, (pt.accuracyMean - pt.accuracyStd) * 100.0);
            p.setPen(QPen(kTrainColor.darker(120), 2.4, Qt::SolidLine, Qt::FlatCap));
            p.drawLine(hi, lo);
            p.drawLine(hi - QPointF(4.5, 0), hi + QPointF(4.5, 0));
            p.drawLine(lo - QPointF(4.5, 0), lo + QPointF(4.5, 0));
        }
    }
    p.restore();
    drawSeries(p, panel, xs, means, kTrainColor, true);
    p.restore();
}

// ---- network --------------------------------------------------------------------------------

QSizeF RunCharts::networkSize(const NetworkSpec &network, double width)
{
    const int blocks = int(network.layers.size()) + 1;
    const int columns = networkColumns(blocks, width);
    const int rows = (blocks + columns - 1) / columns;
    return {width, kNetworkTitle + rows * kBlockHeight + (rows - 1) * kRowGap + 4};
}

QList<double> RunCharts::networkBreaks(const NetworkSpec &network, double width)
{
    const int blocks = int(network.layers.size()) + 1;
    const int columns = networkColumns(blocks, width);
    const int rows = (blocks + columns - 1) / columns;
    QList<double> breaks;
    for (int row = 1; row < rows; ++row) // the middle of the gap above each row but the first
        breaks << kNetworkTitle + row * (kBlockHeight + kRowGap) - kRowGap / 2;
    return breaks;
}

void RunCharts::drawNetwork(
    QPainter &painter, const QSizeF &size, const NetworkSpec &network, const ModelSummary &summary)
{
    QPainter &p = painter;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const int blocks = int(network.layers.size()) + 1;
    const int columns = networkColumns(blocks, size.width());
    // Spread the blocks over the width (gaps up to three times the least), centred.
    const double gap = columns > 1
        ? std::clamp((size.width() - columns * kBlockWidth) / (columns - 1), kBlockGap, 3 * kBlockGap)
        : kBlockGap;
    const double used = columns * kBlockWidth + (columns - 1) * gap;
    const double x0 = std::max(0.0, (size.width() - used) / 2);

    qint64 params = summary.paramCount();
    QString title = network.name.isEmpty() ? tr("Network") : tr("Network %1").arg(network.name);
    if (params > 0)
        title += tr(": %1 parameters").arg(QLocale().toString(params));
    drawText(p, QRectF(0, 0, size.width(), 18), Qt::AlignLeft | Qt::AlignVCenter, title, chartFont(12, true),
        kTextColor);

    auto blockRect = [&](int i) {
        const int row = i / columns, col = i % columns;
        return QRectF(x0 + col * (kBlockWidth + gap), kNetworkTitle + row * (kBlockHeight + kRowGap),
            kBlockWidth, kBlockHeight);
    };

    const QFont nameFont = chartFont(9, true);
    const QFont lineFont = chartFont(8);
    const QFontMetricsF nameMetrics(nameFont), lineMetrics(lineFont);
    for (int i = 0; i < blocks; ++i) {
        const QRectF r = blockRect(i);
        QStringList lines;
        QString name;
        BlockStyle style{QColor(255, 246, 204), QColor(181, 148, 0)};
        bool quantized = false;
        if (i == 0) {
            name = tr("input");
            lines << shapeText(network.input);
        } else {
            const LayerSpec &l = network.layers[i - 1];
            const LayerSummary *row = i - 1 < summary.layers.size() ? &summary.layers[i - 1] : nullptr;
            style = blockStyle(l.type);
            name = row ? row->name : (l.name.isEmpty() ? layerTypeName(l.type) : l.name);
            if (!l.name.isEmpty() || !row)
                name = QStringLiteral("%1 (%2)").arg(name, layerTypeName(l.type));
            lines << layerDetail(l);
            if (l.hasWeights()) {
                quantized = l.isQuantized();
                lines << tr("in: %1").arg(quantizerText(l.inputQuantizer))
                      << tr("w: %1").arg(quantizerText(l.kernelQuantizer));
            }
            if (row)
                lines << QStringLiteral("\u2192 %1").arg(shapeText(row->output));
        }
        p.setPen(QPen(style.border, quantized ? 2.0 : 1.0));
        p.setBrush(style.fill);
        p.drawRoundedRect(r, 5, 5);
        const QRectF inner = r.adjusted(5, 3, -5, -3);
        drawText(p, QRectF(inner.left(), inner.top(), inner.width(), 13), Qt::AlignLeft | Qt::AlignVCenter,
            nameMetrics.elidedText(name, Qt::ElideRight, inner.width()), nameFont, kTextColor);
        const double lineHeight = std::min(11.0, (inner.height() - 13) / std::max(1, int(lines.size())));
        for (int k = 0; k < lines.size(); ++k)
            drawText(p, QRectF(inner.left(), inner.top() + 13 + k * lineHeight, inner.width(), lineHeight),
                Qt::AlignLeft | Qt::AlignVCenter,
                lineMetrics.elidedText(lines[k], Qt::ElideRight, inner.width()), lineFont,
                k == int(lines.size()) - 1 && i > 0 ? kMutedText : kTextColor);
    }

    // Arrows: to the right within a row; an elbow down to the next row's first block.
    p.setPen(QPen(kAxisColor, 1.1));
    auto arrowHead = [&p](const QPointF &tip, const QPointF &direction) {
        const QPointF d = direction / std::hypot(direction.x(), direction.y());
        const QPointF n(-d.y(), d.x());
        QPolygonF head;
        head << tip << tip - d * 6 + n * 3 << tip - d * 6 - n * 3;
        p.setBrush(kAxisColor);
        p.drawPolygon(head);
    };
    for (int i = 0; i + 1 < blocks; ++i) {
        const QRectF a = blockRect(i), b = blockRect(i + 1);
        if ((i + 1) % columns != 0) {
            const QPointF from(a.right(), a.center().y()), to(b.left(), b.center().y());
            p.drawLine(from, to - QPointF(1, 0));
            arrowHead(to, to - from);
        } else {
            const double midY = a.bottom() + kRowGap / 2;
            QPainterPath path(QPointF(a.center().x(), a.bottom()));
            path.lineTo(a.center().x(), midY);
            path.lineTo(b.center().x(), midY);
            path.lineTo(b.center().x(), b.top() - 1);
            p.setBrush(Qt::NoBrush);
            p.drawPath(path);
            arrowHead(QPointF(b.center().x(), b.top()), QPointF(0, 1));
        }
    }
    p.restore();
}

// ---- output -----------------------------------------------------------------------------------

void RunCharts::paintInto(QPainter &painter, const QRectF &target, const QSizeF &size, const Drawing &drawing)
{
    if (size.isEmpty() || target.isEmpty())
        return;
    const qreal scale = std::min(target.width() / size.width(), target.height() / size.height());
    painter.save();
    painter.translate(target.left() + (target.width() - size.width() * scale) / 2, target.top());
    painter.scale(scale, scale);
    drawing(painter, size);
    painter.restore();
}

/// White space around a drawing saved as an image.
constexpr double kImageMargin = 10;

static bool haveFonts()
{
    // QFont and QFontMetrics need the platform's font database, which only a QGuiApplication opens.
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}

QByteArray RunCharts::toPng(const QSizeF &size, const Drawing &drawing, qreal scale)
{
    if (!haveFonts() || size.isEmpty())
        return QByteArray();
    const QSizeF framed = size + QSizeF(2 * kImageMargin, 2 * kImageMargin);
    QImage image(QSize(int(std::ceil(framed.width() * scale)), int(std::ceil(framed.height() * scale))),
        QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    // 72 logical units per inch: the drawing's units are points.
    const int dotsPerMeter = int(std::lround(scale * 72.0 / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    {
        QPainter p(&image);
        p.setRenderHints(
            QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        p.scale(scale, scale);
        p.translate(kImageMargin, kImageMargin);
        drawing(p, size);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return QByteArray();
    return bytes;
}

QByteArray RunCharts::toSvg(const QSizeF &size, const Drawing &drawing, const QString &title)
{
    if (!haveFonts() || size.isEmpty())
        return QByteArray();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    const QSizeF framed = size + QSizeF(2 * kImageMargin, 2 * kImageMargin);
    svg.setSize(framed.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), framed));
    svg.setResolution(72);
    svg.setTitle(title);
    svg.setDescription(tr("Drawn by QuantBench"));
    {
        QPainter p(&svg);
        p.fillRect(QRectF(QPointF(0, 0), framed), Qt::white);
        p.translate(kImageMargin, kImageMargin);
        drawing(p, size);
    }
    return bytes;
}

} // namespace qb
