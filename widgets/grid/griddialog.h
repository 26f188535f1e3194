#pragma once

#include "grid/gridfield.h"
#include "grid/gridspec.h"
#include "util/result.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTimer;
class QToolButton;

namespace qb {

/// Run ▸ Grid…: builds an experiment grid from the workbench's experiment (the open network and the
/// training settings). The user picks varied fields from the ones the experiment has (GridField)
/// and types their values ("1e-3, 1e-2", "2..8", "ste_sign, ternary_twn"), the seeds, the executor
/// (local processes, K at once, or Slurm) and a name. The dialog counts configurations x seeds =
/// trials as the user types and checks the grid with GridSpec::expand(): its message (naming the
/// path and the value) is shown and Start stays disabled while the grid is bad; accept() checks
/// again, so a bad grid never leaves the dialog.
class GridDialog : public QDialog
{
    Q_OBJECT
public:
    explicit GridDialog(const ExperimentSpec &base, QWidget *parent = nullptr);

    /// Appends a varied field (its path must be one of fields(); empty: the first not yet varied)
    /// with these values; returns its row.
    int addAxis(const QString &path = QString(), const QString &values = QString());
    void removeAxis(int row);
    int axisCount() const { return int(m_rows.size()); }
    QComboBox *fieldCombo(int row) const;
    QLineEdit *valuesEdit(int row) const;

    /// The fields offered.
    const QList<GridField> &fields() const { return m_fields; }
    QSpinBox *seedsSpin() const { return m_seeds; }
    QSpinBox *jobsSpin() const { return m_jobs; }
    QLineEdit *nameEdit() const { return m_name; }
    QRadioButton *slurmRadio() const { return m_slurm; }
    QPushButton *startButton() const { return m_start; }

    /// Whether sbatch can be used (default: SlurmClient::available()); the Slurm choice is disabled
    /// with a tooltip when not.
    void setSlurmAvailable(bool available);
    bool useSlurm() const;
    int jobs() const;
    QString partition() const;
    int throttle() const;

    /// Checks the grid now (normally done a moment after each edit).
    void validate();
    /// The grid as entered, checked with expand().
    Result<GridSpec> grid() const;
    /// The error shown (empty when the grid is good).
    QString errorText() const;
    /// "2 configurations × 2 seeds = 4 trials".
    QString countText() const;

public Q_SLOTS:
    void accept() override;

private:
    struct Row
    {
        QComboBox *field = nullptr;
        QLineEdit *values = nullptr;
        QToolButton *remove = nullptr;
    };
    void relayoutRows();
    void scheduleValidation();
    void updateExecutor();
    /// The values text as GridAxis::parse() reads it (spaces around commas dropped).
    static QString normalizedValues(const QString &text);

    ExperimentSpec m_base;
    QList<GridField> m_fields;
    QList<Row> m_rows;
    QGridLayout *m_axesLayout = nullptr;
    QLineEdit *m_name = nullptr;
    QSpinBox *m_seeds = nullptr;
    QRadioButton *m_local = nullptr;
    QRadioButton *m_slurm = nullptr;
    QSpinBox *m_jobs = nullptr;
    QLineEdit *m_partition = nullptr;
    QSpinBox *m_throttle = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_start = nullptr;
    QTimer *m_validateTimer = nullptr;
    bool m_slurmAvailable = false;
};

} // namespace qb
