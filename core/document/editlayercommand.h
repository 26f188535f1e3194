#pragma once

#include "spec/layerspec.h"

#include <QUndoCommand>

namespace qb {

class NetworkDocument;

/// Replaces one layer's settings. Successive edits of the same layer and field merge (one undo
/// step for a slider drag or typing); when a merge returns the layer to its original value the
/// command becomes obsolete and drops out of the history.
class EditLayerCommand : public QUndoCommand
{
public:
    EditLayerCommand(NetworkDocument *document, int index, const LayerSpec &after, const QString &field);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    NetworkDocument *m_document;
    int m_index;
    LayerSpec m_before;
    LayerSpec m_after;
    QString m_field;
};

} // namespace qb
