#include "inspector/quantizereditor.h"

#include "inspector/issuehighlight.h"
#include "inspector/parametereditor.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace qb {

namespace {

/// Marks combo entries that are not in the catalogue for this role (a hand-edited file).
constexpr int kForeignRole = Qt::UserRole + 1;

QString bitsText(const QuantizerInfo &info)
{
    if (!info.bitsParam.isEmpty())
        return QuantizerEditor::tr("Bits per value: set by the parameter '%1'.").arg(info.bitsParam);
    return QuantizerEditor::tr("Bits per value: %n.", nullptr, info.bits);
}

} // namespace

QuantizerEditor::QuantizerEditor(QuantizerRole role, const QString &field, QWidget *parent)
    : QWidget(parent)
    , m_role(role)
    , m_field(field)
    , m_combo(new QComboBox(this))
    , m_description(new QLabel(this))
    , m_parameters(new ParameterEditor(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_combo);
    layout->addWidget(m_description);
    layout->addWidget(m_parameters);

    m_combo->setObjectName(QStringLiteral("quantizerCombo"));
    m_combo->setToolTip(richToolTip(role == KernelRole
            ? tr("How the layer's weights are quantized in the forward pass. The latent float weights "
                 "are kept for training; the backward pass uses the quantizer's gradient estimator.")
            : tr("How the layer's inputs (the previous layer's activations) are quantized before the "
                 "multiplication. 'none (float)' keeps them in full precision.")));
    m_description->setWordWrap(true);
    m_description->setObjectName(QStringLiteral("quantizerDescription"));
    m_description->setEnabled(false); // greyed: an explanation, not a control
    m_parameters->setEmptyText(tr("This quantizer has no parameters."));
    fillCombo();
    showDetails();

    connect(m_combo, &QComboBox::currentIndexChanged, this, &QuantizerEditor::onComboChanged);
    connect(m_parameters, &ParameterEditor::parameterEdited, this, &QuantizerEditor::onParameterEdited);
}

void QuantizerEditor::fillCombo()
{
    m_combo->addItem(tr("none (float)"), QString());
    m_combo->setItemData(0, richToolTip(tr("No quantizer: full-precision 32-bit floats.")), Qt::ToolTipRole);
    for (const QuantizerInfo &info : QuantizerCatalog::all()) {
        if (!(info.roles & m_role))
            continue;
        m_combo->addItem(info.name, info.name);
        m_combo->setItemData(m_combo->count() - 1,
            richToolTip(info.description + QLatin1Char('\n') + bitsText(info)), Qt::ToolTipRole);
    }
}

void QuantizerEditor::selectName(const QString &name)
{
    // Drop an entry left over from an earlier foreign name.
    for (int i = m_combo->count() - 1; i > 0; --i) {
        if (m_combo->itemData(i, kForeignRole).toBool() && m_combo->itemData(i).toString() != name)
            m_combo->removeItem(i);
    }
    int index = m_combo->findData(name);
    if (index < 0) {
        m_combo->addItem(tr("%1 (not available here)").arg(name), name);
        index = m_combo->count() - 1;
        m_combo->setItemData(index, true, kForeignRole);
    }
    if (m_combo->currentIndex() != index)
        m_combo->setCurrentIndex(index);
}

void QuantizerEditor::setSpec(const QuantizerSpec &spec)
{
    m_spec = spec;
    {
        const QSignalBlocker blocker(m_combo);
        selectName(spec.name);
    }
    showDetails();
}

void QuantizerEditor::showDetails()
{
    const QuantizerInfo *info = m_spec.isNone() ? nullptr : QuantizerCatalog::find(m_spec.name);
    if (m_spec.isNone())
        m_description->setText(tr("Full precision: values stay 32-bit floats."));
    else if (!info)
        m_description->setText(tr("Unknown quantizer '%1'.").arg(m_spec.name));
    else
        m_description->setText(info->description + QLatin1Char(' ') + bitsText(*info));
    m_parameters->setVisible(info != nullptr);
    m_parameters->setParameters(info ? info->params : QList<QuantizerParam>(), m_spec.params);
}

void QuantizerEditor::onComboChanged(int index)
{
    const QString name = m_combo->itemData(index).toString();
    if (name == m_spec.name)
        return;
    // A new quantizer starts from its catalogue defaults (absent keys).
    m_spec = QuantizerSpec{name, QJsonObject()};
    showDetails();
    Q_EMIT quantizerEdited(m_spec, m_field);
}

void QuantizerEditor::onParameterEdited(const QString &key, const QJsonObject &params)
{
    m_spec.params = params;
    Q_EMIT quantizerEdited(m_spec, m_field + QLatin1Char('.') + key);
}

void QuantizerEditor::setIssue(const QString &message)
{
    setIssueHighlight(m_combo, message);
    m_parameters->clearIssues();
    // The catalogue's messages quote the parameter's key ('clip'), in every language.
    for (const QuantizerParam &param : m_parameters->parameters()) {
        if (message.contains(QLatin1Char('\'') + param.key + QLatin1Char('\''))) {
            m_parameters->setIssue(param.key, message);
            break;
        }
    }
}

} // namespace qb
