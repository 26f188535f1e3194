// NetworkCanvas, continued: drag and drop (kept apart from painting and selection for size).

#include "document/networkdocument.h"
#include "layermime.h"
#include "networkcanvas.h"

#include <QDrag>
#include <QDragEnterEvent>
#include <QMimeData>
#include <QPainter>
#include <QScrollArea>

namespace qb {

int NetworkCanvas::draggedIndex(const QDropEvent *event) const
{
    // A layer index only means something to the canvas it came from. Events built by hand (tests)
    // have no source and count as our own.
    if (event->source() != nullptr && event->source() != this)
        return -1;
    const int index = LayerMime::decodeIndex(event->mimeData());
    return index < m_document->layerCount() ? index : -1;
}

bool NetworkCanvas::updateDrag(QDragMoveEvent *event)
{
    const QMimeData *mime = event->mimeData();
    const bool ours = draggedIndex(event) >= 0;
    if (!ours && !mime->hasFormat(LayerMime::layerType())) {
        event->ignore();
        return false;
    }
    const QPoint pos = event->position().toPoint();
    const bool copy = !ours || event->proposedAction() == Qt::CopyAction;
    event->setDropAction(copy ? Qt::CopyAction : Qt::MoveAction);
    event->accept();

    int index = insertionIndexAt(pos);
    if (!copy) {
        // Dropping a block next to itself changes nothing: no line there.
        const int from = draggedIndex(event);
        if (index == from || index == from + 1)
            index = -1;
    }
    if (index != m_dropIndex) {
        m_dropIndex = index;
        update();
    }
    // Scroll while dragging near the edge of the visible part.
    if (QScrollArea *area = enclosingScrollArea())
        area->ensureVisible(pos.x(), pos.y(), 0, 40);
    return true;
}

void NetworkCanvas::dragEnterEvent(QDragEnterEvent *event) { updateDrag(event); }

void NetworkCanvas::dragMoveEvent(QDragMoveEvent *event) { updateDrag(event); }

void NetworkCanvas::dragLeaveEvent(QDragLeaveEvent *event)
{
    Q_UNUSED(event);
    if (m_dropIndex != -1) {
        m_dropIndex = -1;
        update();
    }
}

void NetworkCanvas::dropEvent(QDropEvent *event)
{
    const int index = insertionIndexAt(event->position().toPoint());
    m_dropIndex = -1;
    update();

    const int from = draggedIndex(event);
    if (from >= 0 && event->proposedAction() != Qt::CopyAction) {
        const int to = index > from ? index - 1 : index; // the index once `from` is taken out
        if (to != from) {
            m_document->moveLayer(from, to);
            setCurrentLayer(to);
        }
        event->setDropAction(Qt::MoveAction);
        event->accept();
        return;
    }

    const Result<LayerSpec> layer = LayerMime::decodeLayer(event->mimeData());
    if (!layer) {
        event->ignore();
        return;
    }
    // A copy of a block (it carries its index) stays as it was; a palette template is placed.
    if (event->mimeData()->hasFormat(LayerMime::indexType()))
        insertLayerAt(index, layer.value());
    else
        insertTemplateAt(index, layer.value());
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void NetworkCanvas::startBlockDrag(int layer)
{
    const QRect rect = blockRect(layer);
    QMimeData *mime = LayerMime::encodeLayer(m_document->layer(layer));
    LayerMime::setIndex(mime, layer);

    // The card itself, slightly transparent, follows the cursor.
    const QPixmap card = grab(rect);
    QPixmap ghost(card.size());
    ghost.setDevicePixelRatio(card.devicePixelRatio());
    ghost.fill(Qt::transparent);
    {
        QPainter p(&ghost);
        p.setOpacity(0.75);
        p.drawPixmap(0, 0, card);
    }

    auto *drag = new QDrag(this);
    drag->setMimeData(mime);
    drag->setPixmap(ghost);
    drag->setHotSpot(m_pressPos - rect.topLeft());
    drag->exec(Qt::MoveAction | Qt::CopyAction, Qt::MoveAction);
}

} // namespace qb
