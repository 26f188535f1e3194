#include "inspector/neuronpropertiesform.h"

#include "inspector/compactdoublespinbox.h"
#include "inspector/issuehighlight.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace qb {

namespace {

/// A value spin box with its "learned" check box below (side by side they would not fit the
/// inspector's width on a 1366-pixel screen).
QWidget *withLearned(QWidget *parent, QDoubleSpinBox *spin, QCheckBox *learned)
{
    auto *row = new QWidget(parent);
    auto *layout = new QVBoxLayout(row);
    layout->setSpacing(2);
    layout->setContentsMargins(0, 0, 0, 0);
    spin->setParent(row);
    learned->setParent(row);
    layout->addWidget(spin);
    layout->addWidget(learned);
    row->setFocusProxy(spin);
    return row;
}

} // namespace

NeuronPropertiesForm::NeuronPropertiesForm(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_beta = doubleSpin(QStringLiteral("beta"), 0.0, 1.0);
    m_learnBeta = checkBox(QStringLiteral("learnBeta"), tr("learned"));
    addRow(tr("Beta (β)"),
        tr("Membrane decay per time step: the membrane keeps β of its value (0: no memory, 1: a "
           "perfect integrator). 'learned' trains it with the weights."),
        withLearned(this, m_beta, m_learnBeta));
    m_alpha = doubleSpin(QStringLiteral("alpha"), 0.0, 1.0);
    m_learnAlpha = checkBox(QStringLiteral("learnAlpha"), tr("learned"));
    addRow(tr("Alpha (α)"),
        tr("Synaptic current decay per time step (synaptic neurons only). 'learned' trains it."),
        withLearned(this, m_alpha, m_learnAlpha));
    m_threshold = doubleSpin(QStringLiteral("threshold"), 1e-6, 1e6);
    m_learnThreshold = checkBox(QStringLiteral("learnThreshold"), tr("learned"));
    addRow(tr("Threshold (θ)"),
        tr("A neuron spikes when its membrane exceeds the threshold. 'learned' trains it."),
        withLearned(this, m_threshold, m_learnThreshold));

    m_reset = new QComboBox(this);
    m_reset->setObjectName(QStringLiteral("reset"));
    m_reset->addItem(tr("subtract θ"), int(ResetMechanism::Subtract));
    m_reset->addItem(tr("to zero"), int(ResetMechanism::Zero));
    m_reset->addItem(tr("none"), int(ResetMechanism::None));
    addRow(tr("Reset"),
        tr("What a spike does to the membrane: subtract the threshold (snnTorch's default), set it "
           "to zero, or nothing."),
        m_reset);
    m_resetDelay = checkBox(QStringLiteral("resetDelay"), tr("reset at the next step"));
    addRow(tr("Reset delay"),
        tr("Checked (snnTorch's default): the reset of a spike applies at the next time step, so the "
           "returned membrane still shows the crossing. Unchecked: it applies at once."),
        m_resetDelay);

    m_surrogate = new QComboBox(this);
    m_surrogate->setObjectName(QStringLiteral("surrogate"));
    m_surrogate->addItem(QStringLiteral("atan"), int(SurrogateKind::ATan));
    m_surrogate->addItem(QStringLiteral("fast_sigmoid"), int(SurrogateKind::FastSigmoid));
    m_surrogate->addItem(QStringLiteral("sigmoid"), int(SurrogateKind::Sigmoid));
    m_surrogate->addItem(QStringLiteral("ste"), int(SurrogateKind::Ste));
    addRow(tr("Surrogate"),
        tr("The smooth stand-in for the spike's step function used by the backward pass: arctangent "
           "(snnTorch's default), fast sigmoid, sigmoid, or straight-through."),
        m_surrogate);
    m_slope = doubleSpin(QStringLiteral("surrogateSlope"), 0.0, 1e4);
    m_slope->setSpecialValueText(tr("default"));
    addRow(tr("Slope"),
        tr("Steepness of the surrogate gradient; 0 ('default') takes the surrogate's own: 2 for "
           "atan, 25 for the sigmoids."),
        m_slope);

    m_stateBits = new QSpinBox(this);
    m_stateBits->setObjectName(QStringLiteral("stateQuantBits"));
    m_stateBits->setRange(0, 16);
    m_stateBits->setSpecialValueText(tr("off"));
    m_stateBits->setSuffix(tr(" bits"));
    addRow(tr("Membrane bits"),
        tr("Quantize the membrane to 2^bits levels evenly spaced over [-t(1 + lower), t(1 + upper)], "
           "as snnTorch's state_quant does. 0 ('off'): a float membrane."),
        m_stateBits);
    m_stateThreshold = doubleSpin(QStringLiteral("stateQuantThreshold"), 1e-6, 1e6);
    addRow(tr("Levels threshold"), tr("t: the threshold the quantization levels are spaced around."),
        m_stateThreshold);
    m_stateLower = doubleSpin(QStringLiteral("stateQuantLower"), -0.999999, 1e3);
    addRow(tr("Lower limit"), tr("How far below -t the levels reach, as a fraction of t."), m_stateLower);
    m_stateUpper = doubleSpin(QStringLiteral("stateQuantUpper"), -0.999999, 1e3);
    addRow(tr("Upper limit"), tr("How far above t the levels reach, as a fraction of t."), m_stateUpper);

    auto doubleEdit = [this](QDoubleSpinBox *spin, const QString &field, double NeuronSpec::*member) {
        connect(spin, &QDoubleSpinBox::valueChanged, this,
            [this, field, member](double v) { edit(field, [&](NeuronSpec &n) { n.*member = v; }); });
    };
    doubleEdit(m_beta, QStringLiteral("beta"), &NeuronSpec::beta);
    doubleEdit(m_alpha, QStringLiteral("alpha"), &NeuronSpec::alpha);
    doubleEdit(m_threshold, QStringLiteral("threshold"), &NeuronSpec::threshold);
    doubleEdit(m_slope, QStringLiteral("surrogate_slope"), &NeuronSpec::surrogateSlope);
    doubleEdit(m_stateThreshold, QStringLiteral("state_quant.threshold"), &NeuronSpec::stateQuantThreshold);
    doubleEdit(m_stateLower, QStringLiteral("state_quant.lower_limit"), &NeuronSpec::stateQuantLower);
    doubleEdit(m_stateUpper, QStringLiteral("state_quant.upper_limit"), &NeuronSpec::stateQuantUpper);
    auto boolEdit = [this](QCheckBox *box, const QString &field, bool NeuronSpec::*member) {
        connect(box, &QCheckBox::toggled, this,
            [this, field, member](bool on) { edit(field, [&](NeuronSpec &n) { n.*member = on; }); });
    };
    boolEdit(m_learnBeta, QStringLiteral("learn_beta"), &NeuronSpec::learnBeta);
    boolEdit(m_learnAlpha, QStringLiteral("learn_alpha"), &NeuronSpec::learnAlpha);
    boolEdit(m_learnThreshold, QStringLiteral("learn_threshold"), &NeuronSpec::learnThreshold);
    boolEdit(m_resetDelay, QStringLiteral("reset_delay"), &NeuronSpec::resetDelay);
    connect(m_reset, &QComboBox::currentIndexChanged, this, [this](int index) {
        const auto reset = ResetMechanism(m_reset->itemData(index).toInt());
        edit(QStringLiteral("reset"), [&](NeuronSpec &n) { n.reset = reset; });
    });
    connect(m_surrogate, &QComboBox::currentIndexChanged, this, [this](int index) {
        const auto kind = SurrogateKind(m_surrogate->itemData(index).toInt());
        edit(QStringLiteral("surrogate"), [&](NeuronSpec &n) { n.surrogate = kind; });
    });
    connect(m_stateBits, &QSpinBox::valueChanged, this, [this](int bits) {
        edit(QStringLiteral("state_quant.bits"), [&](NeuronSpec &n) { n.stateQuantBits = bits; });
    });
    LayerSpec leaky;
    leaky.type = LayerType::Leaky;
    setLayer(leaky);
}

