// The sign family of signquantizers.cpp: approx_sign, swish_sign, magnitude_aware_sign, reste and
// ste_heaviside. Forward values and gradients against hand-computed numbers (REFERENCE.md,
// "Quantizers"); sign(0) = +1 throughout.
#include "core/quant/quantizertesting.h"

#include <QtTest>

using namespace qb;
using qbtest::evaluate;
using qbtest::spec;

class TestSignQuantizers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void forwardAndGradient_data();
    void forwardAndGradient();
    void resteOrderOneIsClippedSte();
    void resteCosineSchedule_data();
    void resteCosineSchedule();
    void magnitudeAwareScalePerOutputChannel_data();
    void magnitudeAwareScalePerOutputChannel();
    void swishSignStaysFinite();
    void stateless();
    void catalog_data();
    void catalog();
};

void TestSignQuantizers::forwardAndGradient_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("forward");
    QTest::addColumn<double>("gradient");

    const QString approx = QStringLiteral("approx_sign");
    // grad = 2 - 2|x| on [-1, 1], 0 beyond: 0 at the bounds, 2 at 0.
    const double approxPoints[][3] = {{-2, -1, 0},    {-1, -1, 0}, {-0.5, -1, 1}, {-0.25, -1, 1.5}, {0, 1, 2},
                                      {0.25, 1, 1.5}, {0.5, 1, 1}, {1, 1, 0},     {2, 1, 0}};
    for (const auto &p : approxPoints)
        QTest::addRow("approx_sign x=%g", p[0]) << approx << QJsonObject() << p[0] << p[1] << p[2];

    // swish_sign, beta = 5: grad = 5*(2 - 5x*tanh(5x/2)) / (1 + cosh(5x)).
    //   x = 0:     5*2/2 = 5 (the peak, beta)
    //   x = 0.25:  tanh(0.625) = 0.5545997, cosh(1.25) = 1.8884239:
    //              5*(2 - 1.25*0.5545997)/2.8884239 = 5*1.3067504/2.8884239 = 2.2620474
    //   x = 0.5:   tanh(1.25) = 0.8482836, cosh(2.5) = 6.1322895:
    //              5*(2 - 2.5*0.8482836)/7.1322895 = 5*(-0.1207090)/7.1322895 = -0.0846216
    //   x = 1:     tanh(2.5) = 0.9866143, cosh(5) = 74.2099485:
    //              5*(2 - 5*0.9866143)/75.2099485 = 5*(-2.9330715)/75.2099485 = -0.1949923
    //   x = 2:     tanh(5) = 0.9999092, cosh(10) = 11013.2329:
    //              5*(2 - 10*0.9999092)/11014.2329 = 5*(-7.999092)/11014.2329 = -0.0036313
    // The gradient is even in x.
    const QString swish = QStringLiteral("swish_sign");
    const double swishPoints[][3] = {
        {-2, -1, -0.0036312524}, {-1, -1, -0.1949922549}, {-0.5, -1, -0.0846215652}, {0, 1, 5.0},
        {0.25, 1, 2.2620474048}, {0.5, 1, -0.0846215652}, {1, 1, -0.1949922549},     {2, 1, -0.0036312524}};
    for (const auto &p : swishPoints)
        QTest::addRow("swish_sign x=%g", p[0]) << swish << QJsonObject() << p[0] << p[1] << p[2];
    // beta = 2: x = 0: 2*2/2 = 2; x = 0.5: tanh(0.5) = 0.4621172, cosh(1) = 1.5430806:
    //   2*(2 - 1*0.4621172)/2.5430806 = 2*1.5378828/2.5430806 = 1.2094645.
    const QJsonObject beta2{{QStringLiteral("beta"), 2.0}};
    QTest::addRow("swish_sign beta=2 x=0") << swish << beta2 << 0.0 << 1.0 << 2.0;
    QTest::addRow("swish_sign beta=2 x=0.5") << swish << beta2 << 0.5 << 1.0 << 1.2094644752;

    // ReSTE, o = 3 (default), t = 1.5 (default): grad = (1/3)|x|^(-2/3) on (0.1, 1.5],
    // 0.1^(1/3)/0.1 = 0.4641589/0.1 = 4.641589 on [0, 0.1], 0 beyond 1.5.
    //   |x| = 0.5: (1/3) * 0.5^(-2/3) = (1/3) * 1.5874011 = 0.5291337
    //   |x| = 1:   1/3
    //   |x| = 1.5: (1/3) * 1.5^(-2/3) = (1/3) * 0.7631428 = 0.2543809
    //   |x| = 0.2: (1/3) * 0.2^(-2/3) = (1/3) * 2.9240177 = 0.9746726
    const QString reste = QStringLiteral("reste");
    const double restePoints[][3] = {{-2, -1, 0},
                                     {-1.6, -1, 0},
                                     {-1.5, -1, 0.2543809428},
                                     {-1, -1, 1.0 / 3.0},
                                     {-0.5, -1, 0.5291336840},
                                     {-0.1, -1, 4.6415888336},
                                     {0, 1, 4.6415888336},
                                     {0.05, 1, 4.6415888336},
                                     {0.2, 1, 0.9746725794},
                                     {0.5, 1, 0.5291336840},
                                     {1, 1, 1.0 / 3.0},
                                     {1.5, 1, 0.2543809428},
                                     {2, 1, 0}};
    for (const auto &p : restePoints)
        QTest::addRow("reste x=%g", p[0]) << reste << QJsonObject() << p[0] << p[1] << p[2];
    // t = 1: the gradient stops at 1 (|x| = 1 included); o = 2: grad (1/2)|x|^(-1/2), inner
    // 0.1^(1/2)/0.1 = 3.1622777; at x = 0.25: 0.5 * 2 = 1.
    const QJsonObject o2t1{{QStringLiteral("o"), 2.0}, {QStringLiteral("t"), 1.0}};
    QTest::addRow("reste o=2 t=1 x=0") << reste << o2t1 << 0.0 << 1.0 << 3.1622776602;
    QTest::addRow("reste o=2 t=1 x=0.25") << reste << o2t1 << 0.25 << 1.0 << 1.0;
    QTest::addRow("reste o=2 t=1 x=-1") << reste << o2t1 << -1.0 << -1.0 << 0.5;
    QTest::addRow("reste o=2 t=1 x=1.25") << reste << o2t1 << 1.25 << 1.0 << 0.0;

    // ste_heaviside: 1 where x > 0 (so 0 at 0), gradient 1 on [-1, 1].
    const QString heaviside = QStringLiteral("ste_heaviside");
    const double heavisidePoints[][3]
        = {{-2, 0, 0}, {-1, 0, 1}, {-0.5, 0, 1}, {0, 0, 1}, {0.5, 1, 1}, {1, 1, 1}, {2, 1, 0}};
    for (const auto &p : heavisidePoints)
        QTest::addRow("ste_heaviside x=%g", p[0]) << heaviside << QJsonObject() << p[0] << p[1] << p[2];
    const QJsonObject noClip{{QStringLiteral("clip"), 0.0}};
    QTest::addRow("ste_heaviside noclip x=-3") << heaviside << noClip << -3.0 << 0.0 << 1.0;
    QTest::addRow("ste_heaviside clip0.5 x=0.75")
        << heaviside << QJsonObject{{QStringLiteral("clip"), 0.5}} << 0.75 << 1.0 << 0.0;
}

