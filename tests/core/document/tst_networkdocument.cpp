// NetworkDocument (core/document): every edit kind is one undo step that restores the exact JSON,
// editLayer merging, signals, reset/load/save and the modified flag.

#include "document/networkdocument.h"
#include "spec/presetlibrary.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace qb;

namespace {

QByteArray jsonOf(const NetworkSpec &network)
{
    return QJsonDocument(network.toJson()).toJson(QJsonDocument::Compact);
}

QByteArray jsonOf(const NetworkDocument &document) { return jsonOf(document.network()); }

NetworkSpec preset(const QString &name)
{
    Result<NetworkSpec> spec = PresetLibrary::load(name);
    if (!spec)
        qFatal("cannot load preset %s: %s", qPrintable(name), qPrintable(spec.error()));
    return spec.value();
}

LayerSpec denseLayer(int units, const QString &name)
{
    LayerSpec l;
    l.type = LayerType::Dense;
    l.units = units;
    l.name = name;
    return l;
}

NetworkSpec withName(NetworkSpec network, const QString &name)
{
    network.name = name;
    return network;
}

} // namespace

class TestNetworkDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void editUndoRedo_data();
    void editUndoRedo();
    void editLayerMergesSameField();
    void editLayerReturningToOriginalDropsOut();
    void editLayerDifferentFieldsDoNotMerge();
    void noOpEditsPushNothing();
    void moveLayerSignals();
    void insertRemoveSignals();
    void duplicateNamesUniquely();
    void resetClearsUndo();
    void loadMalformedFails_data();
    void loadMalformedFails();
    void saveAsLoadRoundTrip();
    void modifiedFlag();
    void uniqueLayerName();
    void validationFollowsEdits();
    void undoTexts();

private:
    NetworkSpec m_larq;
};

void TestNetworkDocument::init() { m_larq = preset(QStringLiteral("larq-mnist-bnn")); }

void TestNetworkDocument::editUndoRedo_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("insert") << 0;
    QTest::newRow("insert at end") << 1;
    QTest::newRow("remove") << 2;
    QTest::newRow("move down") << 3;
    QTest::newRow("move up") << 4;
    QTest::newRow("duplicate") << 5;
    QTest::newRow("edit layer") << 6;
    QTest::newRow("edit layer, no field") << 7;
    QTest::newRow("edit network") << 8;
}

void TestNetworkDocument::editUndoRedo()
{
    QFETCH(int, kind);
    NetworkDocument document;
    document.reset(m_larq);
    const QByteArray original = jsonOf(document);
    const int count = document.layerCount();

    switch (kind) {
    case 0:
        document.insertLayer(3, denseLayer(12, QStringLiteral("extra")));
        QCOMPARE(document.layer(3).name, QStringLiteral("extra"));
        break;
    case 1:
        document.insertLayer(count, denseLayer(12, QStringLiteral("extra")));
        QCOMPARE(document.layer(count).name, QStringLiteral("extra"));
        break;
    case 2:
        document.removeLayer(0);
        QCOMPARE(document.layer(0).type, LayerType::MaxPool);
        break;
    case 3:
        document.moveLayer(1, 2);
        QCOMPARE(document.layer(1).type, LayerType::BatchNorm);
        QCOMPARE(document.layer(2).type, LayerType::MaxPool);
        break;
    case 4:
        document.moveLayer(count - 1, 0);
        QCOMPARE(document.layer(0).type, LayerType::Activation);
        break;
    case 5:
        document.duplicateLayer(3);
        QCOMPARE(document.layer(4).type, LayerType::Conv2D);
        QCOMPARE(document.layer(4).filters, 64);
        break;
    case 6: {
        LayerSpec l = document.layer(9);
        l.units = 128;
        document.editLayer(9, l, QStringLiteral("units"));
        QCOMPARE(document.layer(9).units, 128);
        break;
    }
    case 7: {
        LayerSpec l = document.layer(0);
        l.filters = 16;
        l.kernelQuantizer = QuantizerSpec();
        document.editLayer(0, l);
        QVERIFY(!document.layer(0).isQuantized());
        break;
    }
    case 8: {
        NetworkSpec n = document.network();
        n.name = QStringLiteral("renamed");
        n.layers.removeLast();
        document.editNetwork(n, QStringLiteral("Rename"));
        QCOMPARE(document.network().name, QStringLiteral("renamed"));
        break;
    }
    }
    const QByteArray edited = jsonOf(document);
    QVERIFY(edited != original);
    QCOMPARE(document.undoStack()->count(), 1);
    QVERIFY(document.isModified());

    document.undoStack()->undo();
    QCOMPARE(jsonOf(document), original);
    QCOMPARE(document.network(), m_larq);
    QVERIFY(!document.isModified());

    document.undoStack()->redo();
    QCOMPARE(jsonOf(document), edited);
    document.undoStack()->undo();
    QCOMPARE(jsonOf(document), original);
}

