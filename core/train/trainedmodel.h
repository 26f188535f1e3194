#pragma once

#include "data/dataset.h"
#include "export/modelsnapshot.h"
#include "spec/experimentspec.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QVector>

#include <functional>
#include <memory>

namespace qb {

class ExperimentStore;

/// Post-training fixed-point quantization applied at evaluation (REFERENCE.md's AlexNet notebook):
/// q = clamp(round(x * 2^f), min, max) / 2^f with a signed word of `wordBits` bits, on the effective
/// weights of every conv/dense layer and/or on the network input and every layer's output.
struct PtqConfig
{
    bool weights = true;
    bool activations = true;
    int wordBits = 32;
    int fracBits = 8;
};

/// Loss and accuracy of one evaluation.
struct EvalMetrics
{
    double loss = 0.0;
    double accuracy = 0.0;
    int samples = 0;
};

/// Accuracies of a Monte-Carlo evaluation over simulated chips.
struct ChipEvaluation
{
    QVector<double> accuracies; ///< one per chip
    QVector<double> losses;
    double seconds = 0.0;       ///< wall time of all chips
    int samples = 0;            ///< test images per chip
};

/// The latent (trained, float) and effective (as used in forward: quantized) weights of one layer.
struct LayerWeights
{
    int layer = 0;
    QString name;
    QVector<int> shape;
    QVector<float> latent;
    QVector<float> effective;
};

/// One spiking layer's activity for one sample over the network's time steps (raster and membrane
/// plots). Row-major [steps x neurons]; neurons in the layer's flattened (CHW) order.
struct SpikingLayerActivity
{
    int layer = 0;       ///< index in the network
    QString name;        ///< the layer's name, or "leaky 3"
    int steps = 0;
    int neurons = 0;
    double threshold = 1.0;
    QVector<float> spikes;   ///< 0 or 1
    QVector<float> membrane; ///< after any reset, as snnTorch returns it
};

/// Spiking activity over a set of images: the energy proxy neuromorphic papers report.
/// Synaptic operations (SynOps) count, for every conv/dense layer fed by spikes, each input spike
/// times the number of weights it reaches (its fan-out; exact at the borders of a conv); the
/// comparison is the MACs of the same network run once without spikes (ModelSummary).
struct ActivityReport
{
    struct Layer
    {
        int layer = 0;
        QString name;
        int neurons = 0;
        double spikesPerImage = 0.0; ///< summed over the time steps
        double firingRate = 0.0;     ///< spikes per neuron per time step
    };
    QList<Layer> layers;
    int samples = 0;
    int steps = 0;
    double synapticOpsPerImage = 0.0;
    double spikeDrivenMacs = 0.0;  ///< MACs per image of the same spike-fed layers without spikes, run once
    double denseMacsPerImage = 0.0; ///< MACs per image of the layers fed by the (non-spike) input, as computed
    double annMacsPerImage = 0.0;   ///< MACs per image of the whole network without spikes (one pass)
    bool cancelled = false;         ///< the progress callback stopped it; the figures are incomplete
};

/// A trained network ready for evaluation: a recorded run's frozen spec plus its saved weights.
/// Evaluations may transform weights and activations on temporaries (post-training quantization);
/// the loaded weights themselves never change, so every evaluation starts from the trained model.
class TrainedModel
{
public:
    /// Loads the spec of run `runId` and its "weights" artifact. Errors name the run and the file.
    static Result<std::shared_ptr<TrainedModel>> fromRun(const ExperimentStore &store, qint64 runId);
    static Result<std::shared_ptr<TrainedModel>> load(const ExperimentSpec &spec, const QString &weightsPath);
    ~TrainedModel();

    const ExperimentSpec &spec() const;
    QString weightsPath() const;

    /// Evaluates on the first `limit` samples of `split` (0: all). ptq: optional quantization.
    /// Evaluation nonidealities act as on simulated chip 0 with a fixed seed (repeatable numbers).
    Result<EvalMetrics> evaluate(const DatasetSplit &split, int limit, const PtqConfig *ptq = nullptr) const;
    /// The predicted class of each of the first `limit` samples of `split` (0: all), in order, under
    /// the same conditions as evaluate() without ptq (for confusion matrices and misclassified images).
    Result<QVector<int>> predict(const DatasetSplit &split, int limit) const;
    /// The logits of each of the first `limit` samples of `split` (0: all), row-major
    /// [samples x classes], under the same conditions as predict().
    Result<QVector<float>> logits(const DatasetSplit &split, int limit) const;
    /// The trained network as plain numbers for the exporters (export/modelsnapshot.h): effective
    /// weights without nonidealities, batch norms, sign thresholds and tables. `dataset` (may be
    /// null) gives the class names and, for a CSV table, its standardization. Run fields (id,
    /// name) are left for the caller.
    Result<ModelSnapshot> snapshot(const Dataset *dataset = nullptr) const;
    /// Evaluates `chips` simulated chips: chip i draws its fixed nonideality patterns (process
    /// variation, stuck-at faults, drift) from a seed mixed from (seed, i), and its per-pass noise from
    /// torch's generator seeded the same way, so (seed, i) reproduces a chip exactly.
    Result<ChipEvaluation> evaluateChips(const DatasetSplit &split, int limit, int chips, quint64 seed) const;
    /// The same trained weights under another network spec of the same architecture (other
    /// nonidealities); used by robustness sweeps. Errors if the weights do not fit.
    Result<std::shared_ptr<TrainedModel>> withNetwork(const NetworkSpec &network) const;
    /// Bit-packed evaluation (default on): conv/dense layers whose quantized inputs and effective
    /// weights are all +-1 (binarized layers, also under per-chip patterns or latent-weight noise
    /// that leave them binary) are computed with XNOR-popcount kernels instead of float
    /// convolutions. The results are bit-identical to the float path (integer dot products are
    /// exact in float32), only faster; turning it off (e.g. `--no-bitpack`) is for comparisons.
    /// Applies to evaluate(), predict() and evaluateChips(); withNetwork() inherits the setting.
    void setBitPackedEvaluation(bool on);
    bool bitPackedEvaluation() const;
    /// Spiking networks: every spiking layer's spikes and membrane for sample `index` of `split`,
    /// under the same conditions as predict(). Fails for a network without spiking layers.
    Result<QList<SpikingLayerActivity>> spikeActivity(const DatasetSplit &split, int index) const;
    /// Spiking networks: average spikes per image per layer and synaptic operations over the first
    /// `limit` samples of `split` (0: all). `progress` (optional) is called before each batch of 250
    /// images with (images done, total) and after the last; returning false stops the measurement
    /// (the report then says cancelled).
    Result<ActivityReport> activity(const DatasetSplit &split, int limit,
                                    const std::function<bool(int done, int total)> &progress = {}) const;
    /// Latent and effective weights of every conv/dense layer.
    QList<LayerWeights> weights() const;
    /// A hash of all parameters and buffers (bit-exact comparison in tests: evaluation never edits them).
    QByteArray stateDigest() const;

private:
    TrainedModel();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace qb
