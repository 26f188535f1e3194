// The layer inspector (widgets/inspector/layerinspector.cpp) driven through its real controls
// against a NetworkDocument: edits, undo merging, refresh on undo, validation as you type.

#include "document/networkdocument.h"
#include "inspector/issuehighlight.h"
#include "inspector/layerinspector.h"
#include "inspector/layerpropertiesform.h"
#include "inspector/neuronpropertiesform.h"
#include "inspector/nonidealitylisteditor.h"
#include "inspector/parametereditor.h"
#include "inspector/quantizereditor.h"
#include "inspector/spikingpropertiesform.h"
#include "spec/presetlibrary.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

using namespace qb;

namespace {

// cnn-mnist: 0 conv 32, 1 maxpool, 2 bn, 3 relu, 4 conv 64, 5 maxpool, 6 bn, 7 relu, 8 conv 64 (5x5 in),
// 9 bn, 10 relu, 11 flatten, 12 dense 64, 13 bn, 14 relu, 15 dense 10, 16 bn, 17 softmax.
constexpr int kDense = 12;
constexpr int kLastConv = 8;

QByteArray json(const NetworkDocument &doc)
{
    return QJsonDocument(doc.network().toJson()).toJson(QJsonDocument::Compact);
}

/// Replaces the text of a spin box by typing, as a user does: select all, then type.
void typeInto(QAbstractSpinBox *spin, const QString &text)
{
    spin->setFocus();
    QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(spin, text);
}

QAction *menuAction(QToolButton *button, const QString &data)
{
    for (QAction *a : button->menu()->actions()) {
        if (a->data().toString() == data)
            return a;
    }
    return nullptr;
}

} // namespace

class TestLayerInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsLayerTypeRows();
    void kernelQuantizerAndUnitsMergeAndUndo();
    void invalidEditShowsValidation();
    void quantizerParameterIssueIsHighlighted();
    void optionalKernelClip();
    void quantizerParameterEditMerges();
    void nonidealityRoundTrip();
    void networkProperties();
    void neuronFieldsEditWithUndo();
    void synapticShowsAlpha();
    void timeSettingsEditWithUndo();
    void followsInsertAndRemove();
    void editTabThenAddKeepsTheEdit();
    void scrollPositionSurvivesEdits();
    void titleNamesTheLayerAsTheCanvasDoes();
    void validationDoesNotRepeatTheField();

private:
    NetworkDocument *m_doc = nullptr;
    LayerInspector *m_inspector = nullptr;
    QUndoStack *stack() const { return m_doc->undoStack(); }
    template <typename T> T *child(const QString &name) const
    {
        T *w = m_inspector->findChild<T *>(name);
        if (!w)
            qWarning("no child %s", qPrintable(name));
        return w;
    }
};

void TestLayerInspector::init()
{
    Result<NetworkSpec> preset = PresetLibrary::load(QStringLiteral("cnn-mnist"));
    QVERIFY2(preset, qPrintable(preset.error()));
    m_doc = new NetworkDocument;
    m_doc->reset(*preset);
    m_inspector = new LayerInspector(m_doc);
    m_inspector->resize(500, 900);
    m_inspector->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_inspector));
}

void TestLayerInspector::cleanup()
{
    delete m_inspector;
    delete m_doc;
}

void TestLayerInspector::showsLayerTypeRows()
{
    m_inspector->setCurrentLayer(kDense);
    QCOMPARE(m_inspector->currentLayer(), kDense);
    QVERIFY(child<QSpinBox>(QStringLiteral("units"))->isVisible());
    QVERIFY(!child<QSpinBox>(QStringLiteral("filters"))->isVisible());
    QVERIFY(m_inspector->kernelQuantizerEditor()->isVisible());
    QVERIFY(m_inspector->nonidealityEditor()->isVisible());
    QCOMPARE(child<QSpinBox>(QStringLiteral("units"))->value(), 64);
    QVERIFY(!child<QSpinBox>(QStringLiteral("units"))->toolTip().isEmpty());

    m_inspector->setCurrentLayer(2); // batch norm: no quantizers
    QVERIFY(child<QDoubleSpinBox>(QStringLiteral("momentum"))->isVisible());
    QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("momentum"))->value(), 0.9);
    QVERIFY(!child<QSpinBox>(QStringLiteral("units"))->isVisible());
    QVERIFY(!m_inspector->kernelQuantizerEditor()->isVisible());
    QVERIFY(!m_inspector->nonidealityEditor()->isVisible());

    m_inspector->setCurrentLayer(-1);
    QVERIFY(child<QSpinBox>(QStringLiteral("inputHeight"))->isVisible());
    QCOMPARE(child<QSpinBox>(QStringLiteral("inputHeight"))->value(), 28);
    QCOMPARE(stack()->count(), 0); // showing values pushes nothing
}

