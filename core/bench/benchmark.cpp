#include "bench/benchmark.h"

#include "bitpack/binarygemm.h"
#include "data/datasetlocator.h"
#include "model/modelsummary.h"
#include "model/network_p.h"
#include "noise/noisemodel_p.h"
#include "spec/presetlibrary.h"
#include "train/batcher_p.h"
#include "train/evaluation_p.h"
#include "train/trainer.h"
#include "util/blasthreads.h"


#include <QElapsedTimer>
#include <QObject>

#include <sys/resource.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <random>

namespace qb {

namespace {

constexpr int kEvalBatchSize = 250; // as evaluateNetwork
constexpr quint64 kChipSeed = 1; // as `quantbench-cli evaluate`'s default

double seconds(const QElapsedTimer &timer) { return timer.nsecsElapsed() * 1e-9; }

/// The best wall time of `repeats` calls after one untimed call (first-call allocations, JIT).
double bestOf(int repeats, const std::function<void()> &call)
{
    call();
    double best = std::numeric_limits<double>::infinity();
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        call();
        best = std::min(best, seconds(timer));
    }
    return best;
}

BenchCeiling measureCeiling(bool quick)
{
    torch::NoGradGuard noGrad;
    BenchCeiling c;
    torch::manual_seed(1);
    const int n = c.gemmSize;
    const torch::Tensor a = torch::randn({n, n});
    const torch::Tensor b = torch::randn({n, n});
    // The machine's ceiling: one large product may use every core through the BLAS library's
    // own threads (training keeps it at one, see util/blasthreads.h).
    setBlasThreads(at::get_num_threads());
    const double gemm = bestOf(quick ? 2 : 5, [&] { torch::mm(a, b); });
    setBlasThreads(1);
    c.gemmGflops = 2.0 * double(n) * n * n / gemm * 1e-9;
    // larq-mnist-bnn's second convolution at training batch 64: 32 -> 64 channels, 13x13, 3x3.
    const torch::Tensor x = torch::randn({64, 32, 13, 13});
    const torch::Tensor w = torch::randn({64, 32, 3, 3});
    c.convShape = QStringLiteral("64x32x13x13 * 64x32x3x3");
    const double conv = bestOf(quick ? 10 : 20, [&] { torch::conv2d(x, w); });
    const double macs = 64.0 * 64 * 11 * 11 * 32 * 3 * 3;
    c.convGflops = 2.0 * macs / conv * 1e-9;
    return c;
}

NetworkSpec presetFor(const QString &name, const Dataset &data)
{
    const Result<NetworkSpec> spec = PresetLibrary::load(name);
    if (!spec)
        throw std::runtime_error(spec.error().toStdString());
    return spec->adaptedTo(
        TensorShape::image(data.train.channels, data.train.height, data.train.width), data.numClasses);
}

std::shared_ptr<NetworkModule> buildNetwork(const NetworkSpec &spec)
{
    auto built = NetworkModule::build(spec);
    if (!built)
        throw std::runtime_error(built.error().toStdString());
    return *built;
}

/// MACs of one sample's forward pass as computed: a spiking network runs every layer after its
/// first spiking layer (all of them unless the input is direct) once per time step.
double spikingAwareMacs(const NetworkSpec &spec, const ModelSummary &summary)
{
    if (!spec.isSpiking())
        return double(summary.macCount());
    bool timed = spec.spiking.encoding != SpikeEncoding::Direct;
    double macs = 0.0;
    for (int i = 0; i < summary.layers.size() && i < spec.layers.size(); ++i) {
        macs += double(summary.layers[i].macCount()) * (timed ? spec.spiking.timeSteps : 1);
        timed = timed || spec.layers[i].isSpiking();
    }
    return macs;
}

/// `batches` timed training steps (after a warm-up), exactly Trainer's step: forward,
/// cross-entropy, backward, Adam, weight clip, loss and accuracy read back.
TrainingBench measureTraining(const QString &preset, const Dataset &data, int batchSize, int batches,
    std::shared_ptr<NetworkModule> *trained)
{
    const NetworkSpec spec = presetFor(preset, data);
    // The preset's own recipe (the snnTorch presets: their learning rate and [0, 1] inputs), Adam
    // at 1e-3 on [-1, 1] inputs otherwise.
    const TrainSpec recipe = ExperimentSpec::forNetwork(spec).train;
    torch::manual_seed(1);
    auto net = buildNetwork(spec);
    torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(recipe.learningRate));
    Batcher batcher(data.train, 0, recipe.normalization);
    std::mt19937_64 rng(1);
    batcher.beginEpoch(true, rng);
    const int available = batcher.batchCount(batchSize);
    net->train();
    auto step = [&](int b) {
        auto [x, y] = batcher.batch(b % available, batchSize);
        optimizer.zero_grad();
        const NetworkOutput out = net->run(x);
        const torch::Tensor &logits = out.scores;
        const torch::Tensor loss = net->loss(out, y);
        loss.backward();
        optimizer.step();
        net->applyConstraints();
        loss.item<double>();
        logits.argmax(1).eq(y).sum().item<int64_t>();
        return int(y.size(0));
    };
    const int warmup = std::max(2, batches / 10);
    for (int b = 0; b < warmup; ++b)
        step(b);
    TrainingBench r;
    r.preset = preset;
    r.batchSize = batchSize;
    r.batches = batches;
    QElapsedTimer timer;
    timer.start();
    for (int b = 0; b < batches; ++b)
        r.samples += step(warmup + b);
    r.seconds = seconds(timer);
    r.samplesPerSecond = r.samples / std::max(1e-9, r.seconds);
    const Result<ModelSummary> summary = ModelSummary::compute(spec);
    r.flopsPerSample = summary ? 3.0 * 2.0 * spikingAwareMacs(spec, *summary) : 0.0;
    r.gflops = r.samplesPerSecond * r.flopsPerSample * 1e-9;
    if (trained)
        *trained = net;
    return r;
}

