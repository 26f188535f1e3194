#include "train/gridrunner.h"

#include "grid/gridworkspace.h"
#include "store/experimentstore.h"
#include "train/experimentrunner.h"
#include "train/runexporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <memory>
#include <sys/prctl.h>

namespace qb {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("qb::GridRunner", text); }

QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

QString defaultWorkDir(const QString &dbPath, qint64 gridId)
{
    const QFileInfo db(dbPath);
    return db.absolutePath() + QLatin1Char('/') + db.completeBaseName() + QStringLiteral("-grids/")
        + QString::number(gridId);
}

Result<GridSpec> gridSpecOf(const GridRecord &record)
{
    const QJsonDocument doc = QJsonDocument::fromJson(record.specJson.toUtf8());
    Result<GridSpec> spec = GridSpec::fromJson(doc.object());
    if (!spec)
        return Result<GridSpec>::failure(tr("grid %1 in the history: %2").arg(record.id).arg(spec.error()));
    return spec;
}

} // namespace

int GridMergeReport::count(GridTrialStatus::State state) const
{
    int n = 0;
    for (const GridTrialStatus &t : trials)
        n += t.state == state ? 1 : 0;
    return n;
}

Result<GridCreated> createGrid(const GridCreateRequest &request)
{
    using R = Result<GridCreated>;
    const Result<QList<GridTrial>> trials = request.grid.expand();
    if (!trials)
        return R::failure(trials.error());
    ExperimentStore store;
    if (const Status s = store.open(request.dbPath.isEmpty() ? ExperimentStore::defaultPath() : request.dbPath); !s)
        return R::failure(s.error());

    // The same grid again (the same command after an interruption) goes on where it stopped, with
    // the thread count it froze (a different --jobs does not make it another grid).
    const QString unfrozen = compact(request.grid.toJson());
    const Result<QList<GridRecord>> existing = store.grids();
    if (!existing)
        return R::failure(existing.error());
    for (const GridRecord &g : *existing) {
        const Result<GridSpec> spec = gridSpecOf(g);
        if (!spec || !QFileInfo::exists(GridWorkspace(g.workDir).manifestPath()))
            continue;
        GridSpec compared = *spec;
        if (request.grid.base.train.threads == 0)
            compared.base.train.threads = 0;
        if (compact(compared.toJson()) == unfrozen)
            return GridCreated{g, *spec, true};
    }
    GridSpec grid = request.grid;
    if (grid.base.train.threads == 0)
        grid.base.train.threads = qMax(1, request.threadsPerTrial);
    const Result<QList<GridTrial>> frozen = grid.expand();
    if (!frozen)
        return R::failure(frozen.error());
    const QString specJson = compact(grid.toJson());

    GridRecord record;
    record.name = grid.name.isEmpty() ? grid.base.name : grid.name;
    record.specJson = specJson;
    record.executor = request.executor;
    const Result<qint64> id = store.createGrid(record);
    if (!id)
        return R::failure(id.error());
    record.id = *id;
    record.workDir = QDir(request.workDir.isEmpty() ? defaultWorkDir(store.path(), record.id)
                                                    : request.workDir + QStringLiteral("/grid-%1").arg(record.id))
                         .absolutePath();
    GridWorkspace::Manifest manifest;
    manifest.gridId = record.id;
    manifest.dbPath = QFileInfo(store.path()).absoluteFilePath();
    manifest.dataDir = request.dataDir.isEmpty() ? QString() : QDir(request.dataDir).absolutePath();
    manifest.trialCount = int(frozen->size());
    manifest.grid = grid;
    if (const Status s = GridWorkspace(record.workDir).create(manifest, *frozen); !s)
        return R::failure(s.error());
    if (const Status s = store.setGridWorkDir(record.id, record.workDir); !s)
        return R::failure(s.error());
    return GridCreated{record, grid, false};
}

