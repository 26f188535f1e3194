#pragma once

#include <QListWidget>

namespace qb {

/// The list inside LayerPalette: drags carry the row's template layer ("application/x-quantbench-layer").
class LayerPaletteList : public QListWidget
{
    Q_OBJECT
public:
    explicit LayerPaletteList(QWidget *parent = nullptr);

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    Qt::DropActions supportedDropActions() const override;
};

} // namespace qb
