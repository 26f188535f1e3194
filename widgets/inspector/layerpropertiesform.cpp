#include "inspector/layerpropertiesform.h"

#include "inspector/compactdoublespinbox.h"
#include "inspector/issuehighlight.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace qb {

namespace {

using T = LayerType;
const QList<LayerType> kWeighted{T::Conv2D, T::Dense};
const QList<LayerType> kPools{T::MaxPool, T::AvgPool};
const QList<LayerType> kAll{T::Conv2D, T::Dense, T::BatchNorm, T::MaxPool, T::AvgPool, T::Flatten, T::Dropout,
    T::Activation, T::Leaky, T::Synaptic};

QString typeDescription(LayerType type)
{
    switch (type) {
    case T::Conv2D:
        return LayerPropertiesForm::tr("2-D convolution: slides 'filters' learned kernels over the feature "
                                       "maps; each output channel is one kernel's response.");
    case T::Dense:
        return LayerPropertiesForm::tr(
            "Fully connected layer: every output is a weighted sum of all inputs.");
    case T::BatchNorm:
        return LayerPropertiesForm::tr("Batch normalization: normalizes each channel with its mean and "
                                       "variance, then scales (gamma) and shifts (beta).");
    case T::MaxPool:
        return LayerPropertiesForm::tr("Max pooling: keeps the largest value of each window.");
    case T::AvgPool:
        return LayerPropertiesForm::tr("Average pooling: keeps the mean of each window.");
    case T::Flatten:
        return LayerPropertiesForm::tr("Flatten: turns C x H x W feature maps into one vector of C*H*W "
                                       "values, as dense layers need.");
    case T::Dropout:
        return LayerPropertiesForm::tr("Dropout: during training, zeroes a random fraction of the values "
                                       "(and scales the rest up); does nothing at evaluation.");
    case T::Activation:
        return LayerPropertiesForm::tr("Activation: applies a function to every value.");
    case T::Leaky:
        return LayerPropertiesForm::tr("Leaky integrate-and-fire neurons: every value is a membrane that "
                                       "decays by beta each time step, adds its input, and emits a spike "
                                       "(1) when it crosses the threshold.");
    case T::Synaptic:
        return LayerPropertiesForm::tr("Synaptic neurons: the input charges a synaptic current that decays "
                                       "by alpha; the current feeds a leaky membrane that spikes at the "
                                       "threshold.");
    }
    return QString();
}

} // namespace

LayerPropertiesForm::LayerPropertiesForm(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout)
    , m_typeDescription(new QLabel(this))
{
    // The description sits above the form: a word-wrapped label inside a form row gets clipped.
    m_typeDescription->setObjectName(QStringLiteral("layerTypeDescription"));
    m_typeDescription->setWordWrap(true);
    m_typeDescription->setEnabled(false); // greyed: an explanation, not a control
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_typeDescription);
    layout->addLayout(m_form);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    buildRows();
    connectEdits();
    setLayer(m_layer, QString());
}

QSpinBox *LayerPropertiesForm::intSpin(const QString &objectName, int lo, int hi)
{
    auto *spin = new QSpinBox(this);
    spin->setObjectName(objectName);
    spin->setRange(lo, hi);
    return spin;
}

QDoubleSpinBox *LayerPropertiesForm::doubleSpin(const QString &objectName, double lo, double hi)
{
    auto *spin = new CompactDoubleSpinBox(this);
    spin->setObjectName(objectName);
    spin->setRange(lo, hi);
    return spin;
}

QWidget *LayerPropertiesForm::pair(QSpinBox *first, QSpinBox *second)
{
    auto *container = new QWidget(this);
    auto *layout = new QHBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    first->setParent(container);
    second->setParent(container);
    layout->addWidget(first, 1);
    layout->addWidget(new QLabel(QStringLiteral("\u00d7"), container)); // ×
    layout->addWidget(second, 1);
    container->setFocusProxy(first);
    return container;
}

