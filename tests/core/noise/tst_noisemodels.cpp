// The torch nonideality models of core/noise (REFERENCE.md, "Hardware nonidealities"): the statistics
// of every stochastic model under a fixed seed, saturation and ADC at hand-computed points with their
// gradients, stuck-at faults, per-chip patterns, and the notebook's bug: apply() never writes into
// its argument.
#include "noise/noisecatalog.h"
#include "noise/noisemodel_p.h"

#include <QtTest>

#include <cmath>
#include <optional>

using namespace qb;

namespace {

NoiseSpec spec(const QString &model, const QJsonObject &params = {})
{
    NoiseSpec s;
    s.model = model;
    s.params = params;
    return s;
}

std::unique_ptr<NoiseModel> make(const QString &model, const QJsonObject &params = {}, std::uint64_t salt = 0)
{
    const NoiseSpec s = spec(model, params);
    const QString problem = NoiseCatalog::check(s);
    if (!problem.isEmpty())
        qFatal("invalid spec in the test: %s", qPrintable(problem));
    return makeNoiseModel(s, salt);
}

constexpr std::int64_t kSamples = 1000000;

double meanOf(const torch::Tensor &t) { return t.to(torch::kDouble).mean().item<double>(); }

double stdOf(const torch::Tensor &t) { return t.to(torch::kDouble).std().item<double>(); }

QByteArray describe(const char *what, double actual, double expected)
{
    return QStringLiteral("%1: actual %2, expected %3")
        .arg(QLatin1String(what))
        .arg(actual, 0, 'g', 9)
        .arg(expected, 0, 'g', 9)
        .toUtf8();
}

/// |actual - expected| <= tolerance * |expected|, printing both when not.
#define QB_VERIFY_RELATIVE(what, actual, expected, tolerance)                                                \
    do {                                                                                                     \
        const double qbA_ = (actual);                                                                        \
        const double qbE_ = (expected);                                                                      \
        QVERIFY2(                                                                                            \
            std::abs(qbA_ - qbE_) <= (tolerance)*std::abs(qbE_), describe(what, qbA_, qbE_).constData());    \
    } while (false)

#define QB_VERIFY_ABSOLUTE(what, actual, expected, tolerance)                                                \
    do {                                                                                                     \
        const double qbA_ = (actual);                                                                        \
        const double qbE_ = (expected);                                                                      \
        QVERIFY2(std::abs(qbA_ - qbE_) <= (tolerance), describe(what, qbA_, qbE_).constData());              \
    } while (false)

/// Forward value and input gradient of a model at one point (incoming gradient 3, divided out, so a
/// backward that replaces the gradient instead of scaling it shows).
std::pair<double, double> evaluate(NoiseModel &model, double x, torch::ScalarType dtype = torch::kFloat)
{
    torch::Tensor input = torch::full({1}, x, torch::TensorOptions().dtype(dtype).requires_grad(true));
    torch::Tensor out = model.apply(input, std::nullopt);
    (out * 3.0).sum().backward();
    const torch::Tensor grad = input.grad();
    return {out.item<double>(), grad.defined() ? grad.item<double>() / 3.0 : std::nan("")};
}

std::optional<std::uint64_t> chipOf(int chip)
{
    return chip < 0 ? std::nullopt : std::optional<std::uint64_t>(std::uint64_t(chip));
}

} // namespace

class TestNoiseModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { torch::manual_seed(20240607); }

    void targets_data();
    void targets();
    void unknownModelThrows();
    void additiveStatistics_data();
    void additiveStatistics();
    void additiveGradientIsOne_data();
    void additiveGradientIsOne();
    void multiplicativeStatistics_data();
    void multiplicativeStatistics();
    void processVariationStatistics_data();
    void processVariationStatistics();
    void driftStatistics_data();
    void driftStatistics();
    void driftAtReferenceTimeIsIdentity();
    void stuckAt_data();
    void stuckAt();
    void saturationPoints_data();
    void saturationPoints();
    void saturationBounds_data();
    void saturationBounds();
    void adcPoints_data();
    void adcPoints();
    void adcLevels_data();
    void adcLevels();
    void perChipPatterns_data();
    void perChipPatterns();
    void perChipLeavesGlobalGeneratorAlone();
    void mixSeedMixes();
    void neverInPlace_data();
    void neverInPlace();
};

