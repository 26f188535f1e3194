#pragma once

#include "spec/layerspec.h"
#include "spec/networkvalidator.h"

#include <QList>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QSpinBox;

namespace qb {

/// The neurons of a leaky or synaptic layer (NeuronSpec): decay beta (and alpha for synaptic
/// layers), threshold, which of them are learned, the reset mechanism and its delay, the surrogate
/// gradient and its slope, and the optional membrane quantization (bits 0 = off; its threshold
/// and limits are enabled only when on).
///
/// Like LayerPropertiesForm, every control reports its edits with a stable undo field (the JSON key:
/// "beta", "learn_threshold", "state_quant.bits", ...), so that consecutive changes of one control
/// merge into one undo step. Control object names are those keys in camel case ("beta",
/// "learnThreshold", "stateQuantBits", ...).
class NeuronPropertiesForm : public QWidget
{
    Q_OBJECT
public:
    explicit NeuronPropertiesForm(QWidget *parent = nullptr);

    /// Shows the neurons of `layer` (leaky or synaptic) without emitting neuronEdited().
    void setLayer(const LayerSpec &layer);
    const NeuronSpec &neuron() const { return m_neuron; }
    /// Highlights the controls named by the issues' fields (beta, alpha, threshold, ...).
    void setIssues(const QList<ValidationIssue> &issues);

Q_SIGNALS:
    void neuronEdited(const qb::NeuronSpec &neuron, const QString &field);

private:
    QDoubleSpinBox *doubleSpin(const QString &objectName, double lo, double hi);
    QCheckBox *checkBox(const QString &objectName, const QString &text);
    void addRow(const QString &label, const QString &toolTip, QWidget *field);
    void edit(const QString &field, const std::function<void(NeuronSpec &)> &change);
    void updateEnabledStates();
    QList<QWidget *> widgetsFor(const QString &field) const;

    NeuronSpec m_neuron;
    LayerType m_type = LayerType::Leaky;
    bool m_updating = false;
    QFormLayout *m_form;
    QList<QWidget *> m_highlighted;

    QDoubleSpinBox *m_beta;
    QCheckBox *m_learnBeta;
    QDoubleSpinBox *m_alpha;
    QCheckBox *m_learnAlpha;
    QDoubleSpinBox *m_threshold;
    QCheckBox *m_learnThreshold;
    QComboBox *m_reset;
    QCheckBox *m_resetDelay;
    QComboBox *m_surrogate;
    QDoubleSpinBox *m_slope;
    QSpinBox *m_stateBits;
    QDoubleSpinBox *m_stateThreshold;
    QDoubleSpinBox *m_stateLower;
    QDoubleSpinBox *m_stateUpper;
};

} // namespace qb
