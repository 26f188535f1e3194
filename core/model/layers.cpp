#include "model/layers_p.h"

#include "model/bitpackedops_p.h"
#include "model/cpuops_p.h"

namespace qb {

namespace {

/// Glorot (Xavier) uniform: U(-l, l), l = sqrt(6 / (fan_in + fan_out)).
torch::Tensor glorotUniform(std::vector<int64_t> shape, int64_t fanIn, int64_t fanOut)
{
    const double limit = std::sqrt(6.0 / double(fanIn + fanOut));
    return torch::empty(shape).uniform_(-limit, limit);
}

/// Total TF "same" padding along one axis.
int samePaddingTotal(int in, int kernel, int stride)
{
    const int out = (in + stride - 1) / stride;
    return std::max((out - 1) * stride + kernel - in, 0);
}

torch::Tensor quantizeIf(const std::unique_ptr<Quantizer> &q, const torch::Tensor &x)
{
    return q ? q->apply(x) : x;
}

void clampInPlace(torch::Tensor &weight, double clip)
{
    if (clip <= 0.0)
        return;
    torch::NoGradGuard noGrad;
    weight.clamp_(-clip, clip);
}

void setQuantizerTraining(const std::unique_ptr<Quantizer> &q, bool on)
{
    if (q)
        q->setTraining(on);
}

void setQuantizerProgress(const std::unique_ptr<Quantizer> &q, double fraction)
{
    if (q)
        q->setProgress(fraction);
}

} // namespace

void registerQuantizerParameters(torch::nn::Module &owner, const std::unique_ptr<Quantizer> &q, const std::string &prefix)
{
    if (!q)
        return;
    const std::vector<torch::Tensor> params = q->parameters();
    for (size_t i = 0; i < params.size(); ++i)
        owner.register_parameter(prefix + "_" + std::to_string(i), params[i]);
}

// ---- WeightedLayerModule ----

WeightedLayerModule::WeightedLayerModule(const LayerSpec &spec, std::uint64_t salt)
    : m_inputQuantizer(makeQuantizer(spec.inputQuantizer))
    , m_kernelQuantizer(makeQuantizer(spec.kernelQuantizer))
    , m_clip(spec.kernelClip)
    , m_init(spec.init)
{
    for (int i = 0; i < spec.nonidealities.size(); ++i) {
        const NoiseSpec &noise = spec.nonidealities[i];
        m_nonidealities.push_back({noise, makeNoiseModel(noise, salt * 64 + std::uint64_t(i))});
    }
}

void WeightedLayerModule::createParameters(std::vector<int64_t> weightShape, int64_t fanIn, int64_t fanOut, bool bias)
{
    const int64_t outputs = weightShape.front();
    if (m_init == WeightInit::PyTorch) {
        // torch.nn.Linear / Conv2d's reset_parameters: kaiming_uniform_(a = sqrt(5)), i.e.
        // U(-1/sqrt(fan_in), 1/sqrt(fan_in)), for the weights and the bias alike.
        const double bound = 1.0 / std::sqrt(double(fanIn));
        m_weight = register_parameter("weight", torch::empty(weightShape).uniform_(-bound, bound));
        if (bias)
            m_bias = register_parameter("bias", torch::empty({outputs}).uniform_(-bound, bound));
    } else {
        m_weight = register_parameter("weight", glorotUniform(std::move(weightShape), fanIn, fanOut));
        if (bias)
            m_bias = register_parameter("bias", torch::zeros({outputs}));
    }
    registerQuantizerParameters(*this, m_inputQuantizer, "input_quantizer");
    registerQuantizerParameters(*this, m_kernelQuantizer, "kernel_quantizer");
}

torch::Tensor WeightedLayerModule::quantizedInput(const torch::Tensor &x) const
{
    return quantizeIf(m_inputQuantizer, x);
}

torch::Tensor WeightedLayerModule::applyNoise(torch::Tensor x, NoiseTarget target)
{
    const bool training = is_training();
    const std::optional<std::uint64_t> chip = training ? std::nullopt : m_chip;
    for (const Nonideality &n : m_nonidealities) {
        if (n.model->target() == target && n.spec.activeIn(training))
            x = n.model->apply(x, chip);
    }
    return x;
}

torch::Tensor WeightedLayerModule::forwardWeight()
{
    const torch::Tensor latent = applyNoise(m_weight, NoiseTarget::LatentWeights);
    return transformWeight(applyNoise(quantizeIf(m_kernelQuantizer, latent), NoiseTarget::Weights));
}

torch::Tensor WeightedLayerModule::perturbOutput(const torch::Tensor &y)
{
    return applyNoise(y, NoiseTarget::Outputs);
}

bool WeightedLayerModule::mayUseBitPacked() const
{
    return m_bitPacked && !is_training() && !torch::GradMode::is_enabled() && !m_bias.defined();
}

bool WeightedLayerModule::inputIsSignAtEvaluation() const
{
    return m_inputQuantizer && m_inputQuantizer->isSignAtEvaluation();
}

bool WeightedLayerModule::outputNoiseActive() const
{
    return std::any_of(m_nonidealities.begin(), m_nonidealities.end(), [this](const Nonideality &n) {
        return n.model->target() == NoiseTarget::Outputs && n.spec.activeIn(is_training());
    });
}

void WeightedLayerModule::applyConstraints()
{
    clampInPlace(m_weight, m_clip);
}

torch::Tensor WeightedLayerModule::effectiveWeight()
{
    return quantizeIf(m_kernelQuantizer, m_weight);
}

void WeightedLayerModule::train(bool on)
{
    LayerModule::train(on);
    setQuantizerTraining(m_inputQuantizer, on);
    setQuantizerTraining(m_kernelQuantizer, on);
}

void WeightedLayerModule::setTrainingProgress(double fraction)
{
    setQuantizerProgress(m_inputQuantizer, fraction);
    setQuantizerProgress(m_kernelQuantizer, fraction);
}

// ---- QuantConv2dModule ----

QuantConv2dModule::QuantConv2dModule(const LayerSpec &spec, const TensorShape &input, std::uint64_t salt)
    : WeightedLayerModule(spec, salt)
    , m_strideH(spec.strideH)
    , m_strideW(spec.strideW)
{
    const int inChannels = input.channels();
    const int64_t receptive = int64_t(spec.kernelH) * spec.kernelW;
    createParameters({spec.filters, inChannels, spec.kernelH, spec.kernelW}, inChannels * receptive,
                     spec.filters * receptive, spec.useBias);
    switch (spec.padding) {
    case Padding::Valid:
        break;
    case Padding::Explicit:
        m_padTop = m_padBottom = m_padLeft = m_padRight = spec.paddingAmount;
        break;
    case Padding::Same: {
        const int totalH = samePaddingTotal(input.height(), spec.kernelH, spec.strideH);
        const int totalW = samePaddingTotal(input.width(), spec.kernelW, spec.strideW);
        m_padTop = totalH / 2;
        m_padBottom = totalH - m_padTop;
        m_padLeft = totalW / 2;
        m_padRight = totalW - m_padLeft;
        break;
    }
    }
}

torch::Tensor QuantConv2dModule::forward(const torch::Tensor &x)
{
    // Input first, then the weights: the order of the random draws (stochastic quantizers, noise).
    const torch::Tensor in = quantizedInput(x);
    const torch::Tensor weight = forwardWeight();
    return computeWith(in, weight);
}

torch::Tensor QuantConv2dModule::computeWith(const torch::Tensor &quantizedIn, const torch::Tensor &weight)
{
    torch::Tensor in = quantizedIn;
    const bool symmetric = symmetricPadding();
    if (symmetric && mayUseBitPacked()) {
        const torch::Tensor y = bitPackedConv2d(in, weight, m_strideH, m_strideW, m_padTop, m_padLeft);
        if (y.defined()) {
            recordPass(Path::BitPacked);
            return perturbOutput(y);
        }
        const torch::Tensor z = binaryWeightConv2d(in, weight, m_strideH, m_strideW, m_padTop, m_padLeft);
        if (z.defined()) {
            recordPass(Path::BinaryWeight);
            return perturbOutput(z);
        }
    }
    recordPass(Path::Torch);
    std::vector<int64_t> padding{m_padTop, m_padLeft};
    if (!symmetric) {
        // Asymmetric TF "same" padding (extra row/column at the bottom/right).
        in = torch::constant_pad_nd(in, {m_padLeft, m_padRight, m_padTop, m_padBottom}, 0.0);
        padding = {0, 0};
    }
    return perturbOutput(torch::conv2d(in, weight, m_bias, {m_strideH, m_strideW}, padding));
}

// ---- QuantDenseModule ----

QuantDenseModule::QuantDenseModule(const LayerSpec &spec, const TensorShape &input, std::uint64_t salt)
    : WeightedLayerModule(spec, salt)
{
    const int inFeatures = int(input.elementCount());
    createParameters({spec.units, inFeatures}, inFeatures, spec.units, spec.useBias);
}

torch::Tensor QuantDenseModule::forward(const torch::Tensor &x)
{
    // Weights first, then the input: the order in which GCC evaluated the arguments of the former
    // torch::linear(quantizedInput(x), forwardWeight(), m_bias), kept so that the random draws of
    // stochastic quantizers and noise (and hence every result) stay as they were.
    const torch::Tensor weight = forwardWeight();
    const torch::Tensor in = quantizedInput(x);
    return computeWith(in, weight);
}

torch::Tensor QuantDenseModule::computeWith(const torch::Tensor &in, const torch::Tensor &weight)
{
    if (mayUseBitPacked()) {
        const torch::Tensor y = bitPackedLinear(in, weight);
        if (y.defined()) {
            recordPass(Path::BitPacked);
            return perturbOutput(y);
        }
    }
    recordPass(Path::Torch);
    return perturbOutput(torch::linear(in, weight, m_bias));
}

// ---- BatchNormModule ----

BatchNormModule::BatchNormModule(const LayerSpec &spec, const TensorShape &input)
    : m_momentum(1.0 - spec.momentum)
    , m_epsilon(spec.epsilon)
{
    const int features = input.channels();
    if (spec.scale)
        m_gamma = register_parameter("gamma", torch::ones({features}));
    if (spec.center)
        m_beta = register_parameter("beta", torch::zeros({features}));
    m_runningMean = register_buffer("running_mean", torch::zeros({features}));
    m_runningVar = register_buffer("running_var", torch::ones({features}));
}

torch::Tensor BatchNormModule::forward(const torch::Tensor &x)
{
    return torch::batch_norm(x, m_gamma, m_beta, m_runningMean, m_runningVar, is_training(), m_momentum,
                             m_epsilon, /*cudnn_enabled=*/false);
}

// ---- PoolModule ----

PoolModule::PoolModule(const LayerSpec &spec)
    : m_max(spec.type == LayerType::MaxPool)
    , m_kernel{spec.poolH, spec.poolW}
    , m_stride{spec.poolStrideH > 0 ? spec.poolStrideH : spec.poolH,
               spec.poolStrideW > 0 ? spec.poolStrideW : spec.poolW}
    , m_padding{spec.padding == Padding::Explicit ? spec.paddingAmount : 0,
                spec.padding == Padding::Explicit ? spec.paddingAmount : 0}
{
}

torch::Tensor PoolModule::forward(const torch::Tensor &x)
{
    if (m_max)
        return maxPool2d(x, m_kernel, m_stride, m_padding);
    return torch::avg_pool2d(x, m_kernel, m_stride, m_padding, /*ceil_mode=*/false,
                             /*count_include_pad=*/false);
}

// ---- DropoutModule / ActivationModule ----

torch::Tensor DropoutModule::forward(const torch::Tensor &x)
{
    return torch::dropout(x, m_rate, is_training());
}

torch::Tensor ActivationModule::forward(const torch::Tensor &x)
{
    switch (m_function) {
    case ActivationFunction::ReLU:
        return torch::relu(x);
    case ActivationFunction::HardTanh:
        return torch::hardtanh(x);
    case ActivationFunction::Tanh:
        return torch::tanh(x);
    case ActivationFunction::Softmax:
    case ActivationFunction::None:
        break;
    }
    return x;
}

} // namespace qb
