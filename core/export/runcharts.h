#pragma once
// Drawings of a recorded run with plain QPainter (no widgets, no plotting library), so that core
// can put them into a bundle (PNG, SVG) and into the PDF lab report: the loss and accuracy curves
// per epoch, the confusion matrix, a sweep with its spread over chips, and the network as a block
// diagram of its layers.
//
// Every chart is drawn in its own logical coordinates (about one unit per point, fonts set in those
// units) and scaled onto the target, so the same drawing reads the same on a 96-dpi PNG, in an
// SVG and on a 300-dpi PDF page.
//
// Fonts need a QGuiApplication (any platform, "offscreen" included); without one, toPng() and
// toSvg() return empty bytes rather than crash. Any thread may draw, one painter per device.

#include "model/modelsummary.h"
#include "spec/networkspec.h"
#include "store/runrecord.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QStringList>
#include <QVector>

#include <functional>

class QPainter;

namespace qb {

/// The chart drawings (stateless; see the top of this file).
class RunCharts
{
    Q_DECLARE_TR_FUNCTIONS(qb::RunCharts)

public:
    /// Draws into the rectangle (0, 0, size) of the painter's current coordinates.
    using Drawing = std::function<void(QPainter &, const QSizeF &)>;

    // Each draw function lays itself out in the size it is given (the sizes below are the defaults
    // of the bundle's images); text stays at the same size, so draw at about the size shown.

    /// Loss (left) and accuracy in percent (right) per epoch, train and test; NaN values skipped.
    static void drawCurves(QPainter &painter, const QSizeF &size, const QList<EpochMetrics> &epochs);
    static QSizeF curvesSize() { return {760, 300}; }

    /// confusion[actual * n + predicted] as an n x n grid shaded by the share of each actual class,
    /// counts written in the cells while they fit. Class names label the axes (indices when empty).
    static void drawConfusion(
        QPainter &painter, const QSizeF &size, const QVector<int> &confusion, const QStringList &classNames);
    static QSizeF confusionSize(int classes);
    /// The number of classes of a flattened n x n matrix, or 0 when its size is not a square.
    static int confusionClasses(const QVector<int> &confusion);

    /// Accuracy (percent) against the swept value: the mean, an error bar of +-1 std, and the
    /// min..max range as a whisker and band over the chips.
    static void drawSweep(QPainter &painter, const QSizeF &size, const SweepRecord &sweep);
    static QSizeF sweepSize() { return {560, 300}; }

    /// The layers as blocks in reading order (rows that wrap), each with its type, size,
    /// quantizers and output shape, starting from the input.
    static void drawNetwork(
        QPainter &painter, const QSizeF &size, const NetworkSpec &network, const ModelSummary &summary);
    /// The height the diagram takes at `width` (the rows wrap to fit).
    static QSizeF networkSize(const NetworkSpec &network, double width = 760);
    /// Heights (in the diagram's coordinates) between rows of blocks, where a page may cut it.
    static QList<double> networkBreaks(const NetworkSpec &network, double width = 760);

    /// Paints `drawing` (logical size `size`) scaled into `target`, keeping its aspect ratio.
    static void paintInto(
        QPainter &painter, const QRectF &target, const QSizeF &size, const Drawing &drawing);
    /// A PNG of the drawing on white with a 10-unit margin, `scale` pixels per logical unit. Empty
    /// without a QGuiApplication.
    static QByteArray toPng(const QSizeF &size, const Drawing &drawing, qreal scale = 2.0);
    /// An SVG of the drawing (QSvgGenerator), with the same margin. Empty without a QGuiApplication.
    static QByteArray toSvg(const QSizeF &size, const Drawing &drawing, const QString &title);
};

} // namespace qb