Result<GridMergeReport> mergeGrid(const QString &dbPath, qint64 gridId)
{
    using R = Result<GridMergeReport>;
    ExperimentStore store;
    if (const Status s = store.open(dbPath.isEmpty() ? ExperimentStore::defaultPath() : dbPath); !s)
        return R::failure(s.error());
    const Result<GridRecord> record = store.grid(gridId);
    if (!record)
        return R::failure(record.error());
    const Result<GridSpec> spec = gridSpecOf(*record);
    if (!spec)
        return R::failure(spec.error());
    const Result<QList<RunRecord>> runs = store.runs();
    if (!runs)
        return R::failure(runs.error());
    QMap<int, RunRecord> merged; // trial -> its run
    for (const RunRecord &r : *runs) {
        if (r.gridId == gridId && r.gridTrial >= 0)
            merged.insert(r.gridTrial, r);
    }
    const GridWorkspace workspace(record->workDir);
    GridMergeReport report;
    const int trials = spec->trialCount();
    for (int i = 0; i < trials; ++i) {
        GridTrialStatus status;
        status.index = i;
        status.configuration = i / spec->seeds;
        if (merged.contains(i)) {
            status.state = GridTrialStatus::State::Merged;
            status.runId = merged.value(i).id;
            report.trials.append(status);
            continue;
        }
        const GridWorkspace::TrialResult result = workspace.result(i);
        if (result.state == GridWorkspace::TrialState::Failed) {
            status.state = GridTrialStatus::State::Failed;
            status.error = result.error;
        } else if (result.state == GridWorkspace::TrialState::Finished) {
            const ImportResult imported = importRun(store.path(), workspace.bundlePath(i));
            if (imported.problem != ExportProblem::None) {
                status.state = GridTrialStatus::State::Failed;
                status.error = imported.error;
            } else {
                // A trial's seeds form a group headed by the configuration's first merged run.
                qint64 group = imported.runId;
                for (const RunRecord &r : qAsConst(merged)) {
                    if (r.gridTrial / spec->seeds == status.configuration)
                        group = qMin(group, r.groupId >= 0 ? r.groupId : r.id);
                }
                if (const Status s = store.setGridTrial(imported.runId, gridId, i); !s)
                    return R::failure(s.error());
                if (const Status s = store.setGroup(imported.runId, group); !s)
                    return R::failure(s.error());
                RunRecord run;
                run.id = imported.runId;
                run.gridTrial = i;
                run.groupId = group;
                merged.insert(i, run);
                status.state = GridTrialStatus::State::Merged;
                status.runId = imported.runId;
                ++report.newlyMerged;
            }
        }
        report.trials.append(status);
    }
    return report;
}

GridTaskResult runGridTask(const QString &manifestPath, int index, TrainObserver *observer, TrainControl *control)
{
    GridTaskResult out;
    const Result<GridWorkspace::Manifest> manifest = GridWorkspace::readManifest(manifestPath);
    if (!manifest || index < 0 || index >= manifest->trialCount) {
        out.badInput = true;
        out.error = !manifest ? manifest.error()
                              : tr("trial %1 does not exist: the grid's trials are 0 to %2")
                                    .arg(index)
                                    .arg(manifest->trialCount - 1);
        return out;
    }
    const GridWorkspace workspace(QFileInfo(manifestPath).absolutePath());
    auto fail = [&](const QString &error) {
        out.error = tr("grid %1, trial %2: %3").arg(manifest->gridId).arg(index).arg(error);
        workspace.writeResult(index, GridWorkspace::TrialState::Failed, error);
        return out;
    };
    if (const Status s = workspace.clearResult(index); !s) {
        out.error = s.error();
        return out;
    }
    Result<ExperimentSpec> spec = workspace.trial(index);
    if (!spec)
        return fail(spec.error());

    // A private history on this node's temporary disk: the shared history is the merge's alone.
    QTemporaryDir scratch(QDir::tempPath() + QStringLiteral("/quantbench-grid-task-XXXXXX"));
    if (!scratch.isValid())
        return fail(tr("cannot create a temporary folder in %1").arg(QDir::tempPath()));
    RunRequest request;
    request.spec = *spec;
    request.dataDir = manifest->dataDir;
    request.dbPath = scratch.filePath(QStringLiteral("trial.sqlite"));
    ExperimentRunner runner(request);
    runner.setObserver(observer);
    runner.setControl(control);
    const RunOutcome outcome = runner.run();
    if (outcome.problem != RunOutcome::Problem::None)
        return fail(outcome.error);
    if (outcome.result.status == RunStatus::Cancelled) {
        workspace.writeResult(index, GridWorkspace::TrialState::Cancelled);
        out.error = tr("grid %1, trial %2: cancelled").arg(manifest->gridId).arg(index);
        return out;
    }
    if (outcome.result.status != RunStatus::Finished)
        return fail(tr("the run ended %1").arg(runStatusName(outcome.result.status)));

    ExportRequest bundle;
    bundle.dbPath = request.dbPath;
    bundle.runId = outcome.runId;
    bundle.format = ExportFormat::Bundle;
    bundle.outPath = workspace.bundlePath(index);
    bundle.dataDir = manifest->dataDir;
    const ExportResult exported = exportRun(bundle);
    if (exported.problem != ExportProblem::None)
        return fail(exported.error);
    if (const Status s = workspace.writeResult(index, GridWorkspace::TrialState::Finished); !s)
        return fail(s.error());
    out.ok = true;
    return out;
}

