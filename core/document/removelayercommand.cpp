#include "document/removelayercommand.h"

#include "document/networkdocument.h"

#include <QCoreApplication>

namespace qb {

RemoveLayerCommand::RemoveLayerCommand(NetworkDocument *document, int index)
    : m_document(document)
    , m_index(index)
    , m_layer(document->layer(index))
{
    setText(QCoreApplication::translate("qb::NetworkDocument", "Delete %1").arg(document->layerLabel(index)));
}

void RemoveLayerCommand::redo() { m_document->applyRemove(m_index); }

void RemoveLayerCommand::undo() { m_document->applyInsert(m_index, m_layer); }

} // namespace qb
