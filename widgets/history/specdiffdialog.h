#pragma once

#include "spec/specdiff.h"
#include "store/runrecord.h"

#include <QDialog>
#include <QList>

class QLabel;
class QTableWidget;

namespace qb {

/// The configuration differences of two runs: a table Path | Run A | Run B listing only the fields
/// in which their frozen specs differ (diffSpecs), or "No differences".
class SpecDiffDialog : public QDialog
{
    Q_OBJECT

public:
    SpecDiffDialog(const RunRecord &runA, const RunRecord &runB, QWidget *parent = nullptr);

    QList<SpecDifference> differences() const { return m_differences; }
    QTableWidget *table() const { return m_table; }
    /// The line above the table ("No differences", or how many fields differ).
    QString summaryText() const;

    /// The specs of two runs compared as ExperimentSpec JSON: both parsed and written again (so
    /// defaults filled in by a newer version do not count), or as stored when one does not parse.
    static QList<SpecDifference> compareRuns(const RunRecord &runA, const RunRecord &runB);

private:
    QList<SpecDifference> m_differences;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace qb
