// SpecDiffDialog: the configuration differences of two runs (widgets/history).

#include "history/historypanel.h"
#include "history/specdiffdialog.h"
#include "widgets/history/historytestdata.h"

#include <QAction>
#include <QApplication>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace qb;
using namespace qb::testdata;

class TestSpecDiffDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsExactlyTheDifferences();
    void identicalRuns();
    void openedFromPanel();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ExperimentStore> m_store;
};

void TestSpecDiffDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<ExperimentStore>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("history.sqlite"))));
}

void TestSpecDiffDialog::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestSpecDiffDialog::listsExactlyTheDifferences()
{
    // Two runs of the Larq BNN that differ in the learning rate and in layer 6's kernel quantizer.
    RunOptions a;
    a.name = QStringLiteral("bnn lr 1e-3");
    a.spec = presetSpec(QStringLiteral("larq-mnist-bnn"));
    a.testAccuracies = {0.9};
    RunOptions b = a;
    b.name = QStringLiteral("bnn lr 1e-2");
    b.spec.train.learningRate = 0.01;
    QCOMPARE(b.spec.network.layers[6].kernelQuantizer.name, QStringLiteral("ste_sign"));
    b.spec.network.layers[6].kernelQuantizer.params.insert(QStringLiteral("clip"), 1.25);
    const RunRecord runA = *m_store->run(addRun(*m_store, a));
    const RunRecord runB = *m_store->run(addRun(*m_store, b));

    SpecDiffDialog dialog(runA, runB);
    const QList<SpecDifference> differences = dialog.differences();
    QCOMPARE(differences.size(), 2);
    QCOMPARE(differences.at(0).path, QStringLiteral("network.layers[6].kernel_quantizer.clip"));
    QCOMPARE(differences.at(0).before, QStringLiteral("1"));
    QCOMPARE(differences.at(0).after, QStringLiteral("1.25"));
    QCOMPARE(differences.at(1).path, QStringLiteral("train.learning_rate"));
    QCOMPARE(differences.at(1).before, QStringLiteral("0.001"));
    QCOMPARE(differences.at(1).after, QStringLiteral("0.01"));

    QTableWidget *table = dialog.table();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->columnCount(), 3);
    QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("Path"));
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("train.learning_rate"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("0.001"));
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("0.01"));
    QCOMPARE(dialog.summaryText(), QStringLiteral("2 field(s) differ"));

    // The other way round: the same fields, values swapped.
    SpecDiffDialog reversed(runB, runA);
    QCOMPARE(reversed.differences().size(), 2);
    QCOMPARE(reversed.differences().at(1).before, QStringLiteral("0.01"));
}

void TestSpecDiffDialog::identicalRuns()
{
    RunOptions a;
    a.name = QStringLiteral("one");
    const RunRecord runA = *m_store->run(addRun(*m_store, a));
    a.name = QStringLiteral("two");
    a.testAccuracies = {0.5};
    const RunRecord runB = *m_store->run(addRun(*m_store, a));
    SpecDiffDialog dialog(runA, runB);
    QVERIFY(dialog.differences().isEmpty());
    QCOMPARE(dialog.summaryText(), QStringLiteral("No differences"));
    QCOMPARE(dialog.table()->rowCount(), 0);
    QVERIFY(dialog.table()->isHidden());
}

void TestSpecDiffDialog::openedFromPanel()
{
    RunOptions a;
    a.name = QStringLiteral("first");
    const qint64 first = addRun(*m_store, a);
    a.name = QStringLiteral("second");
    a.spec.train.epochs = 3;
    const qint64 second = addRun(*m_store, a);
    HistoryPanel panel;
    QVERIFY(panel.setDatabasePath(m_dir->filePath(QStringLiteral("history.sqlite"))));
    panel.selectRuns({first, second});
    panel.action(HistoryPanel::CompareAction)->trigger();
    auto *dialog = panel.findChild<SpecDiffDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->differences().size(), 1);
    QCOMPARE(dialog->differences().first().path, QStringLiteral("train.epochs"));
    dialog->close();
}

QTEST_MAIN(TestSpecDiffDialog)
#include "tst_specdiffdialog.moc"
