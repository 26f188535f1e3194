#include "analysis/chipoptionsform.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QSpinBox>

#include <limits>

namespace qb {

ChipOptionsForm::ChipOptionsForm(QWidget *parent)
    : QWidget(parent)
{
    const NoiseSweepRequest defaults;
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);

    m_chips = new QSpinBox(this);
    m_chips->setObjectName(QStringLiteral("chips"));
    m_chips->setRange(1, 100000);
    m_chips->setValue(defaults.chips);
    m_chips->setToolTip(
        tr("Number of simulated chips evaluated at every point. Each chip draws its own fixed "
           "nonideality patterns (process variation, stuck-at faults, drift) and per-pass noise."));
    form->addRow(tr("&Chips:"), m_chips);

    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setValue(int(defaults.seed));
    m_seed->setToolTip(tr("Seed of the chips: chip i of seed S is always the same chip."));
    form->addRow(tr("&Seed:"), m_seed);

    m_testLimit = createTestImagesSpin(this, defaults.testLimit);
    form->addRow(tr("&Test images:"), m_testLimit);

    m_bitPacked = new QCheckBox(tr("&Bit-packed evaluation of binarized layers"), this);
    m_bitPacked->setObjectName(QStringLiteral("bitPacked"));
    m_bitPacked->setChecked(defaults.bitPacked);
    m_bitPacked->setToolTip(tr("XNOR-popcount kernels for layers whose inputs and weights are ±1: the same "
                               "numbers, faster. Off: torch's float kernels everywhere, for comparison."));
    form->addRow(QString(), m_bitPacked);
}

void ChipOptionsForm::applyTo(NoiseSweepRequest *request) const
{
    request->chips = m_chips->value();
    request->seed = quint64(m_seed->value());
    request->testLimit = m_testLimit->value();
    request->bitPacked = m_bitPacked->isChecked();
}

QSpinBox *createTestImagesSpin(QWidget *parent, int testLimit)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(QStringLiteral("testLimit"));
    spin->setRange(0, 10000000);
    spin->setSingleStep(100);
    spin->setSpecialValueText(ChipOptionsForm::tr("all"));
    spin->setValue(testLimit);
    spin->setToolTip(ChipOptionsForm::tr("Use only the first N test images (all: the whole test split)."));
    return spin;
}

} // namespace qb