void TestNoiseModels::targets_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<int>("target");
    QTest::addColumn<bool>("perChip");
    const int latent = int(NoiseTarget::LatentWeights);
    const int weights = int(NoiseTarget::Weights);
    const int outputs = int(NoiseTarget::Outputs);
    QTest::newRow("weight_noise") << "weight_noise" << QJsonObject() << weights << false;
    QTest::newRow("weight_noise effective")
        << "weight_noise" << QJsonObject{{"on", "effective"}} << weights << false;
    QTest::newRow("weight_noise latent")
        << "weight_noise" << QJsonObject{{"on", "latent"}} << latent << false;
    QTest::newRow("weight_noise_mult") << "weight_noise_mult" << QJsonObject() << weights << false;
    QTest::newRow("process_variation") << "process_variation" << QJsonObject() << weights << true;
    QTest::newRow("process_variation latent")
        << "process_variation" << QJsonObject{{"on", "latent"}} << latent << true;
    QTest::newRow("stuck_at") << "stuck_at" << QJsonObject() << weights << true;
    QTest::newRow("drift") << "drift" << QJsonObject() << weights << true;
    QTest::newRow("output_noise") << "output_noise" << QJsonObject() << outputs << false;
    QTest::newRow("saturation") << "saturation" << QJsonObject() << outputs << false;
    QTest::newRow("adc") << "adc" << QJsonObject() << outputs << false;
}

void TestNoiseModels::targets()
{
    QFETCH(QString, model);
    QFETCH(QJsonObject, params);
    QFETCH(int, target);
    QFETCH(bool, perChip);
    QCOMPARE(int(make(model, params)->target()), target);
    QVERIFY(NoiseCatalog::find(model));
    QCOMPARE(NoiseCatalog::find(model)->perChip, perChip);
}

void TestNoiseModels::unknownModelThrows()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeNoiseModel(spec(QStringLiteral("gaussian_blur")), 0));
    // Every catalogued model has an implementation.
    for (const NoiseInfo &info : NoiseCatalog::all())
        QVERIFY2(makeNoiseModel(spec(info.name), 0) != nullptr, qPrintable(info.name));
}

void TestNoiseModels::additiveStatistics_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<double>("value"); ///< every input element is this value (so max|x| = |value|)
    QTest::addColumn<double>("expectedStd");
    // Absolute: the level of the input does not matter.
    QTest::newRow("weight_noise absolute")
        << "weight_noise" << QJsonObject{{"sigma", 0.05}, {"relative", false}} << 3.0 << 0.05;
    // Relative (the default): sigma * max|W| = 0.02 * 3.
    QTest::newRow("weight_noise relative") << "weight_noise" << QJsonObject{{"sigma", 0.02}} << -3.0 << 0.06;
    QTest::newRow("weight_noise latent relative")
        << "weight_noise" << QJsonObject{{"sigma", 0.02}, {"on", "latent"}} << 0.5 << 0.01;
    QTest::newRow("weight_noise default") << "weight_noise" << QJsonObject() << 1.0 << 0.01;
    // Output noise is absolute by default.
    QTest::newRow("output_noise default") << "output_noise" << QJsonObject() << 4.0 << 0.01;
    QTest::newRow("output_noise relative")
        << "output_noise" << QJsonObject{{"sigma", 0.1}, {"relative", true}} << 2.0 << 0.2;
    QTest::newRow("output_noise absolute large")
        << "output_noise" << QJsonObject{{"sigma", 1.5}, {"relative", false}} << 0.25 << 1.5;
}

void TestNoiseModels::additiveStatistics()
{
    QFETCH(QString, model);
    QFETCH(QJsonObject, params);
    QFETCH(double, value);
    QFETCH(double, expectedStd);
    const torch::Tensor x = torch::full({1000, 1000}, value);
    const torch::Tensor d = make(model, params)->apply(x, std::nullopt) - x;
    QCOMPARE(d.numel(), kSamples);
    // Standard error of the mean: std / 1000; of the std: std / 1414.
    QB_VERIFY_ABSOLUTE("mean", meanOf(d), 0.0, 0.005 * expectedStd);
    QB_VERIFY_RELATIVE("std", stdOf(d), expectedStd, 0.01);
}

void TestNoiseModels::additiveGradientIsOne_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QJsonObject>("params");
    QTest::newRow("weight_noise relative") << "weight_noise" << QJsonObject{{"sigma", 0.5}};
    QTest::newRow("weight_noise absolute")
        << "weight_noise" << QJsonObject{{"sigma", 0.5}, {"relative", false}};
    QTest::newRow("output_noise absolute") << "output_noise" << QJsonObject{{"sigma", 0.5}};
    QTest::newRow("output_noise relative")
        << "output_noise" << QJsonObject{{"sigma", 0.5}, {"relative", true}};
}

