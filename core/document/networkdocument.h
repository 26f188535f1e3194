#pragma once

#include "spec/networkspec.h"
#include "spec/networkvalidator.h"
#include "util/result.h"

#include <QObject>
#include <QString>

class QUndoStack;

namespace qb {

/// The network being edited: a NetworkSpec, the file it came from, its undo history and its
/// validation report (recomputed after every change, so views show shapes and problems live).
///
/// Every edit goes through one of the edit functions below, each of which pushes one QUndoCommand
/// (one class per edit kind, see *command.h). The commands call the apply*() functions, which change
/// the spec and emit the fine-grained signal plus networkChanged(). Lives in the GUI thread.
class NetworkDocument : public QObject
{
    Q_OBJECT
public:
    explicit NetworkDocument(QObject *parent = nullptr);
    ~NetworkDocument() override;

    const NetworkSpec &network() const { return m_network; }
    int layerCount() const { return int(m_network.layers.size()); }
    const LayerSpec &layer(int index) const { return m_network.layers.at(index); }
    const ValidationReport &validation() const { return m_validation; }
    /// Problems of one layer (empty when it is valid); layer -1: the network's own problems.
    QList<ValidationIssue> issuesOf(int layer) const;
    QUndoStack *undoStack() const { return m_undoStack; }

    QString filePath() const { return m_filePath; }
    /// A name for titles: the file's base name, else the network's name, else "untitled".
    QString displayName() const;
    /// True when there are edits since the last load or save (the undo stack is not clean).
    bool isModified() const;

    /// Replaces the whole network without undo (new, open, preset): clears the undo history.
    void reset(const NetworkSpec &network, const QString &filePath = QString());
    /// Opens a network file; on failure the document is unchanged and the error names the file.
    Status load(const QString &path);
    /// Saves to `path` (and remembers it as the document's file); marks the document clean.
    Status saveAs(const QString &path);

    // Undoable edits: each pushes exactly one command.
    void insertLayer(int index, const LayerSpec &layer);
    void removeLayer(int index);
    void moveLayer(int from, int to);
    void duplicateLayer(int index);
    /// Replaces layer `index` with `layer`. Consecutive edits of the same layer and `field` merge
    /// into one undo step (a slider drag); an edit that returns to the original value drops out.
    /// `description` names the step in the undo history (default: "Edit <field> of <layer>").
    void editLayer(int index, const LayerSpec &layer, const QString &field = QString(),
        const QString &description = QString());
    /// Replaces the whole network in one undo step (batch apply, input shape, name).
    void editNetwork(const NetworkSpec &network, const QString &description);

    // Used by the undo commands only.
    void applyInsert(int index, const LayerSpec &layer);
    void applyRemove(int index);
    void applyMove(int from, int to);
    void applyLayer(int index, const LayerSpec &layer);
    void applyNetwork(const NetworkSpec &network);

    /// The layer's name, or for an unnamed layer its type and position ("dense 4").
    QString layerLabel(int index) const;
    /// A name for a new layer of `type` that no layer has yet ("dense_2").
    QString uniqueLayerName(LayerType type) const;

Q_SIGNALS:
    void layerInserted(int index);
    void layerRemoved(int index);
    void layerMoved(int from, int to);
    void layerChanged(int index);
    /// The whole network was replaced (reset, load, editNetwork).
    void networkReset();
    /// After any change of the spec, once the validation report is up to date.
    void networkChanged();
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    void revalidate();

    NetworkSpec m_network;
    ValidationReport m_validation;
    QString m_filePath;
    QUndoStack *m_undoStack;
};

} // namespace qb
