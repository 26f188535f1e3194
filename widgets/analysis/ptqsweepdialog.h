#pragma once

#include "analysis/analysisdialog.h"
#include "train/ptqsweep.h"

class QComboBox;
class QSpinBox;

namespace qb {

/// Run ▸ Fixed-point sweep…: the options of `quantbench-cli sweep ptq` for one run: the range of
/// fraction bits, the word size, what is quantized (weights, activations or both), test images.
class PtqSweepDialog : public AnalysisDialog
{
    Q_OBJECT
public:
    /// What the "Quantize" combo offers (its item data).
    enum Target { WeightsAndActivations, WeightsOnly, ActivationsOnly };

    explicit PtqSweepDialog(const RunRecord &run, QWidget *parent = nullptr);

    QString validate() const override;
    /// The request for PtqSweep::run (history and data folder left empty).
    PtqSweepRequest request() const;

    QSpinBox *fracFromSpin() const { return m_fracFrom; }
    QSpinBox *fracToSpin() const { return m_fracTo; }
    QSpinBox *wordBitsSpin() const { return m_wordBits; }
    QComboBox *targetCombo() const { return m_target; }
    QSpinBox *testLimitSpin() const { return m_testLimit; }

private:
    QSpinBox *m_fracFrom = nullptr;
    QSpinBox *m_fracTo = nullptr;
    QSpinBox *m_wordBits = nullptr;
    QComboBox *m_target = nullptr;
    QSpinBox *m_testLimit = nullptr;
};

} // namespace qb
