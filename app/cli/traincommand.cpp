// quantbench-cli train: parses options into an ExperimentSpec and runs it with ExperimentRunner.
#include "clicommon.h"

#include "data/datasetlocator.h"
#include "spec/experimentspec.h"
#include "store/experimentstore.h"
#include "train/experimentrunner.h"
#include "util/summarystats.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace qb::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

TrainControl *g_control = nullptr;

extern "C" void onInterrupt(int)
{
    // Async-signal-safe: only an atomic store. The trainer stops between batches and the run is
    // recorded as cancelled.
    if (g_control)
        g_control->cancel.store(true);
}

/// Prints epochs as JSON lines or text, and a live progress line on a terminal.
class ConsoleObserver : public TrainObserver
{
public:
    ConsoleObserver(bool json, int epochs) : m_json(json), m_epochs(epochs), m_tty(isatty(fileno(stderr)) != 0)
    {
        m_sinceProgress.start();
    }

    void onBatch(const BatchProgress &p) override
    {
        if (!m_tty || (m_sinceProgress.elapsed() < 200 && p.batch != p.batches))
            return;
        m_sinceProgress.restart();
        std::fprintf(stderr, "\r%s", qPrintable(tr("epoch %1/%2  batch %3/%4  loss %5  acc %6  %7 samples/s   ")
                                                     .arg(p.epoch)
                                                     .arg(p.epochs)
                                                     .arg(p.batch)
                                                     .arg(p.batches)
                                                     .arg(p.meanLoss, 0, 'f', 4)
                                                     .arg(p.accuracy, 0, 'f', 4)
                                                     .arg(p.samplesPerSecond, 0, 'f', 0)));
        std::fflush(stderr);
    }

    Status onEpoch(const EpochMetrics &m) override
    {
        if (m_tty) {
            std::fprintf(stderr, "\r%80s\r", "");
            std::fflush(stderr);
        }
        if (m_json) {
            QJsonObject o;
            o.insert(QStringLiteral("event"), QStringLiteral("epoch"));
            o.insert(QStringLiteral("epoch"), m.epoch);
            o.insert(QStringLiteral("train_loss"), m.trainLoss);
            o.insert(QStringLiteral("train_acc"), m.trainAccuracy);
            o.insert(QStringLiteral("test_loss"), m.testLoss);
            o.insert(QStringLiteral("test_acc"), m.testAccuracy);
            o.insert(QStringLiteral("seconds"), m.seconds);
            o.insert(QStringLiteral("samples_per_s"), m.samplesPerSecond);
            printJsonLine(o);
        } else {
            printOut(tr("epoch %1/%2  train loss %3 acc %4  test loss %5 acc %6  %7 s  %8 samples/s\n")
                         .arg(m.epoch)
                         .arg(m_epochs)
                         .arg(m.trainLoss, 0, 'f', 4)
                         .arg(m.trainAccuracy, 0, 'f', 4)
                         .arg(m.testLoss, 0, 'f', 4)
                         .arg(m.testAccuracy, 0, 'f', 4)
                         .arg(m.seconds, 0, 'f', 1)
                         .arg(m.samplesPerSecond, 0, 'f', 0));
        }
        return Status();
    }

private:
    bool m_json;
    int m_epochs;
    bool m_tty;
    QElapsedTimer m_sinceProgress;
};

/// Reads an integer option into `target` if set; false (with a message) when malformed or < minimum.
bool readInt(const QCommandLineParser &parser, const QString &name, qint64 minimum, qint64 *target)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 v = parser.value(name).toLongLong(&ok);
    if (!ok || v < minimum) {
        printErr(tr("quantbench-cli train: --%1 must be an integer >= %2, got '%3'")
                     .arg(name)
                     .arg(minimum)
                     .arg(parser.value(name)));
        return false;
    }
    *target = v;
    return true;
}