void TestLayerInspector::kernelQuantizerAndUnitsMergeAndUndo()
{
    const QByteArray original = json(*m_doc);
    m_inspector->setCurrentLayer(kDense);

    QComboBox *combo = m_inspector->kernelQuantizerEditor()->comboBox();
    QVERIFY(combo->isVisible());
    QCOMPARE(combo->currentData().toString(), QString());
    combo->setCurrentIndex(combo->findData(QStringLiteral("ste_sign")));
    QCOMPARE(m_doc->layer(kDense).kernelQuantizer.name, QStringLiteral("ste_sign"));
    QCOMPARE(stack()->count(), 1);
    // The chosen quantizer's parameters appear.
    QVERIFY(m_inspector->kernelQuantizerEditor()->parameterEditor()->editor(QStringLiteral("clip")));

    auto *units = child<QSpinBox>(QStringLiteral("units"));
    typeInto(units, QStringLiteral("128"));
    QCOMPARE(m_doc->layer(kDense).units, 128);
    QCOMPARE(stack()->count(), 2); // three keystrokes, one undo step
    QCOMPARE(units->value(), 128);
    QVERIFY(units->hasFocus()); // the refresh did not steal the focus
    const QByteArray edited = json(*m_doc);

    stack()->undo();
    QCOMPARE(units->value(), 64); // the inspector follows the undo
    stack()->undo();
    QCOMPARE(json(*m_doc), original);
    QCOMPARE(combo->currentData().toString(), QString());
    QCOMPARE(stack()->count(), 2); // refreshing after undo pushed nothing

    stack()->redo();
    stack()->redo();
    QCOMPARE(json(*m_doc), edited);
    QCOMPARE(combo->currentText(), QStringLiteral("ste_sign"));
    QCOMPARE(units->value(), 128);
}

void TestLayerInspector::invalidEditShowsValidation()
{
    m_inspector->setCurrentLayer(kLastConv);
    QVERIFY(m_inspector->validationText().isEmpty());
    auto *kernelH = child<QSpinBox>(QStringLiteral("kernelHeight"));
    QVERIFY(!hasIssueHighlight(kernelH));

    typeInto(kernelH, QStringLiteral("7"));
    QCOMPARE(m_doc->layer(kLastConv).kernelH, 7);
    QVERIFY2(
        m_inspector->validationText().contains(QStringLiteral("kernel 7x3 is larger than its 5x5 input")),
        qPrintable(m_inspector->validationText()));
    QVERIFY(m_inspector->findChild<QLabel *>(QStringLiteral("validation"))->isVisible());
    QVERIFY(hasIssueHighlight(kernelH));
    QVERIFY(kernelH->toolTip().contains(QStringLiteral("larger than")));

    typeInto(kernelH, QStringLiteral("3"));
    QVERIFY(m_inspector->validationText().isEmpty());
    QVERIFY(!hasIssueHighlight(kernelH));
    QCOMPARE(stack()->count(), 0); // back to the original value: the merged edit dropped out
}

