#pragma once

#include "analysis/analysisdialog.h"
#include "train/noisesweep.h"

namespace qb {

class ChipOptionsForm;

/// Run ▸ Evaluate on chips…: the options of `quantbench-cli evaluate` for one run (a Monte-Carlo
/// evaluation of the run's own nonidealities over simulated chips).
class ChipEvaluationDialog : public AnalysisDialog
{
    Q_OBJECT
public:
    explicit ChipEvaluationDialog(const RunRecord &run, QWidget *parent = nullptr);

    QString validate() const override;
    /// The request for NoiseSweep::run (runId and chip options; history and data folder left empty).
    NoiseSweepRequest request() const;
    ChipOptionsForm *chipOptions() const { return m_chips; }

private:
    ChipOptionsForm *m_chips = nullptr;
};

} // namespace qb
