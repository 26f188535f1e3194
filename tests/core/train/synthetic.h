#pragma once
// Small synthetic classification data and networks for the training tests (made in memory, no files).

#include "data/dataset.h"
#include "spec/experimentspec.h"

#include <algorithm>
#include <random>

namespace qb {

/// Ten classes of 1x12x12 images: each class lights a different 3x3 block (plus noise), so a small
/// network can separate them but not without training.
inline DatasetSplit makeSplit(int count, unsigned seed)
{
    DatasetSplit s;
    s.count = count;
    s.channels = 1;
    s.height = 12;
    s.width = 12;
    s.pixels.resize(size_t(count) * 144);
    s.labels.resize(size_t(count));
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, 40.0);
    for (int i = 0; i < count; ++i) {
        const int label = i % 10;
        s.labels[size_t(i)] = std::uint8_t(label);
        const int by = (label / 4) * 4, bx = (label % 4) * 3;
        for (int y = 0; y < 12; ++y) {
            for (int x = 0; x < 12; ++x) {
                const bool on = y >= by && y < by + 3 && x >= bx && x < bx + 3;
                const double v = (on ? 200.0 : 40.0) + noise(rng);
                s.pixels[size_t(i) * 144 + size_t(y) * 12 + size_t(x)] = std::uint8_t(std::clamp(v, 0.0, 255.0));
            }
        }
    }
    return s;
}

inline Dataset makeDataset()
{
    Dataset d;
    d.name = QStringLiteral("synthetic");
    d.train = makeSplit(600, 1);
    d.test = makeSplit(200, 2);
    return d;
}

inline LayerSpec layer(LayerType type)
{
    LayerSpec l;
    l.type = type;
    return l;
}

/// conv 8 3x3 -> BN -> ReLU -> pool -> flatten -> dense 10; binarized when `binary`.
inline NetworkSpec smallNet(bool binary)
{
    NetworkSpec n;
    n.name = binary ? QStringLiteral("small-bnn") : QStringLiteral("small-cnn");
    n.input = TensorShape::image(1, 12, 12);
    QuantizerSpec sign;
    sign.name = QStringLiteral("ste_sign");
    LayerSpec c = layer(LayerType::Conv2D);
    c.filters = 8;
    if (binary) {
        c.kernelQuantizer = sign;
        c.kernelClip = 1.0;
    }
    n.layers << c << layer(LayerType::BatchNorm);
    if (!binary)
        n.layers << layer(LayerType::Activation);
    n.layers << layer(LayerType::MaxPool) << layer(LayerType::Flatten);
    LayerSpec d = layer(LayerType::Dense);
    d.units = 10;
    if (binary) {
        d.inputQuantizer = sign;
        d.kernelQuantizer = sign;
        d.kernelClip = 1.0;
        d.useBias = false;
    }
    n.layers << d;
    return n;
}

/// A short experiment on the synthetic data: batch 32, one thread, fixed seed.
inline ExperimentSpec experiment(const NetworkSpec &net, int epochs, qint64 seed = 3)
{
    ExperimentSpec e;
    e.network = net;
    e.dataset = QStringLiteral("synthetic");
    e.train.epochs = epochs;
    e.train.batchSize = 32;
    e.train.seed = seed;
    e.train.threads = 1;
    return e;
}

} // namespace qb