void TestNetworkDocument::editLayerMergesSameField()
{
    NetworkDocument document;
    document.reset(m_larq);
    const QByteArray original = jsonOf(document);
    LayerSpec l = document.layer(9);
    for (int units : {70, 80, 90}) {
        l.units = units;
        document.editLayer(9, l, QStringLiteral("units"));
    }
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.layer(9).units, 90);
    document.undoStack()->undo();
    QCOMPARE(jsonOf(document), original);
    document.undoStack()->redo();
    QCOMPARE(document.layer(9).units, 90);
}

void TestNetworkDocument::editLayerReturningToOriginalDropsOut()
{
    NetworkDocument document;
    document.reset(m_larq);
    // One unrelated step first, so the drop-out is seen as the count going back.
    document.moveLayer(1, 2);
    QCOMPARE(document.undoStack()->count(), 1);
    const QByteArray afterMove = jsonOf(document);

    LayerSpec l = document.layer(0);
    const int originalFilters = l.filters;
    l.filters = 48;
    document.editLayer(0, l, QStringLiteral("filters"));
    QCOMPARE(document.undoStack()->count(), 2);
    l.filters = originalFilters;
    document.editLayer(0, l, QStringLiteral("filters"));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(jsonOf(document), afterMove);

    // The remaining step is the move.
    document.undoStack()->undo();
    QCOMPARE(jsonOf(document), jsonOf(m_larq));
}

void TestNetworkDocument::editLayerDifferentFieldsDoNotMerge()
{
    NetworkDocument document;
    document.reset(m_larq);
    LayerSpec l = document.layer(9);
    l.units = 32;
    document.editLayer(9, l, QStringLiteral("units"));
    l.useBias = true;
    document.editLayer(9, l, QStringLiteral("bias"));
    // Same field, other layer: no merge either.
    LayerSpec other = document.layer(11);
    other.units = 11;
    document.editLayer(11, other, QStringLiteral("units"));
    // No field: never merges.
    other.units = 12;
    document.editLayer(11, other);
    other.units = 13;
    document.editLayer(11, other);
    QCOMPARE(document.undoStack()->count(), 5);
    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    QCOMPARE(jsonOf(document), jsonOf(m_larq));
}

void TestNetworkDocument::noOpEditsPushNothing()
{
    NetworkDocument document;
    document.reset(m_larq);
    document.editLayer(0, document.layer(0), QStringLiteral("filters"));
    document.editNetwork(document.network(), QStringLiteral("nothing"));
    document.moveLayer(2, 2);
    document.removeLayer(-1);
    document.removeLayer(document.layerCount());
    document.duplicateLayer(99);
    document.editLayer(99, denseLayer(3, QStringLiteral("x")));
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.isModified());
}

void TestNetworkDocument::moveLayerSignals()
{
    NetworkDocument document;
    document.reset(m_larq);
    QSignalSpy moved(&document, &NetworkDocument::layerMoved);
    QSignalSpy changed(&document, &NetworkDocument::networkChanged);
    QSignalSpy reset(&document, &NetworkDocument::networkReset);

    document.moveLayer(0, 3);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(moved.at(0).at(0).toInt(), 0);
    QCOMPARE(moved.at(0).at(1).toInt(), 3);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(document.layer(3), m_larq.layers.at(0));

    document.undoStack()->undo();
    QCOMPARE(moved.count(), 2);
    QCOMPARE(moved.at(1).at(0).toInt(), 3);
    QCOMPARE(moved.at(1).at(1).toInt(), 0);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(reset.count(), 0);

    // Beyond the end is clamped to the last position.
    document.moveLayer(0, 1000);
    QCOMPARE(moved.count(), 3);
    QCOMPARE(moved.at(2).at(1).toInt(), document.layerCount() - 1);
}

void TestNetworkDocument::insertRemoveSignals()
{
    NetworkDocument document;
    document.reset(m_larq);
    QSignalSpy inserted(&document, &NetworkDocument::layerInserted);
    QSignalSpy removed(&document, &NetworkDocument::layerRemoved);
    QSignalSpy layerChanged(&document, &NetworkDocument::layerChanged);

    document.insertLayer(-5, denseLayer(4, QStringLiteral("front")));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(0).toInt(), 0);
    document.removeLayer(2);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).toInt(), 2);
    document.undoStack()->undo(); // undo of a removal inserts
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(0).toInt(), 2);

    LayerSpec l = document.layer(1);
    l.filters = 8;
    document.editLayer(1, l, QStringLiteral("filters"));
    QCOMPARE(layerChanged.count(), 1);
    QCOMPARE(layerChanged.at(0).at(0).toInt(), 1);
}

