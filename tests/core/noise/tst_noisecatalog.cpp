// NoiseCatalog (torch-free): the entries, their defaults, and check(), whose messages must name the
// model and the parameter at fault.
#include "noise/noisecatalog.h"

#include <QtTest>

using namespace qb;

namespace {

NoiseSpec spec(const QString &model, const QJsonObject &params = {})
{
    NoiseSpec s;
    s.model = model;
    s.params = params;
    return s;
}

} // namespace

class TestNoiseCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void entries();
    void defaultsAreValid();
    void accepts_data();
    void accepts();
    void rejects_data();
    void rejects();
};

void TestNoiseCatalog::entries()
{
    QStringList names;
    for (const NoiseInfo &info : NoiseCatalog::all()) {
        names << info.name;
        QVERIFY2(!info.description.isEmpty(), qPrintable(info.name));
        for (const NoiseParam &p : info.params)
            QVERIFY2(!p.description.isEmpty(), qPrintable(info.name + QLatin1Char('.') + p.key));
    }
    QCOMPARE(names,
        QStringList({"weight_noise", "weight_noise_mult", "process_variation", "output_noise", "saturation",
            "adc", "stuck_at", "drift"}));
    QStringList perChip;
    for (const NoiseInfo &info : NoiseCatalog::all()) {
        if (info.perChip)
            perChip << info.name;
    }
    QCOMPARE(perChip, QStringList({"process_variation", "stuck_at", "drift"}));
    QVERIFY(!NoiseCatalog::find(QStringLiteral("nope")));
    QCOMPARE(NoiseCatalog::find(QStringLiteral("adc"))->name, QStringLiteral("adc"));
}

void TestNoiseCatalog::defaultsAreValid()
{
    for (const NoiseInfo &info : NoiseCatalog::all()) {
        QVERIFY2(
            NoiseCatalog::check(spec(info.name)).isEmpty(), qPrintable(NoiseCatalog::check(spec(info.name))));
        // Every default written out explicitly is accepted too.
        QJsonObject explicitDefaults;
        for (const NoiseParam &p : info.params) {
            switch (p.kind) {
            case NoiseParam::Kind::Number:
            case NoiseParam::Kind::Integer:
                QVERIFY(p.defaultNumber >= p.minimum && p.defaultNumber <= p.maximum);
                explicitDefaults.insert(p.key, p.defaultNumber);
                break;
            case NoiseParam::Kind::Bool:
                explicitDefaults.insert(p.key, p.defaultNumber != 0.0);
                break;
            case NoiseParam::Kind::Choice:
                QVERIFY(p.choices.contains(p.defaultChoice));
                explicitDefaults.insert(p.key, p.defaultChoice);
                break;
            }
        }
        const QString problem = NoiseCatalog::check(spec(info.name, explicitDefaults));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    // The defaults the brief and REFERENCE.md name.
    const auto param = [](const QString &model, const QString &key) -> const NoiseParam & {
        for (const NoiseParam &p : NoiseCatalog::find(model)->params) {
            if (p.key == key)
                return p;
        }
        qFatal("no parameter %s of %s", qPrintable(key), qPrintable(model));
    };
    QCOMPARE(param("weight_noise", "sigma").defaultNumber, 0.01);
    QCOMPARE(param("weight_noise", "relative").defaultNumber, 1.0);
    QCOMPARE(param("weight_noise", "on").defaultChoice, QStringLiteral("effective"));
    QCOMPARE(param("output_noise", "relative").defaultNumber, 0.0);
    QCOMPARE(param("process_variation", "uniform").defaultNumber, 0.002);
    QCOMPARE(param("process_variation", "gaussian").defaultNumber, 0.01);
    QCOMPARE(param("stuck_at", "value").defaultChoice, QStringLiteral("random"));
    QCOMPARE(param("adc", "bits").defaultNumber, 8.0);
    QCOMPARE(param("drift", "nu_mean").defaultNumber, 0.05);
}

void TestNoiseCatalog::accepts_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QJsonObject>("params");
    QTest::newRow("weight_noise latent absolute")
        << "weight_noise" << QJsonObject{{"sigma", 0.03}, {"relative", false}, {"on", "latent"}};
    QTest::newRow("weight_noise sigma 0") << "weight_noise" << QJsonObject{{"sigma", 0}};
    QTest::newRow("weight_noise_mult lognormal")
        << "weight_noise_mult" << QJsonObject{{"sigma", 10}, {"distribution", "lognormal"}};
    QTest::newRow("saturation [0, 255]") << "saturation" << QJsonObject{{"lo", 0}, {"hi", 255}};
    QTest::newRow("saturation soft default range") << "saturation" << QJsonObject{{"soft", true}};
    QTest::newRow("saturation soft [-4, 4]")
        << "saturation" << QJsonObject{{"soft", true}, {"lo", -4}, {"hi", 4}};
    QTest::newRow("adc 16 bits") << "adc" << QJsonObject{{"bits", 16}, {"lo", 0}, {"hi", 255}};
    QTest::newRow("adc 1 bit") << "adc" << QJsonObject{{"bits", 1}};
    QTest::newRow("stuck_at p 1 zero") << "stuck_at" << QJsonObject{{"p", 1}, {"value", "zero"}};
    QTest::newRow("drift a year") << "drift" << QJsonObject{{"t", 3.15e7}, {"t0", 20}, {"nu_std", 0}};
    QTest::newRow("process_variation cmos")
        << "process_variation" << QJsonObject{{"uniform", 0.002}, {"gaussian", 0.01}};
}