bool readIntField(const QCommandLineParser &parser, const QString &name, int minimum, int *target)
{
    qint64 v = *target;
    if (!readInt(parser, name, minimum, &v))
        return false;
    *target = int(v);
    return true;
}

void printRunDone(const RunOutcome &outcome, bool json, const QString &event, int repeatIndex)
{
    const QString status = runStatusName(outcome.result.status);
    if (json) {
        QJsonObject done;
        done.insert(QStringLiteral("event"), event);
        done.insert(QStringLiteral("run_id"), double(outcome.runId));
        if (repeatIndex > 0)
            done.insert(QStringLiteral("repeat"), repeatIndex);
        done.insert(QStringLiteral("status"), status);
        done.insert(QStringLiteral("test_acc"),
                    outcome.result.finalTestAccuracy < 0 ? QJsonValue() : QJsonValue(outcome.result.finalTestAccuracy));
        done.insert(QStringLiteral("test_loss"),
                    outcome.result.finalTestLoss < 0 ? QJsonValue() : QJsonValue(outcome.result.finalTestLoss));
        done.insert(QStringLiteral("epochs"), int(outcome.result.epochs.size()));
        done.insert(QStringLiteral("stopped_early"), outcome.result.stoppedEarly);
        if (!outcome.weightsPath.isEmpty())
            done.insert(QStringLiteral("weights"), outcome.weightsPath);
        if (!outcome.error.isEmpty())
            done.insert(QStringLiteral("error"), outcome.error);
        printJsonLine(done);
        return;
    }
    printOut(tr("Run %1 %2.").arg(outcome.runId).arg(status));
    if (outcome.result.finalTestAccuracy >= 0)
        printOut(tr(" Final test accuracy: %1").arg(outcome.result.finalTestAccuracy, 0, 'f', 4));
    printOut(QStringLiteral("\n"));
    if (!outcome.weightsPath.isEmpty())
        printOut(tr("Weights: %1\n").arg(outcome.weightsPath));
}

/// The mean, std (population), min and max of the final test accuracy over repeated seeds.
void printRepeatSummary(const QList<RunOutcome> &outcomes, bool json)
{
    QVector<double> accuracies;
    QJsonArray ids;
    for (const RunOutcome &o : outcomes) {
        accuracies << o.result.finalTestAccuracy;
        ids.append(double(o.runId));
    }
    const SummaryStats stats = SummaryStats::of(accuracies);
    if (json) {
        QJsonObject done;
        done.insert(QStringLiteral("event"), QStringLiteral("done"));
        done.insert(QStringLiteral("run_id"), double(outcomes.first().runId));
        done.insert(QStringLiteral("group_id"), double(outcomes.first().runId));
        done.insert(QStringLiteral("runs"), ids);
        done.insert(QStringLiteral("repeats"), int(outcomes.size()));
        done.insert(QStringLiteral("test_acc"), stats.mean);
        done.insert(QStringLiteral("test_acc_mean"), stats.mean);
        done.insert(QStringLiteral("test_acc_std"), stats.std);
        done.insert(QStringLiteral("test_acc_min"), stats.min);
        done.insert(QStringLiteral("test_acc_max"), stats.max);
        printJsonLine(done);
        return;
    }
    printOut(tr("%1 runs (group %2): test accuracy mean %3, std %4, min %5, max %6\n")
                 .arg(outcomes.size())
                 .arg(outcomes.first().runId)
                 .arg(stats.mean, 0, 'f', 4)
                 .arg(stats.std, 0, 'f', 4)
                 .arg(stats.min, 0, 'f', 4)
                 .arg(stats.max, 0, 'f', 4));
}

} // namespace

