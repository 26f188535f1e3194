// JSON round trip and strict reading of the spec value types (core/spec).

#include "spec/experimentspec.h"
#include "spec/layerspec.h"
#include "spec/networkspec.h"
#include "spec/quantizerspec.h"
#include "spec/trainspec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace qb;

Q_DECLARE_METATYPE(qb::LayerSpec)

namespace {

QuantizerSpec quantizer(const QString &name, const QJsonObject &params = {})
{
    QuantizerSpec q;
    q.name = name;
    q.params = params;
    return q;
}

QuantizerSpec steSign()
{
    return quantizer(QStringLiteral("ste_sign"), QJsonObject{{QStringLiteral("clip"), 1.0}});
}

LayerSpec layerOf(LayerType type, const QString &name = QString())
{
    LayerSpec l;
    l.type = type;
    l.name = name;
    return l;
}

/// The Larq MNIST BNN from the design document.
NetworkSpec larqBnn()
{
    NetworkSpec n;
    n.name = QStringLiteral("larq-mnist-bnn");
    n.description = QStringLiteral("Binarized CNN after the Larq MNIST example");
    n.input = TensorShape::image(1, 28, 28);
    const auto conv = [](int filters, bool binaryInput) {
        LayerSpec l = layerOf(LayerType::Conv2D);
        l.filters = filters;
        l.useBias = false;
        l.kernelQuantizer = steSign();
        if (binaryInput)
            l.inputQuantizer = steSign();
        l.kernelClip = 1.0;
        return l;
    };
    const auto bn = [] {
        LayerSpec l = layerOf(LayerType::BatchNorm);
        l.scale = false;
        return l;
    };
    const auto dense = [](int units, const QString &name) {
        LayerSpec l = layerOf(LayerType::Dense, name);
        l.units = units;
        l.useBias = false;
        l.inputQuantizer = steSign();
        l.kernelQuantizer = steSign();
        l.kernelClip = 1.0;
        return l;
    };
    n.layers << conv(32, false) << layerOf(LayerType::MaxPool) << bn() << conv(64, true)
             << layerOf(LayerType::MaxPool) << bn() << conv(64, true) << bn() << layerOf(LayerType::Flatten)
             << dense(64, QStringLiteral("fc1")) << bn() << dense(10, QStringLiteral("out")) << bn();
    LayerSpec softmax = layerOf(LayerType::Activation);
    softmax.function = ActivationFunction::Softmax;
    n.layers << softmax;
    return n;
}

NetworkSpec networkWith(const LayerSpec &layer)
{
    NetworkSpec n;
    n.layers << layer;
    return n;
}

QJsonObject parseObject(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "test JSON does not parse:" << error.errorString() << "at" << error.offset << text;
    return doc.object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// A network document with one layer given as JSON text.
QByteArray networkText(const QByteArray &layers, const QByteArray &extra = QByteArray())
{
    return "{\"format\": \"quantbench-network\", \"version\": 1, " + extra + "\"layers\": [" + layers + "]}";
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestSpecJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quantizerSpec();
    void nonidealitiesRoundTrip();
    void layerRoundTrip_data();
    void layerRoundTrip();
    void layerWritesOnlyMeaningfulFields();
    void layerDefaultsAndShorthands();
    void networkRoundTrip();
    void networkFileRoundTrip();
    void flatInputRoundTrip();
    void canonicalNetworkText();
    void canonicalExperimentText();
    void trainRoundTrip();
    void trainDefaults();
    void experimentRoundTrip();
    void quantizerNamesAreNotCheckedWhenReading();
    void networkErrors_data();
    void networkErrors();
    void trainErrors_data();
    void trainErrors();
    void experimentErrors_data();
    void experimentErrors();
    void fileErrors_data();
    void fileErrors();
    void saveErrorNamesFile();
    void enumNames();
};

void TestSpecJson::quantizerSpec()
{
    const QuantizerSpec none;
    QVERIFY(none.isNone());
    QVERIFY(none.toJson().isNull());

    const QuantizerSpec q = quantizer(QStringLiteral("fixed_point"),
                                      QJsonObject{{QStringLiteral("bits"), 8},
                                                  {QStringLiteral("clip"), 0.5},
                                                  {QStringLiteral("mode"), QStringLiteral("saturate")},
                                                  {QStringLiteral("signed"), false}});
    QVERIFY(!q.isNone());
    QCOMPARE(q.number(QStringLiteral("bits"), 1.0), 8.0);
    QCOMPARE(q.number(QStringLiteral("clip"), 1.0), 0.5);
    QCOMPARE(q.number(QStringLiteral("missing"), 3.5), 3.5);
    QCOMPARE(q.number(QStringLiteral("mode"), 3.5), 3.5); // a string is not a number
    QCOMPARE(q.text(QStringLiteral("mode"), QStringLiteral("wrap")), QStringLiteral("saturate"));
    QCOMPARE(q.text(QStringLiteral("bits"), QStringLiteral("fallback")), QStringLiteral("fallback"));
    QCOMPARE(q.flag(QStringLiteral("signed"), true), false);
    QCOMPARE(q.flag(QStringLiteral("missing"), true), true);
    QCOMPARE(q.flag(QStringLiteral("bits"), false), false);

    const QJsonValue json = q.toJson();
    QVERIFY(json.isObject());
    const QJsonObject expected{{QStringLiteral("name"), QStringLiteral("fixed_point")},
                               {QStringLiteral("bits"), 8},
                               {QStringLiteral("clip"), 0.5},
                               {QStringLiteral("mode"), QStringLiteral("saturate")},
                               {QStringLiteral("signed"), false}};
    QCOMPARE(json.toObject(), expected);

    // Through a layer, the quantizer survives both in-memory and text round trips.
    LayerSpec dense = layerOf(LayerType::Dense);
    dense.kernelQuantizer = q;
    const NetworkSpec net = networkWith(dense);
    const Result<NetworkSpec> back = NetworkSpec::fromJson(parseObject(compact(net.toJson())));
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QCOMPARE(back->layers.at(0).kernelQuantizer, q);
    QVERIFY(back->layers.at(0).inputQuantizer.isNone());
}

void TestSpecJson::layerRoundTrip_data()
{
    QTest::addColumn<LayerSpec>("layer");

    LayerSpec conv = layerOf(LayerType::Conv2D, QStringLiteral("conv_a"));
    conv.filters = 48;
    conv.kernelH = 5;
    conv.kernelW = 3;
    conv.strideH = 2;
    conv.strideW = 1;
    conv.padding = Padding::Same;
    conv.useBias = false;
    conv.inputQuantizer = steSign();
    conv.kernelQuantizer = quantizer(QStringLiteral("ste_sign"));
    conv.kernelClip = 1.25;
    QTest::newRow("conv2d same") << conv;

    conv.padding = Padding::Explicit;
    conv.paddingAmount = 2;
    conv.kernelClip = 0.0;
    conv.inputQuantizer = QuantizerSpec();
    QTest::newRow("conv2d explicit padding") << conv;

    conv.paddingAmount = 0;
    QTest::newRow("conv2d explicit zero padding") << conv;

    LayerSpec dense = layerOf(LayerType::Dense, QStringLiteral("fc"));
    dense.units = 123;
    dense.useBias = false;
    dense.inputQuantizer = quantizer(QStringLiteral("ste_sign"), QJsonObject{{QStringLiteral("clip"), 0.75}});
    dense.kernelQuantizer = steSign();
    dense.kernelClip = 2.0;
    QTest::newRow("dense") << dense;

    LayerSpec bn = layerOf(LayerType::BatchNorm);
    bn.scale = false;
    bn.center = false;
    bn.momentum = 0.9;
    bn.epsilon = 1e-5;
    QTest::newRow("batchnorm") << bn;

    LayerSpec maxPool = layerOf(LayerType::MaxPool, QStringLiteral("pool1"));
    maxPool.poolH = 3;
    maxPool.poolW = 2;
    maxPool.poolStrideH = 2;
    maxPool.poolStrideW = 1;
    maxPool.padding = Padding::Explicit;
    maxPool.paddingAmount = 1;
    QTest::newRow("maxpool") << maxPool;

    // Not valid for a pool (the validator says so), but saving and loading must not lose it.
    maxPool.padding = Padding::Same;
    QTest::newRow("maxpool same") << maxPool;

    LayerSpec avgPool = layerOf(LayerType::AvgPool);
    avgPool.poolH = 4;
    avgPool.poolW = 4;
    QTest::newRow("avgpool") << avgPool;

    QTest::newRow("flatten") << layerOf(LayerType::Flatten, QStringLiteral("flat"));

    LayerSpec dropout = layerOf(LayerType::Dropout);
    dropout.rate = 0.125;
    QTest::newRow("dropout") << dropout;

    for (ActivationFunction f :
         {ActivationFunction::None, ActivationFunction::ReLU, ActivationFunction::HardTanh,
          ActivationFunction::Tanh, ActivationFunction::Softmax}) {
        LayerSpec act = layerOf(LayerType::Activation);
        act.function = f;
        QTest::newRow(qPrintable(QStringLiteral("activation ") + activationName(f))) << act;
    }
}

void TestSpecJson::layerRoundTrip()
{
    QFETCH(LayerSpec, layer);
    const NetworkSpec net = networkWith(layer);

    // In memory.
    const Result<NetworkSpec> back = NetworkSpec::fromJson(net.toJson());
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QCOMPARE(back->layers.size(), 1);
    QVERIFY(back->layers.at(0) == layer);
    QCOMPARE(back->layers.at(0).toJson(), layer.toJson());

    // Through text, which is where doubles and integers could change.
    const QByteArray text = compact(net.toJson());
    const Result<NetworkSpec> fromText = NetworkSpec::fromJson(parseObject(text));
    QVERIFY2(fromText.ok(), qPrintable(fromText.error()));
    QVERIFY(fromText->layers.at(0) == layer);
    QCOMPARE(compact(fromText->toJson()), text);

    // A changed meaningful field breaks equality.
    LayerSpec changed = layer;
    changed.name += QStringLiteral("_x");
    QVERIFY(changed != layer);
}

void TestSpecJson::layerWritesOnlyMeaningfulFields()
{
    const auto keys = [](LayerType type) {
        QStringList k = layerOf(type).toJson().keys();
        k.sort();
        return k.join(QLatin1Char(','));
    };
    QCOMPARE(keys(LayerType::Conv2D),
             QStringLiteral("bias,filters,input_quantizer,kernel,kernel_quantizer,padding,stride,type"));
    QCOMPARE(keys(LayerType::Dense), QStringLiteral("bias,input_quantizer,kernel_quantizer,type,units"));
    QCOMPARE(keys(LayerType::BatchNorm), QStringLiteral("center,epsilon,momentum,scale,type"));
    QCOMPARE(keys(LayerType::MaxPool), QStringLiteral("padding,pool,stride,type"));
    QCOMPARE(keys(LayerType::AvgPool), QStringLiteral("padding,pool,stride,type"));
    QCOMPARE(keys(LayerType::Flatten), QStringLiteral("type"));
    QCOMPARE(keys(LayerType::Dropout), QStringLiteral("rate,type"));
    QCOMPARE(keys(LayerType::Activation), QStringLiteral("function,type"));

    LayerSpec dense = layerOf(LayerType::Dense, QStringLiteral("fc"));
    dense.kernelClip = 1.0;
    const QJsonObject json = dense.toJson();
    QCOMPARE(json.value(QStringLiteral("name")).toString(), QStringLiteral("fc"));
    QCOMPARE(json.value(QStringLiteral("kernel_clip")).toDouble(), 1.0);
    QVERIFY(json.value(QStringLiteral("input_quantizer")).isNull());
    QVERIFY(json.value(QStringLiteral("units")).isDouble());

    // Fields of other types do not take part in equality.
    LayerSpec a = layerOf(LayerType::Flatten);
    LayerSpec b = a;
    b.units = 999;
    b.filters = 7;
    b.rate = 0.1;
    QVERIFY(a == b);
    LayerSpec c = layerOf(LayerType::Dense);
    LayerSpec d = c;
    d.filters = 7;
    QVERIFY(c == d);
    d.units = 11;
    QVERIFY(c != d);
}

void TestSpecJson::layerDefaultsAndShorthands()
{
    const Result<NetworkSpec> net = NetworkSpec::fromJson(parseObject(networkText(
        R"({"type": "conv2d", "kernel": 5, "stride": 2, "padding": 1},
           {"type": "maxpool", "pool": [3, 2]},
           {"type": "dense"})")));
    QVERIFY2(net.ok(), qPrintable(net.error()));
    QCOMPARE(net->input, TensorShape::image(1, 28, 28)); // input is optional
    QCOMPARE(net->layers.size(), 3);
    const LayerSpec &conv = net->layers.at(0);
    QCOMPARE(conv.type, LayerType::Conv2D);
    QCOMPARE(conv.kernelH, 5);
    QCOMPARE(conv.kernelW, 5);
    QCOMPARE(conv.strideH, 2);
    QCOMPARE(conv.strideW, 2);
    QCOMPARE(conv.padding, Padding::Explicit);
    QCOMPARE(conv.paddingAmount, 1);
    QCOMPARE(conv.filters, LayerSpec().filters);
    QVERIFY(conv.inputQuantizer.isNone());
    QCOMPARE(conv.toJson().value(QStringLiteral("kernel")).toArray(), (QJsonArray{5, 5}));

    const LayerSpec &pool = net->layers.at(1);
    QCOMPARE(pool.poolH, 3);
    QCOMPARE(pool.poolW, 2);
    QCOMPARE(pool.poolStrideH, 0);
    QCOMPARE(pool.padding, Padding::Valid);

    LayerSpec defaultDense = layerOf(LayerType::Dense);
    QVERIFY(net->layers.at(2) == defaultDense);
}

void TestSpecJson::networkRoundTrip()
{
    const NetworkSpec net = larqBnn();
    const Result<NetworkSpec> back = NetworkSpec::fromJson(net.toJson());
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QVERIFY(back.value() == net);
    QCOMPARE(back->toJson(), net.toJson());

    const QJsonObject json = net.toJson();
    QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("quantbench-network"));
    QCOMPARE(json.value(QStringLiteral("version")).toInt(), NetworkSpec::kFormatVersion);
    QCOMPARE(json.value(QStringLiteral("input")).toObject(),
             (QJsonObject{{QStringLiteral("channels"), 1},
                          {QStringLiteral("height"), 28},
                          {QStringLiteral("width"), 28}}));

    NetworkSpec changed = net;
    changed.layers[3].filters = 65;
    QVERIFY(changed != net);
    changed = net;
    changed.description.clear();
    QVERIFY(changed != net);
}

void TestSpecJson::networkFileRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("bnn.json"));
    const NetworkSpec net = larqBnn();
    const Status saved = net.saveToFile(path);
    QVERIFY2(saved.ok(), qPrintable(saved.error()));

    const Result<NetworkSpec> loaded = NetworkSpec::fromFile(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QVERIFY(loaded.value() == net);

    // Saving what was loaded gives the same bytes.
    QFile first(path);
    QVERIFY(first.open(QIODevice::ReadOnly));
    const QByteArray firstBytes = first.readAll();
    const QString again = dir.filePath(QStringLiteral("again.json"));
    QVERIFY(loaded->saveToFile(again).ok());
    QFile second(again);
    QVERIFY(second.open(QIODevice::ReadOnly));
    QCOMPARE(second.readAll(), firstBytes);
}

void TestSpecJson::flatInputRoundTrip()
{
    NetworkSpec net;
    net.input = TensorShape::flat(784);
    LayerSpec dense = layerOf(LayerType::Dense);
    dense.units = 32;
    net.layers << dense;
    const QJsonObject json = net.toJson();
    QCOMPARE(json.value(QStringLiteral("input")).toObject(),
             (QJsonObject{{QStringLiteral("features"), 784}}));
    Result<NetworkSpec> back = NetworkSpec::fromJson(parseObject(compact(json)));
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QVERIFY(back.value() == net);

    // Shapes of other ranks are never valid, but saving keeps them.
    net.input = TensorShape{{3, 4}};
    back = NetworkSpec::fromJson(parseObject(compact(net.toJson())));
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QCOMPARE(back->input, net.input);
}

void TestSpecJson::canonicalNetworkText()
{
    // What toJson writes for a representative network, written out by hand.
    const QByteArray text = R"({
        "format": "quantbench-network",
        "version": 1,
        "name": "tiny-bnn",
        "description": "a small binarized network",
        "input": {"channels": 3, "height": 32, "width": 32},
        "layers": [
            {"type": "conv2d", "name": "c1", "filters": 16, "kernel": [3, 3], "stride": [1, 1],
             "padding": "same", "bias": false, "input_quantizer": null,
             "kernel_quantizer": {"name": "ste_sign", "clip": 1}, "kernel_clip": 1},
            {"type": "batchnorm", "scale": false, "center": true, "momentum": 0.99, "epsilon": 0.001},
            {"type": "activation", "function": "hardtanh"},
            {"type": "maxpool", "pool": [2, 2], "stride": [0, 0], "padding": "valid"},
            {"type": "conv2d", "filters": 32, "kernel": [3, 1], "stride": [2, 1], "padding": 1, "bias": true,
             "input_quantizer": {"name": "ste_sign", "clip": 0.5},
             "kernel_quantizer": {"name": "ste_sign"}},
            {"type": "avgpool", "pool": [2, 2], "stride": [1, 1], "padding": 1},
            {"type": "flatten"},
            {"type": "dropout", "rate": 0.25},
            {"type": "dense", "name": "out", "units": 10, "bias": true, "input_quantizer": null,
             "kernel_quantizer": null, "kernel_clip": 1.5},
            {"type": "activation", "function": "softmax"}
        ]
    })";
    const QJsonObject json = parseObject(text);
    QVERIFY(!json.isEmpty());
    const Result<NetworkSpec> net = NetworkSpec::fromJson(json);
    QVERIFY2(net.ok(), qPrintable(net.error()));
    QCOMPARE(net->layers.size(), 10);
    QCOMPARE(net->input, TensorShape::image(3, 32, 32));
    QCOMPARE(net->layers.at(4).paddingAmount, 1);
    QCOMPARE(net->layers.at(0).kernelQuantizer.number(QStringLiteral("clip"), 0.0), 1.0);
    QCOMPARE(net->toJson(), json);
    QCOMPARE(compact(net->toJson()), compact(json));
    // Integers stay integers in the text.
    QVERIFY(compact(net->toJson()).contains("\"filters\":16,"));
    QVERIFY(!compact(net->toJson()).contains("16.0"));
}