void TestLayerInspector::quantizerParameterIssueIsHighlighted()
{
    m_inspector->setCurrentLayer(kDense);
    QuantizerEditor *editor = m_inspector->inputQuantizerEditor();
    editor->comboBox()->setCurrentIndex(editor->comboBox()->findData(QStringLiteral("uniform")));
    QCOMPARE(m_doc->layer(kDense).inputQuantizer.name, QStringLiteral("uniform"));
    auto *min = qobject_cast<QDoubleSpinBox *>(editor->parameterEditor()->editor(QStringLiteral("min")));
    QVERIFY(min);
    typeInto(min, QStringLiteral("2"));
    QCOMPARE(m_doc->layer(kDense).inputQuantizer.params.value(QStringLiteral("min")).toDouble(), 2.0);
    QVERIFY2(m_inspector->validationText().contains(QStringLiteral("must be below 'max'")),
        qPrintable(m_inspector->validationText()));
    QVERIFY(hasIssueHighlight(min));
    QVERIFY(hasIssueHighlight(editor->comboBox()));
    QVERIFY(!hasIssueHighlight(editor->parameterEditor()->editor(QStringLiteral("max"))));
}

void TestLayerInspector::optionalKernelClip()
{
    m_inspector->setCurrentLayer(kDense);
    auto *enabled = child<QCheckBox>(QStringLiteral("kernelClipEnabled"));
    auto *clip = child<QDoubleSpinBox>(QStringLiteral("kernelClip"));
    QVERIFY(!enabled->isChecked());
    QVERIFY(!clip->isEnabled());

    QTest::mouseClick(enabled, Qt::LeftButton, {}, QPoint(5, enabled->height() / 2));
    QVERIFY(enabled->isChecked());
    QCOMPARE(m_doc->layer(kDense).kernelClip, 1.0);
    QVERIFY(clip->isEnabled());
    typeInto(clip, QStringLiteral("0.5"));
    QCOMPARE(m_doc->layer(kDense).kernelClip, 0.5);
    QCOMPARE(stack()->count(), 1); // enabling and typing: one "kernel_clip" step

    enabled->click();
    QCOMPARE(m_doc->layer(kDense).kernelClip, 0.0);
    QVERIFY(!clip->isEnabled());
}

void TestLayerInspector::quantizerParameterEditMerges()
{
    m_inspector->setCurrentLayer(kDense);
    QuantizerEditor *editor = m_inspector->kernelQuantizerEditor();
    editor->comboBox()->setCurrentIndex(editor->comboBox()->findData(QStringLiteral("ste_sign")));
    auto *clip = qobject_cast<QDoubleSpinBox *>(editor->parameterEditor()->editor(QStringLiteral("clip")));
    QVERIFY(clip);
    QCOMPARE(clip->value(), 1.0); // the catalogue's default
    QVERIFY(m_doc->layer(kDense).kernelQuantizer.params.isEmpty());
    typeInto(clip, QStringLiteral("1.25"));
    QCOMPARE(m_doc->layer(kDense).kernelQuantizer.params.value(QStringLiteral("clip")).toDouble(), 1.25);
    QTest::keyClick(clip, Qt::Key_Up); // a step of one tenth of the magnitude
    QCOMPARE(m_doc->layer(kDense).kernelQuantizer.params.value(QStringLiteral("clip")).toDouble(), 1.35);
    QCOMPARE(stack()->count(), 2); // the quantizer, then every change of its clip
}

void TestLayerInspector::nonidealityRoundTrip()
{
    const QByteArray original = json(*m_doc);
    m_inspector->setCurrentLayer(kDense);
    NonidealityListEditor *editor = m_inspector->nonidealityEditor();
    QListWidget *list = editor->listWidget();
    QCOMPARE(list->count(), 0);
    QVERIFY(!editor->removeButton()->isEnabled());

    QAction *add = menuAction(editor->addButton(), QStringLiteral("weight_noise"));
    QVERIFY(add);
    QVERIFY(!add->toolTip().isEmpty());
    QVERIFY(menuAction(editor->addButton(), QStringLiteral("stuck_at"))
                ->text()
                .contains(QStringLiteral("per chip")));
    add->trigger();
    QCOMPARE(m_doc->layer(kDense).nonidealities.size(), 1);
    QCOMPARE(m_doc->layer(kDense).nonidealities[0].model, QStringLiteral("weight_noise"));
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->text(), QStringLiteral("weight_noise (both)"));
    QCOMPARE(stack()->count(), 1);

    QComboBox *phase = editor->phaseComboBox();
    phase->setCurrentIndex(phase->findData(int(NoisePhase::Evaluation)));
    QCOMPARE(m_doc->layer(kDense).nonidealities[0].phase, NoisePhase::Evaluation);
    QCOMPARE(list->item(0)->text(), QStringLiteral("weight_noise (eval)"));
    auto *sigma = qobject_cast<QDoubleSpinBox *>(editor->parameterEditor()->editor(QStringLiteral("sigma")));
    QVERIFY(sigma);
    typeInto(sigma, QStringLiteral("0.05"));
    QCOMPARE(m_doc->layer(kDense).nonidealities[0].number(QStringLiteral("sigma"), 0), 0.05);
    QCOMPARE(stack()->count(), 3);
    const QByteArray withNoise = json(*m_doc);

    QTest::mouseClick(editor->removeButton(), Qt::LeftButton);
    QVERIFY(m_doc->layer(kDense).nonidealities.isEmpty());
    QCOMPARE(list->count(), 0);
    QCOMPARE(stack()->count(), 4);

    stack()->undo(); // the removal
    QCOMPARE(json(*m_doc), withNoise);
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->text(), QStringLiteral("weight_noise (eval)"));
    QCOMPARE(sigma->value(), 0.05);
    stack()->undo();
    stack()->undo();
    stack()->undo();
    QCOMPARE(json(*m_doc), original);
    QCOMPARE(list->count(), 0);
}