void TestNoiseModels::additiveGradientIsOne()
{
    QFETCH(QString, model);
    QFETCH(QJsonObject, params);
    // dL/dx = 1 everywhere, exactly: the relative scale max|x| is detached (were it not, the
    // largest element would get sum(noise)/sigma on top).
    torch::Tensor x = (torch::randn({64, 32}) * 2.0).requires_grad_(true);
    make(model, params)->apply(x, std::nullopt).sum().backward();
    QVERIFY(torch::equal(x.grad(), torch::ones_like(x)));
}

void TestNoiseModels::multiplicativeStatistics_data()
{
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<bool>("lognormal");
    QTest::addColumn<double>("sigma");
    QTest::newRow("normal default") << QJsonObject() << false << 0.01;
    QTest::newRow("normal") << QJsonObject{{"sigma", 0.05}, {"distribution", "normal"}} << false << 0.05;
    QTest::newRow("lognormal") << QJsonObject{{"sigma", 0.3}, {"distribution", "lognormal"}} << true << 0.3;
}

void TestNoiseModels::multiplicativeStatistics()
{
    QFETCH(QJsonObject, params);
    QFETCH(bool, lognormal);
    QFETCH(double, sigma);
    // Inputs of both signs and several magnitudes: the factor y/x does not depend on them.
    const torch::Tensor x = (torch::rand({kSamples}, torch::kDouble) + 0.5)
        * (torch::randint(0, 2, {kSamples}, torch::kDouble) * 2 - 1);
    torch::Tensor xg = x.clone().requires_grad_(true);
    const torch::Tensor y = make(QStringLiteral("weight_noise_mult"), params)->apply(xg, std::nullopt);
    const torch::Tensor factor = y.detach() / x;
    if (lognormal) {
        QVERIFY(factor.min().item<double>() > 0.0);
        const torch::Tensor z = factor.log();
        QB_VERIFY_ABSOLUTE("mean of log", meanOf(z), 0.0, 0.005 * sigma);
        QB_VERIFY_RELATIVE("std of log", stdOf(z), sigma, 0.01);
    } else {
        QB_VERIFY_ABSOLUTE("mean", meanOf(factor), 1.0, 0.005 * sigma);
        QB_VERIFY_RELATIVE("std", stdOf(factor), sigma, 0.01);
    }
    // The gradient is the factor.
    y.sum().backward();
    QVERIFY(torch::allclose(xg.grad(), factor, 1e-12, 1e-12));
}

void TestNoiseModels::processVariationStatistics_data()
{
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<int>("chip"); ///< -1: none (training)
    QTest::newRow("defaults chip 3") << 0.002 << 0.01 << 3;
    QTest::newRow("uniform only chip 0") << 0.1 << 0.0 << 0;
    QTest::newRow("uniform only, no chip") << 0.1 << 0.0 << -1;
    QTest::newRow("gaussian only chip 9") << 0.0 << 0.05 << 9;
    QTest::newRow("both, no chip") << 0.2 << 0.03 << -1;
}

void TestNoiseModels::processVariationStatistics()
{
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(int, chip);
    // On a constant W = 0.5: y - W = W*u + n, mean 0, variance W^2 a^2 / 3 + b^2.
    const double w = 0.5;
    const torch::Tensor x = torch::full({1000, 1000}, w, torch::kDouble);
    const torch::Tensor y = make(QStringLiteral("process_variation"),
        QJsonObject{{"uniform", a},
            {"gaussian", b}})->apply(x, chipOf(chip));
    const torch::Tensor d = y - x;
    const double expectedStd = std::sqrt(w * w * a * a / 3.0 + b * b);
    QB_VERIFY_ABSOLUTE("mean", meanOf(d), 0.0, 0.005 * expectedStd);
    QB_VERIFY_RELATIVE("std", stdOf(d), expectedStd, 0.01);
    if (b == 0.0) {
        // The relative deviation is uniform on [-a, a] (drawn in float32, hence the slack).
        const torch::Tensor u = y / w - 1.0;
        QVERIFY(u.min().item<double>() >= -a - 1e-6);
        QVERIFY(u.max().item<double>() <= a + 1e-6);
        QVERIFY(u.min().item<double>() < -0.99 * a);
        QVERIFY(u.max().item<double>() > 0.99 * a);
    }
}

