#include "transfer/exportrundialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace qb {

namespace {

/// A file name made of the run's name: letters, digits, '-' and '_' only.
QString safeName(const RunRecord &run)
{
    QString name = run.name.isEmpty() ? QStringLiteral("run-%1").arg(run.id) : run.name;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]+")), QStringLiteral("-"));
    return name.isEmpty() ? QStringLiteral("run-%1").arg(run.id) : name;
}

QString formatHelp(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Onnx:
        return QObject::tr("Input 'image' takes the stored pixel values (0–255); the input scaling, the sign "
                           "convention sign(0) = +1 and batch norm are in the graph. Nonidealities are not exported.");
    case ExportFormat::Safetensors:
    case ExportFormat::Npz:
    case ExportFormat::Pt:
        return QObject::tr("Effective weights as used in the forward pass: int8 for binary and ternary layers (with "
                           "a scale where the quantizer has one), batch norm statistics, the network in the metadata.");
    case ExportFormat::C:
        return QObject::tr("PREFIX.h, PREFIX.c and PREFIX_main.c in the chosen folder: C99 without malloc, binarized "
                           "layers bit-packed (XNOR/popcount), same logits as QuantBench.");
    case ExportFormat::Bundle:
        return QObject::tr("One file with the run's settings, epochs, weights, curves, confusion matrix and sweeps. "
                           "File ▸ Import run… in another history recreates the run.");
    case ExportFormat::Report:
        return QObject::tr("A PDF to hand in: network, model summary, curves, confusion matrix, sweeps and settings.");
    }
    return {};
}

} // namespace

ExportRunDialog::ExportRunDialog(const RunRecord &run, const QString &defaultFolder, QWidget *parent)
    : QDialog(parent)
    , m_run(run)
    , m_folder(defaultFolder)
{
    setWindowTitle(tr("Export run %1").arg(run.id));
    setObjectName(QStringLiteral("exportRunDialog"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Run:"), new QLabel(QStringLiteral("#%1 %2").arg(run.id).arg(run.name.toHtmlEscaped())));

    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("exportFormat"));
    for (const ExportFormatInfo &f : exportFormats())
        m_format->addItem(f.title, int(f.format));
    form->addRow(tr("&Format:"), m_format);
    m_formatHelp = new QLabel;
    m_formatHelp->setWordWrap(true);
    form->addRow(QString(), m_formatHelp);

    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("exportPath"));
    auto *browse = new QPushButton(tr("&Browse…"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *pathLabel = new QLabel(tr("&Write to:"));
    pathLabel->setBuddy(m_path); // the field is a row of two widgets: the label needs its buddy
    form->addRow(pathLabel, pathRow);

    m_latent = new QCheckBox(tr("Also the &latent (trained float) weights"));
    m_latent->setObjectName(QStringLiteral("exportLatent"));
    form->addRow(QString(), m_latent);
    m_prefix = new QLineEdit(QStringLiteral("qb_model"));
    m_prefix->setObjectName(QStringLiteral("exportPrefix"));
    m_prefix->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z_][A-Za-z0-9_]{0,40}")), m_prefix));
    m_prefixLabel = new QLabel(tr("C &prefix:"));
    m_prefixLabel->setBuddy(m_prefix);
    form->addRow(m_prefixLabel, m_prefix);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportRunDialog::onFormatChanged);
    connect(browse, &QPushButton::clicked, this, &ExportRunDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &ExportRunDialog::updateOk);
    connect(m_prefix, &QLineEdit::textChanged, this, &ExportRunDialog::updateOk);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    onFormatChanged();
}

ExportFormat ExportRunDialog::format() const
{
    return ExportFormat(m_format->currentData().toInt());
}

void ExportRunDialog::setFormat(ExportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void ExportRunDialog::setOutputPath(const QString &path)
{
    m_path->setText(path);
}

QString ExportRunDialog::suggestedPath(ExportFormat format) const
{
    for (const ExportFormatInfo &f : exportFormats()) {
        if (f.format != format)
            continue;
        const QString base = QDir(m_folder).filePath(safeName(m_run));
        return f.extension.isEmpty() ? base + QStringLiteral("-c") : base + QLatin1Char('.') + f.extension;
    }
    return {};
}

void ExportRunDialog::onFormatChanged()
{
    const ExportFormat f = format();
    m_formatHelp->setText(formatHelp(f));
    const bool weights = f == ExportFormat::Safetensors || f == ExportFormat::Npz || f == ExportFormat::Pt;
    m_latent->setVisible(weights);
    m_prefix->setVisible(f == ExportFormat::C);
    m_prefixLabel->setVisible(f == ExportFormat::C);
    // Follow the format while the path is still a suggestion of ours.
    if (m_path->text().isEmpty() || m_path->text() == m_lastSuggestion) {
        m_lastSuggestion = suggestedPath(f);
        m_path->setText(m_lastSuggestion);
    }
    updateOk();
}

void ExportRunDialog::browse()
{
    const ExportFormat f = format();
    QString chosen;
    if (f == ExportFormat::C) {
        chosen = QFileDialog::getExistingDirectory(this, tr("Folder for the C library"), m_path->text());
    } else {
        QString filter;
        for (const ExportFormatInfo &info : exportFormats())
            if (info.format == f)
                filter = QStringLiteral("%1 (*.%2)").arg(info.title, info.extension);
        chosen = QFileDialog::getSaveFileName(this, tr("Export run"), m_path->text(), filter);
    }
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void ExportRunDialog::updateOk()
{
    const bool prefixOk = format() != ExportFormat::C || m_prefix->hasAcceptableInput();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_path->text().trimmed().isEmpty() && prefixOk);
}

ExportRequest ExportRunDialog::request() const
{
    ExportRequest r;
    r.runId = m_run.id;
    r.format = format();
    r.outPath = m_path->text().trimmed();
    r.latent = m_latent->isChecked();
    r.cPrefix = m_prefix->text();
    return r;
}

} // namespace qb
