#pragma once

#include "spec/layerspec.h"

#include <QUndoCommand>

namespace qb {

class NetworkDocument;

/// Inserts a layer (also used for duplicate); undo removes it again.
class InsertLayerCommand : public QUndoCommand
{
public:
    InsertLayerCommand(NetworkDocument *document, int index, const LayerSpec &layer, const QString &text);
    void redo() override;
    void undo() override;

private:
    NetworkDocument *m_document;
    int m_index;
    LayerSpec m_layer;
};

} // namespace qb
