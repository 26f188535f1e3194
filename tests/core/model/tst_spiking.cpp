// Golden tests of the spiking layers, encoders and readout losses against values worked out by
// hand from the equations of snnTorch 0.9.4's code (README "Spiking networks"; the same numbers
// are printed by bench/snn_reference.py --check-formulas, an independent PyTorch transcription).
#include "model/network_p.h"
#include "spec/networkvalidator.h"
#include "spec/presetlibrary.h"

#include <QtTest>

using namespace qb;

namespace {

LayerSpec leaky(ResetMechanism reset, bool resetDelay, double beta = 0.9)
{
    LayerSpec l;
    l.type = LayerType::Leaky;
    l.neuron.beta = beta;
    l.neuron.threshold = 1.0;
    l.neuron.reset = reset;
    l.neuron.resetDelay = resetDelay;
    return l;
}

/// The input current sequence the hand calculations use: T = 4 steps of one neuron.
torch::Tensor currents()
{
    return torch::tensor({0.5f, 0.7f, 0.2f, 0.9f}).view({4, 1}).requires_grad_(true);
}

std::vector<float> values(const torch::Tensor &t)
{
    const torch::Tensor c = t.detach().to(torch::kFloat).contiguous().view(-1);
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

std::vector<double> vec(const QVector<double> &v)
{
    return std::vector<double>(v.begin(), v.end());
}

void compare(const torch::Tensor &actual, const std::vector<double> &expected, double tolerance, const char *what)
{
    const std::vector<float> a = values(actual);
    QCOMPARE(a.size(), expected.size());
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::abs(double(a[i]) - expected[i]) > tolerance)
            QFAIL(qPrintable(QStringLiteral("%1[%2]: %3, expected %4").arg(QString::fromLatin1(what)).arg(i).arg(a[i]).arg(expected[i])));
    }
}

} // namespace

class TestSpiking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void leakySequence_data();
    void leakySequence();
    void synapticSequence_data();
    void synapticSequence();
    void surrogateGradients_data();
    void surrogateGradients();
    void fusedKernelMatchesStepwiseTorch_data();
    void fusedKernelMatchesStepwiseTorch();
    void stateQuantization();
    void rateEncoderStatistics();
    void latencyEncoder();
    void readoutLosses_data();
    void readoutLosses();
    void staticInputComputedOnceEqualsEveryStep();
    void specRoundTripAndValidation();
    void spikingPresetsValidate();
};

// beta 0.9, threshold 1, I = [0.5, 0.7, 0.2, 0.9]. Subtract, reset_delay on, by hand:
// U0 = 0.5; U1 = 0.45 + 0.7 = 1.15 (fires); U2 = 1.035 + 0.2 - 1 = 0.235; U3 = 0.2115 + 0.9 = 1.1115 (fires).
// dsum(S)/dI[t] through the atan surrogate (alpha 2: 1/(1 + (pi x)^2)): e.g. at t = 3 only S3 depends on
// I3, so it is 1/(1 + (pi*0.1115)^2) = 0.89071.
void TestSpiking::leakySequence_data()
{
    QTest::addColumn<int>("reset");
    QTest::addColumn<bool>("resetDelay");
    QTest::addColumn<bool>("fused");
    QTest::addColumn<QVector<double>>("membrane");
    QTest::addColumn<QVector<double>>("spikes");
    QTest::addColumn<QVector<double>>("gradient");
    for (const bool fused : {true, false}) {
        const char *path = fused ? "fused" : "stepwise";
        QTest::addRow("subtract delayed %s", path) << int(ResetMechanism::Subtract) << true << fused
            << QVector<double>{0.5, 1.15, 0.235, 1.1115} << QVector<double>{0, 1, 0, 1}
            << QVector<double>{1.7937255, 1.6725834, 0.94921893, 0.89070879};
        QTest::addRow("zero delayed %s", path) << int(ResetMechanism::Zero) << true << fused
            << QVector<double>{0.5, 1.15, 0.2, 1.08} << QVector<double>{0, 1, 0, 1}
            << QVector<double>{1.0248581, 0.81828634, 0.98320512, 0.94058736};
        QTest::addRow("none delayed %s", path) << int(ResetMechanism::None) << true << fused
            << QVector<double>{0.5, 1.15, 1.235, 2.0115} << QVector<double>{0, 1, 1, 1}
            << QVector<double>{1.6148014, 1.4737789, 0.72832505, 0.090107052};
        // reset_delay off: the reset happens in the step that fires: U1 = 1.15 - 1 = 0.15, ...
        QTest::addRow("subtract immediate %s", path) << int(ResetMechanism::Subtract) << false << fused
            << QVector<double>{0.5, 0.15, 0.335, 0.2015} << QVector<double>{0, 1, 0, 1}
            << QVector<double>{0.88674004, 0.9342639, 0.70915943, 0.7139144};
        QTest::addRow("zero immediate %s", path) << int(ResetMechanism::Zero) << false << fused
            << QVector<double>{0.5, 0, 0.2, 0} << QVector<double>{0, 1, 0, 1}
            << QVector<double>{0.2923917, 0.0051819755, 0.96006501, 0.94058736};
        QTest::addRow("none immediate %s", path) << int(ResetMechanism::None) << false << fused
            << QVector<double>{0.5, 1.15, 1.235, 2.0115} << QVector<double>{0, 1, 1, 1}
            << QVector<double>{1.6148014, 1.4737789, 0.72832505, 0.090107052};
    }
}

