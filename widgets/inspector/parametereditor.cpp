#include "inspector/parametereditor.h"

#include "inspector/compactdoublespinbox.h"
#include "inspector/issuehighlight.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

#include <cmath>
#include <limits>

namespace qb {

namespace {

bool sameShape(const QList<QuantizerParam> &a, const QList<QuantizerParam> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        const QuantizerParam &x = a.at(i);
        const QuantizerParam &y = b.at(i);
        if (x.key != y.key || x.kind != y.kind || x.optional != y.optional || x.minimum != y.minimum
            || x.maximum != y.maximum || x.choices != y.choices || x.description != y.description)
            return false;
    }
    return true;
}

int clampToInt(double v)
{
    return int(qBound(double(std::numeric_limits<int>::min()), v, double(std::numeric_limits<int>::max())));
}

/// The value an optional number takes when the user enables it: its default, else something
/// inside the range that is not 0 (0 means "disabled").
double enabledValue(const QuantizerParam &p)
{
    if (p.defaultNumber != 0.0)
        return p.defaultNumber;
    if (p.minimum > 0.0)
        return p.minimum;
    return qMin(1.0, p.maximum);
}

} // namespace

ParameterEditor::ParameterEditor(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
    , m_emptyLabel(new QLabel(tr("No parameters."), this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_emptyLabel->setEnabled(false);
    m_form->addRow(m_emptyLabel);
}

void ParameterEditor::setEmptyText(const QString &text) { m_emptyLabel->setText(text); }

void ParameterEditor::setParameters(const QList<QuantizerParam> &params, const QJsonObject &values)
{
    m_values = values;
    if (!sameShape(params, m_params) || m_rows.size() != params.size()) {
        m_params = params;
        rebuild();
    }
    for (const Row &row : qAsConst(m_rows))
        showValue(row);
}

void ParameterEditor::setValues(const QJsonObject &values)
{
    m_values = values;
    for (const Row &row : qAsConst(m_rows))
        showValue(row);
}

QWidget *ParameterEditor::editor(const QString &key) const
{
    const Row *row = rowFor(key);
    return row ? row->editor : nullptr;
}

QCheckBox *ParameterEditor::enabledBox(const QString &key) const
{
    const Row *row = rowFor(key);
    return row ? row->enabled : nullptr;
}

const ParameterEditor::Row *ParameterEditor::rowFor(const QString &key) const
{
    for (const Row &row : m_rows) {
        if (row.param.key == key)
            return &row;
    }
    return nullptr;
}

void ParameterEditor::setIssue(const QString &key, const QString &message)
{
    if (QWidget *w = editor(key))
        setIssueHighlight(w, message);
}

void ParameterEditor::clearIssues()
{
    for (const Row &row : qAsConst(m_rows))
        setIssueHighlight(row.editor, QString());
}

void ParameterEditor::rebuild()
{
    while (m_form->rowCount() > 1)
        m_form->removeRow(1); // deletes the row's widgets
    m_rows.clear();
    for (const QuantizerParam &param : qAsConst(m_params)) {
        Row row;
        row.param = param;
        row.editor = createEditor(param);
        QWidget *field = row.editor;
        if (param.optional && param.kind == QuantizerParam::Kind::Number)
            field = createOptionalEditor(row);
        auto *label = new QLabel(param.key, this);
        label->setToolTip(richToolTip(param.description));
        label->setBuddy(row.editor);
        m_form->addRow(label, field);
        m_rows.append(row);
    }
    m_form->setRowVisible(0, m_params.isEmpty());
}

QWidget *ParameterEditor::createEditor(const QuantizerParam &param)
{
    const QString key = param.key;
    QWidget *editor = nullptr;
    switch (param.kind) {
    case QuantizerParam::Kind::Number: {
        auto *spin = new CompactDoubleSpinBox(this);
        spin->setRange(param.minimum, param.maximum);
        if (param.defaultNumber != 0.0)
            spin->setZeroStep(std::pow(10.0, std::floor(std::log10(std::fabs(param.defaultNumber))) - 1.0));
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, key](double v) { commit(key, v); });
        editor = spin;
        break;
    }
    case QuantizerParam::Kind::Integer: {
        auto *spin = new QSpinBox(this);
        spin->setRange(clampToInt(param.minimum), clampToInt(param.maximum));
        connect(spin, &QSpinBox::valueChanged, this, [this, key](int v) { commit(key, v); });
        editor = spin;
        break;
    }
    case QuantizerParam::Kind::Bool: {
        auto *box = new QCheckBox(this);
        connect(box, &QCheckBox::toggled, this, [this, key](bool on) { commit(key, on); });
        editor = box;
        break;
    }
    case QuantizerParam::Kind::Choice: {
        auto *combo = new QComboBox(this);
        combo->addItems(param.choices);
        connect(
            combo, &QComboBox::currentTextChanged, this, [this, key](const QString &t) { commit(key, t); });
        editor = combo;
        break;
    }
    }
    editor->setObjectName(QStringLiteral("param_%1").arg(key));
    editor->setToolTip(richToolTip(param.description));
    // A problem's frame (a style sheet) changes a control's size hint; with its height fixed the
    // rows below do not move while the user types into it.
    editor->setFixedHeight(editor->sizeHint().height());
    return editor;
}

