// quantbench-cli evaluate (Monte Carlo over simulated chips) and sweep noise (robustness sweeps).
#include "clicommon.h"

#include "store/experimentstore.h"
#include "train/evaluationsession.h"
#include "train/noisesweep.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace qb::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

void addCommonOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("run"), tr("Id of a run in the history (see 'history')."), tr("ID")});
    parser.addOption({QStringLiteral("chips"), tr("Number of simulated chips (default 10)."), tr("N")});
    parser.addOption({QStringLiteral("seed"), tr("Seed of the chips (default 1): chip i of seed S is always the same chip."), tr("S")});
    parser.addOption({QStringLiteral("test-limit"), tr("Use only the first N test images."), tr("N")});
    parser.addOption({QStringLiteral("data-dir"), tr("Folder holding the dataset's files."), tr("DIR")});
    parser.addOption({QStringLiteral("threads"), tr("CPU threads (default: all cores)."), tr("N")});
    addHistoryOption(parser);
    parser.addOption({QStringLiteral("json"), tr("Print JSON.")});
    parser.addOption({QStringLiteral("no-bitpack"),
        tr("Evaluate every layer with torch's float kernels instead of the bit-packed XNOR-popcount path "
           "(same numbers, slower).")});
}

/// Fills the request's common fields; false (message printed) on a malformed value.
bool readCommonOptions(const QCommandLineParser &parser, const QString &command, NoiseSweepRequest *request)
{
    const std::optional<qint64> run = requiredRunId(parser, command);
    if (!run)
        return false;
    request->runId = *run;
    bool ok = false;
    for (const auto &[name, target] : {std::pair<QString, int *>{QStringLiteral("chips"), &request->chips},
                                       std::pair<QString, int *>{QStringLiteral("test-limit"), &request->testLimit},
                                       std::pair<QString, int *>{QStringLiteral("threads"), &request->threads}}) {
        if (!parser.isSet(name))
            continue;
        const int v = parser.value(name).toInt(&ok);
        if (!ok || v < 1) {
            printErr(tr("quantbench-cli %1: --%2 must be a positive integer, got '%3'").arg(command, name, parser.value(name)));
            return false;
        }
        *target = v;
    }
    if (parser.isSet(QStringLiteral("seed"))) {
        request->seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok) {
            printErr(tr("quantbench-cli %1: --seed must be a non-negative integer").arg(command));
            return false;
        }
    }
    request->dataDir = parser.value(QStringLiteral("data-dir"));
    request->bitPacked = !parser.isSet(QStringLiteral("no-bitpack"));
    request->dbPath = parser.value(QStringLiteral("db"));
    return true;
}

QJsonObject pointJson(const SweepPoint &p, const QString &valueKey)
{
    QJsonArray chips;
    for (double a : p.accuracies)
        chips.append(a);
    return {{QStringLiteral("event"), QStringLiteral("point")},
            {valueKey, p.value},
            {QStringLiteral("test_acc_mean"), p.accuracyMean},
            {QStringLiteral("test_acc_std"), p.accuracyStd},
            {QStringLiteral("test_acc_min"), p.accuracyMin},
            {QStringLiteral("test_acc_max"), p.accuracyMax},
            {QStringLiteral("test_loss"), p.loss},
            {QStringLiteral("chip_acc"), chips}};
}

