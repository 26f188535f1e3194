// NoiseSweepDialog: every numeric nonideality parameter, sensible default values, a bad value list
// refused with the field named, and the request the core gets.
#include "analysis/chipoptionsform.h"
#include "analysis/noisesweepdialog.h"
#include "noise/noisecatalog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

using namespace qb;

class TestNoiseSweepDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void offersEveryNumericParameter();
    void defaultsToWeightNoise();
    void parameterBringsItsValues();
    void everyDefaultListIsValid();
    void badValueListNamesTheField_data();
    void badValueListNamesTheField();
    void startRefusedWhileInvalid();
    void requestCarriesTheChipOptions();

private:
    static RunRecord run()
    {
        RunRecord r;
        r.id = 7;
        r.name = QStringLiteral("bnn");
        r.networkName = QStringLiteral("larq-mnist-bnn");
        r.dataset = QStringLiteral("fashion-mnist");
        r.status = RunStatus::Finished;
        r.finalTestAccuracy = 0.875;
        return r;
    }
};

void TestNoiseSweepDialog::offersEveryNumericParameter()
{
    NoiseSweepDialog dialog(run());
    QStringList expected;
    for (const NoiseInfo &info : NoiseCatalog::all()) {
        for (const NoiseParam &p : info.params) {
            if (p.kind == NoiseParam::Kind::Number || p.kind == NoiseParam::Kind::Integer)
                expected << info.name + QLatin1Char('.') + p.key;
        }
    }
    QStringList offered;
    for (int i = 0; i < dialog.parameterCombo()->count(); ++i)
        offered << dialog.parameterCombo()->itemData(i).toString();
    QCOMPARE(offered, expected);
    QVERIFY(offered.contains(QStringLiteral("adc.bits")));
    QVERIFY(offered.contains(QStringLiteral("stuck_at.p")));
    QVERIFY(!offered.contains(QStringLiteral("weight_noise.relative"))); // a flag, not a number
    QVERIFY(!offered.contains(QStringLiteral("weight_noise.on"))); // a choice
}

void TestNoiseSweepDialog::defaultsToWeightNoise()
{
    NoiseSweepDialog dialog(run());
    QCOMPARE(dialog.parameter(), QStringLiteral("weight_noise.sigma"));
    QCOMPARE(dialog.valuesEdit()->text(), QStringLiteral("0, 0.05, 0.1, 0.2, 0.4"));
    QVERIFY(dialog.validate().isEmpty());
    const NoiseSweepRequest request = dialog.request();
    QCOMPARE(request.runId, qint64(7));
    QCOMPARE(request.parameter, QStringLiteral("weight_noise.sigma"));
    QCOMPARE(request.values, (QVector<double>{0.0, 0.05, 0.1, 0.2, 0.4}));
    const NoiseSweepRequest cliDefaults;
    QCOMPARE(request.chips, cliDefaults.chips);
    QCOMPARE(request.seed, cliDefaults.seed);
    QCOMPARE(request.testLimit, 0);
    QVERIFY(request.bitPacked);
    QVERIFY(dialog.windowTitle().contains(QLatin1String("Noise sweep")));
}

void TestNoiseSweepDialog::parameterBringsItsValues()
{
    NoiseSweepDialog dialog(run());
    dialog.setParameter(QStringLiteral("adc.bits"));
    QCOMPARE(dialog.parameter(), QStringLiteral("adc.bits"));
    QCOMPARE(dialog.valuesEdit()->text(), QStringLiteral("2, 3, 4, 6, 8"));
    QCOMPARE(dialog.request().values, (QVector<double>{2, 3, 4, 6, 8}));
}

void TestNoiseSweepDialog::everyDefaultListIsValid()
{
    for (const QString &parameter : NoiseSweepDialog::sweepableParameters()) {
        const QString values = NoiseSweepDialog::defaultValues(parameter);
        QVERIFY2(!values.isEmpty(), qPrintable(parameter));
        const auto parsed = NoiseSweepDialog::parseValues(parameter, values);
        QVERIFY2(parsed.ok(), qPrintable(parameter + QStringLiteral(": ") + parsed.error()));
    }
}

void TestNoiseSweepDialog::badValueListNamesTheField_data()
{
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QString>("values");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not a number") << QStringLiteral("weight_noise.sigma") << QStringLiteral("0, 0.1, abc")
                                  << QStringLiteral("abc");
    QTest::newRow("empty") << QStringLiteral("weight_noise.sigma") << QStringLiteral(" , ")
                           << QStringLiteral("at least one");
    QTest::newRow("out of range") << QStringLiteral("weight_noise.sigma") << QStringLiteral("0, 20")
                                  << QStringLiteral("20");
    QTest::newRow("probability above 1")
        << QStringLiteral("stuck_at.p") << QStringLiteral("0.5, 1.5") << QStringLiteral("1.5");
    QTest::newRow("fraction for an integer")
        << QStringLiteral("adc.bits") << QStringLiteral("4; 6.5") << QStringLiteral("6.5");
}

void TestNoiseSweepDialog::badValueListNamesTheField()
{
    QFETCH(QString, parameter);
    QFETCH(QString, values);
    QFETCH(QString, mentions);
    const auto parsed = NoiseSweepDialog::parseValues(parameter, values);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().startsWith(QLatin1String("Values:")), qPrintable(parsed.error()));
    QVERIFY2(parsed.error().contains(mentions), qPrintable(parsed.error()));

    NoiseSweepDialog dialog(run());
    dialog.setParameter(parameter);
    dialog.valuesEdit()->setText(values);
    QCOMPARE(dialog.validate(), parsed.error());
}

void TestNoiseSweepDialog::startRefusedWhileInvalid()
{
    NoiseSweepDialog dialog(run());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.valuesEdit()->setText(QStringLiteral("0.1, x"));
    QPushButton *start = dialog.buttons()->button(QDialogButtonBox::Ok);
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY2(dialog.errorText().contains(QLatin1String("Values")), qPrintable(dialog.errorText()));

    dialog.valuesEdit()->setText(QStringLiteral("0.1, 0.3"));
    QTest::mouseClick(start, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.errorText().isEmpty());
}

void TestNoiseSweepDialog::requestCarriesTheChipOptions()
{
    NoiseSweepDialog dialog(run());
    dialog.chipOptions()->chipsSpin()->setValue(4);
    dialog.chipOptions()->seedSpin()->setValue(9);
    dialog.chipOptions()->testLimitSpin()->setValue(300);
    dialog.chipOptions()->bitPackedCheck()->setChecked(false);
    const NoiseSweepRequest request = dialog.request();
    QCOMPARE(request.chips, 4);
    QCOMPARE(request.seed, quint64(9));
    QCOMPARE(request.testLimit, 300);
    QVERIFY(!request.bitPacked);
}

QTEST_MAIN(TestNoiseSweepDialog)
#include "tst_noisesweepdialog.moc"
