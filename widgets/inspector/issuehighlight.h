#pragma once

#include "spec/networkvalidator.h"

#include <QList>
#include <QString>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class QWidget;

namespace qb {

/// `text` as a rich-text tooltip, so that Qt wraps long explanations instead of showing one
/// screen-wide line.
QString richToolTip(const QString &text);

/// Marks a control with a validation problem: a red frame drawn over it, a reddish background (its
/// palette, so native parts such as a spin box's arrows stay) and the problem appended to its own
/// tooltip (tooltip and palette are remembered and restored). An empty `message` removes the mark.
void setIssueHighlight(QWidget *widget, const QString &message);
/// True while `widget` carries a validation problem (the dynamic property "qbIssue").
bool hasIssueHighlight(const QWidget *widget);
/// What every inspector form does with the validator's issues: marks the widgets `widgetsFor`
/// names for each issue's field, clears the marks of `*highlighted` no longer named, and leaves the
/// marked widgets in `*highlighted`.
void highlightIssues(const QList<ValidationIssue> &issues,
                     const std::function<QList<QWidget *>(const QString &field)> &widgetsFor,
                     QList<QWidget *> *highlighted);

/// Show a value in a control without emitting its change signal when it already shows it (the
/// forms refresh from the document after every edit, and an equal value must not re-edit).
void showValue(QSpinBox *spin, int value);
void showValue(QDoubleSpinBox *spin, double value);
/// Selects the item whose data is `data`.
void showData(QComboBox *combo, int data);

} // namespace qb
