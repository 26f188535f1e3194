// WheelGuard: the mouse wheel changes a spin box, combo box or slider only while it has focus; over
// an unfocused one it scrolls the form around it.
#include "common/wheelguard.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QTest>
#include <QVBoxLayout>
#include <QWheelEvent>

using namespace qb;

namespace {

/// One notch of the wheel turned towards the user (scrolls down, steps a spin box down) over `widget`.
void wheelDown(QWidget *widget)
{
    const QPointF local = QRectF(widget->rect()).center();
    QWheelEvent event(local, widget->mapToGlobal(local), QPoint(), QPoint(0, -120), Qt::NoButton,
        Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

/// A tall form in a small scroll area: a spin box, a combo box and a slider, then filler.
struct Form
{
    QScrollArea area;
    QSpinBox *spin = nullptr;
    QComboBox *combo = nullptr;
    QSlider *slider = nullptr;
    QLineEdit *notes = nullptr; ///< somewhere else to have the focus

    Form()
    {
        auto *content = new QWidget;
        auto *layout = new QVBoxLayout(content);
        spin = new QSpinBox(content);
        spin->setRange(1, 1000);
        spin->setValue(64);
        combo = new QComboBox(content);
        combo->addItems({QStringLiteral("Adam"), QStringLiteral("SGD"), QStringLiteral("RMSprop")});
        combo->setCurrentIndex(1);
        slider = new QSlider(Qt::Horizontal, content);
        slider->setRange(0, 99);
        slider->setValue(50);
        notes = new QLineEdit(content);
        layout->addWidget(notes);
        layout->addWidget(spin);
        layout->addWidget(combo);
        layout->addWidget(slider);
        auto *filler = new QWidget(content);
        filler->setMinimumHeight(2000);
        layout->addWidget(filler);
        area.setWidget(content);
        area.resize(300, 200);
    }
};

} // namespace

class TestWheelGuard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void withoutTheGuardTheWheelChangesValues();
    void unfocusedFieldsKeepTheirValueAndTheFormScrolls();
    void aFocusedFieldTakesTheWheel();
    void fieldsGetStrongFocus();
};

// The premise: Qt's own behaviour, which the guard is there to change.
void TestWheelGuard::withoutTheGuardTheWheelChangesValues()
{
    Form form;
    form.area.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form.area));
    wheelDown(form.spin);
    QCOMPARE(form.spin->value(), 63);
}

void TestWheelGuard::unfocusedFieldsKeepTheirValueAndTheFormScrolls()
{
    QObject owner;
    WheelGuard::install(&owner);
    Form form;
    form.area.show();
    form.area.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&form.area));
    form.notes->setFocus();
    QTRY_VERIFY(form.notes->hasFocus());
    QScrollBar *scroll = form.area.verticalScrollBar();
    QCOMPARE(scroll->value(), 0);

    wheelDown(form.spin);
    QCOMPARE(form.spin->value(), 64);
    QVERIFY2(scroll->value() > 0, "the wheel over the field should scroll the form");
    const int scrolled = scroll->value();
    wheelDown(form.combo);
    QCOMPARE(form.combo->currentIndex(), 1);
    wheelDown(form.slider);
    QCOMPARE(form.slider->value(), 50);
    QVERIFY(scroll->value() > scrolled);
    // Still unfocused: the wheel did not give them focus either.
    QVERIFY(form.notes->hasFocus());
}

void TestWheelGuard::aFocusedFieldTakesTheWheel()
{
    QObject owner;
    WheelGuard::install(&owner);
    Form form;
    form.area.show();
    form.area.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&form.area));
    form.spin->setFocus();
    QTRY_VERIFY(form.spin->hasFocus());
    wheelDown(form.spin);
    QCOMPARE(form.spin->value(), 63);
    QCOMPARE(form.area.verticalScrollBar()->value(), 0);

    form.combo->setFocus();
    QTRY_VERIFY(form.combo->hasFocus());
    wheelDown(form.combo);
    QCOMPARE(form.combo->currentIndex(), 2);
    wheelDown(form.spin); // no longer focused
    QCOMPARE(form.spin->value(), 63);
}

void TestWheelGuard::fieldsGetStrongFocus()
{
    Form before; // exists when the guard is installed
    QObject owner;
    WheelGuard::install(&owner);
    Form after; // polished when shown
    after.area.show();
    QVERIFY(QTest::qWaitForWindowExposed(&after.area));
    for (Form *form : {&before, &after}) {
        QCOMPARE(form->spin->focusPolicy(), Qt::StrongFocus);
        QCOMPARE(form->combo->focusPolicy(), Qt::StrongFocus);
        QVERIFY(form->slider->focusPolicy() != Qt::WheelFocus);
    }
}

QTEST_MAIN(TestWheelGuard)
#include "tst_wheelguard.moc"
