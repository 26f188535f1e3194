// quantbench-cli bench: training, evaluation and Monte-Carlo throughput on this machine, against its
// own float GEMM/convolution ceiling and (optionally) the PyTorch eager reference script.
#include "clicommon.h"

#include "bench/benchmark.h"
#include "data/datasetlocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

namespace qb::cli {

namespace {

QString tr(const char *text, int n = -1) { return QCoreApplication::translate("cli", text, nullptr, n); }

#ifdef QB_SOURCE_DIR
const char *const kSourceDir = QB_SOURCE_DIR;
#else
const char *const kSourceDir = "";
#endif

/// The interpreter of the reference script: Debian's python3 has python3-torch; a python3 earlier
/// on PATH (pyenv, venv) often has not.
QString pythonInterpreter()
{
    const QString system = QStringLiteral("/usr/bin/python3");
    return QFileInfo::exists(system) ? system : QStringLiteral("python3");
}

/// bench/pytorch_reference.py of the source tree this executable was built from.
QString defaultReferenceScript()
{
    return QDir(QString::fromUtf8(kSourceDir)).filePath(QStringLiteral("bench/pytorch_reference.py"));
}

/// bench/snn_reference.py: snnTorch tutorial 5 written out in PyTorch, compared with snn-fc-mnist.
QString snnReferenceScript()
{
    return QDir(QString::fromUtf8(kSourceDir)).filePath(QStringLiteral("bench/snn_reference.py"));
}

/// What the PyTorch reference printed (its JSON object), or why there is nothing.
struct ReferenceOutcome
{
    bool ran = false;
    QJsonObject result;
    QString error;
};

ReferenceOutcome runReference(const QString &script, const BenchReport &report, int batchSize, int samples)
{
    ReferenceOutcome outcome;
    if (!QFileInfo::exists(script)) {
        outcome.error = tr("reference script %1 does not exist").arg(script);
        return outcome;
    }
    QProcess process;
    process.start(pythonInterpreter(),
        {script, QStringLiteral("--data-dir"), report.datasetDirectory, QStringLiteral("--threads"),
            QString::number(report.threads), QStringLiteral("--batch-size"), QString::number(batchSize),
            QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--train-limit"),
            QString::number(samples), QStringLiteral("--test-limit"), QStringLiteral("1000")});
    if (!process.waitForStarted(30000)) {
        outcome.error = tr("could not start %1: %2").arg(pythonInterpreter(), process.errorString());
        return outcome;
    }
    if (!process.waitForFinished(30 * 60 * 1000)) {
        process.kill();
        process.waitForFinished();
        outcome.error = tr("reference script %1 did not finish within 30 minutes").arg(script);
        return outcome;
    }
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
        outcome.error = tr("reference script %1 failed (exit %2): %3")
                            .arg(script)
                            .arg(process.exitCode())
                            .arg(err.section(QLatin1Char('\n'), -1));
        return outcome;
    }
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8());
        if (doc.isObject() && doc.object().contains(QStringLiteral("samples_per_s")))
            outcome.result = doc.object();
    }
    if (outcome.result.isEmpty())
        outcome.error = tr("reference script %1 printed no JSON object with samples_per_s").arg(script);
    else
        outcome.ran = true;
    return outcome;
}

QJsonArray toArray(const QStringList &list) { return QJsonArray::fromStringList(list); }

/// The training measurement of `preset` at `batchSize`, or null.
const TrainingBench *findTraining(const BenchReport &r, const QString &preset, int batchSize)
{
    for (const TrainingBench &t : r.training) {
        if (t.preset == preset && t.batchSize == batchSize)
            return &t;
    }
    return nullptr;
}

/// A PyTorch reference and the measurement it is compared with: larq-mnist-bnn at batch 64
/// (bench/pytorch_reference.py) and snn-fc-mnist at batch 128 (bench/snn_reference.py).
struct ReferenceRun
{
    QString key;    ///< the JSON key of its result
    QString preset; ///< what it is compared with
    int batchSize = 0;
    QString script;
    ReferenceOutcome outcome;
};

QString layerList(const QStringList &layers)
{
    return layers.isEmpty() ? tr("none") : layers.join(QStringLiteral(", "));
}

QJsonArray profileJson(const EvaluationBench &e)
{
    QJsonArray layers;
    for (const EvaluationBench::LayerTime &t : e.profile) {
        layers.append(QJsonObject{{QStringLiteral("layer"), t.layer}, {QStringLiteral("float_seconds"), t.floatSeconds},
            {QStringLiteral("bitpacked_seconds"), t.packedSeconds}});
    }
    return layers;
}