void TestSpecJson::canonicalExperimentText()
{
    const QByteArray text = R"({
        "format": "quantbench-experiment", "version": 1, "name": "sweep-1", "dataset": "mnist",
        "network": {"format": "quantbench-network", "version": 1, "name": "mlp", "description": "",
                    "input": {"features": 784},
                    "layers": [{"type": "dense", "units": 10, "bias": true, "input_quantizer": null,
                                "kernel_quantizer": null}]},
        "train": {"optimizer": "sgd", "learning_rate": 0.05, "momentum": 0.5, "batch_size": 128,
                  "epochs": 3, "weight_decay": 0.0001, "early_stopping_patience": 2,
                  "seed": 9007199254740993, "threads": 2, "train_limit": 1000, "test_limit": 500,
                  "normalization": "zero_one"}
    })";
    const QJsonObject json = parseObject(text);
    QVERIFY(!json.isEmpty());
    const Result<ExperimentSpec> spec = ExperimentSpec::fromJson(json);
    QVERIFY2(spec.ok(), qPrintable(spec.error()));
    QCOMPARE(spec->train.seed, Q_INT64_C(9007199254740993)); // 2^53 + 1: exact
    QCOMPARE(spec->train.optimizer, OptimizerKind::Sgd);
    QCOMPARE(spec->train.normalization, Normalization::ZeroToOne);
    QCOMPARE(spec->network.input, TensorShape::flat(784));
    QCOMPARE(spec->toJson(), json);
    QCOMPARE(compact(spec->toJson()), compact(json));
}

