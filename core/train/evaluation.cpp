#include "train/evaluation_p.h"

namespace qb {

namespace {
constexpr int kEvalBatchSize = 250;
}

EvalResult evaluateNetwork(NetworkModule &net, const Batcher &batcher, QVector<int> *predictions, QVector<float> *logits)
{
    torch::NoGradGuard noGrad;
    net.eval();
    double lossSum = 0.0;
    int64_t correct = 0;
    const int batches = batcher.batchCount(kEvalBatchSize);
    for (int b = 0; b < batches; ++b) {
        auto [x, y] = batcher.batch(b, kEvalBatchSize);
        const NetworkOutput pass = net.run(x);
        const torch::Tensor &out = pass.scores;
        if (pass.spikes.defined()) {
            // The readout losses are means over the batch: the batch's sum is the mean times its size.
            lossSum += net.loss(pass, y).item<double>() * double(y.size(0));
        } else {
            lossSum += torch::nn::functional::cross_entropy(
                           out, y, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                           .item<double>();
        }
        const torch::Tensor predicted = out.argmax(1);
        correct += predicted.eq(y).sum().item<int64_t>();
        if (predictions) {
            const torch::Tensor p = predicted.to(torch::kInt32).contiguous();
            const int32_t *data = p.data_ptr<int32_t>();
            predictions->append(QVector<int>(data, data + p.numel()));
        }
        if (logits) {
            const torch::Tensor l = out.to(torch::kFloat).contiguous();
            logits->append(QVector<float>(l.data_ptr<float>(), l.data_ptr<float>() + l.numel()));
        }
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