QString layerName(const NetworkSpec &spec, int index)
{
    const LayerSpec &l = spec.layers[index];
    return l.name.isEmpty() ? QStringLiteral("%1_%2").arg(index).arg(layerTypeName(l.type)) : l.name;
}

/// Names of the layers whose bit-packed (packed true) or binary-weight (false) pass count grew
/// between the two snapshots.
QStringList layersSince(const NetworkModule &net, const std::vector<NetworkModule::PathCounts> &before, bool packed)
{
    QStringList names;
    for (const NetworkModule::PathCounts &c : net.pathCounts()) {
        const auto old
            = std::find_if(before.begin(), before.end(), [&](const auto &b) { return b.layer == c.layer; });
        const std::int64_t then = old == before.end() ? 0 : (packed ? old->bitPacked : old->binaryWeight);
        if ((packed ? c.bitPacked : c.binaryWeight) > then)
            names << layerName(net.spec(), c.layer);
    }
    return names;
}

/// Timed passes per evaluation path; the shortest counts. The paths alternate, so both see the
/// same machine: on a shared machine one pass of each varied up to 2x between runs.
constexpr int kEvaluationRounds = 3;

/// One evaluation pass over the test images (batches of 250, as evaluateNetwork): its logits,
/// and its wall time in *seconds.
torch::Tensor evaluationPass(NetworkModule &net, const Batcher &batcher, double *elapsed)
{
    std::vector<torch::Tensor> parts;
    QElapsedTimer timer;
    timer.start();
    for (int b = 0; b < batcher.batchCount(kEvalBatchSize); ++b)
        parts.push_back(net.forward(batcher.batch(b, kEvalBatchSize).first));
    *elapsed = seconds(timer);
    return torch::cat(parts);
}

/// A separate pass that times every layer (timing each layer costs a little).
void profilePass(NetworkModule &net, const Batcher &batcher, std::vector<double> *layerSeconds)
{
    for (int b = 0; b < batcher.batchCount(kEvalBatchSize); ++b)
        net.forwardTimed(batcher.batch(b, kEvalBatchSize).first, layerSeconds);
}