void TestNoiseModels::driftStatistics_data()
{
    QTest::addColumn<double>("t");
    QTest::addColumn<double>("t0");
    QTest::addColumn<double>("nuMean");
    QTest::addColumn<double>("nuStd");
    QTest::addColumn<int>("chip");
    QTest::newRow("one day, chip 1") << 86400.0 << 1.0 << 0.05 << 0.01 << 1;
    QTest::newRow("100 s, no chip") << 100.0 << 1.0 << 0.05 << 0.01 << -1;
    QTest::newRow("a year after 20 s, chip 4") << 3.15e7 << 20.0 << 0.1 << 0.02 << 4;
    QTest::newRow("no spread") << 1000.0 << 1.0 << 0.06 << 0.0 << 2;
}

void TestNoiseModels::driftStatistics()
{
    QFETCH(double, t);
    QFETCH(double, t0);
    QFETCH(double, nuMean);
    QFETCH(double, nuStd);
    QFETCH(int, chip);
    const QJsonObject params{{"t", t}, {"t0", t0}, {"nu_mean", nuMean}, {"nu_std", nuStd}};
    const torch::Tensor x = torch::full({1000, 1000}, -2.0, torch::kDouble);
    const torch::Tensor factor = make(QStringLiteral("drift"), params)->apply(x, chipOf(chip)) / x;
    // nu = -ln(factor) / ln(t/t0) ~ N(nu_mean, nu_std^2)
    const double logRatio = std::log(t / t0);
    const torch::Tensor nu = factor.log() / -logRatio;
    QB_VERIFY_RELATIVE("mean nu", meanOf(nu), nuMean, 0.01);
    if (nuStd > 0.0)
        QB_VERIFY_RELATIVE("std nu", stdOf(nu), nuStd, 0.02);
    else
        QB_VERIFY_ABSOLUTE("std nu", stdOf(nu), 0.0, 1e-6);
    // The mean factor: (t/t0)^-nu_mean times the lognormal correction exp((nu_std ln(t/t0))^2 / 2).
    const double spread = nuStd * logRatio;
    QB_VERIFY_RELATIVE(
        "mean factor", meanOf(factor), std::pow(t / t0, -nuMean) * std::exp(spread * spread / 2), 0.01);
}

void TestNoiseModels::driftAtReferenceTimeIsIdentity()
{
    const torch::Tensor x = torch::randn({32, 16});
    const auto model = make(QStringLiteral("drift"), QJsonObject{{"t", 5.0}, {"t0", 5.0}, {"nu_std", 0.5}});
    QVERIFY(torch::equal(model->apply(x, 7), x));
    QVERIFY(torch::equal(model->apply(x, std::nullopt), x));
}

void TestNoiseModels::stuckAt_data()
{
    QTest::addColumn<double>("p");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("chip");
    QTest::newRow("default p, random, chip 1") << 0.01 << "random" << 1;
    QTest::newRow("p 0") << 0.0 << "random" << 1;
    QTest::newRow("p 1 max") << 1.0 << "max" << 2;
    QTest::newRow("p 0.1 max") << 0.1 << "max" << 3;
    QTest::newRow("p 0.1 min no chip") << 0.1 << "min" << -1;
    QTest::newRow("p 0.333 zero") << 0.333 << "zero" << 4;
    QTest::newRow("p 0.5 random") << 0.5 << "random" << 5;
    QTest::newRow("p 0.5 random no chip") << 0.5 << "random" << -1;
    QTest::newRow("p 0.0001 rounds to 0") << 0.0001 << "max" << 6; // 0.4608 -> 0
    QTest::newRow("p 0.00015 rounds to 1") << 0.00015 << "min" << 6; // 0.6912 -> 1
}

