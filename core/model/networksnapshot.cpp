#include "model/networksnapshot_p.h"

#include "spec/networkvalidator.h"

namespace qb {

namespace {

/// Largest batch-norm table (values over all channels) put into a snapshot.
constexpr qint64 kMaxTableValues = qint64(1) << 16;

QVector<float> toVector(const torch::Tensor &t)
{
    if (!t.defined())
        return {};
    const torch::Tensor c = t.detach().to(torch::kFloat).contiguous();
    return QVector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

template <typename T> T *moduleAs(NetworkModule &net, int k)
{
    return k >= 0 && k < net.layerCount() ? dynamic_cast<T *>(&net.layer(k)) : nullptr;
}

bool isAllPlusMinusOne(const QVector<float> &values)
{
    if (values.isEmpty())
        return false;
    for (float v : values)
        if (v != 1.0f && v != -1.0f)
            return false;
    return true;
}

/// The layer that produces a batch norm's input through dropout and at most one max pool, when it
/// is a weighted layer; -1 otherwise.
int producerOf(NetworkModule &net, int batchNorm)
{
    int k = batchNorm - 1;
    while (moduleAs<DropoutModule>(net, k))
        --k;
    if (const PoolModule *pool = moduleAs<PoolModule>(net, k)) {
        if (!pool->isMax())
            return -1;
        --k;
        while (moduleAs<DropoutModule>(net, k))
            --k;
    }
    return moduleAs<WeightedLayerModule>(net, k) ? k : -1;
}

/// The next weighted layer after a batch norm through dropout, flatten and max pools; -1 if none.
int consumerOf(NetworkModule &net, int batchNorm)
{
    int k = batchNorm + 1;
    while (moduleAs<DropoutModule>(net, k) || moduleAs<FlattenModule>(net, k)
           || (moduleAs<PoolModule>(net, k) && moduleAs<PoolModule>(net, k)->isMax()))
        ++k;
    return moduleAs<WeightedLayerModule>(net, k) ? k : -1;
}

} // namespace

ModelSnapshot snapshotNetwork(NetworkModule &net)
{
    torch::NoGradGuard noGrad;
    const NetworkSpec &spec = net.spec();
    const ValidationReport report = NetworkValidator::validate(spec);
    ModelSnapshot m;
    m.inputShape = spec.input;
    for (int i = 0; i < net.layerCount(); ++i) {
        LayerSnapshot l;
        l.index = i;
        l.spec = spec.layers[i];
        l.input = i == 0 ? spec.input : report.outputShapes.value(i - 1);
        l.output = report.outputShapes.value(i);
        m.nonidealitiesDropped = m.nonidealitiesDropped || !l.spec.nonidealities.isEmpty();
        LayerModule &module = net.layer(i);
        if (auto *neurons = dynamic_cast<SpikingLayerModule *>(&module)) {
            // The values in effect: learned ones after training, beta and alpha clamped as used.
            l.spec.neuron.beta = neurons->beta();
            l.spec.neuron.threshold = neurons->threshold();
            if (neurons->synaptic())
                l.spec.neuron.alpha = neurons->alpha();
        }
        if (auto *w = dynamic_cast<WeightedLayerModule *>(&module)) {
            const auto params = w->named_parameters(false);
            const torch::Tensor latent = params["weight"];
            for (std::int64_t s : latent.sizes())
                l.weightShape << int(s);
            l.latent = toVector(latent);
            l.effective = toVector(w->effectiveWeight());
            if (const torch::Tensor *bias = params.find("bias"))
                l.bias = toVector(*bias);
            for (int q = 0;; ++q) {
                const torch::Tensor *p = params.find("input_quantizer_" + std::to_string(q));
                if (!p)
                    break;
                l.inputQuantizerParameters += toVector(*p);
            }
            l.codes = factorWeights(l.weightShape, l.effective);
            l.signInput = w->inputIsSignAtEvaluation();
            l.binaryWeights = isAllPlusMinusOne(l.effective);
            if (const auto *conv = dynamic_cast<const QuantConv2dModule *>(w)) {
                l.padTop = conv->padH();
                l.padBottom = conv->padBottom();
                l.padLeft = conv->padW();
                l.padRight = conv->padRight();
                l.strideH = conv->strideH();
                l.strideW = conv->strideW();
            }
        } else if (auto *bn = dynamic_cast<BatchNormModule *>(&module)) {
            const std::vector<torch::Tensor> state = bn->stateTensors();
            l.gamma = toVector(state[0]);
            l.beta = toVector(state[1]);
            l.runningMean = toVector(state[2]);
            l.runningVar = toVector(state[3]);
            l.epsilon = bn->epsilon();
        } else if (const auto *pool = dynamic_cast<const PoolModule *>(&module)) {
            l.poolH = int(pool->kernel()[0]);
            l.poolW = int(pool->kernel()[1]);
            l.strideH = int(pool->stride()[0]);
            l.strideW = int(pool->stride()[1]);
            l.padTop = l.padBottom = int(pool->padding()[0]);
            l.padLeft = l.padRight = int(pool->padding()[1]);
        }
        m.layers << l;
    }
    // Batch norms between a binarized layer and a sign (or the logits): what torch decides, once.
    for (int i = 0; i < net.layerCount(); ++i) {
        auto *bn = moduleAs<BatchNormModule>(net, i);
        if (!bn)
            continue;
        const int producer = producerOf(net, i);
        if (producer < 0)
            continue;
        const LayerSnapshot &p = m.layers[producer];
        if (!p.binaryWeights || !p.bias.isEmpty())
            continue;
        const bool integerInput = p.signInput;
        const bool floatMap = !p.signInput && p.spec.inputQuantizer.isNone() && p.spec.type == LayerType::Conv2D;
        if (!integerInput && !floatMap)
            continue;
        LayerSnapshot &l = m.layers[i];
        const int channels = l.input.channels();
        const bool imageSizeOne = l.input.height() * l.input.width() == 1;
        const std::int32_t dotLength = std::int32_t(p.effective.size() / std::max(1, p.weightShape.value(0)));
        const int consumer = consumerOf(net, i);
        if (consumer >= 0 && m.layers[consumer].signInput) {
            SignThresholds t;
            t.integerInput = integerInput;
            t.dotLength = integerInput ? dotLength : 0;
            if (integerInput) {
                if (auto rule = batchNormIntegerSignRule(*bn, channels, dotLength, imageSizeOne)) {
                    for (int c = 0; c < channels; ++c) {
                        t.scale << float(rule->scale[c]);
                        t.threshold << float(rule->threshold[c]);
                    }
                    l.signThresholds = t;
                }
            } else if (auto rule = batchNormFloatSignRule(*bn, channels, imageSizeOne)) {
                t.scale = QVector<float>(rule->scale.begin(), rule->scale.end());
                t.threshold = QVector<float>(rule->threshold.begin(), rule->threshold.end());
                l.signThresholds = t;
            }
        } else if (consumer < 0 && integerInput && qint64(2 * dotLength + 1) * channels <= kMaxTableValues) {
            const std::vector<float> values = batchNormIntegerTable(*bn, channels, dotLength, imageSizeOne);
            if (!values.empty()) {
                BatchNormTable table;
                table.dotLength = dotLength;
                table.values = QVector<float>(values.begin(), values.end());
                l.table = table;
            }
        }
    }
    return m;
}

} // namespace qb
