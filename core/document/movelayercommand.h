#pragma once

#include <QUndoCommand>

namespace qb {

class NetworkDocument;

/// Moves a layer from one position to another (the index it ends up at); undo moves it back.
class MoveLayerCommand : public QUndoCommand
{
public:
    MoveLayerCommand(NetworkDocument *document, int from, int to);
    void redo() override;
    void undo() override;

private:
    NetworkDocument *m_document;
    int m_from;
    int m_to;
};

} // namespace qb
