#pragma once
// A RunArchive filled by hand from a history, for the tests of bundles and lab reports (the export
// facade that does this for the program is tested on its own): the small trained run of
// trainedrun.h plus two recorded sweeps and the confusion matrix of its test split.

#include "data/datasetlocator.h"
#include "export/runarchive.h"
#include "model/modelsummary.h"
#include "store/experimentstore.h"
#include "train/trainedmodel.h"

#include "core/train/trainedrun.h"

#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace qb::testdata {

/// A 5-chip noise sweep with spread (hand-made values: the small run has no nonidealities) and a
/// one-evaluation PTQ sweep, stored for `runId`. Returns an error message, empty on success.
inline QString addSweeps(ExperimentStore &store, qint64 runId)
{
    SweepRecord noise;
    noise.runId = runId;
    noise.kind = QStringLiteral("noise");
    noise.parameter = QStringLiteral("sigma");
    noise.settingsJson = QStringLiteral(R"({"chips":5,"model":"weight_noise","seed":7})");
    const double sigmas[] = {0.0, 0.05, 0.1, 0.2};
    for (int i = 0; i < 4; ++i) {
        SweepPoint p;
        p.value = sigmas[i];
        for (int chip = 0; chip < 5; ++chip)
            p.accuracies << 0.9 - 0.15 * i - 0.01 * i * (chip - 2) + 0.001 * chip;
        double sum = 0, lo = 1, hi = 0;
        for (double a : p.accuracies) {
            sum += a;
            lo = std::min(lo, a);
            hi = std::max(hi, a);
        }
        p.accuracyMean = sum / p.accuracies.size();
        double var = 0;
        for (double a : p.accuracies)
            var += (a - p.accuracyMean) * (a - p.accuracyMean);
        p.accuracyStd = std::sqrt(var / p.accuracies.size());
        p.accuracyMin = lo;
        p.accuracyMax = hi;
        p.loss = 0.3 + 0.4 * i;
        noise.points << p;
    }
    SweepRecord ptq;
    ptq.runId = runId;
    ptq.kind = QStringLiteral("ptq");
    ptq.parameter = QStringLiteral("frac_bits");
    ptq.settingsJson = QStringLiteral(R"({"word_bits":16})");
    for (int bits : {1, 2, 4, 8}) {
        SweepPoint p;
        p.value = bits;
        p.accuracyMean = p.accuracyMin = p.accuracyMax = std::min(0.95, 0.2 * bits);
        p.accuracies << p.accuracyMean;
        p.loss = 2.0 / bits;
        ptq.points << p;
    }
    for (const SweepRecord &s : {noise, ptq}) {
        const auto id = store.addSweep(s);
        if (!id)
            return id.error();
    }
    return QString();
}

/// confusion[actual * classes + predicted] of the run on its test split.
inline Result<QVector<int>> confusionOf(
    const ExperimentStore &store, qint64 runId, const DatasetSplit &test, int classes)
{
    auto model = TrainedModel::fromRun(store, runId);
    if (!model)
        return Result<QVector<int>>::failure(model.error());
    auto predicted = (*model)->predict(test, 0);
    if (!predicted)
        return Result<QVector<int>>::failure(predicted.error());
    QVector<int> confusion(classes * classes, 0);
    for (int i = 0; i < predicted->size(); ++i)
        ++confusion[int(test.labels[size_t(i)]) * classes + (*predicted)[i]];
    return confusion;
}

/// The archive of a run as the history holds it (model snapshot left default: the bundle and the
/// report read only the record, epochs, sweeps, weights, summary and confusion).
inline Result<RunArchive> archiveOf(const ExperimentStore &store, qint64 runId)
{
    using R = Result<RunArchive>;
    RunArchive a;
    auto run = store.run(runId);
    auto epochs = store.epochs(runId);
    auto sweeps = store.sweeps(runId);
    auto artifacts = store.artifacts(runId);
    if (!run || !epochs || !sweeps || !artifacts)
        return R::failure(QStringLiteral("cannot read run %1").arg(runId));
    a.run = *run;
    a.epochs = *epochs;
    a.sweeps = *sweeps;
    for (const ArtifactRecord &artifact : *artifacts) {
        if (artifact.kind == QLatin1String("weights"))
            a.weightsPath = artifact.path;
    }
    auto spec = ExperimentSpec::fromJson(QJsonDocument::fromJson(a.run.specJson.toUtf8()).object());
    if (!spec)
        return R::failure(spec.error());
    auto summary = ModelSummary::compute(spec->network);
    if (!summary)
        return R::failure(summary.error());
    a.summary = *summary;
    a.model.runId = runId;
    a.model.runName = a.run.name;
    return a;
}

} // namespace qb::testdata
