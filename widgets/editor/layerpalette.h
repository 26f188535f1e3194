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
/// selected layer). Each entry is a template LayerSpec without a name; the canvas names new layers.
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
    /// Drag data for a row: the template as compact JSON under LayerMime::layerType().
    static QMimeData *createMimeData(int row);

    QListWidget *listWidget() const;
    QLineEdit *filterEdit() const { return m_filter; }

Q_SIGNALS:
    /// A template was double-clicked or activated with Enter: insert it after the selection.
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
