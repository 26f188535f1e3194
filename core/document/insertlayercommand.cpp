#include "document/insertlayercommand.h"

#include "document/networkdocument.h"

namespace qb {

InsertLayerCommand::InsertLayerCommand(
    NetworkDocument *document, int index, const LayerSpec &layer, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_index(index)
    , m_layer(layer)
{
}

void InsertLayerCommand::redo() { m_document->applyInsert(m_index, m_layer); }

void InsertLayerCommand::undo() { m_document->applyRemove(m_index); }

} // namespace qb
