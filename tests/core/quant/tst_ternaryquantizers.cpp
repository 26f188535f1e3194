// The ternary quantizers of ternaryquantizers.cpp: ternary_twn (threshold and scale from the
// tensor) and ste_tern (fixed threshold, no scale). Hand-computed values, REFERENCE.md "Quantizers".
#include "core/quant/quantizertesting.h"

#include <QtTest>

using namespace qb;
using qbtest::evaluate;
using qbtest::spec;

class TestTernaryQuantizers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void steTern_data();
    void steTern();
    void twn_data();
    void twn();
    void twnStatisticsOverWholeTensor();
    void catalog_data();
    void catalog();
};

void TestTernaryQuantizers::steTern_data()
{
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("forward");
    QTest::addColumn<double>("gradient");
    // Default threshold 0.05: 0.03125 is below it (0), 0.0625 above (1); clip 1 for the gradient.
    const double points[][3]
        = {{-2, -1, 0},     {-1, -1, 1},    {-0.5, -1, 1}, {-0.0625, -1, 1}, {-0.03125, 0, 1}, {0, 0, 1},
           {0.03125, 0, 1}, {0.0625, 1, 1}, {0.5, 1, 1},   {1, 1, 1},        {2, 1, 0}};
    for (const auto &p : points)
        QTest::addRow("default x=%g", p[0]) << QJsonObject() << p[0] << p[1] << p[2];
    // Threshold 0.25: the threshold itself maps to 0 (strict comparison), just above to +-1.
    const QJsonObject quarter{{QStringLiteral("threshold"), 0.25}};
    QTest::addRow("t0.25 x=-0.25") << quarter << -0.25 << 0.0 << 1.0;
    QTest::addRow("t0.25 x=0.25") << quarter << 0.25 << 0.0 << 1.0;
    QTest::addRow("t0.25 x=0.3125") << quarter << 0.3125 << 1.0 << 1.0;
    QTest::addRow("t0.25 x=-0.3125") << quarter << -0.3125 << -1.0 << 1.0;
    // clip 0.5: gradient on [-0.5, 0.5] only; clip 0: everywhere.
    const QJsonObject clipHalf{{QStringLiteral("clip"), 0.5}};
    QTest::addRow("clip0.5 x=0.5") << clipHalf << 0.5 << 1.0 << 1.0;
    QTest::addRow("clip0.5 x=-0.75") << clipHalf << -0.75 << -1.0 << 0.0;
    QTest::addRow("noclip x=5") << QJsonObject{{QStringLiteral("clip"), 0.0}} << 5.0 << 1.0 << 1.0;
}

void TestTernaryQuantizers::steTern()
{
    QFETCH(QJsonObject, params);
    QFETCH(double, x);
    QFETCH(double, forward);
    QFETCH(double, gradient);
    const qbtest::Point p = evaluate(spec(QStringLiteral("ste_tern"), params), x);
    QCOMPARE(p.forward, forward);
    QCOMPARE(p.gradient, gradient);
}

void TestTernaryQuantizers::twn_data()
{
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QList<float>>("weights");
    QTest::addColumn<QList<float>>("forward");
    QTest::addColumn<QList<float>>("gradient");

    // W = {-2, -1, -0.5, 0, 0.5, 1, 2}: mean|W| = 7/7 = 1, Delta = 0.7; |W| > 0.7 for -2, -1, 1, 2,
    // alpha = (2 + 1 + 1 + 2)/4 = 1.5. Gradient: clipped STE, 1 on [-1, 1], not scaled by alpha.
    QTest::newRow("default") << QJsonObject() << QList<float>{-2, -1, -0.5, 0, 0.5, 1, 2}
                             << QList<float>{-1.5, -1.5, 0, 0, 0, 1.5, 1.5}
                             << QList<float>{0, 1, 1, 1, 1, 1, 0};
    // threshold_factor 0.5, W = {2, -1, 0.5, -0.5}: mean|W| = 4/4 = 1, Delta = 0.5 exactly; +-0.5 are
    // not above it (0); alpha = (2 + 1)/2 = 1.5.
    QTest::newRow("on the threshold")
        << QJsonObject{{QStringLiteral("threshold_factor"), 0.5}} << QList<float>{2, -1, 0.5, -0.5}
        << QList<float>{1.5, -1.5, 0, 0} << QList<float>{0, 1, 1, 1};
    // W = {0.1, -0.1, 0.2, 0.4}: mean|W| = 0.2, Delta = 0.14; above: -0.1? no; 0.2, 0.4:
    // alpha = 0.3. Small weights: all inside the clip.
    QTest::newRow("small") << QJsonObject() << QList<float>{0.1f, -0.1f, 0.2f, 0.4f}
                           << QList<float>{0, 0, 0.3f, 0.3f} << QList<float>{1, 1, 1, 1};
    // All zero: Delta = 0, nothing above it, alpha defined as 0 (no 0/0 NaN).
    QTest::newRow("all zero") << QJsonObject() << QList<float>{0, 0, 0} << QList<float>{0, 0, 0}
                              << QList<float>{1, 1, 1};
}

