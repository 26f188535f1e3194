#pragma once
// Shared plumbing of the quantbench-cli commands: exit codes, output streams, argument helpers.

#include "spec/networkspec.h"
#include "util/result.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace qb::cli {

enum ExitCode { kExitOk = 0, kExitFailure = 1, kExitBadInput = 2 };

void printOut(const QString &text);          ///< stdout, as is
void printErr(const QString &text);          ///< stderr, with a trailing newline
void printJsonLine(const QJsonObject &object); ///< one compact JSON object per line on stdout

/// Parses `arguments` (the command's own, program name first); on --help prints the help and returns
/// kExitOk through `exitCode`; on a parse error prints it and returns kExitBadInput. Returns true when
/// the command should go on. More than `positional` positional arguments are refused.
bool parseCommandLine(QCommandLineParser &parser, const QStringList &arguments, int *exitCode, int positional = 0);

/// --db FILE: the history a command reads or writes (help names the default one).
void addHistoryOption(QCommandLineParser &parser);
/// The history --db names, or the default one.
QString historyPath(const QCommandLineParser &parser);
/// --run ID as an integer; without one, prints "quantbench-cli COMMAND: --run ID is required ..."
/// and returns std::nullopt (exit with kExitBadInput).
std::optional<qint64> requiredRunId(const QCommandLineParser &parser, const QString &command);

/// The network named by --preset NAME or --network FILE (exactly one of them).
Result<NetworkSpec> networkFromOptions(const QCommandLineParser &parser);

int runPresets(const QStringList &arguments);
int runSummary(const QStringList &arguments);
int runTrain(const QStringList &arguments);
int runHistory(const QStringList &arguments);
int runSweep(const QStringList &arguments);
int runWeights(const QStringList &arguments);
int runEvaluate(const QStringList &arguments);
int runNoiseSweep(const QStringList &arguments);
int runExport(const QStringList &arguments);
int runImport(const QStringList &arguments);
int runGrid(const QStringList &arguments);
int runGridTask(const QStringList &arguments);

} // namespace qb::cli