void TestLayerInspector::networkProperties()
{
    m_inspector->setCurrentLayer(-1);
    auto *height = child<QSpinBox>(QStringLiteral("inputHeight"));
    height->setValue(10);
    QCOMPARE(m_doc->network().input, TensorShape::image(1, 10, 28));
    QCOMPARE(stack()->count(), 1);
    // 10 rows shrink to 8, 4, 2 before the last conv: its 3x3 kernel no longer fits.
    QVERIFY(!m_doc->issuesOf(kLastConv).isEmpty());
    stack()->undo();
    QCOMPARE(height->value(), 28);
    QCOMPARE(m_doc->network().input, TensorShape::image(1, 28, 28));
}

void TestLayerInspector::neuronFieldsEditWithUndo()
{
    const Result<NetworkSpec> snn = PresetLibrary::load(QStringLiteral("snn-fc-mnist"));
    QVERIFY2(snn, qPrintable(snn.error()));
    m_doc->reset(*snn);
    const QByteArray original = json(*m_doc);
    m_inspector->setCurrentLayer(2); // lif1
    NeuronPropertiesForm *form = m_inspector->neuronForm();
    QVERIFY(form->isVisible());
    QVERIFY(!m_inspector->kernelQuantizerEditor()->isVisible());
    auto *beta = form->findChild<QDoubleSpinBox *>(QStringLiteral("beta"));
    auto *alpha = form->findChild<QDoubleSpinBox *>(QStringLiteral("alpha"));
    QVERIFY(beta && alpha);
    QVERIFY(beta->isVisible());
    QVERIFY(!alpha->isVisible()); // leaky neurons have no synaptic current
    QCOMPARE(beta->value(), 0.95);

    // Typing merges into one undo step per field.
    typeInto(beta, QStringLiteral("0.8"));
    QCOMPARE(m_doc->layer(2).neuron.beta, 0.8);
    QCOMPARE(stack()->count(), 1);
    auto *threshold = form->findChild<QDoubleSpinBox *>(QStringLiteral("threshold"));
    typeInto(threshold, QStringLiteral("1.5"));
    QCOMPARE(m_doc->layer(2).neuron.threshold, 1.5);
    QCOMPARE(stack()->count(), 2);
    form->findChild<QCheckBox *>(QStringLiteral("learnThreshold"))->click();
    QVERIFY(m_doc->layer(2).neuron.learnThreshold);
    form->findChild<QCheckBox *>(QStringLiteral("learnBeta"))->click();
    QVERIFY(m_doc->layer(2).neuron.learnBeta);
    auto *reset = form->findChild<QComboBox *>(QStringLiteral("reset"));
    reset->setCurrentIndex(reset->findData(int(ResetMechanism::Zero)));
    QCOMPARE(m_doc->layer(2).neuron.reset, ResetMechanism::Zero);
    form->findChild<QCheckBox *>(QStringLiteral("resetDelay"))->click();
    QVERIFY(!m_doc->layer(2).neuron.resetDelay);
    auto *surrogate = form->findChild<QComboBox *>(QStringLiteral("surrogate"));
    surrogate->setCurrentIndex(surrogate->findData(int(SurrogateKind::FastSigmoid)));
    QCOMPARE(m_doc->layer(2).neuron.surrogate, SurrogateKind::FastSigmoid);
    auto *slope = form->findChild<QDoubleSpinBox *>(QStringLiteral("surrogateSlope"));
    QCOMPARE(slope->text(), QStringLiteral("default"));
    slope->setValue(10);
    QCOMPARE(m_doc->layer(2).neuron.surrogateSlope, 10.0);

    // Membrane quantization: bits 0 = off, its limits only editable when on.
    auto *bits = form->findChild<QSpinBox *>(QStringLiteral("stateQuantBits"));
    auto *upper = form->findChild<QDoubleSpinBox *>(QStringLiteral("stateQuantUpper"));
    QCOMPARE(bits->text(), QStringLiteral("off"));
    QVERIFY(!upper->isEnabled());
    bits->setValue(4);
    QCOMPARE(m_doc->layer(2).neuron.stateQuantBits, 4);
    QVERIFY(upper->isEnabled());
    upper->setValue(0.5);
    form->findChild<QDoubleSpinBox *>(QStringLiteral("stateQuantLower"))->setValue(0.1);
    form->findChild<QDoubleSpinBox *>(QStringLiteral("stateQuantThreshold"))->setValue(2.0);
    const NeuronSpec edited = m_doc->layer(2).neuron;
    QCOMPARE(edited.stateQuantUpper, 0.5);
    QCOMPARE(edited.stateQuantLower, 0.1);
    QCOMPARE(edited.stateQuantThreshold, 2.0);
    QCOMPARE(stack()->count(), 12);
    QVERIFY(m_doc->validation().ok());

    // Undo restores every field and the form shows it.
    while (stack()->canUndo())
        stack()->undo();
    QCOMPARE(json(*m_doc), original);
    QCOMPARE(beta->value(), 0.95);
    QCOMPARE(bits->value(), 0);
    QVERIFY(!upper->isEnabled());
    stack()->redo();
    QCOMPARE(m_doc->layer(2).neuron.beta, 0.8);
    QCOMPARE(beta->value(), 0.8);

    // A bad value is highlighted on its control (beta above 1 is refused by the spin box, so
    // edit the document directly).
    LayerSpec bad = m_doc->layer(2);
    bad.neuron.threshold = 0.0;
    m_doc->editLayer(2, bad, QStringLiteral("threshold"));
    QVERIFY(!m_doc->issuesOf(2).isEmpty());
    QVERIFY(hasIssueHighlight(threshold));
    QVERIFY(!hasIssueHighlight(beta));
    QVERIFY(m_inspector->validationText().contains(QStringLiteral("threshold")));
}

