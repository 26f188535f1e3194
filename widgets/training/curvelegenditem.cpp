#include "training/curvelegenditem.h"

namespace qb {

CurveLegendItem::CurveLegendItem(QCPLegend *legend, QCPAbstractPlottable *plottable, const QString &text)
    : QCPPlottableLegendItem(legend, plottable)
    , m_text(text)
{
}

void CurveLegendItem::setText(const QString &text) { m_text = text; }

void CurveLegendItem::draw(QCPPainter *painter)
{
    if (!mPlottable)
        return;
    const QSize iconSize = mParentLegend->iconSize();
    const QRect iconRect(mRect.topLeft(), iconSize);
    painter->setFont(getFont());
    painter->setPen(QPen(getTextColor()));
    const int textX = mRect.x() + iconSize.width() + mParentLegend->iconTextPadding();
    const int height = std::max(painter->fontMetrics().height(), iconSize.height());
    painter->drawText(QRect(textX, mRect.y(), std::max(0, mRect.right() - textX + 1), height),
        Qt::AlignLeft | Qt::AlignVCenter, m_text);
    painter->save();
    painter->setClipRect(iconRect, Qt::IntersectClip);
    mPlottable->drawLegendIcon(painter, iconRect);
    painter->restore();
}

QSize CurveLegendItem::minimumOuterSizeHint() const
{
    if (!mPlottable)
        return {};
    const QFontMetrics metrics(getFont());
    const QSize iconSize = mParentLegend->iconSize();
    QSize size(iconSize.width() + mParentLegend->iconTextPadding() + metrics.horizontalAdvance(m_text),
        std::max(metrics.height(), iconSize.height()));
    size.rwidth() += mMargins.left() + mMargins.right();
    size.rheight() += mMargins.top() + mMargins.bottom();
    return size;
}

} // namespace qb