int finish(const NoiseSweepOutcome &outcome, const NoiseSweepRequest &request, bool json)
{
    if (outcome.problem != NoiseSweepOutcome::Problem::None) {
        printErr(outcome.error);
        return outcome.problem == NoiseSweepOutcome::Problem::BadInput ? kExitBadInput : kExitFailure;
    }
    const bool sweep = !request.parameter.isEmpty();
    if (json) {
        for (const SweepPoint &p : outcome.sweep.points)
            printJsonLine(pointJson(p, sweep ? QStringLiteral("value") : QStringLiteral("chips")));
        printJsonLine({{QStringLiteral("event"), QStringLiteral("done")},
                       {QStringLiteral("run_id"), double(request.runId)},
                       {QStringLiteral("sweep_id"), double(outcome.sweep.id)},
                       {QStringLiteral("kind"), outcome.sweep.kind},
                       {QStringLiteral("parameter"), outcome.sweep.parameter},
                       {QStringLiteral("chips"), request.chips},
                       {QStringLiteral("seed"), double(request.seed)},
                       {QStringLiteral("seconds"), outcome.seconds}});
        return kExitOk;
    }
    QString out = sweep ? tr("Robustness sweep of run %1 over %2, %3 chips each (seed %4)\n")
                              .arg(request.runId)
                              .arg(request.parameter)
                              .arg(request.chips)
                              .arg(request.seed)
                        : tr("Monte-Carlo evaluation of run %1 on %2 simulated chips (seed %3)\n")
                              .arg(request.runId)
                              .arg(request.chips)
                              .arg(request.seed);
    out += QStringLiteral("%1  %2  %3  %4  %5\n")
               .arg(sweep ? tr("value") : tr("chips"), 10)
               .arg(tr("mean acc"), 9)
               .arg(tr("std"), 7)
               .arg(tr("min"), 7)
               .arg(tr("max"), 7);
    for (const SweepPoint &p : outcome.sweep.points) {
        out += QStringLiteral("%1  %2  %3  %4  %5\n")
                   .arg(p.value, 10, 'g', 6)
                   .arg(p.accuracyMean, 9, 'f', 4)
                   .arg(p.accuracyStd, 7, 'f', 4)
                   .arg(p.accuracyMin, 7, 'f', 4)
                   .arg(p.accuracyMax, 7, 'f', 4);
    }
    out += tr("%1 s. Stored as sweep %2.\n").arg(outcome.seconds, 0, 'f', 1).arg(outcome.sweep.id);
    printOut(out);
    return kExitOk;
}

/// evaluate --activity: spikes per image per spiking layer and synaptic operations on the test set.
int printActivity(const NoiseSweepRequest &request, bool json)
{
    EvaluationSession session;
    if (const Status s = session.open(request.dbPath, request.runId, request.dataDir, request.threads); !s) {
        printErr(s.error());
        return kExitBadInput;
    }
    const Result<ActivityReport> measured = session.model->activity(session.dataset.test, request.testLimit);
    if (!measured) {
        printErr(QStringLiteral("quantbench-cli evaluate: run %1: %2").arg(request.runId).arg(measured.error()));
        return session.model->spec().network.isSpiking() ? kExitFailure : kExitBadInput;
    }
    const ActivityReport &r = *measured;
    const double ratio = r.annMacsPerImage > 0 ? r.synapticOpsPerImage / r.annMacsPerImage : 0.0;
    if (json) {
        for (const ActivityReport::Layer &l : r.layers) {
            printJsonLine({{QStringLiteral("event"), QStringLiteral("layer")},
                           {QStringLiteral("layer"), l.layer},
                           {QStringLiteral("name"), l.name},
                           {QStringLiteral("neurons"), l.neurons},
                           {QStringLiteral("spikes_per_image"), l.spikesPerImage},
                           {QStringLiteral("firing_rate"), l.firingRate}});
        }
        printJsonLine({{QStringLiteral("event"), QStringLiteral("done")},
                       {QStringLiteral("run_id"), double(request.runId)},
                       {QStringLiteral("samples"), r.samples},
                       {QStringLiteral("time_steps"), r.steps},
                       {QStringLiteral("synops_per_image"), r.synapticOpsPerImage},
                       {QStringLiteral("spike_fed_macs_per_image"), r.spikeDrivenMacs},
                       {QStringLiteral("input_macs_per_image"), r.denseMacsPerImage},
                       {QStringLiteral("ann_macs_per_image"), r.annMacsPerImage},
                       {QStringLiteral("synops_per_ann_mac"), ratio}});
        return kExitOk;
    }
    QString out = tr("Spike activity of run %1 on %2 test images, %3 time steps\n").arg(request.runId).arg(r.samples).arg(r.steps);
    out += QStringLiteral("%1  %2  %3  %4\n").arg(tr("layer"), -12).arg(tr("neurons"), 8).arg(tr("spikes/image"), 13).arg(tr("rate"), 7);
    for (const ActivityReport::Layer &l : r.layers) {
        out += QStringLiteral("%1  %2  %3  %4\n")
                   .arg(l.name, -12)
                   .arg(l.neurons, 8)
                   .arg(l.spikesPerImage, 13, 'f', 1)
                   .arg(l.firingRate, 7, 'f', 4);
    }
    out += tr("Synaptic operations per image: %1 (the same spike-fed layers without spikes: %2 MACs)\n")
               .arg(r.synapticOpsPerImage, 0, 'f', 0)
               .arg(r.spikeDrivenMacs, 0, 'f', 0);
    out += tr("MACs per image of the layers fed by the input: %1\n").arg(r.denseMacsPerImage, 0, 'f', 0);
    out += tr("MACs per image of the same network without spikes: %1; SynOps / MACs = %2\n")
               .arg(r.annMacsPerImage, 0, 'f', 0)
               .arg(ratio, 0, 'f', 3);
    printOut(out);
    return kExitOk;
}

} // namespace

