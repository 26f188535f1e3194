#include "document/movelayercommand.h"

#include "document/networkdocument.h"

#include <QCoreApplication>

namespace qb {

MoveLayerCommand::MoveLayerCommand(NetworkDocument *document, int from, int to)
    : m_document(document)
    , m_from(from)
    , m_to(to)
{
    setText(QCoreApplication::translate("qb::NetworkDocument", "Move %1").arg(document->layerLabel(from)));
}

void MoveLayerCommand::redo() { m_document->applyMove(m_from, m_to); }

void MoveLayerCommand::undo() { m_document->applyMove(m_to, m_from); }

} // namespace qb