void TestLayerInspector::synapticShowsAlpha()
{
    const Result<NetworkSpec> snn = PresetLibrary::load(QStringLiteral("snn-fc-mnist"));
    QVERIFY2(snn, qPrintable(snn.error()));
    NetworkSpec network = *snn;
    network.layers[4].type = LayerType::Synaptic;
    m_doc->reset(network);
    m_inspector->setCurrentLayer(4);
    NeuronPropertiesForm *form = m_inspector->neuronForm();
    auto *alpha = form->findChild<QDoubleSpinBox *>(QStringLiteral("alpha"));
    QVERIFY(alpha->isVisible());
    QCOMPARE(alpha->value(), 0.9);
    typeInto(alpha, QStringLiteral("0.7"));
    QCOMPARE(m_doc->layer(4).neuron.alpha, 0.7);
    form->findChild<QCheckBox *>(QStringLiteral("learnAlpha"))->click();
    QVERIFY(m_doc->layer(4).neuron.learnAlpha);
    QCOMPARE(stack()->count(), 2);
    stack()->undo();
    stack()->undo();
    QCOMPARE(m_doc->layer(4).neuron, NeuronSpec());
    QCOMPARE(alpha->value(), 0.9);
    // A leaky layer hides it again.
    m_inspector->setCurrentLayer(2);
    QVERIFY(!alpha->isVisible());
}

