#pragma once

#include "store/runrecord.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QVBoxLayout;

namespace qb {

/// The frame of the analysis dialogs: which run, what the job does, the dialog's own fields, a line
/// for what is wrong, Start / Cancel. Start validates first: a dialog with a problem stays open and
/// names the field (validate()).
class AnalysisDialog : public QDialog
{
    Q_OBJECT
public:
    AnalysisDialog(
        const RunRecord &run, const QString &title, const QString &explanation, QWidget *parent = nullptr);

    qint64 runId() const { return m_runId; }
    /// Empty when the fields make a valid request; else what is wrong, starting with the field's name.
    virtual QString validate() const = 0;
    /// The problem shown by the last Start (empty: none).
    QString errorText() const;
    QDialogButtonBox *buttons() const { return m_buttons; }

    void accept() override;

protected:
    /// Adds a group or field below the explanation (derived constructors).
    void addSection(QWidget *section);
    /// Shows `text` on the error line (empty: hides it).
    void showError(const QString &text);

private:
    qint64 m_runId;
    QVBoxLayout *m_sections = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace qb