void TestNoiseModels::stuckAt()
{
    QFETCH(double, p);
    QFETCH(QString, value);
    QFETCH(int, chip);
    // No weight is 0 or +-w_max except the largest one, which is an exact +3.
    torch::Tensor x = torch::rand({32, 16, 3, 3}) * 2.0 + 0.5;
    x = x * (torch::randint(0, 2, x.sizes()) * 2 - 1);
    x.view(-1)[100] = 3.0;
    const torch::Tensor original = x.clone();
    x.requires_grad_(true);
    const double wMax = 3.0;
    const std::int64_t n = x.numel();
    QCOMPARE(n, std::int64_t(4608));

    const auto model = make(QStringLiteral("stuck_at"), QJsonObject{{"p", p}, {"value", value}});
    const torch::Tensor y = model->apply(x, chipOf(chip));
    y.sum().backward();
    // The stuck weights are exactly those with gradient 0; all others have gradient exactly 1 and
    // keep their value.
    const torch::Tensor grad = x.grad();
    const torch::Tensor stuck = grad.eq(0);
    QVERIFY(torch::equal(
        grad.masked_select(stuck.logical_not()), torch::ones({n - stuck.sum().item<std::int64_t>()})));
    const std::int64_t expectedStuck = std::llround(p * double(n));
    QCOMPARE(stuck.sum().item<std::int64_t>(), expectedStuck);
    QVERIFY(torch::equal(
        y.detach().masked_select(stuck.logical_not()), original.masked_select(stuck.logical_not())));

    const torch::Tensor stuckValues = y.detach().masked_select(stuck);
    const std::int64_t atMax = stuckValues.eq(wMax).sum().item<std::int64_t>();
    const std::int64_t atMin = stuckValues.eq(-wMax).sum().item<std::int64_t>();
    const std::int64_t atZero = stuckValues.eq(0).sum().item<std::int64_t>();
    QCOMPARE(atMax + atMin + atZero, expectedStuck);
    if (value == QLatin1String("max"))
        QCOMPARE(atMax, expectedStuck);
    else if (value == QLatin1String("min"))
        QCOMPARE(atMin, expectedStuck);
    else if (value == QLatin1String("zero"))
        QCOMPARE(atZero, expectedStuck);
    else if (expectedStuck >= 2000) {
        // uniformly one of the three: standard error of each share ~ 0.01
        for (std::int64_t count : {atMax, atMin, atZero})
            QB_VERIFY_ABSOLUTE("share", double(count) / double(expectedStuck), 1.0 / 3.0, 0.05);
    }
}

void TestNoiseModels::saturationPoints_data()
{
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("forward");
    QTest::addColumn<double>("gradient");
    // Hard [-1, 1] (the defaults): identity with gradient 1 on the closed interval, bounds with
    // gradient 0 outside.
    const double hard[][3] = {{-2, -1, 0}, {-1.0001, -1, 0}, {-1, -1, 1}, {-0.5, -0.5, 1}, {0, 0, 1},
        {0.7, 0.7, 1}, {1, 1, 1}, {1.0001, 1, 0}, {3, 1, 0}};
    for (const auto &p : hard)
        QTest::addRow("hard [-1,1] x=%g", p[0]) << QJsonObject() << p[0] << p[1] << p[2];
    // The 8-bit multiplier: [0, 255].
    const QJsonObject byte{{"lo", 0}, {"hi", 255}};
    const double bytePoints[][3] = {{-3, 0, 0}, {0, 0, 1}, {100.25, 100.25, 1}, {255, 255, 1}, {300, 255, 0}};
    for (const auto &p : bytePoints)
        QTest::addRow("hard [0,255] x=%g", p[0]) << byte << p[0] << p[1] << p[2];
    // Soft hi*tanh(y/hi), gradient 1 - tanh^2(y/hi):
    //   tanh(0.5) = 0.4621171573, 1 - 0.2135522591 = 0.7864477409
    //   tanh(2)   = 0.9640275801, 1 - 0.9293491751 = 0.0706508249
    const QJsonObject soft1{{"soft", true}};
    QTest::newRow("soft hi=1 x=0") << soft1 << 0.0 << 0.0 << 1.0;
    QTest::newRow("soft hi=1 x=0.5") << soft1 << 0.5 << 0.4621171573 << 0.7864477409;
    QTest::newRow("soft hi=1 x=-2") << soft1 << -2.0 << -0.9640275801 << 0.0706508249;
    const QJsonObject soft2{{"soft", true}, {"lo", -2}, {"hi", 2}};
    QTest::newRow("soft hi=2 x=1") << soft2 << 1.0 << 0.9242343146 << 0.7864477409;
    QTest::newRow("soft hi=2 x=4") << soft2 << 4.0 << 1.9280551602 << 0.0706508249;
    QTest::newRow("soft hi=2 x=-1") << soft2 << -1.0 << -0.9242343146 << 0.7864477409;
}

void TestNoiseModels::saturationPoints()
{
    QFETCH(QJsonObject, params);
    QFETCH(double, x);
    QFETCH(double, forward);
    QFETCH(double, gradient);
    const auto model = make(QStringLiteral("saturation"), params);
    const auto [f, g] = evaluate(*model, x);
    QB_VERIFY_ABSOLUTE("forward", f, forward, 1e-6 * std::max(1.0, std::abs(forward)));
    QB_VERIFY_ABSOLUTE("gradient", g, gradient, 1e-6);
}

void TestNoiseModels::saturationBounds_data()
{
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::newRow("[-1, 1]") << -1.0 << 1.0;
    QTest::newRow("[0, 255]") << 0.0 << 255.0;
    QTest::newRow("[-0.3, 2.5]") << -0.3 << 2.5;
}

