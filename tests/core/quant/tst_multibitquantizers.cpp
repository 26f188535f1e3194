// The fixed-grid multi-bit quantizers of multibitquantizers.cpp: dorefa, fixed_point and uniform.
// Hand-computed forward values and gradients (REFERENCE.md, "Quantizers"); "nearest" rounds halves
// to even (torch::round), so 0.5 -> 0, 1.5 -> 2, 2.5 -> 2. Also the regression test that every
// n-bit quantizer (LSQ included) passes a gradient to its input.
#include "core/quant/quantizertesting.h"

#include <QtTest>

using namespace qb;
using qbtest::evaluate;
using qbtest::spec;

class TestMultiBitQuantizers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void forwardAndGradient_data();
    void forwardAndGradient();
    void dorefaWeights();
    void dorefaWeightsAllZero();
    void stochasticRoundingIsUnbiased_data();
    void stochasticRoundingIsUnbiased();
    void nBitQuantizersPassGradients_data();
    void nBitQuantizersPassGradients();
    void catalog_data();
    void catalog();
};

namespace {

QJsonObject fixedPoint(int word, int frac, bool isSigned, const char *rounding, const char *overflow)
{
    return {{QStringLiteral("word_bits"), word},
            {QStringLiteral("frac_bits"), frac},
            {QStringLiteral("signed"), isSigned},
            {QStringLiteral("rounding"), QLatin1String(rounding)},
            {QStringLiteral("overflow"), QLatin1String(overflow)}};
}

} // namespace

