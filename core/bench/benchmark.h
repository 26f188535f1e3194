#pragma once

#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>

namespace qb {

/// What `quantbench-cli bench` measures and how long it may take.
struct BenchOptions
{
    bool quick = false; ///< fewer batches and chips (a smoke run of under a minute)
    int threads = 0; ///< torch intra-op threads; 0: all cores
    QString dataDir; ///< folder of Fashion-MNIST's files; empty: DatasetLocator's search
    /// Timed training batches at batch size 64; 0: 100 (quick: 8). Batch 256 runs the same number
    /// of samples (a quarter of the batches), each after a warm-up of a tenth (at least 2 batches).
    int trainBatches = 0;
    int chips = 0; ///< Monte-Carlo chips; 0: 100 (quick: 5)
    int testLimit = 0; ///< test images for evaluation and Monte Carlo; 0: all (10,000)
    /// Called with a one-line note before each measurement (the CLI prints it on stderr).
    std::function<void(const QString &)> progress;
};

/// The machine's own float throughput: the ceiling the training rates are compared with.
struct BenchCeiling
{
    int gemmSize = 1024; ///< torch::mm of two gemmSize^2 float matrices
    double gemmGflops = 0.0; ///< 2 * n^3 / best time, in 1e9 FLOP/s
    QString convShape; ///< e.g. "64x32x13x13 * 64x32x3x3" (larq-mnist-bnn's second conv)
    double convGflops = 0.0; ///< 2 * MACs / best time of torch::conv2d
};

/// Training throughput of one preset at one batch size.
struct TrainingBench
{
    QString preset;
    int batchSize = 0;
    int batches = 0; ///< timed batches (after the warm-up)
    int samples = 0;
    double seconds = 0.0;
    double samplesPerSecond = 0.0;
    /// FLOPs of one training sample: 3 x the forward pass (forward, gradient of the input, gradient
    /// of the weights), the forward pass counted as 2 x ModelSummary's MACs (a MAC is 2 FLOPs,
    /// binary MACs counted like float ones, since the training path computes them in float).
    double flopsPerSample = 0.0;
    double gflops = 0.0; ///< samplesPerSecond * flopsPerSample / 1e9
    double shareOfConvCeiling = 0.0; ///< gflops / BenchCeiling::convGflops
};

/// Evaluation of larq-mnist-bnn over the test images, float path against bit-packed path.
struct EvaluationBench
{
    QString weights; ///< where the weights came from (the batch-64 training measurement)
    int images = 0;
    double floatSeconds = 0.0; ///< the shortest of three passes (the paths alternate)
    double floatImagesPerSecond = 0.0;
    double packedSeconds = 0.0; ///< likewise
    double packedImagesPerSecond = 0.0;
    double speedup = 0.0; ///< packedImagesPerSecond / floatImagesPerSecond
    int differingPredictions = -1; ///< images whose predicted class differs between the paths
    bool logitsIdentical = false; ///< all logits bit-identical (not only the argmax)
    double accuracy = 0.0; ///< of the (briefly trained) model, bit-packed path
    QString kernel; ///< the popcount kernel this CPU runs: "avx2", "avx512", "scalar"
    QStringList packedLayers; ///< names of the layers computed bit-packed
    /// Layers with +-1 weights but float input, computed by the binary-weight kernel.
    QStringList binaryWeightLayers;
    /// Runs of binarized layers were evaluated fused (model/fusedbinaryevaluator_p.h); the profile
    /// then counts a run's whole time on its first layer.
    bool fused = false;
    /// Where the time goes: per layer of the network, its name and the seconds it took over the
    /// whole pass on the float path and on the bit-packed path.
    struct LayerTime
    {
        QString layer;
        double floatSeconds = 0.0;
        double packedSeconds = 0.0;
    };
    QList<LayerTime> profile;
};

/// Monte-Carlo evaluation of larq-mnist-bnn with nonidealities over simulated chips.
struct MonteCarloBench
{
    QString nonidealities; ///< a description of the models and parameters used
    int chips = 0;
    int images = 0; ///< per chip
    double seconds = 0.0;
    double chipsPerSecond = 0.0;
    double imagesPerSecond = 0.0;
    double accuracyMean = 0.0;
    QStringList packedLayers; ///< layers that ran bit-packed
    QStringList binaryWeightLayers; ///< layers that ran the binary-weight kernel (the others: torch)
};

/// Everything `quantbench-cli bench` reports.
struct BenchReport
{
    int threads = 0;
    QString dataset; ///< "fashion-mnist"
    QString datasetDirectory; ///< where its files were found (the PyTorch reference reads them too)
    int trainImages = 0;
    int testImages = 0;
    BenchCeiling ceiling;
    QList<TrainingBench> training;
    EvaluationBench evaluation;
    MonteCarloBench monteCarlo;
    double peakRssMiB = 0.0; ///< getrusage's ru_maxrss after the training measurements
    double totalSeconds = 0.0;
};

/// The measurements behind `quantbench-cli bench`, on the machine it runs on, on Fashion-MNIST
/// (28x28 grey images, 10 classes). Synchronous, on the calling thread (plus torch's intra-op
/// threads); takes a few minutes (quick: well under one). The numbers are what a user of the
/// workbench gets: the same modules, batcher, optimizer and evaluation loop as Trainer and
/// TrainedModel.
class Benchmark
{
public:
    /// Fails when the dataset cannot be found or read (the message names where it looked) or a
    /// torch call throws.
    static Result<BenchReport> run(const BenchOptions &options);
};

} // namespace qb
