#include "model/cpuops_p.h"

#include "kernels/binaryweightconv.h"
#include "kernels/kernelswitch.h"
#include "kernels/poolkernels.h"
#include "model/bitpackedops_p.h"

#include <ATen/Parallel.h>

namespace qb {

namespace {

bool isContiguousFloatCpu4d(const torch::Tensor &t)
{
    return isFloatCpu(t) && t.dim() == 4 && t.is_contiguous();
}

/// A PoolGeometry as the integer list an autograd context can save, and back.
std::vector<int64_t> toList(const PoolGeometry &g)
{
    return {g.height, g.width, g.kernelH, g.kernelW, g.strideH, g.strideW, g.padH, g.padW};
}

PoolGeometry fromList(const std::vector<int64_t> &v)
{
    PoolGeometry g;
    int *fields[] = {&g.height, &g.width, &g.kernelH, &g.kernelW, &g.strideH, &g.strideW, &g.padH, &g.padW};
    for (std::size_t i = 0; i < v.size() && i < 8; ++i)
        *fields[i] = int(v[i]);
    return g;
}

/// Planes per task: at least ~16k input elements, so a task pays for its thread.
std::int64_t planeGrain(const PoolGeometry &g)
{
    return std::max<std::int64_t>(1, (std::int64_t(1) << 14) / (std::int64_t(g.height) * g.width));
}

torch::Tensor poolForward(const torch::Tensor &x, const PoolGeometry &g, torch::Tensor *argmax)
{
    const std::int64_t n = x.size(0), c = x.size(1);
    torch::Tensor out = torch::empty({n, c, g.outputHeight(), g.outputWidth()}, x.options());
    if (argmax)
        *argmax = torch::empty({n, c, g.outputHeight(), g.outputWidth()}, x.options().dtype(torch::kInt));
    const float *src = x.data_ptr<float>();
    float *dst = out.data_ptr<float>();
    std::int32_t *idx = argmax ? argmax->data_ptr<std::int32_t>() : nullptr;
    const std::size_t inPlane = std::size_t(g.height) * g.width;
    const std::size_t outPlane = std::size_t(g.outputHeight()) * g.outputWidth();
    at::parallel_for(0, n * c, planeGrain(g), [&](std::int64_t begin, std::int64_t end) {
        maxPool2dForward(src + begin * inPlane, std::size_t(end - begin), g, dst + begin * outPlane,
            idx ? idx + begin * outPlane : nullptr);
    });
    return out;
}

/// Max pooling under autograd: the forward keeps the argmax of every output, the backward sends each
/// output's gradient there.
struct MaxPoolFunction : public torch::autograd::Function<MaxPoolFunction>
{
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &x,
        const std::vector<int64_t> &geometry)
    {
        const PoolGeometry g = fromList(geometry);
        torch::Tensor argmax;
        torch::Tensor out = poolForward(x, g, &argmax);
        ctx->save_for_backward({argmax});
        ctx->saved_data["geometry"] = torch::IValue(geometry);
        ctx->saved_data["batch"] = x.size(0);
        ctx->saved_data["channels"] = x.size(1);
        return out;
    }

    static torch::autograd::tensor_list backward(
        torch::autograd::AutogradContext *ctx, torch::autograd::tensor_list gradOutputs)
    {
        const PoolGeometry g = fromList(ctx->saved_data["geometry"].toIntVector());
        const std::int64_t n = ctx->saved_data["batch"].toInt();
        const std::int64_t c = ctx->saved_data["channels"].toInt();
        const torch::Tensor argmax = ctx->get_saved_variables()[0];
        const torch::Tensor gradOut = gradOutputs[0].contiguous();
        torch::Tensor gradIn = torch::empty({n, c, g.height, g.width}, gradOut.options());
        const float *go = gradOut.data_ptr<float>();
        const std::int32_t *am = argmax.data_ptr<std::int32_t>();
        float *gi = gradIn.data_ptr<float>();
        const std::size_t inPlane = std::size_t(g.height) * g.width;
        const std::size_t outPlane = std::size_t(g.outputHeight()) * g.outputWidth();
        at::parallel_for(0, n * c, planeGrain(g), [&](std::int64_t begin, std::int64_t end) {
            maxPool2dBackward(go + begin * outPlane, am + begin * outPlane, std::size_t(end - begin), g,
                gi + begin * inPlane);
        });
        return {gradIn, torch::Tensor()};
    }
};

} // namespace

torch::Tensor maxPool2d(const torch::Tensor &x, const std::vector<int64_t> &kernel,
    const std::vector<int64_t> &stride, const std::vector<int64_t> &padding)
{
    PoolGeometry g;
    if (isContiguousFloatCpu4d(x) && handWrittenKernelsEnabled())
        g = fromList({x.size(2), x.size(3), kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1]});
    // Argmax indices are int32 and index one plane.
    if (!g.valid() || x.numel() == 0 || std::int64_t(g.height) * g.width >= (std::int64_t(1) << 31))
        return torch::max_pool2d(x, kernel, stride, padding);
    if (torch::GradMode::is_enabled() && x.requires_grad())
        return MaxPoolFunction::apply(x, toList(g));
    return poolForward(x, g, nullptr);
}

torch::Tensor binaryWeightConv2d(
    const torch::Tensor &input, const torch::Tensor &weight, int strideH, int strideW, int padH, int padW)
{
    if (!handWrittenKernelsEnabled() || torch::GradMode::is_enabled() || !isContiguousFloatCpu4d(input)
        || !weight.defined() || weight.dim() != 4 || input.size(1) != weight.size(1))
        return {};
    BinaryWeightConvGeometry g;
    g.channels = int(input.size(1));
    g.height = int(input.size(2));
    g.width = int(input.size(3));
    g.outChannels = int(weight.size(0));
    g.kernelH = int(weight.size(2));
    g.kernelW = int(weight.size(3));
    g.strideH = strideH;
    g.strideW = strideW;
    g.padH = padH;
    g.padW = padW;
    // One input channel only: there the kernel's summation order (taps in kernel order) is torch's,
    // so the values are the same; with several channels torch (oneDNN, im2col + GEMM) sums in
    // another order and the last bits could differ.
    if (g.channels != 1 || !g.valid() || input.size(0) == 0 || !isBinaryTensor(weight))
        return {};
    const torch::Tensor wc = weight.contiguous();
    const float *w = wc.data_ptr<float>();
    const std::int64_t n = input.size(0);
    torch::Tensor out = torch::empty({n, g.outChannels, g.outputHeight(), g.outputWidth()}, input.options());
    const float *src = input.data_ptr<float>();
    float *dst = out.data_ptr<float>();
    const std::size_t inImage = std::size_t(g.channels) * g.height * g.width;
    const std::size_t outImage = std::size_t(g.outChannels) * g.outputHeight() * g.outputWidth();
    at::parallel_for(0, n, 1, [&](std::int64_t begin, std::int64_t end) {
        std::vector<float> scratch;
        qb::binaryWeightConv2d(src + begin * inImage, int(end - begin), g, w, dst + begin * outImage, scratch);
    });
    return out;
}

} // namespace qb
