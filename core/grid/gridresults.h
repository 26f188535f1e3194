#pragma once

#include "grid/gridspec.h"
#include "store/runrecord.h"
#include "util/result.h"
#include "util/summarystats.h"

#include <QList>

namespace qb {

class ExperimentStore;

/// One configuration of a grid: its values and its finished trials' figures over seeds.
struct GridResultRow
{
    int configuration = 0;
    QList<QJsonValue> values; ///< one per axis
    QString label;            ///< "path=value, ..."
    int seedsPlanned = 0;
    QList<qint64> runIds;     ///< its finished runs
    SummaryStats finalAccuracy; ///< final test accuracy (fraction)
    SummaryStats bestAccuracy;  ///< best test accuracy over epochs (fraction)
    SummaryStats trainSeconds;  ///< training time (sum of the epochs' times)
    double modelSizeKiB = -1.0; ///< the configuration's model size; -1 when it cannot be computed
};

struct GridResults
{
    GridRecord record;
    GridSpec spec;
    QList<GridResultRow> rows;
};

/// The results table of grid `gridId`: one row per configuration, statistics over its finished runs.
Result<GridResults> gridResults(const ExperimentStore &store, qint64 gridId);

} // namespace qb
