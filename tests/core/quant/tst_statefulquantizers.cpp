// The quantizers with state, statefulquantizers.cpp: lsq (a learned step, initialised from the
// first batch) and stochastic_binary (draws in training, sign at evaluation unless asked).
// Hand-computed values (REFERENCE.md, "Quantizers"); statistics with a fixed seed.
#include "core/quant/quantizertesting.h"

#include <QtTest>

using namespace qb;
using qbtest::evaluate;
using qbtest::spec;

class TestStatefulQuantizers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lsqForwardAndGradients_data();
    void lsqForwardAndGradients();
    void lsqGradientScaleUsesElementCount();
    void lsqInitialisesFromFirstBatch();
    void lsqKeepsRestoredStep();
    void lsqStepTrains();
    void stochasticBinaryExpectation_data();
    void stochasticBinaryExpectation();
    void stochasticBinaryEvaluation();
    void stochasticBinaryGradient_data();
    void stochasticBinaryGradient();
    void stochasticBinaryFollowsSeed();
    void catalog_data();
    void catalog();
};

namespace {

/// The quantizer's one trainable tensor: LSQ's step.
torch::Tensor stepOf(const Quantizer &q)
{
    const std::vector<torch::Tensor> params = q.parameters();
    return params.size() == 1 ? params.front() : torch::Tensor();
}

void setStep(const Quantizer &q, double s)
{
    torch::NoGradGuard noGrad;
    stepOf(q).fill_(s);
}

} // namespace

void TestStatefulQuantizers::lsqForwardAndGradients_data()
{
    QTest::addColumn<bool>("isSigned");
    QTest::addColumn<double>("step");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("forward");
    QTest::addColumn<double>("gradX");
    QTest::addColumn<double>("dqds"); // before the gradient scale g

    // Signed, k = 3: Q_N = 4, Q_P = 3; s = 0.5, v = x / s.
    //   x -3:    v -6, clamped to -4: q -2; outside: dq/dx 0, dq/ds -Q_N = -4
    //   x -2:    v -4 on the bound: q -2; dq/dx 1 (bound inside the clamp), dq/ds -4 (paper: v <= -Q_N)
    //   x -0.3:  v -0.6 -> -1: q -0.5; dq/ds round(v) - v = -1 + 0.6 = -0.4
    //   x 0:     q 0; dq/ds 0
    //   x 0.25:  v 0.5 -> 0 (half to even): q 0; dq/ds -0.5
    //   x 0.75:  v 1.5 -> 2: q 1; dq/ds 0.5
    //   x 1.5:   v 3 on the bound: q 1.5; dq/dx 1, dq/ds Q_P = 3
    //   x 2:     v 4, clamped to 3: q 1.5; dq/dx 0, dq/ds 3
    const double signedPoints[][4]
        = {{-3, -2, 0, -4},    {-2, -2, 1, -4},   {-0.3, -0.5, 1, -0.4}, {0, 0, 1, 0},
           {0.25, 0, 1, -0.5}, {0.75, 1, 1, 0.5}, {1.5, 1.5, 1, 3},      {2, 1.5, 0, 3}};
    for (const auto &p : signedPoints)
        QTest::addRow("signed k3 s0.5 x=%g", p[0]) << true << 0.5 << p[0] << p[1] << p[2] << p[3];
    // Unsigned, k = 2: Q_N = 0, Q_P = 3; s = 1.
    //   x -1:   clamped to 0: q 0; dq/dx 0, dq/ds -Q_N = 0
    //   x 0:    on the lower bound: dq/dx 1, dq/ds 0
    //   x 1.4:  q 1, dq/ds 1 - 1.4 = -0.4
    //   x 2.5:  v 2.5 -> 2 (half to even): q 2, dq/ds -0.5
    //   x 5:    clamped to 3: q 3; dq/dx 0, dq/ds 3
    const double unsignedPoints[][4]
        = {{-1, 0, 0, 0}, {0, 0, 1, 0}, {1.4, 1, 1, -0.4}, {2.5, 2, 1, -0.5}, {5, 3, 0, 3}};
    for (const auto &p : unsignedPoints)
        QTest::addRow("unsigned k2 s1 x=%g", p[0]) << false << 1.0 << p[0] << p[1] << p[2] << p[3];
}

