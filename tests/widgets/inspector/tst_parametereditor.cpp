// ParameterEditor (widgets/inspector/parametereditor.cpp): one control per parameter kind,
// defaults for absent keys, optional numbers, and no signals while values are shown.

#include "inspector/parametereditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QtTest>

using namespace qb;

class TestParameterEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void controlsPerKind();
    void optionalNumber();
    void sameParametersKeepControls();

private:
    static QList<QuantizerParam> params()
    {
        return {numberParam(QStringLiteral("sigma"), 0.01, 0.0, 10.0, QStringLiteral("Standard deviation.")),
            integerParam(QStringLiteral("bits"), 8, 1, 16, QStringLiteral("Resolution.")),
            boolParam(QStringLiteral("relative"), true, QStringLiteral("Scale by max|W|.")),
            choiceParam(
                QStringLiteral("mode"), {QStringLiteral("a"), QStringLiteral("b")}, QStringLiteral("Mode.")),
            numberParam(QStringLiteral("limit"), 0.0, 0.0, 100.0, QStringLiteral("Optional limit."), true)};
    }
};

void TestParameterEditor::controlsPerKind()
{
    ParameterEditor editor;
    QSignalSpy edited(&editor, &ParameterEditor::parameterEdited);
    editor.setParameters(params(), QJsonObject{{QStringLiteral("bits"), 4}});
    QCOMPARE(edited.count(), 0);

    auto *sigma = qobject_cast<QDoubleSpinBox *>(editor.editor(QStringLiteral("sigma")));
    auto *bits = qobject_cast<QSpinBox *>(editor.editor(QStringLiteral("bits")));
    auto *relative = qobject_cast<QCheckBox *>(editor.editor(QStringLiteral("relative")));
    auto *mode = qobject_cast<QComboBox *>(editor.editor(QStringLiteral("mode")));
    QVERIFY(sigma && bits && relative && mode);
    QCOMPARE(sigma->value(), 0.01); // default: the key is absent
    QCOMPARE(sigma->maximum(), 10.0);
    QCOMPARE(sigma->text(), QStringLiteral("0.01"));
    QCOMPARE(bits->value(), 4);
    QCOMPARE(bits->maximum(), 16);
    QVERIFY(relative->isChecked());
    QCOMPARE(mode->currentText(), QStringLiteral("a"));
    QVERIFY(sigma->toolTip().contains(QStringLiteral("Standard deviation.")));

    bits->setValue(6);
    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited.at(0).at(0).toString(), QStringLiteral("bits"));
    QCOMPARE(edited.at(0).at(1).toJsonObject(), (QJsonObject{{QStringLiteral("bits"), 6}}));
    relative->click();
    mode->setCurrentIndex(1);
    QCOMPARE(editor.values(),
        (QJsonObject{{QStringLiteral("bits"), 6}, {QStringLiteral("relative"), false},
            {QStringLiteral("mode"), QStringLiteral("b")}}));
}

void TestParameterEditor::optionalNumber()
{
    ParameterEditor editor;
    editor.setParameters(params(), QJsonObject());
    QSignalSpy edited(&editor, &ParameterEditor::parameterEdited);
    QCheckBox *enabled = editor.enabledBox(QStringLiteral("limit"));
    auto *limit = qobject_cast<QDoubleSpinBox *>(editor.editor(QStringLiteral("limit")));
    QVERIFY(enabled && limit);
    QVERIFY(!editor.enabledBox(QStringLiteral("sigma")));
    QVERIFY(!enabled->isChecked());
    QVERIFY(!limit->isEnabled());

    enabled->click();
    QVERIFY(limit->isEnabled());
    QCOMPARE(edited.count(), 1);
    // Enabled with a non-zero value (0 would mean "disabled").
    QCOMPARE(editor.values().value(QStringLiteral("limit")).toDouble(), 1.0);
    limit->setValue(2.5);
    QCOMPARE(editor.values().value(QStringLiteral("limit")).toDouble(), 2.5);
    enabled->click();
    QVERIFY(!editor.values().contains(QStringLiteral("limit")));
    QCOMPARE(edited.count(), 3);

    // Shown from a spec: present -> checked.
    editor.setValues(QJsonObject{{QStringLiteral("limit"), 7.0}});
    QVERIFY(enabled->isChecked());
    QCOMPARE(limit->value(), 7.0);
    QCOMPARE(edited.count(), 3);
}

void TestParameterEditor::sameParametersKeepControls()
{
    ParameterEditor editor;
    editor.setParameters(params(), QJsonObject());
    QWidget *before = editor.editor(QStringLiteral("sigma"));
    editor.setParameters(params(), QJsonObject{{QStringLiteral("sigma"), 0.2}});
    QCOMPARE(editor.editor(QStringLiteral("sigma")), before);
    QCOMPARE(qobject_cast<QDoubleSpinBox *>(before)->value(), 0.2);

    editor.setParameters({}, QJsonObject());
    QVERIFY(editor.isEmpty());
    QVERIFY(!editor.editor(QStringLiteral("sigma")));
}

QTEST_MAIN(TestParameterEditor)
#include "tst_parametereditor.moc"
