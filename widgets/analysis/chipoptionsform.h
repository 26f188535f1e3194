#pragma once

#include "train/noisesweep.h"

#include <QWidget>

class QCheckBox;
class QSpinBox;

namespace qb {

/// The simulated-chip options shared by the Monte-Carlo and noise-sweep dialogs, as quantbench-cli
/// has them: chips, seed, test images, bit-packed evaluation. Every value a spin box allows is valid.
class ChipOptionsForm : public QWidget
{
    Q_OBJECT
public:
    explicit ChipOptionsForm(QWidget *parent = nullptr);

    /// Sets chips, seed, testLimit and bitPacked of `request`.
    void applyTo(NoiseSweepRequest *request) const;

    QSpinBox *chipsSpin() const { return m_chips; }
    QSpinBox *seedSpin() const { return m_seed; }
    QSpinBox *testLimitSpin() const { return m_testLimit; }
    QCheckBox *bitPackedCheck() const { return m_bitPacked; }

private:
    QSpinBox *m_chips = nullptr;
    QSpinBox *m_seed = nullptr;
    QSpinBox *m_testLimit = nullptr;
    QCheckBox *m_bitPacked = nullptr;
};

/// The "Test images" spin box the analysis dialogs share (0 shows "all": the whole test split).
QSpinBox *createTestImagesSpin(QWidget *parent, int testLimit);

} // namespace qb
