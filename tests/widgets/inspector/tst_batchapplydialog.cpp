// BatchApplyDialog and applyBatchEdit (widgets/inspector/batchapplydialog.cpp): the choice, the
// preview, and one undo step per batch edit on a document.

#include "document/networkdocument.h"
#include "inspector/batchapplydialog.h"
#include "spec/presetlibrary.h"

#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QLabel>
#include <QRadioButton>
#include <QUndoStack>
#include <QtTest>

using namespace qb;

class TestBatchApplyDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choosesActionAndSigma();
    void appliesAsOneUndoStep();
};

void TestBatchApplyDialog::choosesActionAndSigma()
{
    Result<NetworkSpec> net = PresetLibrary::load(QStringLiteral("cnn-mnist"));
    QVERIFY(net);
    BatchApplyDialog dialog;
    dialog.setNetwork(*net);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.action(), BatchApplyDialog::Action::BinarizeHiddenLayers);
    auto *sigma = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("sigma"));
    QVERIFY(sigma);
    QVERIFY(!sigma->isEnabled());
    // cnn-mnist has five conv/dense layers, all float.
    QVERIFY2(dialog.previewText().contains(QStringLiteral("5")), qPrintable(dialog.previewText()));

    auto *noise = dialog.findChild<QRadioButton *>(QStringLiteral("addWeightNoise"));
    QTest::mouseClick(noise, Qt::LeftButton, {}, QPoint(5, noise->height() / 2));
    QCOMPARE(dialog.action(), BatchApplyDialog::Action::AddWeightNoise);
    QVERIFY(sigma->isEnabled());
    sigma->setValue(0.2);
    QCOMPARE(dialog.sigma(), 0.2);

    dialog.findChild<QRadioButton *>(QStringLiteral("removeQuantization"))->click();
    QCOMPARE(dialog.action(), BatchApplyDialog::Action::RemoveQuantization);
    QVERIFY(!sigma->isEnabled());
}

void TestBatchApplyDialog::appliesAsOneUndoStep()
{
    Result<NetworkSpec> net = PresetLibrary::load(QStringLiteral("cnn-mnist"));
    QVERIFY(net);
    NetworkDocument doc;
    doc.reset(*net);
    const QJsonObject original = doc.network().toJson();

    applyBatchEdit(&doc, BatchApplyDialog::Action::AddWeightNoise, 0.2);
    QCOMPARE(doc.undoStack()->count(), 1);
    int noisy = 0;
    for (const LayerSpec &l : doc.network().layers) {
        if (!l.hasWeights())
            continue;
        QCOMPARE(l.nonidealities.size(), 1);
        QCOMPARE(l.nonidealities[0].model, QStringLiteral("weight_noise"));
        QCOMPARE(l.nonidealities[0].number(QStringLiteral("sigma"), 0), 0.2);
        ++noisy;
    }
    QCOMPARE(noisy, 5);

    applyBatchEdit(&doc, BatchApplyDialog::Action::BinarizeHiddenLayers, 0.0);
    QCOMPARE(doc.undoStack()->count(), 2);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Binarize hidden layers"));
    QCOMPARE(doc.layer(12).kernelQuantizer.name, QStringLiteral("ste_sign"));
    QCOMPARE(doc.layer(12).inputQuantizer.name, QStringLiteral("ste_sign"));
    QVERIFY(doc.layer(0).inputQuantizer.isNone());

    applyBatchEdit(&doc, BatchApplyDialog::Action::RemoveQuantization, 0.0);
    QCOMPARE(doc.undoStack()->count(), 3);
    QVERIFY(!doc.layer(12).isQuantized());
    QVERIFY(doc.layer(12).nonidealities.isEmpty());

    doc.undoStack()->undo();
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(doc.network().toJson(), original);
}

QTEST_MAIN(TestBatchApplyDialog)
#include "tst_batchapplydialog.moc"