void LayerPropertiesForm::addRow(
    const QString &label, const QString &toolTip, QWidget *field, const QList<LayerType> &types)
{
    auto *labelWidget = new QLabel(label, this);
    const QString tip = richToolTip(toolTip);
    labelWidget->setToolTip(tip);
    field->setToolTip(tip);
    // The halves of a pair carry the explanation too, since they get the focus.
    for (QWidget *child : field->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly))
        child->setToolTip(tip);
    labelWidget->setBuddy(field->focusProxy() ? field->focusProxy() : field);
    // A problem's frame (a style sheet) changes a control's size hint; with the row's height fixed
    // the rows below do not move while the user types.
    field->setFixedHeight(field->sizeHint().height());
    m_form->addRow(labelWidget, field);
    m_rows.append(Row{field, types});
}

void LayerPropertiesForm::buildRows()
{
    m_type = new QLabel(this);
    m_type->setObjectName(QStringLiteral("layerType"));
    addRow(tr("Type"),
        tr("The kind of layer (its JSON name). To change it, insert a new layer in the editor."), m_type,
        kAll);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    addRow(tr("Name"),
        tr("A unique name for the layer, used in the summary and in exported weights. Leave empty "
           "for an automatic one."),
        m_name, kAll);

    m_shapes = new QLabel(this);
    m_shapes->setObjectName(QStringLiteral("shapes"));
    addRow(tr("Shape"),
        tr("Shape of one sample entering and leaving the layer: channels x height x width for "
           "feature maps, a single number for a flat vector."),
        m_shapes, kAll);

    m_filters = intSpin(QStringLiteral("filters"), 1, 4096);
    addRow(tr("Filters"), tr("Number of kernels, i.e. output channels of the convolution."), m_filters,
        {T::Conv2D});
    m_units = intSpin(QStringLiteral("units"), 1, 65536);
    addRow(tr("Units"), tr("Number of outputs (neurons). The last dense layer needs one per class."), m_units,
        {T::Dense});

    m_kernelH = intSpin(QStringLiteral("kernelHeight"), 1, 64);
    m_kernelW = intSpin(QStringLiteral("kernelWidth"), 1, 64);
    addRow(tr("Kernel size"), tr("Height x width of each convolution kernel, in pixels."),
        pair(m_kernelH, m_kernelW), {T::Conv2D});
    m_strideH = intSpin(QStringLiteral("strideHeight"), 1, 64);
    m_strideW = intSpin(QStringLiteral("strideWidth"), 1, 64);
    addRow(tr("Stride"),
        tr("How far the kernel moves between outputs (height x width); 2 halves the output size."),
        pair(m_strideH, m_strideW), {T::Conv2D});

    m_padding = new QComboBox(this);
    m_padding->setObjectName(QStringLiteral("padding"));
    m_padding->addItem(tr("valid (no padding)"), int(Padding::Valid));
    m_padding->addItem(tr("same (output = input / stride)"), int(Padding::Same));
    m_padding->addItem(tr("explicit amount"), int(Padding::Explicit));
    addRow(tr("Padding"),
        tr("Zeros added around the input. valid: none, the output shrinks by kernel - 1; same: as "
           "many as needed to keep the size (divided by the stride); explicit: the amount below on "
           "every side."),
        m_padding, {T::Conv2D});
    m_poolPadding = new QComboBox(this);
    m_poolPadding->setObjectName(QStringLiteral("poolPadding"));
    m_poolPadding->addItem(tr("valid (no padding)"), int(Padding::Valid));
    m_poolPadding->addItem(tr("explicit amount"), int(Padding::Explicit));
    addRow(tr("Padding"),
        tr("Padding around the input of the pooling window. valid: none; explicit: the amount "
           "below on every side (at most half the pool size)."),
        m_poolPadding, kPools);
    m_paddingAmount = intSpin(QStringLiteral("paddingAmount"), 0, 64);
    addRow(tr("Padding amount"), tr("Pixels of padding on each side; used when the padding is 'explicit'."),
        m_paddingAmount, {T::Conv2D, T::MaxPool, T::AvgPool});

    m_bias = new QCheckBox(tr("add a learned bias"), this);
    m_bias->setObjectName(QStringLiteral("bias"));
    addRow(tr("Bias"),
        tr("Add a learned offset to every output channel. Binarized networks usually leave it off, "
           "since a following batch norm has its own shift."),
        m_bias, kWeighted);

    auto *clipRow = new QWidget(this);
    auto *clipLayout = new QHBoxLayout(clipRow);
    clipLayout->setContentsMargins(0, 0, 0, 0);
    m_clipEnabled = new QCheckBox(tr("clip to \u00b1"), clipRow); // ±
    m_clipEnabled->setObjectName(QStringLiteral("kernelClipEnabled"));
    m_clip = doubleSpin(QStringLiteral("kernelClip"), 1e-6, 1e6);
    m_clip->setParent(clipRow);
    clipLayout->addWidget(m_clipEnabled);
    clipLayout->addWidget(m_clip, 1);
    addRow(tr("Weight clip"),
        tr("After each training step, clamp the latent float weights to [-c, c]. With a sign "
           "quantizer and c = 1 (Larq's weight_clip), weights cannot drift far from where their "
           "sign can still change. Unchecked: no clip."),
        clipRow, kWeighted);

    m_scale = new QCheckBox(tr("learn a scale (gamma)"), this);
    m_scale->setObjectName(QStringLiteral("scale"));
    addRow(tr("Scale"),
        tr("Multiply the normalized values by a learned gamma per channel. Before a sign "
           "activation it has no effect on the output, so BNNs turn it off."),
        m_scale, {T::BatchNorm});
    m_center = new QCheckBox(tr("learn a shift (beta)"), this);
    m_center->setObjectName(QStringLiteral("center"));
    addRow(tr("Center"), tr("Add a learned beta per channel after normalizing."), m_center, {T::BatchNorm});
    m_momentum = doubleSpin(QStringLiteral("momentum"), 0.0, 1.0);
    addRow(tr("Momentum"),
        tr("Weight of the old value when updating the running mean and variance (Keras convention; "
           "0.9 equals PyTorch's momentum 0.1). Must be below 1."),
        m_momentum, {T::BatchNorm});
    m_epsilon = doubleSpin(QStringLiteral("epsilon"), 1e-9, 1.0);
    addRow(tr("Epsilon"), tr("Small number added to the variance so that the division never divides by 0."),
        m_epsilon, {T::BatchNorm});

    m_poolH = intSpin(QStringLiteral("poolHeight"), 1, 64);
    m_poolW = intSpin(QStringLiteral("poolWidth"), 1, 64);
    addRow(tr("Pool size"), tr("Height x width of the pooling window."), pair(m_poolH, m_poolW), kPools);
    m_poolStrideH = intSpin(QStringLiteral("poolStrideHeight"), 0, 64);
    m_poolStrideW = intSpin(QStringLiteral("poolStrideWidth"), 0, 64);
    m_poolStrideH->setSpecialValueText(tr("pool size"));
    m_poolStrideW->setSpecialValueText(tr("pool size"));
    addRow(tr("Stride"),
        tr("How far the window moves between outputs; 0 ('pool size') means windows side by side "
           "without overlap."),
        pair(m_poolStrideH, m_poolStrideW), kPools);

    m_rate = doubleSpin(QStringLiteral("rate"), 0.0, 1.0);
    addRow(tr("Rate"), tr("Fraction of values set to zero in each training step (0 to below 1)."), m_rate,
        {T::Dropout});

    m_function = new QComboBox(this);
    m_function->setObjectName(QStringLiteral("function"));
    const QList<QPair<ActivationFunction, QString>> functions{
        {ActivationFunction::None, tr("Identity: passes values through unchanged.")},
        {ActivationFunction::ReLU, tr("max(0, x): the usual activation of float networks.")},
        {ActivationFunction::HardTanh,
            tr("clamp(x, -1, 1): keeps values where a sign quantizer's straight-through gradient is "
               "non-zero.")},
        {ActivationFunction::Tanh, tr("tanh(x): a smooth squashing to (-1, 1).")},
        {ActivationFunction::Softmax,
            tr("Turns class scores into probabilities; only allowed as the last layer.")}};
    for (const auto &f : functions) {
        m_function->addItem(activationName(f.first), int(f.first));
        m_function->setItemData(m_function->count() - 1, richToolTip(f.second), Qt::ToolTipRole);
    }
    addRow(tr("Function"), tr("The function applied to every value."), m_function, {T::Activation});

    m_flattenNote = new QLabel(tr("Flatten has no parameters."), this);
    m_flattenNote->setEnabled(false);
    addRow(QString(), QString(), m_flattenNote, {T::Flatten});
}