void TestTernaryQuantizers::twn()
{
    QFETCH(QJsonObject, params);
    QFETCH(QList<float>, weights);
    QFETCH(QList<float>, forward);
    QFETCH(QList<float>, gradient);
    const auto tensorOf
        = [](const QList<float> &v) { return torch::tensor(std::vector<float>(v.begin(), v.end())); };
    torch::Tensor w = tensorOf(weights).requires_grad_(true);
    const torch::Tensor q = makeQuantizer(spec(QStringLiteral("ternary_twn"), params))->apply(w);
    QVERIFY2(torch::allclose(q, tensorOf(forward)), qPrintable(QString::fromStdString(torch::str(q))));
    (q * 3.0).sum().backward();
    QVERIFY2(torch::equal(w.grad(), tensorOf(gradient) * 3.0),
             qPrintable(QString::fromStdString(torch::str(w.grad()))));
}

void TestTernaryQuantizers::twnStatisticsOverWholeTensor()
{
    // Delta and alpha are per layer (the whole kernel), not per output channel: a channel of small
    // weights next to a channel of large ones is mostly zeroed. Row 0 {4, -4}, row 1 {1, 0.5}:
    // mean|W| = 9.5/4 = 2.375, Delta = 1.6625; above: 4, -4; alpha = 4.
    torch::Tensor w = torch::tensor({4.0f, -4.0f, 1.0f, 0.5f}).reshape({2, 2});
    const torch::Tensor q = makeQuantizer(spec(QStringLiteral("ternary_twn")))->apply(w);
    QVERIFY(torch::equal(q, torch::tensor({4.0f, -4.0f, 0.0f, 0.0f}).reshape({2, 2})));
}

void TestTernaryQuantizers::catalog_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("problem"); // empty: accepted

    QTest::newRow("twn kernel") << "ternary_twn" << QJsonObject{{QStringLiteral("threshold_factor"), 0.6}}
                                << int(KernelRole) << QString();
    QTest::newRow("twn input") << "ternary_twn" << QJsonObject() << int(InputRole)
                               << "cannot be used as an input";
    QTest::newRow("twn negative factor")
        << "ternary_twn" << QJsonObject{{QStringLiteral("threshold_factor"), -0.7}} << int(KernelRole)
        << "'threshold_factor' = -0.7 is outside";
    QTest::newRow("ste_tern input") << "ste_tern" << QJsonObject{{QStringLiteral("threshold"), 0.1}}
                                    << int(InputRole) << QString();
    QTest::newRow("ste_tern threshold text")
        << "ste_tern" << QJsonObject{{QStringLiteral("threshold"), QStringLiteral("0.1")}} << int(InputRole)
        << "'threshold' must be a number";
    QTest::newRow("ste_tern unknown") << "ste_tern" << QJsonObject{{QStringLiteral("alpha"), 1.0}}
                                      << int(KernelRole) << "has no parameter 'alpha'";
}

void TestTernaryQuantizers::catalog()
{
    QFETCH(QString, name);
    QFETCH(QJsonObject, params);
    QFETCH(int, role);
    QFETCH(QString, problem);
    const QuantizerSpec s = spec(name, params);
    const QString found = QuantizerCatalog::check(s, QuantizerRole(role));
    if (problem.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
    // Ternary values take 2 bits, whatever the parameters.
    QCOMPARE(QuantizerCatalog::bits(s), 2);
}

QTEST_GUILESS_MAIN(TestTernaryQuantizers)
#include "tst_ternaryquantizers.moc"
