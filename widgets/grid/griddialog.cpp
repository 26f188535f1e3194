#include "grid/griddialog.h"

#include "grid/slurmclient.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace qb {

GridDialog::GridDialog(const ExperimentSpec &base, QWidget *parent)
    : QDialog(parent)
    , m_base(base)
    , m_fields(GridField::of(base))
{
    setObjectName(QStringLiteral("gridDialog"));
    setWindowTitle(tr("Experiment grid"));
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(tr("Trains every combination of the varied fields' values with each seed, "
                                "starting from the open network and the training settings."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(base.name.isEmpty() ? base.network.name : base.name);
    form->addRow(tr("&Name:"), m_name);
    layout->addLayout(form);

    auto *axesBox = new QGroupBox(tr("Varied fields"), this);
    auto *axesOuter = new QVBoxLayout(axesBox);
    auto *axesWidget = new QWidget(axesBox);
    m_axesLayout = new QGridLayout(axesWidget);
    m_axesLayout->setContentsMargins(0, 0, 0, 0);
    m_axesLayout->setColumnStretch(0, 3);
    m_axesLayout->setColumnStretch(1, 2);
    auto *scroll = new QScrollArea(axesBox);
    scroll->setWidget(axesWidget);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumHeight(2 * fontMetrics().height() * 2 + 12); // two rows stay visible
    axesOuter->addWidget(scroll, 1);
    auto *addRow = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add field"), axesBox);
    add->setObjectName(QStringLiteral("addFieldButton"));
    addRow->addWidget(add);
    auto *hint = new QLabel(tr("Values: 1e-3, 1e-2 or 2..8 (integers) or ste_sign, ternary_twn"), axesBox);
    hint->setWordWrap(true);
    QPalette hintPalette = hint->palette();
    hintPalette.setColor(QPalette::WindowText, QColor(90, 90, 90));
    hint->setPalette(hintPalette);
    addRow->addWidget(hint, 1);
    axesOuter->addLayout(addRow);
    layout->addWidget(axesBox, 1);
    connect(add, &QPushButton::clicked, this, [this] { addAxis(); });

    auto *runBox = new QGroupBox(tr("Runs"), this);
    auto *runLayout = new QGridLayout(runBox);
    runLayout->addWidget(new QLabel(tr("&Seeds per configuration:"), runBox), 0, 0);
    m_seeds = new QSpinBox(runBox);
    m_seeds->setRange(1, 100);
    m_seeds->setToolTip(tr("Each configuration is trained with the experiment's seed, seed + 1, …"));
    runLayout->addWidget(m_seeds, 0, 1);
    qobject_cast<QLabel *>(runLayout->itemAtPosition(0, 0)->widget())->setBuddy(m_seeds);
    m_local = new QRadioButton(tr("On this &computer, trials at once:"), runBox);
    m_local->setChecked(true);
    runLayout->addWidget(m_local, 1, 0);
    m_jobs = new QSpinBox(runBox);
    m_jobs->setRange(1, 64);
    m_jobs->setToolTip(tr("Trials trained at the same time, sharing this computer's cores"));
    runLayout->addWidget(m_jobs, 1, 1);
    m_slurm = new QRadioButton(tr("On a Slurm &cluster, partition:"), runBox);
    runLayout->addWidget(m_slurm, 2, 0);
    m_partition = new QLineEdit(runBox);
    m_partition->setPlaceholderText(tr("(the cluster's default)"));
    runLayout->addWidget(m_partition, 2, 1);
    runLayout->addWidget(new QLabel(tr("At most at once (0: no limit):"), runBox), 3, 0);
    m_throttle = new QSpinBox(runBox);
    m_throttle->setRange(0, 10000);
    runLayout->addWidget(m_throttle, 3, 1);
    runLayout->setColumnStretch(1, 1);
    layout->addWidget(runBox);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("gridCount"));
    QFont bold = m_count->font();
    bold.setBold(true);
    m_count->setFont(bold);
    layout->addWidget(m_count);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("gridError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(176, 0, 32));
    m_error->setPalette(errorPalette);
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_start = buttons->addButton(tr("&Start"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("startGridButton"));
    m_start->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &GridDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &GridDialog::reject);

    m_validateTimer = new QTimer(this);
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(150);
    connect(m_validateTimer, &QTimer::timeout, this, &GridDialog::validate);
    connect(m_seeds, &QSpinBox::valueChanged, this, &GridDialog::scheduleValidation);
    connect(m_name, &QLineEdit::textChanged, this, &GridDialog::scheduleValidation);
    connect(m_local, &QRadioButton::toggled, this, &GridDialog::updateExecutor);

    setSlurmAvailable(SlurmClient::available());
    addAxis();
    setMinimumWidth(520);
    resize(680, 500);
    validate();
}

void GridDialog::setSlurmAvailable(bool available)
{
    m_slurmAvailable = available;
    m_slurm->setEnabled(available);
    m_slurm->setToolTip(available ? tr("Submit the trials as Slurm job arrays and a merge job (sbatch)")
                                  : tr("sbatch was not found on the PATH: no Slurm cluster to submit to"));
    if (!available)
        m_local->setChecked(true);
    updateExecutor();
}

void GridDialog::updateExecutor()
{
    const bool slurm = m_slurm->isChecked();
    m_jobs->setEnabled(!slurm);
    m_partition->setEnabled(slurm);
    m_throttle->setEnabled(slurm);
}

bool GridDialog::useSlurm() const { return m_slurmAvailable && m_slurm->isChecked(); }
int GridDialog::jobs() const { return m_jobs->value(); }
QString GridDialog::partition() const { return m_partition->text().trimmed(); }
int GridDialog::throttle() const { return m_throttle->value(); }

int GridDialog::addAxis(const QString &path, const QString &values)
{
    Row row;
    row.field = new QComboBox(this);
    row.field->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    row.field->setMinimumContentsLength(24);
    for (const GridField &f : std::as_const(m_fields)) {
        row.field->addItem(f.label, f.path);
        row.field->setItemData(row.field->count() - 1, f.path, Qt::ToolTipRole);
    }
    QString chosen = path;
    if (chosen.isEmpty()) {
        for (const GridField &f : std::as_const(m_fields)) {
            const bool used = std::any_of(m_rows.cbegin(), m_rows.cend(),
                [&](const Row &r) { return r.field->currentData().toString() == f.path; });
            if (!used) {
                chosen = f.path;
                break;
            }
        }
    }
    row.field->setCurrentIndex(std::max(0, row.field->findData(chosen)));
    row.values = new QLineEdit(values, this);
    row.remove = new QToolButton(this);
    row.remove->setText(QStringLiteral("✕"));
    row.remove->setToolTip(tr("Remove this field"));
    QComboBox *combo = row.field;
    QLineEdit *edit = row.values;
    const auto updatePlaceholder = [this, combo, edit] {
        const int i = combo->currentIndex();
        combo->setToolTip(combo->currentData().toString());
        if (i >= 0 && i < m_fields.size())
            edit->setPlaceholderText(tr("now %1; values, e.g. %2")
                                         .arg(GridAxis::valueText(m_fields.at(i).current),
                                             m_fields.at(i).current.isString() ? QStringLiteral("a, b")
                                                                               : QStringLiteral("1, 2, 4")));
    };
    updatePlaceholder();
    connect(row.field, &QComboBox::currentIndexChanged, this, updatePlaceholder);
    connect(row.field, &QComboBox::currentIndexChanged, this, &GridDialog::scheduleValidation);
    connect(row.values, &QLineEdit::textChanged, this, &GridDialog::scheduleValidation);
    QToolButton *remove = row.remove;
    connect(remove, &QToolButton::clicked, this, [this, remove] {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).remove == remove) {
                removeAxis(i);
                return;
            }
        }
    });
    m_rows.append(row);
    relayoutRows();
    scheduleValidation();
    row.values->setFocus();
    return int(m_rows.size()) - 1;
}

