#include "document/editnetworkcommand.h"

#include "document/networkdocument.h"

namespace qb {

EditNetworkCommand::EditNetworkCommand(
    NetworkDocument *document, const NetworkSpec &after, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(document->network())
    , m_after(after)
{
}

void EditNetworkCommand::redo() { m_document->applyNetwork(m_after); }

void EditNetworkCommand::undo() { m_document->applyNetwork(m_before); }

} // namespace qb
