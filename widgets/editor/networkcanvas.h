#pragma once

#include "layerblock.h"

#include <QVector>
#include <QWidget>

class QMenu;
class QScrollArea;

namespace qb {

class NetworkDocument;

/// The network editor's pipeline view, in the manner of Sony Neural Network Console: an "Input"
/// block at the top, then one card per layer, top to bottom, joined by arrows. A card shows the
/// Larq-style type (QuantConv2D when quantized), the name, the key parameters, the output shape and
/// badges for quantizers, weight clip and nonidealities; an invalid layer gets a red border and its
/// validation messages in red beneath it.
///
/// The canvas is a plain custom-painted QWidget whose minimum size is its content size, so the
/// caller puts it in a QScrollArea with widgetResizable(true); the blocks are centred horizontally
/// when the area is wider. All edits go through the NetworkDocument (undoable); the canvas repaints
/// on the document's signals and keeps the selection on the same layer when others move.
///
/// Interaction: click selects (the Input block or empty space selects nothing: -1, network level);
/// Up/Down move the selection, Alt+Up/Alt+Down reorder, Delete removes, Ctrl+D duplicates,
/// Enter/double-click emit layerActivated(); right-click opens a context menu; palette drags
/// ("application/x-quantbench-layer") insert at the drop line, dragged blocks reorder
/// ("application/x-quantbench-layer-index"; hold Ctrl to drop a copy instead).
class NetworkCanvas : public QWidget
{
    Q_OBJECT
public:
    /// blockAt() where there is no block.
    static constexpr int kNoBlock = -2;

    explicit NetworkCanvas(NetworkDocument *document, QWidget *parent = nullptr);
    ~NetworkCanvas() override;

    NetworkDocument *document() const { return m_document; }

    /// The selected layer, or -1 for none / the input block (network-level settings).
    int currentLayer() const { return m_current; }

    /// The card of `layer` in widget coordinates (-1: the input block); null when out of range.
    QRect blockRect(int layer) const;
    /// Where the validation text of `layer` is drawn (below its card); null when it is valid.
    QRect messageRect(int layer) const;
    /// The layer whose card contains `pos`: an index, -1 for the input block, kNoBlock for none.
    int blockAt(const QPoint &pos) const;
    /// Where a layer dropped at `pos` would be inserted: 0..layerCount().
    int insertionIndexAt(const QPoint &pos) const;
    /// The content of a card as drawn (-1: the input block).
    LayerBlock block(int layer) const;
    /// The red validation text drawn under a card; empty when the layer is valid.
    QString blockMessage(int layer) const;
    /// The insertion index the drop line is shown at while a drag hovers, else -1.
    int dropIndicatorIndex() const { return m_dropIndex; }

    /// The context menu for the current layer (Duplicate, Delete, Move up, Move down, Insert);
    /// exposed so that tests and the main window's Edit menu can reuse its actions.
    QMenu *createContextMenu(QWidget *parent);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    void setCurrentLayer(int index);
    /// Inserts `layer` at `index` (clamped) under a unique name when its own is empty or taken,
    /// and selects it.
    void insertLayerAt(int index, const qb::LayerSpec &layer);
    /// Inserts a palette template at `index` as insertLayerAt() does, except that a binary template
    /// that becomes the first layer keeps a float input (LayerPalette::forPosition); hintShown()
    /// then says why. Palette drops and insertAfterCurrent() go through here.
    void insertTemplateAt(int index, const qb::LayerSpec &templ);
    /// Inserts a palette template after the current layer (at the end when none is selected).
    void insertAfterCurrent(const qb::LayerSpec &templ);
    void removeCurrent();
    void duplicateCurrent();
    void moveCurrentUp();
    void moveCurrentDown();

Q_SIGNALS:
    void currentLayerChanged(int index);
    /// A block was double-clicked or Enter pressed on it (-1: the input block).
    void layerActivated(int index);
    /// Something the user should know about an edit just made (for the status bar).
    void hintShown(const QString &text);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    /// One card: slot 0 is the input block, slot i + 1 is layer i.
    struct Slot
    {
        QRect block;
        QRect message;
        LayerBlock content;
        int bottom() const { return message.isNull() ? block.bottom() : message.bottom(); }
    };

    void rebuild();
    void onLayerInserted(int index);
    void onLayerRemoved(int index);
    void onLayerMoved(int from, int to);
    void onNetworkReset();
    void shiftCurrent(int index);

    int layerCount() const { return int(m_slots.size()) - 1; }
    int blockWidth() const;
    int dropLineY(int index) const;
    /// The layer index a drag within this canvas carries, or -1 (from elsewhere, or no index).
    int draggedIndex(const QDropEvent *event) const;
    bool updateDrag(QDragMoveEvent *event);
    void startBlockDrag(int layer);
    QScrollArea *enclosingScrollArea() const;
    void ensureVisible(const QRect &rect);

    NetworkDocument *m_document;
    QVector<Slot> m_slots;
    QRect m_placeholder; ///< the "drop layers here" box of an empty network
    QSize m_contentSize;
    int m_current = -1;
    int m_hover = kNoBlock;
    int m_dropIndex = -1;
    int m_pressedLayer = kNoBlock;
    QPoint m_pressPos;
};

} // namespace qb
