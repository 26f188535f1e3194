#include "train/noisesweep.h"

#include "noise/noisecatalog.h"
#include "spec/networkvalidator.h"
#include "train/evaluationsession.h"
#include "util/summarystats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace qb {

namespace {

NoiseSweepOutcome problem(NoiseSweepOutcome::Problem kind, const QString &message)
{
    NoiseSweepOutcome o;
    o.problem = kind;
    o.error = message;
    return o;
}

/// The network with MODEL.PARAM = value at evaluation on every conv/dense layer.
NetworkSpec withParameter(NetworkSpec network, const QString &model, const QString &param, double value)
{
    for (LayerSpec &layer : network.layers) {
        if (!layer.hasWeights())
            continue;
        bool found = false;
        for (NoiseSpec &noise : layer.nonidealities) {
            if (noise.model == model && noise.activeIn(false)) {
                noise.params.insert(param, value);
                found = true;
            }
        }
        if (!found) {
            NoiseSpec noise;
            noise.model = model;
            noise.phase = NoisePhase::Evaluation;
            noise.params.insert(param, value);
            layer.nonidealities << noise;
        }
    }
    return network;
}

SweepPoint pointOf(double value, const ChipEvaluation &chips)
{
    SweepPoint p;
    p.value = value;
    p.accuracies = chips.accuracies;
    const SummaryStats stats = SummaryStats::of(chips.accuracies);
    p.accuracyMean = stats.mean;
    p.accuracyStd = stats.std;
    p.accuracyMin = stats.min;
    p.accuracyMax = stats.max;
    p.loss = SummaryStats::of(chips.losses).mean;
    return p;
}

/// Reports progress; false when the caller asked to cancel.
bool goOn(const NoiseSweepRequest &request, int done, int total)
{
    return !request.progress || request.progress(done, total);
}

NoiseSweepOutcome cancelled()
{
    return problem(NoiseSweepOutcome::Problem::Cancelled, QObject::tr("cancelled; nothing was stored"));
}

} // namespace

NoiseSweepOutcome NoiseSweep::run(const NoiseSweepRequest &request)
{
    using P = NoiseSweepOutcome::Problem;
    if (request.chips < 1)
        return problem(P::BadInput, QObject::tr("the number of chips must be at least 1"));
    QString model;
    QString param;
    if (!request.parameter.isEmpty()) {
        model = request.parameter.section(QLatin1Char('.'), 0, 0);
        param = request.parameter.section(QLatin1Char('.'), 1);
        const NoiseInfo *info = NoiseCatalog::find(model);
        bool known = false;
        if (info) {
            for (const NoiseParam &p : info->params)
                known = known || (p.key == param && p.kind != NoiseParam::Kind::Choice && p.kind != NoiseParam::Kind::Bool);
        }
        if (!known) {
            QStringList names;
            for (const NoiseInfo &i : NoiseCatalog::all()) {
                for (const NoiseParam &p : i.params) {
                    if (p.kind == NoiseParam::Kind::Number || p.kind == NoiseParam::Kind::Integer)
                        names << i.name + QLatin1Char('.') + p.key;
                }
            }
            return problem(P::BadInput, QObject::tr("unknown sweep parameter '%1' (known: %2)")
                                            .arg(request.parameter, names.join(QStringLiteral(", "))));
        }
        if (request.values.isEmpty())
            return problem(P::BadInput, QObject::tr("no values to sweep"));
    }

    EvaluationSession session;
    if (const Status s = session.open(request.dbPath, request.runId, request.dataDir, request.threads); !s)
        return problem(P::BadInput, s.error());
    const std::shared_ptr<TrainedModel> &trained = session.model;
    trained->setBitPackedEvaluation(request.bitPacked);
    const ExperimentSpec &spec = trained->spec();
    const Dataset *dataset = &session.dataset;

    NoiseSweepOutcome outcome;
    SweepRecord &sweep = outcome.sweep;
    sweep.runId = request.runId;
    QJsonObject settings{{QStringLiteral("chips"), request.chips}, {QStringLiteral("seed"), double(request.seed)}};
    if (!request.bitPacked)
        settings.insert(QStringLiteral("bit_packed"), false);
    const int total = param.isEmpty() ? 1 : int(request.values.size());
    if (!goOn(request, 0, total))
        return cancelled();
    if (param.isEmpty()) {
        sweep.kind = QStringLiteral("montecarlo");
        sweep.parameter = QStringLiteral("chips");
        auto chips = trained->evaluateChips(dataset->test, request.testLimit, request.chips, request.seed);
        if (!chips)
            return problem(P::Failure, chips.error());
        sweep.points << pointOf(request.chips, *chips);
        outcome.seconds = chips->seconds;
        settings.insert(QStringLiteral("test_samples"), chips->samples);
        if (!goOn(request, 1, total))
            return cancelled();
    } else {
        sweep.kind = QStringLiteral("noise");
        sweep.parameter = request.parameter;
        for (double value : request.values) {
            const NetworkSpec network = withParameter(spec.network, model, param, value);
            const ValidationReport report = NetworkValidator::validate(network);
            if (!report.ok())
                return problem(P::BadInput, QObject::tr("%1 = %2: %3").arg(request.parameter).arg(value).arg(report.message(network)));
            auto variant = trained->withNetwork(network);
            if (!variant)
                return problem(P::Failure, variant.error());
            auto chips = (*variant)->evaluateChips(dataset->test, request.testLimit, request.chips, request.seed);
            if (!chips)
                return problem(P::Failure, chips.error());
            sweep.points << pointOf(value, *chips);
            outcome.seconds += chips->seconds;
            settings.insert(QStringLiteral("test_samples"), chips->samples);
            if (!goOn(request, int(sweep.points.size()), total))
                return cancelled();
        }
    }
    sweep.settingsJson = QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact));
    auto id = session.store->addSweep(sweep);
    if (!id)
        return problem(P::Failure, id.error());
    sweep.id = *id;
    return outcome;
}

} // namespace qb