EvaluationBench measureEvaluation(NetworkModule &net, const DatasetSplit &test)
{
    torch::NoGradGuard noGrad;
    net.eval();
    Batcher batcher(test, 0, Normalization::MinusOneToOne);
    EvaluationBench r;
    r.images = batcher.size();
    const auto before = net.pathCounts();
    const std::int64_t fusedBefore = net.fusedPasses();
    torch::Tensor floatLogits, packedLogits;
    r.floatSeconds = r.packedSeconds = std::numeric_limits<double>::infinity();
    for (int round = 0; round < kEvaluationRounds; ++round) {
        for (const bool packed : {false, true}) {
            net.setBitPacked(packed);
            if (round == 0)
                net.forward(batcher.batch(0, kEvalBatchSize).first); // warm-up (allocations, primitives)
            double elapsed = 0.0;
            const torch::Tensor logits = evaluationPass(net, batcher, &elapsed);
            double &best = packed ? r.packedSeconds : r.floatSeconds;
            best = std::min(best, elapsed);
            if (round == 0)
                (packed ? packedLogits : floatLogits) = logits;
        }
    }
    r.packedLayers = layersSince(net, before, true);
    r.binaryWeightLayers = layersSince(net, before, false);
    r.fused = net.fusedPasses() > fusedBefore;
    std::vector<double> floatLayers, packedLayers;
    net.setBitPacked(false);
    profilePass(net, batcher, &floatLayers);
    net.setBitPacked(true);
    profilePass(net, batcher, &packedLayers);
    for (int i = 0; i < net.layerCount(); ++i)
        r.profile.append({layerName(net.spec(), i), floatLayers[size_t(i)], packedLayers[size_t(i)]});
    r.floatImagesPerSecond = r.images / std::max(1e-9, r.floatSeconds);
    r.packedImagesPerSecond = r.images / std::max(1e-9, r.packedSeconds);
    r.speedup = r.packedImagesPerSecond / std::max(1e-9, r.floatImagesPerSecond);
    const torch::Tensor floatPredicted = floatLogits.argmax(1);
    const torch::Tensor packedPredicted = packedLogits.argmax(1);
    r.differingPredictions = int(floatPredicted.ne(packedPredicted).sum().item<int64_t>());
    r.logitsIdentical = torch::equal(floatLogits, packedLogits);
    const torch::Tensor labels = torch::from_blob(
        const_cast<std::uint8_t *>(test.labels.data()), {std::int64_t(test.labels.size())}, torch::kUInt8)
                                     .to(torch::kLong);
    r.accuracy = packedPredicted.eq(labels).to(torch::kDouble).mean().item<double>();
    r.kernel = QString::fromLatin1(binaryKernelName(resolveBinaryKernel(BinaryKernel::Auto)));
    return r;
}

NoiseSpec noise(const QString &model, const QJsonObject &params)
{
    NoiseSpec n;
    n.model = model;
    n.phase = NoisePhase::Both;
    n.params = params;
    return n;
}

/// larq-bnn-weight-noise's latent Gaussian weight noise (sigma 0.01, drawn per pass) and
/// larq-bnn-cmos's process variation (uniform 0.002, gaussian 0.01, per chip), acting on the latent
/// weights so the layers stay binary (on the effective weights W*(1+u)+n is no longer +-1, which
/// would send every layer back to float convolutions).
QList<NoiseSpec> monteCarloNoises()
{
    return {noise(QStringLiteral("weight_noise"),
                {{QStringLiteral("sigma"), 0.01}, {QStringLiteral("relative"), false},
                    {QStringLiteral("on"), QStringLiteral("latent")}}),
        noise(QStringLiteral("process_variation"),
            {{QStringLiteral("uniform"), 0.002}, {QStringLiteral("gaussian"), 0.01},
                {QStringLiteral("on"), QStringLiteral("latent")}})};
}

MonteCarloBench measureMonteCarlo(const NetworkModule &trained, const DatasetSplit &test, int chips)
{
    NetworkSpec spec = trained.spec();
    const QList<NoiseSpec> noises = monteCarloNoises();
    for (LayerSpec &l : spec.layers) {
        if (l.hasWeights())
            l.nonidealities = noises;
    }
    auto net = buildNetwork(spec);
    {
        // The trained weights, under the noisy spec (same parameter and buffer names).
        torch::NoGradGuard noGrad;
        auto source = const_cast<NetworkModule &>(trained).named_parameters(true);
        for (auto &p : net->named_parameters(true))
            p.value().copy_(source[p.key()]);
        auto buffers = const_cast<NetworkModule &>(trained).named_buffers(true);
        for (auto &b : net->named_buffers(true))
            b.value().copy_(buffers[b.key()]);
    }
    MonteCarloBench r;
    r.nonidealities
        = QStringLiteral("weight_noise (latent, sigma 0.01, per pass) + process_variation "
                         "(latent, uniform 0.002, gaussian 0.01, per chip) on every conv/dense layer");
    r.chips = chips;
    Batcher batcher(test, 0, Normalization::MinusOneToOne);
    r.images = batcher.size();
    net->setBitPacked(true);
    const auto before = net->pathCounts();
    double accuracySum = 0.0;
    QElapsedTimer timer;
    timer.start();
    // As TrainedModel::evaluateChips: chip i of seed S draws its patterns and per-pass noise from
    // mixSeed(S, i).
    for (int i = 0; i < chips; ++i) {
        const std::uint64_t chip = mixSeed(kChipSeed, std::uint64_t(i));
        net->setChip(chip);
        torch::manual_seed(chip);
        accuracySum += evaluateNetwork(*net, batcher).accuracy;
    }
    r.seconds = seconds(timer);
    r.chipsPerSecond = chips / std::max(1e-9, r.seconds);
    r.imagesPerSecond = double(chips) * r.images / std::max(1e-9, r.seconds);
    r.accuracyMean = chips > 0 ? accuracySum / chips : 0.0;
    r.packedLayers = layersSince(*net, before, true);
    r.binaryWeightLayers = layersSince(*net, before, false);
    return r;
}

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0; // KiB on Linux
}

} // namespace

