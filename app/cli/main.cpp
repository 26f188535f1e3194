// quantbench-cli: the headless interface (see README "Command line" and DESIGN.md's contract).
#include "clicommon.h"

#include <QCoreApplication>

namespace qb::cli {
int runBench(const QStringList &arguments); // benchcommand.cpp
}

namespace {

QString usage()
{
    return QCoreApplication::translate(
        "cli",
        "Usage: quantbench-cli COMMAND [OPTIONS]\n"
        "\n"
        "Commands:\n"
        "  presets   list the preset networks\n"
        "  summary   parameters, memory and MACs per layer and precision of a network\n"
        "  train     train a network and record the run in the history\n"
        "  history   list the recorded runs\n"
        "  weights   latent and effective (quantized) weights of a trained run\n"
        "  evaluate  Monte-Carlo evaluation of a trained run on simulated chips\n"
        "  sweep     evaluate a trained run over a range of settings (ptq: fixed-point fraction bits;\n"
        "            noise: a nonideality parameter over simulated chips)\n"
        "  bench     training, evaluation (float and bit-packed) and Monte-Carlo speed on this machine\n"
        "\n"
        "Run 'quantbench-cli COMMAND --help' for a command's options.\n"
        "Exit status: 0 success, 2 bad usage or bad input, 1 other failure.\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("quantbench"));
    QCoreApplication::setOrganizationName(QStringLiteral("QuantBench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QUANTBENCH_VERSION));

    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h")) {
        qb::cli::printOut(usage());
        return args.size() < 2 ? qb::cli::kExitBadInput : qb::cli::kExitOk;
    }
    if (args[1] == QLatin1String("--version")) {
        qb::cli::printOut(QStringLiteral("quantbench-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return qb::cli::kExitOk;
    }
    const QString command = args[1];
    args.removeAt(1);
    args[0] = QStringLiteral("quantbench-cli ") + command;
    if (command == QLatin1String("presets"))
        return qb::cli::runPresets(args);
    if (command == QLatin1String("summary"))
        return qb::cli::runSummary(args);
    if (command == QLatin1String("train"))
        return qb::cli::runTrain(args);
    if (command == QLatin1String("history"))
        return qb::cli::runHistory(args);
    if (command == QLatin1String("weights"))
        return qb::cli::runWeights(args);
    if (command == QLatin1String("evaluate"))
        return qb::cli::runEvaluate(args);
    if (command == QLatin1String("sweep"))
        return qb::cli::runSweep(args);
    if (command == QLatin1String("bench"))
        return qb::cli::runBench(args);
    qb::cli::printErr(QCoreApplication::translate("cli", "quantbench-cli: unknown command '%1'\n").arg(command)
                      + usage());
    return qb::cli::kExitBadInput;
}
