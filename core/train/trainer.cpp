#include "train/trainer.h"

#include "model/network_p.h"
#include "spec/networkvalidator.h"
#include "train/batcher_p.h"
#include "train/evaluation_p.h"
#include "util/blasthreads.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QObject>
#include <QThread>

#include <limits>
#include <random>

Q_LOGGING_CATEGORY(lcTrain, "qb.core.train", QtInfoMsg)

namespace qb {

namespace {

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const TrainSpec &train, NetworkModule &net)
{
    if (train.optimizer == OptimizerKind::Sgd) {
        return std::make_unique<torch::optim::SGD>(net.parameters(), torch::optim::SGDOptions(train.learningRate)
                                                                         .momentum(train.momentum)
                                                                         .weight_decay(train.weightDecay));
    }
    return std::make_unique<torch::optim::Adam>(
        net.parameters(), torch::optim::AdamOptions(train.learningRate).weight_decay(train.weightDecay));
}

} // namespace

struct Trainer::Private
{
    ExperimentSpec spec;
    const Dataset &dataset;
    TrainObserver *observer = nullptr;
    TrainControl *control = nullptr;
    std::shared_ptr<NetworkModule> net;
    bool prepared = false;

    Private(const ExperimentSpec &s, const Dataset &d) : spec(s), dataset(d) {}

    bool cancelled() const { return control && control->cancel.load(); }
    void waitWhilePaused() const
    {
        while (control && control->pause.load() && !control->cancel.load())
            QThread::msleep(20);
    }
    TrainResult train();
};

Trainer::Trainer(const ExperimentSpec &spec, const Dataset &dataset) : d(std::make_unique<Private>(spec, dataset)) {}

Trainer::~Trainer() = default;

void Trainer::setObserver(TrainObserver *observer)
{
    d->observer = observer;
}

void Trainer::setControl(TrainControl *control)
{
    d->control = control;
}

int Trainer::applyThreadCount(int threads)
{
    const int n = threads > 0 ? threads : std::max(1, QThread::idealThreadCount());
    torch::set_num_threads(n);
    // Torch's threads call BLAS; a BLAS pool of its own on the same cores only competes with them
    // (util/blasthreads.h: 1.6x-3x faster training on 2 cores, the same numbers).
    setBlasThreads(1);
    return n;
}

Status Trainer::prepare()
{
    const DatasetSplit &train = d->dataset.train;
    // Event splits (N-MNIST) are framed for a spiking network's time steps (data/eventframes.h);
    // any other network would read them as images they are not.
    const bool events = train.isEvents() || d->dataset.test.isEvents();
    const NetworkSpec &asGiven = d->spec.network;
    const bool wantsEvents = asGiven.isSpiking() && asGiven.spiking.encoding == SpikeEncoding::Events;
    if (events && !wantsEvents)
        return Status::failure(QObject::tr("dataset '%1' holds event recordings: train it with a spiking network "
                                           "whose encoding is \"events\" (e.g. the preset snn-nmnist)")
                                   .arg(d->dataset.name));
    if (!events && wantsEvents)
        return Status::failure(QObject::tr("network '%1' takes event frames (encoding \"events\") but dataset '%2' "
                                           "holds images: choose an event dataset such as nmnist, or another encoding")
                                   .arg(asGiven.name, d->dataset.name));
    const TensorShape dataShape = train.isTabular() ? TensorShape::flat(train.channels)
                                                    : TensorShape::image(train.channels, train.height, train.width);
    d->spec.network = d->spec.network.adaptedTo(dataShape, d->dataset.numClasses);
    const NetworkSpec &network = d->spec.network;
    if (network.input.elementCount() != dataShape.elementCount()
        || (network.input.isImage() && network.input != dataShape)) {
        return Status::failure(QObject::tr("network '%1' expects inputs of %2 but dataset '%3' has images of %4")
                                   .arg(network.name, network.input.toString(), d->dataset.name, dataShape.toString()));
    }
    const ValidationReport report = NetworkValidator::validate(network, d->dataset.numClasses);
    if (!report.ok())
        return Status::failure(report.message(network));
    try {
        torch::manual_seed(uint64_t(d->spec.train.seed));
        auto built = NetworkModule::build(network);
        if (!built)
            return Status::failure(built.error());
        d->net = *built;
    } catch (const std::exception &e) {
        return Status::failure(QObject::tr("could not build the network: %1").arg(QString::fromUtf8(e.what())));
    }
    d->prepared = true;
    return Status();
}

