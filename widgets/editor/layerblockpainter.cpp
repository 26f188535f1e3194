#include "layerblockpainter.h"

#include <QPainter>
#include <QPainterPath>

namespace qb {

namespace {

constexpr int kStripe = 5; // the colour stripe on the left edge
constexpr int kPadX = 10;
constexpr int kPadY = 7;
constexpr int kRowGap = 3;
constexpr int kBadgeGap = 4;
constexpr int kBadgePadX = 6;
constexpr qreal kRadius = 7.0;

} // namespace

LayerBlockPainter::LayerBlockPainter(const QFont &font, const QPalette &palette)
    : m_font(font)
    , m_boldFont(font)
    , m_smallFont(font)
    , m_fm(font)
    , m_boldFm(font)
    , m_smallFm(font)
    , m_palette(palette)
{
    m_boldFont.setBold(true);
    if (font.pointSizeF() > 0)
        m_smallFont.setPointSizeF(font.pointSizeF() * 0.88);
    else
        m_smallFont.setPixelSize(qMax(9, font.pixelSize() * 88 / 100));
    m_boldFm = QFontMetrics(m_boldFont);
    m_smallFm = QFontMetrics(m_smallFont);
}

QColor LayerBlockPainter::secondaryText() const
{
    return LayerStyle::mix(m_palette.color(QPalette::Text), m_palette.color(QPalette::Base), 0.42);
}

LayerBlockPainter::Geometry LayerBlockPainter::layout(const LayerBlock &block, const QRect &rect) const
{
    Geometry g;
    const int left = rect.left() + kStripe + kPadX;
    const int right = rect.right() - kPadX;
    int y = rect.top() + kPadY;

    const int titleHeight = qMax(m_boldFm.height(), m_smallFm.height());
    const int shapeWidth = m_smallFm.horizontalAdvance(block.shape) + 2;
    g.shape = QRect(right - shapeWidth + 1, y, shapeWidth, titleHeight);
    g.title = QRect(left, y, qMax(0, g.shape.left() - 8 - left), titleHeight);
    y += titleHeight;

    if (!block.name.isEmpty() || !block.details.isEmpty()) {
        y += kRowGap;
        g.details = QRect(left, y, right - left + 1, m_fm.height());
        y += m_fm.height();
    }

    if (!block.badges.isEmpty()) {
        y += kRowGap + 2;
        const int badgeHeight = m_smallFm.height() + 4;
        int x = left;
        for (const LayerBlock::Badge &badge : block.badges) {
            const int w = qMin(m_smallFm.horizontalAdvance(badge.text) + 2 * kBadgePadX, right - left + 1);
            if (x > left && x + w > right + 1) { // wrap to the next row
                x = left;
                y += badgeHeight + kBadgeGap;
            }
            g.badges.append(QRect(x, y, w, badgeHeight));
            x += w + kBadgeGap;
        }
        y += badgeHeight;
    }
    g.height = y + kPadY - rect.top();
    return g;
}

int LayerBlockPainter::blockHeight(const LayerBlock &block, int width) const
{
    return layout(block, QRect(0, 0, width, 0)).height;
}

int LayerBlockPainter::messageHeight(const QString &message, int width) const
{
    if (message.isEmpty())
        return 0;
    const QRect bounds = m_fm.boundingRect(QRect(0, 0, width - 12, 100000), Qt::TextWordWrap, message);
    return bounds.height() + 8;
}

void LayerBlockPainter::paintBlock(QPainter *p, const QRect &rect, const LayerBlock &block, int state) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QColor accent = LayerStyle::accent(block.kind);
    const QColor base = m_palette.color(QPalette::Base);
    const QColor text = m_palette.color(QPalette::Text);
    const QRectF box = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5);

    // Selection halo, then a soft drop shadow.
    if (state & Selected) {
        QColor halo = m_palette.color(QPalette::Highlight);
        halo.setAlpha(70);
        p->setPen(Qt::NoPen);
        p->setBrush(halo);
        p->drawRoundedRect(box.adjusted(-4, -4, 4, 4), kRadius + 3, kRadius + 3);
    }
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(0, 0, 0, 28));
    p->drawRoundedRect(box.translated(0, 1.5), kRadius, kRadius);

    // Card with the kind's colour stripe on the left.
    QPainterPath card;
    card.addRoundedRect(box, kRadius, kRadius);
    QColor fill = LayerStyle::fill(block.kind, m_palette);
    if (state & Hovered)
        fill = LayerStyle::mix(fill, accent, 0.08);
    p->fillPath(card, fill);
    p->save();
    p->setClipPath(card);
    p->fillRect(QRectF(box.left(), box.top(), kStripe, box.height()), accent);
    p->restore();

    QPen border(LayerStyle::mix(base, accent, block.kind == LayerStyle::Kind::Light ? 0.45 : 0.7), 1.0);
    if (block.isInvalid())
        border = QPen(LayerStyle::errorColor(), 2.0);
    else if (state & Selected)
        border = QPen(m_palette.color(QPalette::Highlight), 2.0);
    // Inset the outline by half its width so that it lies inside the card's pixels.
    const qreal inset = border.widthF() / 2 - 0.5;
    p->setPen(border);
    p->setBrush(Qt::NoBrush);
    p->drawRoundedRect(box.adjusted(inset, inset, -inset, -inset), kRadius - inset, kRadius - inset);

    const Geometry g = layout(block, rect);

    p->setFont(m_boldFont);
    p->setPen(block.kind == LayerStyle::Kind::Quantized ? LayerStyle::mix(text, accent, 0.55) : text);
    p->drawText(g.title, Qt::AlignLeft | Qt::AlignVCenter,
        m_boldFm.elidedText(block.type, Qt::ElideRight, g.title.width()));

    p->setFont(m_smallFont);
    p->setPen(block.shape == QLatin1String("?") ? LayerStyle::errorColor() : secondaryText());
    p->drawText(g.shape, Qt::AlignRight | Qt::AlignVCenter, block.shape);

    if (!g.details.isNull()) {
        p->setFont(m_font);
        int x = g.details.left();
        if (!block.name.isEmpty()) {
            const QString name = m_fm.elidedText(block.name, Qt::ElideMiddle, g.details.width() / 2);
            p->setPen(text);
            p->drawText(QRect(x, g.details.top(), g.details.width(), g.details.height()),
                Qt::AlignLeft | Qt::AlignVCenter, name);
            x += m_fm.horizontalAdvance(name) + m_fm.horizontalAdvance(QLatin1Char(' ')) * 2;
        }
        const QRect rest(x, g.details.top(), g.details.right() - x + 1, g.details.height());
        p->setPen(secondaryText());
        p->drawText(rest, Qt::AlignLeft | Qt::AlignVCenter,
            m_fm.elidedText(block.details, Qt::ElideRight, rest.width()));
    }

    for (int i = 0; i < g.badges.size(); ++i)
        paintBadge(p, g.badges[i], block.badges[i]);
    p->restore();
}

