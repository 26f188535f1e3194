#include "document/editlayercommand.h"

#include "document/commandids.h"
#include "document/networkdocument.h"

#include <QCoreApplication>

namespace qb {

EditLayerCommand::EditLayerCommand(
    NetworkDocument *document, int index, const LayerSpec &after, const QString &field)
    : m_document(document)
    , m_index(index)
    , m_before(document->layer(index))
    , m_after(after)
    , m_field(field)
{
    setText(field.isEmpty()
            ? QCoreApplication::translate("qb::NetworkDocument", "Edit %1").arg(document->layerLabel(index))
            : QCoreApplication::translate("qb::NetworkDocument", "Edit %1 of %2")
                  .arg(field, document->layerLabel(index)));
}

void EditLayerCommand::redo() { m_document->applyLayer(m_index, m_after); }

void EditLayerCommand::undo() { m_document->applyLayer(m_index, m_before); }

int EditLayerCommand::id() const
{
    // An edit without a field (several fields at once) never merges.
    return m_field.isEmpty() ? -1 : kEditLayerCommandId;
}

bool EditLayerCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const EditLayerCommand *>(other);
    if (next->m_index != m_index || next->m_field != m_field)
        return false;
    m_after = next->m_after;
    setObsolete(m_after == m_before);
    return true;
}

} // namespace qb
