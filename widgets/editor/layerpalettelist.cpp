#include "layerpalettelist.h"

#include "layermime.h"
#include "layerpalette.h"

namespace qb {

LayerPaletteList::LayerPaletteList(QWidget *parent)
    : QListWidget(parent)
{
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(true);
    setIconSize(QSize(24, 24));
    setSpacing(1);
}

QStringList LayerPaletteList::mimeTypes() const { return {LayerMime::layerType()}; }

QMimeData *LayerPaletteList::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    return LayerPalette::createMimeData(items.first()->data(Qt::UserRole).toInt());
}

Qt::DropActions LayerPaletteList::supportedDropActions() const { return Qt::CopyAction; }

} // namespace qb
