#pragma once

#include "store/runrecord.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace qb {

/// CSV files of the history (RFC 4180: comma-separated, fields with a comma, quote or line break
/// quoted, quotes doubled; UTF-8, one header line). Numbers are written the C way (a point, no
/// grouping, shortest exact text) in whatever language the interface speaks. One unit per
/// column, named in the header where it is not obvious: accuracies are fractions in [0,1]
/// ("..._fraction"), sizes in KiB ("..._kib"), times in seconds. A missing value is an empty field.
/// Errors name the file.
class HistoryExport
{
public:
    /// One line per run with everything that reproduces and characterizes it: id, name, created
    /// and finished (ISO 8601 UTC), status, network, dataset, the training settings (optimizer,
    /// learning_rate, batch_size, momentum, weight_decay, train_limit, test_limit, seed,
    /// epochs_planned), epochs_done, model_size_kib, the distinct weight and input bit widths of the
    /// conv/dense layers ("1; 32"), final and best test accuracy, final test loss, group_id, tags
    /// (separated by "; "), notes, error. See runsHeader().
    static Status exportRunsCsv(const QList<RunRecord> &runs, const QString &path);
    static QStringList runsHeader();
    /// run_id, epoch, train_loss, train_accuracy_fraction, test_loss, test_accuracy_fraction,
    /// seconds, samples_per_s: one line per epoch of run `runId`, so files of several runs can be
    /// concatenated and still told apart.
    static Status exportEpochsCsv(qint64 runId, const QList<EpochMetrics> &epochs, const QString &path);
    static QStringList epochsHeader();

    /// One field, quoted when it has to be.
    static QString csvField(const QString &text);
    /// Fields joined by commas (each quoted as needed), without the line end.
    static QString csvLine(const QStringList &fields);
};

} // namespace qb