void TestNoiseModels::saturationBounds()
{
    QFETCH(double, lo);
    QFETCH(double, hi);
    const torch::Tensor x = (torch::randn({200000}) * (hi - lo) + (lo + hi) / 2).to(torch::kFloat);
    const auto hard = make(QStringLiteral("saturation"), QJsonObject{{"lo", lo}, {"hi", hi}});
    const torch::Tensor y = hard->apply(x, std::nullopt);
    const float loF = float(lo), hiF = float(hi);
    QVERIFY(y.min().item<float>() == loF);
    QVERIFY(y.max().item<float>() == hiF);
    const torch::Tensor inside = x.ge(loF).logical_and(x.le(hiF));
    QVERIFY(torch::equal(y.masked_select(inside), x.masked_select(inside)));
    QVERIFY(y.masked_select(x.lt(loF)).eq(loF).all().item<bool>());
    QVERIFY(y.masked_select(x.gt(hiF)).eq(hiF).all().item<bool>());
    if (lo == -hi) {
        const auto soft
            = make(QStringLiteral("saturation"), QJsonObject{{"lo", lo}, {"hi", hi}, {"soft", true}});
        const torch::Tensor s = soft->apply(x, std::nullopt);
        QVERIFY(s.abs().max().item<float>() <= hiF);
        QVERIFY(torch::allclose(s, torch::tanh(x / hi) * hi));
    }
}

void TestNoiseModels::adcPoints_data()
{
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("forward");
    QTest::addColumn<double>("gradient");
    // 2 bits over [-1, 1]: levels -1, -1/3, 1/3, 1 (step 2/3).
    const QJsonObject two{{"bits", 2}};
    const double third = 1.0 / 3.0;
    const double twoBits[][3] = {{-2, -1, 0}, {-1, -1, 1}, {-0.9, -1, 1}, {-0.5, -third, 1},
        {-0.1, -third, 1}, {0.1, third, 1}, {0.65, third, 1}, {0.7, 1, 1}, {1, 1, 1}, {1.2, 1, 0}};
    for (const auto &p : twoBits)
        QTest::addRow("2 bits x=%g", p[0]) << two << p[0] << p[1] << p[2];
    // 8 bits over [0, 255]: step 1.
    const QJsonObject byte{{"bits", 8}, {"lo", 0}, {"hi", 255}};
    const double bytePoints[][3] = {{-1, 0, 0}, {0, 0, 1}, {3.4, 3, 1}, {3.6, 4, 1}, {254.6, 255, 1},
        {255, 255, 1}, {255.4, 255, 0}, {1000, 255, 0}};
    for (const auto &p : bytePoints)
        QTest::addRow("8 bits [0,255] x=%g", p[0]) << byte << p[0] << p[1] << p[2];
    // 3 bits over [-1, 1]: step 2/7. x = 0.3: 1.3 * 3.5 = 4.55 -> 5 -> -1 + 10/7 = 3/7;
    // x = 0.5: 5.25 -> 5 -> 3/7; x = -0.9: 0.35 -> 0 -> -1; x = 0.9: 6.65 -> 7 -> 1.
    const QJsonObject three{{"bits", 3}};
    QTest::newRow("3 bits x=0.3") << three << 0.3 << 3.0 / 7.0 << 1.0;
    QTest::newRow("3 bits x=0.5") << three << 0.5 << 3.0 / 7.0 << 1.0;
    QTest::newRow("3 bits x=-0.9") << three << -0.9 << -1.0 << 1.0;
    QTest::newRow("3 bits x=0.9") << three << 0.9 << 1.0 << 1.0;
    // 1 bit over [0, 2]: levels 0 and 2.
    const QJsonObject one{{"bits", 1}, {"lo", 0}, {"hi", 2}};
    QTest::newRow("1 bit x=0.9") << one << 0.9 << 0.0 << 1.0;
    QTest::newRow("1 bit x=1.1") << one << 1.1 << 2.0 << 1.0;
    QTest::newRow("1 bit x=2.5") << one << 2.5 << 2.0 << 0.0;
    // Defaults: 8 bits over [-1, 1], step 2/255: x = 0.5 -> 1.5 * 127.5 = 191.25 -> 191 -> 127/255.
    QTest::newRow("default x=0.5") << QJsonObject() << 0.5 << 127.0 / 255.0 << 1.0;
}