void TestSpecJson::trainRoundTrip()
{
    TrainSpec t;
    t.optimizer = OptimizerKind::Sgd;
    t.learningRate = 0.0125;
    t.momentum = 0.8;
    t.batchSize = 256;
    t.epochs = 17;
    t.weightDecay = 5e-4;
    t.earlyStoppingPatience = 3;
    t.seed = Q_INT64_C(1234567890123456789);
    t.threads = 4;
    t.trainLimit = 5000;
    t.testLimit = 1000;
    t.normalization = Normalization::ZeroToOne;
    QVERIFY(t != TrainSpec());

    const QJsonObject json = t.toJson();
    QCOMPARE(json.size(), 12);
    Result<TrainSpec> back = TrainSpec::fromJson(json);
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QVERIFY(back.value() == t);

    const QByteArray text = compact(json);
    QVERIFY(text.contains("\"seed\":1234567890123456789"));
    back = TrainSpec::fromJson(parseObject(text));
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QVERIFY(back.value() == t);
    QCOMPARE(compact(back->toJson()), text);

    // A negative seed is a seed too; a seed written as a double is fine below 2^53.
    t.seed = -7;
    back = TrainSpec::fromJson(parseObject(compact(t.toJson())));
    QVERIFY(back.ok());
    QCOMPARE(back->seed, Q_INT64_C(-7));
    back = TrainSpec::fromJson(QJsonObject{{QStringLiteral("seed"), 12345.0}});
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QCOMPARE(back->seed, Q_INT64_C(12345));
}