void TestLayerInspector::timeSettingsEditWithUndo()
{
    // cnn-mnist has no spiking layer: no time settings.
    m_inspector->setCurrentLayer(-1);
    QVERIFY(!m_inspector->spikingForm()->isVisible());

    const Result<NetworkSpec> snn = PresetLibrary::load(QStringLiteral("snn-fc-mnist"));
    QVERIFY2(snn, qPrintable(snn.error()));
    m_doc->reset(*snn);
    const QByteArray original = json(*m_doc);
    m_inspector->setCurrentLayer(-1);
    SpikingPropertiesForm *form = m_inspector->spikingForm();
    QVERIFY(form->isVisible());
    auto *steps = form->findChild<QSpinBox *>(QStringLiteral("timeSteps"));
    QCOMPARE(steps->value(), 25);
    // Spin boxes commit when the value is entered: one undo step, not one per keystroke.
    typeInto(steps, QStringLiteral("10"));
    QCOMPARE(m_doc->network().spiking.timeSteps, 25);
    QTest::keyClick(steps, Qt::Key_Return);
    QCOMPARE(m_doc->network().spiking.timeSteps, 10);
    QCOMPARE(stack()->count(), 1);
    QVERIFY(stack()->undoText().contains(QStringLiteral("10")));

    // Only the chosen encoding's parameters are shown.
    auto *encoding = form->findChild<QComboBox *>(QStringLiteral("encoding"));
    auto *gain = form->findChild<QDoubleSpinBox *>(QStringLiteral("gain"));
    auto *tau = form->findChild<QDoubleSpinBox *>(QStringLiteral("tau"));
    auto *window = form->findChild<QSpinBox *>(QStringLiteral("windowUs"));
    QVERIFY(!gain->isVisible() && !tau->isVisible() && !window->isVisible());
    encoding->setCurrentIndex(encoding->findData(int(SpikeEncoding::Rate)));
    QCOMPARE(m_doc->network().spiking.encoding, SpikeEncoding::Rate);
    QVERIFY(gain->isVisible());
    QVERIFY(!tau->isVisible());
    gain->setValue(0.5);
    QCOMPARE(m_doc->network().spiking.gain, 0.5);
    form->findChild<QDoubleSpinBox *>(QStringLiteral("offset"))->setValue(0.1);
    QCOMPARE(m_doc->network().spiking.offset, 0.1);
    encoding->setCurrentIndex(encoding->findData(int(SpikeEncoding::Latency)));
    QVERIFY(tau->isVisible() && !gain->isVisible());
    tau->setValue(5);
    form->findChild<QCheckBox *>(QStringLiteral("linear"))->click();
    form->findChild<QCheckBox *>(QStringLiteral("normalize"))->click();
    form->findChild<QCheckBox *>(QStringLiteral("clip"))->click();
    form->findChild<QDoubleSpinBox *>(QStringLiteral("latencyThreshold"))->setValue(0.05);
    const SpikingSpec latency = m_doc->network().spiking;
    QCOMPARE(latency.tau, 5.0);
    QVERIFY(latency.linear && latency.normalize && latency.clip);
    QCOMPARE(latency.latencyThreshold, 0.05);
    encoding->setCurrentIndex(encoding->findData(int(SpikeEncoding::Events)));
    QVERIFY(window->isVisible());
    window->setValue(1000);
    form->findChild<QSpinBox *>(QStringLiteral("denoiseUs"))->setValue(5000);
    QCOMPARE(m_doc->network().spiking.windowUs, qint64(1000));
    QCOMPARE(m_doc->network().spiking.denoiseUs, qint64(5000));

    // The loss, and the target rates of mse_count only.
    auto *loss = form->findChild<QComboBox *>(QStringLiteral("loss"));
    auto *correct = form->findChild<QDoubleSpinBox *>(QStringLiteral("correctRate"));
    QVERIFY(!correct->isVisible());
    loss->setCurrentIndex(loss->findData(int(SpikeLoss::MseCount)));
    QCOMPARE(m_doc->network().spiking.loss, SpikeLoss::MseCount);
    QVERIFY(correct->isVisible());
    correct->setValue(0.9);
    form->findChild<QDoubleSpinBox *>(QStringLiteral("incorrectRate"))->setValue(0.1);
    QCOMPARE(m_doc->network().spiking.correctRate, 0.9);
    QCOMPARE(m_doc->network().spiking.incorrectRate, 0.1);
    QCOMPARE(stack()->count(), 16);

    // Every step undoes; the form follows, and the layers were never touched.
    while (stack()->canUndo())
        stack()->undo();
    QCOMPARE(json(*m_doc), original);
    QCOMPARE(steps->value(), 25);
    QCOMPARE(encoding->currentData().toInt(), int(SpikeEncoding::Direct));
    QVERIFY(!gain->isVisible());
    // A layer selected: the time settings go away.
    m_inspector->setCurrentLayer(1);
    QVERIFY(!form->isVisible());
}