void LayerPropertiesForm::connectEdits()
{
    connect(m_name, &QLineEdit::textEdited, this,
        [this](const QString &t) { edit(QStringLiteral("name"), [&](LayerSpec &l) { l.name = t; }); });
    auto intEdit = [this](QSpinBox *spin, const QString &field, int LayerSpec::*member) {
        connect(spin, &QSpinBox::valueChanged, this,
            [this, field, member](int v) { edit(field, [&](LayerSpec &l) { l.*member = v; }); });
    };
    intEdit(m_filters, QStringLiteral("filters"), &LayerSpec::filters);
    intEdit(m_units, QStringLiteral("units"), &LayerSpec::units);
    intEdit(m_kernelH, QStringLiteral("kernel_height"), &LayerSpec::kernelH);
    intEdit(m_kernelW, QStringLiteral("kernel_width"), &LayerSpec::kernelW);
    intEdit(m_strideH, QStringLiteral("stride_height"), &LayerSpec::strideH);
    intEdit(m_strideW, QStringLiteral("stride_width"), &LayerSpec::strideW);
    intEdit(m_paddingAmount, QStringLiteral("padding_amount"), &LayerSpec::paddingAmount);
    intEdit(m_poolH, QStringLiteral("pool_height"), &LayerSpec::poolH);
    intEdit(m_poolW, QStringLiteral("pool_width"), &LayerSpec::poolW);
    intEdit(m_poolStrideH, QStringLiteral("pool_stride_height"), &LayerSpec::poolStrideH);
    intEdit(m_poolStrideW, QStringLiteral("pool_stride_width"), &LayerSpec::poolStrideW);

    auto doubleEdit = [this](QDoubleSpinBox *spin, const QString &field, double LayerSpec::*member) {
        connect(spin, &QDoubleSpinBox::valueChanged, this,
            [this, field, member](double v) { edit(field, [&](LayerSpec &l) { l.*member = v; }); });
    };
    doubleEdit(m_momentum, QStringLiteral("momentum"), &LayerSpec::momentum);
    doubleEdit(m_epsilon, QStringLiteral("epsilon"), &LayerSpec::epsilon);
    doubleEdit(m_rate, QStringLiteral("rate"), &LayerSpec::rate);

    auto boolEdit = [this](QCheckBox *box, const QString &field, bool LayerSpec::*member) {
        connect(box, &QCheckBox::toggled, this,
            [this, field, member](bool on) { edit(field, [&](LayerSpec &l) { l.*member = on; }); });
    };
    boolEdit(m_bias, QStringLiteral("bias"), &LayerSpec::useBias);
    boolEdit(m_scale, QStringLiteral("scale"), &LayerSpec::scale);
    boolEdit(m_center, QStringLiteral("center"), &LayerSpec::center);

    auto paddingEdit = [this](QComboBox *combo) {
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo](int index) {
            const auto padding = Padding(combo->itemData(index).toInt());
            edit(QStringLiteral("padding"), [&](LayerSpec &l) { l.padding = padding; });
        });
    };
    paddingEdit(m_padding);
    paddingEdit(m_poolPadding);
    connect(m_function, &QComboBox::currentIndexChanged, this, [this](int index) {
        const auto function = ActivationFunction(m_function->itemData(index).toInt());
        edit(QStringLiteral("function"), [&](LayerSpec &l) { l.function = function; });
    });
    connect(m_clipEnabled, &QCheckBox::toggled, this, [this](bool on) {
        edit(QStringLiteral("kernel_clip"), [&](LayerSpec &l) { l.kernelClip = on ? m_clip->value() : 0.0; });
    });
    connect(m_clip, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_clipEnabled->isChecked())
            edit(QStringLiteral("kernel_clip"), [&](LayerSpec &l) { l.kernelClip = v; });
    });
}

