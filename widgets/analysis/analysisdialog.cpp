#include "analysis/analysisdialog.h"

#include "analysis/runheader.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace qb {

AnalysisDialog::AnalysisDialog(
    const RunRecord &run, const QString &title, const QString &explanation, QWidget *parent)
    : QDialog(parent)
    , m_runId(run.id)
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new RunHeader(run, this));
    auto *text = new QLabel(explanation, this);
    text->setObjectName(QStringLiteral("explanation"));
    text->setWordWrap(true);
    layout->addWidget(text);
    m_sections = new QVBoxLayout;
    layout->addLayout(m_sections);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("analysisError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b02020; }"));
    m_error->hide();
    layout->addWidget(m_error);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Start"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AnalysisDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AnalysisDialog::reject);
    layout->addWidget(m_buttons);
    // Wide enough for the explanation to read as a paragraph, narrow enough for 1366x768.
    setMinimumWidth(520);
}

QString AnalysisDialog::errorText() const { return m_error->isHidden() ? QString() : m_error->text(); }

void AnalysisDialog::accept()
{
    const QString problem = validate();
    showError(problem);
    if (problem.isEmpty())
        QDialog::accept();
}

void AnalysisDialog::addSection(QWidget *section) { m_sections->addWidget(section); }

void AnalysisDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

} // namespace qb
