#pragma once

#include "spec/networkvalidator.h"

#include <QCoreApplication>
#include <QString>

namespace qb {

/// How a validation problem reads in the views (canvas tooltips, inspector): "field: message",
/// or the message alone when it already names its field, so that "kernel 29x3 is larger than its
/// 5x5 input" does not become "kernel: kernel 29x3 ...".
class IssueText
{
    Q_DECLARE_TR_FUNCTIONS(qb::IssueText)
public:
    static QString line(const ValidationIssue &issue);
    /// Whether `message` names `field` as a whole word, in any case.
    static bool mentionsField(const QString &message, const QString &field);
};

} // namespace qb
