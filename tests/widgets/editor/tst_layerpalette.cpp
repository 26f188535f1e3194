// LayerPalette and LayerMime (widgets/editor): the templates, their drag data, activation and the
// filter field.

#include "document/networkdocument.h"
#include "editor/layerblock.h"
#include "editor/layermime.h"
#include "editor/layerpalette.h"
#include "editor/layerstyle.h"
#include "editor/networkcanvas.h"
#include "spec/networkvalidator.h"
#include "spec/presetlibrary.h"

#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace qb;

class TestLayerPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void templates();
    void binaryTemplates();
    void spikingTemplates();
    void spikingLayerInsertsWithUndo();
    void binaryTemplateFirstKeepsFloatInput();
    void templatesFitANetwork();
    void dragDataRoundTrip();
    void listDragData();
    void doubleClickActivates();
    void enterActivates();
    void filter();
    void mimeRejectsBadData();
};

void TestLayerPalette::templates()
{
    QCOMPARE(LayerPalette::templateCount(), 12);
    QSet<QString> titles;
    for (int row = 0; row < LayerPalette::templateCount(); ++row) {
        const LayerSpec t = LayerPalette::templateFor(row);
        QVERIFY(t.name.isEmpty()); // the canvas names new layers
        titles.insert(LayerPalette::templateTitle(row));
        QVERIFY(!LayerPalette::templateDescription(row).isEmpty());
    }
    QCOMPARE(titles.size(), LayerPalette::templateCount());
    QCOMPARE(LayerPalette::templateFor(LayerPalette::Conv2DTemplate).type, LayerType::Conv2D);
    QVERIFY(!LayerPalette::templateFor(LayerPalette::Conv2DTemplate).isQuantized());
    QCOMPARE(LayerPalette::templateFor(LayerPalette::DenseTemplate).type, LayerType::Dense);
    QCOMPARE(LayerPalette::templateFor(LayerPalette::BatchNormTemplate).type, LayerType::BatchNorm);
    QCOMPARE(LayerPalette::templateFor(LayerPalette::MaxPoolTemplate).type, LayerType::MaxPool);
    QCOMPARE(LayerPalette::templateFor(LayerPalette::AvgPoolTemplate).type, LayerType::AvgPool);
    QCOMPARE(LayerPalette::templateFor(LayerPalette::FlattenTemplate).type, LayerType::Flatten);
    QCOMPARE(LayerPalette::templateFor(LayerPalette::DropoutTemplate).type, LayerType::Dropout);
    QCOMPARE(LayerPalette::templateFor(LayerPalette::ActivationTemplate).type, LayerType::Activation);
    QCOMPARE(LayerPalette::templateTitle(LayerPalette::QuantConv2DBinaryTemplate),
        QStringLiteral("QuantConv2D (binary)"));
    QCOMPARE(LayerPalette::templateTitle(LayerPalette::QuantDenseBinaryTemplate),
        QStringLiteral("QuantDense (binary)"));
}

void TestLayerPalette::binaryTemplates()
{
    for (int row :
        {int(LayerPalette::QuantConv2DBinaryTemplate), int(LayerPalette::QuantDenseBinaryTemplate)}) {
        const LayerSpec t = LayerPalette::templateFor(row);
        QVERIFY(t.isQuantized());
        QCOMPARE(t.inputQuantizer.name, QStringLiteral("ste_sign"));
        QCOMPARE(t.kernelQuantizer.name, QStringLiteral("ste_sign"));
        QCOMPARE(t.kernelQuantizer.number(QStringLiteral("clip"), 0.0), 1.0);
        QCOMPARE(t.kernelClip, 1.0);
        QVERIFY(!t.useBias);
    }
}

