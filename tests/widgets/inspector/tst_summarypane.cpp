// The model summary pane (widgets/inspector/summarypane.cpp): the Larq-style table and totals,
// live and coalesced updates, and the validator's message for an invalid network.

#include "document/networkdocument.h"
#include "inspector/summarypane.h"
#include "spec/presetlibrary.h"

#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>
#include <QUndoStack>
#include <QtTest>

using namespace qb;

namespace {

// larq-mnist-bnn: 0 conv 32, 1 pool, 2 bn, 3 conv 64, 4 pool, 5 bn, 6 conv 64, 7 bn, 8 flatten,
// 9 dense 64, 10 bn, 11 dense 10, 12 bn, 13 softmax.
constexpr int kHiddenDense = 9;

QStringList headers(const QTableWidget *table)
{
    QStringList out;
    for (int c = 0; c < table->columnCount(); ++c)
        out << table->horizontalHeaderItem(c)->text();
    return out;
}

} // namespace

class TestSummaryPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void larqTotals();
    void tableColumnsPerBitWidth();
    void updatesAfterEdit();
    void invalidNetworkShowsMessage();
    void clickingRowActivatesLayer();

private:
    NetworkDocument *m_doc = nullptr;
    SummaryPane *m_pane = nullptr;
};

void TestSummaryPane::initTestCase()
{
    // Numbers are formatted with the UI locale; pin it so the expected strings are stable.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestSummaryPane::init()
{
    Result<NetworkSpec> preset = PresetLibrary::load(QStringLiteral("larq-mnist-bnn"));
    QVERIFY2(preset, qPrintable(preset.error()));
    m_doc = new NetworkDocument;
    m_doc->reset(*preset);
    m_pane = new SummaryPane(m_doc);
    m_pane->resize(900, 600);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane));
}

void TestSummaryPane::cleanup()
{
    delete m_pane;
    delete m_doc;
}

void TestSummaryPane::larqTotals()
{
    const QString totals = m_pane->totalsText();
    QVERIFY2(totals.contains(QStringLiteral("1-bit parameters: 93,088")), qPrintable(totals));
    QVERIFY2(totals.contains(QStringLiteral("32-bit parameters: 468")), qPrintable(totals));
    QVERIFY2(totals.contains(QStringLiteral("Total parameters: 93,556")), qPrintable(totals));
    // 93,088 bits + 468 * 32 bits = 108,064 bits = 13.19 KiB; as float-32: 93,556 * 4 B = 365.45 KiB.
    QVERIFY2(totals.contains(QStringLiteral("Model size: 13.19 KiB")), qPrintable(totals));
    QVERIFY2(totals.contains(QStringLiteral("Float-32 equivalent: 365.45 KiB")), qPrintable(totals));
    QVERIFY2(totals.contains(QStringLiteral("Compression ratio: 27.70")), qPrintable(totals));
    QVERIFY2(totals.contains(QStringLiteral("Binarized MACs: ")), qPrintable(totals));
    QVERIFY(m_pane->errorText().isEmpty());
}

void TestSummaryPane::tableColumnsPerBitWidth()
{
    QTableWidget *table = m_pane->table();
    QVERIFY(table->isVisible());
    QCOMPARE(table->rowCount(), m_doc->layerCount() + 1); // plus the total row
    const QStringList h = headers(table);
    QVERIFY2(h.contains(QStringLiteral("1-bit params")), qPrintable(h.join(QLatin1Char('|'))));
    QVERIFY(h.contains(QStringLiteral("32-bit params")));
    QVERIFY(h.contains(QStringLiteral("Memory (KiB)")));
    QVERIFY(h.contains(QStringLiteral("1-bit MACs")));
    QVERIFY(h.contains(QStringLiteral("32-bit MACs"))); // the first conv has float input
    const int oneBit = int(h.indexOf(QStringLiteral("1-bit params")));
    QCOMPARE(table->item(0, oneBit)->text(), QStringLiteral("288")); // 3*3*1*32
    QCOMPARE(table->item(kHiddenDense, oneBit)->text(), QStringLiteral("36,864")); // 576*64
    QCOMPARE(table->item(kHiddenDense, 2)->text(), QStringLiteral("1")); // binary input
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("-")); // float input
    QCOMPARE(table->item(kHiddenDense, 3)->text(), QStringLiteral("64"));
    QCOMPARE(table->item(m_doc->layerCount(), oneBit)->text(), QStringLiteral("93,088"));
    QVERIFY(!table->horizontalHeaderItem(oneBit)->toolTip().isEmpty());
}

void TestSummaryPane::updatesAfterEdit()
{
    LayerSpec dense = m_doc->layer(kHiddenDense);
    dense.units = 32;
    m_doc->editLayer(kHiddenDense, dense, QStringLiteral("units"));
    dense.units = 31;
    m_doc->editLayer(kHiddenDense, dense, QStringLiteral("units"));
    dense.units = 32;
    m_doc->editLayer(kHiddenDense, dense, QStringLiteral("units"));
    // Coalesced: nothing is recomputed until the event loop runs.
    QVERIFY(m_pane->totalsText().contains(QStringLiteral("1-bit parameters: 93,088")));
    // 288 + 18,432 + 36,864 + 576*32 + 32*10 = 74,336; batch norms 2*(32+64+64+32+10) = 404.
    QTRY_VERIFY2(m_pane->totalsText().contains(QStringLiteral("1-bit parameters: 74,336")),
        qPrintable(m_pane->totalsText()));
    QVERIFY(m_pane->totalsText().contains(QStringLiteral("32-bit parameters: 404")));

    m_doc->undoStack()->undo();
    QTRY_VERIFY(m_pane->totalsText().contains(QStringLiteral("1-bit parameters: 93,088")));
}

void TestSummaryPane::invalidNetworkShowsMessage()
{
    LayerSpec conv = m_doc->layer(6);
    conv.kernelH = 9;
    m_doc->editLayer(6, conv, QStringLiteral("kernel_height"));
    QTRY_VERIFY2(m_pane->errorText().contains(QStringLiteral("larger than its 5x5 input")),
        qPrintable(m_pane->errorText()));
    QVERIFY(m_pane->totalsText().isEmpty());
    QVERIFY(!m_pane->table()->isVisible());

    m_doc->undoStack()->undo();
    QTRY_VERIFY(m_pane->table()->isVisible());
    QVERIFY(m_pane->errorText().isEmpty());
    QVERIFY(m_pane->totalsText().contains(QStringLiteral("93,088")));
}

void TestSummaryPane::clickingRowActivatesLayer()
{
    QSignalSpy activated(m_pane, &SummaryPane::layerActivated);
    QTableWidget *table = m_pane->table();
    const QRect cell = table->visualItemRect(table->item(3, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toInt(), 3);
}

QTEST_MAIN(TestSummaryPane)
#include "tst_summarypane.moc"