void TestSignQuantizers::forwardAndGradient()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, params);
    QFETCH(double, x);
    QFETCH(double, forward);
    QFETCH(double, gradient);
    const qbtest::Point p = evaluate(spec(name, params), x);
    QCOMPARE(p.forward, forward);
    QB_COMPARE_NEAR(p.gradient, gradient);
}

void TestSignQuantizers::resteOrderOneIsClippedSte()
{
    // REFERENCE: "o = 1 is the clipped STE": (1/1)|x|^0 = 1 and 0.1^1/0.1 = 1, cut at t.
    const torch::Tensor points = torch::linspace(-2.0, 2.0, 81); // step 0.05, includes 0 and +-1
    for (const double t : {1.0, 1.5}) {
        auto reste = makeQuantizer(
            spec(QStringLiteral("reste"), {{QStringLiteral("o"), 1.0}, {QStringLiteral("t"), t}}));
        torch::Tensor a = points.clone().requires_grad_(true);
        torch::Tensor b = points.clone().requires_grad_(true);
        const torch::Tensor qa = reste->apply(a);
        const torch::Tensor qs = steSign(b, t);
        QVERIFY(torch::equal(qa, qs));
        qa.sum().backward();
        qs.sum().backward();
        QVERIFY2(torch::equal(a.grad(), b.grad()), qPrintable(QStringLiteral("t = %1").arg(t)));
    }
}