void TestSpecJson::trainDefaults()
{
    const Result<TrainSpec> t = TrainSpec::fromJson(QJsonObject());
    QVERIFY2(t.ok(), qPrintable(t.error()));
    QVERIFY(t.value() == TrainSpec());
    const Result<TrainSpec> partial = TrainSpec::fromJson(
        parseObject(R"({"epochs": 2, "optimizer": "adam", "normalization": "minus_one_one"})"));
    QVERIFY2(partial.ok(), qPrintable(partial.error()));
    QCOMPARE(partial->epochs, 2);
    QCOMPARE(partial->batchSize, TrainSpec().batchSize);
}

void TestSpecJson::experimentRoundTrip()
{
    ExperimentSpec e;
    e.name = QStringLiteral("bnn on mnist, seed 7");
    e.dataset = QStringLiteral("mnist");
    e.network = larqBnn();
    e.train.seed = 7;
    e.train.epochs = 2;
    e.train.learningRate = 0.01;

    const QJsonObject json = e.toJson();
    QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("quantbench-experiment"));
    QCOMPARE(json.value(QStringLiteral("version")).toInt(), ExperimentSpec::kFormatVersion);
    const Result<ExperimentSpec> back = ExperimentSpec::fromJson(json);
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QVERIFY(back.value() == e);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("experiment.json"));
    const Status saved = e.saveToFile(path);
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    const Result<ExperimentSpec> loaded = ExperimentSpec::fromFile(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QVERIFY(loaded.value() == e);
    QCOMPARE(loaded->toJson(), json);

    ExperimentSpec other = e;
    other.train.seed = 8;
    QVERIFY(other != e);
    other = e;
    other.dataset = QStringLiteral("cifar10");
    QVERIFY(other != e);

    // The train section is optional.
    QJsonObject noTrain = json;
    noTrain.remove(QStringLiteral("train"));
    const Result<ExperimentSpec> defaults = ExperimentSpec::fromJson(noTrain);
    QVERIFY2(defaults.ok(), qPrintable(defaults.error()));
    QVERIFY(defaults->train == TrainSpec());
}