void TestSpiking::leakySequence()
{
    QFETCH(int, reset);
    QFETCH(bool, resetDelay);
    QFETCH(bool, fused);
    QFETCH(QVector<double>, membrane);
    QFETCH(QVector<double>, spikes);
    QFETCH(QVector<double>, gradient);
    SpikingLayerModule layer(leaky(ResetMechanism(reset), resetDelay));
    layer.setFused(fused);
    const torch::Tensor I = currents();
    const SpikeSequence out = layer.run(I, 4, true);
    compare(out.membrane, vec(membrane), 1e-6, "membrane");
    compare(out.spikes, vec(spikes), 0.0, "spikes");
    out.spikes.sum().backward();
    compare(I.grad(), vec(gradient), 2e-6, "dsum(S)/dI");

    // One step alone is the first step of the sequence.
    const SpikeSequence one = layer.run(torch::tensor({0.5f}).view({1, 1}), 1, false);
    compare(one.membrane, {0.5}, 0.0, "one step");
}

// alpha 0.8, beta 0.9, threshold 1, I = [0.5, 0.7, 0.2, 0.9]: I_syn = 0.5, 1.1, 1.08, 1.764.
// subtract: U = 0.5; 0.45 + 1.1 = 1.55 (fires); 1.395 + 1.08 - 1 = 1.475 (fires); 1.3275 + 1.764 - 1 = 2.0915.
// zero: U = 0.5; 1.55 (fires); (1 - 1)(...) = 0; 0 + 1.764 = 1.764 (fires).
void TestSpiking::synapticSequence_data()
{
    QTest::addColumn<int>("reset");
    QTest::addColumn<QVector<double>>("membrane");
    QTest::addColumn<QVector<double>>("spikes");
    QTest::addRow("subtract") << int(ResetMechanism::Subtract) << QVector<double>{0.5, 1.55, 1.475, 2.0915}
                              << QVector<double>{0, 1, 1, 1};
    QTest::addRow("zero") << int(ResetMechanism::Zero) << QVector<double>{0.5, 1.55, 0.0, 1.764}
                          << QVector<double>{0, 1, 0, 1};
    QTest::addRow("none") << int(ResetMechanism::None) << QVector<double>{0.5, 1.55, 2.475, 3.9915}
                          << QVector<double>{0, 1, 1, 1};
}