void TestMultiBitQuantizers::forwardAndGradient_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("forward");
    QTest::addColumn<double>("gradient");

    // DoReFa activations, k = 2 (default): n = 3, levels {0, 1/3, 2/3, 1}; identity gradient on
    // [0, 1] (bounds included), 0 outside.
    //   0.25 -> 0.75 -> 1 -> 1/3;  0.5 -> 1.5 -> 2 (half to even) -> 2/3;  0.75 -> 2.25 -> 2 -> 2/3
    const QString dorefa = QStringLiteral("dorefa");
    const double dorefaPoints[][3] = {{-2, 0, 0},        {-0.5, 0, 0},       {0, 0, 1}, {0.25, 1.0 / 3, 1},
                                      {0.5, 2.0 / 3, 1}, {0.75, 2.0 / 3, 1}, {1, 1, 1}, {2, 1, 0}};
    for (const auto &p : dorefaPoints)
        QTest::addRow("dorefa k2 x=%g", p[0]) << dorefa << QJsonObject() << p[0] << p[1] << p[2];
    // k = 1: n = 1, 0.5 -> round(0.5) = 0 (half to even), 0.75 -> 1.
    const QJsonObject k1{{QStringLiteral("bits"), 1}};
    QTest::addRow("dorefa k1 x=0.5") << dorefa << k1 << 0.5 << 0.0 << 1.0;
    QTest::addRow("dorefa k1 x=0.75") << dorefa << k1 << 0.75 << 1.0 << 1.0;
    // k = 4: n = 15, 0.2 -> 3 -> 3/15 = 0.2, on a level.
    QTest::addRow("dorefa k4 x=0.2") << dorefa << QJsonObject{{QStringLiteral("bits"), 4}} << 0.2 << 3.0 / 15
                                     << 1.0;

    // Fixed point, word 4, fraction 1, signed: integers [-8, 7], values [-4, 3.5] in steps of 0.5.
    // Saturating: gradient 1 where -8 <= 2x <= 7, else 0.
    const QString fp = QStringLiteral("fixed_point");
    const QJsonObject nearestSat = fixedPoint(4, 1, true, "nearest", "saturate");
    //   1.25 -> 2.5 -> 2 -> 1;  1.75 -> 3.5 -> 4 -> 2;  -1.25 -> -2.5 -> -2 -> -1 (halves to even)
    //   3.5 -> 7 (max, inside);  3.75 -> 7.5 -> 8 -> 7 -> 3.5, gradient 0 (beyond 3.5)
    //   -4 -> -8 (min, inside);  -4.5 -> -9 -> -8 -> -4, gradient 0;  10 -> 20 -> 7 -> 3.5
    const double satPoints[][3] = {{1.25, 1, 1},   {1.75, 2, 1}, {-1.25, -1, 1}, {0, 0, 1},   {3.5, 3.5, 1},
                                   {3.75, 3.5, 0}, {-4, -4, 1},  {-4.5, -4, 0},  {10, 3.5, 0}};
    for (const auto &p : satPoints)
        QTest::addRow("fixed w4f1 nearest saturate x=%g", p[0]) << fp << nearestSat << p[0] << p[1] << p[2];
    // Wrapping (two's complement): r -> (r + 8) mod 16 - 8, gradient 1 everywhere.
    //   4 -> 8 -> -8 -> -4;  5 -> 10 -> -6 -> -3;  -4.5 -> -9 -> 7 -> 3.5;  10 -> 20 -> 4 -> 2
    const QJsonObject nearestWrap = fixedPoint(4, 1, true, "nearest", "wrap");
    const double wrapPoints[][3]
        = {{3.5, 3.5, 1}, {4, -4, 1}, {5, -3, 1}, {-4, -4, 1}, {-4.5, 3.5, 1}, {10, 2, 1}};
    for (const auto &p : wrapPoints)
        QTest::addRow("fixed w4f1 nearest wrap x=%g", p[0]) << fp << nearestWrap << p[0] << p[1] << p[2];
    // Floor: 1.75 -> 3.5 -> 3 -> 1.5;  -1.25 -> -2.5 -> -3 -> -1.5;  0.25 -> 0.5 -> 0
    const QJsonObject floorSat = fixedPoint(4, 1, true, "floor", "saturate");
    QTest::addRow("fixed w4f1 floor x=1.75") << fp << floorSat << 1.75 << 1.5 << 1.0;
    QTest::addRow("fixed w4f1 floor x=-1.25") << fp << floorSat << -1.25 << -1.5 << 1.0;
    QTest::addRow("fixed w4f1 floor x=0.25") << fp << floorSat << 0.25 << 0.0 << 1.0;
    // Unsigned, word 4, fraction 2: integers [0, 15], values [0, 3.75].
    //   saturate: -0.25 -> -1 -> 0 (gradient 0);  3.75 -> 15 (inside);  4 -> 16 -> 15 -> 3.75 (gradient 0)
    //   wrap:     -0.25 -> -1 mod 16 = 15 -> 3.75;  4 -> 16 mod 16 = 0 -> 0;  5 -> 20 mod 16 = 4 -> 1
    const QJsonObject unsignedSat = fixedPoint(4, 2, false, "nearest", "saturate");
    const QJsonObject unsignedWrap = fixedPoint(4, 2, false, "nearest", "wrap");
    QTest::addRow("fixed u4f2 saturate x=-0.25") << fp << unsignedSat << -0.25 << 0.0 << 0.0;
    QTest::addRow("fixed u4f2 saturate x=0") << fp << unsignedSat << 0.0 << 0.0 << 1.0;
    QTest::addRow("fixed u4f2 saturate x=3.75") << fp << unsignedSat << 3.75 << 3.75 << 1.0;
    QTest::addRow("fixed u4f2 saturate x=4") << fp << unsignedSat << 4.0 << 3.75 << 0.0;
    QTest::addRow("fixed u4f2 wrap x=-0.25") << fp << unsignedWrap << -0.25 << 3.75 << 1.0;
    QTest::addRow("fixed u4f2 wrap x=4") << fp << unsignedWrap << 4.0 << 0.0 << 1.0;
    QTest::addRow("fixed u4f2 wrap x=5") << fp << unsignedWrap << 5.0 << 1.0 << 1.0;
    // Defaults: word 8, fraction 4, signed, nearest, saturate: 0.3 -> 4.8 -> 5 -> 0.3125;
    // range [-8, 7.9375]: 7.9375 inside, 8 outside.
    QTest::addRow("fixed default x=0.3") << fp << QJsonObject() << 0.3 << 0.3125 << 1.0;
    QTest::addRow("fixed default x=7.9375") << fp << QJsonObject() << 7.9375 << 7.9375 << 1.0;
    QTest::addRow("fixed default x=8") << fp << QJsonObject() << 8.0 << 7.9375 << 0.0;
    QTest::addRow("fixed default x=-8") << fp << QJsonObject() << -8.0 << -8.0 << 1.0;

    // Uniform, k = 2 over [-1, 1]: s = 3/2, levels {-1, -1/3, 1/3, 1}; the STE passes the gradient
    // everywhere, outside the range too.
    //   -0.5 -> 0.75 -> 1 -> -1/3;  0 -> 1.5 -> 2 (half to even) -> 1/3;  0.5 -> 2.25 -> 2 -> 1/3
    const QString uniform = QStringLiteral("uniform");
    const QJsonObject u2{{QStringLiteral("bits"), 2}};
    const double uniformPoints[][3]
        = {{-2, -1, 1}, {-1, -1, 1}, {-0.5, -1.0 / 3, 1}, {0, 1.0 / 3, 1}, {0.5, 1.0 / 3, 1},
           {1, 1, 1},   {2, 1, 1}};
    for (const auto &p : uniformPoints)
        QTest::addRow("uniform k2 x=%g", p[0]) << uniform << u2 << p[0] << p[1] << p[2];
    // The defaults, 8 bits over [-1, 1] (the input-layer quantizer): s = 255/2 = 127.5;
    // 0 -> 127.5 -> 128 -> 128/127.5 - 1 = 0.0039216;  0.5 -> 191.25 -> 191 -> 0.4980392
    QTest::addRow("uniform default x=0") << uniform << QJsonObject() << 0.0 << 0.0039215686 << 1.0;
    QTest::addRow("uniform default x=0.5") << uniform << QJsonObject() << 0.5 << 0.4980392157 << 1.0;
    QTest::addRow("uniform default x=-1") << uniform << QJsonObject() << -1.0 << -1.0 << 1.0;
    // Over [0, 4] with 2 bits: s = 3/4, levels {0, 4/3, 8/3, 4}; 2 -> 1.5 -> 2 -> 8/3.
    const QJsonObject u04{
        {QStringLiteral("bits"), 2}, {QStringLiteral("min"), 0.0}, {QStringLiteral("max"), 4.0}};
    QTest::addRow("uniform [0,4] x=2") << uniform << u04 << 2.0 << 8.0 / 3 << 1.0;
    QTest::addRow("uniform [0,4] x=-1") << uniform << u04 << -1.0 << 0.0 << 1.0;
}

