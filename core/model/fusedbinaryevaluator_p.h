#pragma once
// Private: the fused form of the bit-packed evaluation path. NetworkModule asks it, layer by
// layer, whether a run of binarized layers starts there; if so it draws those layers' weights,
// checks that every value the run depends on is +-1, builds a BinaryChain (bitpack/binarychain.h)
// and evaluates the batch image by image, split across torch's intra-op threads.
//
// A run is: an entry layer, then links of the form [max pool] [batch norm] [flatten | dropout]*
// each followed by a conv/dense layer with a sign input quantizer (Quantizer::isSignAtEvaluation).
// The entry is a conv/dense with a sign input quantizer whose quantized input is +-1, or a conv
// on a one-channel float input with +-1 weights (the binary-weight kernel). Every layer of the run
// must qualify for the bit-packed path (evaluation, no gradient, no bias) and, except the last,
// have no output nonideality active; the last layer's output nonidealities apply as usual.
//
// Exactness: the outputs equal the layer-by-layer path's bit for bit (tst_fusedbinaryevaluation).
// Each batch norm + sign becomes per-channel thresholds that torch's own batch norm decides:
// for integer inputs every possible value is put through it; for the float map of the
// binary-weight conv a binary search over all floats finds where its sign flips, and the rule is
// then checked on the edge values (+-0, +-inf, NaN, the largest floats). Anything the rules
// cannot reproduce (a batch norm whose sign is not monotone, a flip between -0 and +0) makes the
// run fall back to the layers' own forward with the weights already drawn, so the random draws
// of the pass are never repeated.

#include "bitpack/binarychain.h"
#include "model/layers_p.h"

#include <torch/torch.h>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace qb {

/// What a batch norm followed by a sign quantizer decides, asked of torch's own batch norm (the
/// derivations the fused evaluation uses, shared with the exporters through TrainedModel::snapshot).
/// `imageSizeOne`: the batch norm sees one value per channel and image ([N, C] layout).
/// For inputs that are integers in [-dotLength, dotLength]; nullopt when a channel's sign is not a
/// single step or the probe would be too large.
std::optional<ChannelSignRule<std::int32_t>> batchNormIntegerSignRule(
    BatchNormModule &bn, int channels, std::int32_t dotLength, bool imageSizeOne);
/// For float inputs (binary search over all floats, checked on the edge values); nullopt when no
/// per-channel threshold reproduces torch.
std::optional<ChannelSignRule<float>> batchNormFloatSignRule(BatchNormModule &bn, int channels, bool imageSizeOne);
/// The batch norm's outputs for every integer in [-dotLength, dotLength], per channel:
/// [c * (2 * dotLength + 1) + v + dotLength]; empty when the table would be too large.
std::vector<float> batchNormIntegerTable(BatchNormModule &bn, int channels, std::int32_t dotLength, bool imageSizeOne);

class FusedBinaryEvaluator
{
public:
    FusedBinaryEvaluator();
    ~FusedBinaryEvaluator();

    struct Outcome
    {
        torch::Tensor output; ///< the output of layer next - 1
        int next = 0; ///< the first layer not yet evaluated
        bool fused = false; ///< false: the run fell back to the layers' own forward
    };

    /// Evaluates the run of binarized layers starting at `layers[first]` on `x` (the output of
    /// the layer before). std::nullopt when no run starts there: nothing was drawn or computed,
    /// and the caller evaluates layer `first` itself. The caller ensures evaluation mode without
    /// gradient recording and no activation transform.
    std::optional<Outcome> tryRun(
        const std::vector<std::shared_ptr<LayerModule>> &layers, int first, const torch::Tensor &x);

private:
    struct Plan;
    struct RuleCache;
    std::optional<Plan> plan(
        const std::vector<std::shared_ptr<LayerModule>> &layers, int first, const torch::Tensor &x) const;
    /// The fused evaluation of a planned run: its output, or an undefined tensor (nothing
    /// computed, no pass counted) when some value or shape does not allow it.
    torch::Tensor runChain(const Plan &p, const std::vector<WeightedLayerModule *> &members,
        const torch::Tensor &in, const std::vector<torch::Tensor> &weights);

    std::unique_ptr<RuleCache> m_rules;
};

} // namespace qb