void TestNoiseCatalog::accepts()
{
    QFETCH(QString, model);
    QFETCH(QJsonObject, params);
    const QString problem = NoiseCatalog::check(spec(model, params));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestNoiseCatalog::rejects_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QStringList>("mentions"); ///< every one of these must be in the message

    QTest::newRow("unknown model") << "gaussian_blur" << QJsonObject()
                                   << QStringList{"unknown nonideality 'gaussian_blur'", "weight_noise",
                                          "stuck_at", "drift"};
    QTest::newRow("empty model") << "" << QJsonObject() << QStringList{"unknown nonideality ''"};
    QTest::newRow("unknown parameter") << "weight_noise" << QJsonObject{{"sgima", 0.1}}
                                       << QStringList{"nonideality 'weight_noise'", "'sgima'"};
    QTest::newRow("parameter of another model") << "output_noise" << QJsonObject{{"on", "latent"}}
                                                << QStringList{"nonideality 'output_noise'", "'on'"};
    QTest::newRow("sigma negative") << "weight_noise" << QJsonObject{{"sigma", -0.1}}
                                    << QStringList{
                                           "nonideality 'weight_noise'", "'sigma'", "-0.1", "[0, 10]"};
    QTest::newRow("sigma too large") << "output_noise" << QJsonObject{{"sigma", 11}}
                                     << QStringList{"nonideality 'output_noise'", "'sigma'"};
    QTest::newRow("sigma a string") << "weight_noise_mult" << QJsonObject{{"sigma", "0.1"}}
                                    << QStringList{"nonideality 'weight_noise_mult'", "'sigma'", "number"};
    QTest::newRow("relative not a bool") << "weight_noise" << QJsonObject{{"relative", "yes"}}
                                         << QStringList{"nonideality 'weight_noise'", "'relative'"};
    QTest::newRow("on: unknown choice")
        << "weight_noise" << QJsonObject{{"on", "both"}}
        << QStringList{"nonideality 'weight_noise'", "'on'", "effective, latent"};
    QTest::newRow("distribution: unknown choice")
        << "weight_noise_mult" << QJsonObject{{"distribution", "uniform"}}
        << QStringList{"nonideality 'weight_noise_mult'", "'distribution'"};
    QTest::newRow("uniform negative") << "process_variation" << QJsonObject{{"uniform", -0.01}}
                                      << QStringList{"nonideality 'process_variation'", "'uniform'"};
    QTest::newRow("gaussian too large") << "process_variation" << QJsonObject{{"gaussian", 20}}
                                        << QStringList{"nonideality 'process_variation'", "'gaussian'"};
    QTest::newRow("p above 1") << "stuck_at" << QJsonObject{{"p", 1.5}}
                               << QStringList{"nonideality 'stuck_at'", "'p'", "[0, 1]"};
    QTest::newRow("value: unknown choice") << "stuck_at" << QJsonObject{{"value", "one"}}
                                           << QStringList{"nonideality 'stuck_at'", "'value'", "random"};
    QTest::newRow("bits 0") << "adc" << QJsonObject{{"bits", 0}}
                            << QStringList{"nonideality 'adc'", "'bits'"};
    QTest::newRow("bits 17") << "adc" << QJsonObject{{"bits", 17}}
                             << QStringList{"nonideality 'adc'", "'bits'"};
    QTest::newRow("bits not an integer")
        << "adc" << QJsonObject{{"bits", 4.5}} << QStringList{"nonideality 'adc'", "'bits'", "integer"};
    QTest::newRow("t 0") << "drift" << QJsonObject{{"t", 0}} << QStringList{"nonideality 'drift'", "'t'"};
    QTest::newRow("t0 negative") << "drift" << QJsonObject{{"t0", -1}}
                                 << QStringList{"nonideality 'drift'", "'t0'"};
    QTest::newRow("nu_std negative") << "drift" << QJsonObject{{"nu_std", -0.01}}
                                     << QStringList{"nonideality 'drift'", "'nu_std'"};
    QTest::newRow("saturation lo = hi") << "saturation" << QJsonObject{{"lo", 1}, {"hi", 1}}
                                        << QStringList{"nonideality 'saturation'", "'lo'", "'hi'"};
    QTest::newRow("saturation lo > hi (default hi)")
        << "saturation" << QJsonObject{{"lo", 2}}
        << QStringList{"nonideality 'saturation'", "'lo' = 2", "'hi' = 1"};
    QTest::newRow("saturation hi < lo (default lo)")
        << "saturation" << QJsonObject{{"hi", -3}}
        << QStringList{"nonideality 'saturation'", "'lo'", "'hi' = -3"};
    QTest::newRow("soft saturation asymmetric")
        << "saturation" << QJsonObject{{"soft", true}, {"lo", -1}, {"hi", 2}}
        << QStringList{"nonideality 'saturation'", "soft", "'lo'", "'hi'"};
    QTest::newRow("soft saturation [0, 255]")
        << "saturation" << QJsonObject{{"soft", true}, {"lo", 0}, {"hi", 255}}
        << QStringList{"nonideality 'saturation'", "soft", "'lo'", "'hi'"};
    QTest::newRow("adc lo = hi") << "adc" << QJsonObject{{"lo", 0}, {"hi", 0}}
                                 << QStringList{"nonideality 'adc'", "'lo'", "'hi'"};
    QTest::newRow("adc lo > hi") << "adc" << QJsonObject{{"lo", 5}, {"hi", -5}}
                                 << QStringList{"nonideality 'adc'", "'lo' = 5", "'hi' = -5"};
}

void TestNoiseCatalog::rejects()
{
    QFETCH(QString, model);
    QFETCH(QJsonObject, params);
    QFETCH(QStringList, mentions);
    const QString problem = NoiseCatalog::check(spec(model, params));
    QVERIFY(!problem.isEmpty());
    for (const QString &m : mentions)
        QVERIFY2(problem.contains(m), qPrintable(QStringLiteral("'%1' not in: %2").arg(m, problem)));
}

QTEST_GUILESS_MAIN(TestNoiseCatalog)
#include "tst_noisecatalog.moc"
