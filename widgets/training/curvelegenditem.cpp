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
    // The icon as QCPGraph draws it (its drawLegendIcon() is not accessible here): the line through
    // the middle, the marker in the centre.
    const auto *graph = qobject_cast<const QCPGraph *>(mPlottable);
    if (!graph)
        return;
    painter->save();
    painter->setClipRect(iconRect, Qt::IntersectClip);
    painter->setAntialiasing(true);
    const double middle = iconRect.top() + iconRect.height() / 2.0;
    if (graph->lineStyle() != QCPGraph::lsNone) {
        painter->setPen(graph->pen());
        painter->drawLine(QLineF(iconRect.left(), middle, iconRect.right() + 1, middle));
    }
    if (!graph->scatterStyle().isNone()) {
        QCPScatterStyle scatter = graph->scatterStyle();
        if (scatter.size() > iconRect.height())
            scatter.setSize(iconRect.height());
        scatter.applyTo(painter, graph->pen());
        scatter.drawShape(painter, QRectF(iconRect).center());
    }
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