void TestSpiking::synapticSequence()
{
    QFETCH(int, reset);
    QFETCH(QVector<double>, membrane);
    QFETCH(QVector<double>, spikes);
    LayerSpec spec = leaky(ResetMechanism(reset), true);
    spec.type = LayerType::Synaptic;
    spec.neuron.alpha = 0.8;
    SpikingLayerModule layer(spec);
    const SpikeSequence out = layer.run(currents(), 4, true);
    compare(out.synaptic, {0.5, 1.1, 1.08, 1.764}, 1e-6, "synaptic current");
    compare(out.membrane, vec(membrane), 1e-5, "membrane");
    compare(out.spikes, vec(spikes), 0.0, "spikes");
}

// Derivatives at x = U - threshold (incoming gradient 1): atan(2) 1/(1+(pi x)^2), fast_sigmoid(25)
// 1/(1+25|x|)^2, sigmoid(25) 25 e^(-25x)/(1+e^(-25x))^2, ste 1.
void TestSpiking::surrogateGradients_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QVector<double>>("expected");
    QTest::addRow("atan") << int(SurrogateKind::ATan)
                          << QVector<double>{0.091999668, 0.28840044, 0.91016984, 1.0, 0.91016984, 0.091999668};
    QTest::addRow("fast_sigmoid") << int(SurrogateKind::FastSigmoid)
                                  << QVector<double>{0.0014792899, 0.0054869684, 0.081632653, 1.0, 0.081632653, 0.0014792899};
    QTest::addRow("sigmoid") << int(SurrogateKind::Sigmoid)
                             << QVector<double>{3.471986e-10, 9.3165635e-05, 1.7525929, 6.25, 1.7525929, 3.471986e-10};
    QTest::addRow("ste") << int(SurrogateKind::Ste) << QVector<double>{1, 1, 1, 1, 1, 1};
}

void TestSpiking::surrogateGradients()
{
    QFETCH(int, kind);
    QFETCH(QVector<double>, expected);
    const auto k = SurrogateKind(kind);
    const double slope = k == SurrogateKind::ATan ? 2.0 : 25.0;
    const torch::Tensor x = torch::tensor({-1.0f, -0.5f, -0.1f, 0.0f, 0.1f, 1.0f}).requires_grad_(true);
    const torch::Tensor s = spikeWithSurrogate(x, k, slope);
    compare(s, {0, 0, 0, 0, 1, 1}, 0.0, "H(x), strict"); // H(0) = 0
    s.sum().backward();
    for (size_t i = 0; i < size_t(expected.size()); ++i)
        QVERIFY2(std::abs(double(x.grad()[int64_t(i)].item<float>()) - expected[int(i)]) <= 1e-5 * std::max(1.0, expected[int(i)]),
                 qPrintable(QStringLiteral("x index %1").arg(i)));
    // The fused kernel's scalar form gives the same values.
    for (int i = 0; i < expected.size(); ++i) {
        const float xi = values(x)[size_t(i)];
        QVERIFY(std::abs(double(surrogateGradient(xi, k, float(slope))) - expected[i]) <= 1e-5 * std::max(1.0, expected[i]));
    }
}

void TestSpiking::fusedKernelMatchesStepwiseTorch_data()
{
    QTest::addColumn<int>("reset");
    QTest::addColumn<bool>("resetDelay");
    QTest::addColumn<int>("surrogate");
    QTest::addColumn<bool>("timed");
    for (int reset = 0; reset < 3; ++reset) {
        for (const bool delay : {true, false}) {
            for (int surrogate = 0; surrogate < 4; ++surrogate) {
                for (const bool timed : {true, false}) {
                    QTest::addRow("%s %s %s %s", qPrintable(resetName(ResetMechanism(reset))),
                                  delay ? "delayed" : "immediate", qPrintable(surrogateName(SurrogateKind(surrogate))),
                                  timed ? "timed" : "static")
                        << reset << delay << surrogate << timed;
                }
            }
        }
    }
}

