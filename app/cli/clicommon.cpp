#include "clicommon.h"

#include "store/experimentstore.h"

#include "spec/presetlibrary.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

namespace qb::cli {

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void printJsonLine(const QJsonObject &object)
{
    printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
}

bool parseCommandLine(QCommandLineParser &parser, const QStringList &arguments, int *exitCode, int positional)
{
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        printErr(QStringLiteral("quantbench-cli: ") + parser.errorText());
        *exitCode = kExitBadInput;
        return false;
    }
    if (parser.isSet(help)) {
        printOut(parser.helpText());
        *exitCode = kExitOk;
        return false;
    }
    if (parser.positionalArguments().size() > positional) {
        printErr(QCoreApplication::translate("cli", "quantbench-cli: unexpected argument '%1'")
                     .arg(parser.positionalArguments().at(positional)));
        *exitCode = kExitBadInput;
        return false;
    }
    return true;
}

void addHistoryOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("db"),
        QCoreApplication::translate("cli", "History database (default: %1).").arg(ExperimentStore::defaultPath()),
        QCoreApplication::translate("cli", "FILE")});
}

QString historyPath(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : ExperimentStore::defaultPath();
}

std::optional<qint64> requiredRunId(const QCommandLineParser &parser, const QString &command)
{
    bool ok = false;
    const qint64 id = parser.value(QStringLiteral("run")).toLongLong(&ok);
    if (!parser.isSet(QStringLiteral("run")) || !ok) {
        printErr(QCoreApplication::translate("cli", "quantbench-cli %1: --run ID is required (an integer; see 'history')")
                     .arg(command));
        return std::nullopt;
    }
    return id;
}

Result<NetworkSpec> networkFromOptions(const QCommandLineParser &parser)
{
    const bool hasPreset = parser.isSet(QStringLiteral("preset"));
    const bool hasNetwork = parser.isSet(QStringLiteral("network"));
    if (hasPreset == hasNetwork) {
        return Result<NetworkSpec>::failure(
            QCoreApplication::translate("cli", "give exactly one of --preset NAME or --network FILE"));
    }
    if (hasPreset)
        return PresetLibrary::load(parser.value(QStringLiteral("preset")));
    return NetworkSpec::fromFile(parser.value(QStringLiteral("network")));
}

} // namespace qb::cli
