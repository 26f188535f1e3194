#include "training/curvereadout.h"

#include "common/qcp.h"

namespace qb {

CurveReadout::CurveReadout(QCustomPlot *plot, const QList<QCPAxisRect *> &rects)
    : m_plot(plot)
    , m_rects(rects)
{
    const QString layer = QStringLiteral("legend"); // above the graphs and the grid
    for (QCPAxisRect *rect : rects) {
        auto *line = new QCPItemStraightLine(plot);
        line->setLayer(layer);
        line->setClipAxisRect(rect);
        line->setPen(QPen(QColor(90, 90, 90), 1.0, Qt::DashLine));
        for (QCPItemPosition *p : {line->point1, line->point2}) {
            p->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            p->setType(QCPItemPosition::ptPlotCoords);
        }
        line->setSelectable(false);
        line->setVisible(false);
        m_lines << line;
    }
    m_label = new QCPItemText(plot);
    m_label->setLayer(layer);
    m_label->setSelectable(false);
    m_label->setClipToAxisRect(false);
    m_label->setTextAlignment(Qt::AlignLeft);
    m_label->setPadding(QMargins(6, 4, 6, 4));
    m_label->setBrush(QColor(255, 255, 255, 235));
    m_label->setPen(QPen(QColor(160, 160, 160)));
    m_label->position->setType(QCPItemPosition::ptAbsolute);
    m_label->setVisible(false);
}

void CurveReadout::show(double key, const QString &text)
{
    m_key = key;
    for (QCPItemStraightLine *line : std::as_const(m_lines)) {
        line->point1->setCoords(key, 0.0);
        line->point2->setCoords(key, 1.0);
        line->setVisible(true);
    }
    m_label->setText(text);
    if (!m_rects.isEmpty()) {
        // Beside the line at the top of the first rect, on the side with more room.
        const QRect area = m_rects.first()->rect();
        const double x = m_rects.first()->axis(QCPAxis::atBottom)->coordToPixel(key);
        const bool right = x - area.left() < area.right() - x;
        m_label->setPositionAlignment(Qt::AlignTop | (right ? Qt::AlignLeft : Qt::AlignRight));
        m_label->position->setCoords(right ? x + 6 : x - 6, area.top() + 4);
    }
    m_label->setVisible(true);
}

void CurveReadout::hide()
{
    for (QCPItemStraightLine *line : std::as_const(m_lines))
        line->setVisible(false);
    m_label->setVisible(false);
}

bool CurveReadout::isShown() const { return m_label->visible(); }

QString CurveReadout::text() const { return m_label->text(); }

} // namespace qb