void GridDialog::removeAxis(int index)
{
    if (index < 0 || index >= m_rows.size())
        return;
    const Row row = m_rows.takeAt(index);
    // deleteLater: the remove button's own click may be what got us here.
    for (QWidget *w : {static_cast<QWidget *>(row.field), static_cast<QWidget *>(row.values),
             static_cast<QWidget *>(row.remove)}) {
        m_axesLayout->removeWidget(w);
        w->hide();
        w->deleteLater();
    }
    relayoutRows();
    scheduleValidation();
}

void GridDialog::relayoutRows()
{
    // The rows packed at the top; the empty row below them takes the spare height.
    for (int i = 0; i <= m_rows.size() + 1 && i < m_axesLayout->rowCount(); ++i)
        m_axesLayout->setRowStretch(i, 0);
    for (int i = 0; i < m_rows.size(); ++i) {
        m_axesLayout->addWidget(m_rows[i].field, i, 0);
        m_axesLayout->addWidget(m_rows[i].values, i, 1);
        m_axesLayout->addWidget(m_rows[i].remove, i, 2);
    }
    m_axesLayout->setRowStretch(int(m_rows.size()), 1);
}

QComboBox *GridDialog::fieldCombo(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].field : nullptr;
}

QLineEdit *GridDialog::valuesEdit(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].values : nullptr;
}