void TestLayerInspector::followsInsertAndRemove()
{
    m_inspector->setCurrentLayer(kDense);
    QSignalSpy changed(m_inspector, &LayerInspector::currentLayerChanged);
    m_doc->removeLayer(0);
    QCOMPARE(m_inspector->currentLayer(), kDense - 1);
    QCOMPARE(m_inspector->propertiesForm()->layer().units, 64);
    stack()->undo();
    QCOMPARE(m_inspector->currentLayer(), kDense);
    QCOMPARE(changed.count(), 2);
    m_doc->removeLayer(kDense);
    QCOMPARE(m_inspector->currentLayer(), -1);
    QVERIFY(child<QSpinBox>(QStringLiteral("inputHeight"))->isVisible());
}

void TestLayerInspector::editTabThenAddKeepsTheEdit()
{
    // The reported sequence: edit a nonideality's parameter, Tab, then Add > saturation from the
    // menu with the mouse. The edit and the new entry must both be there, one undo step each.
    m_inspector->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_inspector));
    m_inspector->setCurrentLayer(kDense);
    NonidealityListEditor *editor = m_inspector->nonidealityEditor();
    menuAction(editor->addButton(), QStringLiteral("weight_noise"))->trigger();
    QCOMPARE(stack()->count(), 1);
    auto *sigma = qobject_cast<QDoubleSpinBox *>(editor->parameterEditor()->editor(QStringLiteral("sigma")));
    QVERIFY(sigma);
    QTRY_VERIFY(sigma->isVisible()); // new rows are shown from the event loop
    typeInto(sigma, QStringLiteral("0.05"));
    QCOMPARE(m_doc->layer(kDense).nonidealities.value(0).number(QStringLiteral("sigma"), 0), 0.05);
    QCOMPARE(QApplication::focusWidget(), sigma);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(QApplication::focusWidget() != sigma);

    QToolButton *add = editor->addButton();
    QAction *saturation = menuAction(add, QStringLiteral("saturation"));
    QVERIFY(saturation);
    bool clicked = false;
    // The button pops its menu up in a modal loop: click the entry once the menu is shown.
    std::function<void()> clickEntry = [&]() {
        QMenu *menu = add->menu();
        if (!menu->isVisible()) {
            QTimer::singleShot(10, this, clickEntry);
            return;
        }
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(saturation).center());
        clicked = true;
    };
    QTimer::singleShot(0, this, clickEntry);
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_VERIFY(clicked);

    const QList<NoiseSpec> after = m_doc->layer(kDense).nonidealities;
    QCOMPARE(after.size(), 2);
    QCOMPARE(after.at(0).model, QStringLiteral("weight_noise"));
    QCOMPARE(after.at(0).number(QStringLiteral("sigma"), 0), 0.05);
    QCOMPARE(after.at(1).model, QStringLiteral("saturation"));
    QCOMPARE(editor->listWidget()->count(), 2);
    QCOMPARE(editor->currentRow(), 1);
    QCOMPARE(stack()->count(), 3); // add, the typed sigma, add
    stack()->undo();
    QCOMPARE(m_doc->layer(kDense).nonidealities.size(), 1);
    QCOMPARE(m_doc->layer(kDense).nonidealities.at(0).number(QStringLiteral("sigma"), 0), 0.05);
}

