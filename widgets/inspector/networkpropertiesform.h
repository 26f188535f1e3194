#pragma once

#include "spec/networkspec.h"
#include "spec/networkvalidator.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace qb {

/// The network's own properties, shown when no layer is selected: name, description, input
/// shape (an image C x H x W or a vector of features) and whether the input and output adapt to
/// the dataset. Text is committed when editing finishes and the spin boxes when their value is
/// entered (no keyboard tracking), so each change is one undo step of editNetwork().
class NetworkPropertiesForm : public QWidget
{
    Q_OBJECT
public:
    explicit NetworkPropertiesForm(QWidget *parent = nullptr);

    /// Shows `network` without emitting networkEdited().
    void setNetwork(const NetworkSpec &network);
    /// Highlights the input controls when an issue concerns the input.
    void setIssues(const QList<ValidationIssue> &issues);

Q_SIGNALS:
    /// The user changed a property; `description` names the change for the undo history.
    void networkEdited(const qb::NetworkSpec &network, const QString &description);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QSpinBox *sizeSpin(const QString &objectName, int hi);
    void addRow(const QString &label, const QString &toolTip, QWidget *field);
    void commitShape();
    void updateShapeRows();

    NetworkSpec m_network;
    bool m_updating = false;
    QFormLayout *m_form;
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QComboBox *m_inputKind;
    QSpinBox *m_channels;
    QSpinBox *m_height;
    QSpinBox *m_width;
    QSpinBox *m_features;
    QCheckBox *m_adapt;
};

} // namespace qb