void TestMultiBitQuantizers::forwardAndGradient()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, params);
    QFETCH(double, x);
    QFETCH(double, forward);
    QFETCH(double, gradient);
    const qbtest::Point p = evaluate(spec(name, params), x);
    QB_COMPARE_NEAR(p.forward, forward);
    QCOMPARE(p.gradient, gradient);
}

void TestMultiBitQuantizers::dorefaWeights()
{
    // k = 2, W = {-2, -0.5, 0, 0.5, 1, 2}. tanh W = {-0.9640276, -0.4621172, 0, 0.4621172,
    // 0.7615942, 0.9640276}, max|tanh W| = 0.9640276; t = tanh W / max = {-1, -0.4793609, 0,
    // 0.4793609, 0.7900128, 1}; (t/2 + 1/2) * 3 = {0, 0.7809586, 1.5, 2.2190414, 2.6850192, 3},
    // rounded {0, 1, 2, 2, 3, 3} (1.5 -> 2, half to even), /3 * 2 - 1 = {-1, -1/3, 1/3, 1/3, 1, 1}.
    torch::Tensor w = torch::tensor({-2.0f, -0.5f, 0.0f, 0.5f, 1.0f, 2.0f}).requires_grad_(true);
    auto q = makeQuantizer(
        spec(QStringLiteral("dorefa"), {{QStringLiteral("mode"), QStringLiteral("weights")}}));
    const torch::Tensor y = q->apply(w);
    QVERIFY2(torch::allclose(y, torch::tensor({-1.0f, -1.0f / 3, 1.0f / 3, 1.0f / 3, 1.0f, 1.0f})),
             qPrintable(QString::fromStdString(torch::str(y))));
    // Gradient (1 - tanh^2 W) / max|tanh W|, the max held constant: {0.0706508, 0.7864477, 1,
    // 0.7864477, 0.4199743, 0.0706508} / 0.9640276 = {0.0732871, 0.8157938, 1.0373147, 0.8157938,
    // 0.4356456, 0.0732871}. Differentiating the max would change the gradient of the weight that
    // holds it.
    y.sum().backward();
    const torch::Tensor expected = torch::tensor(
        {0.0732871407f, 0.8157938105f, 1.0373147207f, 0.8157938105f, 0.4356455669f, 0.0732871407f});
    QVERIFY2(torch::allclose(w.grad(), expected, 1e-5, 1e-6),
             qPrintable(QString::fromStdString(torch::str(w.grad()))));
}

