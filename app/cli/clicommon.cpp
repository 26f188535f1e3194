#include "clicommon.h"

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