QString profileTable(const EvaluationBench &e)
{
    QString out = QStringLiteral("  %1 %2 %3\n").arg(tr("time per layer"), -20).arg(tr("float ms"), 10).arg(tr("bit-packed ms"), 14);
    for (const EvaluationBench::LayerTime &t : e.profile) {
        out += QStringLiteral("  %1 %2 %3\n")
                   .arg(t.layer, -20)
                   .arg(1e3 * t.floatSeconds, 10, 'f', 1)
                   .arg(1e3 * t.packedSeconds, 14, 'f', 1);
    }
    return out;
}

QJsonObject reportJson(const BenchReport &r, const QList<ReferenceRun> &references, bool skipped)
{
    QJsonArray training;
    for (const TrainingBench &t : r.training) {
        training.append(
            QJsonObject{{QStringLiteral("preset"), t.preset}, {QStringLiteral("batch_size"), t.batchSize},
                {QStringLiteral("batches"), t.batches}, {QStringLiteral("samples"), t.samples},
                {QStringLiteral("seconds"), t.seconds}, {QStringLiteral("samples_per_s"), t.samplesPerSecond},
                {QStringLiteral("flops_per_sample"), t.flopsPerSample}, {QStringLiteral("gflops"), t.gflops},
                {QStringLiteral("share_of_conv_ceiling"), t.shareOfConvCeiling}});
    }
    const EvaluationBench &e = r.evaluation;
    const MonteCarloBench &m = r.monteCarlo;
    QJsonObject json{{QStringLiteral("threads"), r.threads}, {QStringLiteral("dataset"), r.dataset},
        {QStringLiteral("dataset_dir"), r.datasetDirectory}, {QStringLiteral("train_images"), r.trainImages},
        {QStringLiteral("test_images"), r.testImages},
        {QStringLiteral("ceiling"),
            QJsonObject{{QStringLiteral("gemm_size"), r.ceiling.gemmSize},
                {QStringLiteral("gemm_gflops"), r.ceiling.gemmGflops},
                {QStringLiteral("conv_shape"), r.ceiling.convShape},
                {QStringLiteral("conv_gflops"), r.ceiling.convGflops}}},
        {QStringLiteral("training"), training},
        {QStringLiteral("evaluation"),
            QJsonObject{{QStringLiteral("weights"), e.weights}, {QStringLiteral("images"), e.images},
                {QStringLiteral("float_seconds"), e.floatSeconds},
                {QStringLiteral("float_images_per_s"), e.floatImagesPerSecond},
                {QStringLiteral("bitpacked_seconds"), e.packedSeconds},
                {QStringLiteral("bitpacked_images_per_s"), e.packedImagesPerSecond},
                {QStringLiteral("speedup"), e.speedup},
                {QStringLiteral("differing_predictions"), e.differingPredictions},
                {QStringLiteral("logits_identical"), e.logitsIdentical},
                {QStringLiteral("accuracy"), e.accuracy}, {QStringLiteral("kernel"), e.kernel},
                {QStringLiteral("bitpacked_layers"), toArray(e.packedLayers)},
                {QStringLiteral("binary_weight_layers"), toArray(e.binaryWeightLayers)},
                {QStringLiteral("profile"), profileJson(e)}, {QStringLiteral("fused"), e.fused}}},
        {QStringLiteral("montecarlo"),
            QJsonObject{{QStringLiteral("nonidealities"), m.nonidealities},
                {QStringLiteral("chips"), m.chips}, {QStringLiteral("images_per_chip"), m.images},
                {QStringLiteral("seconds"), m.seconds}, {QStringLiteral("chips_per_s"), m.chipsPerSecond},
                {QStringLiteral("images_per_s"), m.imagesPerSecond},
                {QStringLiteral("accuracy_mean"), m.accuracyMean},
                {QStringLiteral("bitpacked_layers"), toArray(m.packedLayers)},
                {QStringLiteral("binary_weight_layers"), toArray(m.binaryWeightLayers)}}},
        {QStringLiteral("peak_rss_mib"), r.peakRssMiB}, {QStringLiteral("seconds"), r.totalSeconds}};
    for (const ReferenceRun &run : references) {
        QJsonObject ref;
        if (skipped) {
            ref.insert(QStringLiteral("skipped"), true);
        } else if (!run.outcome.ran) {
            ref.insert(QStringLiteral("error"), run.outcome.error);
        } else {
            ref = run.outcome.result;
            const TrainingBench *ours = findTraining(r, run.preset, run.batchSize);
            const double theirs = run.outcome.result.value(QStringLiteral("samples_per_s")).toDouble();
            if (ours && theirs > 0.0)
                ref.insert(QStringLiteral("ratio"), ours->samplesPerSecond / theirs);
        }
        json.insert(run.key, ref);
    }
    return json;
}

