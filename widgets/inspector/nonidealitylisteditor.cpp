#include "inspector/nonidealitylisteditor.h"

#include "inspector/issuehighlight.h"
#include "inspector/parametereditor.h"
#include "noise/noisecatalog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace qb {

namespace {

QString entryText(const NoiseSpec &spec)
{
    return QStringLiteral("%1 (%2)").arg(spec.model, noisePhaseName(spec.phase));
}

QString perChipText()
{
    return NonidealityListEditor::tr("Drawn once per simulated chip (a fixed pattern), not on every "
                                     "forward pass.");
}

QToolButton *makeButton(
    const QString &text, const QString &objectName, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setObjectName(objectName);
    button->setToolTip(richToolTip(toolTip));
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

NonidealityListEditor::NonidealityListEditor(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_add(makeButton(tr("Add"), QStringLiteral("addNonideality"),
          tr("Add a simulated hardware nonideality to this layer."), this))
    , m_remove(makeButton(
          tr("Remove"), QStringLiteral("removeNonideality"), tr("Remove the selected nonideality."), this))
    , m_up(makeButton(tr("Up"), QStringLiteral("moveNonidealityUp"),
          tr("Apply the selected nonideality earlier (they act in list order)."), this))
    , m_down(makeButton(tr("Down"), QStringLiteral("moveNonidealityDown"),
          tr("Apply the selected nonideality later (they act in list order)."), this))
    , m_details(new QWidget(this))
    , m_description(new QLabel(m_details))
    , m_phase(new QComboBox(m_details))
    , m_parameters(new ParameterEditor(m_details))
{
    m_list->setObjectName(QStringLiteral("nonidealityList"));
    m_list->setToolTip(richToolTip(
        tr("Hardware effects simulated in this layer, applied from top to bottom. Nothing listed: "
           "an ideal device.")));
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 6);

    auto *menu = new QMenu(m_add);
    menu->setToolTipsVisible(true);
    for (const NoiseInfo &info : NoiseCatalog::all()) {
        const QString text = info.perChip ? tr("%1 (per chip)").arg(info.name) : info.name;
        QAction *action = menu->addAction(text);
        action->setData(info.name);
        action->setToolTip(
            info.perChip ? info.description + QLatin1Char(' ') + perChipText() : info.description);
        connect(action, &QAction::triggered, this, [this, name = info.name]() { addNonideality(name); });
    }
    m_add->setMenu(menu);
    m_add->setPopupMode(QToolButton::InstantPopup);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addLayout(buttons);

    m_description->setWordWrap(true);
    m_description->setEnabled(false);
    m_phase->setObjectName(QStringLiteral("nonidealityPhase"));
    m_phase->addItem(tr("training and evaluation"), int(NoisePhase::Both));
    m_phase->addItem(tr("training only"), int(NoisePhase::Training));
    m_phase->addItem(tr("evaluation only"), int(NoisePhase::Evaluation));
    m_phase->setToolTip(richToolTip(
        tr("When the effect acts: during training (noise-aware training makes the network robust "
           "to it), during evaluation (how an ideally trained network fares on the device), or both.")));
    m_parameters->setObjectName(QStringLiteral("nonidealityParameters"));
    auto *detailsForm = new QFormLayout(m_details);
    detailsForm->setContentsMargins(0, 0, 0, 0);
    detailsForm->addRow(m_description);
    auto *phaseLabel = new QLabel(tr("Acts during"), m_details);
    phaseLabel->setToolTip(m_phase->toolTip());
    phaseLabel->setBuddy(m_phase);
    detailsForm->addRow(phaseLabel, m_phase);
    detailsForm->addRow(m_parameters);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_details);

    connect(m_list, &QListWidget::currentRowChanged, this, [this]() {
        showDetails();
        updateButtons();
    });
    connect(m_remove, &QToolButton::clicked, this, &NonidealityListEditor::removeCurrent);
    connect(m_up, &QToolButton::clicked, this, &NonidealityListEditor::moveCurrentUp);
    connect(m_down, &QToolButton::clicked, this, &NonidealityListEditor::moveCurrentDown);
    connect(m_phase, &QComboBox::currentIndexChanged, this, [this](int index) {
        const int row = currentRow();
        if (row < 0)
            return;
        const auto phase = NoisePhase(m_phase->itemData(index).toInt());
        if (m_specs[row].phase == phase)
            return;
        m_specs[row].phase = phase;
        m_list->item(row)->setText(entryText(m_specs[row]));
        emitEdited(entryField(row, QStringLiteral("phase")));
    });
    connect(m_parameters, &ParameterEditor::parameterEdited, this,
        [this](const QString &key, const QJsonObject &params) {
            const int row = currentRow();
            if (row < 0)
                return;
            m_specs[row].params = params;
            emitEdited(entryField(row, key));
        });
    showDetails();
    updateButtons();
}

int NonidealityListEditor::currentRow() const { return m_list->currentRow(); }

void NonidealityListEditor::setCurrentRow(int row) { m_list->setCurrentRow(row); }

void NonidealityListEditor::setNonidealities(const QList<NoiseSpec> &specs)
{
    if (specs == m_specs)
        return;
    m_specs = specs;
    fillList();
}

void NonidealityListEditor::fillList()
{
    const int row = currentRow();
    {
        const QSignalBlocker blocker(m_list);
        // Keep the items (and so the selection) when only values changed.
        while (m_list->count() > m_specs.size())
            delete m_list->takeItem(m_list->count() - 1);
        while (m_list->count() < m_specs.size())
            m_list->addItem(QString());
        for (int i = 0; i < m_specs.size(); ++i) {
            QListWidgetItem *item = m_list->item(i);
            item->setText(entryText(m_specs[i]));
            const NoiseInfo *info = NoiseCatalog::find(m_specs[i].model);
            QString tip = info ? info->description : tr("Unknown nonideality model.");
            if (info && info->perChip)
                tip += QLatin1Char(' ') + perChipText();
            const QString problem = m_issues.value(i);
            if (!problem.isEmpty())
                tip += QLatin1Char('\n') + tr("Problem: %1").arg(problem);
            item->setToolTip(richToolTip(tip));
            item->setForeground(
                problem.isEmpty() ? palette().brush(QPalette::Text) : QBrush(QColor(0xc6, 0x28, 0x28)));
        }
        const int keep = m_specs.isEmpty() ? -1 : qBound(0, row < 0 ? 0 : row, int(m_specs.size()) - 1);
        m_list->setCurrentRow(keep);
    }
    showDetails();
    updateButtons();
}

void NonidealityListEditor::setIssues(const QMap<int, QString> &issuesByRow)
{
    if (issuesByRow == m_issues)
        return;
    m_issues = issuesByRow;
    fillList();
    setIssueHighlight(m_list, m_issues.isEmpty() ? QString() : m_issues.first());
    const int row = currentRow();
    m_parameters->clearIssues();
    if (row >= 0) {
        // Point at the parameter the message names ("... parameter 'sigma' ...").
        const QString problem = m_issues.value(row);
        for (const QuantizerParam &p : m_parameters->parameters()) {
            if (problem.contains(QStringLiteral("'%1'").arg(p.key)))
                m_parameters->setIssue(p.key, problem);
        }
    }
}

void NonidealityListEditor::showDetails()
{
    const int row = currentRow();
    m_details->setVisible(row >= 0);
    if (row < 0)
        return;
    const NoiseSpec &spec = m_specs.at(row);
    const NoiseInfo *info = NoiseCatalog::find(spec.model);
    QString text = info ? info->description : tr("Unknown nonideality model '%1'.").arg(spec.model);
    if (info && info->perChip)
        text += QLatin1Char(' ') + perChipText();
    m_description->setText(text);
    {
        const QSignalBlocker blocker(m_phase);
        m_phase->setCurrentIndex(m_phase->findData(int(spec.phase)));
    }
    m_parameters->setParameters(info ? info->params : QList<QuantizerParam>(), spec.params);
}

void NonidealityListEditor::updateButtons()
{
    const int row = currentRow();
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row < m_specs.size() - 1);
}

void NonidealityListEditor::addNonideality(const QString &model)
{
    NoiseSpec spec;
    spec.model = model;
    m_specs.append(spec);
    fillList();
    setCurrentRow(int(m_specs.size()) - 1);
    emitEdited(QString());
}

void NonidealityListEditor::removeCurrent()
{
    const int row = currentRow();
    if (row < 0)
        return;
    m_specs.removeAt(row);
    fillList();
    emitEdited(QString());
}

void NonidealityListEditor::moveCurrentUp() { moveCurrent(-1); }

void NonidealityListEditor::moveCurrentDown() { moveCurrent(+1); }

void NonidealityListEditor::moveCurrent(int delta)
{
    const int row = currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_specs.size())
        return;
    m_specs.move(row, to);
    fillList();
    setCurrentRow(to);
    emitEdited(QString());
}

QString NonidealityListEditor::entryField(int row, const QString &key) const
{
    return QStringLiteral("nonidealities[%1].%2").arg(row + 1).arg(key);
}

void NonidealityListEditor::emitEdited(const QString &field) { Q_EMIT nonidealitiesEdited(m_specs, field); }

} // namespace qb