void TestSpecJson::quantizerNamesAreNotCheckedWhenReading()
{
    // Names and parameters are the validator's business; reading keeps whatever is there.
    const Result<NetworkSpec> net = NetworkSpec::fromJson(parseObject(networkText(
        R"({"type": "dense", "kernel_quantizer": {"name": "ste_sine", "clip": 2, "mode": "x"}})")));
    QVERIFY2(net.ok(), qPrintable(net.error()));
    const QuantizerSpec &q = net->layers.at(0).kernelQuantizer;
    QCOMPARE(q.name, QStringLiteral("ste_sine"));
    QCOMPARE(q.params,
             (QJsonObject{{QStringLiteral("clip"), 2}, {QStringLiteral("mode"), QStringLiteral("x")}}));
}

void TestSpecJson::networkErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected"); // substrings of the message

    const QByteArray dense = R"({"type": "dense", "units": 10})";
    QTest::newRow("unknown layer type")
        << networkText(dense + R"(, {"type": "conv3d"})")
        << QStringList{QStringLiteral("layer 2: unknown layer type 'conv3d'"), QStringLiteral("conv2d"),
                       QStringLiteral("dense"), QStringLiteral("batchnorm")};
    QTest::newRow("missing layer type") << networkText(dense + R"(, {"units": 10})")
                                        << QStringList{QStringLiteral("layer 2: missing field 'type'")};
    QTest::newRow("layer type not a string")
        << networkText(R"({"type": 3})")
        << QStringList{QStringLiteral("layer 1: field 'type' must be a string")};
    QTest::newRow("layer not an object") << networkText(dense + R"(, "dense")")
                                         << QStringList{QStringLiteral("layer 2:"), QStringLiteral("object")};
    QTest::newRow("unknown field") << networkText(dense + ", " + dense + R"(, {"type": "dense", "unit": 10})")
                                   << QStringList{QStringLiteral("layer 3 (dense): unknown field 'unit'"),
                                                  QStringLiteral("units")};
    QTest::newRow("field of another layer type")
        << networkText(R"({"type": "dense", "name": "fc1", "filters": 10})")
        << QStringList{QStringLiteral("layer 1 (dense 'fc1'): unknown field 'filters'")};
    QTest::newRow("units as string") << networkText(R"({"type": "dense", "units": "10"})")
                                     << QStringList{QStringLiteral(
                                                        "layer 1 (dense): field 'units' must be an integer"),
                                                    QStringLiteral("\"10\"")};
    QTest::newRow("units fractional")
        << networkText(R"({"type": "dense", "units": 2.5})")
        << QStringList{QStringLiteral("field 'units' must be an integer"), QStringLiteral("2.5")};
    QTest::newRow("bias as string") << networkText(R"({"type": "conv2d", "bias": "yes"})")
                                    << QStringList{QStringLiteral(
                                           "layer 1 (conv2d): field 'bias' must be true or false")};
    QTest::newRow("name as number") << networkText(R"({"type": "flatten", "name": 5})")
                                    << QStringList{QStringLiteral(
                                           "layer 1 (flatten): field 'name' must be a string")};
    QTest::newRow("momentum as string")
        << networkText(R"({"type": "batchnorm", "momentum": "high"})")
        << QStringList{QStringLiteral("layer 1 (batchnorm): field 'momentum' must be a number")};
    QTest::newRow("bad padding string") << networkText(R"({"type": "conv2d", "padding": "sme"})")
                                        << QStringList{QStringLiteral("layer 1 (conv2d): field 'padding'"),
                                                       QStringLiteral("\"same\""), QStringLiteral("\"sme\"")};
    QTest::newRow("negative padding")
        << networkText(R"({"type": "conv2d", "padding": -1})")
        << QStringList{QStringLiteral("field 'padding'"), QStringLiteral("non-negative")};
    QTest::newRow("padding as boolean")
        << networkText(R"({"type": "maxpool", "padding": true})")
        << QStringList{QStringLiteral("layer 1 (maxpool): field 'padding'"), QStringLiteral("got true")};
    QTest::newRow("kernel with one element")
        << networkText(R"({"type": "conv2d", "kernel": [3]})")
        << QStringList{QStringLiteral("layer 1 (conv2d): field 'kernel'"), QStringLiteral("[3]")};
    QTest::newRow("stride with strings") << networkText(R"({"type": "avgpool", "stride": ["2", "2"]})")
                                         << QStringList{QStringLiteral("layer 1 (avgpool): field 'stride'")};
    QTest::newRow("quantizer as string")
        << networkText(R"({"type": "dense", "kernel_quantizer": "ste_sign"})")
        << QStringList{QStringLiteral("layer 1 (dense): field 'kernel_quantizer'")};
    QTest::newRow("quantizer without name")
        << networkText(R"({"type": "conv2d", "input_quantizer": {"clip": 1}})")
        << QStringList{QStringLiteral("layer 1 (conv2d): field 'input_quantizer'"), QStringLiteral("name")};
    QTest::newRow("unknown activation")
        << networkText(R"({"type": "activation", "function": "gelu"})")
        << QStringList{QStringLiteral("layer 1 (activation): field 'function'"), QStringLiteral("relu"),
                       QStringLiteral("\"gelu\"")};
    QTest::newRow("newer version") << QByteArray(
        R"({"format": "quantbench-network", "version": 2, "layers": []})")
                                   << QStringList{QStringLiteral("version 2"), QStringLiteral("newer"),
                                                  QStringLiteral("update QuantBench")};
    QTest::newRow("version not a number")
        << QByteArray(R"({"format": "quantbench-network", "version": "1", "layers": []})")
        << QStringList{QStringLiteral("field 'version'")};
    QTest::newRow("missing version") << QByteArray(R"({"format": "quantbench-network", "layers": []})")
                                     << QStringList{QStringLiteral("missing field 'version'")};
    QTest::newRow("wrong format tag")
        << QByteArray(R"({"format": "quantbench-experiment", "version": 1, "layers": []})")
        << QStringList{QStringLiteral("field 'format'"), QStringLiteral("quantbench-network")};
    QTest::newRow("missing format") << QByteArray(R"({"version": 1, "layers": []})")
                                    << QStringList{QStringLiteral("missing field 'format'")};
    QTest::newRow("unknown network field")
        << networkText(dense, R"("inputs": {"channels": 1, "height": 28, "width": 28}, )")
        << QStringList{QStringLiteral("network: unknown field 'inputs'")};
    QTest::newRow("layers missing") << QByteArray(R"({"format": "quantbench-network", "version": 1})")
                                    << QStringList{QStringLiteral("network: missing field 'layers'")};
    QTest::newRow("layers not a list")
        << QByteArray(R"({"format": "quantbench-network", "version": 1, "layers": {}})")
        << QStringList{QStringLiteral("network: field 'layers' must be a list")};
    QTest::newRow("input as list") << networkText(dense, R"("input": [1, 28, 28], )")
                                   << QStringList{QStringLiteral("field 'input'")};
    QTest::newRow("input missing width")
        << networkText(dense, R"("input": {"channels": 1, "height": 28}, )")
        << QStringList{QStringLiteral("field 'input'"), QStringLiteral("'width'")};
    QTest::newRow("input channels fractional")
        << networkText(dense, R"("input": {"channels": 1.5, "height": 28, "width": 28}, )")
        << QStringList{QStringLiteral("field 'input'"), QStringLiteral("'channels' must be an integer")};
}