LocalGridExecutor::LocalGridExecutor(QString dbPath, qint64 gridId, Options options)
    : m_dbPath(std::move(dbPath))
    , m_gridId(gridId)
    , m_options(std::move(options))
{
}

int LocalGridExecutor::threadsFor(int jobs)
{
    return qMax(1, QThread::idealThreadCount() / qMax(1, jobs));
}

Result<GridMergeReport> LocalGridExecutor::run(const ProgressFn &onProgress, const std::atomic_bool *cancel)
{
    using R = Result<GridMergeReport>;
    // Results left by an earlier, interrupted attempt are merged first and not run again.
    Result<GridMergeReport> report = mergeGrid(m_dbPath, m_gridId);
    if (!report)
        return report;
    QString workDir;
    {
        ExperimentStore store;
        if (const Status s = store.open(m_dbPath); !s)
            return R::failure(s.error());
        const Result<GridRecord> record = store.grid(m_gridId);
        if (!record)
            return R::failure(record.error());
        workDir = record->workDir;
    }
    const QString manifest = GridWorkspace(workDir).manifestPath();
    QList<int> queue;
    for (const GridTrialStatus &t : report->trials) {
        if (t.state != GridTrialStatus::State::Merged)
            queue.append(t.index);
    }
    const int jobs = qMax(1, m_options.jobs);

    Progress progress;
    progress.total = int(report->trials.size());
    progress.merged = report->count(GridTrialStatus::State::Merged);
    QElapsedTimer clock;
    clock.start();
    int finishedHere = 0;
    QElapsedTimer sinceReport;
    sinceReport.start();
    struct Task
    {
        int index;
        std::unique_ptr<QProcess> process;
    };
    std::vector<Task> running;
    auto statusOf = [&](int index) -> GridTrialStatus & { return report->trials[index]; };
    auto emitProgress = [&](const GridTrialStatus *changed) {
        progress.running = int(running.size());
        progress.elapsedSeconds = clock.elapsed() / 1000.0;
        const int remaining = int(queue.size()) + progress.running;
        progress.etaSeconds = finishedHere > 0
            ? progress.elapsedSeconds / finishedHere * remaining * 1.0
            : -1.0;
        if (onProgress)
            onProgress(progress, changed);
        sinceReport.restart();
    };
    progress.failed = 0;
    emitProgress(nullptr);

    while (!queue.isEmpty() || !running.empty()) {
        const bool cancelled = cancel && cancel->load();
        while (!cancelled && !queue.isEmpty() && int(running.size()) < jobs) {
            const int index = queue.takeFirst();
            auto process = std::make_unique<QProcess>();
            process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            process->setStandardOutputFile(QProcess::nullDevice());
            // A task must not outlive the executor (a killed grid leaves no orphans training on).
            process->setChildProcessModifier([]() { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
            process->start(m_options.cliPath,
                {QStringLiteral("grid-task"), QStringLiteral("--manifest"), manifest, QStringLiteral("--index"),
                    QString::number(index)});
            if (!process->waitForStarted(10000)) {
                GridTrialStatus &status = statusOf(index);
                status.state = GridTrialStatus::State::Failed;
                status.error = tr("cannot start %1: %2").arg(m_options.cliPath, process->errorString());
                ++progress.failed;
                emitProgress(&status);
                continue;
            }
            running.push_back({index, std::move(process)});
            emitProgress(&statusOf(index));
        }
        if (cancelled) {
            for (Task &task : running)
                task.process->terminate();
            queue.clear();
        }
        for (auto it = running.begin(); it != running.end();) {
            if (!it->process->waitForFinished(running.size() > 1 ? 50 : 200)
                && it->process->state() != QProcess::NotRunning) {
                ++it;
                continue;
            }
            const int index = it->index;
            it = running.erase(it);
            const Result<GridMergeReport> merged = mergeGrid(m_dbPath, m_gridId);
            if (!merged)
                return merged;
            GridTrialStatus &status = statusOf(index);
            status = merged->trials.at(index);
            if (status.state == GridTrialStatus::State::Merged) {
                ++progress.merged;
                ++finishedHere;
            } else if (status.state == GridTrialStatus::State::Failed) {
                ++progress.failed;
                ++finishedHere;
            }
            emitProgress(&status);
        }
        if (sinceReport.elapsed() >= 1000)
            emitProgress(nullptr);
    }
    return mergeGrid(m_dbPath, m_gridId);
}

} // namespace qb
