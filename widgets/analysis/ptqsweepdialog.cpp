#include "analysis/ptqsweepdialog.h"

#include "analysis/chipoptionsform.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

#include <algorithm>

namespace qb {

PtqSweepDialog::PtqSweepDialog(const RunRecord &run, QWidget *parent)
    : AnalysisDialog(run, tr("Fixed-point sweep"),
        tr("Evaluates the trained run with its weights and/or activations rounded to fixed point, "
           "round(x·2^f)/2^f in a saturating signed word, for every number of fraction bits f (as "
           "quantbench-cli sweep ptq does). The stored float weights are not changed; the result is stored "
           "as "
           "a sweep of the run."),
        parent)
{
    const PtqSweepRequest defaults;
    auto *group = new QGroupBox(tr("Fixed point"), this);
    auto *form = new QFormLayout(group);

    auto *range = new QHBoxLayout;
    m_fracFrom = new QSpinBox(group);
    m_fracFrom->setObjectName(QStringLiteral("fracFrom"));
    m_fracFrom->setRange(0, 31);
    m_fracFrom->setValue(*std::min_element(defaults.fracBits.cbegin(), defaults.fracBits.cend()));
    m_fracTo = new QSpinBox(group);
    m_fracTo->setObjectName(QStringLiteral("fracTo"));
    m_fracTo->setRange(0, 31);
    m_fracTo->setValue(*std::max_element(defaults.fracBits.cbegin(), defaults.fracBits.cend()));
    range->addWidget(m_fracFrom);
    range->addWidget(new QLabel(tr("to"), group));
    range->addWidget(m_fracTo);
    range->addStretch(1);
    auto *rangeLabel = new QLabel(tr("&Fraction bits:"), group);
    rangeLabel->setBuddy(m_fracFrom);
    m_fracFrom->setToolTip(tr("Every number of fraction bits from the first to the last is one point."));
    m_fracTo->setToolTip(m_fracFrom->toolTip());
    form->addRow(rangeLabel, range);

    m_wordBits = new QSpinBox(group);
    m_wordBits->setObjectName(QStringLiteral("wordBits"));
    m_wordBits->setRange(2, 32);
    m_wordBits->setValue(defaults.wordBits);
    m_wordBits->setToolTip(
        tr("Word size in bits including the sign; it must exceed every fraction-bit count."));
    form->addRow(tr("&Word bits:"), m_wordBits);

    m_target = new QComboBox(group);
    m_target->setObjectName(QStringLiteral("target"));
    m_target->addItem(tr("Weights and activations"), WeightsAndActivations);
    m_target->addItem(tr("Weights only"), WeightsOnly);
    m_target->addItem(tr("Activations only (input and layer outputs)"), ActivationsOnly);
    form->addRow(tr("&Quantize:"), m_target);
    addSection(group);

    auto *evaluation = new QGroupBox(tr("Evaluation"), this);
    auto *evaluationForm = new QFormLayout(evaluation);
    m_testLimit = createTestImagesSpin(evaluation, defaults.testLimit);
    evaluationForm->addRow(tr("&Test images:"), m_testLimit);
    addSection(evaluation);
}

QString PtqSweepDialog::validate() const
{
    const int from = m_fracFrom->value();
    const int to = m_fracTo->value();
    if (from > to)
        return tr("Fraction bits: the first value (%1) is above the last (%2).").arg(from).arg(to);
    if (to >= m_wordBits->value()) {
        return tr("Fraction bits: %1 do not fit a signed word of %2 bits (word bits must exceed every "
                  "fraction-bit count).")
            .arg(to)
            .arg(m_wordBits->value());
    }
    return QString();
}

PtqSweepRequest PtqSweepDialog::request() const
{
    PtqSweepRequest request;
    request.runId = runId();
    request.fracBits.clear();
    for (int f = m_fracFrom->value(); f <= m_fracTo->value(); ++f)
        request.fracBits << f;
    request.wordBits = m_wordBits->value();
    const auto target = Target(m_target->currentData().toInt());
    request.weights = target != ActivationsOnly;
    request.activations = target != WeightsOnly;
    request.testLimit = m_testLimit->value();
    return request;
}

} // namespace qb
