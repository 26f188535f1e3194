#include "common/issuetext.h"

#include <QRegularExpression>

namespace qb {

QString IssueText::line(const ValidationIssue &issue)
{
    if (issue.field.isEmpty() || mentionsField(issue.message, issue.field))
        return issue.message;
    return tr("%1: %2").arg(issue.field, issue.message);
}

bool IssueText::mentionsField(const QString &message, const QString &field)
{
    const QRegularExpression word(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(field)),
        QRegularExpression::CaseInsensitiveOption);
    return word.match(message).hasMatch();
}

} // namespace qb