// The fused kernel against the step-by-step torch computation: the same spikes and membranes, and
// the same gradients for the input, a learned beta and a learned threshold.
void TestSpiking::fusedKernelMatchesStepwiseTorch()
{
    QFETCH(int, reset);
    QFETCH(bool, resetDelay);
    QFETCH(int, surrogate);
    QFETCH(bool, timed);
    LayerSpec spec = leaky(ResetMechanism(reset), resetDelay, 0.8);
    spec.neuron.learnBeta = true;
    spec.neuron.learnThreshold = true;
    spec.neuron.surrogate = SurrogateKind(surrogate);
    const int steps = 7;
    torch::manual_seed(3);
    const torch::Tensor input = torch::rand({timed ? steps * 5 : 5, 3, 4}) * 1.5;
    const torch::Tensor weights = torch::randn({steps * 5, 3, 4});
    torch::Tensor grads[2][3];
    torch::Tensor outputs[2][2];
    for (const bool fused : {true, false}) {
        SpikingLayerModule layer(spec);
        layer.setFused(fused);
        const torch::Tensor x = input.clone().requires_grad_(true);
        const SpikeSequence out = layer.run(x, steps, timed);
        // A loss that reads both outputs, as the membrane and the spike losses do.
        ((out.spikes * weights).sum() + (out.membrane * out.membrane).sum() * 0.3).backward();
        const auto params = layer.named_parameters();
        grads[fused][0] = x.grad();
        grads[fused][1] = params["beta"].grad();
        grads[fused][2] = params["threshold"].grad();
        outputs[fused][0] = out.spikes.detach();
        outputs[fused][1] = out.membrane.detach();
    }
    QVERIFY(torch::equal(outputs[0][0], outputs[1][0]));
    QVERIFY(torch::allclose(outputs[0][1], outputs[1][1], 0.0, 1e-6));
    QVERIFY(outputs[0][0].sum().item<float>() > 0); // some neurons fired
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(torch::allclose(grads[0][i], grads[1][i], 1e-4, 1e-5),
                 qPrintable(QStringLiteral("gradient %1: fused %2, torch %3").arg(i).arg(grads[1][i].abs().sum().item<double>())
                                .arg(grads[0][i].abs().sum().item<double>())));
    }
}

// 2 bits, threshold 1, limits 0 / 0.2: levels -1, -0.26667, 0.46667, 1.2. The membrane 0.5 is stored
// as 0.46667, then 0.9*0.46667 + 0.7 = 1.12 -> 1.2 (fires); the gradient passes straight through.
void TestSpiking::stateQuantization()
{
    LayerSpec spec = leaky(ResetMechanism::Subtract, true);
    spec.neuron.stateQuantBits = 2;
    SpikingLayerModule layer(spec);
    const torch::Tensor I = torch::tensor({0.5f, 0.7f}).view({2, 1}).requires_grad_(true);
    const SpikeSequence out = layer.run(I, 2, true);
    compare(out.membrane, {0.4666667, 1.2}, 1e-6, "quantized membrane");
    compare(out.spikes, {0, 1}, 0.0, "spikes");
    out.membrane.sum().backward();
    compare(I.grad(), {1.9, 1.0}, 1e-6, "straight-through gradient"); // dU1/dI0 = beta
}

void TestSpiking::rateEncoderStatistics()
{
    SpikingSpec s;
    s.timeSteps = 2000;
    s.encoding = SpikeEncoding::Rate;
    torch::manual_seed(11);
    const torch::Tensor x = torch::tensor({0.0f, 0.3f, 1.0f, 0.8f}).view({1, 4});
    bool timed = false;
    torch::Tensor spikes = encodeInput(x, s, &timed);
    QVERIFY(timed);
    QCOMPARE(spikes.sizes().vec(), (std::vector<int64_t>{2000, 4}));
    torch::Tensor rate = spikes.mean(0);
    // Bernoulli(p) over 2000 steps: within 4 standard deviations (sqrt(p(1-p)/2000) <= 0.0112).
    QCOMPARE(rate[0].item<float>(), 0.0f);
    QVERIFY(std::abs(rate[1].item<float>() - 0.3f) < 0.045f);
    QCOMPARE(rate[2].item<float>(), 1.0f);
    QVERIFY(std::abs(rate[3].item<float>() - 0.8f) < 0.045f);
    // gain 0.5, offset 0.1: p = 0.1, 0.25, 0.6, 0.5
    s.gain = 0.5;
    s.offset = 0.1;
    rate = encodeInput(x, s, &timed).mean(0);
    const float expected[] = {0.1f, 0.25f, 0.6f, 0.5f};
    for (int i = 0; i < 4; ++i)
        QVERIFY2(std::abs(rate[i].item<float>() - expected[i]) < 0.045f, qPrintable(QString::number(i)));
}

