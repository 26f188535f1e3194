// quantbench-cli: the headless interface (see README "Command line" and DESIGN.md's contract).
#include "clicommon.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <csignal>
#include <memory>
#include <unistd.h>

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
        "  export    a trained run as ONNX, safetensors, npz, pt, a C library, a run bundle or a PDF report\n"
        "  import    a run bundle (.qbrun) into the history\n"
        "  grid      many configurations x seeds as one experiment grid, here or on a Slurm cluster\n"
        "  bench     training, evaluation (float and bit-packed) and Monte-Carlo speed on this machine\n"
        "\n"
        "Run 'quantbench-cli COMMAND --help' for a command's options.\n"
        "Exit status: 0 success, 2 bad usage or bad input, 1 other failure.\n");
}

} // namespace

int main(int argc, char *argv[])
{
    // A file-size limit (prlimit --fsize, a quota) must give "cannot write FILE: ..." rather than
    // kill the process with SIGXFSZ: the write then fails with EFBIG like a full disk.
    std::signal(SIGXFSZ, SIG_IGN);
    // export draws the bundle's charts and the PDF report with QPainter, which needs a
    // QGuiApplication; a command-line tool must not depend on a display, so it draws offscreen.
    // (grid-task leaves its trial as a run bundle, which holds the charts too.)
    const bool drawing = argc > 1 && (qstrcmp(argv[1], "export") == 0 || qstrcmp(argv[1], "grid-task") == 0);
    if (drawing) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        // What Qt would use anyway, without its warning on every start of a grid's task.
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            const QByteArray runtime = QDir::tempPath().toLocal8Bit() + "/runtime-" + QByteArray::number(uint(getuid()));
            if (QDir().mkpath(QString::fromLocal8Bit(runtime))) {
                QFile::setPermissions(QString::fromLocal8Bit(runtime), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
                qputenv("XDG_RUNTIME_DIR", runtime);
            }
        }
    }
    const std::unique_ptr<QCoreApplication> app = drawing ? std::make_unique<QGuiApplication>(argc, argv)
                                                          : std::make_unique<QCoreApplication>(argc, argv);
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
    if (command == QLatin1String("export"))
        return qb::cli::runExport(args);
    if (command == QLatin1String("import"))
        return qb::cli::runImport(args);
    if (command == QLatin1String("grid"))
        return qb::cli::runGrid(args);
    if (command == QLatin1String("grid-task"))
        return qb::cli::runGridTask(args);
    if (command == QLatin1String("bench"))
        return qb::cli::runBench(args);
    qb::cli::printErr(QCoreApplication::translate("cli", "quantbench-cli: unknown command '%1'\n").arg(command)
                      + usage());
    return qb::cli::kExitBadInput;
}
