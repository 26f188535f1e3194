#pragma once

#include "spec/layerspec.h"
#include "spec/networkvalidator.h"
#include "spec/tensorshape.h"

#include <QList>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace qb {

/// The settings of one layer that do not concern quantization: name, sizes, stride, padding,
/// bias, weight clip, batch-norm and pooling parameters, dropout rate, activation function.
/// All controls exist once; setLayer() shows the rows meaningful for the layer's type and fills
/// in the values, so switching layers never rebuilds widgets and the focused control keeps focus.
///
/// Every control reports its edits with a stable undo field (its JSON key, or "kernel_height",
/// "stride_width", "pool_stride_height", ... for the halves of a pair), so consecutive changes of
/// one control merge into one undo step. Each control's objectName is that field in camel case
/// ("units", "kernelHeight", "poolStrideWidth", "kernelClipEnabled", ...).
class LayerPropertiesForm : public QWidget
{
    Q_OBJECT
public:
    explicit LayerPropertiesForm(QWidget *parent = nullptr);

    /// Shows `layer` without emitting layerEdited(). `automaticName` is the name the summary uses
    /// when the layer has none ("dense_1"), shown as the name field's placeholder.
    void setLayer(const LayerSpec &layer, const QString &automaticName);
    const LayerSpec &layer() const { return m_layer; }
    /// The shapes flowing into and out of the layer (invalid ones are shown as "?").
    void setShapes(const TensorShape &input, const TensorShape &output);
    /// Highlights the controls named by the issues' fields; controls not named are cleared.
    void setIssues(const QList<ValidationIssue> &issues);

Q_SIGNALS:
    void layerEdited(const qb::LayerSpec &layer, const QString &field);

private:
    struct Row
    {
        QWidget *field;
        QList<LayerType> types;
    };

    QSpinBox *intSpin(const QString &objectName, int lo, int hi);
    QDoubleSpinBox *doubleSpin(const QString &objectName, double lo, double hi);
    QWidget *pair(QSpinBox *first, QSpinBox *second);
    void addRow(const QString &label, const QString &toolTip, QWidget *field, const QList<LayerType> &types);
    void buildRows();
    void connectEdits();
    void edit(const QString &field, const std::function<void(LayerSpec &)> &change);
    QList<QWidget *> widgetsFor(const QString &field) const;
    void updateEnabledStates();

    LayerSpec m_layer;
    bool m_updating = false;
    QFormLayout *m_form;
    QList<Row> m_rows;
    QList<QWidget *> m_highlighted;

    QLabel *m_typeDescription;
    QLabel *m_type;
    QLineEdit *m_name;
    QLabel *m_shapes;
    QSpinBox *m_filters;
    QSpinBox *m_units;
    QSpinBox *m_kernelH;
    QSpinBox *m_kernelW;
    QSpinBox *m_strideH;
    QSpinBox *m_strideW;
    QComboBox *m_padding;
    QComboBox *m_poolPadding;
    QSpinBox *m_paddingAmount;
    QCheckBox *m_bias;
    QCheckBox *m_clipEnabled;
    QDoubleSpinBox *m_clip;
    QCheckBox *m_scale;
    QCheckBox *m_center;
    QDoubleSpinBox *m_momentum;
    QDoubleSpinBox *m_epsilon;
    QSpinBox *m_poolH;
    QSpinBox *m_poolW;
    QSpinBox *m_poolStrideH;
    QSpinBox *m_poolStrideW;
    QDoubleSpinBox *m_rate;
    QComboBox *m_function;
    QLabel *m_flattenNote;
};

} // namespace qb