void TestNoiseModels::adcPoints()
{
    QFETCH(QJsonObject, params);
    QFETCH(double, x);
    QFETCH(double, forward);
    QFETCH(double, gradient);
    const auto model = make(QStringLiteral("adc"), params);
    const auto [f, g] = evaluate(*model, x);
    QB_VERIFY_ABSOLUTE("forward", f, forward, 1e-6 * std::max(1.0, std::abs(forward)));
    QCOMPARE(g, gradient);
}

void TestNoiseModels::adcLevels_data()
{
    QTest::addColumn<int>("bits");
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::addColumn<bool>("doublePrecision");
    QTest::newRow("1 bit") << 1 << -1.0 << 1.0 << false;
    QTest::newRow("4 bits [-0.5, 1.5]") << 4 << -0.5 << 1.5 << false;
    QTest::newRow("8 bits") << 8 << -1.0 << 1.0 << false;
    QTest::newRow("8 bits [0, 255]") << 8 << 0.0 << 255.0 << false;
    // float32 cannot hold 2^12 levels of [-1, 1] to 1e-5 of a step: double inputs there.
    QTest::newRow("12 bits double") << 12 << -1.0 << 1.0 << true;
    QTest::newRow("16 bits double") << 16 << -3.0 << 2.0 << true;
}

void TestNoiseModels::adcLevels()
{
    QFETCH(int, bits);
    QFETCH(double, lo);
    QFETCH(double, hi);
    QFETCH(bool, doublePrecision);
    const auto dtype = doublePrecision ? torch::kDouble : torch::kFloat;
    // From well below lo to well above hi, both bounds included.
    torch::Tensor x
        = torch::cat({torch::rand({100000}, torch::kDouble) * (hi - lo) * 1.4 + lo - 0.2 * (hi - lo),
                         torch::tensor({lo, hi, lo - 1.0, hi + 1.0}, torch::kDouble)})
              .to(dtype);
    const torch::Tensor y = make(QStringLiteral("adc"), QJsonObject{{"bits", bits}, {"lo", lo}, {"hi", hi}})
                                ->apply(x, std::nullopt)
                                .to(torch::kDouble);
    const double maxLevel = std::ldexp(1.0, bits) - 1.0;
    const double step = (hi - lo) / maxLevel;
    const torch::Tensor k = (y - lo) / step;
    QVERIFY2((k - k.round()).abs().max().item<double>() < 1e-5, "an output is off the levels");
    QVERIFY(k.round().min().item<double>() >= 0.0);
    QVERIFY(k.round().max().item<double>() <= maxLevel);
    // Each output is the nearest level of the clamped input.
    const torch::Tensor clamped = x.to(torch::kDouble).clamp(lo, hi);
    QVERIFY((y - clamped).abs().max().item<double>() <= step / 2 * (1 + 1e-6) + 1e-6 * std::abs(hi));
    // The bounds map to the extreme levels, beyond them too.
    const torch::Tensor tail = y.slice(0, 100000);
    QB_VERIFY_ABSOLUTE("lo", tail[0].item<double>(), lo, 1e-6 * std::max(1.0, std::abs(lo)));
    QB_VERIFY_ABSOLUTE("hi", tail[1].item<double>(), hi, 1e-6 * std::max(1.0, std::abs(hi)));
    QB_VERIFY_ABSOLUTE("below lo", tail[2].item<double>(), lo, 1e-6 * std::max(1.0, std::abs(lo)));
    QB_VERIFY_ABSOLUTE("above hi", tail[3].item<double>(), hi, 1e-6 * std::max(1.0, std::abs(hi)));
}

void TestNoiseModels::perChipPatterns_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QJsonObject>("params");
    QTest::newRow("process_variation")
        << "process_variation" << QJsonObject{{"uniform", 0.1}, {"gaussian", 0.05}};
    QTest::newRow("stuck_at") << "stuck_at" << QJsonObject{{"p", 0.2}};
    QTest::newRow("drift") << "drift" << QJsonObject{{"t", 1000.0}, {"nu_std", 0.05}};
}