void TestMultiBitQuantizers::dorefaWeightsAllZero()
{
    // max|tanh W| = 0 must not divide by zero: t = 0 -> (0.5 * 3) -> 2 -> 1/3 for k = 2.
    torch::Tensor w = torch::zeros({3}, torch::requires_grad());
    auto q = makeQuantizer(
        spec(QStringLiteral("dorefa"), {{QStringLiteral("mode"), QStringLiteral("weights")}}));
    const torch::Tensor y = q->apply(w);
    QVERIFY(torch::allclose(y, torch::full({3}, 1.0f / 3)));
    y.sum().backward();
    QVERIFY(torch::isfinite(w.grad()).all().item<bool>());
}

void TestMultiBitQuantizers::stochasticRoundingIsUnbiased_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("low");  // the level below x
    QTest::addColumn<double>("high"); // the level above x
    // floor(v + u) rounds up with probability frac(v), so E[q] = x.
    // Fixed point w8 f2: 0.3 -> v = 1.2: 0.25 with p 0.8, 0.5 with p 0.2; E = 0.2 + 0.1 = 0.3.
    QTest::newRow("fixed_point 0.3") << "fixed_point" << fixedPoint(8, 2, true, "stochastic", "saturate")
                                     << 0.3 << 0.25 << 0.5;
    // -0.3 -> v = -1.2, frac(v) = v - floor(v) = 0.8: -1 (-0.25) with p 0.8, -2 (-0.5) with p 0.2;
    // E = -0.2 - 0.1 = -0.3.
    QTest::newRow("fixed_point -0.3")
        << "fixed_point" << fixedPoint(8, 2, true, "stochastic", "saturate") << -0.3 << -0.5 << -0.25;
    // Uniform k2 over [-1, 1]: 0 -> v = 1.5: -1/3 or 1/3 with p 0.5 each; 0.2 -> v = 1.8: 1/3 with p 0.8.
    const QJsonObject u2{{QStringLiteral("bits"), 2},
                         {QStringLiteral("rounding"), QStringLiteral("stochastic")}};
    QTest::newRow("uniform 0") << "uniform" << u2 << 0.0 << -1.0 / 3 << 1.0 / 3;
    QTest::newRow("uniform 0.2") << "uniform" << u2 << 0.2 << -1.0 / 3 << 1.0 / 3;
    // At the top of the range v = 3 exactly: floor(3 + u) = 3 always, no level beyond max.
    QTest::newRow("uniform max") << "uniform" << u2 << 1.0 << 1.0 << 1.0;
}