void LayerPropertiesForm::edit(const QString &field, const std::function<void(LayerSpec &)> &change)
{
    if (m_updating)
        return;
    LayerSpec next = m_layer;
    change(next);
    if (next == m_layer)
        return;
    m_layer = next;
    updateEnabledStates();
    Q_EMIT layerEdited(next, field);
}

void LayerPropertiesForm::setLayer(const LayerSpec &layer, const QString &automaticName)
{
    m_updating = true;
    m_layer = layer;
    for (const Row &row : qAsConst(m_rows))
        m_form->setRowVisible(row.field, row.types.contains(layer.type));

    m_type->setText(layerTypeName(layer.type));
    m_typeDescription->setText(typeDescription(layer.type));
    if (m_name->text() != layer.name)
        m_name->setText(layer.name);
    m_name->setPlaceholderText(automaticName.isEmpty() ? QString() : tr("automatic (%1)").arg(automaticName));
    showValue(m_filters, layer.filters);
    showValue(m_units, layer.units);
    showValue(m_kernelH, layer.kernelH);
    showValue(m_kernelW, layer.kernelW);
    showValue(m_strideH, layer.strideH);
    showValue(m_strideW, layer.strideW);
    showData(m_padding, int(layer.padding));
    showData(m_poolPadding, int(layer.padding));
    showValue(m_paddingAmount, layer.paddingAmount);
    m_bias->setChecked(layer.useBias);
    m_clipEnabled->setChecked(layer.kernelClip > 0.0);
    // Without a clip the spin box offers 1, Larq's usual weight clip, for when it gets enabled.
    showValue(m_clip, layer.kernelClip > 0.0 ? layer.kernelClip : 1.0);
    m_scale->setChecked(layer.scale);
    m_center->setChecked(layer.center);
    showValue(m_momentum, layer.momentum);
    showValue(m_epsilon, layer.epsilon);
    showValue(m_poolH, layer.poolH);
    showValue(m_poolW, layer.poolW);
    showValue(m_poolStrideH, layer.poolStrideH);
    showValue(m_poolStrideW, layer.poolStrideW);
    showValue(m_rate, layer.rate);
    showData(m_function, int(layer.function));
    updateEnabledStates();
    m_updating = false;
}

