#pragma once
// A small trained run in a history of its own, for the tests of evaluations and sweeps of recorded
// runs (core and the GUI's analysis jobs): band images written as MNIST-format IDX files (no
// download), the binarized small network of synthetic.h, two epochs on one thread.

#include "app/clitestutil.h"
#include "core/train/synthetic.h"
#include "spec/presetlibrary.h"
#include "store/experimentstore.h"
#include "train/experimentrunner.h"

#include <QDir>
#include <QString>

namespace qb::testdata {

struct TrainedRun
{
    QString dbPath;
    QString dataDir; ///< holds the "mnist" IDX files the run was trained on
    qint64 runId = -1;
    double testAccuracy = 0.0;
    QString error; ///< why there is no run
};

/// Trains the run into `dir`/history.sqlite with its data in `dir`/bands (28x28 band images, 10
/// classes); `network` replaces the small binarized network (made 1x28x28) when given, with the
/// input it declares (a preset, or one that adapts to the dataset).
inline TrainedRun trainSmallRun(const QString &dir, const NetworkSpec *network = nullptr)
{
    TrainedRun r;
    r.dataDir = dir + QStringLiteral("/bands");
    r.dbPath = dir + QStringLiteral("/history.sqlite");
    if (!QDir().mkpath(r.dataDir)) {
        r.error = QStringLiteral("cannot create ") + r.dataDir;
        return r;
    }
    qbtest::writeIdxDataset(r.dataDir, 300, 100);
    RunRequest request;
    request.spec = experiment(network ? *network : smallNet(true), 2);
    if (!network)
        request.spec.network.input = TensorShape::image(1, 28, 28);
    request.spec.dataset = QStringLiteral("mnist");
    request.spec.train.learningRate = 0.01;
    request.dataDir = r.dataDir;
    request.dbPath = r.dbPath;
    const RunOutcome outcome = ExperimentRunner(request).run();
    if (outcome.problem != RunOutcome::Problem::None) {
        r.error = outcome.error;
        return r;
    }
    r.runId = outcome.runId;
    r.testAccuracy = outcome.result.finalTestAccuracy;
    return r;
}

/// The export acceptance runs: `preset` trained one epoch on the first 2,000 Fashion-MNIST training
/// images (two threads, seed 42, 1,000 test images during training) into the history at `dbPath`.
inline RunOutcome trainFashionPreset(const QString &preset, const Dataset &fashion, const QString &dbPath)
{
    const Result<NetworkSpec> network = PresetLibrary::load(preset);
    if (!network) {
        RunOutcome failed;
        failed.problem = RunOutcome::Problem::BadInput;
        failed.error = network.error();
        return failed;
    }
    RunRequest request;
    request.spec.network = *network;
    request.spec.dataset = QStringLiteral("fashion-mnist");
    request.spec.train.epochs = 1;
    request.spec.train.trainLimit = 2000;
    request.spec.train.testLimit = 1000;
    request.spec.train.threads = 2;
    request.spec.train.seed = 42;
    request.dataset = &fashion;
    request.dbPath = dbPath;
    return ExperimentRunner(request).run();
}

/// How many sweeps the history holds for the run (-1: the history or its sweeps cannot be read).
inline int storedSweepCount(const TrainedRun &run)
{
    ExperimentStore store;
    if (!store.open(run.dbPath))
        return -1;
    const auto sweeps = store.sweeps(run.runId);
    return sweeps ? int(sweeps->size()) : -1;
}

} // namespace qb::testdata