void TestStatefulQuantizers::lsqForwardAndGradients()
{
    QFETCH(bool, isSigned);
    QFETCH(double, step);
    QFETCH(double, x);
    QFETCH(double, forward);
    QFETCH(double, gradX);
    QFETCH(double, dqds);
    const int bits = isSigned ? 3 : 2;
    auto q = makeQuantizer(
        spec(QStringLiteral("lsq"), {{QStringLiteral("bits"), bits}, {QStringLiteral("signed"), isSigned}}));
    setStep(*q, step); // a positive step counts as initialised (as after loading a checkpoint)
    const qbtest::Point p = evaluate(*q, x);
    QB_COMPARE_NEAR(p.forward, forward);
    QCOMPARE(p.gradient, gradX);
    // evaluate() sends an incoming gradient of 3 through one element: N = 1, g = 1/sqrt(1 * Q_P) =
    // 1/sqrt(3) for both grids here.
    const torch::Tensor stepGrad = stepOf(*q).grad();
    QVERIFY(stepGrad.defined());
    QB_COMPARE_NEAR(stepGrad.item<double>(), 3.0 * dqds / std::sqrt(3.0));
    QCOMPARE(stepOf(*q).item<double>(), step); // the forward pass never changes the step
}

void TestStatefulQuantizers::lsqGradientScaleUsesElementCount()
{
    // The eight signed points above at once: sum dq/ds = -4 - 4 - 0.4 + 0 - 0.5 + 0.5 + 3 + 3 = -2.4,
    // N = 8, g = 1/sqrt(8 * 3) = 0.2041241; ds = -2.4 * 0.2041241 = -0.4898979.
    auto q = makeQuantizer(spec(QStringLiteral("lsq"), {{QStringLiteral("bits"), 3}}));
    setStep(*q, 0.5);
    torch::Tensor x
        = torch::tensor({-3.0f, -2.0f, -0.3f, 0.0f, 0.25f, 0.75f, 1.5f, 2.0f}).requires_grad_(true);
    const torch::Tensor y = q->apply(x);
    QVERIFY(torch::allclose(y, torch::tensor({-2.0f, -2.0f, -0.5f, 0.0f, 0.0f, 1.0f, 1.5f, 1.5f})));
    y.sum().backward();
    QB_COMPARE_NEAR(stepOf(*q).grad().item<double>(), -0.4898979486);
    QVERIFY(torch::equal(x.grad(), torch::tensor({0.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 0.0f})));
}

void TestStatefulQuantizers::lsqInitialisesFromFirstBatch()
{
    auto q = makeQuantizer(spec(QStringLiteral("lsq"), {{QStringLiteral("bits"), 3}}));
    const torch::Tensor step = stepOf(*q);
    QVERIFY(step.defined());
    QVERIFY(step.requires_grad());
    QCOMPARE(step.item<double>(), 0.0); // not initialised yet
    // An all-zero batch says nothing about the scale: the step stays uninitialised, output 0.
    QVERIFY(torch::equal(q->apply(torch::zeros({4})), torch::zeros({4})));
    QCOMPARE(step.item<double>(), 0.0);
    // First real batch {-2, -1, 0, 1, 2}: mean|x| = 6/5 = 1.2, Q_P = 3: s = 2 * 1.2 / sqrt(3) = 1.3856406.
    q->apply(torch::tensor({-2.0f, -1.0f, 0.0f, 1.0f, 2.0f}));
    QB_COMPARE_NEAR(step.item<double>(), 1.3856406461);
    // Later batches do not re-initialise it.
    q->apply(torch::tensor({10.0f, -10.0f}));
    QB_COMPARE_NEAR(step.item<double>(), 1.3856406461);
    // The same tensor object throughout, so an optimizer made before the first batch trains it.
    QVERIFY(stepOf(*q).is_same(step));
}

