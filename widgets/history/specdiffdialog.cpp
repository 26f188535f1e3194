#include "history/specdiffdialog.h"

#include "spec/experimentspec.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace qb {

namespace {

QJsonObject specObject(const QString &json) { return QJsonDocument::fromJson(json.toUtf8()).object(); }

QString runTitle(const RunRecord &run)
{
    return run.name.isEmpty() ? SpecDiffDialog::tr("run %1").arg(run.id)
                              : SpecDiffDialog::tr("run %1: %2").arg(run.id).arg(run.name);
}

} // namespace

QList<SpecDifference> SpecDiffDialog::compareRuns(const RunRecord &runA, const RunRecord &runB)
{
    QJsonObject a = specObject(runA.specJson);
    QJsonObject b = specObject(runB.specJson);
    const auto specA = ExperimentSpec::fromJson(a);
    const auto specB = ExperimentSpec::fromJson(b);
    if (specA && specB) {
        a = specA->toJson();
        b = specB->toJson();
    }
    return diffSpecs(a, b);
}

SpecDiffDialog::SpecDiffDialog(const RunRecord &runA, const RunRecord &runB, QWidget *parent)
    : QDialog(parent)
    , m_differences(compareRuns(runA, runB))
{
    setWindowTitle(tr("Compare configurations"));
    auto *layout = new QVBoxLayout(this);

    auto *names = new QLabel(tr("Run A: %1\nRun B: %2").arg(runTitle(runA), runTitle(runB)), this);
    names->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(names);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    if (m_differences.isEmpty())
        m_summary->setText(tr("No differences"));
    else
        m_summary->setText(tr("%n field(s) differ", "", int(m_differences.size())));
    layout->addWidget(m_summary);

    m_table = new QTableWidget(int(m_differences.size()), 3, this);
    m_table->setHorizontalHeaderLabels({tr("Path"), tr("Run A"), tr("Run B")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    for (int row = 0; row < m_differences.size(); ++row) {
        const SpecDifference &d = m_differences.at(row);
        const QStringList cells{d.path, d.before, d.after};
        for (int column = 0; column < 3; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            m_table->setItem(row, column, item);
        }
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->resizeColumnsToContents();
    // Whole layers as JSON are long: keep every column readable; the tooltips show the rest.
    for (int column = 0; column < 3; ++column)
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), 320));
    m_table->setVisible(!m_differences.isEmpty());
    layout->addWidget(m_table, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 420);
}

QString SpecDiffDialog::summaryText() const { return m_summary->text(); }

} // namespace qb
