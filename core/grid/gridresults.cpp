#include "grid/gridresults.h"

#include "model/modelsummary.h"
#include "store/experimentstore.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace qb {

Result<GridResults> gridResults(const ExperimentStore &store, qint64 gridId)
{
    using R = Result<GridResults>;
    GridResults out;
    const Result<GridRecord> record = store.grid(gridId);
    if (!record)
        return R::failure(record.error());
    out.record = *record;
    const Result<GridSpec> spec = GridSpec::fromJson(QJsonDocument::fromJson(record->specJson.toUtf8()).object());
    if (!spec)
        return R::failure(QCoreApplication::translate("qb::GridResults", "grid %1 in the history: %2")
                              .arg(gridId)
                              .arg(spec.error()));
    out.spec = *spec;
    const Result<QList<GridTrial>> trials = spec->expand();
    if (!trials)
        return R::failure(trials.error());
    const Result<QList<RunRecord>> runs = store.runs();
    if (!runs)
        return R::failure(runs.error());

    const int configurations = spec->configurationCount();
    QVector<QVector<double>> finals(configurations), bests(configurations), seconds(configurations);
    for (int c = 0; c < configurations; ++c) {
        GridResultRow row;
        row.configuration = c;
        const GridTrial &first = trials->at(c * spec->seeds);
        row.values = first.values;
        row.label = spec->configurationLabel(first.values);
        row.seedsPlanned = spec->seeds;
        if (const Result<ModelSummary> summary = ModelSummary::compute(first.spec.network))
            row.modelSizeKiB = summary->modelSizeKiB;
        out.rows.append(row);
    }
    // Oldest first, so that run ids come in trial order.
    for (auto it = runs->crbegin(); it != runs->crend(); ++it) {
        const RunRecord &run = *it;
        if (run.gridId != gridId || run.gridTrial < 0 || run.status != RunStatus::Finished)
            continue;
        const int c = run.gridTrial / spec->seeds;
        if (c >= configurations)
            continue;
        out.rows[c].runIds.append(run.id);
        finals[c].append(run.finalTestAccuracy);
        bests[c].append(run.bestTestAccuracy);
        double total = 0.0;
        if (const Result<QList<EpochMetrics>> epochs = store.epochs(run.id)) {
            for (const EpochMetrics &e : *epochs)
                total += e.seconds;
        }
        seconds[c].append(total);
    }
    for (int c = 0; c < configurations; ++c) {
        out.rows[c].finalAccuracy = SummaryStats::of(finals[c]);
        out.rows[c].bestAccuracy = SummaryStats::of(bests[c]);
        out.rows[c].trainSeconds = SummaryStats::of(seconds[c]);
    }
    return out;
}

} // namespace qb