void TestLayerPalette::spikingTemplates()
{
    const LayerSpec leaky = LayerPalette::templateFor(LayerPalette::LeakyTemplate);
    const LayerSpec synaptic = LayerPalette::templateFor(LayerPalette::SynapticTemplate);
    QCOMPARE(leaky.type, LayerType::Leaky);
    QCOMPARE(synaptic.type, LayerType::Synaptic);
    QCOMPARE(leaky.neuron, NeuronSpec()); // snnTorch's defaults: beta 0.95, threshold 1, subtract
    QCOMPARE(LayerPalette::templateTitle(LayerPalette::LeakyTemplate), QStringLiteral("Leaky (LIF)"));
    QCOMPARE(LayerPalette::templateTitle(LayerPalette::SynapticTemplate), QStringLiteral("Synaptic"));
    QCOMPARE(LayerStyle::kind(leaky), LayerStyle::Kind::Spiking);
    QCOMPARE(LayerStyle::kind(synaptic), LayerStyle::Kind::Spiking);
    QCOMPARE(LayerStyle::displayType(leaky), QStringLiteral("Leaky"));
    QCOMPARE(LayerStyle::glyph(leaky), QStringLiteral("LIF"));
    QVERIFY(LayerStyle::accent(LayerStyle::Kind::Spiking) != LayerStyle::accent(LayerStyle::Kind::Quantized));

    // In the list, with their icons, and found by the filter.
    LayerPalette palette;
    QListWidget *list = palette.listWidget();
    QCOMPARE(list->item(LayerPalette::LeakyTemplate)->text(), QStringLiteral("Leaky (LIF)"));
    QCOMPARE(list->item(LayerPalette::SynapticTemplate)->text(), QStringLiteral("Synaptic"));
    QVERIFY(!list->item(LayerPalette::LeakyTemplate)->icon().isNull());
    palette.filterEdit()->setText(QStringLiteral("integrate-and-fire"));
    QVERIFY(!list->item(LayerPalette::LeakyTemplate)->isHidden());
    QVERIFY(list->item(LayerPalette::DenseTemplate)->isHidden());

    // The block's detail line: alpha (synaptic only), beta, threshold, reset.
    LayerSpec tuned = synaptic;
    tuned.neuron.alpha = 0.8;
    tuned.neuron.beta = 0.5;
    tuned.neuron.threshold = 2.0;
    tuned.neuron.reset = ResetMechanism::Zero;
    const LayerBlock block = LayerBlock::forLayer(tuned, TensorShape::flat(10), {});
    QCOMPARE(block.kind, LayerStyle::Kind::Spiking);
    QCOMPARE(block.type, QStringLiteral("Synaptic"));
    QCOMPARE(block.details, QStringLiteral("α 0.8 · β 0.5 · θ 2 · reset zero"));
    const LayerBlock leakyBlock = LayerBlock::forLayer(leaky, TensorShape::flat(10), {});
    QCOMPARE(leakyBlock.details, QStringLiteral("β 0.95 · θ 1 · reset subtract"));
}