void TestSignQuantizers::resteCosineSchedule_data()
{
    QTest::addColumn<double>("progress");
    QTest::addColumn<double>("gradient");
    // o(p) = 1 + (1 - cos(pi/2 * p)) * (3 - 1); gradient at x = 0.5 is (1/o) * 0.5^((1-o)/o).
    //   p = 0: o = 1, gradient 1 (the clipped STE)
    //   p = 0.5: o = 1 + (1 - 0.7071068) * 2 = 1.5857864; (1/o) * 0.5^(-0.3693981) = 0.8146202
    //   p = 1: o = 3, gradient 0.5291337 (as without a schedule)
    QTest::newRow("start") << 0.0 << 1.0;
    QTest::newRow("half") << 0.5 << 0.8146202430;
    QTest::newRow("end") << 1.0 << 0.5291336840;
}

void TestSignQuantizers::resteCosineSchedule()
{
    QFETCH(double, progress);
    QFETCH(double, gradient);
    auto reste = makeQuantizer(
        spec(QStringLiteral("reste"), {{QStringLiteral("schedule"), QStringLiteral("cosine")}}));
    reste->setProgress(progress);
    const qbtest::Point p = evaluate(*reste, 0.5);
    QCOMPARE(p.forward, 1.0);
    QB_COMPARE_NEAR(p.gradient, gradient);
    // Without a schedule the progress changes nothing.
    auto constant = makeQuantizer(spec(QStringLiteral("reste")));
    constant->setProgress(progress);
    QB_COMPARE_NEAR(evaluate(*constant, 0.5).gradient, 0.5291336840);
}

void TestSignQuantizers::magnitudeAwareScalePerOutputChannel_data()
{
    QTest::addColumn<QList<qint64>>("shape");
    // The same 2 x 2 weights as a dense kernel [out, in] and as a conv kernel [out, in, kh, kw].
    QTest::newRow("dense") << QList<qint64>{2, 2};
    QTest::newRow("conv") << QList<qint64>{2, 1, 1, 2};
}

void TestSignQuantizers::magnitudeAwareScalePerOutputChannel()
{
    QFETCH(QList<qint64>, shape);
    const std::vector<int64_t> sizes(shape.begin(), shape.end());
    // Output channel 0: {-2, 0.5}, mean |w| = 1.25; channel 1: {0, -0.5}, mean |w| = 0.25.
    torch::Tensor w = torch::tensor({-2.0f, 0.5f, 0.0f, -0.5f}).reshape(sizes).requires_grad_(true);
    auto q = makeQuantizer(spec(QStringLiteral("magnitude_aware_sign")));
    const torch::Tensor y = q->apply(w);
    // sign(0) = +1, so w = 0 becomes +0.25.
    QVERIFY(torch::allclose(y.flatten(), torch::tensor({-1.25f, 1.25f, 0.25f, -0.25f})));
    // Upstream gradient g = {1, 2, 3, 4}; expected g * scale * 1[|w| <= 1] with the scale constant:
    // {0 (|-2| > 1), 2 * 1.25, 3 * 0.25, 4 * 0.25}. Differentiating the scale would add
    // sign(w_ij)/2 * sum_j g_ij sign(w_ij) = +-1/2 on channel 0, so a constant scale shows.
    const torch::Tensor g = torch::tensor({1.0f, 2.0f, 3.0f, 4.0f}).reshape(sizes);
    (y * g).sum().backward();
    QVERIFY(torch::allclose(w.grad().flatten(), torch::tensor({0.0f, 2.5f, 0.75f, 1.0f})));
}