QWidget *ParameterEditor::createOptionalEditor(Row &row)
{
    auto *container = new QWidget(this);
    auto *layout = new QHBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    row.enabled = new QCheckBox(tr("enabled"), container);
    row.enabled->setObjectName(QStringLiteral("param_%1_enabled").arg(row.param.key));
    row.enabled->setToolTip(richToolTip(
        tr("Optional parameter: when unchecked it is left out of the spec, which disables it.\n%1")
            .arg(row.param.description)));
    row.editor->setParent(container);
    layout->addWidget(row.enabled);
    layout->addWidget(row.editor, 1);
    const QuantizerParam param = row.param;
    QCheckBox *enabled = row.enabled;
    QWidget *editor = row.editor;
    connect(enabled, &QCheckBox::toggled, this, [this, param, editor](bool on) {
        auto *spin = static_cast<QDoubleSpinBox *>(editor);
        editor->setEnabled(on);
        if (!on) {
            m_values.remove(param.key);
            Q_EMIT parameterEdited(param.key, m_values);
            return;
        }
        if (spin->value() == 0.0) {
            const QSignalBlocker blocker(spin);
            spin->setValue(enabledValue(param));
        }
        commit(param.key, spin->value());
    });
    return container;
}

void ParameterEditor::showValue(const Row &row)
{
    const QuantizerParam &p = row.param;
    const QJsonValue v = m_values.value(p.key);
    const QSignalBlocker blocker(row.editor);
    switch (p.kind) {
    case QuantizerParam::Kind::Number: {
        auto *spin = static_cast<QDoubleSpinBox *>(row.editor);
        double shown = v.toDouble(p.defaultNumber);
        if (row.enabled) {
            const bool on = v.isDouble() && v.toDouble() != 0.0;
            const QSignalBlocker enabledBlocker(row.enabled);
            row.enabled->setChecked(on);
            spin->setEnabled(on);
            if (!on)
                shown = spin->value() != 0.0 ? spin->value() : enabledValue(p);
        }
        if (spin->value() != shown)
            spin->setValue(shown);
        break;
    }
    case QuantizerParam::Kind::Integer: {
        auto *spin = static_cast<QSpinBox *>(row.editor);
        const int shown = clampToInt(v.toDouble(p.defaultNumber));
        if (spin->value() != shown)
            spin->setValue(shown);
        break;
    }
    case QuantizerParam::Kind::Bool:
        static_cast<QCheckBox *>(row.editor)->setChecked(v.toBool(p.defaultNumber != 0.0));
        break;
    case QuantizerParam::Kind::Choice: {
        auto *combo = static_cast<QComboBox *>(row.editor);
        const QString choice = v.toString(p.defaultChoice);
        int index = combo->findText(choice);
        if (index < 0) {
            // A value outside the choices (a hand-edited file): show it so the validator's
            // complaint about it makes sense.
            combo->addItem(choice);
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(index);
        break;
    }
    }
}

void ParameterEditor::commit(const QString &key, const QJsonValue &value)
{
    m_values.insert(key, value);
    Q_EMIT parameterEdited(key, m_values);
}

} // namespace qb
