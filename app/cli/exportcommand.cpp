// quantbench-cli export / import: a trained run out of the history (ONNX, weight files, a C library,
// a run bundle, a lab report) and a run bundle back in.
#include "clicommon.h"

#include "train/runexporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

namespace qb::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

int exitCodeFor(ExportProblem problem)
{
    return problem == ExportProblem::BadInput ? kExitBadInput : kExitFailure;
}

QString formatNames()
{
    QStringList names;
    for (const ExportFormatInfo &f : exportFormats())
        names << f.name;
    return names.join(QStringLiteral(", "));
}

} // namespace

int runExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Export a trained run: onnx (an ONNX model taking the stored pixels), safetensors / npz / pt (effective "
           "weights, int8 for binary and ternary layers), c (a C99 library, PREFIX.h, PREFIX.c and PREFIX_main.c, "
           "written into the folder --out), bundle (a .qbrun file that 'import' reads into another history), report "
           "(a PDF lab report). Files are written completely or not at all."));
    parser.addOption({QStringLiteral("run"), tr("Id of a run in the history (see 'history')."), tr("ID")});
    parser.addOption({QStringLiteral("format"), tr("One of: %1.").arg(formatNames()), tr("FORMAT")});
    parser.addOption({QStringLiteral("out"), tr("The file to write (for --format c: the folder)."), tr("PATH")});
    parser.addOption({QStringLiteral("latent"), tr("safetensors, npz, pt: also the latent (trained float) weights.")});
    parser.addOption({QStringLiteral("prefix"), tr("c: the name of the library and its functions (default qb_model)."),
        tr("NAME"), QStringLiteral("qb_model")});
    parser.addOption({QStringLiteral("data-dir"), tr("Folder holding the run's dataset (for class names, a table's "
                                                     "standardization and the report's confusion matrix)."),
        tr("DIR")});
    addHistoryOption(parser);
    parser.addOption({QStringLiteral("json"), tr("Print the result as one JSON object.")});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, arguments, &exitCode))
        return exitCode;

    const std::optional<qint64> run = requiredRunId(parser, QStringLiteral("export"));
    if (!run)
        return kExitBadInput;
    const qint64 runId = *run;
    const ExportFormatInfo *format = findExportFormat(parser.value(QStringLiteral("format")));
    if (!format) {
        printErr(tr("quantbench-cli export: --format must be one of %1").arg(formatNames()));
        return kExitBadInput;
    }
    if (parser.value(QStringLiteral("out")).isEmpty()) {
        printErr(tr("quantbench-cli export: --out PATH is required"));
        return kExitBadInput;
    }
    ExportRequest request;
    request.dbPath = historyPath(parser);
    request.runId = runId;
    request.format = format->format;
    request.outPath = parser.value(QStringLiteral("out"));
    request.latent = parser.isSet(QStringLiteral("latent"));
    request.cPrefix = parser.value(QStringLiteral("prefix"));
    request.dataDir = parser.value(QStringLiteral("data-dir"));
    const ExportResult result = exportRun(request);
    const bool json = parser.isSet(QStringLiteral("json"));
    if (result.problem != ExportProblem::None) {
        printErr(tr("quantbench-cli export: %1").arg(result.error));
        return exitCodeFor(result.problem);
    }
    if (json) {
        printJsonLine({{QStringLiteral("run_id"), double(runId)},
            {QStringLiteral("format"), format->name},
            {QStringLiteral("files"), QJsonArray::fromStringList(result.outcome.files)},
            {QStringLiteral("bytes"), double(result.outcome.bytes)},
            {QStringLiteral("note"), result.outcome.note}});
    } else {
        QString text = tr("Run %1 exported as %2:\n").arg(runId).arg(format->name);
        for (const QString &f : result.outcome.files)
            text += QStringLiteral("  %1\n").arg(QDir::toNativeSeparators(f));
        text += tr("%1 bytes in all.\n").arg(result.outcome.bytes);
        if (!result.outcome.note.isEmpty())
            text += result.outcome.note + QLatin1Char('\n');
        printOut(text);
    }
    return kExitOk;
}

int runImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Import a run bundle (.qbrun, written by 'export --format bundle') into the history: the run with its "
           "epochs, curves, sweeps and weights. Importing the same bundle again adds nothing."));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The bundle to import."));
    addHistoryOption(parser);
    parser.addOption({QStringLiteral("json"), tr("Print the result as one JSON object.")});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, arguments, &exitCode, 1))
        return exitCode;
    if (parser.positionalArguments().size() != 1) {
        printErr(tr("quantbench-cli import: give exactly one bundle FILE"));
        return kExitBadInput;
    }
    const QString file = parser.positionalArguments().first();
    const ImportResult result = importRun(historyPath(parser), file);
    if (result.problem != ExportProblem::None) {
        printErr(tr("quantbench-cli import: %1").arg(result.error));
        return exitCodeFor(result.problem);
    }
    if (parser.isSet(QStringLiteral("json"))) {
        printJsonLine({{QStringLiteral("run_id"), double(result.runId)},
            {QStringLiteral("already_present"), result.alreadyPresent}});
    } else if (result.alreadyPresent) {
        printOut(tr("%1 was imported before, as run %2; nothing was added.\n")
                     .arg(QDir::toNativeSeparators(file))
                     .arg(result.runId));
    } else {
        printOut(tr("Imported %1 as run %2.\n").arg(QDir::toNativeSeparators(file)).arg(result.runId));
    }
    return kExitOk;
}

} // namespace qb::cli
