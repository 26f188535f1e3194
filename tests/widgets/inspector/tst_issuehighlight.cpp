// setIssueHighlight (widgets/inspector/issuehighlight): invalid fields are marked without a style
// sheet, so spin boxes keep their native arrows, and the mark comes off without a trace.

#include "inspector/issuehighlight.h"

#include <QComboBox>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionSpinBox>
#include <QtTest>

using namespace qb;

namespace {

/// Dark pixels (the arrow) inside the up button of `spin` as drawn.
int arrowPixels(QSpinBox *spin)
{
    QStyleOptionSpinBox option;
    option.initFrom(spin);
    option.subControls = QStyle::SC_SpinBoxUp | QStyle::SC_SpinBoxDown | QStyle::SC_SpinBoxFrame;
    option.buttonSymbols = spin->buttonSymbols();
    option.stepEnabled = QAbstractSpinBox::StepUpEnabled | QAbstractSpinBox::StepDownEnabled;
    option.frame = true;
    const QRect up = spin->style()->subControlRect(QStyle::CC_SpinBox, &option, QStyle::SC_SpinBoxUp, spin);
    const QImage image = spin->grab().toImage();
    int dark = 0;
    for (int y = up.top(); y <= up.bottom(); ++y) {
        for (int x = up.left(); x <= up.right(); ++x) {
            const QPoint p(int(x * image.devicePixelRatio()), int(y * image.devicePixelRatio()));
            if (image.rect().contains(p) && qGray(image.pixel(p)) < 110)
                ++dark;
        }
    }
    return dark;
}

} // namespace

class TestIssueHighlight : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spinBoxKeepsArrows();
    void markAndClear();
    void ownPaletteRestored();
    void richToolTipWraps();
};

void TestIssueHighlight::spinBoxKeepsArrows()
{
    QWidget window;
    auto *plain = new QSpinBox(&window);
    auto *marked = new QSpinBox(&window);
    plain->setGeometry(10, 10, 120, 28);
    marked->setGeometry(10, 50, 120, 28);
    window.resize(200, 100);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    setIssueHighlight(marked, QStringLiteral("must be at least 1"));
    QVERIFY(hasIssueHighlight(marked));
    const int before = arrowPixels(plain);
    const int after = arrowPixels(marked);
    QVERIFY2(before > 0, "the style draws no arrow at all");
    // The arrow is still drawn (a style sheet border would have replaced it).
    QVERIFY2(after >= before * 3 / 4, qPrintable(QStringLiteral("%1 vs %2").arg(after).arg(before)));
    QVERIFY(marked->styleSheet().isEmpty());
}

void TestIssueHighlight::markAndClear()
{
    QWidget window;
    auto *spin = new QSpinBox(&window);
    auto *combo = new QComboBox(&window);
    spin->setToolTip(QStringLiteral("Filters"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QColor base = spin->palette().color(QPalette::Base);
    const QColor button = combo->palette().color(QPalette::Button);

    setIssueHighlight(spin, QStringLiteral("must be at least 1"));
    setIssueHighlight(combo, QStringLiteral("unknown quantizer"));
    for (QWidget *w : {static_cast<QWidget *>(spin), static_cast<QWidget *>(combo)}) {
        QVERIFY(hasIssueHighlight(w));
        QVERIFY(w->styleSheet().isEmpty());
        // A red frame over the whole control, which lets the mouse through.
        QWidget *frame = w->findChild<QWidget *>(QStringLiteral("qbIssueFrame"));
        QVERIFY(frame);
        QCOMPARE(frame->geometry(), w->rect());
        QVERIFY(frame->testAttribute(Qt::WA_TransparentForMouseEvents));
    }
    // Reddish: more red than green, unlike the neutral original.
    const QColor tinted = spin->palette().color(QPalette::Base);
    QVERIFY(tinted != base);
    QVERIFY(tinted.red() > tinted.green());
    QVERIFY(combo->palette().color(QPalette::Button) != button);
    QVERIFY(spin->toolTip().contains(QStringLiteral("Filters")));
    QVERIFY(spin->toolTip().contains(QStringLiteral("must be at least 1")));

    // Marking again (a new message) keeps one frame and the original tooltip.
    setIssueHighlight(spin, QStringLiteral("must be at most 9"));
    QCOMPARE(spin->findChildren<QWidget *>(QStringLiteral("qbIssueFrame")).size(), 1);
    QVERIFY(!spin->toolTip().contains(QStringLiteral("at least")));

    // The frame follows the control's size.
    spin->resize(150, 40);
    QCOMPARE(spin->findChild<QWidget *>(QStringLiteral("qbIssueFrame"))->geometry(), spin->rect());

    setIssueHighlight(spin, QString());
    setIssueHighlight(combo, QString());
    QVERIFY(!hasIssueHighlight(spin));
    QVERIFY(!spin->findChild<QWidget *>(QStringLiteral("qbIssueFrame")));
    QVERIFY(!combo->findChild<QWidget *>(QStringLiteral("qbIssueFrame")));
    QCOMPARE(spin->palette().color(QPalette::Base), base);
    QCOMPARE(combo->palette().color(QPalette::Button), button);
    QVERIFY(!spin->testAttribute(Qt::WA_SetPalette)); // inherits its parent's palette again
    QCOMPARE(spin->toolTip(), QStringLiteral("Filters"));
}

void TestIssueHighlight::ownPaletteRestored()
{
    QSpinBox spin;
    QPalette own = spin.palette();
    own.setColor(QPalette::Text, Qt::darkGreen);
    spin.setPalette(own);
    setIssueHighlight(&spin, QStringLiteral("bad"));
    QCOMPARE(spin.palette().color(QPalette::Text), QColor(Qt::darkGreen));
    setIssueHighlight(&spin, QString());
    QCOMPARE(spin.palette().color(QPalette::Text), QColor(Qt::darkGreen));
    QCOMPARE(spin.palette().color(QPalette::Base), own.color(QPalette::Base));
}

void TestIssueHighlight::richToolTipWraps()
{
    QCOMPARE(richToolTip(QString()), QString());
    QCOMPARE(richToolTip(QStringLiteral("a < b\nc")), QStringLiteral("<p>a &lt; b<br>c</p>"));
}

QTEST_MAIN(TestIssueHighlight)
#include "tst_issuehighlight.moc"
