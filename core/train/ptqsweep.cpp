#include "train/ptqsweep.h"

#include "train/evaluationsession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace qb {

namespace {

PtqSweepOutcome problem(PtqSweepOutcome::Problem kind, const QString &message)
{
    PtqSweepOutcome o;
    o.problem = kind;
    o.error = message;
    return o;
}

/// Reports progress; false when the caller asked to cancel.
bool goOn(const PtqSweepRequest &request, int done)
{
    return !request.progress || request.progress(done, int(request.fracBits.size()));
}

PtqSweepOutcome cancelled()
{
    return problem(PtqSweepOutcome::Problem::Cancelled, QObject::tr("cancelled; nothing was stored"));
}

} // namespace

PtqSweepOutcome PtqSweep::run(const PtqSweepRequest &request)
{
    using P = PtqSweepOutcome::Problem;
    if (request.fracBits.isEmpty())
        return problem(P::BadInput, QObject::tr("no fraction bits to sweep"));
    if (!request.weights && !request.activations)
        return problem(P::BadInput, QObject::tr("nothing to quantize: enable weights and/or activations"));
    for (int f : request.fracBits) {
        if (f < 0 || f >= request.wordBits || request.wordBits > 32) {
            return problem(P::BadInput, QObject::tr("fraction bits %1 do not fit a signed word of %2 bits "
                                                    "(need 0 <= frac < word <= 32)")
                                            .arg(f)
                                            .arg(request.wordBits));
        }
    }
    EvaluationSession session;
    if (const Status s = session.open(request.dbPath, request.runId, request.dataDir, request.threads); !s)
        return problem(P::BadInput, s.error());
    const std::shared_ptr<TrainedModel> &model = session.model;
    const Dataset *dataset = &session.dataset;

    PtqSweepOutcome outcome;
    auto reference = model->evaluate(dataset->test, request.testLimit);
    if (!reference)
        return problem(P::Failure, reference.error());
    outcome.floatAccuracy = reference->accuracy;
    outcome.floatLoss = reference->loss;
    if (!goOn(request, 0))
        return cancelled();

    SweepRecord &sweep = outcome.sweep;
    sweep.runId = request.runId;
    sweep.kind = QStringLiteral("ptq");
    sweep.parameter = QStringLiteral("frac_bits");
    QJsonObject settings{{QStringLiteral("word_bits"), request.wordBits},
                         {QStringLiteral("weights"), request.weights},
                         {QStringLiteral("activations"), request.activations},
                         {QStringLiteral("test_samples"), reference->samples},
                         {QStringLiteral("float_accuracy"), reference->accuracy}};
    sweep.settingsJson = QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact));
    for (int f : request.fracBits) {
        PtqConfig config;
        config.weights = request.weights;
        config.activations = request.activations;
        config.wordBits = request.wordBits;
        config.fracBits = f;
        auto metrics = model->evaluate(dataset->test, request.testLimit, &config);
        if (!metrics)
            return problem(P::Failure, metrics.error());
        SweepPoint point;
        point.value = f;
        point.accuracies = {metrics->accuracy};
        point.accuracyMean = point.accuracyMin = point.accuracyMax = metrics->accuracy;
        point.loss = metrics->loss;
        sweep.points << point;
        if (!goOn(request, int(sweep.points.size())))
            return cancelled();
    }
    auto id = session.store->addSweep(sweep);
    if (!id)
        return problem(P::Failure, id.error());
    sweep.id = *id;
    return outcome;
}

} // namespace qb