QString GridDialog::normalizedValues(const QString &text)
{
    QStringList parts = text.split(QLatin1Char(','));
    for (QString &p : parts)
        p = p.trimmed();
    while (!parts.isEmpty() && parts.last().isEmpty())
        parts.removeLast(); // "1, 2," while typing
    return parts.join(QLatin1Char(','));
}

void GridDialog::scheduleValidation()
{
    m_start->setEnabled(false); // until checked
    m_validateTimer->start();
}

Result<GridSpec> GridDialog::grid() const
{
    using R = Result<GridSpec>;
    GridSpec spec;
    spec.base = m_base;
    spec.name = m_name->text().trimmed();
    spec.seeds = m_seeds->value();
    if (m_rows.isEmpty())
        return R::failure(tr("Add a field to vary."));
    for (const Row &row : m_rows) {
        const QString path = row.field->currentData().toString();
        const QString values = normalizedValues(row.values->text());
        if (values.isEmpty())
            return R::failure(tr("Enter the values of %1.").arg(row.field->currentText()));
        if (std::any_of(
                spec.axes.cbegin(), spec.axes.cend(), [&](const GridAxis &a) { return a.path == path; }))
            return R::failure(tr("%1 is varied twice.").arg(path));
        const Result<GridAxis> axis = GridAxis::parse(path + QLatin1Char('=') + values);
        if (!axis)
            return R::failure(axis.error());
        spec.axes.append(*axis);
    }
    const Result<QList<GridTrial>> trials = spec.expand();
    if (!trials)
        return R::failure(trials.error());
    return spec;
}

void GridDialog::validate()
{
    m_validateTimer->stop();
    // The count as soon as the values parse, even when a value is bad.
    int configurations = m_rows.isEmpty() ? 0 : 1;
    for (const Row &row : std::as_const(m_rows)) {
        const Result<GridAxis> axis = GridAxis::parse(
            row.field->currentData().toString() + QLatin1Char('=') + normalizedValues(row.values->text()));
        configurations *= axis ? int(axis->values.size()) : 0;
    }
    const int seeds = m_seeds->value();
    m_count->setText(tr("%n configuration(s)", "", configurations) + QStringLiteral(" × ")
        + tr("%n seed(s)", "", seeds) + QStringLiteral(" = ")
        + tr("%n trial(s)", "", configurations * seeds));
    const Result<GridSpec> spec = grid();
    m_error->setText(spec ? QString() : spec.error());
    m_error->setVisible(!spec);
    m_start->setEnabled(bool(spec));
}

QString GridDialog::errorText() const
{
    return m_error->isVisible() || !m_error->isHidden() ? m_error->text() : QString();
}

QString GridDialog::countText() const { return m_count->text(); }

void GridDialog::accept()
{
    validate();
    if (!m_start->isEnabled())
        return; // the message says why
    QDialog::accept();
}

} // namespace qb
