// quantbench-cli grid / grid-task: experiment grids (core/grid, core/train/gridrunner).
#include "clicommon.h"

#include "grid/gridresults.h"
#include "grid/gridspec.h"
#include "grid/gridworkspace.h"
#include "grid/slurmclient.h"
#include "grid/slurmgrid.h"
#include "spec/presetlibrary.h"
#include "store/experimentstore.h"
#include "train/gridrunner.h"
#include "train/trainobserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLoggingCategory>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace qb::cli {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("cli", text); }

std::atomic_bool g_cancelGrid{false};
TrainControl *g_taskControl = nullptr;

extern "C" void onGridInterrupt(int)
{
    g_cancelGrid.store(true);
    if (g_taskControl)
        g_taskControl->cancel.store(true);
}

QString percent(double fraction) { return QString::number(100.0 * fraction, 'f', 2); }

QString duration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("?");
    const int s = int(seconds + 0.5);
    return s >= 3600 ? QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60)
        : s >= 60   ? QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60)
                    : QStringLiteral("%1 s").arg(s);
}

std::optional<qint64> gridIdArgument(const QCommandLineParser &parser, const QString &sub)
{
    bool ok = false;
    const QStringList args = parser.positionalArguments();
    const qint64 id = args.size() >= 2 ? args.at(1).toLongLong(&ok) : -1;
    if (!ok || id < 1) {
        printErr(tr("quantbench-cli grid %1: give the grid's id (see 'quantbench-cli grid list')").arg(sub));
        return std::nullopt;
    }
    return id;
}

QString trialStateName(GridTrialStatus::State state)
{
    switch (state) {
    case GridTrialStatus::State::Merged:
        return QStringLiteral("finished");
    case GridTrialStatus::State::Failed:
        return QStringLiteral("failed");
    case GridTrialStatus::State::Pending:
        break;
    }
    return QStringLiteral("pending");
}

/// The failed trials by index and reason; the exit status of a grid command.
int reportTrials(const GridMergeReport &report, bool json)
{
    const int failed = report.count(GridTrialStatus::State::Failed);
    for (const GridTrialStatus &t : report.trials) {
        if (t.state != GridTrialStatus::State::Failed)
            continue;
        if (json) {
            printJsonLine({{QStringLiteral("event"), QStringLiteral("trial_failed")},
                {QStringLiteral("trial"), t.index}, {QStringLiteral("error"), t.error}});
        } else {
            printErr(tr("trial %1 failed: %2").arg(t.index).arg(t.error));
        }
    }
    return failed > 0 ? kExitFailure : kExitOk;
}

