#include "spec/networkvalidator.h"

#include "noise/noisecatalog.h"
#include "quant/quantizercatalog.h"
#include "spec/specjson_p.h"

#include <QHash>
#include <QLocale>
#include <QObject>
#include <QStringList>

#include <unistd.h>

namespace qb {

namespace {

QString sizeText(int h, int w)
{
    return QStringLiteral("%1x%2").arg(h).arg(w);
}

/// Output length along one axis. "same" follows TensorFlow: ceil(in / stride), whatever the kernel.
int outputLength(int in, int kernel, int stride, Padding padding, int amount)
{
    switch (padding) {
    case Padding::Same:
        return (in + stride - 1) / stride;
    case Padding::Valid:
        return (in - kernel) / stride + 1;
    case Padding::Explicit:
        return (in + 2 * amount - kernel) / stride + 1;
    }
    return 0;
}

/// Walks the layers once, inferring shapes and collecting issues.
///
/// A layer whose output shape cannot be determined (wrong input kind, a bad size, a window larger
/// than its input) yields an invalid shape, and the shape checks of every later layer are skipped
/// without further messages: they would only repeat the first problem. Checks that do not depend
/// on the input (units, quantizers, rates, ...) still run on every layer, so the editor shows all
/// parameter problems at once. Parameter problems that do not change the shape (a quantizer, a
/// batch-norm momentum, a misplaced softmax) keep the inferred shape flowing.
class Checker
{
public:
    Checker(const NetworkSpec &network, ValidationReport *report) : m_network(network), m_report(report) { }

    void run(int numClasses);

private:
    void issue(int layer, const QString &field, const QString &message)
    {
        m_report->issues.append(ValidationIssue{layer, field, message});
    }

    TensorShape checkLayer(int index, const LayerSpec &layer, const TensorShape &in);
    TensorShape checkConv(int index, const LayerSpec &layer, const TensorShape &in);
    TensorShape checkDense(int index, const LayerSpec &layer, const TensorShape &in);
    TensorShape checkPool(int index, const LayerSpec &layer, const TensorShape &in);
    void checkWeights(int index, const LayerSpec &layer);
    void checkNeuron(int index, const LayerSpec &layer);
    void checkSpiking();
    void checkMemory();
    bool needsFeatureMaps(int index, const LayerSpec &layer, const TensorShape &in);
    void checkFinalOutput(int numClasses);

