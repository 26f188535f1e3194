#pragma once

#include "store/runrecord.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace qb {

/// CSV files of the history (RFC 4180: comma-separated, fields with a comma, quote or line break
/// quoted, quotes doubled; UTF-8, one header line). Accuracies are fractions in [0,1] as everywhere
/// in QuantBench; a missing value is an empty field. Errors name the file.
class HistoryExport
{
public:
    /// id, name, created (ISO 8601 UTC), finished, status, network, dataset, seed, epochs_planned,
    /// epochs_done, final_test_accuracy, final_test_loss, best_test_accuracy, group_id, tags
    /// (separated by "; "), notes, error.
    static Status exportRunsCsv(const QList<RunRecord> &runs, const QString &path);
    /// epoch, train_loss, train_accuracy, test_loss, test_accuracy, seconds, samples_per_s.
    static Status exportEpochsCsv(const QList<EpochMetrics> &epochs, const QString &path);

    /// One field, quoted when it has to be.
    static QString csvField(const QString &text);
    /// Fields joined by commas (each quoted as needed), without the line end.
    static QString csvLine(const QStringList &fields);
};

} // namespace qb
