#pragma once

#include "spec/networkspec.h"

#include <QUndoCommand>

namespace qb {

class NetworkDocument;

/// Replaces the whole network in one step (batch apply to many layers, input shape, name).
class EditNetworkCommand : public QUndoCommand
{
public:
    EditNetworkCommand(NetworkDocument *document, const NetworkSpec &after, const QString &text);
    void redo() override;
    void undo() override;

private:
    NetworkDocument *m_document;
    NetworkSpec m_before;
    NetworkSpec m_after;
};

} // namespace qb
