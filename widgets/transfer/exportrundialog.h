#pragma once

#include "store/runrecord.h"
#include "train/runexporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace qb {

/// Export run…: the format chooser, where to write, and the options of the chosen format
/// (latent weights for the weight files, the C library's prefix). The path follows the format's
/// extension while the user has not typed one of their own.
class ExportRunDialog : public QDialog
{
    Q_OBJECT
public:
    ExportRunDialog(const RunRecord &run, const QString &defaultFolder, QWidget *parent = nullptr);

    /// The request the dialog describes (run, format, path, options; history and data folder
    /// are the caller's).
    ExportRequest request() const;
    void setFormat(ExportFormat format);
    void setOutputPath(const QString &path);

private:
    void onFormatChanged();
    void browse();
    void updateOk();
    ExportFormat format() const;
    QString suggestedPath(ExportFormat format) const;

    RunRecord m_run;
    QString m_folder;
    QComboBox *m_format = nullptr;
    QLabel *m_formatHelp = nullptr;
    QLineEdit *m_path = nullptr;
    QCheckBox *m_latent = nullptr;
    QLineEdit *m_prefix = nullptr;
    QLabel *m_prefixLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_lastSuggestion;
};

} // namespace qb
