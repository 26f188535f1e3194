#include "grid/gridprogressdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace qb {

namespace {
enum Column { TrialColumn, ConfigurationColumn, SeedColumn, StateColumn, DetailColumn, ColumnCount };
}

GridProgressDialog::GridProgressDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("gridProgress"));
    setWindowModality(Qt::NonModal);
    auto *layout = new QVBoxLayout(this);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    layout->addWidget(m_label);
    m_bar = new QProgressBar(this);
    layout->addWidget(m_bar);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels(
        {tr("Trial"), tr("Configuration"), tr("Seed"), tr("State"), tr("Run / reason")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(ConfigurationColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(DetailColumn, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(tr("Cancel grid"), QDialogButtonBox::RejectRole);
    m_cancel->setObjectName(QStringLiteral("cancelGridButton"));
    m_cancel->setToolTip(
        tr("Stop the running trials; they stay pending, and starting the same grid again goes on "
           "where it stopped"));
    m_close = buttons->addButton(tr("Close"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);
    connect(m_cancel, &QPushButton::clicked, this, &GridProgressDialog::cancelRequested);
    connect(m_close, &QPushButton::clicked, this, &QDialog::hide);
    resize(720, 380);
}

QString GridProgressDialog::stateText(TrialState state)
{
    switch (state) {
    case TrialState::Pending:
        return tr("pending");
    case TrialState::Running:
        return tr("running");
    case TrialState::Finished:
        return tr("finished");
    case TrialState::Failed:
        return tr("failed");
    }
    return QString();
}

void GridProgressDialog::setGrid(qint64 gridId, const GridSpec &spec)
{
    setWindowTitle(tr("Grid %1: %2").arg(gridId).arg(spec.name.isEmpty() ? spec.base.name : spec.name));
    const int total = spec.trialCount();
    m_states = QList<TrialState>(total, TrialState::Pending);
    m_table->setRowCount(total);
    for (int i = 0; i < total; ++i) {
        const int configuration = i / spec.seeds;
        const QString values = spec.configurationLabel(spec.configurationValues(configuration));
        const QString cells[ColumnCount]
            = {QString::number(i), values, QString::number(spec.base.train.seed + i % spec.seeds),
                stateText(TrialState::Pending), QString()};
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]);
            m_table->setItem(i, c, item);
        }
    }
    m_table->resizeColumnToContents(TrialColumn);
    m_table->resizeColumnToContents(SeedColumn);
    m_bar->setRange(0, total);
    m_bar->setValue(0);
    m_cancel->setEnabled(true);
    m_label->setText(tr("Starting %n trial(s)…", "", total));
}

void GridProgressDialog::setTrialState(int index, TrialState state, const QString &detail)
{
    if (index < 0 || index >= m_states.size())
        return;
    m_states[index] = state;
    m_table->item(index, StateColumn)->setText(stateText(state));
    m_table->item(index, DetailColumn)->setText(detail);
    m_table->item(index, DetailColumn)->setToolTip(detail);
    const QColor color = state == TrialState::Failed ? QColor(176, 0, 32)
        : state == TrialState::Running               ? QColor(31, 119, 180)
        : state == TrialState::Finished              ? QColor(30, 120, 30)
                                                     : palette().color(QPalette::Text);
    m_table->item(index, StateColumn)->setForeground(color);
}

GridProgressDialog::TrialState GridProgressDialog::trialState(int index) const
{
    return m_states.value(index, TrialState::Pending);
}

void GridProgressDialog::setProgress(int total, int done, int failed, int running, double etaSeconds)
{
    m_bar->setRange(0, total);
    m_bar->setValue(done + failed);
    QString text = tr("%1 of %2 trials finished, %3 failed, %4 running.")
                       .arg(done)
                       .arg(total)
                       .arg(failed)
                       .arg(running);
    if (etaSeconds >= 0)
        text += QLatin1Char(' ')
            + tr("About %n minute(s) left.", "", std::max(1, int(etaSeconds / 60.0 + 0.5)));
    m_label->setText(text);
}

void GridProgressDialog::setEnded(const QString &text)
{
    m_label->setText(text);
    m_cancel->setEnabled(false);
}

QString GridProgressDialog::statusText() const { return m_label->text(); }

} // namespace qb
