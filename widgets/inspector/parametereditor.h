#pragma once

#include "quant/quantizercatalog.h"

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QCheckBox;
class QFormLayout;
class QLabel;

namespace qb {

/// Edits the parameters of a quantizer or a nonideality, as described by their catalogue entry:
/// a spin box for numbers (range from the description), a spin box for integers, a check box for
/// flags and a combo box for choices, each explained by the parameter's description in its
/// tooltip. An optional number gets an "enabled" check box; unchecked, its key is left out.
///
/// The edited object holds only the keys that were set (in the spec or by the user); absent keys
/// show the catalogue's defaults, so a spec stays as short as the user left it.
class ParameterEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ParameterEditor(QWidget *parent = nullptr);

    /// Shows editors for `params` holding `values`. The controls are rebuilt only when the
    /// parameter list differs from the one shown (another quantizer); otherwise only the values
    /// change, so a control keeps its focus. Never emits parameterEdited().
    void setParameters(const QList<QuantizerParam> &params, const QJsonObject &values);
    /// Updates the shown values without rebuilding or emitting.
    void setValues(const QJsonObject &values);
    QJsonObject values() const { return m_values; }
    const QList<QuantizerParam> &parameters() const { return m_params; }
    bool isEmpty() const { return m_params.isEmpty(); }

    /// The control for `key` (a QDoubleSpinBox, QSpinBox, QCheckBox or QComboBox whose
    /// objectName is "param_<key>"), or nullptr.
    QWidget *editor(const QString &key) const;
    /// The "enabled" check box of an optional number ("param_<key>_enabled"), or nullptr.
    QCheckBox *enabledBox(const QString &key) const;

    /// Marks the control of `key` with a validation problem; an empty message clears it.
    void setIssue(const QString &key, const QString &message);
    void clearIssues();

    /// Text shown when there are no parameters ("This quantizer has no parameters.").
    void setEmptyText(const QString &text);

Q_SIGNALS:
    /// The user changed parameter `key`; `params` is the whole edited object.
    void parameterEdited(const QString &key, const QJsonObject &params);

private:
    struct Row
    {
        QuantizerParam param;
        QWidget *editor = nullptr;
        QCheckBox *enabled = nullptr;
    };

    void rebuild();
    QWidget *createEditor(const QuantizerParam &param);
    QWidget *createOptionalEditor(Row &row);
    void showValue(const Row &row);
    void commit(const QString &key, const QJsonValue &value);
    const Row *rowFor(const QString &key) const;

    QFormLayout *m_form;
    QLabel *m_emptyLabel;
    QList<QuantizerParam> m_params;
    QList<Row> m_rows;
    QJsonObject m_values;
};

} // namespace qb