TrainResult Trainer::run()
{
    TrainResult result;
    if (!d->prepared) {
        const Status s = prepare();
        if (!s) {
            result.status = RunStatus::Failed;
            result.error = s.error();
            return result;
        }
    }
    try {
        return d->train();
    } catch (const std::exception &e) {
        // c10::Error derives from std::exception: torch failures end the run, not the program.
        result.status = RunStatus::Failed;
        result.error = QObject::tr("training failed: %1").arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
        qCWarning(lcTrain) << "training failed:" << e.what();
        return result;
    }
}

TrainResult Trainer::Private::train()
{
    TrainResult result;
    const TrainSpec &ts = spec.train;
    applyThreadCount(ts.threads);
    torch::manual_seed(uint64_t(ts.seed) + 1); // dropout stream, independent of the init stream
    std::mt19937_64 shuffleRng(uint64_t(ts.seed));

    Batcher trainBatches(dataset.train, ts.trainLimit, spec);
    Batcher testBatches(dataset.test, ts.testLimit, spec);
    auto optimizer = makeOptimizer(ts, *net);
    const int batches = trainBatches.batchCount(ts.batchSize);

    double bestTestLoss = std::numeric_limits<double>::infinity();
    int epochsWithoutImprovement = 0;

    for (int epoch = 1; epoch <= ts.epochs; ++epoch) {
        QElapsedTimer epochTimer;
        epochTimer.start();
        net->train();
        net->setTrainingProgress(double(epoch - 1) / double(ts.epochs));
        trainBatches.beginEpoch(true, shuffleRng);
        double lossSum = 0.0;
        int64_t correct = 0;
        int64_t seen = 0;
        for (int b = 0; b < batches; ++b) {
            waitWhilePaused();
            if (cancelled()) {
                result.status = RunStatus::Cancelled;
                return result;
            }
            auto [x, y] = trainBatches.batch(b, ts.batchSize);
            optimizer->zero_grad();
            const NetworkOutput out = net->run(x);
            const torch::Tensor &logits = out.scores;
            const torch::Tensor loss = net->loss(out, y);
            loss.backward();
            optimizer->step();
            net->applyConstraints();

            const int64_t n = y.size(0);
            const double batchLoss = loss.item<double>();
            lossSum += batchLoss * double(n);
            correct += logits.argmax(1).eq(y).sum().item<int64_t>();
            seen += n;
            if (observer) {
                BatchProgress p;
                p.epoch = epoch;
                p.epochs = ts.epochs;
                p.batch = b + 1;
                p.batches = batches;
                p.loss = batchLoss;
                p.meanLoss = lossSum / double(seen);
                p.accuracy = double(correct) / double(seen);
                p.samplesPerSecond = double(seen) / std::max(1e-9, epochTimer.nsecsElapsed() * 1e-9);
                observer->onBatch(p);
            }
        }
        const double trainSeconds = epochTimer.nsecsElapsed() * 1e-9;
        const EvalResult test = evaluateNetwork(*net, testBatches);

        EpochMetrics m;
        m.epoch = epoch;
        m.trainLoss = seen ? lossSum / double(seen) : 0.0;
        m.trainAccuracy = seen ? double(correct) / double(seen) : 0.0;
        m.testLoss = test.loss;
        m.testAccuracy = test.accuracy;
        m.seconds = epochTimer.nsecsElapsed() * 1e-9;
        m.samplesPerSecond = double(seen) / std::max(1e-9, trainSeconds);
        result.epochs << m;
        result.finalTestAccuracy = m.testAccuracy;
        result.finalTestLoss = m.testLoss;
        if (observer) {
            const Status s = observer->onEpoch(m);
            if (!s) {
                result.status = RunStatus::Failed;
                result.error = s.error();
                return result;
            }
        }

        if (ts.earlyStoppingPatience > 0) {
            if (m.testLoss < bestTestLoss) {
                bestTestLoss = m.testLoss;
                epochsWithoutImprovement = 0;
            } else if (++epochsWithoutImprovement >= ts.earlyStoppingPatience) {
                result.stoppedEarly = true;
                break;
            }
        }
    }
    result.status = RunStatus::Finished;
    return result;
}

const ExperimentSpec &Trainer::spec() const
{
    return d->spec;
}

Status Trainer::saveWeights(const QString &path) const
{
    if (!d->net)
        return Status::failure(QObject::tr("no trained network to save"));
    return d->net->save(path);
}

} // namespace qb
