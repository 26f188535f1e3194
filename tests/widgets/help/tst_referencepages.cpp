// ReferencePages (widgets/help): the reference generated from the quantizer and nonideality
// catalogues, so every catalogue entry and parameter appears with its default.

#include "help/referencepages.h"

#include <QtTest>

using namespace qb;

class TestReferencePages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tablesListEveryEntry();
    void parameterSummaries();
    void quantizerPage();
    void nonidealityPage();
    void search();
};

void TestReferencePages::tablesListEveryEntry()
{
    const QString quantizers = ReferencePages::quantizerTable();
    QVERIFY(QuantizerCatalog::all().size() >= 10);
    for (const QuantizerInfo &info : QuantizerCatalog::all()) {
        QVERIFY2(
            quantizers.contains(QStringLiteral("<code>%1</code>").arg(info.name)), qPrintable(info.name));
        QVERIFY2(quantizers.contains(info.description.toHtmlEscaped()), qPrintable(info.name));
        for (const QuantizerParam &p : info.params)
            QVERIFY2(
                quantizers.contains(ReferencePages::parameterSummary(p).toHtmlEscaped()), qPrintable(p.key));
    }
    const QString nonidealities = ReferencePages::nonidealityTable();
    QVERIFY(NoiseCatalog::all().size() >= 8);
    for (const NoiseInfo &info : NoiseCatalog::all()) {
        QVERIFY2(
            nonidealities.contains(QStringLiteral("<code>%1</code>").arg(info.name)), qPrintable(info.name));
        QVERIFY2(nonidealities.contains(info.description.toHtmlEscaped()), qPrintable(info.name));
    }
    const QString overview = ReferencePages::overview();
    QVERIFY(overview.contains(quantizers));
    QVERIFY(overview.contains(nonidealities));
}

void TestReferencePages::parameterSummaries()
{
    // As the README writes them: the default in parentheses, the default choice first.
    const QuantizerInfo *steSign = QuantizerCatalog::find(QStringLiteral("ste_sign"));
    QVERIFY(steSign);
    QCOMPARE(ReferencePages::parameterSummary(steSign->params.first()), QStringLiteral("clip (1)"));
    QCOMPARE(ReferencePages::bitsText(*steSign), QStringLiteral("1"));
    QCOMPARE(ReferencePages::rolesText(steSign->roles), QStringLiteral("inputs and weights"));

    const QuantizerInfo *fixedPoint = QuantizerCatalog::find(QStringLiteral("fixed_point"));
    QVERIFY(fixedPoint);
    QStringList summaries;
    for (const QuantizerParam &p : fixedPoint->params)
        summaries.append(ReferencePages::parameterSummary(p));
    QCOMPARE(summaries,
        (QStringList{QStringLiteral("word_bits (8)"), QStringLiteral("frac_bits (4)"),
            QStringLiteral("signed (true)"), QStringLiteral("rounding (nearest, floor, stochastic)"),
            QStringLiteral("overflow (saturate, wrap)")}));
    QCOMPARE(ReferencePages::bitsText(*fixedPoint), QStringLiteral("set by word_bits"));

    const QuantizerInfo *twn = QuantizerCatalog::find(QStringLiteral("ternary_twn"));
    QVERIFY(twn);
    QCOMPARE(ReferencePages::rolesText(twn->roles), QStringLiteral("weights only"));
}

void TestReferencePages::quantizerPage()
{
    const QuantizerInfo *reste = QuantizerCatalog::find(QStringLiteral("reste"));
    QVERIFY(reste);
    const QString page = ReferencePages::quantizerPage(*reste);
    QVERIFY(page.contains(QStringLiteral("<code>reste</code>")));
    QVERIFY(page.contains(reste->description.toHtmlEscaped()));
    for (const QuantizerParam &p : reste->params) {
        QVERIFY2(page.contains(QStringLiteral("<code>%1</code>").arg(p.key)), qPrintable(p.key));
        QVERIFY2(page.contains(p.description.toHtmlEscaped()), qPrintable(p.key));
    }
    QVERIFY(page.contains(QStringLiteral("<code>1.5</code>"))); // t's default
    QVERIFY(page.contains(QStringLiteral("constant, cosine")));
}

void TestReferencePages::nonidealityPage()
{
    const NoiseInfo *stuck = NoiseCatalog::find(QStringLiteral("stuck_at"));
    QVERIFY(stuck);
    QVERIFY(stuck->perChip);
    const QString page = ReferencePages::nonidealityPage(*stuck);
    QVERIFY(page.contains(QStringLiteral("once per simulated chip")));
    const NoiseInfo *weightNoise = NoiseCatalog::find(QStringLiteral("weight_noise"));
    QVERIFY(weightNoise);
    QVERIFY(ReferencePages::nonidealityPage(*weightNoise).contains(QStringLiteral("on every forward pass")));
    QVERIFY(ReferencePages::nonidealityPage(*weightNoise).contains(QStringLiteral("<code>sigma</code>")));
}

void TestReferencePages::search()
{
    const QuantizerInfo *lsq = QuantizerCatalog::find(QStringLiteral("lsq"));
    QVERIFY(lsq);
    QVERIFY(ReferencePages::matches(*lsq, QString()));
    QVERIFY(ReferencePages::matches(*lsq, QStringLiteral("LSQ")));
    QVERIFY(!ReferencePages::matches(*lsq, QStringLiteral("heaviside")));
    const NoiseInfo *adc = NoiseCatalog::find(QStringLiteral("adc"));
    QVERIFY(adc);
    QVERIFY(ReferencePages::matches(*adc, QStringLiteral("bits"))); // a parameter name
    QVERIFY(!ReferencePages::matches(*adc, QStringLiteral("lognormal")));
}

QTEST_MAIN(TestReferencePages)
#include "tst_referencepages.moc"