Result<BenchReport> Benchmark::run(const BenchOptions &options)
{
    QElapsedTimer total;
    total.start();
    auto note = [&](const QString &text) {
        if (options.progress)
            options.progress(text);
    };
    BenchReport report;
    report.dataset = QStringLiteral("fashion-mnist");
    auto data = DatasetLocator::load(report.dataset, options.dataDir);
    if (!data)
        return Result<BenchReport>::failure(data.error());
    if (options.testLimit > 0)
        data->test = data->test.head(options.testLimit);
    report.datasetDirectory = data->directory;
    report.trainImages = data->train.count;
    report.testImages = data->test.count;
    report.threads = Trainer::applyThreadCount(options.threads);
    const int batches = options.trainBatches > 0 ? options.trainBatches : (options.quick ? 8 : 100);
    const int chips = options.chips > 0 ? options.chips : (options.quick ? 5 : 100);
    try {
        note(QObject::tr("measuring the float GEMM and convolution ceiling"));
        report.ceiling = measureCeiling(options.quick);
        std::shared_ptr<NetworkModule> trained;
        for (const QString &preset : {QStringLiteral("larq-mnist-bnn"), QStringLiteral("cnn-mnist")}) {
            for (int batchSize : {64, 256}) {
                // The same number of samples at every batch size: `batches` at 64, a quarter at 256.
                const int n = std::max(2, (batches * 64 + batchSize / 2) / batchSize);
                note(QObject::tr("training %1 at batch %2 (%3 batches)").arg(preset).arg(batchSize).arg(n));
                const bool keep = preset == QLatin1String("larq-mnist-bnn") && batchSize == 64;
                TrainingBench t = measureTraining(preset, *data, batchSize, n, keep ? &trained : nullptr);
                t.shareOfConvCeiling = t.gflops / std::max(1e-9, report.ceiling.convGflops);
                report.training << t;
            }
        }
        // Spiking networks at their recipe's batch of 128, the same number of samples (the
        // convolutional one, ~50x the work per sample, a twentieth of them).
        for (const auto &[preset, share] : {std::pair<QString, int>{QStringLiteral("snn-fc-mnist"), 1},
                                            std::pair<QString, int>{QStringLiteral("bsnn-fmnist"), 1},
                                            std::pair<QString, int>{QStringLiteral("snn-conv-mnist"), 20}}) {
            const int n = std::max(2, (batches * 64 + 64) / 128 / share);
            note(QObject::tr("training %1 at batch 128 (%2 batches)").arg(preset).arg(n));
            TrainingBench t = measureTraining(preset, *data, 128, n, nullptr);
            t.shareOfConvCeiling = t.gflops / std::max(1e-9, report.ceiling.convGflops);
            report.training << t;
        }
        report.peakRssMiB = peakRssMiB();
        note(QObject::tr("evaluating larq-mnist-bnn on %n test image(s), float and bit-packed", nullptr,
            report.testImages));
        report.evaluation = measureEvaluation(*trained, data->test);
        report.evaluation.weights = QObject::tr("larq-mnist-bnn after the %n timed batch(es) of the batch-64 "
                                                "training measurement (plus warm-up)",
            nullptr, batches);
        note(QObject::tr("Monte-Carlo evaluation on %n simulated chip(s)", nullptr, chips));
        report.monteCarlo = measureMonteCarlo(*trained, data->test, chips);
        report.peakRssMiB = std::max(report.peakRssMiB, peakRssMiB());
    } catch (const std::exception &e) {
        return Result<BenchReport>::failure(
            QObject::tr("benchmark failed: %1")
                .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
    report.totalSeconds = seconds(total);
    return report;
}

} // namespace qb