void TestNetworkDocument::duplicateNamesUniquely()
{
    NetworkDocument document;
    NetworkSpec n = m_larq;
    n.layers[9].name = QStringLiteral("dense_1");
    document.reset(n);
    document.duplicateLayer(9);
    QCOMPARE(document.layerCount(), n.layers.size() + 1);
    QCOMPARE(document.layer(10).name, QStringLiteral("dense_2"));
    LayerSpec copy = document.layer(10);
    copy.name = document.layer(9).name;
    QCOMPARE(copy, document.layer(9));
    QVERIFY(document.issuesOf(10).isEmpty());
}

void TestNetworkDocument::resetClearsUndo()
{
    NetworkDocument document;
    document.reset(m_larq);
    document.removeLayer(0);
    document.moveLayer(0, 1);
    QCOMPARE(document.undoStack()->count(), 2);
    QSignalSpy reset(&document, &NetworkDocument::networkReset);
    QSignalSpy modified(&document, &NetworkDocument::modifiedChanged);
    const NetworkSpec cnn = preset(QStringLiteral("cnn-mnist"));
    document.reset(cnn, QStringLiteral("/tmp/x.json"));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.undoStack()->canUndo());
    QVERIFY(!document.isModified());
    QVERIFY(!modified.isEmpty());
    QCOMPARE(modified.last().at(0).toBool(), false);
    QCOMPARE(jsonOf(document), jsonOf(cnn));
    QCOMPARE(document.filePath(), QStringLiteral("/tmp/x.json"));
    QCOMPARE(document.displayName(), QStringLiteral("x"));
}

void TestNetworkDocument::loadMalformedFails_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("not json") << QByteArray("{ \"format\": \"quantbench-network\", ");
    QTest::newRow("wrong format") << QByteArray(
        R"({"format": "something-else", "version": 1, "layers": []})");
    QTest::newRow("bad layer") << QByteArray(
        R"({"format": "quantbench-network", "version": 1, "layers": [{"type": "dense", "units": "ten"}]})");
    QTest::newRow("unknown type") << QByteArray(
        R"({"format": "quantbench-network", "version": 1, "layers": [{"type": "lstm"}]})");
}

void TestNetworkDocument::loadMalformedFails()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken-net.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();

    NetworkDocument document;
    document.reset(m_larq, QStringLiteral("/somewhere/original.json"));
    document.moveLayer(0, 1);
    const QByteArray before = jsonOf(document);
    QSignalSpy changed(&document, &NetworkDocument::networkChanged);
    QSignalSpy pathChanged(&document, &NetworkDocument::filePathChanged);

    const Status status = document.load(path);
    QVERIFY(!status.ok());
    QVERIFY2(status.error().contains(QStringLiteral("broken-net.json")), qPrintable(status.error()));
    QCOMPARE(jsonOf(document), before);
    QCOMPARE(document.filePath(), QStringLiteral("/somewhere/original.json"));
    QCOMPARE(document.undoStack()->count(), 1);
    QVERIFY(document.isModified());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(pathChanged.count(), 0);

    // A missing file too.
    const Status missing = document.load(dir.filePath(QStringLiteral("nothing-here.json")));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().contains(QStringLiteral("nothing-here.json")), qPrintable(missing.error()));
    QCOMPARE(jsonOf(document), before);
}

void TestNetworkDocument::saveAsLoadRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("mine.json"));

    NetworkDocument document;
    document.reset(m_larq);
    LayerSpec l = document.layer(0);
    l.name = QStringLiteral("first");
    l.nonidealities.append(NoiseSpec{QStringLiteral("weight_noise"), NoisePhase::Evaluation,
        QJsonObject{{QStringLiteral("sigma"), 0.02}}});
    document.editLayer(0, l);
    QVERIFY(document.isModified());
    QSignalSpy pathChanged(&document, &NetworkDocument::filePathChanged);
    QSignalSpy modified(&document, &NetworkDocument::modifiedChanged);

    const Status saved = document.saveAs(path);
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    QVERIFY(!document.isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.at(0).at(0).toBool(), false);
    QCOMPARE(pathChanged.count(), 1);
    QCOMPARE(document.filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(document.displayName(), QStringLiteral("mine"));

    NetworkDocument other;
    const Status loaded = other.load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(jsonOf(other), jsonOf(document));
    QCOMPARE(other.network(), document.network());
    QCOMPARE(other.filePath(), QFileInfo(path).absoluteFilePath());
    QVERIFY(!other.isModified());
    QCOMPARE(other.undoStack()->count(), 0);

    // Undo past the save point makes the document modified again.
    document.undoStack()->undo();
    QVERIFY(document.isModified());
    QCOMPARE(modified.last().at(0).toBool(), true);
}