void TestLayerPalette::spikingLayerInsertsWithUndo()
{
    const Result<NetworkSpec> preset = PresetLibrary::load(QStringLiteral("snn-fc-mnist"));
    QVERIFY2(preset, qPrintable(preset.error()));
    NetworkDocument doc;
    doc.reset(*preset);
    NetworkCanvas canvas(&doc);
    const QByteArray before = QJsonDocument(doc.network().toJson()).toJson();
    canvas.setCurrentLayer(3); // fc2
    canvas.insertAfterCurrent(LayerPalette::templateFor(LayerPalette::SynapticTemplate));
    QCOMPARE(doc.layerCount(), 6);
    QCOMPARE(doc.layer(4).type, LayerType::Synaptic);
    QVERIFY(!doc.layer(4).name.isEmpty());
    QCOMPARE(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    QCOMPARE(doc.layerCount(), 5);
    QCOMPARE(QJsonDocument(doc.network().toJson()).toJson(), before);
    doc.undoStack()->redo();
    QCOMPARE(doc.layer(4).type, LayerType::Synaptic);
    // A network whose leaky layer is replaced by a synaptic one still validates.
    doc.removeLayer(5);
    QVERIFY2(doc.validation().ok(), qPrintable(doc.validation().message(doc.network())));
}

void TestLayerPalette::binaryTemplateFirstKeepsFloatInput()
{
    for (int row :
        {int(LayerPalette::QuantConv2DBinaryTemplate), int(LayerPalette::QuantDenseBinaryTemplate)}) {
        const LayerSpec t = LayerPalette::templateFor(row);
        const LayerSpec first = LayerPalette::forPosition(t, 0);
        QVERIFY(first.inputQuantizer.isNone()); // a float input, as in Larq's tutorial
        QCOMPARE(first.kernelQuantizer, t.kernelQuantizer); // binary weights all the same
        QCOMPARE(first.kernelClip, 1.0);
        QVERIFY(!first.useBias);
        QCOMPARE(LayerPalette::forPosition(t, 1), t);
        QCOMPARE(LayerPalette::forPosition(t, 5), t);
        // The tooltip says why.
        LayerPalette palette;
        const QString tip = palette.listWidget()->item(row)->toolTip();
        QVERIFY2(tip.contains(QStringLiteral("full precision")) && tip.contains(QStringLiteral("Larq")),
            qPrintable(tip));
    }
    // Full-precision templates and layers without a binary input are left alone.
    for (int row = 0; row < LayerPalette::templateCount(); ++row) {
        if (row != LayerPalette::QuantConv2DBinaryTemplate && row != LayerPalette::QuantDenseBinaryTemplate)
            QCOMPARE(
                LayerPalette::forPosition(LayerPalette::templateFor(row), 0), LayerPalette::templateFor(row));
    }
    LayerSpec eightBit = LayerPalette::templateFor(LayerPalette::DenseTemplate);
    eightBit.inputQuantizer.name = QStringLiteral("uniform");
    QCOMPARE(LayerPalette::forPosition(eightBit, 0), eightBit);
}

void TestLayerPalette::templatesFitANetwork()
{
    // conv, qconv, bn, maxpool, avgpool, activation, dropout, flatten, dense, qdense: all valid.
    NetworkSpec network;
    network.input = TensorShape::image(1, 28, 28);
    for (int row : {LayerPalette::Conv2DTemplate, LayerPalette::QuantConv2DBinaryTemplate,
             LayerPalette::BatchNormTemplate, LayerPalette::MaxPoolTemplate, LayerPalette::AvgPoolTemplate,
             LayerPalette::ActivationTemplate, LayerPalette::DropoutTemplate, LayerPalette::FlattenTemplate,
             LayerPalette::QuantDenseBinaryTemplate, LayerPalette::DenseTemplate}) {
        network.layers.append(LayerPalette::templateFor(row));
    }
    const ValidationReport report = NetworkValidator::validate(network);
    QVERIFY2(report.ok(), qPrintable(report.message(network)));
}

void TestLayerPalette::dragDataRoundTrip()
{
    for (int row = 0; row < LayerPalette::templateCount(); ++row) {
        std::unique_ptr<QMimeData> mime(LayerPalette::createMimeData(row));
        QVERIFY(mime->hasFormat(QStringLiteral("application/x-quantbench-layer")));
        const QByteArray json = mime->data(LayerMime::layerType());
        QVERIFY(!json.contains('\n')); // compact
        QCOMPARE(QJsonDocument::fromJson(json).object(), LayerPalette::templateFor(row).toJson());
        const Result<LayerSpec> decoded = LayerMime::decodeLayer(mime.get());
        QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
        QCOMPARE(decoded.value(), LayerPalette::templateFor(row));
        QCOMPARE(LayerMime::decodeIndex(mime.get()), -1);
    }
}

void TestLayerPalette::listDragData()
{
    LayerPalette palette;
    QListWidget *list = palette.listWidget();
    QCOMPARE(list->count(), LayerPalette::templateCount());
    QVERIFY(list->dragEnabled());
    const QModelIndex index = list->model()->index(LayerPalette::QuantDenseBinaryTemplate, 0);
    QCOMPARE(index.data().toString(), QStringLiteral("QuantDense (binary)"));
    QVERIFY(!index.data(Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(!index.data(Qt::DecorationRole).value<QIcon>().isNull());
    std::unique_ptr<QMimeData> mime(list->model()->mimeData({index}));
    QVERIFY(mime);
    const Result<LayerSpec> decoded = LayerMime::decodeLayer(mime.get());
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value(), LayerPalette::templateFor(LayerPalette::QuantDenseBinaryTemplate));
}

void TestLayerPalette::doubleClickActivates()
{
    LayerPalette palette;
    palette.resize(240, 400);
    palette.show();
    QVERIFY(QTest::qWaitForWindowExposed(&palette));
    QList<LayerSpec> activated;
    connect(&palette, &LayerPalette::layerActivated, this,
        [&activated](const LayerSpec &templ) { activated.append(templ); });

    QListWidget *list = palette.listWidget();
    const QRect rect = list->visualItemRect(list->item(LayerPalette::MaxPoolTemplate));
    // A real double click: the first click, then the second one that Qt reports as a double click.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(activated.size(), 0);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first(), LayerPalette::templateFor(LayerPalette::MaxPoolTemplate));
}

void TestLayerPalette::enterActivates()
{
    LayerPalette palette;
    palette.show();
    QVERIFY(QTest::qWaitForWindowExposed(&palette));
    QSignalSpy spy(&palette, &LayerPalette::layerActivated);
    QListWidget *list = palette.listWidget();
    list->setCurrentRow(LayerPalette::QuantConv2DBinaryTemplate);
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<LayerSpec>(),
        LayerPalette::templateFor(LayerPalette::QuantConv2DBinaryTemplate));
}

void TestLayerPalette::filter()
{
    LayerPalette palette;
    auto visible = [&palette] {
        QStringList titles;
        for (int i = 0; i < palette.listWidget()->count(); ++i) {
            if (!palette.listWidget()->item(i)->isHidden())
                titles << palette.listWidget()->item(i)->text();
        }
        return titles;
    };
    QTest::keyClicks(palette.filterEdit(), QStringLiteral("pool"));
    QCOMPARE(visible(), (QStringList{QStringLiteral("MaxPool2D"), QStringLiteral("AvgPool2D")}));
    palette.filterEdit()->clear();
    QCOMPARE(visible().size(), LayerPalette::templateCount());
    QTest::keyClicks(palette.filterEdit(), QStringLiteral("QUANTDENSE"));
    QCOMPARE(visible(), QStringList{QStringLiteral("QuantDense (binary)")});
}

void TestLayerPalette::mimeRejectsBadData()
{
    QMimeData none;
    QVERIFY(!LayerMime::decodeLayer(&none).ok());
    QVERIFY(!LayerMime::decodeLayer(nullptr).ok());
    QMimeData notJson;
    notJson.setData(LayerMime::layerType(), QByteArray("not json"));
    QVERIFY(!LayerMime::decodeLayer(&notJson).ok());
    QMimeData badField;
    badField.setData(LayerMime::layerType(), QByteArray(R"({"type": "dense", "units": "many"})"));
    const Result<LayerSpec> bad = LayerMime::decodeLayer(&badField);
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().contains(QStringLiteral("units")), qPrintable(bad.error()));

    QMimeData index;
    LayerMime::setIndex(&index, 7);
    QCOMPARE(LayerMime::decodeIndex(&index), 7);
    index.setData(LayerMime::indexType(), QByteArray("x"));
    QCOMPARE(LayerMime::decodeIndex(&index), -1);
}

QTEST_MAIN(TestLayerPalette)
#include "tst_layerpalette.moc"