void TestStatefulQuantizers::lsqKeepsRestoredStep()
{
    // A step already positive before the first batch (restored from a checkpoint) is kept.
    auto q = makeQuantizer(spec(QStringLiteral("lsq"), {{QStringLiteral("bits"), 3}}));
    setStep(*q, 0.25);
    const torch::Tensor y = q->apply(torch::tensor({-2.0f, 0.3f, 0.5f}));
    // v = {-8 -> -4, 1.2 -> 1, 2}: q = {-1, 0.25, 0.5}.
    QVERIFY(torch::allclose(y, torch::tensor({-1.0f, 0.25f, 0.5f})));
    QCOMPARE(stepOf(*q).item<double>(), 0.25);
}

void TestStatefulQuantizers::lsqStepTrains()
{
    // With the inputs fixed, training only the step on the quantization error must reduce it:
    // from a step far too large (most values round to 0) to a useful one.
    torch::manual_seed(11);
    const torch::Tensor x = torch::randn({4096});
    auto q = makeQuantizer(spec(QStringLiteral("lsq"), {{QStringLiteral("bits"), 4}}));
    setStep(*q, 4.0);
    torch::optim::Adam adam(q->parameters(), torch::optim::AdamOptions(0.05));
    double first = 0.0, last = 0.0;
    for (int i = 0; i < 300; ++i) {
        adam.zero_grad();
        const torch::Tensor loss = (q->apply(x) - x).pow(2).mean();
        loss.backward();
        adam.step();
        (i == 0 ? first : last) = loss.item<double>();
    }
    const double step = stepOf(*q).item<double>();
    // 4-bit signed grid (-8..7 steps) on N(0, 1): the error-minimising step is about 0.3-0.4.
    QVERIFY2(step > 0.15 && step < 0.8, qPrintable(QStringLiteral("step %1").arg(step)));
    QVERIFY2(last < 0.1 * first, qPrintable(QStringLiteral("loss %1 -> %2").arg(first).arg(last)));
}

void TestStatefulQuantizers::stochasticBinaryExpectation_data()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("mean");
    // P(+1) = hard_sigmoid(x) = clip((x + 1)/2, 0, 1), so E[q] = 2p - 1 = clip(x, -1, 1).
    const double points[][2]
        = {{-2, -1}, {-1, -1}, {-0.5, -0.5}, {0, 0}, {0.25, 0.25}, {0.5, 0.5}, {1, 1}, {2, 1}};
    for (const auto &p : points)
        QTest::addRow("x=%g", p[0]) << p[0] << p[1];
}

void TestStatefulQuantizers::stochasticBinaryExpectation()
{
    QFETCH(double, x);
    QFETCH(double, mean);
    torch::manual_seed(1234);
    auto q = makeQuantizer(spec(QStringLiteral("stochastic_binary")));
    const torch::Tensor y = q->apply(torch::full({100000}, x)); // training mode is the initial state
    QVERIFY((y.eq(1) | y.eq(-1)).all().item<bool>());
    // Each draw has variance 1 - mean^2 <= 1: the mean of 100k draws has a standard deviation of at
    // most 0.0032, and the bound 0.01 is three of them.
    const double drawn = y.mean().item<double>();
    QVERIFY2(std::abs(drawn - mean) < 0.01, qPrintable(QStringLiteral("mean %1").arg(drawn)));
    // At |x| >= 1 the probability is exactly 0 or 1: no draw goes the other way.
    if (std::abs(x) >= 1.0)
        QCOMPARE(drawn, mean);
}

void TestStatefulQuantizers::stochasticBinaryEvaluation()
{
    const torch::Tensor x = torch::tensor({-0.5f, -0.01f, 0.0f, 0.01f, 0.5f}).repeat({20000});
    const torch::Tensor sign = signWithZeroPositive(x);
    torch::manual_seed(99);
    // Evaluation: the deterministic sign (sign(0) = +1), every time.
    auto q = makeQuantizer(spec(QStringLiteral("stochastic_binary")));
    q->setTraining(false);
    QVERIFY(torch::equal(q->apply(x), sign));
    // Back in training it draws again.
    q->setTraining(true);
    QVERIFY(!torch::equal(q->apply(x), sign));
    // stochastic_eval = true: it draws at evaluation too, with the same expectation.
    auto drawing = makeQuantizer(
        spec(QStringLiteral("stochastic_binary"), {{QStringLiteral("stochastic_eval"), true}}));
    drawing->setTraining(false);
    const torch::Tensor y = drawing->apply(torch::full({100000}, 0.5f));
    QVERIFY(std::abs(y.mean().item<double>() - 0.5) < 0.01);
}