void TestSignQuantizers::swishSignStaysFinite()
{
    // cosh(5 * 30) overflows float32 to inf; the gradient must come out 0, not NaN.
    torch::Tensor x = torch::tensor({-30.0f, 30.0f, 1000.0f}).requires_grad_(true);
    makeQuantizer(spec(QStringLiteral("swish_sign")))->apply(x).sum().backward();
    QVERIFY(torch::isfinite(x.grad()).all().item<bool>());
    QCOMPARE(x.grad().abs().max().item<double>(), 0.0);
}

void TestSignQuantizers::stateless()
{
    // The sign family has nothing to train and nothing to switch between training and evaluation.
    for (const char *name :
         {"ste_sign", "approx_sign", "swish_sign", "magnitude_aware_sign", "reste", "ste_heaviside"}) {
        auto q = makeQuantizer(spec(QString::fromLatin1(name)));
        QVERIFY2(q, name);
        QVERIFY2(q->parameters().empty(), name);
        const torch::Tensor x = torch::tensor({-0.5f, 0.5f});
        const torch::Tensor training = q->apply(x);
        q->setTraining(false);
        QVERIFY2(torch::equal(q->apply(x), training), name);
    }
}

void TestSignQuantizers::catalog_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("problem"); // empty: accepted
    QTest::addColumn<int>("bits");

    QTest::newRow("approx_sign") << "approx_sign" << QJsonObject() << int(InputRole) << QString() << 1;
    QTest::newRow("approx_sign has no clip") << "approx_sign" << QJsonObject{{QStringLiteral("clip"), 1.0}}
                                             << int(InputRole) << "no parameter 'clip'" << 1;
    QTest::newRow("swish_sign beta") << "swish_sign" << QJsonObject{{QStringLiteral("beta"), 10.0}}
                                     << int(KernelRole) << QString() << 1;
    QTest::newRow("swish_sign beta 0") << "swish_sign" << QJsonObject{{QStringLiteral("beta"), 0.0}}
                                       << int(KernelRole) << "'beta' = 0 is outside" << 1;
    QTest::newRow("magnitude_aware_sign kernel")
        << "magnitude_aware_sign" << QJsonObject() << int(KernelRole) << QString() << 1;
    QTest::newRow("magnitude_aware_sign input")
        << "magnitude_aware_sign" << QJsonObject() << int(InputRole) << "cannot be used as an input" << 1;
    QTest::newRow("reste full") << "reste"
                                << QJsonObject{{QStringLiteral("o"), 4.0},
                                               {QStringLiteral("t"), 2.0},
                                               {QStringLiteral("schedule"), QStringLiteral("cosine")}}
                                << int(InputRole) << QString() << 1;
    QTest::newRow("reste o below 1") << "reste" << QJsonObject{{QStringLiteral("o"), 0.5}} << int(InputRole)
                                     << "'o' = 0.5 is outside" << 1;
    QTest::newRow("reste schedule") << "reste"
                                    << QJsonObject{{QStringLiteral("schedule"), QStringLiteral("linear")}}
                                    << int(InputRole) << "'schedule' must be one of constant, cosine" << 1;
    QTest::newRow("ste_heaviside clip") << "ste_heaviside" << QJsonObject{{QStringLiteral("clip"), -0.5}}
                                        << int(InputRole) << "'clip' = -0.5 is outside" << 1;
}

void TestSignQuantizers::catalog()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, params);
    QFETCH(int, role);
    QFETCH(QString, problem);
    QFETCH(int, bits);
    const QuantizerSpec s = spec(name, params);
    const QString found = QuantizerCatalog::check(s, QuantizerRole(role));
    if (problem.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
    QCOMPARE(QuantizerCatalog::bits(s), bits);
    QVERIFY(!QuantizerCatalog::find(name)->description.isEmpty());
}

QTEST_GUILESS_MAIN(TestSignQuantizers)
#include "tst_signquantizers.moc"
