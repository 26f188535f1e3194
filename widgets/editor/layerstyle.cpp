#include "layerstyle.h"

#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace qb {

LayerStyle::Kind LayerStyle::kind(const LayerSpec &layer)
{
    if (layer.isSpiking())
        return Kind::Spiking;
    if (layer.isQuantized())
        return Kind::Quantized;
    if (layer.hasWeights())
        return Kind::Float;
    return Kind::Light;
}

QString LayerStyle::displayType(const LayerSpec &layer)
{
    // Larq's class names: a conv/dense with any quantizer is its Quant* counterpart.
    const QString quant = layer.isQuantized() ? QStringLiteral("Quant") : QString();
    switch (layer.type) {
    case LayerType::Conv2D:
        return quant + QStringLiteral("Conv2D");
    case LayerType::Dense:
        return quant + QStringLiteral("Dense");
    case LayerType::BatchNorm:
        return QStringLiteral("BatchNorm");
    case LayerType::MaxPool:
        return QStringLiteral("MaxPool2D");
    case LayerType::AvgPool:
        return QStringLiteral("AvgPool2D");
    case LayerType::Flatten:
        return QStringLiteral("Flatten");
    case LayerType::Dropout:
        return QStringLiteral("Dropout");
    case LayerType::Activation:
        return QStringLiteral("Activation");
    case LayerType::Leaky:
        return QStringLiteral("Leaky");
    case LayerType::Synaptic:
        return QStringLiteral("Synaptic");
    }
    return QString();
}

QString LayerStyle::glyph(const LayerSpec &layer)
{
    const QString quant = layer.isQuantized() ? QStringLiteral("Q") : QString();
    switch (layer.type) {
    case LayerType::Conv2D:
        return quant + QStringLiteral("C");
    case LayerType::Dense:
        return quant + QStringLiteral("D");
    case LayerType::BatchNorm:
        return QStringLiteral("BN");
    case LayerType::MaxPool:
        return QStringLiteral("MP");
    case LayerType::AvgPool:
        return QStringLiteral("AP");
    case LayerType::Flatten:
        return QStringLiteral("F");
    case LayerType::Dropout:
        return QStringLiteral("DO");
    case LayerType::Activation:
        return QStringLiteral("fx");
    case LayerType::Leaky:
        return QStringLiteral("LIF");
    case LayerType::Synaptic:
        return QStringLiteral("Syn");
    }
    return QString();
}

QColor LayerStyle::accent(Kind kind)
{
    switch (kind) {
    case Kind::Input:
        return QColor(0x2e, 0x8b, 0x57);
    case Kind::Quantized:
        return QColor(0x2f, 0x6f, 0xd1);
    case Kind::Float:
        return QColor(0x6b, 0x70, 0x7a);
    case Kind::Spiking:
        return QColor(0x8e, 0x44, 0xad); // purple: neither a quantized nor a float weight layer
    case Kind::Light:
        break;
    }
    return QColor(0xa4, 0xa9, 0xb2);
}

QColor LayerStyle::fill(Kind kind, const QPalette &palette)
{
    const qreal amount = kind == Kind::Light ? 0.07 : 0.14;
    return mix(palette.color(QPalette::Base), accent(kind), amount);
}

QColor LayerStyle::errorColor() { return QColor(0xd3, 0x2f, 0x2f); }

QColor LayerStyle::noiseColor() { return QColor(0xe0, 0x7b, 0x00); }

QColor LayerStyle::mix(const QColor &a, const QColor &b, qreal t)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    return QColor::fromRgbF(float(x.redF() + (y.redF() - x.redF()) * t),
        float(x.greenF() + (y.greenF() - x.greenF()) * t), float(x.blueF() + (y.blueF() - x.blueF()) * t));
}

QIcon LayerStyle::icon(const LayerSpec &layer, const QPalette &palette)
{
    const int size = 32;
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const Kind k = kind(layer);
    const QRectF box(1.5, 1.5, size - 3, size - 3);
    p.setPen(QPen(accent(k), 1.5));
    p.setBrush(mix(palette.color(QPalette::Base), accent(k), k == Kind::Light ? 0.18 : 0.3));
    p.drawRoundedRect(box, 6, 6);
    QFont font = p.font();
    font.setBold(true);
    font.setPixelSize(glyph(layer).size() > 2 ? 10 : glyph(layer).size() > 1 ? 12 : 15);
    p.setFont(font);
    p.setPen(mix(palette.color(QPalette::Text), accent(k), 0.5));
    p.drawText(box, Qt::AlignCenter, glyph(layer));
    return QIcon(pixmap);
}

} // namespace qb