// tau 5, threshold 0.01, T 25: x = 0.5 -> 5 ln(0.5/0.49) = 0.101 -> step 0; x = 0.02 -> 5 ln 2 = 3.47
// -> step 3; x = 0.005 is clamped to 0.0100001 -> 57.6 -> capped at step 24 (dropped with clip).
// Linear (tau 5): min(5(1-x), 4.95): 2.5 -> 2 (round half to even, as torch.round), 4.9 -> 5, 4.95 -> 5.
void TestSpiking::latencyEncoder()
{
    SpikingSpec s;
    s.timeSteps = 25;
    s.encoding = SpikeEncoding::Latency;
    s.tau = 5.0;
    const torch::Tensor x = torch::tensor({0.5f, 0.02f, 0.005f}).view({1, 3});
    bool timed = false;
    bool onePerFeature = true;
    auto firstSpike = [&](const SpikingSpec &spec) -> std::vector<int> {
        const torch::Tensor spikes = encodeInput(x, spec, &timed).view({spec.timeSteps, 3});
        std::vector<int> steps;
        for (int f = 0; f < 3; ++f) {
            const torch::Tensor column = spikes.select(1, f);
            steps.push_back(column.sum().item<float>() == 0 ? -1 : int(column.argmax().item<int64_t>()));
            onePerFeature = onePerFeature && column.sum().item<float>() <= 1.0f;
        }
        return steps;
    };
    QCOMPARE(firstSpike(s), (std::vector<int>{0, 3, 24}));
    s.clip = true;
    QCOMPARE(firstSpike(s), (std::vector<int>{0, 3, -1}));
    s.clip = false;
    s.linear = true;
    QCOMPARE(firstSpike(s), (std::vector<int>{2, 5, 5}));
    // normalize, linear: tau = T - 1 = 24: 24*0.5 = 12, min(24*0.98, 24*0.99) = 23.52 -> 24, 23.76 -> 24
    s.normalize = true;
    QCOMPARE(firstSpike(s), (std::vector<int>{12, 24, 24}));
    QVERIFY(onePerFeature);
}

// T 2, one sample, 2 classes, label 0; spikes [[1,0],[1,1]], membrane [[0.5,0.1],[1.2,0.3]]:
// membrane_ce = ln(1+e^-0.4) + ln(1+e^-0.9) = 0.513015 + 0.341154; ce_rate = (ln(1+e^-1) + ln 2)/2;
// ce_count = ln(1+e^-1) (counts [2,1]); mse_count(0.8, 0.2): targets int(1.6) = 1, int(0.4) = 0,
// ((2-1)^2 + (1-0)^2)/2 / T = 0.5.
void TestSpiking::readoutLosses_data()
{
    QTest::addColumn<int>("loss");
    QTest::addColumn<double>("expected");
    QTest::addRow("membrane_ce") << int(SpikeLoss::MembraneCrossEntropy) << 0.854169;
    QTest::addRow("ce_rate") << int(SpikeLoss::CrossEntropyRate) << 0.503204;
    QTest::addRow("ce_count") << int(SpikeLoss::CrossEntropyCount) << 0.313262;
    QTest::addRow("mse_count") << int(SpikeLoss::MseCount) << 0.5;
}

void TestSpiking::readoutLosses()
{
    QFETCH(int, loss);
    QFETCH(double, expected);
    SpikingSpec s;
    s.loss = SpikeLoss(loss);
    const torch::Tensor spikes = torch::tensor({1.0f, 0.0f, 1.0f, 1.0f}).view({2, 1, 2});
    const torch::Tensor membrane = torch::tensor({0.5f, 0.1f, 1.2f, 0.3f}).view({2, 1, 2});
    const torch::Tensor y = torch::tensor({int64_t(0)});
    QVERIFY(std::abs(spikingLoss(s, spikes, membrane, y).item<double>() - expected) < 2e-6);
}