void TestSpecJson::networkErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    const QJsonObject object = parseObject(json);
    QVERIFY(!object.isEmpty());
    const Result<NetworkSpec> net = NetworkSpec::fromJson(object);
    QVERIFY(!net.ok());
    for (const QString &part : expected)
        QVERIFY2(net.error().contains(part),
                 qPrintable(QStringLiteral("'%1' not in: %2").arg(part, net.error())));
}

void TestSpecJson::trainErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    QTest::newRow("batch size 0") << QByteArray(R"({"batch_size": 0})")
                                  << QStringLiteral("train: field 'batch_size' must be at least 1");
    QTest::newRow("epochs 0") << QByteArray(R"({"epochs": 0})")
                              << QStringLiteral("train: field 'epochs' must be at least 1");
    QTest::newRow("learning rate 0") << QByteArray(R"({"learning_rate": 0})")
                                     << QStringLiteral("train: field 'learning_rate' must be greater than 0");
    QTest::newRow("learning rate negative")
        << QByteArray(R"({"learning_rate": -0.1})") << QStringLiteral("train: field 'learning_rate'");
    QTest::newRow("threads negative")
        << QByteArray(R"({"threads": -1})") << QStringLiteral("train: field 'threads'");
    QTest::newRow("train limit negative")
        << QByteArray(R"({"train_limit": -5})") << QStringLiteral("train: field 'train_limit'");
    QTest::newRow("test limit negative")
        << QByteArray(R"({"test_limit": -5})") << QStringLiteral("train: field 'test_limit'");
    QTest::newRow("patience negative") << QByteArray(R"({"early_stopping_patience": -1})")
                                       << QStringLiteral("train: field 'early_stopping_patience'");
    QTest::newRow("weight decay negative")
        << QByteArray(R"({"weight_decay": -0.001})") << QStringLiteral("train: field 'weight_decay'");
    QTest::newRow("momentum 1") << QByteArray(R"({"momentum": 1})")
                                << QStringLiteral("train: field 'momentum'");
    QTest::newRow("unknown key") << QByteArray(R"({"lr": 0.1})")
                                 << QStringLiteral("train: unknown field 'lr'");
    QTest::newRow("unknown optimizer")
        << QByteArray(R"({"optimizer": "rmsprop"})")
        << QStringLiteral("train: field 'optimizer' must be \"adam\" or \"sgd\"");
    QTest::newRow("unknown normalization")
        << QByteArray(R"({"normalization": "zscore"})") << QStringLiteral("train: field 'normalization'");
    QTest::newRow("fractional seed") << QByteArray(R"({"seed": 1.5})")
                                     << QStringLiteral("train: field 'seed' must be an integer");
    QTest::newRow("seed as string") << QByteArray(R"({"seed": "42"})")
                                    << QStringLiteral("train: field 'seed' must be an integer");
    QTest::newRow("huge double seed")
        << QByteArray(R"({"seed": 1e300})") << QStringLiteral("train: field 'seed' must be an integer");
    QTest::newRow("batch size as string") << QByteArray(R"({"batch_size": "64"})")
                                          << QStringLiteral("train: field 'batch_size' must be an integer");
    QTest::newRow("epochs fractional")
        << QByteArray(R"({"epochs": 2.5})") << QStringLiteral("train: field 'epochs' must be an integer");
}