    const NetworkSpec &m_network;
    ValidationReport *m_report;
};

void Checker::run(int numClasses)
{
    const TensorShape &input = m_network.input;
    TensorShape current = input;
    if (!input.isValid() || !(input.isImage() || input.isFlat())) {
        issue(
            -1, QStringLiteral("input"),
            QObject::tr("must be channels x height x width or a number of features, each at least 1; got %1")
                .arg(input.toString()));
        current = TensorShape();
    }
    if (m_network.layers.isEmpty()) {
        issue(-1, QStringLiteral("layers"), QObject::tr("the network has no layers"));
        return;
    }

    QHash<QString, int> names;
    bool hasWeights = false;
    for (int i = 0; i < m_network.layers.size(); ++i) {
        const LayerSpec &layer = m_network.layers.at(i);
        hasWeights = hasWeights || layer.hasWeights();
        if (!layer.name.isEmpty()) {
            const auto it = names.constFind(layer.name);
            if (it != names.constEnd()) {
                issue(i, QStringLiteral("name"),
                      QObject::tr("the name '%1' is already used by layer %2")
                          .arg(layer.name)
                          .arg(it.value() + 1));
            } else {
                names.insert(layer.name, i);
            }
        }
        current = checkLayer(i, layer, current);
        m_report->outputShapes.append(current);
    }
    if (!hasWeights) {
        issue(-1, QStringLiteral("layers"),
              QObject::tr("the network has no conv2d or dense layer, so it has nothing to learn"));
    }
    checkFinalOutput(numClasses);
    checkSpiking();
    checkMemory();
}

/// This machine's memory in bytes (0 when unknown).
double physicalMemoryBytes()
{
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGE_SIZE);
    return pages > 0 && pageSize > 0 ? double(pages) * double(pageSize) : 0.0;
}

QString gibText(double bytes)
{
    return QObject::tr("%1 GiB").arg(QLocale::c().toString(bytes / (1024.0 * 1024.0 * 1024.0), 'f', 1));
}

/// A network whose weights cannot be trained in this machine's memory is refused here, naming the
/// layer with the most weights and what they need, before torch allocates anything (it would
/// otherwise fail in its allocator with a stack trace). Training keeps four float copies of every
/// weight (the weights, their gradients and Adam's two moments).
void Checker::checkMemory()
{
    const double memory = physicalMemoryBytes();
    if (memory <= 0.0)
        return;
    double parameters = 0.0;
    double largest = 0.0;
    int largestLayer = -1;
    for (int i = 0; i < m_network.layers.size(); ++i) {
        const LayerSpec &layer = m_network.layers.at(i);
        const TensorShape in = i == 0 ? m_network.input : m_report->outputShapes.value(i - 1);
        if (!layer.hasWeights() || !in.isValid())
            continue;
        const double fanIn = layer.type == LayerType::Conv2D
            ? double(in.isImage() ? in.channels() : 0) * layer.kernelH * layer.kernelW
            : double(in.elementCount());
        const double outputs = layer.type == LayerType::Conv2D ? layer.filters : layer.units;
        const double count = std::max(0.0, outputs) * (std::max(0.0, fanIn) + (layer.useBias ? 1.0 : 0.0));
        parameters += count;
        if (count > largest) {
            largest = count;
            largestLayer = i;
        }
    }
    const double trainingBytes = parameters * 4.0 * 4.0;
    if (largestLayer < 0 || trainingBytes <= memory)
        return;
    const LayerSpec &layer = m_network.layers.at(largestLayer);
    issue(largestLayer, layer.type == LayerType::Conv2D ? QStringLiteral("filters") : QStringLiteral("units"),
          QObject::tr("the network has %1 weights (%2 of them in this layer): %3 as float32, and training "
                      "keeps four copies (%4), more than this machine's %5")
              .arg(QLocale::c().toString(parameters, 'f', 0), QLocale::c().toString(largest, 'f', 0),
                   gibText(parameters * 4.0), gibText(trainingBytes), gibText(memory)));
}

/// Network-level rules of a spiking network: its time settings, and a spiking last layer whose
/// spike counts are the class scores (the readout every snnTorch tutorial uses).
void Checker::checkSpiking()
{
    if (!m_network.isSpiking())
        return;
    const SpikingSpec &s = m_network.spiking;
    const QString where = QStringLiteral("spiking.");
    if (s.timeSteps < 1 || s.timeSteps > 100000) {
        issue(-1, where + QStringLiteral("time_steps"),
              QObject::tr("must be between 1 and 100000; got %1").arg(s.timeSteps));
    }
    if (s.encoding == SpikeEncoding::Rate && !(s.gain > 0.0))
        issue(-1, where + QStringLiteral("gain"), QObject::tr("must be greater than 0; got %1").arg(s.gain));
    if (s.encoding == SpikeEncoding::Latency) {
        if (!(s.tau > 0.0))
            issue(-1, where + QStringLiteral("tau"), QObject::tr("must be greater than 0; got %1").arg(s.tau));
        if (!(s.latencyThreshold > 0.0 && s.latencyThreshold < 1.0)) {
            issue(-1, where + QStringLiteral("latency_threshold"),
                  QObject::tr("must be between 0 and 1 (exclusive); got %1").arg(s.latencyThreshold));
        }
    }
    if (s.encoding == SpikeEncoding::Events && (s.windowUs < 0 || s.denoiseUs < 0)) {
        issue(-1, where + (s.windowUs < 0 ? QStringLiteral("window_us") : QStringLiteral("denoise_us")),
              QObject::tr("must not be negative"));
    }
    if (s.loss == SpikeLoss::MseCount
        && !(s.correctRate >= 0.0 && s.correctRate <= 1.0 && s.incorrectRate >= 0.0 && s.incorrectRate <= 1.0)) {
        issue(-1, where + QStringLiteral("correct_rate"),
              QObject::tr("correct_rate and incorrect_rate must be between 0 and 1; got %1 and %2")
                  .arg(s.correctRate)
                  .arg(s.incorrectRate));
    }
    const int last = m_network.layers.size() - 1;
    if (!m_network.layers.at(last).isSpiking()) {
        issue(last, QStringLiteral("type"),
              QObject::tr("a spiking network must end in a leaky or synaptic layer: its spike counts are the "
                          "class scores"));
    }
}

void Checker::checkNeuron(int index, const LayerSpec &layer)
{
    const NeuronSpec &n = layer.neuron;
    if (!(n.beta >= 0.0 && n.beta <= 1.0))
        issue(index, QStringLiteral("beta"), QObject::tr("must be between 0 and 1; got %1").arg(n.beta));
    if (layer.type == LayerType::Synaptic && !(n.alpha >= 0.0 && n.alpha <= 1.0))
        issue(index, QStringLiteral("alpha"), QObject::tr("must be between 0 and 1; got %1").arg(n.alpha));
    if (!(n.threshold > 0.0))
        issue(index, QStringLiteral("threshold"), QObject::tr("must be greater than 0; got %1").arg(n.threshold));
    if (!(n.surrogateSlope >= 0.0)) {
        issue(index, QStringLiteral("surrogate_slope"),
              QObject::tr("must be greater than 0, or 0 for the default; got %1").arg(n.surrogateSlope));
    }
    if (n.stateQuantBits < 0 || n.stateQuantBits > 16) {
        issue(index, QStringLiteral("state_quant"),
              QObject::tr("bits must be between 1 and 16; got %1").arg(n.stateQuantBits));
    } else if (n.stateQuantBits > 0
               && !(n.stateQuantThreshold > 0.0 && n.stateQuantLower > -1.0 && n.stateQuantUpper > -1.0)) {
        issue(index, QStringLiteral("state_quant"),
              QObject::tr("threshold must be greater than 0, and lower_limit and upper_limit greater than -1"));
    }
}

void Checker::checkFinalOutput(int numClasses)
{
    const int last = m_network.layers.size() - 1;
    const TensorShape &output = m_report->outputShapes.at(last);
    if (!output.isValid())
        return;
    if (!output.isFlat()) {
        issue(last, QStringLiteral("type"),
              QObject::tr("the network must end in a flat vector of class scores; got feature maps %1: "
                          "add a flatten and a dense layer at the end")
                  .arg(output.toString()));
        return;
    }
    if (numClasses > 0 && output.dims[0] != numClasses) {
        // Blame the layer whose "units" sets the output width: the last dense layer when only
        // shape-preserving layers (batch norm, dropout, activation) follow it.
        int blamed = last;
        for (int i = last; i >= 0; --i) {
            const LayerType type = m_network.layers.at(i).type;
            if (type == LayerType::Dense)
                blamed = i;
            if (type != LayerType::BatchNorm && type != LayerType::Dropout && type != LayerType::Activation
                && type != LayerType::Leaky && type != LayerType::Synaptic)
                break;
        }
        issue(blamed, QStringLiteral("units"),
              QObject::tr("the network ends with %1 outputs but the dataset has %2 classes")
                  .arg(output.dims[0])
                  .arg(numClasses));
    }
}

TensorShape Checker::checkLayer(int index, const LayerSpec &layer, const TensorShape &in)
{
    switch (layer.type) {
    case LayerType::Conv2D:
        return checkConv(index, layer, in);
    case LayerType::Dense:
        return checkDense(index, layer, in);
    case LayerType::MaxPool:
    case LayerType::AvgPool:
        return checkPool(index, layer, in);
    case LayerType::BatchNorm:
        if (!(layer.momentum >= 0.0 && layer.momentum < 1.0)) {
            issue(
                index, QStringLiteral("momentum"),
                QObject::tr("must be at least 0 and less than 1 (the weight of the old running mean); got %1")
                    .arg(layer.momentum));
        }
        if (!(layer.epsilon > 0.0)) {
            issue(index, QStringLiteral("epsilon"),
                  QObject::tr("must be greater than 0; got %1").arg(layer.epsilon));
        }
        return in;
    case LayerType::Dropout:
        if (!(layer.rate >= 0.0 && layer.rate < 1.0)) {
            issue(index, QStringLiteral("rate"),
                  QObject::tr("must be at least 0 and less than 1; got %1").arg(layer.rate));
        }
        return in;
    case LayerType::Activation:
        if (layer.function == ActivationFunction::Softmax && index != m_network.layers.size() - 1) {
            issue(index, QStringLiteral("function"),
                  QObject::tr("softmax is only allowed as the last layer (it turns the class scores into "
                              "probabilities)"));
        }
        return in;
    case LayerType::Leaky:
    case LayerType::Synaptic:
        checkNeuron(index, layer);
        return in;
    case LayerType::Flatten:
        if (!in.isValid())
            return TensorShape();
        if (!in.isImage()) {
            issue(index, QStringLiteral("type"),
                  QObject::tr("flatten needs feature maps; its input is already a flat vector of %1")
                      .arg(in.toString()));
            return TensorShape();
        }
        return TensorShape::flat(int(in.elementCount()));
    }
    return TensorShape();
}

bool Checker::needsFeatureMaps(int index, const LayerSpec &layer, const TensorShape &in)
{
    if (in.isImage())
        return true;
    issue(index, QStringLiteral("type"),
          QObject::tr("%1 layer needs feature maps; got a flat vector of %2")
              .arg(layerTypeName(layer.type), in.toString()));
    return false;
}

void Checker::checkWeights(int index, const LayerSpec &layer)
{
    const QString inputProblem = QuantizerCatalog::check(layer.inputQuantizer, InputRole);
    if (!inputProblem.isEmpty())
        issue(index, QStringLiteral("input_quantizer"), inputProblem);
    const QString kernelProblem = QuantizerCatalog::check(layer.kernelQuantizer, KernelRole);
    if (!kernelProblem.isEmpty())
        issue(index, QStringLiteral("kernel_quantizer"), kernelProblem);
    if (!(layer.kernelClip >= 0.0)) {
        issue(index, QStringLiteral("kernel_clip"),
              QObject::tr("must be 0 (no clip) or positive; got %1").arg(layer.kernelClip));
    }
    for (int i = 0; i < layer.nonidealities.size(); ++i) {
        const QString problem = NoiseCatalog::check(layer.nonidealities[i]);
        if (!problem.isEmpty())
            issue(index, QStringLiteral("nonidealities[%1]").arg(i + 1), problem);
    }
}

TensorShape Checker::checkConv(int index, const LayerSpec &layer, const TensorShape &in)
{
    bool sizesOk = true;
    if (layer.filters < 1) {
        issue(index, QStringLiteral("filters"), QObject::tr("must be at least 1; got %1").arg(layer.filters));
        sizesOk = false;
    }
    if (layer.kernelH < 1 || layer.kernelW < 1) {
        issue(index, QStringLiteral("kernel"),
              QObject::tr("must be at least 1x1; got %1").arg(sizeText(layer.kernelH, layer.kernelW)));
        sizesOk = false;
    }
    if (layer.strideH < 1 || layer.strideW < 1) {
        issue(index, QStringLiteral("stride"),
              QObject::tr("must be at least 1x1; got %1").arg(sizeText(layer.strideH, layer.strideW)));
        sizesOk = false;
    }
    if (layer.padding == Padding::Explicit && layer.paddingAmount < 0) {
        issue(index, QStringLiteral("padding"),
              QObject::tr("must not be negative; got %1").arg(layer.paddingAmount));
        sizesOk = false;
    }
    checkWeights(index, layer);

    if (!in.isValid() || !needsFeatureMaps(index, layer, in) || !sizesOk)
        return TensorShape();
    // "same" pads as much as needed (TensorFlow semantics), so any kernel fits.
    if (layer.padding != Padding::Same) {
        const int pad = layer.padding == Padding::Explicit ? layer.paddingAmount : 0;
        const int h = in.height() + 2 * pad;
        const int w = in.width() + 2 * pad;
        if (layer.kernelH > h || layer.kernelW > w) {
            QString message
                = QObject::tr("kernel %1 is larger than its %2 input")
                      .arg(sizeText(layer.kernelH, layer.kernelW), sizeText(in.height(), in.width()));
            if (pad > 0)
                message += QObject::tr(" (%1 with padding)").arg(sizeText(h, w));
            issue(index, QStringLiteral("kernel"), message);
            return TensorShape();
        }
    }
    return TensorShape::image(
        layer.filters,
        outputLength(in.height(), layer.kernelH, layer.strideH, layer.padding, layer.paddingAmount),
        outputLength(in.width(), layer.kernelW, layer.strideW, layer.padding, layer.paddingAmount));
}

TensorShape Checker::checkDense(int index, const LayerSpec &layer, const TensorShape &in)
{
    bool sizesOk = true;
    if (layer.units < 1) {
        issue(index, QStringLiteral("units"), QObject::tr("must be at least 1; got %1").arg(layer.units));
        sizesOk = false;
    }
    checkWeights(index, layer);
    if (!in.isValid())
        return TensorShape();
    if (!in.isFlat()) {
        issue(
            index, QStringLiteral("type"),
            QObject::tr("dense layer needs a flat input; got feature maps %1: add a flatten layer before it")
                .arg(in.toString()));
        return TensorShape();
    }
    return sizesOk ? TensorShape::flat(layer.units) : TensorShape();
}

TensorShape Checker::checkPool(int index, const LayerSpec &layer, const TensorShape &in)
{
    bool sizesOk = true;
    if (layer.poolH < 1 || layer.poolW < 1) {
        issue(index, QStringLiteral("pool"),
              QObject::tr("must be at least 1x1; got %1").arg(sizeText(layer.poolH, layer.poolW)));
        sizesOk = false;
    }
    if (layer.poolStrideH < 0 || layer.poolStrideW < 0) {
        issue(index, QStringLiteral("stride"),
              QObject::tr("must be at least 1, or 0 for the pool size; got %1")
                  .arg(sizeText(layer.poolStrideH, layer.poolStrideW)));
        sizesOk = false;
    }
    if (layer.padding == Padding::Same) {
        issue(index, QStringLiteral("padding"),
              QObject::tr("pooling layers take \"valid\" or an explicit amount, not \"same\""));
        sizesOk = false;
    } else if (layer.padding == Padding::Explicit) {
        if (layer.paddingAmount < 0) {
            issue(index, QStringLiteral("padding"),
                  QObject::tr("must not be negative; got %1").arg(layer.paddingAmount));
            sizesOk = false;
        } else if (sizesOk
                   && (2 * layer.paddingAmount > layer.poolH || 2 * layer.paddingAmount > layer.poolW)) {
            // A window could then lie entirely in the padding (PyTorch refuses it).
            issue(index, QStringLiteral("padding"),
                  QObject::tr("must be at most half the pool size %1; got %2")
                      .arg(sizeText(layer.poolH, layer.poolW))
                      .arg(layer.paddingAmount));
            sizesOk = false;
        }
    }

    if (!in.isValid() || !needsFeatureMaps(index, layer, in) || !sizesOk)
        return TensorShape();
    const int pad = layer.padding == Padding::Explicit ? layer.paddingAmount : 0;
    const int h = in.height() + 2 * pad;
    const int w = in.width() + 2 * pad;
    if (layer.poolH > h || layer.poolW > w) {
        QString message = QObject::tr("pool %1 is larger than its %2 input")
                              .arg(sizeText(layer.poolH, layer.poolW), sizeText(in.height(), in.width()));
        if (pad > 0)
            message += QObject::tr(" (%1 with padding)").arg(sizeText(h, w));
        issue(index, QStringLiteral("pool"), message);
        return TensorShape();
    }
    const int strideH = layer.poolStrideH == 0 ? layer.poolH : layer.poolStrideH;
    const int strideW = layer.poolStrideW == 0 ? layer.poolW : layer.poolStrideW;
    return TensorShape::image(in.channels(),
                              outputLength(in.height(), layer.poolH, strideH, layer.padding, pad),
                              outputLength(in.width(), layer.poolW, strideW, layer.padding, pad));
}

} // namespace

QString ValidationIssue::toString(const NetworkSpec &network) const
{
    QString where;
    if (layer < 0)
        where = QObject::tr("network");
    else if (layer < network.layers.size())
        where = specjson::layerLabel(layer, network.layers.at(layer));
    else
        where = QObject::tr("layer %1").arg(layer + 1);
    if (field.isEmpty())
        return QObject::tr("%1: %2").arg(where, message);
    return QObject::tr("%1: field '%2': %3").arg(where, field, message);
}

QString ValidationReport::message(const NetworkSpec &network) const
{
    QStringList lines;
    for (const ValidationIssue &issue : issues)
        lines << issue.toString(network);
    return lines.join(QLatin1Char('\n'));
}

ValidationReport NetworkValidator::validate(const NetworkSpec &network, int numClasses)
{
    ValidationReport report;
    Checker(network, &report).run(numClasses);
    return report;
}

} // namespace qb