void TestLayerInspector::scrollPositionSurvivesEdits()
{
    // A short inspector over a layer with two nonidealities: the form scrolls.
    m_inspector->resize(420, 360);
    m_inspector->setCurrentLayer(kDense);
    NonidealityListEditor *editor = m_inspector->nonidealityEditor();
    menuAction(editor->addButton(), QStringLiteral("weight_noise"))->trigger();
    menuAction(editor->addButton(), QStringLiteral("saturation"))->trigger();
    auto *scroll = m_inspector->findChild<QScrollArea *>();
    QVERIFY(scroll);
    QScrollBar *bar = scroll->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 100);
    auto *hi = qobject_cast<QDoubleSpinBox *>(editor->parameterEditor()->editor(QStringLiteral("hi")));
    QVERIFY(hi);
    scroll->ensureWidgetVisible(hi, 0, 0);
    QApplication::processEvents();
    const int position = bar->value();
    QVERIFY(position > 0);
    // Where the user sees the field: it must not move while they type into it.
    const QPoint onScreen = hi->mapTo(m_inspector, QPoint());

    typeInto(hi, QStringLiteral("0.5"));
    QCOMPARE(m_doc->layer(kDense).nonidealities.at(1).number(QStringLiteral("hi"), 0), 0.5);
    QApplication::processEvents();
    QCOMPARE(bar->value(), position);
    QCOMPARE(hi->mapTo(m_inspector, QPoint()), onScreen);

    // Below lo = -1: the layer becomes invalid and the problem is shown; the form stays put.
    typeInto(hi, QStringLiteral("-5"));
    QVERIFY(!m_inspector->validationText().isEmpty());
    QApplication::processEvents();
    QCOMPARE(bar->value(), position);
    QCOMPARE(hi->mapTo(m_inspector, QPoint()), onScreen);

    stack()->undo();
    QVERIFY(m_inspector->validationText().isEmpty());
    QApplication::processEvents();
    QCOMPARE(bar->value(), position);
    QCOMPARE(hi->mapTo(m_inspector, QPoint()), onScreen);
}

void TestLayerInspector::titleNamesTheLayerAsTheCanvasDoes()
{
    // cnn-mnist's layers have no names: the canvas shows the Larq type, and so does the inspector.
    auto *title = child<QLabel>(QStringLiteral("inspectorTitle"));
    m_inspector->setCurrentLayer(kLastConv);
    QVERIFY2(title->text().contains(QStringLiteral("Conv2D")), qPrintable(title->text()));
    QVERIFY2(!title->text().contains(QStringLiteral("conv2d_2")), qPrintable(title->text()));
    m_inspector->kernelQuantizerEditor()->comboBox()->setCurrentIndex(
        m_inspector->kernelQuantizerEditor()->comboBox()->findData(QStringLiteral("ste_sign")));
    QVERIFY2(title->text().contains(QStringLiteral("QuantConv2D")), qPrintable(title->text()));
    LayerSpec named = m_doc->layer(kLastConv);
    named.name = QStringLiteral("features");
    m_doc->editLayer(kLastConv, named, QStringLiteral("name"));
    QVERIFY2(title->text().contains(QStringLiteral("features")), qPrintable(title->text()));
}

void TestLayerInspector::validationDoesNotRepeatTheField()
{
    // A 29x3 kernel does not fit the 5x5 maps before the last conv: "kernel 29x3 is larger than ..."
    // must not read "kernel: kernel 29x3 ...".
    m_inspector->setCurrentLayer(kLastConv);
    child<QSpinBox>(QStringLiteral("kernelHeight"))->setValue(29);
    const QString text = m_inspector->validationText();
    QVERIFY2(text.contains(QStringLiteral("29")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("kernel: kernel")), qPrintable(text));
    // A message that does not name its field still gets it.
    child<QSpinBox>(QStringLiteral("kernelHeight"))->setValue(3);
    LayerSpec bad = m_doc->layer(kLastConv);
    bad.filters = 0;
    m_doc->editLayer(kLastConv, bad, QStringLiteral("filters"));
    QVERIFY2(m_inspector->validationText().startsWith(QStringLiteral("filters: ")),
        qPrintable(m_inspector->validationText()));
}

QTEST_MAIN(TestLayerInspector)
#include "tst_layerinspector.moc"