void printTable(const GridResults &results, bool json, bool csv)
{
    const QList<GridAxis> &axes = results.spec.axes;
    if (json) {
        QJsonArray rows;
        for (const GridResultRow &row : results.rows) {
            QJsonObject values;
            for (int a = 0; a < axes.size(); ++a)
                values.insert(axes[a].path, row.values.value(a));
            QJsonArray ids;
            for (qint64 id : row.runIds)
                ids.append(double(id));
            auto stats = [](const SummaryStats &s) {
                return s.count == 0 ? QJsonValue()
                                    : QJsonValue(QJsonObject{{QStringLiteral("mean"), s.mean},
                                          {QStringLiteral("std"), s.std}, {QStringLiteral("min"), s.min},
                                          {QStringLiteral("max"), s.max}});
            };
            rows.append(QJsonObject{{QStringLiteral("configuration"), row.configuration},
                {QStringLiteral("values"), values}, {QStringLiteral("label"), row.label},
                {QStringLiteral("seeds"), row.seedsPlanned}, {QStringLiteral("runs"), ids},
                {QStringLiteral("final_test_acc"), stats(row.finalAccuracy)},
                {QStringLiteral("best_test_acc"), stats(row.bestAccuracy)},
                {QStringLiteral("train_seconds"), stats(row.trainSeconds)},
                {QStringLiteral("model_size_kib"), row.modelSizeKiB < 0 ? QJsonValue() : QJsonValue(row.modelSizeKiB)}});
        }
        printJsonLine({{QStringLiteral("event"), QStringLiteral("grid")},
            {QStringLiteral("grid_id"), double(results.record.id)}, {QStringLiteral("name"), results.record.name},
            {QStringLiteral("rows"), rows}});
        return;
    }
    if (csv) {
        QStringList header{QStringLiteral("grid_id"), QStringLiteral("configuration")};
        for (const GridAxis &axis : axes)
            header << axis.path;
        header << QStringLiteral("seeds") << QStringLiteral("runs");
        for (const char *m : {"final_test_acc", "best_test_acc", "train_seconds"}) {
            for (const char *s : {"mean", "std", "min", "max"})
                header << QStringLiteral("%1_%2").arg(QLatin1String(m), QLatin1String(s));
        }
        header << QStringLiteral("model_size_kib") << QStringLiteral("run_ids");
        printOut(header.join(QLatin1Char(',')) + QLatin1Char('\n'));
        for (const GridResultRow &row : results.rows) {
            QStringList fields{QString::number(results.record.id), QString::number(row.configuration)};
            for (int a = 0; a < axes.size(); ++a) {
                QString v = GridAxis::valueText(row.values.value(a));
                if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')))
                    v = QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
                fields << v;
            }
            fields << QString::number(row.seedsPlanned) << QString::number(row.runIds.size());
            for (const SummaryStats *s : {&row.finalAccuracy, &row.bestAccuracy, &row.trainSeconds}) {
                for (double v : {s->mean, s->std, s->min, s->max})
                    fields << (s->count == 0 ? QString() : QString::number(v, 'g', 10));
            }
            fields << (row.modelSizeKiB < 0 ? QString() : QString::number(row.modelSizeKiB, 'f', 3));
            QStringList ids;
            for (qint64 id : row.runIds)
                ids << QString::number(id);
            fields << ids.join(QLatin1Char(' '));
            printOut(fields.join(QLatin1Char(',')) + QLatin1Char('\n'));
        }
        return;
    }
    printOut(tr("Grid %1 \"%2\": %3 configurations x %4 seeds\n")
                 .arg(results.record.id)
                 .arg(results.record.name)
                 .arg(results.rows.size())
                 .arg(results.spec.seeds));
    printOut(tr("  #  runs  final test acc %: mean ± std [min, max]   best test acc %: mean ± std   size KiB   train s  configuration\n"));
    for (const GridResultRow &row : results.rows) {
        const SummaryStats &f = row.finalAccuracy;
        const SummaryStats &b = row.bestAccuracy;
        const QString finalText = f.count == 0 ? QStringLiteral("-")
                                               : QStringLiteral("%1 ± %2 [%3, %4]")
                                                     .arg(percent(f.mean), percent(f.std), percent(f.min), percent(f.max));
        const QString bestText
            = b.count == 0 ? QStringLiteral("-") : QStringLiteral("%1 ± %2").arg(percent(b.mean), percent(b.std));
        printOut(QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                     .arg(row.configuration, 3)
                     .arg(QStringLiteral("%1/%2").arg(row.runIds.size()).arg(row.seedsPlanned), 4)
                     .arg(finalText, -40)
                     .arg(bestText, -28)
                     .arg(row.modelSizeKiB < 0 ? QStringLiteral("-") : QString::number(row.modelSizeKiB, 'f', 2), 9)
                     .arg(row.trainSeconds.count == 0 ? QStringLiteral("-")
                                                      : QString::number(row.trainSeconds.mean, 'f', 1),
                         8)
                     .arg(row.label));
    }
}

int showGrid(const QCommandLineParser &parser, qint64 id)
{
    ExperimentStore store;
    if (const Status s = store.open(historyPath(parser)); !s) {
        printErr(s.error());
        return kExitBadInput;
    }
    const Result<GridResults> results = gridResults(store, id);
    if (!results) {
        printErr(results.error());
        return kExitBadInput;
    }
    printTable(*results, parser.isSet(QStringLiteral("json")), parser.isSet(QStringLiteral("csv")));
    return kExitOk;
}

