// PtqSweepDialog: the CLI's defaults, the fraction-bit range, what is quantized, and a range that
// does not fit the word refused with the field named.
#include "analysis/ptqsweepdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

using namespace qb;

class TestPtqSweepDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsAreTheClis();
    void rangeAndTarget();
    void badRangeNamesTheField();

private:
    static RunRecord run()
    {
        RunRecord r;
        r.id = 3;
        r.status = RunStatus::Finished;
        return r;
    }
};

void TestPtqSweepDialog::defaultsAreTheClis()
{
    PtqSweepDialog dialog(run());
    QVERIFY(dialog.validate().isEmpty());
    const PtqSweepRequest request = dialog.request();
    const PtqSweepRequest cli;
    QCOMPARE(request.runId, qint64(3));
    QCOMPARE(request.fracBits, cli.fracBits);
    QCOMPARE(request.wordBits, cli.wordBits);
    QVERIFY(request.weights);
    QVERIFY(request.activations);
    QCOMPARE(request.testLimit, 0);
}

void TestPtqSweepDialog::rangeAndTarget()
{
    PtqSweepDialog dialog(run());
    dialog.fracFromSpin()->setValue(4);
    dialog.fracToSpin()->setValue(6);
    dialog.wordBitsSpin()->setValue(8);
    dialog.targetCombo()->setCurrentIndex(dialog.targetCombo()->findData(PtqSweepDialog::WeightsOnly));
    dialog.testLimitSpin()->setValue(500);
    QVERIFY(dialog.validate().isEmpty());
    PtqSweepRequest request = dialog.request();
    QCOMPARE(request.fracBits, (QVector<int>{4, 5, 6}));
    QCOMPARE(request.wordBits, 8);
    QVERIFY(request.weights);
    QVERIFY(!request.activations);
    QCOMPARE(request.testLimit, 500);
    dialog.targetCombo()->setCurrentIndex(dialog.targetCombo()->findData(PtqSweepDialog::ActivationsOnly));
    request = dialog.request();
    QVERIFY(!request.weights);
    QVERIFY(request.activations);
}

void TestPtqSweepDialog::badRangeNamesTheField()
{
    PtqSweepDialog dialog(run());
    dialog.fracFromSpin()->setValue(7);
    dialog.fracToSpin()->setValue(5);
    QVERIFY2(dialog.validate().startsWith(QLatin1String("Fraction bits:")), qPrintable(dialog.validate()));

    dialog.fracFromSpin()->setValue(4);
    dialog.fracToSpin()->setValue(9);
    dialog.wordBitsSpin()->setValue(8);
    QVERIFY2(dialog.validate().startsWith(QLatin1String("Fraction bits:")), qPrintable(dialog.validate()));
    QVERIFY2(dialog.validate().contains(QLatin1String("8")), qPrintable(dialog.validate()));

    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.errorText().startsWith(QLatin1String("Fraction bits:")));
    dialog.wordBitsSpin()->setValue(16);
    QTest::mouseClick(dialog.buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

QTEST_MAIN(TestPtqSweepDialog)
#include "tst_ptqsweepdialog.moc"
