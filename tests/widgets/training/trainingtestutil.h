#pragma once
// Shared helpers of the training widget tests: an isolated environment (temporary XDG folders, set
// before QApplication exists), a small MNIST-format dataset written to disk, and tiny networks.

#include "app/clitestutil.h"
#include "spec/experimentspec.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QtEndian>

#include <algorithm>
#include <random>

namespace qbtest {

/// Points XDG_DATA_HOME / XDG_CONFIG_HOME (settings, default history, user datasets) at a
/// temporary folder and clears QUANTBENCH_DATA. Runs during static initialisation, before
/// QTEST_MAIN creates the application.
inline QString isolatedHome()
{
    static QTemporaryDir home;
    static const bool done = [] {
        QStandardPaths::setTestModeEnabled(true);
        QDir(home.path()).mkpath(QStringLiteral("data"));
        QDir(home.path()).mkpath(QStringLiteral("config"));
        qputenv("XDG_DATA_HOME", QFile::encodeName(home.path() + QStringLiteral("/data")));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.path() + QStringLiteral("/config")));
        qunsetenv("QUANTBENCH_DATA");
        return true;
    }();
    Q_UNUSED(done);
    return home.path();
}

/// Writes train/t10k IDX files (uncompressed MNIST format) of 28x28 images to `dir`. Four classes:
/// the bright quadrant (0 top left, 1 top right, 2 bottom left, 3 bottom right), plus noise.
inline bool writeQuadrantMnist(const QString &dir, int trainCount, int testCount, unsigned seed = 7)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, 35.0);
    auto write = [&](const QString &prefix, int count) {
        QByteArray pixels, labels;
        for (int i = 0; i < count; ++i) {
            const int label = int(rng() % 4);
            labels.append(char(label));
            const int qy = label / 2, qx = label % 2;
            for (int y = 0; y < 28; ++y) {
                for (int x = 0; x < 28; ++x) {
                    const bool bright = y / 14 == qy && x / 14 == qx;
                    const double v = (bright ? 170.0 : 50.0) + noise(rng);
                    pixels.append(char(std::uint8_t(std::clamp(v, 0.0, 255.0))));
                }
            }
        }
        return writeIdxPair(dir, prefix, pixels, labels);
    };
    return write(QStringLiteral("train"), trainCount) && write(QStringLiteral("t10k"), testCount);
}

inline qb::LayerSpec layer(qb::LayerType type)
{
    qb::LayerSpec l;
    l.type = type;
    return l;
}

/// flatten -> dense `hidden` -> relu -> dense 10 (MNIST has ten classes; only four are used).
inline qb::NetworkSpec tinyNetwork(int hidden = 32)
{
    qb::NetworkSpec n;
    n.name = QStringLiteral("tiny-mlp");
    n.input = qb::TensorShape::image(1, 28, 28);
    qb::LayerSpec flatten = layer(qb::LayerType::Flatten);
    flatten.name = QStringLiteral("flatten");
    qb::LayerSpec dense = layer(qb::LayerType::Dense);
    dense.name = QStringLiteral("dense_1");
    dense.units = hidden;
    qb::LayerSpec relu = layer(qb::LayerType::Activation);
    relu.name = QStringLiteral("relu");
    qb::LayerSpec out = layer(qb::LayerType::Dense);
    out.name = QStringLiteral("dense_2");
    out.units = 10;
    n.layers << flatten << dense << relu << out;
    return n;
}

/// A short experiment on "mnist" (the files written above), one thread, fixed seed.
inline qb::ExperimentSpec tinyExperiment(int epochs, int batchSize = 32, int hidden = 32)
{
    qb::ExperimentSpec e;
    e.name = QStringLiteral("tiny");
    e.network = tinyNetwork(hidden);
    e.dataset = QStringLiteral("mnist");
    e.train.epochs = epochs;
    e.train.batchSize = batchSize;
    e.train.seed = 11;
    e.train.threads = 1;
    return e;
}

} // namespace qbtest