int listGrids(const QCommandLineParser &parser)
{
    ExperimentStore store;
    if (const Status s = store.open(historyPath(parser)); !s) {
        printErr(s.error());
        return kExitBadInput;
    }
    const Result<QList<GridRecord>> grids = store.grids();
    if (!grids) {
        printErr(grids.error());
        return kExitFailure;
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    QJsonArray all;
    for (const GridRecord &g : *grids) {
        if (json) {
            all.append(QJsonObject{{QStringLiteral("id"), double(g.id)}, {QStringLiteral("name"), g.name},
                {QStringLiteral("executor"), g.executor}, {QStringLiteral("work_dir"), g.workDir},
                {QStringLiteral("created"), g.created.toString(Qt::ISODate)}});
        } else {
            printOut(QStringLiteral("%1  %2  %3  %4  %5\n")
                         .arg(g.id, 4)
                         .arg(g.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                         .arg(g.executor, -5)
                         .arg(g.name, g.workDir));
        }
    }
    if (json)
        printJsonLine({{QStringLiteral("grids"), all}});
    return kExitOk;
}

int statusOrMerge(const QCommandLineParser &parser, qint64 id, bool merge)
{
    const QString db = historyPath(parser);
    const bool json = parser.isSet(QStringLiteral("json"));
    // status merges too: results a finished task left are in the history as soon as anyone looks.
    const Result<GridMergeReport> report = mergeGrid(db, id);
    if (!report) {
        printErr(report.error());
        return kExitBadInput;
    }
    QMap<QString, QString> queue;
    ExperimentStore store;
    if (const Status s = store.open(db); s) {
        const Result<GridRecord> record = store.grid(id);
        if (record && !record->jobIds.isEmpty() && SlurmClient::available()) {
            const Result<QMap<QString, QString>> states = SlurmClient().states(record->jobIds);
            if (states)
                queue = *states;
            else
                printErr(states.error());
        }
    }
    const int merged = report->count(GridTrialStatus::State::Merged);
    const int failed = report->count(GridTrialStatus::State::Failed);
    const int pending = report->count(GridTrialStatus::State::Pending);
    if (json) {
        QJsonArray trials;
        for (const GridTrialStatus &t : report->trials) {
            QJsonObject o{{QStringLiteral("trial"), t.index}, {QStringLiteral("configuration"), t.configuration},
                {QStringLiteral("state"), trialStateName(t.state)}};
            if (t.runId >= 0)
                o.insert(QStringLiteral("run_id"), double(t.runId));
            if (!t.error.isEmpty())
                o.insert(QStringLiteral("error"), t.error);
            trials.append(o);
        }
        QJsonObject jobs;
        for (auto it = queue.cbegin(); it != queue.cend(); ++it)
            jobs.insert(it.key(), it.value());
        printJsonLine({{QStringLiteral("event"), merge ? QStringLiteral("merged") : QStringLiteral("status")},
            {QStringLiteral("grid_id"), double(id)}, {QStringLiteral("finished"), merged},
            {QStringLiteral("failed"), failed}, {QStringLiteral("pending"), pending},
            {QStringLiteral("newly_merged"), report->newlyMerged}, {QStringLiteral("trials"), trials},
            {QStringLiteral("slurm"), jobs}});
    } else {
        printOut(tr("Grid %1: %2 of %3 trials finished and in the history (%4 just merged), %5 failed, %6 pending.\n")
                     .arg(id)
                     .arg(merged)
                     .arg(report->trials.size())
                     .arg(report->newlyMerged)
                     .arg(failed)
                     .arg(pending));
        for (auto it = queue.cbegin(); it != queue.cend(); ++it)
            printOut(tr("  Slurm job %1: %2\n").arg(it.key(), it.value()));
    }
    const int failedExit = reportTrials(*report, json);
    return merge ? failedExit : kExitOk;
}

int cancelGrid(const QCommandLineParser &parser, qint64 id)
{
    ExperimentStore store;
    if (const Status s = store.open(historyPath(parser)); !s) {
        printErr(s.error());
        return kExitBadInput;
    }
    const Result<GridRecord> record = store.grid(id);
    if (!record) {
        printErr(record.error());
        return kExitBadInput;
    }
    if (record->jobIds.isEmpty()) {
        printErr(tr("quantbench-cli grid cancel: grid %1 has no Slurm jobs (a local grid stops with Ctrl+C)").arg(id));
        return kExitBadInput;
    }
    if (const Status s = SlurmClient().cancel(record->jobIds); !s) {
        printErr(s.error());
        return kExitFailure;
    }
    printOut(tr("Cancelled the Slurm jobs of grid %1: %2\n").arg(id).arg(record->jobIds.join(QStringLiteral(", "))));
    return kExitOk;
}

Result<ExperimentSpec> baseExperiment(const QCommandLineParser &parser)
{
    using R = Result<ExperimentSpec>;
    const bool hasExperiment = parser.isSet(QStringLiteral("experiment"));
    if (hasExperiment == parser.isSet(QStringLiteral("preset")))
        return R::failure(tr("quantbench-cli grid: give exactly one of --experiment FILE or --preset NAME"));
    ExperimentSpec spec;
    if (hasExperiment) {
        Result<ExperimentSpec> loaded = ExperimentSpec::fromFile(parser.value(QStringLiteral("experiment")));
        if (!loaded)
            return loaded;
        spec = *loaded;
    } else {
        const Result<NetworkSpec> network = PresetLibrary::load(parser.value(QStringLiteral("preset")));
        if (!network)
            return R::failure(network.error());
        spec = ExperimentSpec::forNetwork(*network);
    }
    const QStringList fixed = parser.values(QStringLiteral("set"));
    if (fixed.isEmpty())
        return spec;
    QJsonObject json = spec.toJson();
    for (const QString &text : fixed) {
        const Result<GridAxis> field = GridAxis::parse(text);
        if (!field)
            return R::failure(QString(field.error()).replace(QStringLiteral("--vary"), QStringLiteral("--set")));
        if (field->values.size() != 1)
            return R::failure(tr("--set %1: one value, not %2 (use --vary to vary it)").arg(field->path).arg(field->values.size()));
        if (const Status s = setExperimentField(json, field->path, field->values.first()); !s)
            return R::failure(tr("--set %1: %2").arg(field->path, s.error()));
    }
    Result<ExperimentSpec> set = ExperimentSpec::fromJson(json);
    if (!set)
        return R::failure(tr("--set: %1").arg(set.error()));
    return set;
}

int runGridCreate(const QCommandLineParser &parser)
{
    const bool json = parser.isSet(QStringLiteral("json"));
    const Result<ExperimentSpec> base = baseExperiment(parser);
    if (!base) {
        printErr(base.error());
        return kExitBadInput;
    }
    GridCreateRequest request;
    request.dbPath = historyPath(parser);
    request.grid.base = *base;
    request.grid.name = parser.value(QStringLiteral("name"));
    request.workDir = parser.value(QStringLiteral("work-dir"));
    request.dataDir = parser.value(QStringLiteral("data-dir"));
    for (const QString &text : parser.values(QStringLiteral("vary"))) {
        const Result<GridAxis> axis = GridAxis::parse(text);
        if (!axis) {
            printErr(axis.error());
            return kExitBadInput;
        }
        request.grid.axes.append(*axis);
    }
    bool ok = true;
    request.grid.seeds = parser.isSet(QStringLiteral("seeds")) ? parser.value(QStringLiteral("seeds")).toInt(&ok) : 1;
    const int jobs = parser.isSet(QStringLiteral("jobs")) ? parser.value(QStringLiteral("jobs")).toInt(&ok) : 1;
    if (!ok || request.grid.seeds < 1 || jobs < 1) {
        printErr(tr("quantbench-cli grid: --seeds and --jobs must be integers >= 1"));
        return kExitBadInput;
    }
    const QString executor = parser.value(QStringLiteral("executor")).isEmpty() ? QStringLiteral("local")
                                                                                : parser.value(QStringLiteral("executor"));
    if (executor != QLatin1String("local") && executor != QLatin1String("slurm")) {
        printErr(tr("quantbench-cli grid: --executor must be local or slurm, got '%1'").arg(executor));
        return kExitBadInput;
    }
    request.executor = executor;
    bool threadsOk = true;
    request.threadsPerTrial = parser.isSet(QStringLiteral("threads"))
        ? parser.value(QStringLiteral("threads")).toInt(&threadsOk)
        : executor == QLatin1String("slurm") ? 1 : LocalGridExecutor::threadsFor(jobs);
    if (!threadsOk || request.threadsPerTrial < 1) {
        printErr(tr("quantbench-cli grid: --threads must be an integer >= 1"));
        return kExitBadInput;
    }
    const Result<GridCreated> created = createGrid(request);
    if (!created) {
        printErr(created.error());
        return kExitBadInput;
    }
    const GridRecord &grid = created->record;
    const int total = created->grid.trialCount();
    if (json) {
        printJsonLine({{QStringLiteral("event"), QStringLiteral("grid_started")}, {QStringLiteral("grid_id"), double(grid.id)},
            {QStringLiteral("resumed"), created->resumed}, {QStringLiteral("trials"), total},
            {QStringLiteral("configurations"), request.grid.configurationCount()},
            {QStringLiteral("work_dir"), grid.workDir}});
    } else {
        printOut((created->resumed ? tr("Resuming grid %1 (%2 configurations x %3 seeds = %4 trials, %5 thread(s) each) in %6\n")
                                   : tr("Grid %1: %2 configurations x %3 seeds = %4 trials, %5 thread(s) each, in %6\n"))
                     .arg(grid.id)
                     .arg(request.grid.configurationCount())
                     .arg(request.grid.seeds)
                     .arg(total)
                     .arg(created->grid.base.train.threads)
                     .arg(grid.workDir));
    }
    const QString cli = QCoreApplication::applicationFilePath();

    if (executor == QLatin1String("slurm")) {
        const Result<GridMergeReport> report = mergeGrid(request.dbPath, grid.id);
        if (!report) {
            printErr(report.error());
            return kExitFailure;
        }
        SlurmGridRequest slurm;
        slurm.gridId = grid.id;
        slurm.dbPath = QFileInfo(request.dbPath).absoluteFilePath();
        slurm.workDir = grid.workDir;
        slurm.cliPath = cli;
        slurm.partition = parser.value(QStringLiteral("partition"));
        slurm.throttle = parser.isSet(QStringLiteral("jobs")) ? jobs : 0;
        slurm.cpusPerTask = created->grid.base.train.threads;
        for (const GridTrialStatus &t : report->trials) {
            if (t.state != GridTrialStatus::State::Merged)
                slurm.trials.append(t.index);
        }
        if (slurm.trials.isEmpty()) {
            printOut(tr("Every trial is finished already.\n"));
            return showGrid(parser, grid.id);
        }
        const Result<SlurmGridSubmission> submitted = submitGridToSlurm(slurm);
        if (!submitted) {
            printErr(submitted.error());
            return kExitFailure;
        }
        ExperimentStore store;
        if (const Status s = store.open(request.dbPath); s)
            store.setGridJobs(grid.id, submitted->arrayJobs + QStringList{submitted->mergeJob});
        if (json) {
            printJsonLine({{QStringLiteral("event"), QStringLiteral("submitted")}, {QStringLiteral("grid_id"), double(grid.id)},
                {QStringLiteral("array_jobs"), QJsonArray::fromStringList(submitted->arrayJobs)},
                {QStringLiteral("merge_job"), submitted->mergeJob}, {QStringLiteral("trials"), int(slurm.trials.size())}});
        } else {
            printOut(tr("Submitted %1 trials as Slurm array job(s) %2; merge job %3 imports them into %4.\n"
                        "Follow it with 'quantbench-cli grid status %5', stop it with 'quantbench-cli grid cancel %5'.\n")
                         .arg(slurm.trials.size())
                         .arg(submitted->arrayJobs.join(QStringLiteral(", ")), submitted->mergeJob, request.dbPath)
                         .arg(grid.id));
        }
        return kExitOk;
    }

    LocalGridExecutor::Options options;
    options.cliPath = cli;
    options.jobs = jobs;
    const bool tty = isatty(fileno(stderr)) != 0;
    std::signal(SIGINT, onGridInterrupt);
    std::signal(SIGTERM, onGridInterrupt);
    LocalGridExecutor executor_(request.dbPath, grid.id, options);
    const Result<GridMergeReport> report = executor_.run(
        [&](const LocalGridExecutor::Progress &p, const GridTrialStatus *changed) {
            if (changed && changed->state != GridTrialStatus::State::Pending) {
                if (json) {
                    QJsonObject o{{QStringLiteral("event"), QStringLiteral("trial_done")},
                        {QStringLiteral("trial"), changed->index}, {QStringLiteral("state"), trialStateName(changed->state)}};
                    if (changed->runId >= 0)
                        o.insert(QStringLiteral("run_id"), double(changed->runId));
                    if (!changed->error.isEmpty())
                        o.insert(QStringLiteral("error"), changed->error);
                    printJsonLine(o);
                } else if (!tty) {
                    printOut(tr("trial %1 %2%3\n")
                                 .arg(changed->index)
                                 .arg(trialStateName(changed->state))
                                 .arg(changed->runId >= 0 ? tr(" (run %1)").arg(changed->runId) : QString()));
                }
            }
            if (tty) {
                std::fprintf(stderr, "\r%s", qPrintable(tr("grid %1: %2/%3 trials done, %4 failed, %5 running, %6 elapsed, ETA %7   ")
                                                         .arg(grid.id)
                                                         .arg(p.merged)
                                                         .arg(p.total)
                                                         .arg(p.failed)
                                                         .arg(p.running)
                                                         .arg(duration(p.elapsedSeconds), duration(p.etaSeconds))));
                std::fflush(stderr);
            }
        },
        &g_cancelGrid);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (tty)
        std::fprintf(stderr, "\n");
    if (!report) {
        printErr(report.error());
        return kExitFailure;
    }
    const int exit = reportTrials(*report, json);
    if (g_cancelGrid.load()) {
        printErr(tr("grid %1 stopped: run the same command again to go on where it stopped").arg(grid.id));
        return kExitFailure;
    }
    const int shown = showGrid(parser, grid.id);
    return exit != kExitOk ? exit : shown;
}

} // namespace

int runGrid(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Experiment grids: every combination of the varied fields x N seeds, one grid in the history.\n"
        "  grid --experiment FILE | --preset NAME --vary PATH=V1,V2,... [...]   create and run (or resume) a grid\n"
        "  grid show ID [--json|--csv]   the results table: per configuration, mean/std/min/max over seeds\n"
        "  grid status ID                trials finished, failed and pending (and the Slurm jobs' states)\n"
        "  grid cancel ID                cancels a Slurm grid's jobs\n"
        "  grid merge ID                 imports finished trial results into the history (the Slurm merge job)\n"
        "  grid list                     the grids in the history\n"
        "PATH is a field of the experiment JSON: train.learning_rate, layers[3].kernel_quantizer.name "
        "(layers[...] is short for network.layers[...], counted from 0), layers[*].kernel_quantizer.frac_bits "
        "(every layer that has it), layers[0].nonidealities[0].sigma. Values: 1e-3,1e-4 or ste_sign,ternary_twn "
        "or 2..8 (integers; 2..8:2 every second)."));
    parser.addPositionalArgument(QStringLiteral("subcommand"), tr("show, status, cancel, merge or list (none: create and run)."));
    parser.addOption({QStringLiteral("experiment"), tr("The experiment JSON file the grid varies."), tr("FILE")});
    parser.addOption({QStringLiteral("preset"), tr("A preset network with default training settings, instead of --experiment."), tr("NAME")});
    parser.addOption({QStringLiteral("vary"), tr("A varied field and its values (repeatable)."), tr("PATH=V1,V2,...")});
    parser.addOption({QStringLiteral("set"), tr("A field set to one value in every trial (repeatable), e.g. train.epochs=1."), tr("PATH=VALUE")});
    parser.addOption({QStringLiteral("seeds"), tr("Seeds per configuration: the experiment's seed, seed+1, ... (default 1)."), tr("N")});
    parser.addOption({QStringLiteral("jobs"), tr("Trials at once (local: processes on this machine, sharing its cores; slurm: the array's %K throttle)."), tr("K")});
    parser.addOption({QStringLiteral("executor"), tr("local (default) or slurm (sbatch job arrays and a merge job)."), tr("NAME")});
    parser.addOption({QStringLiteral("threads"), tr("Threads per trial when the experiment uses all cores (default: local, the cores shared among --jobs; slurm, 1). Frozen into the grid: a run's numbers depend on its thread count."), tr("N")});
    parser.addOption({QStringLiteral("partition"), tr("Slurm partition (default: the cluster's)."), tr("P")});
    parser.addOption({QStringLiteral("name"), tr("Name of the grid."), tr("TEXT")});
    parser.addOption({QStringLiteral("work-dir"), tr("Where the grid's manifest, trial files and results go; on a shared filesystem for slurm (default: beside the history)."), tr("DIR")});
    parser.addOption({QStringLiteral("data-dir"), tr("Folder holding the dataset's files."), tr("DIR")});
    parser.addOption({QStringLiteral("csv"), tr("grid show: CSV instead of a table.")});
    addHistoryOption(parser);
    parser.addOption({QStringLiteral("json"), tr("Print JSON objects, one per line.")});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, arguments, &exitCode, 2))
        return exitCode;
    // The merge imports every trial's bundle; the grid reports them itself.
    QLoggingCategory::setFilterRules(QStringLiteral("qb.core.export.info=false"));
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return runGridCreate(parser);
    const QString sub = positional.first();
    if (sub == QLatin1String("list"))
        return listGrids(parser);
    const QStringList known{QStringLiteral("show"), QStringLiteral("status"), QStringLiteral("cancel"), QStringLiteral("merge")};
    if (!known.contains(sub)) {
        printErr(tr("quantbench-cli grid: unknown subcommand '%1' (show, status, cancel, merge, list)").arg(sub));
        return kExitBadInput;
    }
    const std::optional<qint64> id = gridIdArgument(parser, sub);
    if (!id)
        return kExitBadInput;
    if (sub == QLatin1String("show"))
        return showGrid(parser, *id);
    if (sub == QLatin1String("cancel"))
        return cancelGrid(parser, *id);
    return statusOrMerge(parser, *id, sub == QLatin1String("merge"));
}

int runGridTask(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Runs one trial of a grid (what the grid's executors start; writes only "
                                        "the trial's result folder)."));
    parser.addOption({QStringLiteral("manifest"), tr("The grid's manifest.json."), tr("FILE")});
    parser.addOption({QStringLiteral("index"), tr("The trial's index, from 0."), tr("I")});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, arguments, &exitCode))
        return exitCode;
    bool ok = false;
    const int index = parser.value(QStringLiteral("index")).toInt(&ok);
    if (!parser.isSet(QStringLiteral("manifest")) || !ok) {
        printErr(tr("quantbench-cli grid-task: --manifest FILE and --index I (an integer) are required"));
        return kExitBadInput;
    }
    TrainControl control;
    g_taskControl = &control;
    std::signal(SIGINT, onGridInterrupt);
    std::signal(SIGTERM, onGridInterrupt);
    const GridTaskResult result
        = qb::runGridTask(parser.value(QStringLiteral("manifest")), index, nullptr, &control);
    g_taskControl = nullptr;
    if (!result.ok)
        printErr(result.error);
    return result.ok ? kExitOk : result.badInput ? kExitBadInput : kExitFailure;
}

} // namespace qb::cli