void LayerBlockPainter::paintBadge(QPainter *p, const QRect &rect, const LayerBlock::Badge &badge) const
{
    QColor color = LayerStyle::accent(LayerStyle::Kind::Quantized);
    if (badge.kind == LayerBlock::Badge::Kind::Noise)
        color = LayerStyle::noiseColor();
    else if (badge.kind == LayerBlock::Badge::Kind::Clip)
        color = LayerStyle::accent(LayerStyle::Kind::Float);
    const QColor base = m_palette.color(QPalette::Base);
    const QRectF box = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5);
    p->setPen(QPen(LayerStyle::mix(base, color, 0.55), 1.0));
    p->setBrush(LayerStyle::mix(base, color, 0.16));
    p->drawRoundedRect(box, box.height() / 2, box.height() / 2);
    p->setFont(m_smallFont);
    p->setPen(LayerStyle::mix(m_palette.color(QPalette::Text), color, 0.6));
    p->drawText(rect, Qt::AlignCenter,
        m_smallFm.elidedText(badge.text, Qt::ElideRight, rect.width() - 2 * kBadgePadX + 2));
}

void LayerBlockPainter::paintMessage(QPainter *p, const QRect &rect, const QString &message) const
{
    if (message.isEmpty())
        return;
    p->save();
    p->fillRect(QRect(rect.left() + 2, rect.top() + 4, 2, rect.height() - 6), LayerStyle::errorColor());
    p->setFont(m_font);
    p->setPen(LayerStyle::errorColor());
    p->drawText(rect.adjusted(10, 4, -2, 0), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, message);
    p->restore();
}

void LayerBlockPainter::paintNumber(QPainter *p, const QRect &rect, int number) const
{
    p->save();
    p->setFont(m_smallFont);
    p->setPen(secondaryText());
    p->drawText(rect, Qt::AlignRight | Qt::AlignTop, QString::number(number));
    p->restore();
}

void LayerBlockPainter::paintArrow(QPainter *p, const QPoint &from, const QPoint &to) const
{
    if (to.y() - from.y() < 6)
        return;
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QColor color
        = LayerStyle::mix(m_palette.color(QPalette::Text), m_palette.color(QPalette::Base), 0.55);
    p->setPen(QPen(color, 1.5));
    p->drawLine(QPointF(from.x() + 0.5, from.y() + 1), QPointF(to.x() + 0.5, to.y() - 5));
    QPainterPath head;
    head.moveTo(to.x() + 0.5, to.y() - 1);
    head.lineTo(to.x() - 4.0, to.y() - 7);
    head.lineTo(to.x() + 5.0, to.y() - 7);
    head.closeSubpath();
    p->fillPath(head, color);
    p->restore();
}

void LayerBlockPainter::paintDropIndicator(QPainter *p, int left, int right, int y) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QColor color = m_palette.color(QPalette::Highlight);
    p->setPen(QPen(color, 3.0, Qt::SolidLine, Qt::RoundCap));
    p->drawLine(QPointF(left + 6, y), QPointF(right - 6, y));
    p->setPen(QPen(color, 2.0));
    p->setBrush(m_palette.color(QPalette::Base));
    p->drawEllipse(QPointF(left + 4, y), 4, 4);
    p->drawEllipse(QPointF(right - 4, y), 4, 4);
    p->restore();
}

void LayerBlockPainter::paintPlaceholder(QPainter *p, const QRect &rect, const QString &text) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(secondaryText(), 1.2, Qt::DashLine));
    p->setBrush(Qt::NoBrush);
    p->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);
    p->setFont(m_font);
    p->drawText(rect.adjusted(8, 4, -8, -4), Qt::AlignCenter | Qt::TextWordWrap, text);
    p->restore();
}

} // namespace qb