void TestNetworkDocument::modifiedFlag()
{
    NetworkDocument document;
    document.reset(m_larq);
    QSignalSpy modified(&document, &NetworkDocument::modifiedChanged);
    QVERIFY(!document.isModified());

    document.removeLayer(13);
    QVERIFY(document.isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.at(0).at(0).toBool(), true);

    document.insertLayer(0, denseLayer(5, QStringLiteral("a")));
    QCOMPARE(modified.count(), 1); // still modified: no new signal

    document.undoStack()->undo();
    document.undoStack()->undo();
    QVERIFY(!document.isModified());
    QCOMPARE(modified.count(), 2);
    QCOMPARE(modified.at(1).at(0).toBool(), false);

    document.undoStack()->redo();
    QVERIFY(document.isModified());
    QCOMPARE(modified.count(), 3);
}

void TestNetworkDocument::uniqueLayerName()
{
    NetworkDocument document;
    QCOMPARE(document.uniqueLayerName(LayerType::Dense), QStringLiteral("dense_1"));
    QCOMPARE(document.uniqueLayerName(LayerType::Conv2D), QStringLiteral("conv2d_1"));

    NetworkSpec n = m_larq;
    n.layers[0].name = QStringLiteral("conv2d_1");
    n.layers[3].name = QStringLiteral("conv2d_2");
    n.layers[6].name = QStringLiteral("conv2d_4");
    n.layers[9].name = QStringLiteral("dense_2");
    document.reset(n);
    QCOMPARE(document.uniqueLayerName(LayerType::Conv2D), QStringLiteral("conv2d_3"));
    QCOMPARE(document.uniqueLayerName(LayerType::Dense), QStringLiteral("dense_1"));
    QCOMPARE(document.uniqueLayerName(LayerType::BatchNorm), QStringLiteral("batchnorm_1"));

    // Names given by uniqueLayerName never collide, so repeated inserts stay valid.
    for (int i = 0; i < 3; ++i) {
        LayerSpec l;
        l.type = LayerType::Dropout;
        l.name = document.uniqueLayerName(l.type);
        document.insertLayer(9, l);
    }
    QVERIFY2(document.validation().ok(), qPrintable(document.validation().message(document.network())));
}

void TestNetworkDocument::validationFollowsEdits()
{
    NetworkDocument document;
    document.reset(m_larq);
    QVERIFY(document.validation().ok());
    QCOMPARE(document.validation().outputShapes.size(), document.layerCount());
    QCOMPARE(document.validation().outputShapes.at(0), TensorShape::image(32, 26, 26));

    LayerSpec l = document.layer(9);
    l.units = 0;
    document.editLayer(9, l, QStringLiteral("units"));
    const QList<ValidationIssue> issues = document.issuesOf(9);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().field, QStringLiteral("units"));
    QVERIFY(document.issuesOf(8).isEmpty());
    document.undoStack()->undo();
    QVERIFY(document.issuesOf(9).isEmpty());

    document.reset(NetworkSpec());
    QVERIFY(!document.issuesOf(-1).isEmpty());
}

void TestNetworkDocument::undoTexts()
{
    NetworkDocument document;
    NetworkSpec n = m_larq;
    n.layers[9].name = QStringLiteral("fc1");
    document.reset(n);
    QCOMPARE(document.layerLabel(9), QStringLiteral("fc1"));
    QCOMPARE(document.layerLabel(0), QStringLiteral("conv2d 1"));

    LayerSpec l = document.layer(9);
    l.units = 20;
    document.editLayer(9, l, QStringLiteral("units"));
    QVERIFY2(document.undoStack()->text(0).contains(QStringLiteral("fc1")),
        qPrintable(document.undoStack()->text(0)));
    QVERIFY(document.undoStack()->text(0).contains(QStringLiteral("units")));
    l.useBias = true;
    document.editLayer(9, l, QStringLiteral("bias"), QStringLiteral("Turn on the bias"));
    QCOMPARE(document.undoStack()->text(1), QStringLiteral("Turn on the bias"));
    document.editNetwork(withName(document.network(), QStringLiteral("other")), QStringLiteral("Rename"));
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Rename"));
}

QTEST_GUILESS_MAIN(TestNetworkDocument)
#include "tst_networkdocument.moc"