void TestMultiBitQuantizers::stochasticRoundingIsUnbiased()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, params);
    QFETCH(double, x);
    QFETCH(double, low);
    QFETCH(double, high);
    torch::manual_seed(20240601);
    auto q = makeQuantizer(spec(name, params));
    const torch::Tensor y = q->apply(torch::full({100000}, x));
    // Every draw is one of the two neighbouring levels...
    const torch::Tensor isLow = (y - low).abs() < 1e-6;
    const torch::Tensor isHigh = (y - high).abs() < 1e-6;
    QVERIFY((isLow | isHigh).all().item<bool>());
    // ...and the mean is x: the per-draw spread is at most the level gap (<= 2/3), so the mean of
    // 100k draws has a standard deviation <= 0.0011; 0.005 is over 4 of them.
    const double mean = y.mean().item<double>();
    QVERIFY2(std::abs(mean - x) < 0.005, qPrintable(QStringLiteral("mean %1, expected %2").arg(mean).arg(x)));
    // Stochastic rounding is the quantizer's definition: it applies at evaluation too.
    q->setTraining(false);
    const torch::Tensor z = q->apply(torch::full({100000}, x));
    QVERIFY(std::abs(z.mean().item<double>() - x) < 0.005);
    if (low != high)
        QVERIFY(!torch::equal(y, z));
}

void TestMultiBitQuantizers::nBitQuantizersPassGradients_data()
{
    // REFERENCE: a PyTorch project's n-bit quantizer returned no gradient, so its layers never
    // trained. Every n-bit quantizer here must pass a non-zero gradient to most of its inputs.
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("params");
    QTest::newRow("dorefa activations") << "dorefa" << QJsonObject{{QStringLiteral("bits"), 4}};
    QTest::newRow("dorefa weights") << "dorefa"
                                    << QJsonObject{{QStringLiteral("bits"), 4},
                                                   {QStringLiteral("mode"), QStringLiteral("weights")}};
    QTest::newRow("dorefa 32 bits") << "dorefa" << QJsonObject{{QStringLiteral("bits"), 32}};
    QTest::newRow("uniform") << "uniform" << QJsonObject();
    QTest::newRow("uniform stochastic")
        << "uniform" << QJsonObject{{QStringLiteral("rounding"), QStringLiteral("stochastic")}};
    for (const char *rounding : {"nearest", "floor", "stochastic"}) {
        for (const char *overflow : {"saturate", "wrap"}) {
            QTest::addRow("fixed_point %s %s", rounding, overflow)
                << "fixed_point" << fixedPoint(8, 4, true, rounding, overflow);
        }
    }
    QTest::newRow("fixed_point unsigned") << "fixed_point" << fixedPoint(8, 6, false, "nearest", "saturate");
    QTest::newRow("lsq signed") << "lsq" << QJsonObject();
    QTest::newRow("lsq unsigned") << "lsq" << QJsonObject{{QStringLiteral("signed"), false}};
}

void TestMultiBitQuantizers::nBitQuantizersPassGradients()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, params);
    torch::manual_seed(7);
    // Inputs in [0, 1) so that the unsigned and [0, 1]-clipping quantizers see their range too.
    torch::Tensor x = torch::rand({1000}).requires_grad_(true);
    auto q = makeQuantizer(spec(name, params));
    const torch::Tensor y = q->apply(x);
    QVERIFY(y.requires_grad());
    (y * torch::randn({1000})).sum().backward();
    QVERIFY(x.grad().defined());
    QVERIFY(torch::isfinite(x.grad()).all().item<bool>());
    const double passing = x.grad().ne(0).to(torch::kFloat).mean().item<double>();
    QVERIFY2(passing > 0.9, qPrintable(QStringLiteral("gradient passed for %1 of the inputs").arg(passing)));
    // And a loss through the quantizer decreases when the input follows its gradient. (A summed
    // loss, so that each element's step does not shrink with the element count.)
    const torch::Tensor target = torch::full({1000}, 0.5f);
    torch::Tensor latent = torch::rand({1000}).mul_(0.2f).requires_grad_(true);
    torch::optim::SGD sgd({latent}, torch::optim::SGDOptions(0.05));
    double first = 0.0, last = 0.0;
    for (int step = 0; step < 200; ++step) {
        sgd.zero_grad();
        const torch::Tensor loss = (q->apply(latent) - target).pow(2).sum();
        loss.backward();
        sgd.step();
        (step == 0 ? first : last) = loss.item<double>();
    }
    QVERIFY2(last < 0.5 * first, qPrintable(QStringLiteral("loss %1 -> %2").arg(first).arg(last)));
}