void TestStatefulQuantizers::stochasticBinaryGradient_data()
{
    QTest::addColumn<bool>("training");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("gradient");
    // Clipped STE: 1 on [-1, 1], 0 beyond, in training and at evaluation alike.
    const double points[][2] = {{-2, 0}, {-1, 1}, {-0.5, 1}, {0, 1}, {0.5, 1}, {1, 1}, {2, 0}};
    for (const bool training : {true, false}) {
        for (const auto &p : points)
            QTest::addRow("%s x=%g", training ? "training" : "evaluation", p[0]) << training << p[0] << p[1];
    }
}

void TestStatefulQuantizers::stochasticBinaryGradient()
{
    QFETCH(bool, training);
    QFETCH(double, x);
    QFETCH(double, gradient);
    auto q = makeQuantizer(spec(QStringLiteral("stochastic_binary")));
    q->setTraining(training);
    const qbtest::Point p = evaluate(*q, x);
    QVERIFY(p.forward == 1.0 || p.forward == -1.0);
    QCOMPARE(p.gradient, gradient);
}

void TestStatefulQuantizers::stochasticBinaryFollowsSeed()
{
    // The draws come from torch's global generator: the trainer's seed makes a run repeatable.
    auto q = makeQuantizer(spec(QStringLiteral("stochastic_binary")));
    const torch::Tensor x = torch::zeros({1000});
    torch::manual_seed(5);
    const torch::Tensor a = q->apply(x);
    torch::manual_seed(5);
    const torch::Tensor b = q->apply(x);
    const torch::Tensor c = q->apply(x);
    QVERIFY(torch::equal(a, b));
    QVERIFY(!torch::equal(b, c));
}

void TestStatefulQuantizers::catalog_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("problem"); // empty: accepted
    QTest::addColumn<int>("bits");

    QTest::newRow("lsq default") << "lsq" << QJsonObject() << QString() << 4;
    QTest::newRow("lsq 8 unsigned") << "lsq"
                                    << QJsonObject{{QStringLiteral("bits"), 8},
                                                   {QStringLiteral("signed"), false}}
                                    << QString() << 8;
    // One bit would leave a signed grid with Q_P = 0 (no positive level, g = 1/0).
    QTest::newRow("lsq 1 bit") << "lsq" << QJsonObject{{QStringLiteral("bits"), 1}}
                               << "'bits' = 1 is outside [2, 16]" << 1;
    QTest::newRow("lsq signed number")
        << "lsq" << QJsonObject{{QStringLiteral("signed"), 1}} << "'signed' must be true or false" << 4;
    QTest::newRow("stochastic_binary")
        << "stochastic_binary"
        << QJsonObject{{QStringLiteral("stochastic_eval"), true}, {QStringLiteral("clip"), 0.0}} << QString()
        << 1;
    QTest::newRow("stochastic_binary eval text")
        << "stochastic_binary" << QJsonObject{{QStringLiteral("stochastic_eval"), QStringLiteral("true")}}
        << "'stochastic_eval' must be true or false" << 1;
}

void TestStatefulQuantizers::catalog()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, params);
    QFETCH(QString, problem);
    QFETCH(int, bits);
    const QuantizerSpec s = spec(name, params);
    for (const QuantizerRole role : {InputRole, KernelRole}) {
        const QString found = QuantizerCatalog::check(s, role);
        if (problem.isEmpty())
            QVERIFY2(found.isEmpty(), qPrintable(found));
        else
            QVERIFY2(found.contains(problem), qPrintable(found));
    }
    QCOMPARE(QuantizerCatalog::bits(s), bits);
}

QTEST_GUILESS_MAIN(TestStatefulQuantizers)
#include "tst_statefulquantizers.moc"