void LayerPropertiesForm::updateEnabledStates()
{
    m_paddingAmount->setEnabled(m_layer.padding == Padding::Explicit);
    m_clip->setEnabled(m_layer.kernelClip > 0.0);
}

void LayerPropertiesForm::setShapes(const TensorShape &input, const TensorShape &output)
{
    auto text = [](const TensorShape &s) { return s.isValid() ? s.toString() : QStringLiteral("?"); };
    m_shapes->setText(tr("%1 \u2192 %2").arg(text(input), text(output))); // →
}

QList<QWidget *> LayerPropertiesForm::widgetsFor(const QString &field) const
{
    const bool pool = kPools.contains(m_layer.type);
    if (field == QLatin1String("name"))
        return {m_name};
    if (field == QLatin1String("filters"))
        return {m_filters};
    if (field == QLatin1String("units"))
        return {m_units};
    if (field == QLatin1String("kernel"))
        return {m_kernelH, m_kernelW};
    if (field == QLatin1String("stride"))
        return pool ? QList<QWidget *>{m_poolStrideH, m_poolStrideW} : QList<QWidget *>{m_strideH, m_strideW};
    if (field == QLatin1String("padding"))
        return {pool ? m_poolPadding : m_padding, m_paddingAmount};
    if (field == QLatin1String("pool"))
        return {m_poolH, m_poolW};
    if (field == QLatin1String("kernel_clip"))
        return {m_clip};
    if (field == QLatin1String("momentum"))
        return {m_momentum};
    if (field == QLatin1String("epsilon"))
        return {m_epsilon};
    if (field == QLatin1String("rate"))
        return {m_rate};
    if (field == QLatin1String("function"))
        return {m_function};
    if (field == QLatin1String("type"))
        return {m_shapes};
    return {};
}

void LayerPropertiesForm::setIssues(const QList<ValidationIssue> &issues)
{
    highlightIssues(issues, [this](const QString &field) { return widgetsFor(field); }, &m_highlighted);
}

} // namespace qb
