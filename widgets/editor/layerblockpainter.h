#pragma once

#include "layerblock.h"

#include <QFont>
#include <QFontMetrics>
#include <QPalette>
#include <QRect>

class QPainter;

namespace qb {

/// Measures and paints the pieces of the network canvas: layer blocks (rounded cards with a colour
/// stripe, type, name, parameters, output shape and badges), the red validation text under an
/// invalid block, the arrows between blocks, the drop indicator and the empty-network placeholder.
/// Holds no state besides fonts and palette; the canvas makes one per paint/layout pass.
class LayerBlockPainter
{
public:
    enum StateFlag { Normal = 0x0, Selected = 0x1, Hovered = 0x2, Focused = 0x4 };

    LayerBlockPainter(const QFont &font, const QPalette &palette);

    /// Height of a block of `width` pixels showing `block` (the badges wrap).
    int blockHeight(const LayerBlock &block, int width) const;
    /// Height of the word-wrapped message text under a block; 0 for no message.
    int messageHeight(const QString &message, int width) const;

    void paintBlock(QPainter *p, const QRect &rect, const LayerBlock &block, int state) const;
    void paintMessage(QPainter *p, const QRect &rect, const QString &message) const;
    /// The layer number left of a block.
    void paintNumber(QPainter *p, const QRect &rect, int number) const;
    /// A vertical connector from `from` down to `to` with an arrow head at `to`.
    void paintArrow(QPainter *p, const QPoint &from, const QPoint &to) const;
    /// The insertion line shown while dragging, across `left`..`right` at height `y`.
    void paintDropIndicator(QPainter *p, int left, int right, int y) const;
    void paintPlaceholder(QPainter *p, const QRect &rect, const QString &text) const;

private:
    struct Geometry
    {
        QRect title;
        QRect shape;
        QRect details;
        QList<QRect> badges;
        int height = 0;
    };
    Geometry layout(const LayerBlock &block, const QRect &rect) const;
    void paintBadge(QPainter *p, const QRect &rect, const LayerBlock::Badge &badge) const;
    QColor secondaryText() const;

    QFont m_font;
    QFont m_boldFont;
    QFont m_smallFont;
    QFontMetrics m_fm;
    QFontMetrics m_boldFm;
    QFontMetrics m_smallFm;
    QPalette m_palette;
};

} // namespace qb
