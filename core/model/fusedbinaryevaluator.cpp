#include "model/fusedbinaryevaluator_p.h"

#include "bitpack/binarychain.h"
#include "kernels/kernelswitch.h"
#include "model/bitpackedops_p.h"

#include <ATen/Parallel.h>

#include <cmath>
#include <cstring>
#include <limits>

namespace qb {

namespace {

/// Most probe values (channels x every integer a layer can produce) an integer rule may cost.
constexpr std::int64_t kMaxIntegerProbes = std::int64_t(1) << 22;

/// What lies between two layers of a run.
struct Link
{
    const PoolModule *pool = nullptr;
    BatchNormModule *batchNorm = nullptr;
};

/// Floats mapped to int32 keys in the order of their values (-0 just below +0; NaN excluded).
std::int32_t orderedKey(float f)
{
    std::int32_t b;
    std::memcpy(&b, &f, sizeof b);
    return b >= 0 ? b : b ^ 0x7fffffff;
}

float fromKey(std::int64_t key)
{
    const std::int32_t k = std::int32_t(key);
    const std::int32_t b = k >= 0 ? k : k ^ 0x7fffffff;
    float f;
    std::memcpy(&f, &b, sizeof f);
    return f;
}

/// The sign bits (y >= 0, what sign(y) = +1 means) of the batch norm's outputs for
/// values[c * perChannel + i] on channel c. The probe has the layout of the real input where it
/// matters to torch's kernel: [rows, C] when the real map has one pixel, [1, C, values] else.
torch::Tensor batchNormProbe(
    BatchNormModule &bn, const std::vector<float> &values, int channels, int perChannel, bool imageSizeOne)
{
    torch::Tensor probe
        = torch::from_blob(const_cast<float *>(values.data()), {channels, perChannel}, torch::kFloat).clone();
    if (imageSizeOne)
        probe = probe.t().contiguous();
    else
        probe = (perChannel == 1 ? torch::cat({probe, probe}, 1) : probe).unsqueeze(0).contiguous();
    torch::Tensor out = bn.forward(probe);
    out = imageSizeOne ? out.t() : out.squeeze(0);
    return out.narrow(1, 0, perChannel); // [channels, perChannel]
}

std::vector<std::uint8_t> batchNormSigns(
    BatchNormModule &bn, const std::vector<float> &values, int channels, int perChannel, bool imageSizeOne)
{
    const torch::Tensor bits
        = batchNormProbe(bn, values, channels, perChannel, imageSizeOne).ge(0).to(torch::kUInt8).contiguous();
    const std::uint8_t *data = bits.data_ptr<std::uint8_t>();
    return std::vector<std::uint8_t>(data, data + bits.numel());
}

/// Every integer in [-K, K] once per channel, channel-major.
std::vector<float> integerProbeValues(int channels, std::int32_t dotLength)
{
    const int count = 2 * dotLength + 1;
    std::vector<float> values(std::size_t(channels) * count);
    for (int c = 0; c < channels; ++c)
        for (int i = 0; i < count; ++i)
            values[std::size_t(c) * count + i] = float(i - dotLength);
    return values;
}

/// The rule for integer inputs in [-K, K]: every one of them put through the batch norm. Fails
/// (nullopt) when a channel's sign is not a single step.
} // namespace

std::optional<ChannelSignRule<std::int32_t>> batchNormIntegerSignRule(
    BatchNormModule &bn, int channels, std::int32_t dotLength, bool imageSizeOne)
{
    const int count = 2 * dotLength + 1;
    if (std::int64_t(count) * channels > kMaxIntegerProbes)
        return std::nullopt;
    const std::vector<std::uint8_t> bits
        = batchNormSigns(bn, integerProbeValues(channels, dotLength), channels, count, imageSizeOne);
    ChannelSignRule<std::int32_t> rule;
    rule.scale.resize(std::size_t(channels));
    rule.threshold.resize(std::size_t(channels));
    for (int c = 0; c < channels; ++c) {
        const std::uint8_t *b = bits.data() + std::size_t(c) * count;
        int flips = 0, at = 0;
        for (int i = 1; i < count; ++i) {
            if (b[i] != b[i - 1]) {
                ++flips;
                at = i;
            }
        }
        if (flips > 1)
            return std::nullopt;
        if (flips == 0) { // constant: always (v >= -K) or never (v >= K + 1)
            rule.scale[c] = 1;
            rule.threshold[c] = b[0] ? -dotLength : dotLength + 1;
        } else if (b[at]) { // -1 below value at - K, +1 from there: v >= at - K
            rule.scale[c] = 1;
            rule.threshold[c] = at - dotLength;
        } else { // +1 up to value at - 1 - K: v <= at - 1 - K, i.e. -v >= K + 1 - at
            rule.scale[c] = -1;
            rule.threshold[c] = dotLength + 1 - at;
        }
    }
    return rule;
}

std::vector<float> batchNormIntegerTable(BatchNormModule &bn, int channels, std::int32_t dotLength, bool imageSizeOne)
{
    const int count = 2 * dotLength + 1;
    if (std::int64_t(count) * channels > kMaxIntegerProbes)
        return {};
    const torch::Tensor out
        = batchNormProbe(bn, integerProbeValues(channels, dotLength), channels, count, imageSizeOne)
              .to(torch::kFloat)
              .contiguous();
    return std::vector<float>(out.data_ptr<float>(), out.data_ptr<float>() + out.numel());
}

namespace {

bool ruleBit(float v, float scale, float threshold) { return v * scale >= threshold; }

} // namespace

/// The rule for float inputs: per channel a binary search over the finite floats for the value
/// where the batch norm's sign flips (its output is monotone in the input: a rounded product and
/// sum are), then a check of the rule on the edge values. Fails (nullopt) when the rule does not
/// reproduce torch on those, or the flip lies between -0 and +0 (which compare equal).
std::optional<ChannelSignRule<float>> batchNormFloatSignRule(BatchNormModule &bn, int channels, bool imageSizeOne)
{
    const float lowest = std::numeric_limits<float>::lowest();
    const float highest = std::numeric_limits<float>::max();
    const float inf = std::numeric_limits<float>::infinity();
    std::vector<float> ends(std::size_t(channels) * 2);
    for (int c = 0; c < channels; ++c) {
        ends[2 * std::size_t(c)] = lowest;
        ends[2 * std::size_t(c) + 1] = highest;
    }
    const std::vector<std::uint8_t> endBits = batchNormSigns(bn, ends, channels, 2, imageSizeOne);
    // Invariant per varying channel: sign(lo) != target == sign(hi).
    std::vector<std::int64_t> lo(std::size_t(channels), orderedKey(lowest));
    std::vector<std::int64_t> hi(std::size_t(channels), orderedKey(highest));
    std::vector<std::uint8_t> target(channels, 0), varies(channels, 0);
    for (int c = 0; c < channels; ++c) {
        target[c] = endBits[2 * std::size_t(c) + 1];
        varies[c] = endBits[2 * std::size_t(c)] != target[c];
    }
    std::vector<float> mids(channels, 0.0f);
    for (;;) {
        bool searching = false;
        for (int c = 0; c < channels; ++c) {
            const bool open = varies[c] && hi[c] - lo[c] > 1;
            searching = searching || open;
            mids[c] = open ? fromKey(lo[c] + (hi[c] - lo[c]) / 2) : 0.0f;
        }
        if (!searching)
            break;
        const std::vector<std::uint8_t> bits = batchNormSigns(bn, mids, channels, 1, imageSizeOne);
        for (int c = 0; c < channels; ++c) {
            if (!varies[c] || hi[c] - lo[c] <= 1)
                continue;
            const std::int64_t mid = lo[c] + (hi[c] - lo[c]) / 2;
            (bits[c] == target[c] ? hi[c] : lo[c]) = mid;
        }
    }
    ChannelSignRule<float> rule;
    rule.scale.resize(std::size_t(channels));
    rule.threshold.resize(std::size_t(channels));
    for (int c = 0; c < channels; ++c) {
        rule.scale[c] = 1.0f;
        if (!varies[c]) { // constant over the finite floats: always (v >= -inf) or never (v >= NaN)
            rule.threshold[c] = target[c] ? -inf : std::numeric_limits<float>::quiet_NaN();
            continue;
        }
        if (target[c]) { // +1 from fromKey(hi) on
            const float t = fromKey(hi[c]);
            if (t == 0.0f && !std::signbit(t))
                return std::nullopt; // -0 is -1 but compares equal to +0
            rule.threshold[c] = t;
        } else { // +1 up to fromKey(lo)
            const float t = fromKey(lo[c]);
            if (t == 0.0f && std::signbit(t))
                return std::nullopt; // +0 is -1 but compares equal to -0
            rule.scale[c] = -1.0f;
            rule.threshold[c] = -t;
        }
    }
    // The check: the edges of the float range, the zeros, and both sides of every flip.
    const float nan = std::numeric_limits<float>::quiet_NaN();
    constexpr int kChecks = 12;
    std::vector<float> checks(std::size_t(channels) * kChecks);
    for (int c = 0; c < channels; ++c) {
        const float around[3] = {
            fromKey(lo[c]), fromKey(hi[c]), fromKey(std::min<std::int64_t>(hi[c] + 1, orderedKey(highest)))};
        const float values[kChecks]
            = {-inf, lowest, -1.0f, -0.0f, 0.0f, 1.0f, highest, inf, nan, around[0], around[1], around[2]};
        std::copy(values, values + kChecks, checks.begin() + std::ptrdiff_t(c) * kChecks);
    }
    const std::vector<std::uint8_t> checked = batchNormSigns(bn, checks, channels, kChecks, imageSizeOne);
    for (int c = 0; c < channels; ++c) {
        for (int i = 0; i < kChecks; ++i) {
            const std::size_t k = std::size_t(c) * kChecks + i;
            if (bool(checked[k]) != ruleBit(checks[k], rule.scale[c], rule.threshold[c]))
                return std::nullopt;
        }
    }
    return rule;
}

namespace {

PoolGeometry poolGeometry(const PoolModule &pool)
{
    PoolGeometry g;
    g.kernelH = int(pool.kernel()[0]);
    g.kernelW = int(pool.kernel()[1]);
    g.strideH = int(pool.stride()[0]);
    g.strideW = int(pool.stride()[1]);
    g.padH = int(pool.padding()[0]);
    g.padW = int(pool.padding()[1]);
    return g;
}

/// Appends a run member (its effective weights) to the chain; false when not +-1 or unsupported.
bool addLayer(BinaryChain &chain, WeightedLayerModule &layer, const torch::Tensor &weight)
{
    if (!isBinaryTensor(weight))
        return false;
    const torch::Tensor w = weight.contiguous();
    if (const auto *conv = dynamic_cast<const QuantConv2dModule *>(&layer)) {
        if (w.dim() != 4 || w.size(1) != chain.mapChannels()
            || w.size(1) * w.size(2) * w.size(3) >= kMaxExactDotLength)
            return false;
        return chain.addConv(w.data_ptr<float>(), int(w.size(0)), int(w.size(2)), int(w.size(3)),
            conv->strideH(), conv->strideW(), conv->padH(), conv->padW());
    }
    const std::int64_t features = std::int64_t(chain.mapChannels()) * chain.mapHeight() * chain.mapWidth();
    if (w.dim() != 2 || w.size(1) != features || features >= kMaxExactDotLength)
        return false;
    return chain.addDense(w.data_ptr<float>(), int(w.size(0)));
}

/// Layer k as a T, or null (not one, or past the end).
template <typename T> T *layerAs(const std::vector<std::shared_ptr<LayerModule>> &layers, int k)
{
    return k >= 0 && k < int(layers.size()) ? dynamic_cast<T *>(layers[std::size_t(k)].get()) : nullptr;
}

/// K of a member: the length of its dot products (its outputs lie in [-K, K]).
std::int32_t dotLength(const torch::Tensor &weight) { return std::int32_t(weight[0].numel()); }

} // namespace

struct FusedBinaryEvaluator::Plan
{
    std::vector<int> members; ///< the conv/dense layers of the run, entry first
    std::vector<Link> links; ///< links[k] lies between members[k] and members[k + 1]
    bool floatEntry = false; ///< the entry is a binary-weight conv on a float one-channel input
};

/// Rules derived from the batch norms, kept while their parameters and statistics stay the same
/// (compared by value on every lookup: a few hundred floats, far cheaper than a derivation).
struct FusedBinaryEvaluator::RuleCache
{
    struct Entry
    {
        const BatchNormModule *batchNorm = nullptr;
        bool floatInput = false;
        std::int32_t dotLength = 0;
        bool imageSizeOne = false;
        std::vector<float> state;
        double epsilon = 0.0;
        std::optional<ChannelSignRule<float>> floatRule;
        std::optional<ChannelSignRule<std::int32_t>> intRule;
    };
    std::mutex mutex;
    std::vector<Entry> entries;

