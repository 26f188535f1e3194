#pragma once

#include "spec/layerspec.h"

#include <QWidget>

class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QMimeData;

namespace qb {

class LayerPaletteList;

/// The list of layer kinds to drag onto the network canvas (or double-click to insert after the
/// selected layer, or at the end when none is selected). Each entry is a template LayerSpec without a name; the canvas names new layers.
/// A filter field above the list narrows it by name.
class LayerPalette : public QWidget
{
    Q_OBJECT
public:
    /// The templates, in list order.
    enum Template {
        Conv2DTemplate,
        QuantConv2DBinaryTemplate,
        DenseTemplate,
        QuantDenseBinaryTemplate,
        BatchNormTemplate,
        MaxPoolTemplate,
        AvgPoolTemplate,
        FlattenTemplate,
        DropoutTemplate,
        ActivationTemplate,
        LeakyTemplate,
        SynapticTemplate,
        TemplateCount
    };

    explicit LayerPalette(QWidget *parent = nullptr);

    static int templateCount() { return TemplateCount; }
    /// The layer a row inserts (row = Template); a Dense layer for an out-of-range row.
    static LayerSpec templateFor(int row);
    /// "Conv2D", "QuantConv2D (binary)", ...
    static QString templateTitle(int row);
    /// A sentence or two for the tooltip.
    static QString templateDescription(int row);
    /// A template as it goes to position `index` of a network: a binary template placed first
    /// (index 0) loses its input quantizer and keeps a float input, as in Larq's tutorial, where
    /// the first layer sees the image in full precision (binarizing the raw pixels throws most of
    /// the picture away). Everything else is returned as it is.
    static LayerSpec forPosition(const LayerSpec &templ, int index);
    /// Why a binary template placed first keeps a float input (tooltip and status bar).
    static QString firstLayerHint();
    /// Drag data for a row: the template as compact JSON under LayerMime::layerType().
    static QMimeData *createMimeData(int row);

    QListWidget *listWidget() const;
    QLineEdit *filterEdit() const { return m_filter; }

Q_SIGNALS:
    /// A template was double-clicked or activated with Enter: insert it after the selection
    /// (at the end when nothing is selected).
    void layerActivated(const qb::LayerSpec &templ);

protected:
    void changeEvent(QEvent *event) override;

private:
    void populate();
    void applyFilter(const QString &text);

    QLineEdit *m_filter;
    LayerPaletteList *m_list;
};

} // namespace qb
