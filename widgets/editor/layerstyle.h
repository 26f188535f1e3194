#pragma once

#include "spec/layerspec.h"

#include <QColor>
#include <QIcon>
#include <QString>

class QPalette;

namespace qb {

/// How the editor presents a layer kind: the Larq-style type name, a short glyph for icons, and
/// the colour family (quantized layers blue, float layers with weights gray, the weightless helper
/// layers lighter, the input green, spiking neurons purple). Colours derive from the widget palette so dark themes work.
class LayerStyle
{
public:
    enum class Kind { Input, Quantized, Float, Light, Spiking };

    static Kind kind(const LayerSpec &layer);
    /// "QuantConv2D", "Conv2D", "QuantDense", "Dense", "BatchNorm", "MaxPool2D", "Leaky", "Synaptic", ...
    static QString displayType(const LayerSpec &layer);
    /// Two or three letters for icons: "QC", "C", "BN", "MP", "LIF", ...
    static QString glyph(const LayerSpec &layer);

    /// The strong colour of a kind (borders, stripes, icon fill).
    static QColor accent(Kind kind);
    /// The block background of a kind, mixed into the palette's base colour.
    static QColor fill(Kind kind, const QPalette &palette);
    /// Red for invalid layers and their messages.
    static QColor errorColor();
    /// Orange for nonideality badges.
    static QColor noiseColor();

    /// `a` blended towards `b` by `t` (0 = a, 1 = b).
    static QColor mix(const QColor &a, const QColor &b, qreal t);

    /// A small rounded square with the glyph, for the palette.
    static QIcon icon(const LayerSpec &layer, const QPalette &palette);
};

} // namespace qb