// Direct input: the layers before the first spiking layer run once on [B, ...]. Feeding the same
// image as T identical event frames makes them run on all T*B rows: the same membranes and spikes.
void TestSpiking::staticInputComputedOnceEqualsEveryStep()
{
    NetworkSpec net = *PresetLibrary::load(QStringLiteral("snn-conv-mnist"));
    net.spiking.timeSteps = 6;
    torch::manual_seed(5);
    auto built = NetworkModule::build(net);
    QVERIFY2(built, qPrintable(built.error()));
    NetworkModule &module = **built;
    const torch::Tensor x = torch::rand({3, 1, 28, 28});
    SpikeRecording once, everyStep;
    const NetworkOutput a = module.run(x, &once);
    const NetworkOutput b = module.run(x.unsqueeze(1).expand({3, 6, 1, 28, 28}).contiguous(), &everyStep);
    QCOMPARE(once.layers, (std::vector<int>{2, 5, 8}));
    QCOMPARE(a.spikes.sizes().vec(), (std::vector<int64_t>{6, 3, 10}));
    for (size_t i = 0; i < once.membranes.size(); ++i)
        QVERIFY(torch::allclose(once.membranes[i], everyStep.membranes[i], 1e-5, 1e-5));
    QVERIFY(torch::equal(a.scores, b.scores));
    QVERIFY(torch::equal(a.scores, a.spikes.sum(0)));
}

void TestSpiking::specRoundTripAndValidation()
{
    NetworkSpec net = *PresetLibrary::load(QStringLiteral("snn-fc-mnist"));
    net.layers[2].neuron.stateQuantBits = 4;
    net.layers[2].neuron.learnBeta = true;
    net.layers[4].type = LayerType::Synaptic;
    net.layers[4].neuron.alpha = 0.7;
    net.spiking.encoding = SpikeEncoding::Latency;
    net.spiking.linear = true;
    const Result<NetworkSpec> back = NetworkSpec::fromJson(net.toJson());
    QVERIFY2(back, qPrintable(back.error()));
    QVERIFY(*back == net);

    NetworkSpec bad = net;
    bad.layers[2].neuron.beta = 1.5;
    bad.layers.removeLast(); // ends in a dense layer
    const ValidationReport report = NetworkValidator::validate(bad, 10);
    const QString message = report.message(bad);
    QVERIFY2(message.contains(QStringLiteral("field 'beta': must be between 0 and 1; got 1.5")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("must end in a leaky or synaptic layer")), qPrintable(message));

    QJsonObject json = net.toJson();
    QJsonArray layers = json[QStringLiteral("layers")].toArray();
    QJsonObject lif = layers[2].toObject();
    lif[QStringLiteral("reset")] = QStringLiteral("soft");
    layers[2] = lif;
    json[QStringLiteral("layers")] = layers;
    const Result<NetworkSpec> refused = NetworkSpec::fromJson(json);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QStringLiteral("layer 3 (leaky 'lif1'): field 'reset' must be one of subtract, zero, none")),
             qPrintable(refused.error()));
}

void TestSpiking::spikingPresetsValidate()
{
    for (const QString &name : {QStringLiteral("snn-fc-mnist"), QStringLiteral("snn-conv-mnist"), QStringLiteral("snn-nmnist"),
                                QStringLiteral("bsnn-fmnist")}) {
        const Result<NetworkSpec> net = PresetLibrary::load(name);
        QVERIFY2(net, qPrintable(name));
        QVERIFY(net->isSpiking());
        const ValidationReport report = NetworkValidator::validate(*net, 10);
        QVERIFY2(report.ok(), qPrintable(name + QStringLiteral(": ") + report.message(*net)));
        QVERIFY(!net->trainingDefaults.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestSpiking)
#include "tst_spiking.moc"