void TestNoiseModels::perChipPatterns()
{
    QFETCH(QString, model);
    QFETCH(QJsonObject, params);
    const torch::Tensor x = torch::randn({16, 8, 3, 3});
    const torch::Tensor other = torch::randn({10, 20});
    const auto a = make(model, params, 11);
    const torch::Tensor chip5 = a->apply(x, 5);
    QVERIFY(!torch::equal(chip5, x));
    // The same chip: bit-identical on every call, across other chips and shapes in between, and
    // in a fresh model with the same salt (the pattern follows from the seed, not from the order).
    QVERIFY(torch::equal(a->apply(x, 5), chip5));
    const torch::Tensor chip6 = a->apply(x, 6);
    QVERIFY(!torch::equal(chip6, chip5));
    const torch::Tensor otherChip5 = a->apply(other, 5);
    QVERIFY(torch::equal(a->apply(x, 5), chip5));
    QVERIFY(torch::equal(a->apply(other, 5), otherChip5));
    QVERIFY(torch::equal(make(model, params, 11)->apply(x, 5), chip5));
    QVERIFY(torch::equal(make(model, params, 11)->apply(x, 6), chip6));
    // The same chip in another layer (salt) differs.
    QVERIFY(!torch::equal(make(model, params, 12)->apply(x, 5), chip5));
    // Double inputs get the same pattern, in double.
    QVERIFY(torch::allclose(a->apply(x.to(torch::kDouble), 5).to(torch::kFloat), chip5, 1e-6, 1e-6));
    // No chip (training): a fresh pattern on every call.
    const torch::Tensor fresh1 = a->apply(x, std::nullopt);
    const torch::Tensor fresh2 = a->apply(x, std::nullopt);
    QVERIFY(!torch::equal(fresh1, fresh2));
    QVERIFY(!torch::equal(fresh1, chip5));
    // ... which leaves the cached chip alone.
    QVERIFY(torch::equal(a->apply(x, 5), chip5));
}

void TestNoiseModels::perChipLeavesGlobalGeneratorAlone()
{
    // A chip's pattern comes from its own generator: evaluating a chip does not shift the training
    // (global) random stream.
    const torch::Tensor x = torch::randn({64, 64});
    const auto model = make(QStringLiteral("process_variation"));
    torch::manual_seed(5);
    const torch::Tensor before = torch::rand({8});
    torch::manual_seed(5);
    model->apply(x, 1);
    model->apply(x, 2);
    QVERIFY(torch::equal(torch::rand({8}), before));
}

void TestNoiseModels::mixSeedMixes()
{
    QVERIFY(mixSeed(1, 2) == mixSeed(1, 2));
    QVERIFY(mixSeed(1, 2) != mixSeed(2, 1));
    QVERIFY(mixSeed(0, 0) != 0);
    QSet<std::uint64_t> seen;
    for (std::uint64_t chip = 0; chip < 100; ++chip) {
        for (std::uint64_t salt = 0; salt < 100; ++salt)
            seen.insert(mixSeed(chip, salt));
    }
    QCOMPARE(seen.size(), qsizetype(10000));
}

void TestNoiseModels::neverInPlace_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<bool>("requiresGrad");
    for (const NoiseInfo &info : NoiseCatalog::all()) {
        QTest::addRow("%s", qPrintable(info.name)) << info.name << QJsonObject() << false;
        QTest::addRow("%s requires grad", qPrintable(info.name)) << info.name << QJsonObject() << true;
    }
    QTest::newRow("weight_noise latent absolute")
        << "weight_noise" << QJsonObject{{"on", "latent"}, {"relative", false}, {"sigma", 0.5}} << false;
    QTest::newRow("weight_noise_mult lognormal")
        << "weight_noise_mult" << QJsonObject{{"distribution", "lognormal"}} << false;
    QTest::newRow("output_noise relative") << "output_noise" << QJsonObject{{"relative", true}} << false;
    QTest::newRow("saturation soft") << "saturation" << QJsonObject{{"soft", true}} << true;
    QTest::newRow("stuck_at all max") << "stuck_at" << QJsonObject{{"p", 1.0}, {"value", "max"}} << true;
}

void TestNoiseModels::neverInPlace()
{
    QFETCH(QString, model);
    QFETCH(QJsonObject, params);
    QFETCH(bool, requiresGrad);
    // REFERENCE.md's first bug: the notebook wrote the noise into the weights on every call. After
    // 1000 calls of every kind (per pass, per chip, no chip) the argument is bit-identical.
    torch::Tensor x = torch::randn({16, 8}) * 2.0;
    const torch::Tensor before = x.clone();
    x.requires_grad_(requiresGrad);
    const auto m = make(model, params, 3);
    for (int i = 0; i < 1000; ++i) {
        const std::optional<std::uint64_t> chip
            = i % 3 == 0 ? std::nullopt : std::optional<std::uint64_t>(std::uint64_t(i % 7));
        const torch::Tensor y = m->apply(x, chip);
        QVERIFY(!y.is_same(x));
        if (requiresGrad && i % 100 == 0)
            y.sum().backward();
    }
    QVERIFY(torch::equal(x.detach(), before));
}

QTEST_GUILESS_MAIN(TestNoiseModels)
#include "tst_noisemodels.moc"
