#pragma once

#include "quant/quantizercatalog.h"
#include "spec/quantizerspec.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace qb {

class ParameterEditor;

/// Chooses the quantizer of a layer's inputs or kernel: a combo box of the quantizers allowed in
/// that role (first "none (float)"), a line describing the chosen one, and its parameters.
///
/// Edits are reported with a stable undo field: `field` itself when the quantizer changes
/// ("kernel_quantizer"), `field.key` when a parameter changes ("kernel_quantizer.clip"), so that
/// a spin box drag merges into one undo step.
class QuantizerEditor : public QWidget
{
    Q_OBJECT
public:
    QuantizerEditor(QuantizerRole role, const QString &field, QWidget *parent = nullptr);

    /// Shows `spec` without emitting quantizerEdited().
    void setSpec(const QuantizerSpec &spec);
    QuantizerSpec spec() const { return m_spec; }
    QuantizerRole role() const { return m_role; }
    QString field() const { return m_field; }

    QComboBox *comboBox() const { return m_combo; }
    ParameterEditor *parameterEditor() const { return m_parameters; }

    /// Shows a validation problem of this quantizer (red frame on the combo box, and on the
    /// parameter the message names); an empty message clears it.
    void setIssue(const QString &message);

Q_SIGNALS:
    void quantizerEdited(const qb::QuantizerSpec &spec, const QString &field);

private:
    void fillCombo();
    void selectName(const QString &name);
    void showDetails();
    void onComboChanged(int index);
    void onParameterEdited(const QString &key, const QJsonObject &params);

    QuantizerRole m_role;
    QString m_field;
    QuantizerSpec m_spec;
    QComboBox *m_combo;
    QLabel *m_description;
    ParameterEditor *m_parameters;
};

} // namespace qb
