#pragma once

#include "spec/networkvalidator.h"
#include "spec/spikingspec.h"

#include <QGroupBox>
#include <QList>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QSpinBox;

namespace qb {

/// The "Time" settings of a spiking network (SpikingSpec), shown with the network's own
/// properties when the network has a leaky or synaptic layer: time steps, how the input is encoded
/// into spikes (with the parameters of the chosen encoding only) and the readout loss (with the
/// target rates of mse_count). Spin boxes commit when their value is entered (no keyboard
/// tracking), so each change is one undo step of NetworkDocument::editNetwork().
class SpikingPropertiesForm : public QGroupBox
{
    Q_OBJECT
public:
    explicit SpikingPropertiesForm(QWidget *parent = nullptr);

    /// Shows `spiking` without emitting spikingEdited().
    void setSpiking(const SpikingSpec &spiking);
    const SpikingSpec &spiking() const { return m_spiking; }
    /// Highlights the controls named by network issues ("spiking.time_steps", ...).
    void setIssues(const QList<ValidationIssue> &issues);

Q_SIGNALS:
    /// `description` names the change for the undo history.
    void spikingEdited(const qb::SpikingSpec &spiking, const QString &description);

private:
    QDoubleSpinBox *doubleSpin(const QString &objectName, double lo, double hi);
    QSpinBox *intSpin(const QString &objectName, int lo, int hi);
    void addRow(const QString &label, const QString &toolTip, QWidget *field);
    void edit(const QString &description, const std::function<void(SpikingSpec &)> &change);
    void updateRows();
    QList<QWidget *> widgetsFor(const QString &field) const;

    SpikingSpec m_spiking;
    bool m_updating = false;
    QFormLayout *m_form;
    QList<QWidget *> m_highlighted;

    QSpinBox *m_timeSteps;
    QComboBox *m_encoding;
    QDoubleSpinBox *m_gain;
    QDoubleSpinBox *m_offset;
    QDoubleSpinBox *m_tau;
    QDoubleSpinBox *m_latencyThreshold;
    QCheckBox *m_linear;
    QCheckBox *m_normalize;
    QCheckBox *m_clip;
    QSpinBox *m_window;
    QSpinBox *m_denoise;
    QComboBox *m_loss;
    QDoubleSpinBox *m_correctRate;
    QDoubleSpinBox *m_incorrectRate;
};

} // namespace qb
