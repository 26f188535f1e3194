#pragma once

#include "spec/layerspec.h"

#include <QUndoCommand>

namespace qb {

class NetworkDocument;

/// Removes a layer; undo puts the same layer back at the same place.
class RemoveLayerCommand : public QUndoCommand
{
public:
    RemoveLayerCommand(NetworkDocument *document, int index);
    void redo() override;
    void undo() override;

private:
    NetworkDocument *m_document;
    int m_index;
    LayerSpec m_layer;
};

} // namespace qb
