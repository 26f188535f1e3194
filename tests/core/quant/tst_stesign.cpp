// ste_sign: forward sign(x) with sign(0) = +1, gradient 1 where |x| <= clip (REFERENCE.md).
#include "quant/quantizer_p.h"
#include "quant/quantizercatalog.h"

#include <QtTest>

using namespace qb;

class TestSteSign : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void forwardAndGradient_data();
    void forwardAndGradient();
    void throughRegistry();
    void catalogChecksParameters();
};

void TestSteSign::forwardAndGradient_data()
{
    QTest::addColumn<double>("clip");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("forward");
    QTest::addColumn<double>("gradient");
    // clip = 1 (the default): gradient passes on the closed interval [-1, 1].
    const double points[][3] = {{-2, -1, 0}, {-1, -1, 1}, {-0.5, -1, 1}, {0, 1, 1},
                                {0.5, 1, 1}, {1, 1, 1},   {2, 1, 0}};
    for (const auto &p : points)
        QTest::addRow("clip1 x=%g", p[0]) << 1.0 << p[0] << p[1] << p[2];
    // clip = 0.5: 1 and 2 are outside, -0.5 and 0.5 are on the bound (inside).
    QTest::addRow("clip0.5 x=-1") << 0.5 << -1.0 << -1.0 << 0.0;
    QTest::addRow("clip0.5 x=-0.5") << 0.5 << -0.5 << -1.0 << 1.0;
    QTest::addRow("clip0.5 x=0.5") << 0.5 << 0.5 << 1.0 << 1.0;
    QTest::addRow("clip0.5 x=0.75") << 0.5 << 0.75 << 1.0 << 0.0;
    // clip disabled (0): the plain straight-through estimator.
    QTest::addRow("noclip x=-2") << 0.0 << -2.0 << -1.0 << 1.0;
    QTest::addRow("noclip x=0") << 0.0 << 0.0 << 1.0 << 1.0;
    QTest::addRow("noclip x=7") << 0.0 << 7.0 << 1.0 << 1.0;
}

void TestSteSign::forwardAndGradient()
{
    QFETCH(double, clip);
    QFETCH(double, x);
    QFETCH(double, forward);
    QFETCH(double, gradient);
    torch::Tensor input = torch::full({1}, x, torch::requires_grad());
    torch::Tensor out = steSign(input, clip);
    QCOMPARE(out.item<double>(), forward);
    // Scale the incoming gradient by 3 to check it is multiplied, not replaced.
    (out * 3.0).sum().backward();
    QCOMPARE(input.grad().item<double>(), 3.0 * gradient);
}

void TestSteSign::throughRegistry()
{
    QuantizerSpec spec;
    spec.name = QStringLiteral("ste_sign");
    spec.params.insert(QStringLiteral("clip"), 0.5);
    auto q = makeQuantizer(spec);
    QVERIFY(q);
    torch::Tensor x = torch::tensor({-0.75, -0.25, 0.0, 0.25, 0.75}, torch::requires_grad());
    torch::Tensor y = q->apply(x);
    QVERIFY(torch::equal(y, torch::tensor({-1.0, -1.0, 1.0, 1.0, 1.0})));
    y.sum().backward();
    QVERIFY(torch::equal(x.grad(), torch::tensor({0.0, 1.0, 1.0, 1.0, 0.0})));
    QVERIFY(makeQuantizer(QuantizerSpec()) == nullptr);
}

void TestSteSign::catalogChecksParameters()
{
    QuantizerSpec spec;
    spec.name = QStringLiteral("ste_sign");
    QVERIFY(QuantizerCatalog::check(spec, KernelRole).isEmpty());
    QCOMPARE(QuantizerCatalog::bits(spec), 1);
    spec.params.insert(QStringLiteral("clip"), -1.0);
    QVERIFY(QuantizerCatalog::check(spec, KernelRole).contains(QLatin1String("clip")));
    spec.params = QJsonObject{{QStringLiteral("clipp"), 1.0}};
    QVERIFY(QuantizerCatalog::check(spec, InputRole).contains(QLatin1String("clipp")));
    spec.name = QStringLiteral("ste_sine");
    QVERIFY(QuantizerCatalog::check(spec, InputRole).contains(QLatin1String("unknown quantizer 'ste_sine'")));
}

QTEST_GUILESS_MAIN(TestSteSign)
#include "tst_stesign.moc"