void TestSpecJson::trainErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const Result<TrainSpec> t = TrainSpec::fromJson(parseObject(json));
    QVERIFY(!t.ok());
    QVERIFY2(t.error().contains(expected), qPrintable(t.error()));
}

void TestSpecJson::experimentErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");

    const QByteArray network = networkText(R"({"type": "dense"})");
    QTest::newRow("wrong format tag")
        << QByteArray(R"({"format": "quantbench-network", "version": 1, "network": )" + network + "}")
        << QStringList{QStringLiteral("experiment"), QStringLiteral("quantbench-experiment")};
    QTest::newRow("newer version") << QByteArray(
        R"({"format": "quantbench-experiment", "version": 7, "network": )" + network + "}")
                                   << QStringList{QStringLiteral("version 7"), QStringLiteral("newer")};
    QTest::newRow("missing network") << QByteArray(R"({"format": "quantbench-experiment", "version": 1})")
                                     << QStringList{QStringLiteral("experiment: missing field 'network'")};
    QTest::newRow("unknown field") << QByteArray(
        R"({"format": "quantbench-experiment", "version": 1, "seed": 1, "network": )" + network + "}")
                                   << QStringList{QStringLiteral("experiment: unknown field 'seed'")};
    QTest::newRow("dataset not a string")
        << QByteArray(R"({"format": "quantbench-experiment", "version": 1, "dataset": 10, "network": )"
                      + network + "}")
        << QStringList{QStringLiteral("experiment: field 'dataset' must be a string")};
    QTest::newRow("error inside the network")
        << QByteArray(R"({"format": "quantbench-experiment", "version": 1, "network": )"
                      + networkText(R"({"type": "dense"}, {"type": "dense", "unit": 3})") + "}")
        << QStringList{QStringLiteral("layer 2 (dense): unknown field 'unit'")};
    QTest::newRow("error inside train") << QByteArray(
        R"({"format": "quantbench-experiment", "version": 1, "train": {"epochs": 0}, "network": )" + network
        + "}") << QStringList{QStringLiteral("train: field 'epochs' must be at least 1")};
    QTest::newRow("train not an object") << QByteArray(
        R"({"format": "quantbench-experiment", "version": 1, "train": 5, "network": )" + network + "}")
                                         << QStringList{QStringLiteral("experiment: field 'train'")};
}

void TestSpecJson::experimentErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    const QJsonObject object = parseObject(json);
    QVERIFY(!object.isEmpty());
    const Result<ExperimentSpec> e = ExperimentSpec::fromJson(object);
    QVERIFY(!e.ok());
    for (const QString &part : expected)
        QVERIFY2(e.error().contains(part),
                 qPrintable(QStringLiteral("'%1' not in: %2").arg(part, e.error())));
}

void TestSpecJson::fileErrors_data()
{
    QTest::addColumn<QString>("fileName"); // empty: do not create the file
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("experiment");
    QTest::addColumn<QStringList>("expected"); // besides the path

    QTest::newRow("missing network file")
        << QString() << QByteArray() << false << QStringList{QStringLiteral("no such file")};
    QTest::newRow("missing experiment file")
        << QString() << QByteArray() << true << QStringList{QStringLiteral("no such file")};
    QTest::newRow("invalid JSON") << QStringLiteral(
        "broken.json") << QByteArray("{\n  \"format\": \"quantbench-network\",\n  \"version\": 1,,\n}")
                                  << false
                                  << QStringList{QStringLiteral("not valid JSON"), QStringLiteral("line 3")};
    QTest::newRow("invalid experiment JSON")
        << QStringLiteral("broken.json") << QByteArray("{\"format\": ") << true
        << QStringList{QStringLiteral("not valid JSON"), QStringLiteral("line 1")};
    QTest::newRow("empty file") << QStringLiteral("empty.json") << QByteArray("  \n") << false
                                << QStringList{QStringLiteral("empty")};
    QTest::newRow("top-level list") << QStringLiteral("list.json") << QByteArray("[1, 2]") << false
                                    << QStringList{QStringLiteral("JSON object")};
    QTest::newRow("bad layer in file")
        << QStringLiteral("bad.json") << networkText(R"({"type": "dense"}, {"type": "conv3d"})") << false
        << QStringList{QStringLiteral("layer 2: unknown layer type 'conv3d'")};
    QTest::newRow("network file opened as experiment")
        << QStringLiteral("net.json") << networkText(R"({"type": "dense"})") << true
        << QStringList{QStringLiteral("quantbench-experiment")};
}

