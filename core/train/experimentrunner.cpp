#include "train/experimentrunner.h"

#include "data/datasetlocator.h"
#include "spec/networkvalidator.h"
#include "store/experimentstore.h"

#include <QDir>
#include <QJsonDocument>
#include <QObject>

namespace qb {

namespace {

/// Commits each finished epoch to the history, then forwards to the caller's observer.
class RecordingObserver : public TrainObserver
{
public:
    RecordingObserver(ExperimentStore &store, qint64 runId, TrainObserver *next)
        : m_store(store), m_runId(runId), m_next(next)
    {
    }
    void onBatch(const BatchProgress &progress) override
    {
        if (m_next)
            m_next->onBatch(progress);
    }
    Status onEpoch(const EpochMetrics &metrics) override
    {
        const Status s = m_store.addEpoch(m_runId, metrics);
        if (!s)
            return s;
        return m_next ? m_next->onEpoch(metrics) : Status();
    }

private:
    ExperimentStore &m_store;
    qint64 m_runId;
    TrainObserver *m_next;
};

RunOutcome badInput(const QString &message)
{
    RunOutcome o;
    o.problem = RunOutcome::Problem::BadInput;
    o.error = message;
    return o;
}

} // namespace

ExperimentRunner::ExperimentRunner(RunRequest request) : m_request(std::move(request)) {}

RunOutcome ExperimentRunner::run()
{
    const ExperimentSpec &spec = m_request.spec;
    const ValidationReport report = NetworkValidator::validate(spec.network);
    if (!report.ok())
        return badInput(report.message(spec.network));

    Dataset loaded;
    const Dataset *dataset = m_request.dataset;
    if (!dataset) {
        auto data = DatasetLocator::load(spec.dataset, m_request.dataDir);
        if (!data)
            return badInput(data.error());
        loaded = std::move(*data);
        dataset = &loaded;
    }

    Trainer trainer(spec, *dataset);
    trainer.setControl(m_control);
    if (const Status s = trainer.prepare(); !s)
        return badInput(s.error());

    ExperimentStore store;
    const QString dbPath = m_request.dbPath.isEmpty() ? ExperimentStore::defaultPath() : m_request.dbPath;
    if (const Status s = store.open(dbPath); !s)
        return badInput(s.error());

    RunRecord record;
    record.name = spec.name.isEmpty() ? spec.network.name : spec.name;
    // The frozen spec is the one that trains (a network that adapts to its dataset, sized).
    record.specJson = QString::fromUtf8(QJsonDocument(trainer.spec().toJson()).toJson(QJsonDocument::Compact));
    record.networkName = spec.network.name;
    record.dataset = spec.dataset;
    record.seed = spec.train.seed;
    record.epochsPlanned = spec.train.epochs;
    record.groupId = m_request.groupId >= 0 ? m_request.groupId : -1;
    auto runId = store.createRun(record);
    if (!runId) {
        RunOutcome o;
        o.problem = RunOutcome::Problem::Failure;
        o.error = runId.error();
        return o;
    }

    RunOutcome outcome;
    outcome.runId = *runId;
    if (m_request.groupId == RunRequest::kNewGroup) {
        if (const Status s = store.setGroup(*runId, *runId); !s) {
            outcome.problem = RunOutcome::Problem::Failure;
            outcome.error = s.error();
            store.finishRun(*runId, RunStatus::Failed, s.error());
            return outcome;
        }
    }
    if (m_observer)
        m_observer->onRunStarted(*runId);
    RecordingObserver recorder(store, *runId, m_observer);
    trainer.setObserver(&recorder);
    outcome.result = trainer.run();

    if (outcome.result.status != RunStatus::Failed && !outcome.result.epochs.isEmpty()) {
        const QString path = QDir(store.runDirectory(*runId)).filePath(QStringLiteral("weights.pt"));
        const Status saved = trainer.saveWeights(path);
        if (saved && store.addArtifact(*runId, QStringLiteral("weights"), path))
            outcome.weightsPath = path;
        else if (!saved) {
            outcome.result.status = RunStatus::Failed;
            outcome.result.error = saved.error();
        }
    }
    if (const Status s = store.finishRun(*runId, outcome.result.status, outcome.result.error); !s) {
        outcome.problem = RunOutcome::Problem::Failure;
        outcome.error = s.error();
        return outcome;
    }
    if (outcome.result.status == RunStatus::Failed) {
        outcome.problem = RunOutcome::Problem::Failure;
        outcome.error = outcome.result.error;
    }
    return outcome;
}

} // namespace qb

namespace qb {

QList<RunOutcome> ExperimentRunner::runRepeated(int repeats,
                                                const std::function<void(int, const RunOutcome &)> &onRunDone)
{
    QList<RunOutcome> outcomes;
    const RunRequest original = m_request;
    Dataset loaded;
    if (!m_request.dataset) {
        auto data = DatasetLocator::load(original.spec.dataset, original.dataDir);
        if (!data) {
            outcomes << badInput(data.error());
            return outcomes;
        }
        loaded = std::move(*data);
        m_request.dataset = &loaded;
    }
    m_request.groupId = repeats > 1 ? RunRequest::kNewGroup : -1;
    for (int i = 0; i < repeats; ++i) {
        m_request.spec.train.seed = original.spec.train.seed + i;
        const RunOutcome outcome = run();
        outcomes << outcome;
        if (onRunDone)
            onRunDone(i, outcome);
        if (outcome.problem != RunOutcome::Problem::None || outcome.result.status != RunStatus::Finished)
            break;
        if (i == 0 && repeats > 1)
            m_request.groupId = outcome.runId;
    }
    m_request = original;
    return outcomes;
}

} // namespace qb
