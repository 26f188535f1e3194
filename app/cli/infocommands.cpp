// quantbench-cli presets | summary | history: read-only commands.
#include "clicommon.h"

#include "model/modelsummary.h"
#include "spec/presetlibrary.h"
#include "store/experimentstore.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace qb::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

const QCommandLineOption kJsonOption(QStringLiteral("json"), tr("Print JSON instead of a table."));

QString formatAccuracy(double a)
{
    return a < 0 ? QStringLiteral("-") : QString::number(a, 'f', 4);
}

} // namespace

int runPresets(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List the preset networks."));
    parser.addOption(kJsonOption);
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, arguments, &exitCode))
        return exitCode;

    QJsonArray list;
    QString table;
    for (const QString &name : PresetLibrary::names()) {
        auto spec = PresetLibrary::load(name);
        if (!spec) {
            printErr(spec.error());
            return kExitFailure;
        }
        auto summary = ModelSummary::compute(*spec);
        QJsonObject o;
        o.insert(QStringLiteral("name"), name);
        o.insert(QStringLiteral("description"), spec->description);
        o.insert(QStringLiteral("input"), spec->input.toString());
        o.insert(QStringLiteral("layers"), int(spec->layers.size()));
        if (summary) {
            o.insert(QStringLiteral("param_count"), double(summary->paramCount()));
            o.insert(QStringLiteral("model_size_kib"), summary->modelSizeKiB);
        }
        list.append(o);
        table += QStringLiteral("%1  %2 layers, input %3, %4 parameters, %5 KiB\n    %6\n")
                     .arg(name.leftJustified(16))
                     .arg(spec->layers.size())
                     .arg(spec->input.toString())
                     .arg(summary ? summary->paramCount() : 0)
                     .arg(summary ? summary->modelSizeKiB : 0.0, 0, 'f', 2)
                     .arg(spec->description);
    }
    if (parser.isSet(kJsonOption)) {
        QJsonObject root;
        root.insert(QStringLiteral("presets"), list);
        printJsonLine(root);
    } else {
        printOut(table);
    }
    return kExitOk;
}

int runSummary(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Parameters per bit width, memory and MACs per precision of each layer "
                                        "(Larq's summary convention)."));
    parser.addOption({QStringLiteral("preset"), tr("A preset network (see 'presets')."), tr("NAME")});
    parser.addOption({QStringLiteral("network"), tr("A network JSON file."), tr("FILE")});
    parser.addOption(kJsonOption);
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, arguments, &exitCode))
        return exitCode;
    auto network = networkFromOptions(parser);
    if (!network) {
        printErr(network.error());
        return kExitBadInput;
    }
    auto summary = ModelSummary::compute(*network);
    if (!summary) {
        printErr(summary.error());
        return kExitBadInput;
    }
    if (parser.isSet(kJsonOption))
        printJsonLine(summary->toJson());
    else
        printOut(tr("Network: %1 (input %2)\n\n").arg(network->name, network->input.toString()) + summary->toTable());
    return kExitOk;
}

int runHistory(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List the runs recorded in the history database."));
    addHistoryOption(parser);
    parser.addOption(kJsonOption);
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, arguments, &exitCode))
        return exitCode;

    ExperimentStore store;
    const QString path = historyPath(parser);
    if (const Status s = store.open(path); !s) {
        printErr(s.error());
        return kExitBadInput;
    }
    auto runs = store.runs();
    if (!runs) {
        printErr(runs.error());
        return kExitFailure;
    }
    if (parser.isSet(kJsonOption)) {
        QJsonArray list;
        for (const RunRecord &r : *runs) {
            QJsonObject o;
            o.insert(QStringLiteral("id"), double(r.id));
            o.insert(QStringLiteral("name"), r.name);
            o.insert(QStringLiteral("created"), r.created.toString(Qt::ISODateWithMs));
            o.insert(QStringLiteral("status"), runStatusName(r.status));
            o.insert(QStringLiteral("network"), r.networkName);
            o.insert(QStringLiteral("dataset"), r.dataset);
            o.insert(QStringLiteral("seed"), double(r.seed));
            o.insert(QStringLiteral("epochs_planned"), r.epochsPlanned);
            o.insert(QStringLiteral("epochs_done"), r.epochsDone);
            o.insert(QStringLiteral("final_test_acc"), r.finalTestAccuracy < 0 ? QJsonValue() : QJsonValue(r.finalTestAccuracy));
            o.insert(QStringLiteral("best_test_acc"), r.bestTestAccuracy < 0 ? QJsonValue() : QJsonValue(r.bestTestAccuracy));
            o.insert(QStringLiteral("group_id"), r.groupId >= 0 ? QJsonValue(double(r.groupId)) : QJsonValue());
            o.insert(QStringLiteral("tags"), QJsonArray::fromStringList(r.tags));
            o.insert(QStringLiteral("notes"), r.notes);
            if (!r.error.isEmpty())
                o.insert(QStringLiteral("error"), r.error);
            list.append(o);
        }
        QJsonObject root;
        root.insert(QStringLiteral("database"), store.path());
        root.insert(QStringLiteral("runs"), list);
        printJsonLine(root);
        return kExitOk;
    }
    QString out = tr("History: %1\n").arg(store.path());
    out += QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8\n")
               .arg(tr("id"), 5)
               .arg(tr("created (UTC)"), -19)
               .arg(tr("name"), -18)
               .arg(tr("dataset"), -13)
               .arg(tr("status"), -11)
               .arg(tr("epochs"), 7)
               .arg(tr("final acc"), 9)
               .arg(tr("best acc"), 9);
    for (const RunRecord &r : *runs) {
        out += QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8\n")
                   .arg(r.id, 5)
                   .arg(r.created.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), -19)
                   .arg(r.name.left(18), -18)
                   .arg(r.dataset.left(13), -13)
                   .arg(runStatusName(r.status), -11)
                   .arg(QStringLiteral("%1/%2").arg(r.epochsDone).arg(r.epochsPlanned), 7)
                   .arg(formatAccuracy(r.finalTestAccuracy), 9)
                   .arg(formatAccuracy(r.bestTestAccuracy), 9);
    }
    if (runs->isEmpty())
        out += tr("(no runs yet)\n");
    printOut(out);
    return kExitOk;
}

} // namespace qb::cli