QDoubleSpinBox *NeuronPropertiesForm::doubleSpin(const QString &objectName, double lo, double hi)
{
    auto *spin = new CompactDoubleSpinBox(this);
    spin->setObjectName(objectName);
    spin->setRange(lo, hi);
    return spin;
}

QCheckBox *NeuronPropertiesForm::checkBox(const QString &objectName, const QString &text)
{
    auto *box = new QCheckBox(text, this);
    box->setObjectName(objectName);
    return box;
}

void NeuronPropertiesForm::addRow(const QString &label, const QString &toolTip, QWidget *field)
{
    auto *labelWidget = new QLabel(label, this);
    const QString tip = richToolTip(toolTip);
    labelWidget->setToolTip(tip);
    field->setToolTip(tip);
    for (QWidget *child : field->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly))
        child->setToolTip(tip);
    labelWidget->setBuddy(field->focusProxy() ? field->focusProxy() : field);
    // As in LayerPropertiesForm: a problem's frame must not change the row's height.
    field->setFixedHeight(field->sizeHint().height());
    m_form->addRow(labelWidget, field);
}

void NeuronPropertiesForm::edit(const QString &field, const std::function<void(NeuronSpec &)> &change)
{
    if (m_updating)
        return;
    NeuronSpec next = m_neuron;
    change(next);
    if (next == m_neuron)
        return;
    m_neuron = next;
    updateEnabledStates();
    Q_EMIT neuronEdited(next, field);
}