void TestSpecJson::fileErrors()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(bool, experiment);
    QFETCH(QStringList, expected);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path = dir.filePath(QStringLiteral("does-not-exist.json"));
    if (!fileName.isEmpty()) {
        path = dir.filePath(fileName);
        QVERIFY(writeFile(path, content));
    }
    const QString error
        = experiment ? ExperimentSpec::fromFile(path).error() : NetworkSpec::fromFile(path).error();
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    for (const QString &part : expected)
        QVERIFY2(error.contains(part), qPrintable(QStringLiteral("'%1' not in: %2").arg(part, error)));
}

void TestSpecJson::saveErrorNamesFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("no/such/folder/net.json"));
    const Status status = larqBnn().saveToFile(path);
    QVERIFY(!status.ok());
    QVERIFY2(status.error().contains(QDir::toNativeSeparators(path)), qPrintable(status.error()));

    ExperimentSpec e;
    const Status experimentStatus = e.saveToFile(path);
    QVERIFY(!experimentStatus.ok());
    QVERIFY(experimentStatus.error().contains(QDir::toNativeSeparators(path)));
}

void TestSpecJson::enumNames()
{
    const QList<LayerType> types{LayerType::Conv2D,  LayerType::Dense,     LayerType::BatchNorm,
                                 LayerType::MaxPool, LayerType::AvgPool,   LayerType::Flatten,
                                 LayerType::Dropout, LayerType::Activation};
    QStringList names;
    for (LayerType t : types) {
        LayerType back = LayerType::Dense;
        QVERIFY(layerTypeFromName(layerTypeName(t), &back));
        QCOMPARE(back, t);
        names << layerTypeName(t);
    }
    QCOMPARE(names.join(QLatin1Char(',')),
             QStringLiteral("conv2d,dense,batchnorm,maxpool,avgpool,flatten,dropout,activation"));
    QVERIFY(!layerTypeFromName(QStringLiteral("Conv2D"), nullptr));

    ActivationFunction f = ActivationFunction::None;
    QVERIFY(activationFromName(QStringLiteral("hardtanh"), &f));
    QCOMPARE(f, ActivationFunction::HardTanh);
    QCOMPARE(activationName(ActivationFunction::Softmax), QStringLiteral("softmax"));
    QVERIFY(!activationFromName(QStringLiteral("sigmoid"), &f));
}

void TestSpecJson::nonidealitiesRoundTrip()
{
    const QByteArray text = R"({"type": "dense", "units": 4, "nonidealities": [
        {"model": "weight_noise", "phase": "train", "sigma": 0.05, "on": "latent"},
        {"model": "saturation", "lo": 0, "hi": 255}]})";
    NetworkSpec net;
    net.name = QStringLiteral("n");
    net.input = TensorShape::flat(3);
    QJsonObject json = net.toJson();
    json.insert(QStringLiteral("layers"), QJsonArray{QJsonDocument::fromJson(text).object()});
    auto parsed = NetworkSpec::fromJson(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    const LayerSpec &layer = parsed->layers.first();
    QCOMPARE(layer.nonidealities.size(), 2);
    QCOMPARE(layer.nonidealities[0].model, QStringLiteral("weight_noise"));
    QCOMPARE(layer.nonidealities[0].phase, NoisePhase::Training);
    QCOMPARE(layer.nonidealities[0].number(QStringLiteral("sigma"), 0), 0.05);
    QCOMPARE(layer.nonidealities[1].phase, NoisePhase::Both);
    QVERIFY(layer.nonidealities[1].activeIn(false) && layer.nonidealities[1].activeIn(true));
    QVERIFY(!layer.nonidealities[0].activeIn(false));
    auto again = NetworkSpec::fromJson(parsed->toJson());
    QVERIFY(again.ok());
    QVERIFY(*again == *parsed);
    QCOMPARE(again->toJson(), parsed->toJson());

    QJsonObject bad = QJsonDocument::fromJson(text).object();
    QJsonArray list = bad.value(QStringLiteral("nonidealities")).toArray();
    QJsonObject first = list[0].toObject();
    first.insert(QStringLiteral("phase"), QStringLiteral("always"));
    list[0] = first;
    bad.insert(QStringLiteral("nonidealities"), list);
    json.insert(QStringLiteral("layers"), QJsonArray{bad});
    auto failed = NetworkSpec::fromJson(json);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().contains(QLatin1String("layer 1")) && failed.error().contains(QLatin1String("nonidealities[1]"))
                 && failed.error().contains(QLatin1String("phase")),
             qPrintable(failed.error()));
}

QTEST_GUILESS_MAIN(TestSpecJson)
#include "tst_specjson.moc"