int runEvaluate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Monte-Carlo evaluation of a trained run on N simulated chips: each chip draws its own fixed "
           "nonideality patterns (process variation, stuck-at faults, drift) and per-pass noise. Reports per-chip "
           "accuracies and their mean, std, min and max, and stores them in the history."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("activity"),
        tr("Spiking networks: measure the average spikes per image of every spiking layer and the synaptic "
           "operations (spikes x fan-out) on the test set, against the MACs of the same network without spikes.")});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, arguments, &exitCode))
        return exitCode;
    NoiseSweepRequest request;
    if (!readCommonOptions(parser, QStringLiteral("evaluate"), &request))
        return kExitBadInput;
    if (parser.isSet(QStringLiteral("activity")))
        return printActivity(request, parser.isSet(QStringLiteral("json")));
    return finish(NoiseSweep::run(request), request, parser.isSet(QStringLiteral("json")));
}

int runNoiseSweep(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Accuracy of a trained run (mean and spread over simulated chips) against one nonideality parameter, "
           "e.g. --param weight_noise.sigma --values 0,0.05,0.1,0.2,0.4. Every conv/dense layer gets that model at "
           "evaluation (its existing evaluation instance, or a new one with default parameters)."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("param"), tr("MODEL.PARAM, e.g. weight_noise.sigma, adc.bits, stuck_at.p, drift.t."), tr("NAME")});
    parser.addOption({QStringLiteral("values"), tr("Comma-separated values of the parameter."), tr("LIST")});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, arguments, &exitCode))
        return exitCode;
    NoiseSweepRequest request;
    if (!readCommonOptions(parser, QStringLiteral("sweep noise"), &request))
        return kExitBadInput;
    request.parameter = parser.value(QStringLiteral("param"));
    if (request.parameter.isEmpty()) {
        printErr(tr("quantbench-cli sweep noise: --param MODEL.PARAM is required"));
        return kExitBadInput;
    }
    for (const QString &part : parser.value(QStringLiteral("values")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double v = part.trimmed().toDouble(&ok);
        if (!ok) {
            printErr(tr("quantbench-cli sweep noise: --values must be numbers separated by commas, got '%1'").arg(part));
            return kExitBadInput;
        }
        request.values << v;
    }
    return finish(NoiseSweep::run(request), request, parser.isSet(QStringLiteral("json")));
}

} // namespace qb::cli
