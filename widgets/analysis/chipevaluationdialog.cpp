#include "analysis/chipevaluationdialog.h"

#include "analysis/chipoptionsform.h"

#include <QGroupBox>
#include <QVBoxLayout>

namespace qb {

ChipEvaluationDialog::ChipEvaluationDialog(const RunRecord &run, QWidget *parent)
    : AnalysisDialog(run, tr("Evaluate on simulated chips"),
        tr("Evaluates the trained run on simulated chips with the nonidealities of its own network "
           "(as quantbench-cli evaluate does) and stores the per-chip accuracies as a Monte-Carlo sweep of "
           "the "
           "run. The trained weights are not changed."),
        parent)
{
    auto *group = new QGroupBox(tr("Simulated chips"), this);
    auto *layout = new QVBoxLayout(group);
    m_chips = new ChipOptionsForm(group);
    layout->addWidget(m_chips);
    addSection(group);
}

QString ChipEvaluationDialog::validate() const
{
    return QString(); // every value the fields allow is valid
}

NoiseSweepRequest ChipEvaluationDialog::request() const
{
    NoiseSweepRequest request;
    request.runId = runId();
    m_chips->applyTo(&request);
    return request;
}

} // namespace qb
