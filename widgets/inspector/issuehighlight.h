#pragma once

#include <QString>

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

} // namespace qb
