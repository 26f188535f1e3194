// quantbench-cli sweep ptq: post-training fixed-point quantization sweep of a recorded run.
#include "clicommon.h"

#include "store/experimentstore.h"
#include "train/ptqsweep.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace qb::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

/// "2..10" (inclusive range) or "2,4,8" or "6".
bool parseIntList(const QString &text, QVector<int> *out)
{
    out->clear();
    const int dots = text.indexOf(QLatin1String(".."));
    bool ok = true;
    if (dots >= 0) {
        bool okA = false, okB = false;
        const int a = text.left(dots).trimmed().toInt(&okA);
        const int b = text.mid(dots + 2).trimmed().toInt(&okB);
        if (!okA || !okB || b < a || b - a > 64)
            return false;
        for (int v = a; v <= b; ++v)
            *out << v;
        return true;
    }
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int v = part.trimmed().toInt(&ok);
        if (!ok)
            return false;
        *out << v;
    }
    return !out->isEmpty();
}

int runPtqSweep(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Evaluate a trained run with weights and/or activations rounded to fixed point "
           "(round(x*2^f)/2^f, signed word of W bits, saturating) for each number of fraction bits f. "
           "The stored float weights are never changed; the results are stored as a sweep of the run."));
    parser.addOption({QStringLiteral("run"), tr("Id of a run in the history (see 'history')."), tr("ID")});
    parser.addOption({QStringLiteral("frac-bits"), tr("Fraction bits: a range 2..10 or a list 4,6,8 (default 2..10)."),
                      tr("LIST")});
    parser.addOption({QStringLiteral("word-bits"), tr("Word size in bits including the sign (default 32)."), tr("W")});
    parser.addOption({QStringLiteral("weights-only"), tr("Quantize only the weights.")});
    parser.addOption({QStringLiteral("activations-only"), tr("Quantize only the activations (input and layer outputs).")});
    parser.addOption({QStringLiteral("test-limit"), tr("Use only the first N test images."), tr("N")});
    parser.addOption({QStringLiteral("data-dir"), tr("Folder holding the dataset's files."), tr("DIR")});
    parser.addOption({QStringLiteral("threads"), tr("CPU threads (default: all cores)."), tr("N")});
    addHistoryOption(parser);
    parser.addOption({QStringLiteral("json"), tr("Print JSON: one object per point, then a done event.")});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, arguments, &exitCode))
        return exitCode;

    PtqSweepRequest request;
    const std::optional<qint64> run = requiredRunId(parser, QStringLiteral("sweep ptq"));
    if (!run)
        return kExitBadInput;
    request.runId = *run;
    bool ok = false;
    if (parser.isSet(QStringLiteral("frac-bits")) && !parseIntList(parser.value(QStringLiteral("frac-bits")), &request.fracBits)) {
        printErr(tr("quantbench-cli sweep ptq: --frac-bits must be a range like 2..10 or a list like 4,6,8, got '%1'")
                     .arg(parser.value(QStringLiteral("frac-bits"))));
        return kExitBadInput;
    }
    for (const auto &[name, target] : {std::pair<QString, int *>{QStringLiteral("word-bits"), &request.wordBits},
                                       std::pair<QString, int *>{QStringLiteral("test-limit"), &request.testLimit},
                                       std::pair<QString, int *>{QStringLiteral("threads"), &request.threads}}) {
        if (!parser.isSet(name))
            continue;
        const int v = parser.value(name).toInt(&ok);
        if (!ok || v < 1) {
            printErr(tr("quantbench-cli sweep ptq: --%1 must be a positive integer, got '%2'").arg(name, parser.value(name)));
            return kExitBadInput;
        }
        *target = v;
    }
    if (parser.isSet(QStringLiteral("weights-only")) && parser.isSet(QStringLiteral("activations-only"))) {
        printErr(tr("quantbench-cli sweep ptq: --weights-only and --activations-only exclude each other"));
        return kExitBadInput;
    }
    request.weights = !parser.isSet(QStringLiteral("activations-only"));
    request.activations = !parser.isSet(QStringLiteral("weights-only"));
    request.dataDir = parser.value(QStringLiteral("data-dir"));
    request.dbPath = parser.value(QStringLiteral("db"));

    const PtqSweepOutcome outcome = PtqSweep::run(request);
    if (outcome.problem != PtqSweepOutcome::Problem::None) {
        printErr(outcome.error);
        return outcome.problem == PtqSweepOutcome::Problem::BadInput ? kExitBadInput : kExitFailure;
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    if (json) {
        for (const SweepPoint &p : outcome.sweep.points) {
            printJsonLine({{QStringLiteral("event"), QStringLiteral("point")},
                           {QStringLiteral("frac_bits"), int(p.value)},
                           {QStringLiteral("test_acc"), p.accuracyMean},
                           {QStringLiteral("test_loss"), p.loss}});
        }
        printJsonLine({{QStringLiteral("event"), QStringLiteral("done")},
                       {QStringLiteral("run_id"), double(request.runId)},
                       {QStringLiteral("sweep_id"), double(outcome.sweep.id)},
                       {QStringLiteral("word_bits"), request.wordBits},
                       {QStringLiteral("weights"), request.weights},
                       {QStringLiteral("activations"), request.activations},
                       {QStringLiteral("float_test_acc"), outcome.floatAccuracy},
                       {QStringLiteral("float_test_loss"), outcome.floatLoss}});
        return kExitOk;
    }
    QString out = tr("Post-training fixed-point sweep of run %1 (word %2 bits; %3)\n")
                      .arg(request.runId)
                      .arg(request.wordBits)
                      .arg(request.weights && request.activations ? tr("weights and activations")
                                                                  : request.weights ? tr("weights only")
                                                                                    : tr("activations only"));
    out += tr("%1  %2  %3\n").arg(tr("frac bits"), 9).arg(tr("test acc"), 9).arg(tr("test loss"), 9);
    out += tr("%1  %2  %3\n").arg(tr("float"), 9).arg(outcome.floatAccuracy, 9, 'f', 4).arg(outcome.floatLoss, 9, 'f', 4);
    for (const SweepPoint &p : outcome.sweep.points)
        out += QStringLiteral("%1  %2  %3\n").arg(int(p.value), 9).arg(p.accuracyMean, 9, 'f', 4).arg(p.loss, 9, 'f', 4);
    out += tr("Stored as sweep %1.\n").arg(outcome.sweep.id);
    printOut(out);
    return kExitOk;
}

} // namespace

int runSweep(const QStringList &arguments)
{
    const QString kind = arguments.value(1);
    QStringList rest = arguments;
    if (kind == QLatin1String("ptq")) {
        rest.removeAt(1);
        rest[0] += QStringLiteral(" ptq");
        return runPtqSweep(rest);
    }
    if (kind == QLatin1String("noise")) {
        rest.removeAt(1);
        rest[0] += QStringLiteral(" noise");
        return runNoiseSweep(rest);
    }
    if (kind == QLatin1String("--help") || kind == QLatin1String("-h")) {
        printOut(tr("Usage: quantbench-cli sweep KIND [OPTIONS]\n\nKinds:\n  ptq   post-training fixed-point "
                    "quantization over fraction bits\n  noise robustness: accuracy over simulated chips against one nonideality parameter\n"));
        return kExitOk;
    }
    printErr(tr("quantbench-cli sweep: unknown or missing sweep kind '%1' (known: ptq, noise)").arg(kind));
    return kExitBadInput;
}

} // namespace qb::cli