    static std::vector<float> stateOf(const BatchNormModule &bn)
    {
        std::vector<float> state;
        for (const torch::Tensor &t : bn.stateTensors()) {
            if (!t.defined()) {
                state.push_back(-1.0f);
                continue;
            }
            const torch::Tensor c = t.detach().to(torch::kFloat).contiguous();
            state.push_back(float(c.numel()));
            state.insert(state.end(), c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
        }
        return state;
    }

    /// The cached entry for these keys, derived anew when missing or stale.
    const Entry &lookup(
        BatchNormModule &bn, bool floatInput, std::int32_t dotLength, bool imageSizeOne, int channels)
    {
        std::vector<float> state = stateOf(bn);
        for (Entry &e : entries) {
            if (e.batchNorm != &bn || e.floatInput != floatInput || e.dotLength != dotLength
                || e.imageSizeOne != imageSizeOne)
                continue;
            if (e.epsilon == bn.epsilon() && e.state.size() == state.size()
                && std::memcmp(e.state.data(), state.data(), state.size() * sizeof(float)) == 0)
                return e;
            e = derive(bn, floatInput, dotLength, imageSizeOne, channels, std::move(state));
            return e;
        }
        entries.push_back(derive(bn, floatInput, dotLength, imageSizeOne, channels, std::move(state)));
        return entries.back();
    }

    static Entry derive(BatchNormModule &bn, bool floatInput, std::int32_t dotLength, bool imageSizeOne,
        int channels, std::vector<float> state)
    {
        Entry e;
        e.batchNorm = &bn;
        e.floatInput = floatInput;
        e.dotLength = dotLength;
        e.imageSizeOne = imageSizeOne;
        e.state = std::move(state);
        e.epsilon = bn.epsilon();
        if (floatInput)
            e.floatRule = batchNormFloatSignRule(bn, channels, imageSizeOne);
        else
            e.intRule = batchNormIntegerSignRule(bn, channels, dotLength, imageSizeOne);
        return e;
    }
};

FusedBinaryEvaluator::FusedBinaryEvaluator()
    : m_rules(std::make_unique<RuleCache>())
{
}

FusedBinaryEvaluator::~FusedBinaryEvaluator() = default;

std::optional<FusedBinaryEvaluator::Plan> FusedBinaryEvaluator::plan(
    const std::vector<std::shared_ptr<LayerModule>> &layers, int first, const torch::Tensor &x) const
{
    auto *entry = layerAs<WeightedLayerModule>(layers, first);
    if (!entry || !entry->mayUseBitPacked())
        return std::nullopt;
    const auto *entryConv = dynamic_cast<const QuantConv2dModule *>(entry);
    if (entryConv && !entryConv->symmetricPadding())
        return std::nullopt;
    Plan p;
    p.members.push_back(first);
    if (!entry->inputIsSignAtEvaluation()) {
        // The binary-weight kernel sums in torch's order for one input channel only.
        if (!entryConv || entry->hasInputQuantizer() || !handWrittenKernelsEnabled() || x.dim() != 4
            || x.size(1) != 1)
            return std::nullopt;
        p.floatEntry = true;
    }
    bool spatial = entryConv != nullptr;
    int i = first + 1;
    for (;;) {
        if (layerAs<WeightedLayerModule>(layers, p.members.back())->outputNoiseActive())
            break; // its outputs are no longer integers
        Link link;
        bool flat = !spatial;
        int k = i;
        while (layerAs<DropoutModule>(layers, k))
            ++k;
        if (const PoolModule *pool = layerAs<PoolModule>(layers, k)) {
            if (!pool->isMax() || !spatial)
                break;
            link.pool = pool;
            ++k;
            while (layerAs<DropoutModule>(layers, k))
                ++k;
        }
        if ((link.batchNorm = layerAs<BatchNormModule>(layers, k))) {
            if (link.batchNorm->is_training())
                break;
            ++k;
        }
        while (layerAs<DropoutModule>(layers, k) || layerAs<FlattenModule>(layers, k)) {
            flat = flat || layerAs<FlattenModule>(layers, k);
            ++k;
        }
        auto *next = layerAs<WeightedLayerModule>(layers, k);
        if (!next || !next->mayUseBitPacked() || !next->inputIsSignAtEvaluation())
            break;
        const auto *nextConv = dynamic_cast<const QuantConv2dModule *>(next);
        if (nextConv ? (flat || !nextConv->symmetricPadding()) : !flat)
            break;
        p.members.push_back(k);
        p.links.push_back(link);
        spatial = nextConv != nullptr;
        i = k + 1;
    }
    if (p.members.size() < 2)
        return std::nullopt;
    return p;
}

std::optional<FusedBinaryEvaluator::Outcome> FusedBinaryEvaluator::tryRun(
    const std::vector<std::shared_ptr<LayerModule>> &layers, int first, const torch::Tensor &x)
{
    const std::optional<Plan> p = plan(layers, first, x);
    if (!p)
        return std::nullopt;
    std::vector<WeightedLayerModule *> members;
    for (int index : p->members)
        members.push_back(static_cast<WeightedLayerModule *>(layers[std::size_t(index)].get()));

    // The draws, in the order forward() makes them: a conv quantizes its input first, a dense
    // draws its weights first.
    const bool entryIsConv = dynamic_cast<QuantConv2dModule *>(members[0]) != nullptr;
    torch::Tensor in;
    std::vector<torch::Tensor> weights(members.size());
    if (entryIsConv) {
        in = members[0]->quantizeInput(x);
        weights[0] = members[0]->drawWeight();
    } else {
        weights[0] = members[0]->drawWeight();
        in = members[0]->quantizeInput(x);
    }
    for (std::size_t k = 1; k < members.size(); ++k)
        weights[k] = members[k]->drawWeight();

    Outcome outcome;
    outcome.next = p->members.back() + 1;
    if (torch::Tensor y = runChain(*p, members, in, weights); y.defined()) {
        outcome.output = y;
        outcome.fused = true;
        return outcome;
    }
    // Not fusable after all: the layers' own path, with the weights this pass has drawn.
    torch::Tensor y = members[0]->computeWith(in, weights[0]);
    std::size_t k = 1;
    for (int i = first + 1; i < outcome.next; ++i) {
        if (k < members.size() && i == p->members[k]) {
            y = members[k]->computeWith(members[k]->quantizeInput(y), weights[k]);
            ++k;
        } else {
            y = layers[std::size_t(i)]->forward(y);
        }
    }
    outcome.output = y;
    return outcome;
}

torch::Tensor FusedBinaryEvaluator::runChain(const Plan &p, const std::vector<WeightedLayerModule *> &members,
    const torch::Tensor &in, const std::vector<torch::Tensor> &weights)
{
    if (!isFloatCpu(in) || in.size(0) == 0 || in.size(0) > std::numeric_limits<int>::max())
        return {};
    const std::int64_t batch = in.size(0);
    const torch::Tensor input = in.contiguous();
    BinaryChain chain;
    if (p.floatEntry) {
        const torch::Tensor &w = weights[0];
        if (input.dim() != 4 || input.size(1) != 1 || !isFloatCpu(w) || w.dim() != 4 || w.size(1) != 1
            || !isBinaryTensor(w))
            return {};
        const auto *conv = static_cast<const QuantConv2dModule *>(members[0]);
        BinaryWeightConvGeometry g;
        g.channels = 1;
        g.height = int(input.size(2));
        g.width = int(input.size(3));
        g.outChannels = int(w.size(0));
        g.kernelH = int(w.size(2));
        g.kernelW = int(w.size(3));
        g.strideH = conv->strideH();
        g.strideW = conv->strideW();
        g.padH = conv->padH();
        g.padW = conv->padW();
        const torch::Tensor wc = w.contiguous();
        if (!chain.setInputConv(
                g, std::vector<float>(wc.data_ptr<float>(), wc.data_ptr<float>() + wc.numel())))
            return {};
    } else {
        if (!isBinaryTensor(input))
            return {};
        const bool ok = input.dim() == 4
            ? chain.setInput(int(input.size(1)), int(input.size(2)), int(input.size(3)))
            : input.dim() == 2 && chain.setInput(int(input.size(1)), 1, 1);
        if (!ok || !chain.addBinarize(nullptr, ChannelSignRule<float>::signOf(chain.mapChannels()))
            || !addLayer(chain, *members[0], weights[0]))
            return {};
    }
    for (std::size_t k = 1; k < members.size(); ++k) {
        const Link &link = p.links[k - 1];
        std::optional<PoolGeometry> pool;
        int pixels = chain.mapHeight() * chain.mapWidth();
        if (link.pool) {
            pool = poolGeometry(*link.pool);
            pool->height = chain.mapHeight();
            pool->width = chain.mapWidth();
            if (!pool->valid())
                return {};
            pixels = pool->outputHeight() * pool->outputWidth();
        }
        const int channels = chain.mapChannels();
        const bool imageSizeOne = pixels == 1;
        const PoolGeometry *poolStep = pool ? &*pool : nullptr;
        bool added = false;
        if (k == 1 && p.floatEntry) {
            std::optional<ChannelSignRule<float>> rule = ChannelSignRule<float>::signOf(channels);
            if (link.batchNorm) {
                std::lock_guard<std::mutex> lock(m_rules->mutex);
                rule = m_rules->lookup(*link.batchNorm, true, 0, imageSizeOne, channels).floatRule;
            }
            added = rule && chain.addBinarize(poolStep, *rule);
        } else {
            std::optional<ChannelSignRule<std::int32_t>> rule
                = ChannelSignRule<std::int32_t>::signOf(channels);
            if (link.batchNorm) {
                std::lock_guard<std::mutex> lock(m_rules->mutex);
                rule = m_rules
                           ->lookup(*link.batchNorm, false, dotLength(weights[k - 1]), imageSizeOne, channels)
                           .intRule;
            }
            added = rule && chain.addBinarize(poolStep, *rule);
        }
        if (!added || !isFloatCpu(weights[k]) || !addLayer(chain, *members[k], weights[k]))
            return {};
    }
    if (!chain.isComplete() || input.numel() != batch * chain.inputSize())
        return {};

    const int inSize = chain.inputSize();
    const int outSize = chain.outputSize();
    torch::Tensor out = torch::empty({batch, outSize}, torch::TensorOptions().dtype(torch::kFloat));
    const float *src = input.data_ptr<float>();
    float *dst = out.data_ptr<float>();
    at::parallel_for(0, batch, 1, [&](std::int64_t begin, std::int64_t end) {
        chain.run(src + std::size_t(begin) * inSize, int(end - begin), dst + std::size_t(begin) * outSize);
    });
    if (dynamic_cast<const QuantConv2dModule *>(members.back()))
        out = out.view({batch, chain.mapChannels(), chain.mapHeight(), chain.mapWidth()});
    members[0]->recordPass(
        p.floatEntry ? WeightedLayerModule::Path::BinaryWeight : WeightedLayerModule::Path::BitPacked);
    for (std::size_t k = 1; k < members.size(); ++k)
        members[k]->recordPass(WeightedLayerModule::Path::BitPacked);
    return members.back()->finishOutput(out);
}

} // namespace qb