int runTrain(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Train a network and record the run (spec, per-epoch metrics, weights) in the history database."));
    parser.addOption({QStringLiteral("preset"), tr("A preset network (see 'presets')."), tr("NAME")});
    parser.addOption({QStringLiteral("network"), tr("A network JSON file."), tr("FILE")});
    parser.addOption({QStringLiteral("experiment"), tr("An experiment JSON file (network + training settings + dataset); "
                                                      "other options override its values."),
                      tr("FILE")});
    parser.addOption({QStringLiteral("dataset"),
                      tr("Dataset: %1, or a CSV table FILE.csv (numeric features, label in a column named label/class/target or the last one; seeded stratified 80/20 split) (default fashion-mnist).").arg(DatasetLocator::knownDatasets().join(QStringLiteral(", "))),
                      tr("NAME")});
    parser.addOption({QStringLiteral("data-dir"), tr("Folder holding the dataset's files."), tr("DIR")});
    parser.addOption({QStringLiteral("epochs"), tr("Number of epochs (default 6, or the network's own training settings)."), tr("N")});
    parser.addOption({QStringLiteral("batch-size"), tr("Batch size (default 64, or the network's)."), tr("N")});
    parser.addOption({QStringLiteral("lr"), tr("Learning rate (default 0.001, or the network's)."), tr("X")});
    parser.addOption({QStringLiteral("optimizer"), tr("adam or sgd (default adam, or the network's)."), tr("NAME")});
    parser.addOption({QStringLiteral("weight-decay"), tr("L2 weight decay (default 0)."), tr("X")});
    parser.addOption({QStringLiteral("patience"), tr("Early stopping patience on test loss in epochs (default 0 = off)."), tr("N")});
    parser.addOption({QStringLiteral("train-limit"), tr("Use only the first N training images."), tr("N")});
    parser.addOption({QStringLiteral("test-limit"), tr("Use only the first N test images."), tr("N")});
    parser.addOption({QStringLiteral("seed"), tr("Random seed (default 42): same seed, same numbers."), tr("N")});
    parser.addOption({QStringLiteral("threads"), tr("CPU threads (default: all cores)."), tr("N")});
    parser.addOption({QStringLiteral("name"), tr("Name of the run in the history."), tr("TEXT")});
    parser.addOption({QStringLiteral("repeat"), tr("Train N times with seeds seed, seed+1, ... as one group; report "
                                                  "mean, std, min and max of the final test accuracy."),
                      tr("N")});
    addHistoryOption(parser);
    parser.addOption({QStringLiteral("json"), tr("Print one JSON object per line (epoch events, then done).")});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, arguments, &exitCode))
        return exitCode;

    ExperimentSpec spec;
    const bool fromExperiment = parser.isSet(QStringLiteral("experiment"));
    if (fromExperiment) {
        if (parser.isSet(QStringLiteral("preset")) || parser.isSet(QStringLiteral("network"))) {
            printErr(tr("quantbench-cli train: --experiment cannot be combined with --preset or --network"));
            return kExitBadInput;
        }
        auto loaded = ExperimentSpec::fromFile(parser.value(QStringLiteral("experiment")));
        if (!loaded) {
            printErr(loaded.error());
            return kExitBadInput;
        }
        spec = *loaded;
    } else {
        auto network = networkFromOptions(parser);
        if (!network) {
            printErr(network.error());
            return kExitBadInput;
        }
        spec = ExperimentSpec::forNetwork(*network);
    }

    TrainSpec &t = spec.train;
    if (parser.isSet(QStringLiteral("dataset")))
        spec.dataset = parser.value(QStringLiteral("dataset"));
    if (!DatasetLocator::isKnown(spec.dataset)) {
        printErr(tr("quantbench-cli train: unknown dataset '%1' (known: %2)")
                     .arg(spec.dataset, DatasetLocator::knownDatasets().join(QStringLiteral(", "))));
        return kExitBadInput;
    }
    if (parser.isSet(QStringLiteral("name")))
        spec.name = parser.value(QStringLiteral("name"));
    if (!readIntField(parser, QStringLiteral("epochs"), 1, &t.epochs)
        || !readIntField(parser, QStringLiteral("batch-size"), 1, &t.batchSize)
        || !readIntField(parser, QStringLiteral("patience"), 0, &t.earlyStoppingPatience)
        || !readIntField(parser, QStringLiteral("train-limit"), 1, &t.trainLimit)
        || !readIntField(parser, QStringLiteral("test-limit"), 1, &t.testLimit)
        || !readIntField(parser, QStringLiteral("threads"), 1, &t.threads) || !readInt(parser, QStringLiteral("seed"), 0, &t.seed))
        return kExitBadInput;
    for (const auto &[option, target] : {std::pair<QString, double *>{QStringLiteral("lr"), &t.learningRate},
                                         std::pair<QString, double *>{QStringLiteral("weight-decay"), &t.weightDecay}}) {
        if (!parser.isSet(option))
            continue;
        bool ok = false;
        const double v = parser.value(option).toDouble(&ok);
        if (!ok || v < 0 || (option == QLatin1String("lr") && v == 0)) {
            printErr(tr("quantbench-cli train: --%1 must be a positive number, got '%2'").arg(option, parser.value(option)));
            return kExitBadInput;
        }
        *target = v;
    }
    if (parser.isSet(QStringLiteral("optimizer"))) {
        const QString o = parser.value(QStringLiteral("optimizer"));
        if (o == QLatin1String("adam"))
            t.optimizer = OptimizerKind::Adam;
        else if (o == QLatin1String("sgd"))
            t.optimizer = OptimizerKind::Sgd;
        else {
            printErr(tr("quantbench-cli train: --optimizer must be adam or sgd, got '%1'").arg(o));
            return kExitBadInput;
        }
    }

    int repeats = 1;
    if (!readIntField(parser, QStringLiteral("repeat"), 1, &repeats))
        return kExitBadInput;

    RunRequest request;
    request.spec = spec;
    request.dataDir = parser.value(QStringLiteral("data-dir"));
    request.dbPath = parser.value(QStringLiteral("db"));
    const bool json = parser.isSet(QStringLiteral("json"));

    TrainControl control;
    g_control = &control;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);

    ConsoleObserver console(json, t.epochs);
    ExperimentRunner runner(request);
    runner.setObserver(&console);
    runner.setControl(&control);
    if (!json) {
        printOut(tr("Training %1 on %2: %3 epochs, batch %4, seed %5%6\n")
                     .arg(spec.network.name, spec.dataset)
                     .arg(t.epochs)
                     .arg(t.batchSize)
                     .arg(t.seed)
                     .arg(repeats > 1 ? tr(", %1 repeats with seeds %2..%3").arg(repeats).arg(t.seed).arg(t.seed + repeats - 1)
                                      : QString()));
    }
    const QList<RunOutcome> outcomes = runner.runRepeated(repeats, [&](int index, const RunOutcome &outcome) {
        if (outcome.problem == RunOutcome::Problem::BadInput)
            return;
        printRunDone(outcome, json, repeats > 1 ? QStringLiteral("run_done") : QStringLiteral("done"),
                     repeats > 1 ? index + 1 : 0);
    });
    g_control = nullptr;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    const RunOutcome &last = outcomes.last();
    if (last.problem == RunOutcome::Problem::BadInput) {
        printErr(last.error);
        return kExitBadInput;
    }
    if (repeats > 1 && outcomes.size() == repeats && last.problem == RunOutcome::Problem::None
        && last.result.status == RunStatus::Finished)
        printRepeatSummary(outcomes, json);
    if (last.problem == RunOutcome::Problem::Failure) {
        printErr(last.error);
        return kExitFailure;
    }
    // A run stopped by Ctrl+C / SIGTERM is recorded as cancelled; it is not a success.
    return last.result.status == RunStatus::Cancelled ? kExitFailure : kExitOk;
}

} // namespace qb::cli