QString reportTable(const BenchReport &r, const QList<ReferenceRun> &references, bool skipped)
{
    QString out = tr("QuantBench benchmark on %1 (%2 training / %3 test images), %n thread(s)\n", r.threads)
                      .arg(r.dataset)
                      .arg(r.trainImages)
                      .arg(r.testImages);
    out += tr("\nCeiling (float32, torch on this machine)\n");
    out += tr("  GEMM %1^3                 %2 GFLOP/s\n")
               .arg(r.ceiling.gemmSize)
               .arg(r.ceiling.gemmGflops, 8, 'f', 1);
    out += tr("  conv %1  %2 GFLOP/s\n").arg(r.ceiling.convShape).arg(r.ceiling.convGflops, 8, 'f', 1);
    out += tr("\nTraining (Adam; FLOPs per sample = 3 x forward, forward = 2 x MACs)\n");
    out += QStringLiteral("  %1 %2 %3 %4 %5\n")
               .arg(tr("preset"), -16)
               .arg(tr("batch"), 6)
               .arg(tr("samples/s"), 10)
               .arg(tr("GFLOP/s"), 9)
               .arg(tr("of conv ceiling"), 16);
    for (const TrainingBench &t : r.training) {
        out += QStringLiteral("  %1 %2 %3 %4 %5%\n")
                   .arg(t.preset, -16)
                   .arg(t.batchSize, 6)
                   .arg(t.samplesPerSecond, 10, 'f', 0)
                   .arg(t.gflops, 9, 'f', 2)
                   .arg(100.0 * t.shareOfConvCeiling, 15, 'f', 1);
    }
    const EvaluationBench &e = r.evaluation;
    out += tr("\nEvaluation of larq-mnist-bnn, %n image(s) (weights: %1)\n", e.images).arg(e.weights);
    out += tr("  float path       %1 images/s\n").arg(e.floatImagesPerSecond, 10, 'f', 0);
    out += tr("  bit-packed path  %1 images/s  (%2x, kernel %3; layers %4; binary weights, float input: %5)\n")
               .arg(e.packedImagesPerSecond, 10, 'f', 0)
               .arg(e.speedup, 0, 'f', 2)
               .arg(e.kernel, e.packedLayers.join(QStringLiteral(", ")), layerList(e.binaryWeightLayers));
    out += tr("  differing predictions: %1; logits bit-identical: %2; accuracy %3\n")
               .arg(e.differingPredictions)
               .arg(e.logitsIdentical ? tr("yes") : tr("no"))
               .arg(e.accuracy, 0, 'f', 4);
    out += profileTable(e);
    if (e.fused)
        out += tr("  (bit-packed: runs of binarized layers are evaluated fused, image by image; a run's time is "
                  "counted on its first layer)\n");
    const MonteCarloBench &m = r.monteCarlo;
    out += tr("\nMonte Carlo: %1 chips x %2 images, %3\n").arg(m.chips).arg(m.images).arg(m.nonidealities);
    out += tr("  %1 s, %2 chips/s, %3 images/s, mean accuracy %4 (bit-packed layers: %5; binary weights, "
              "float input: %6)\n")
               .arg(m.seconds, 0, 'f', 1)
               .arg(m.chipsPerSecond, 0, 'f', 2)
               .arg(m.imagesPerSecond, 0, 'f', 0)
               .arg(m.accuracyMean, 0, 'f', 4)
               .arg(layerList(m.packedLayers), layerList(m.binaryWeightLayers));
    out += tr("\nPeak memory (RSS): %1 MiB. Total %2 s.\n")
               .arg(r.peakRssMiB, 0, 'f', 0)
               .arg(r.totalSeconds, 0, 'f', 1);
    if (skipped)
        out += tr("PyTorch references: skipped (--no-reference).\n");
    for (const ReferenceRun &run : references) {
        if (skipped)
            break;
        if (!run.outcome.ran) {
            out += tr("PyTorch reference for %1: not measured: %2\n").arg(run.preset, run.outcome.error);
            continue;
        }
        const double theirs = run.outcome.result.value(QStringLiteral("samples_per_s")).toDouble();
        const TrainingBench *ours = findTraining(r, run.preset, run.batchSize);
        out += tr("PyTorch reference for %1 (%2, batch %3, %4 samples): %5 samples/s, test accuracy %6; "
                  "QuantBench / PyTorch = %7\n")
                   .arg(run.preset, run.outcome.result.value(QStringLiteral("framework")).toString())
                   .arg(run.batchSize)
                   .arg(run.outcome.result.value(QStringLiteral("samples")).toInt())
                   .arg(theirs, 0, 'f', 0)
                   .arg(run.outcome.result.value(QStringLiteral("test_acc")).toDouble(), 0, 'f', 4)
                   .arg(ours && theirs > 0.0 ? ours->samplesPerSecond / theirs : 0.0, 0, 'f', 2);
    }
    return out;
}

} // namespace