void NeuronPropertiesForm::setLayer(const LayerSpec &layer)
{
    m_updating = true;
    m_neuron = layer.neuron;
    m_type = layer.type;
    m_form->setRowVisible(m_alpha->parentWidget(), layer.type == LayerType::Synaptic);
    showValue(m_beta, m_neuron.beta);
    m_learnBeta->setChecked(m_neuron.learnBeta);
    showValue(m_alpha, m_neuron.alpha);
    m_learnAlpha->setChecked(m_neuron.learnAlpha);
    showValue(m_threshold, m_neuron.threshold);
    m_learnThreshold->setChecked(m_neuron.learnThreshold);
    showData(m_reset, int(m_neuron.reset));
    m_resetDelay->setChecked(m_neuron.resetDelay);
    showData(m_surrogate, int(m_neuron.surrogate));
    showValue(m_slope, m_neuron.surrogateSlope);
    if (m_stateBits->value() != m_neuron.stateQuantBits)
        m_stateBits->setValue(m_neuron.stateQuantBits);
    showValue(m_stateThreshold, m_neuron.stateQuantThreshold);
    showValue(m_stateLower, m_neuron.stateQuantLower);
    showValue(m_stateUpper, m_neuron.stateQuantUpper);
    updateEnabledStates();
    m_updating = false;
}

void NeuronPropertiesForm::updateEnabledStates()
{
    const bool quantized = m_neuron.stateQuantBits > 0;
    for (QWidget *w : {static_cast<QWidget *>(m_stateThreshold), static_cast<QWidget *>(m_stateLower),
             static_cast<QWidget *>(m_stateUpper)})
        w->setEnabled(quantized);
    m_resetDelay->setEnabled(m_neuron.reset != ResetMechanism::None);
}

QList<QWidget *> NeuronPropertiesForm::widgetsFor(const QString &field) const
{
    if (field == QLatin1String("beta"))
        return {m_beta};
    if (field == QLatin1String("alpha"))
        return {m_alpha};
    if (field == QLatin1String("threshold"))
        return {m_threshold};
    if (field == QLatin1String("surrogate_slope"))
        return {m_slope};
    if (field == QLatin1String("state_quant"))
        return {m_stateBits, m_stateThreshold, m_stateLower, m_stateUpper};
    return {};
}

void NeuronPropertiesForm::setIssues(const QList<ValidationIssue> &issues)
{
    highlightIssues(issues, [this](const QString &field) { return widgetsFor(field); }, &m_highlighted);
}

} // namespace qb
