// ReferenceDialog (widgets/help): Help ▸ Quantizer and nonideality reference lists every catalogue
// entry, searches and shows each entry's page.

#include "help/referencedialog.h"
#include "help/referencepages.h"

#include <QLineEdit>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

using namespace qb;

class TestReferenceDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsEveryCatalogueEntry();
    void selectingShowsThePage();
    void searchFilters();
    void linksSelectEntries();
};

void TestReferenceDialog::listsEveryCatalogueEntry()
{
    ReferenceDialog dialog;
    QStringList quantizers;
    for (const QuantizerInfo &info : QuantizerCatalog::all())
        quantizers.append(info.name);
    QStringList nonidealities;
    for (const NoiseInfo &info : NoiseCatalog::all())
        nonidealities.append(info.name);
    QCOMPARE(dialog.quantizerNames(), quantizers);
    QCOMPARE(dialog.nonidealityNames(), nonidealities);
    QCOMPARE(dialog.visibleKeys().size(), quantizers.size() + nonidealities.size());
    QVERIFY(dialog.quantizerNames().contains(QStringLiteral("ste_sign")));
    QVERIFY(dialog.nonidealityNames().contains(QStringLiteral("drift")));
    // Starts on the overview: both tables.
    QVERIFY(dialog.currentKey().isEmpty());
    const QString text = dialog.browser()->toPlainText();
    for (const QString &name : quantizers + nonidealities)
        QVERIFY2(text.contains(name), qPrintable(name));
    QVERIFY(!dialog.isModal());
}

void TestReferenceDialog::selectingShowsThePage()
{
    ReferenceDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // Clicking an entry in the list.
    QTreeWidget *tree = dialog.tree();
    QTreeWidgetItem *lsq = nullptr;
    for (int i = 0; i < tree->topLevelItem(0)->childCount(); ++i) {
        if (tree->topLevelItem(0)->child(i)->text(0) == QLatin1String("lsq"))
            lsq = tree->topLevelItem(0)->child(i);
    }
    QVERIFY(lsq);
    tree->scrollToItem(lsq);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(lsq).center());
    QCOMPARE(dialog.currentKey(), ReferenceDialog::quantizerKey(QStringLiteral("lsq")));
    const QuantizerInfo *info = QuantizerCatalog::find(QStringLiteral("lsq"));
    QVERIFY(dialog.browser()->toPlainText().contains(info->description));

    dialog.showEntry(ReferenceDialog::nonidealityKey(QStringLiteral("adc")));
    QCOMPARE(tree->currentItem()->text(0), QStringLiteral("adc"));
    QVERIFY(dialog.browser()->toPlainText().contains(NoiseCatalog::find(QStringLiteral("adc"))->description));

    // A catalogue heading goes back to the overview.
    tree->setCurrentItem(tree->topLevelItem(1));
    QVERIFY(dialog.currentKey().isEmpty());
    QVERIFY(dialog.browser()->toPlainText().contains(QStringLiteral("ste_sign")));
}

void TestReferenceDialog::searchFilters()
{
    ReferenceDialog dialog;
    QTest::keyClicks(dialog.searchField(), QStringLiteral("ternary"));
    const QStringList keys = dialog.visibleKeys();
    QVERIFY(!keys.isEmpty());
    QVERIFY(keys.contains(ReferenceDialog::quantizerKey(QStringLiteral("ternary_twn"))));
    QVERIFY(!keys.contains(ReferenceDialog::quantizerKey(QStringLiteral("ste_sign"))));
    for (const QString &key : keys) {
        const QString name = key.section(QLatin1Char(':'), 1);
        const QuantizerInfo *q = QuantizerCatalog::find(name);
        const NoiseInfo *n = NoiseCatalog::find(name);
        QVERIFY(q ? ReferencePages::matches(*q, QStringLiteral("ternary"))
                  : ReferencePages::matches(*n, QStringLiteral("ternary")));
    }
    // No nonideality mentions ternary: that heading is hidden.
    QVERIFY(dialog.tree()->topLevelItem(1)->isHidden());

    // Narrowed to one entry: its page shows.
    dialog.setSearchText(QStringLiteral("stuck_at"));
    QCOMPARE(dialog.visibleKeys(), QStringList{ReferenceDialog::nonidealityKey(QStringLiteral("stuck_at"))});
    QCOMPARE(dialog.currentKey(), ReferenceDialog::nonidealityKey(QStringLiteral("stuck_at")));

    dialog.setSearchText(QString());
    QCOMPARE(dialog.visibleKeys().size(), QuantizerCatalog::all().size() + NoiseCatalog::all().size());
    QVERIFY(!dialog.tree()->topLevelItem(1)->isHidden());
}

void TestReferenceDialog::linksSelectEntries()
{
    ReferenceDialog dialog;
    // The overview's table links to each entry's page.
    Q_EMIT dialog.browser()->anchorClicked(QUrl(QStringLiteral("quantizer:dorefa")));
    QCOMPARE(dialog.currentKey(), ReferenceDialog::quantizerKey(QStringLiteral("dorefa")));
    QVERIFY(dialog.browser()->toPlainText().contains(QStringLiteral("Parameters")));
}

QTEST_MAIN(TestReferenceDialog)
#include "tst_referencedialog.moc"
