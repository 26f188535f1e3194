#include "train/evaluation_p.h"

namespace qb {

namespace {
constexpr int kEvalBatchSize = 250;
}

EvalResult evaluateNetwork(NetworkModule &net, const Batcher &batcher)
{
    torch::NoGradGuard noGrad;
    net.eval();
    double lossSum = 0.0;
    int64_t correct = 0;
    const int batches = batcher.batchCount(kEvalBatchSize);
    for (int b = 0; b < batches; ++b) {
        auto [x, y] = batcher.batch(b, kEvalBatchSize);
        const torch::Tensor logits = net.forward(x);
        lossSum += torch::nn::functional::cross_entropy(
                       logits, y, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                       .item<double>();
        correct += logits.argmax(1).eq(y).sum().item<int64_t>();
    }
    EvalResult r;
    r.samples = batcher.size();
    if (batcher.size() > 0) {
        r.loss = lossSum / batcher.size();
        r.accuracy = double(correct) / batcher.size();
    }
    return r;
}

} // namespace qb
