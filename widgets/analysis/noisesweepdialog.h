#pragma once

#include "analysis/analysisdialog.h"
#include "train/noisesweep.h"
#include "util/result.h"

#include <QStringList>
#include <QVector>

class QComboBox;
class QLabel;
class QLineEdit;

namespace qb {

class ChipOptionsForm;

/// Run ▸ Noise sweep…: the options of `quantbench-cli sweep noise` for one run: the swept
/// nonideality parameter (every numeric MODEL.PARAM of the NoiseCatalog), its values and the
/// simulated-chip options.
class NoiseSweepDialog : public AnalysisDialog
{
    Q_OBJECT
public:
    explicit NoiseSweepDialog(const RunRecord &run, QWidget *parent = nullptr);

    /// Every numeric MODEL.PARAM the core can sweep, in catalogue order.
    static QStringList sweepableParameters();
    /// A sensible list of values to start from, e.g. "0, 0.05, 0.1, 0.2, 0.4" for weight_noise.sigma.
    static QString defaultValues(const QString &parameter);
    /// The numbers of a comma-separated list, each checked against the parameter's range; errors name
    /// the field ("Values: ...").
    static Result<QVector<double>> parseValues(const QString &parameter, const QString &text);

    QString validate() const override;
    /// The request for NoiseSweep::run (history and data folder left empty). Valid after validate().
    NoiseSweepRequest request() const;

    QString parameter() const;
    void setParameter(const QString &parameter);
    QComboBox *parameterCombo() const { return m_parameter; }
    QLineEdit *valuesEdit() const { return m_values; }
    ChipOptionsForm *chipOptions() const { return m_chips; }

private:
    void onParameterChanged();

    QComboBox *m_parameter = nullptr;
    QLabel *m_parameterHelp = nullptr;
    QLineEdit *m_values = nullptr;
    ChipOptionsForm *m_chips = nullptr;
};

} // namespace qb