int runBench(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Measures on this machine: the float GEMM and convolution ceiling, training samples/s of "
        "larq-mnist-bnn "
        "and cnn-mnist at batch 64 and 256 and of the spiking presets snn-fc-mnist, bsnn-fmnist and snn-conv-mnist at "
        "batch 128 (and their GFLOP/s as a share of the ceiling), evaluation "
        "images/s "
        "of larq-mnist-bnn through the float and the bit-packed path (with the number of differing "
        "predictions), Monte-Carlo chips/s, and peak memory, on Fashion-MNIST. Unless --no-reference, also "
        "runs the PyTorch eager reference scripts (larq-mnist-bnn; snnTorch tutorial 5 for snn-fc-mnist) with the "
        "same threads, batch and samples, and prints the ratios. Takes a few minutes (--quick: under one)."));
    parser.addOption({QStringLiteral("json"), tr("Print one JSON object.")});
    parser.addOption({QStringLiteral("quick"), tr("Fewer batches (8) and chips (5): a smoke run.")});
    parser.addOption({QStringLiteral("threads"), tr("CPU threads (default: all cores)."), tr("N")});
    parser.addOption({QStringLiteral("data-dir"), tr("Folder holding Fashion-MNIST's files."), tr("DIR")});
    parser.addOption({QStringLiteral("reference"),
        tr("The PyTorch reference script (default: %1).").arg(defaultReferenceScript()), tr("SCRIPT")});
    parser.addOption({QStringLiteral("no-reference"), tr("Do not run the PyTorch reference.")});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, arguments, &exitCode))
        return exitCode;

    BenchOptions options;
    options.quick = parser.isSet(QStringLiteral("quick"));
    if (parser.isSet(QStringLiteral("threads"))) {
        bool ok = false;
        options.threads = parser.value(QStringLiteral("threads")).toInt(&ok);
        if (!ok || options.threads < 1) {
            printErr(tr("quantbench-cli bench: --threads must be a positive integer, got '%1'")
                         .arg(parser.value(QStringLiteral("threads"))));
            return kExitBadInput;
        }
    }
    if (parser.isSet(QStringLiteral("reference")) && parser.isSet(QStringLiteral("no-reference"))) {
        printErr(tr("quantbench-cli bench: give --reference SCRIPT or --no-reference, not both"));
        return kExitBadInput;
    }
    const bool withReference = !parser.isSet(QStringLiteral("no-reference"));
    const bool explicitReference = parser.isSet(QStringLiteral("reference"));
    const QString script
        = explicitReference ? parser.value(QStringLiteral("reference")) : defaultReferenceScript();
    if (explicitReference && !QFileInfo::exists(script)) {
        printErr(tr("quantbench-cli bench: reference script %1 does not exist").arg(script));
        return kExitBadInput;
    }
    options.dataDir = parser.value(QStringLiteral("data-dir"));
    const auto located = DatasetLocator::locate(QStringLiteral("fashion-mnist"), options.dataDir);
    if (!located) {
        printErr(tr("quantbench-cli bench: %1").arg(located.error()));
        return kExitBadInput;
    }
    options.progress = [](const QString &note) { printErr(tr("bench: %1 ...").arg(note)); };

    const Result<BenchReport> report = Benchmark::run(options);
    if (!report) {
        printErr(tr("quantbench-cli bench: %1").arg(report.error()));
        return kExitFailure;
    }
    QList<ReferenceRun> references{
        {QStringLiteral("reference"), QStringLiteral("larq-mnist-bnn"), 64, script, {}},
        {QStringLiteral("snn_reference"), QStringLiteral("snn-fc-mnist"), 128, snnReferenceScript(), {}}};
    for (ReferenceRun &run : references) {
        if (!withReference)
            break;
        const TrainingBench *ours = findTraining(*report, run.preset, run.batchSize);
        printErr(tr("bench: running the PyTorch reference %1 ...").arg(run.script));
        run.outcome = runReference(run.script, *report, run.batchSize, ours ? ours->samples : 6400);
        if (!run.outcome.ran)
            printErr(tr("quantbench-cli bench: warning: %1").arg(run.outcome.error));
    }
    if (parser.isSet(QStringLiteral("json")))
        printJsonLine(reportJson(*report, references, !withReference));
    else
        printOut(reportTable(*report, references, !withReference));
    // An explicitly named reference that fails is a failure of the command; the default one only
    // warns (the measurements of QuantBench itself are complete).
    return explicitReference && !references.first().outcome.ran ? kExitFailure : kExitOk;
}

} // namespace qb::cli
