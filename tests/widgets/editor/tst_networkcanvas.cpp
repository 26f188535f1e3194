// NetworkCanvas (widgets/editor) on a real NetworkDocument holding the larq-mnist-bnn preset:
// drops from the palette, reordering by key and by dragging a block, selection, delete, duplicate,
// undo/redo through the document, and validation messages drawn under invalid blocks.

#include "document/networkdocument.h"
#include "editor/layermime.h"
#include "editor/layerpalette.h"
#include "editor/networkcanvas.h"
#include "spec/presetlibrary.h"

#include <QJsonDocument>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace qb;

namespace {

QByteArray jsonOf(const NetworkDocument &document)
{
    return QJsonDocument(document.network().toJson()).toJson(QJsonDocument::Compact);
}

/// Sends enter, move and drop at `pos` as a real drag would; returns whether the drop was accepted.
/// `indexDuringMove` receives the drop line's index after the move event.
bool dragAndDrop(NetworkCanvas *canvas, QMimeData *mime, const QPoint &pos, Qt::DropAction action,
    int *indexDuringMove = nullptr)
{
    QDragEnterEvent enter(pos, action, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(canvas, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(pos, action, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(canvas, &move);
    if (indexDuringMove)
        *indexDuringMove = canvas->dropIndicatorIndex();
    QDropEvent drop(QPointF(pos), action, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(canvas, &drop);
    return drop.isAccepted();
}

QPoint upperHalf(const QRect &r) { return QPoint(r.center().x(), r.top() + 3); }

QPoint lowerHalf(const QRect &r) { return QPoint(r.center().x(), r.bottom() - 3); }

} // namespace

class TestNetworkCanvas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void showsPipeline();
    void insertionIndex();
    void paletteDrop_data();
    void paletteDrop();
    void dropOfForeignDataIgnored();
    void paletteDoubleClickWithoutSelectionAppends();
    void paletteDoubleClickInsertsAfterSelection();
    void binaryTemplateFirstHasNoInputQuantizer();
    void copiedBlockFirstKeepsItsQuantizer();
    void reorderWithAltKeys();
    void reorderByDraggingBlock_data();
    void reorderByDraggingBlock();
    void copyByDraggingBlockWithCtrl();
    void clickSelects();
    void arrowKeysMoveSelection();
    void deleteKeyRemoves();
    void ctrlDDuplicatesWithUniqueName();
    void undoRedoAll();
    void invalidLayerShowsMessage();
    void invalidOrderShowsMessage();
    void invalidBlockPaintedRed();
    void contextMenuActions();
    void sizeGrowsWithLayers();
    void selectionSurvivesReset();

private:
    void select(int layer);

    std::unique_ptr<NetworkDocument> m_document;
    std::unique_ptr<QScrollArea> m_area;
    NetworkCanvas *m_canvas = nullptr;
    NetworkSpec m_preset;
    QByteArray m_original;
};

void TestNetworkCanvas::init()
{
    Result<NetworkSpec> preset = PresetLibrary::load(QStringLiteral("larq-mnist-bnn"));
    QVERIFY2(preset.ok(), qPrintable(preset.error()));
    m_preset = preset.value();
    m_document = std::make_unique<NetworkDocument>();
    m_document->reset(m_preset);
    m_original = jsonOf(*m_document);

    m_area = std::make_unique<QScrollArea>();
    m_area->setWidgetResizable(true);
    m_canvas = new NetworkCanvas(m_document.get());
    m_area->setWidget(m_canvas);
    m_area->resize(520, 640);
    m_area->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_area.get()));
}

void TestNetworkCanvas::cleanup()
{
    m_area.reset();
    m_canvas = nullptr;
    m_document.reset();
}

void TestNetworkCanvas::select(int layer)
{
    m_canvas->setCurrentLayer(layer);
    QCOMPARE(m_canvas->currentLayer(), layer);
}

void TestNetworkCanvas::showsPipeline()
{
    const int count = m_document->layerCount();
    QCOMPARE(count, 14);
    const LayerBlock input = m_canvas->block(-1);
    QCOMPARE(input.type, QStringLiteral("Input"));
    QCOMPARE(input.shape, QStringLiteral("1×28×28"));

    // Blocks run top to bottom without overlapping, the input first.
    for (int i = 0; i < count; ++i) {
        QVERIFY(m_canvas->blockRect(i).isValid());
        QVERIFY(m_canvas->blockRect(i).top() > m_canvas->blockRect(i - 1).bottom());
        QCOMPARE(m_canvas->blockAt(m_canvas->blockRect(i).center()), i);
        QVERIFY(m_canvas->blockMessage(i).isEmpty());
    }
    QCOMPARE(m_canvas->blockAt(m_canvas->blockRect(-1).center()), -1);
    QCOMPARE(m_canvas->blockAt(QPoint(1, 1)), NetworkCanvas::kNoBlock);
    QVERIFY(m_canvas->blockRect(count).isNull());

    // First layer: binary weights, float input (Larq's first layer).
    const LayerBlock first = m_canvas->block(0);
    QCOMPARE(first.type, QStringLiteral("QuantConv2D"));
    QCOMPARE(first.shape, QStringLiteral("32×26×26"));
    QVERIFY(first.details.contains(QStringLiteral("3×3")));
    QVERIFY(first.details.contains(QStringLiteral("32")));
    QStringList badges;
    for (const LayerBlock::Badge &b : first.badges)
        badges << b.text;
    QVERIFY2(badges.contains(QStringLiteral("w: ste_sign")), qPrintable(badges.join(u'|')));
    QVERIFY(!badges.join(u'|').contains(QStringLiteral("in:")));

    badges.clear();
    for (const LayerBlock::Badge &b : m_canvas->block(3).badges)
        badges << b.text;
    QVERIFY(badges.contains(QStringLiteral("in: ste_sign")));
    QVERIFY(badges.contains(QStringLiteral("w: ste_sign")));

    QCOMPARE(m_canvas->block(1).type, QStringLiteral("MaxPool2D"));
    QCOMPARE(m_canvas->block(1).shape, QStringLiteral("32×13×13"));
    QCOMPARE(m_canvas->block(8).type, QStringLiteral("Flatten"));
    QCOMPARE(m_canvas->block(8).shape, QStringLiteral("576"));
    QCOMPARE(m_canvas->block(11).type, QStringLiteral("QuantDense"));
    QVERIFY(m_canvas->block(11).details.contains(QStringLiteral("10")));
    QVERIFY(m_canvas->block(13).details.contains(QStringLiteral("softmax")));

    // Nonidealities show as badges.
    LayerSpec noisy = m_document->layer(9);
    noisy.nonidealities.append(NoiseSpec{
        QStringLiteral("weight_noise"), NoisePhase::Both, QJsonObject{{QStringLiteral("sigma"), 0.05}}});
    m_document->editLayer(9, noisy);
    badges.clear();
    for (const LayerBlock::Badge &b : m_canvas->block(9).badges)
        badges << b.text;
    QVERIFY2(badges.contains(QStringLiteral("weight_noise")), qPrintable(badges.join(u'|')));
    QCOMPARE(m_canvas->block(9).badges.last().kind, LayerBlock::Badge::Kind::Noise);

    // A float layer is a plain Dense.
    LayerSpec plain = m_document->layer(9);
    plain.inputQuantizer = QuantizerSpec();
    plain.kernelQuantizer = QuantizerSpec();
    m_document->editLayer(9, plain);
    QCOMPARE(m_canvas->block(9).type, QStringLiteral("Dense"));
    QCOMPARE(m_canvas->block(9).kind, LayerStyle::Kind::Float);
}

void TestNetworkCanvas::insertionIndex()
{
    const int count = m_document->layerCount();
    QCOMPARE(m_canvas->insertionIndexAt(m_canvas->blockRect(-1).center()), 0);
    QCOMPARE(m_canvas->insertionIndexAt(QPoint(10, 0)), 0);
    for (int i = 0; i < count; ++i) {
        QCOMPARE(m_canvas->insertionIndexAt(upperHalf(m_canvas->blockRect(i))), i);
        QCOMPARE(m_canvas->insertionIndexAt(lowerHalf(m_canvas->blockRect(i))), i + 1);
    }
    QCOMPARE(m_canvas->insertionIndexAt(QPoint(10, m_canvas->height() - 1)), count);
}

void TestNetworkCanvas::paletteDrop_data()
{
    QTest::addColumn<int>("templ");
    QTest::addColumn<int>("targetBlock"); // -1: the input block
    QTest::addColumn<bool>("lowerHalf");
    QTest::addColumn<int>("expectedIndex");
    QTest::newRow("binary dense before flatten's successor")
        << int(LayerPalette::QuantDenseBinaryTemplate) << 9 << false << 9;
    QTest::newRow("dropout after dense") << int(LayerPalette::DropoutTemplate) << 9 << true << 10;
    QTest::newRow("batchnorm on the input block") << int(LayerPalette::BatchNormTemplate) << -1 << true << 0;
    QTest::newRow("conv at the top") << int(LayerPalette::QuantConv2DBinaryTemplate) << 0 << false << 0;
    QTest::newRow("activation at the end") << int(LayerPalette::ActivationTemplate) << 13 << true << 14;
}

void TestNetworkCanvas::paletteDrop()
{
    QFETCH(int, templ);
    QFETCH(int, targetBlock);
    QFETCH(bool, lowerHalf);
    QFETCH(int, expectedIndex);

    const QRect target = m_canvas->blockRect(targetBlock);
    const QPoint pos = lowerHalf ? ::lowerHalf(target) : upperHalf(target);
    QSignalSpy current(m_canvas, &NetworkCanvas::currentLayerChanged);
    const int before = m_document->layerCount();

    std::unique_ptr<QMimeData> mime(LayerPalette::createMimeData(templ));
    QVERIFY(mime->hasFormat(QStringLiteral("application/x-quantbench-layer")));
    int indicator = -2;
    QVERIFY(dragAndDrop(m_canvas, mime.get(), pos, Qt::CopyAction, &indicator));
    QCOMPARE(indicator, expectedIndex);
    QCOMPARE(m_canvas->dropIndicatorIndex(), -1);

    QCOMPARE(m_document->layerCount(), before + 1);
    LayerSpec inserted = m_document->layer(expectedIndex);
    // A binary template dropped at the top keeps a float input (the first layer sees the image).
    const LayerSpec expected = LayerPalette::forPosition(LayerPalette::templateFor(templ), expectedIndex);
    if (expectedIndex == 0 && templ == LayerPalette::QuantConv2DBinaryTemplate)
        QVERIFY(inserted.inputQuantizer.isNone());
    QCOMPARE(inserted.name, m_document->layer(expectedIndex).name);
    QVERIFY(!inserted.name.isEmpty());
    QCOMPARE(inserted.name, layerTypeName(expected.type) + QStringLiteral("_1"));
    inserted.name.clear();
    QCOMPARE(inserted, expected);
    QCOMPARE(m_canvas->currentLayer(), expectedIndex);
    QVERIFY(!current.isEmpty());
    QCOMPARE(current.last().at(0).toInt(), expectedIndex);
    QCOMPARE(m_document->undoStack()->count(), 1);
    // The rest is untouched.
    QList<LayerSpec> rest = m_document->network().layers;
    rest.removeAt(expectedIndex);
    QCOMPARE(rest, m_preset.layers);
}

/// Double-clicks template `row` in `palette` as a user would.
static void doubleClickTemplate(LayerPalette *palette, int row)
{
    QListWidget *list = palette->listWidget();
    const QRect rect = list->visualItemRect(list->item(row));
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
}

void TestNetworkCanvas::paletteDoubleClickWithoutSelectionAppends()
{
    // The palette wired to the canvas as in the main window.
    LayerPalette palette;
    palette.resize(240, 400);
    palette.show();
    QVERIFY(QTest::qWaitForWindowExposed(&palette));
    connect(&palette, &LayerPalette::layerActivated, m_canvas, &NetworkCanvas::insertAfterCurrent);

    select(-1);
    const int count = m_document->layerCount();
    doubleClickTemplate(&palette, LayerPalette::DropoutTemplate);
    QCOMPARE(m_document->layerCount(), count + 1);
    QCOMPARE(m_document->layer(count).type, LayerType::Dropout); // at the end, not before the first conv
    QCOMPARE(m_document->layer(0), m_preset.layers.at(0));
    QCOMPARE(m_canvas->currentLayer(), count);
}

void TestNetworkCanvas::paletteDoubleClickInsertsAfterSelection()
{
    LayerPalette palette;
    palette.resize(240, 400);
    palette.show();
    QVERIFY(QTest::qWaitForWindowExposed(&palette));
    connect(&palette, &LayerPalette::layerActivated, m_canvas, &NetworkCanvas::insertAfterCurrent);
    select(2);
    doubleClickTemplate(&palette, LayerPalette::DropoutTemplate);
    QCOMPARE(m_document->layer(3).type, LayerType::Dropout);
    QCOMPARE(m_canvas->currentLayer(), 3);
}

void TestNetworkCanvas::binaryTemplateFirstHasNoInputQuantizer()
{
    NetworkSpec empty = m_preset;
    empty.layers.clear();
    m_document->reset(empty);
    QSignalSpy hints(m_canvas, &NetworkCanvas::hintShown);

    // Nothing selected in an empty network: the binary conv becomes the first layer.
    select(-1);
    m_canvas->insertAfterCurrent(LayerPalette::templateFor(LayerPalette::QuantConv2DBinaryTemplate));
    QCOMPARE(m_document->layerCount(), 1);
    QVERIFY(m_document->layer(0).inputQuantizer.isNone());
    QCOMPARE(m_document->layer(0).kernelQuantizer.name, QStringLiteral("ste_sign"));
    QCOMPARE(hints.count(), 1);
    QVERIFY(hints.first().first().toString().contains(QStringLiteral("full precision")));

    // The next binary layer binarizes its input as usual, without a hint.
    m_canvas->insertAfterCurrent(LayerPalette::templateFor(LayerPalette::QuantConv2DBinaryTemplate));
    QCOMPARE(m_document->layer(1).inputQuantizer.name, QStringLiteral("ste_sign"));
    QCOMPARE(hints.count(), 1);

    // A binary dense dropped above everything is the new first layer: float input too.
    std::unique_ptr<QMimeData> mime(LayerPalette::createMimeData(LayerPalette::QuantDenseBinaryTemplate));
    QVERIFY(dragAndDrop(m_canvas, mime.get(), upperHalf(m_canvas->blockRect(0)), Qt::CopyAction));
    QCOMPARE(m_document->layer(0).type, LayerType::Dense);
    QVERIFY(m_document->layer(0).inputQuantizer.isNone());
    QCOMPARE(hints.count(), 2);
}

void TestNetworkCanvas::copiedBlockFirstKeepsItsQuantizer()
{
    // A copy of an existing binary layer (Ctrl-drag) is the user's own layer: left as it is.
    const LayerSpec binary = m_document->layer(3);
    QCOMPARE(binary.inputQuantizer.name, QStringLiteral("ste_sign"));
    QMimeData mime;
    mime.setData(LayerMime::indexType(), QByteArray::number(3));
    mime.setData(LayerMime::layerType(), LayerMime::layerJson(binary));
    QVERIFY(dragAndDrop(m_canvas, &mime, upperHalf(m_canvas->blockRect(0)), Qt::CopyAction));
    QCOMPARE(m_document->layer(0).inputQuantizer.name, QStringLiteral("ste_sign"));
}

void TestNetworkCanvas::dropOfForeignDataIgnored()
{
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    QVERIFY(!dragAndDrop(m_canvas, &text, m_canvas->blockRect(3).center(), Qt::CopyAction));

    QMimeData broken;
    broken.setData(LayerMime::layerType(), QByteArray("{\"type\": \"lstm\"}"));
    dragAndDrop(m_canvas, &broken, m_canvas->blockRect(3).center(), Qt::CopyAction);
    QCOMPARE(m_document->layerCount(), m_preset.layers.size());
    QCOMPARE(jsonOf(*m_document), m_original);
}

void TestNetworkCanvas::reorderWithAltKeys()
{
    m_canvas->setFocus();
    QTest::mouseClick(m_canvas, Qt::LeftButton, {}, m_canvas->blockRect(1).center());
    QCOMPARE(m_canvas->currentLayer(), 1);
    QSignalSpy moved(m_document.get(), &NetworkDocument::layerMoved);

    QTest::keyClick(m_canvas, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(m_document->layer(1).type, LayerType::BatchNorm);
    QCOMPARE(m_document->layer(2).type, LayerType::MaxPool);
    QCOMPARE(m_canvas->currentLayer(), 2);
    QCOMPARE(m_canvas->block(2).type, QStringLiteral("MaxPool2D"));

    QTest::keyClick(m_canvas, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(m_document->layer(3).type, LayerType::MaxPool);
    QCOMPARE(m_canvas->currentLayer(), 3);

    QTest::keyClick(m_canvas, Qt::Key_Up, Qt::AltModifier);
    QTest::keyClick(m_canvas, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(m_canvas->currentLayer(), 1);
    QCOMPARE(jsonOf(*m_document), m_original);
    QCOMPARE(m_document->undoStack()->count(), 4);

    // Nothing moves past the ends.
    select(0);
    QTest::keyClick(m_canvas, Qt::Key_Up, Qt::AltModifier);
    select(13);
    QTest::keyClick(m_canvas, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(moved.count(), 4);
}

void TestNetworkCanvas::reorderByDraggingBlock_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("targetBlock");
    QTest::addColumn<bool>("lowerHalf");
    QTest::addColumn<int>("expectedTo");
    QTest::newRow("down, below block 2") << 0 << 2 << true << 2;
    QTest::newRow("down, above block 5") << 1 << 5 << false << 4;
    QTest::newRow("up to the top") << 5 << 0 << false << 0;
    QTest::newRow("up onto the input block") << 4 << -1 << false << 0;
    QTest::newRow("to the end") << 2 << 13 << true << 13;
}

void TestNetworkCanvas::reorderByDraggingBlock()
{
    QFETCH(int, from);
    QFETCH(int, targetBlock);
    QFETCH(bool, lowerHalf);
    QFETCH(int, expectedTo);

    const LayerSpec moving = m_document->layer(from);
    QMimeData mime;
    mime.setData(QStringLiteral("application/x-quantbench-layer-index"), QByteArray::number(from));
    mime.setData(LayerMime::layerType(), LayerMime::layerJson(moving));
    const QRect target = m_canvas->blockRect(targetBlock);
    QVERIFY(
        dragAndDrop(m_canvas, &mime, lowerHalf ? ::lowerHalf(target) : upperHalf(target), Qt::MoveAction));

    QCOMPARE(m_document->layerCount(), m_preset.layers.size()); // moved, not copied
    QCOMPARE(m_document->layer(expectedTo), moving);
    QCOMPARE(m_canvas->currentLayer(), expectedTo);
    QList<LayerSpec> expected = m_preset.layers;
    expected.move(from, expectedTo);
    QCOMPARE(m_document->network().layers, expected);
    QCOMPARE(m_document->undoStack()->count(), 1);
}

void TestNetworkCanvas::copyByDraggingBlockWithCtrl()
{
    QMimeData mime;
    mime.setData(LayerMime::indexType(), QByteArray::number(3));
    mime.setData(LayerMime::layerType(), LayerMime::layerJson(m_document->layer(3)));
    // Dropping a block next to itself does nothing.
    int indicator = -2;
    QVERIFY(dragAndDrop(m_canvas, &mime, upperHalf(m_canvas->blockRect(3)), Qt::MoveAction, &indicator));
    QCOMPARE(indicator, -1);
    QCOMPARE(m_document->undoStack()->count(), 0);

    QVERIFY(dragAndDrop(m_canvas, &mime, lowerHalf(m_canvas->blockRect(6)), Qt::CopyAction));
    QCOMPARE(m_document->layerCount(), m_preset.layers.size() + 1);
    LayerSpec copy = m_document->layer(7);
    QCOMPARE(copy.name, QStringLiteral("conv2d_1"));
    copy.name.clear();
    QCOMPARE(copy, m_document->layer(3));
}

void TestNetworkCanvas::clickSelects()
{
    QSignalSpy spy(m_canvas, &NetworkCanvas::currentLayerChanged);
    QCOMPARE(m_canvas->currentLayer(), -1);

    QTest::mouseClick(m_canvas, Qt::LeftButton, {}, m_canvas->blockRect(4).center());
    QCOMPARE(m_canvas->currentLayer(), 4);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 4);
    QVERIFY(m_canvas->hasFocus());

    // Clicking the same block again changes nothing.
    QTest::mouseClick(m_canvas, Qt::LeftButton, {}, m_canvas->blockRect(4).center());
    QCOMPARE(spy.count(), 1);

    QTest::mouseClick(m_canvas, Qt::LeftButton, {}, m_canvas->blockRect(12).topLeft() + QPoint(8, 8));
    QCOMPARE(m_canvas->currentLayer(), 12);
    QCOMPARE(spy.last().at(0).toInt(), 12);

    // The input block means network level.
    QTest::mouseClick(m_canvas, Qt::LeftButton, {}, m_canvas->blockRect(-1).center());
    QCOMPARE(m_canvas->currentLayer(), -1);
    QCOMPARE(spy.last().at(0).toInt(), -1);

    QTest::mouseClick(m_canvas, Qt::LeftButton, {}, m_canvas->blockRect(0).center());
    QCOMPARE(m_canvas->currentLayer(), 0);
    // Empty space clears the selection.
    QTest::mouseClick(m_canvas, Qt::LeftButton, {}, QPoint(2, m_canvas->blockRect(5).center().y()));
    QCOMPARE(m_canvas->currentLayer(), -1);

    QSignalSpy activated(m_canvas, &NetworkCanvas::layerActivated);
    QTest::mouseDClick(m_canvas, Qt::LeftButton, {}, m_canvas->blockRect(7).center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toInt(), 7);
}

void TestNetworkCanvas::arrowKeysMoveSelection()
{
    QSignalSpy spy(m_canvas, &NetworkCanvas::currentLayerChanged);
    QTest::keyClick(m_canvas, Qt::Key_Down);
    QCOMPARE(m_canvas->currentLayer(), 0);
    QTest::keyClick(m_canvas, Qt::Key_Down);
    QTest::keyClick(m_canvas, Qt::Key_Down);
    QCOMPARE(m_canvas->currentLayer(), 2);
    QTest::keyClick(m_canvas, Qt::Key_Up);
    QCOMPARE(m_canvas->currentLayer(), 1);
    QTest::keyClick(m_canvas, Qt::Key_End);
    QCOMPARE(m_canvas->currentLayer(), 13);
    QTest::keyClick(m_canvas, Qt::Key_Down);
    QCOMPARE(m_canvas->currentLayer(), 13);
    QTest::keyClick(m_canvas, Qt::Key_Home);
    QCOMPARE(m_canvas->currentLayer(), -1);
    QTest::keyClick(m_canvas, Qt::Key_Up);
    QCOMPARE(m_canvas->currentLayer(), -1);
    QCOMPARE(spy.count(), 6);
    QCOMPARE(jsonOf(*m_document), m_original); // navigation never edits

    // The scroll area follows the selection.
    m_area->resize(520, 300);
    QTest::keyClick(m_canvas, Qt::Key_End);
    const QRect visible = m_canvas->visibleRegion().boundingRect();
    QVERIFY2(visible.contains(m_canvas->blockRect(13).center()), "last block scrolled into view");
    QVERIFY(m_area->verticalScrollBar()->value() > 0);
}

void TestNetworkCanvas::deleteKeyRemoves()
{
    select(3);
    QTest::keyClick(m_canvas, Qt::Key_Delete);
    QCOMPARE(m_document->layerCount(), m_preset.layers.size() - 1);
    QList<LayerSpec> expected = m_preset.layers;
    expected.removeAt(3);
    QCOMPARE(m_document->network().layers, expected);
    // The selection moves to the next layer.
    QCOMPARE(m_canvas->currentLayer(), 3);
    QCOMPARE(m_document->layer(3).type, LayerType::MaxPool);

    // Deleting the last layer selects the one before.
    select(m_document->layerCount() - 1);
    QTest::keyClick(m_canvas, Qt::Key_Delete);
    QCOMPARE(m_canvas->currentLayer(), m_document->layerCount() - 1);

    // Nothing selected: nothing deleted.
    select(-1);
    const int count = m_document->layerCount();
    QTest::keyClick(m_canvas, Qt::Key_Delete);
    QCOMPARE(m_document->layerCount(), count);
    QCOMPARE(m_document->undoStack()->count(), 2);
}

void TestNetworkCanvas::ctrlDDuplicatesWithUniqueName()
{
    select(3);
    QTest::keyClick(m_canvas, Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(m_document->layerCount(), m_preset.layers.size() + 1);
    QCOMPARE(m_canvas->currentLayer(), 4);
    QCOMPARE(m_document->layer(4).name, QStringLiteral("conv2d_1"));

    QTest::keyClick(m_canvas, Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(m_canvas->currentLayer(), 5);
    QCOMPARE(m_document->layer(5).name, QStringLiteral("conv2d_2"));
    for (int i : {4, 5}) {
        LayerSpec copy = m_document->layer(i);
        copy.name.clear();
        QCOMPARE(copy, m_preset.layers.at(3));
    }
    // Duplicated 64-filter convs do not fit after a 64-channel conv with a 3x3 input; the names
    // stay unique though: no "already used" problem anywhere.
    for (const ValidationIssue &issue : m_document->validation().issues)
        QVERIFY2(issue.field != QLatin1String("name"), qPrintable(issue.message));
    QCOMPARE(m_document->undoStack()->count(), 2);
}

void TestNetworkCanvas::undoRedoAll()
{
    // A session of edits through the canvas only.
    std::unique_ptr<QMimeData> dense(LayerPalette::createMimeData(LayerPalette::QuantDenseBinaryTemplate));
    QVERIFY(dragAndDrop(m_canvas, dense.get(), upperHalf(m_canvas->blockRect(11)), Qt::CopyAction));
    QTest::mouseClick(m_canvas, Qt::LeftButton, {}, m_canvas->blockRect(1).center());
    QTest::keyClick(m_canvas, Qt::Key_Down, Qt::AltModifier);
    QTest::mouseClick(m_canvas, Qt::LeftButton, {}, m_canvas->blockRect(13).center());
    QTest::keyClick(m_canvas, Qt::Key_Delete);
    QTest::mouseClick(m_canvas, Qt::LeftButton, {}, m_canvas->blockRect(6).center());
    QTest::keyClick(m_canvas, Qt::Key_D, Qt::ControlModifier);
    QMimeData block;
    block.setData(LayerMime::indexType(), QByteArray::number(0));
    QVERIFY(dragAndDrop(m_canvas, &block, lowerHalf(m_canvas->blockRect(2)), Qt::MoveAction));

    QUndoStack *stack = m_document->undoStack();
    QCOMPARE(stack->count(), 5);
    const QByteArray edited = jsonOf(*m_document);
    QVERIFY(edited != m_original);

    while (stack->canUndo())
        stack->undo();
    QCOMPARE(jsonOf(*m_document), m_original);
    QCOMPARE(m_document->network(), m_preset);
    QVERIFY(!m_document->isModified());
    // The canvas follows: one block per layer again, all valid.
    QCOMPARE(m_canvas->block(13).type, QStringLiteral("Activation"));
    QVERIFY(m_canvas->blockRect(14).isNull());

    while (stack->canRedo())
        stack->redo();
    QCOMPARE(jsonOf(*m_document), edited);
    QVERIFY(m_canvas->currentLayer() >= -1 && m_canvas->currentLayer() < m_document->layerCount());
}

void TestNetworkCanvas::invalidLayerShowsMessage()
{
    const int below = m_canvas->blockRect(10).top();
    LayerSpec dense = m_document->layer(9);
    dense.units = 0;
    m_document->editLayer(9, dense, QStringLiteral("units"));

    const QList<ValidationIssue> issues = m_document->issuesOf(9);
    QVERIFY(!issues.isEmpty());
    const QString message = m_canvas->blockMessage(9);
    QVERIFY(!message.isEmpty());
    for (const ValidationIssue &issue : issues)
        QVERIFY2(message.contains(issue.message), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("units")));
    QVERIFY(m_canvas->block(9).isInvalid());
    QCOMPARE(m_canvas->block(9).shape, QStringLiteral("?"));

    // The message sits under the block and pushes the next ones down.
    const QRect messageRect = m_canvas->messageRect(9);
    QVERIFY(messageRect.isValid());
    QVERIFY(messageRect.top() > m_canvas->blockRect(9).bottom());
    QVERIFY(m_canvas->blockRect(10).top() > messageRect.bottom());
    QVERIFY(m_canvas->blockRect(10).top() > below);
    QVERIFY(m_canvas->blockMessage(8).isEmpty());
    QVERIFY(m_canvas->messageRect(8).isNull());

    m_document->undoStack()->undo();
    QVERIFY(m_canvas->blockMessage(9).isEmpty());
    QVERIFY(m_canvas->messageRect(9).isNull());
    QCOMPARE(m_canvas->blockRect(10).top(), below);
}

void TestNetworkCanvas::invalidOrderShowsMessage()
{
    // Flatten dragged above the second conv: the conv then gets a flat vector.
    QMimeData block;
    block.setData(LayerMime::indexType(), QByteArray::number(8));
    QVERIFY(dragAndDrop(m_canvas, &block, upperHalf(m_canvas->blockRect(3)), Qt::MoveAction));
    QCOMPARE(m_document->layer(3).type, LayerType::Flatten);
    const QList<ValidationIssue> issues = m_document->issuesOf(4);
    QVERIFY(!issues.isEmpty());
    QVERIFY2(
        m_canvas->blockMessage(4).contains(issues.first().message), qPrintable(m_canvas->blockMessage(4)));

    // Network-level problems show under the input block.
    NetworkSpec empty;
    m_document->reset(empty);
    QVERIFY(!m_document->issuesOf(-1).isEmpty());
    QVERIFY(m_canvas->blockMessage(-1).contains(m_document->issuesOf(-1).first().message));
    QVERIFY(m_canvas->blockRect(0).isNull());
    // An empty network accepts a drop (at index 0).
    std::unique_ptr<QMimeData> conv(LayerPalette::createMimeData(LayerPalette::Conv2DTemplate));
    QVERIFY(dragAndDrop(
        m_canvas, conv.get(), QPoint(m_canvas->width() / 2, m_canvas->height() - 20), Qt::CopyAction));
    QCOMPARE(m_document->layerCount(), 1);
    QCOMPARE(m_document->layer(0).name, QStringLiteral("conv2d_1"));
}

void TestNetworkCanvas::invalidBlockPaintedRed()
{
    LayerSpec dense = m_document->layer(9);
    dense.units = 0;
    m_document->editLayer(9, dense, QStringLiteral("units"));
    const QImage image = m_canvas->grab().toImage();
    const qreal dpr = image.devicePixelRatio();
    auto isRed = [&](const QPoint &p) {
        const QColor c = image.pixelColor((QPointF(p) * dpr).toPoint());
        return c.red() > 150 && c.green() < 120 && c.blue() < 120;
    };
    const QRect bad = m_canvas->blockRect(9);
    const QRect good = m_canvas->blockRect(11);
    QVERIFY(isRed(QPoint(bad.center().x(), bad.top() + 1)));
    QVERIFY(isRed(QPoint(bad.center().x(), bad.bottom() - 1)));
    QVERIFY(!isRed(QPoint(good.center().x(), good.top() + 1)));
}

void TestNetworkCanvas::contextMenuActions()
{
    select(-1);
    std::unique_ptr<QMenu> noLayer(m_canvas->createContextMenu(nullptr));
    int enabled = 0;
    for (QAction *a : noLayer->actions())
        enabled += (!a->isSeparator() && a->isEnabled() && !a->menu()) ? 1 : 0;
    QCOMPARE(enabled, 0); // duplicate/delete/move need a layer

    select(5);
    std::unique_ptr<QMenu> menu(m_canvas->createContextMenu(nullptr));
    QAction *up = nullptr;
    QAction *duplicate = nullptr;
    for (QAction *a : menu->actions()) {
        if (a->shortcut() == QKeySequence(Qt::ALT | Qt::Key_Up))
            up = a;
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_D))
            duplicate = a;
    }
    QVERIFY(up && duplicate);
    QVERIFY(up->isEnabled());
    up->trigger();
    QCOMPARE(m_canvas->currentLayer(), 4);
    QCOMPARE(m_document->layer(4), m_preset.layers.at(5));
    duplicate->trigger();
    QCOMPARE(m_document->layerCount(), m_preset.layers.size() + 1);
    QCOMPARE(m_document->undoStack()->count(), 2);
}

void TestNetworkCanvas::sizeGrowsWithLayers()
{
    const QSize before = m_canvas->sizeHint();
    QVERIFY(before.height() > m_canvas->blockRect(13).bottom());
    m_canvas->insertLayerAt(14, LayerPalette::templateFor(LayerPalette::DropoutTemplate));
    const QSize after = m_canvas->sizeHint();
    QVERIFY(after.height() > before.height());
    QCOMPARE(after.width(), before.width());
    QVERIFY(m_canvas->height() >= after.height());
    QCOMPARE(m_document->layer(14).name, QStringLiteral("dropout_1"));
    m_document->undoStack()->undo();
    QCOMPARE(m_canvas->sizeHint(), before);
}

void TestNetworkCanvas::selectionSurvivesReset()
{
    select(12);
    // Inserting above the selection keeps the same layer selected.
    m_canvas->insertLayerAt(0, LayerPalette::templateFor(LayerPalette::BatchNormTemplate));
    QCOMPARE(m_canvas->currentLayer(), 0); // the new layer is selected
    select(13);
    m_document->insertLayer(2, LayerPalette::templateFor(LayerPalette::FlattenTemplate));
    QCOMPARE(m_canvas->currentLayer(), 14);
    Result<NetworkSpec> mlp = PresetLibrary::load(QStringLiteral("mlp-binary"));
    QVERIFY(mlp.ok());
    QSignalSpy spy(m_canvas, &NetworkCanvas::currentLayerChanged);
    m_document->reset(mlp.value());
    QCOMPARE(m_canvas->currentLayer(), -1);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(m_canvas->block(0).type, QStringLiteral("QuantDense"));
    QVERIFY(m_canvas->blockRect(m_document->layerCount()).isNull());
}

QTEST_MAIN(TestNetworkCanvas)
#include "tst_networkcanvas.moc"
