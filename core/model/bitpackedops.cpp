#include "model/bitpackedops_p.h"

#include "bitpack/binaryconv2d.h"
#include "bitpack/binarygemm.h"
#include "kernels/packkernels.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <atomic>
#include <limits>
#include <vector>

namespace qb {

namespace {

/// Images per binaryConv2d call inside one thread's share of the batch: keeps the gathered patch
/// matrix and the int32 results in the core's caches.
constexpr std::int64_t kConvImagesPerCall = 16;

} // namespace

bool isFloatCpu(const torch::Tensor &t)
{
    return t.defined() && t.scalar_type() == torch::kFloat && t.device().is_cpu() && !t.is_sparse()
        && !t.is_mkldnn() && !t.is_quantized();
}

bool isBinaryTensor(const torch::Tensor &t)
{
    if (!isFloatCpu(t) || t.numel() == 0)
        return false;
    const torch::Tensor c = t.contiguous();
    const float *data = c.data_ptr<float>();
    std::atomic_bool ok{true};
    at::parallel_for(0, c.numel(), 1 << 16, [&](std::int64_t begin, std::int64_t end) {
        if (ok.load(std::memory_order_relaxed) && !allPlusMinusOne(data + begin, std::size_t(end - begin)))
            ok.store(false, std::memory_order_relaxed);
    });
    return ok.load();
}

torch::Tensor bitPackedConv2d(
    const torch::Tensor &input, const torch::Tensor &weight, int strideH, int strideW, int padH, int padW)
{
    if (!isFloatCpu(input) || !isFloatCpu(weight) || input.dim() != 4 || weight.dim() != 4
        || input.size(1) != weight.size(1) || strideH <= 0 || strideW <= 0 || padH < 0 || padW < 0)
        return {};
    const std::int64_t n = input.size(0), c = input.size(1), h = input.size(2), w = input.size(3);
    const std::int64_t o = weight.size(0), kh = weight.size(2), kw = weight.size(3);
    if (c * kh * kw >= kMaxExactDotLength || n * c * h * w >= std::numeric_limits<int>::max())
        return {};
    BinaryConv2dOptions options;
    options.strideH = strideH;
    options.strideW = strideW;
    options.padH = padH;
    options.padW = padW;
    const int oh = BinaryConv2dOptions::outputSize(int(h), int(kh), strideH, padH);
    const int ow = BinaryConv2dOptions::outputSize(int(w), int(kw), strideW, padW);
    if (n == 0 || o == 0 || oh <= 0 || ow <= 0)
        return {};
    // The weights first: they are small, and most non-binary layers fail there.
    if (!isBinaryTensor(weight) || !isBinaryTensor(input))
        return {};

    const torch::Tensor wc = weight.contiguous();
    const torch::Tensor xc = input.contiguous();
    // Packed on every call: it costs microseconds (O*C*KH*KW floats), far less than the convolution,
    // and the effective weights may change between calls (per-pass weight noise, another chip).
    const PackedConvWeights packed
        = PackedConvWeights::fromSigns(wc.data_ptr<float>(), int(o), int(c), int(kh), int(kw));
    torch::Tensor out = torch::empty({n, o, oh, ow}, torch::TensorOptions().dtype(torch::kFloat));
    const float *src = xc.data_ptr<float>();
    float *dst = out.data_ptr<float>();
    const std::size_t inImage = std::size_t(c * h * w);
    const std::size_t outImage = std::size_t(o) * oh * ow;
    std::atomic_bool failed{false};
    at::parallel_for(0, n, 1, [&](std::int64_t begin, std::int64_t end) {
        std::vector<std::int32_t> result(std::size_t(std::min(end - begin, kConvImagesPerCall)) * outImage);
        for (std::int64_t b = begin; b < end; b += kConvImagesPerCall) {
            const int count = int(std::min(end - b, kConvImagesPerCall));
            if (!binaryConv2d(src + std::size_t(b) * inImage, count, int(c), int(h), int(w), packed, options,
                    result.data())) {
                failed = true;
                return;
            }
            int32ToFloat(result.data(), dst + std::size_t(b) * outImage, std::size_t(count) * outImage);
        }
    });
    return failed ? torch::Tensor() : out;
}

torch::Tensor bitPackedLinear(const torch::Tensor &input, const torch::Tensor &weight)
{
    if (!isFloatCpu(input) || !isFloatCpu(weight) || input.dim() != 2 || weight.dim() != 2
        || input.size(1) != weight.size(1))
        return {};
    const std::int64_t n = input.size(0), f = input.size(1), o = weight.size(0);
    if (f >= kMaxExactDotLength || n == 0 || o == 0 || n * f >= std::numeric_limits<int>::max())
        return {};
    if (!isBinaryTensor(weight) || !isBinaryTensor(input))
        return {};

    const torch::Tensor wc = weight.contiguous();
    const torch::Tensor xc = input.contiguous();
    const PackedBits packed = PackedBits::fromSigns(wc.data_ptr<float>(), int(o), int(f));
    torch::Tensor out = torch::empty({n, o}, torch::TensorOptions().dtype(torch::kFloat));
    const float *src = xc.data_ptr<float>();
    float *dst = out.data_ptr<float>();
    // Rows per task: enough work to pay for a thread's start, ~64k binary MACs at least.
    const std::int64_t grain = std::max<std::int64_t>(1, 65536 / std::max<std::int64_t>(1, o * f / 64));
    at::parallel_for(0, n, grain, [&](std::int64_t begin, std::int64_t end) {
        const int rows = int(end - begin);
        const PackedBits a = PackedBits::fromSigns(src + std::size_t(begin) * f, rows, int(f));
        std::vector<std::int32_t> result(std::size_t(rows) * o);
        binaryDense(a, packed, result.data());
        int32ToFloat(result.data(), dst + std::size_t(begin) * o, result.size());
    });
    return out;
}

} // namespace qb