void TestMultiBitQuantizers::catalog_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("problem"); // empty: accepted
    QTest::addColumn<int>("bits");

    QTest::newRow("dorefa default") << "dorefa" << QJsonObject() << QString() << 2;
    QTest::newRow("dorefa 4") << "dorefa" << QJsonObject{{QStringLiteral("bits"), 4}} << QString() << 4;
    QTest::newRow("dorefa 0 bits") << "dorefa" << QJsonObject{{QStringLiteral("bits"), 0}}
                                   << "'bits' = 0 is outside [1, 32]" << 0;
    QTest::newRow("dorefa 33 bits") << "dorefa" << QJsonObject{{QStringLiteral("bits"), 33}}
                                    << "'bits' = 33 is outside [1, 32]" << 33;
    QTest::newRow("dorefa 2.5 bits") << "dorefa" << QJsonObject{{QStringLiteral("bits"), 2.5}}
                                     << "'bits' must be an integer" << 2;
    QTest::newRow("dorefa mode") << "dorefa" << QJsonObject{{QStringLiteral("mode"), QStringLiteral("both")}}
                                 << "'mode' must be one of activations, weights" << 2;
    QTest::newRow("fixed_point default") << "fixed_point" << QJsonObject() << QString() << 8;
    QTest::newRow("fixed_point 16") << "fixed_point" << fixedPoint(16, 8, false, "floor", "wrap") << QString()
                                    << 16;
    QTest::newRow("fixed_point rounding") << "fixed_point" << fixedPoint(8, 4, true, "up", "wrap")
                                          << "'rounding' must be one of nearest, floor, stochastic" << 8;
    QTest::newRow("fixed_point overflow") << "fixed_point" << fixedPoint(8, 4, true, "floor", "clamp")
                                          << "'overflow' must be one of saturate, wrap" << 8;
    QTest::newRow("fixed_point signed text")
        << "fixed_point" << QJsonObject{{QStringLiteral("signed"), QStringLiteral("yes")}}
        << "'signed' must be true or false" << 8;
    QTest::newRow("fixed_point negative fraction")
        << "fixed_point" << QJsonObject{{QStringLiteral("frac_bits"), -1}} << "'frac_bits' = -1 is outside"
        << 8;
    QTest::newRow("uniform default") << "uniform" << QJsonObject() << QString() << 8;
    QTest::newRow("uniform 3") << "uniform"
                               << QJsonObject{{QStringLiteral("bits"), 3},
                                              {QStringLiteral("min"), 0.0},
                                              {QStringLiteral("max"), 6.0}}
                               << QString() << 3;
    QTest::newRow("uniform empty range")
        << "uniform" << QJsonObject{{QStringLiteral("min"), 0.5}, {QStringLiteral("max"), 0.5}}
        << "'min' = 0.5 must be below 'max' = 0.5" << 8;
    // max defaults to 1: min 2 alone is already above it.
    QTest::newRow("uniform min above default max")
        << "uniform" << QJsonObject{{QStringLiteral("min"), 2.0}} << "'min' = 2 must be below 'max' = 1" << 8;
    QTest::newRow("uniform rounding")
        << "uniform" << QJsonObject{{QStringLiteral("rounding"), QStringLiteral("nearest")}}
        << "'rounding' must be one of deterministic, stochastic" << 8;
}

void TestMultiBitQuantizers::catalog()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, params);
    QFETCH(QString, problem);
    QFETCH(int, bits);
    const QuantizerSpec s = spec(name, params);
    // The multi-bit quantizers serve as input and as kernel quantizers alike.
    for (const QuantizerRole role : {InputRole, KernelRole}) {
        const QString found = QuantizerCatalog::check(s, role);
        if (problem.isEmpty())
            QVERIFY2(found.isEmpty(), qPrintable(found));
        else
            QVERIFY2(found.contains(problem), qPrintable(found));
    }
    QCOMPARE(QuantizerCatalog::bits(s), bits);
}

QTEST_GUILESS_MAIN(TestMultiBitQuantizers)
#include "tst_multibitquantizers.moc"
