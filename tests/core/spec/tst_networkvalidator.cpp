// Shape inference and checks of NetworkValidator (core/spec/networkvalidator.cpp).

#include "spec/networkspec.h"
#include "spec/networkvalidator.h"
#include "spec/tensorshape.h"

#include <QtTest>

using namespace qb;

Q_DECLARE_METATYPE(qb::NetworkSpec)

namespace {

QuantizerSpec quantizer(const QString &name, const QJsonObject &params = {})
{
    QuantizerSpec q;
    q.name = name;
    q.params = params;
    return q;
}

LayerSpec conv(int filters, int kernel, int stride = 1, Padding padding = Padding::Valid, int amount = 0)
{
    LayerSpec l;
    l.type = LayerType::Conv2D;
    l.filters = filters;
    l.kernelH = l.kernelW = kernel;
    l.strideH = l.strideW = stride;
    l.padding = padding;
    l.paddingAmount = amount;
    return l;
}

LayerSpec pool(LayerType type, int size, int stride = 0, Padding padding = Padding::Valid, int amount = 0)
{
    LayerSpec l;
    l.type = type;
    l.poolH = l.poolW = size;
    l.poolStrideH = l.poolStrideW = stride;
    l.padding = padding;
    l.paddingAmount = amount;
    return l;
}

LayerSpec maxPool(int size, int stride = 0)
{
    return pool(LayerType::MaxPool, size, stride);
}

LayerSpec dense(int units, const QString &name = QString())
{
    LayerSpec l;
    l.type = LayerType::Dense;
    l.units = units;
    l.name = name;
    return l;
}

LayerSpec simple(LayerType type)
{
    LayerSpec l;
    l.type = type;
    return l;
}

LayerSpec activation(ActivationFunction f)
{
    LayerSpec l;
    l.type = LayerType::Activation;
    l.function = f;
    return l;
}

NetworkSpec network(const TensorShape &input, const QList<LayerSpec> &layers)
{
    NetworkSpec n;
    n.input = input;
    n.layers = layers;
    return n;
}

/// The Larq MNIST BNN: binary conv/dense layers with ste_sign, batch norm, softmax at the end.
NetworkSpec larqBnn()
{
    const QuantizerSpec sign
        = quantizer(QStringLiteral("ste_sign"), QJsonObject{{QStringLiteral("clip"), 1.0}});
    const auto binary = [&](LayerSpec l, bool binaryInput) {
        l.kernelQuantizer = sign;
        if (binaryInput)
            l.inputQuantizer = sign;
        l.kernelClip = 1.0;
        l.useBias = false;
        return l;
    };
    LayerSpec bn = simple(LayerType::BatchNorm);
    bn.scale = false;
    return network(TensorShape::image(1, 28, 28),
                   {binary(conv(32, 3), false), maxPool(2), bn, binary(conv(64, 3), true), maxPool(2), bn,
                    binary(conv(64, 3), true), bn, simple(LayerType::Flatten),
                    binary(dense(64, QStringLiteral("fc1")), true), bn,
                    binary(dense(10, QStringLiteral("out")), true), bn,
                    activation(ActivationFunction::Softmax)});
}

QStringList shapeStrings(const QVector<TensorShape> &shapes)
{
    QStringList out;
    for (const TensorShape &s : shapes)
        out << s.toString();
    return out;
}

} // namespace

class TestNetworkValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesNetworksTooBigToTrain();
    void tensorShape();
    void shapes_data();
    void shapes();
    void larqBnnIsValid();
    void errors_data();
    void errors();
    void carriesOnAfterErrors();
    void issueText();
};

void TestNetworkValidator::tensorShape()
{
    QVERIFY(TensorShape::image(1, 28, 28).isValid());
    QVERIFY(TensorShape::flat(64).isValid());
    QVERIFY(!TensorShape().isValid());
    QVERIFY(!TensorShape::image(0, 28, 28).isValid());
    QVERIFY(!TensorShape::flat(-3).isValid());
    QCOMPARE(TensorShape::image(1, 28, 28).toString(), QStringLiteral("1x28x28"));
    QCOMPARE(TensorShape::flat(64).toString(), QStringLiteral("64"));
    QCOMPARE(TensorShape().toString(), QStringLiteral("?"));
    QCOMPARE(TensorShape::image(64, 3, 3).elementCount(), qint64(576));
    QCOMPARE(TensorShape::image(4096, 4096, 4096).elementCount(), Q_INT64_C(68719476736)); // no int overflow
    QCOMPARE(TensorShape().elementCount(), qint64(0));
    QCOMPARE(TensorShape::image(3, 32, 16).height(), 32);
    QCOMPARE(TensorShape::image(3, 32, 16).width(), 16);
    QCOMPARE(TensorShape::flat(10).height(), 1);
}

void TestNetworkValidator::shapes_data()
{
    QTest::addColumn<NetworkSpec>("net");
    QTest::addColumn<QStringList>("expected"); // one output shape per layer

    const TensorShape mnist = TensorShape::image(1, 28, 28);
    const QList<LayerSpec> head{simple(LayerType::Flatten), dense(10)};

    QTest::newRow("conv valid") << network(mnist, QList<LayerSpec>{conv(32, 3)} + head)
                                << QStringList{"32x26x26", "21632", "10"};
    QTest::newRow("conv valid stride 2")
        << network(mnist, QList<LayerSpec>{conv(8, 3, 2)} + head) << QStringList{"8x13x13", "1352", "10"};
    QTest::newRow("conv valid stride 3 kernel 5")
        << network(mnist, QList<LayerSpec>{conv(4, 5, 3)} + head) << QStringList{"4x8x8", "256", "10"};
    QTest::newRow("conv same") << network(mnist, QList<LayerSpec>{conv(16, 3, 1, Padding::Same)} + head)
                               << QStringList{"16x28x28", "12544", "10"};
    QTest::newRow("conv same stride 2")
        << network(mnist, QList<LayerSpec>{conv(16, 5, 2, Padding::Same)} + head)
        << QStringList{"16x14x14", "3136", "10"};
    QTest::newRow("conv same stride 2 odd input")
        << network(TensorShape::image(3, 27, 27), QList<LayerSpec>{conv(2, 3, 2, Padding::Same)} + head)
        << QStringList{"2x14x14", "392", "10"};
    QTest::newRow("conv same kernel larger than input")
        << network(TensorShape::image(1, 3, 3), QList<LayerSpec>{conv(2, 5, 1, Padding::Same)} + head)
        << QStringList{"2x3x3", "18", "10"};
    QTest::newRow("conv explicit padding 1")
        << network(mnist, QList<LayerSpec>{conv(32, 3, 1, Padding::Explicit, 1)} + head)
        << QStringList{"32x28x28", "25088", "10"};
    QTest::newRow("conv explicit padding 1 stride 2")
        << network(mnist, QList<LayerSpec>{conv(8, 3, 2, Padding::Explicit, 1)} + head)
        << QStringList{"8x14x14", "1568", "10"};
    QTest::newRow("conv explicit padding 2 kernel 5 on 3x3")
        << network(TensorShape::image(1, 3, 3), QList<LayerSpec>{conv(4, 5, 1, Padding::Explicit, 1)} + head)
        << QStringList{"4x1x1", "4", "10"};

    LayerSpec rect = conv(6, 3);
    rect.kernelH = 1;
    rect.kernelW = 5;
    rect.strideH = 2;
    rect.strideW = 1;
    QTest::newRow("conv rectangular kernel and stride")
        << network(TensorShape::image(3, 32, 16), QList<LayerSpec>{rect} + head)
        << QStringList{"6x16x12", "1152", "10"};

    QTest::newRow("maxpool 2") << network(mnist, QList<LayerSpec>{maxPool(2)} + head)
                               << QStringList{"1x14x14", "196", "10"};
    QTest::newRow("maxpool 2 on odd input")
        << network(TensorShape::image(5, 13, 13), QList<LayerSpec>{maxPool(2)} + head)
        << QStringList{"5x6x6", "180", "10"};
    QTest::newRow("maxpool 3 stride 2")
        << network(mnist, QList<LayerSpec>{maxPool(3, 2)} + head) << QStringList{"1x13x13", "169", "10"};
    QTest::newRow("avgpool 2 padding 1")
        << network(TensorShape::image(2, 5, 5),
                   QList<LayerSpec>{pool(LayerType::AvgPool, 2, 0, Padding::Explicit, 1)} + head)
        << QStringList{"2x3x3", "18", "10"};
    QTest::newRow("avgpool 4 stride 1")
        << network(TensorShape::image(2, 8, 8), QList<LayerSpec>{pool(LayerType::AvgPool, 4, 1)} + head)
        << QStringList{"2x5x5", "50", "10"};

    QTest::newRow("flat input mlp") << network(TensorShape::flat(784),
                                               {dense(32), simple(LayerType::BatchNorm),
                                                simple(LayerType::Dropout),
                                                activation(ActivationFunction::HardTanh), dense(10)})
                                    << QStringList{"32", "32", "32", "32", "10"};

    QTest::newRow("shape-preserving layers on feature maps")
        << network(mnist,
                   {conv(8, 3), simple(LayerType::BatchNorm), activation(ActivationFunction::ReLU),
                    simple(LayerType::Dropout), simple(LayerType::Flatten), dense(10),
                    activation(ActivationFunction::Softmax)})
        << QStringList{"8x26x26", "8x26x26", "8x26x26", "8x26x26", "5408", "10", "10"};

    QTest::newRow("larq mnist bnn") << larqBnn()
                                    << QStringList{"32x26x26", "32x13x13", "32x13x13", "64x11x11", "64x5x5",
                                                   "64x5x5",   "64x3x3",   "64x3x3",   "576",      "64",
                                                   "64",       "10",       "10",       "10"};

    QTest::newRow("lab cnn") << network(
        mnist,
        {conv(32, 3, 1, Padding::Explicit, 1), simple(LayerType::BatchNorm),
         activation(ActivationFunction::ReLU), maxPool(2), conv(64, 3, 1, Padding::Explicit, 1),
         simple(LayerType::BatchNorm), activation(ActivationFunction::ReLU), maxPool(2), conv(128, 3),
         simple(LayerType::BatchNorm), activation(ActivationFunction::ReLU), simple(LayerType::Flatten),
         dense(10)}) << QStringList{"32x28x28", "32x28x28", "32x28x28", "32x14x14", "64x14x14",
                                    "64x14x14", "64x14x14", "64x7x7",   "128x5x5",  "128x5x5",
                                    "128x5x5",  "3200",     "10"};
}

void TestNetworkValidator::shapes()
{
    QFETCH(NetworkSpec, net);
    QFETCH(QStringList, expected);
    const ValidationReport report = NetworkValidator::validate(net, 10);
    QVERIFY2(report.ok(), qPrintable(report.message(net)));
    QCOMPARE(shapeStrings(report.outputShapes), expected);
}

void TestNetworkValidator::larqBnnIsValid()
{
    const NetworkSpec net = larqBnn();
    const ValidationReport report = NetworkValidator::validate(net, 10);
    QVERIFY2(report.ok(), qPrintable(report.message(net)));
    QCOMPARE(report.message(net), QString());
    QCOMPARE(report.outputShapes.size(), net.layers.size());
    QCOMPARE(report.outputShapes.last(), TensorShape::flat(10));
    // Without a class count only the structure is checked.
    QVERIFY(NetworkValidator::validate(net).ok());
    // With another class count the output layer is wrong.
    QVERIFY(!NetworkValidator::validate(net, 100).ok());
}

void TestNetworkValidator::errors_data()
{
    QTest::addColumn<NetworkSpec>("net");
    QTest::addColumn<int>("numClasses");
    QTest::addColumn<int>("layer");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message"); // a substring of the issue's message

    const TensorShape mnist = TensorShape::image(1, 28, 28);
    const QList<LayerSpec> head{simple(LayerType::Flatten), dense(10)};

    QTest::newRow("kernel larger than input")
        << network(TensorShape::image(1, 3, 3), QList<LayerSpec>{conv(8, 5)} + head) << 10 << 0 << "kernel"
        << "kernel 5x5 is larger than its 3x3 input";
    QTest::newRow("kernel larger than padded input")
        << network(TensorShape::image(1, 3, 3), QList<LayerSpec>{conv(8, 7, 1, Padding::Explicit, 1)} + head)
        << 10 << 0 << "kernel"
        << "kernel 7x7 is larger than its 3x3 input (5x5 with padding)";
    QTest::newRow("kernel larger after pooling")
        << network(mnist, QList<LayerSpec>{conv(8, 3), maxPool(2), maxPool(2), maxPool(2), conv(8, 5)} + head)
        << 10 << 4 << "kernel"
        << "kernel 5x5 is larger than its 3x3 input";
    QTest::newRow("dense after conv without flatten")
        << network(TensorShape::image(1, 7, 7), {conv(64, 5), dense(10)}) << 10 << 1 << "type"
        << "dense layer needs a flat input; got feature maps 64x3x3: add a flatten layer before it";
    QTest::newRow("conv after flatten")
        << network(mnist, {simple(LayerType::Flatten), conv(8, 3), dense(10)}) << 10 << 1 << "type"
        << "conv2d layer needs feature maps; got a flat vector of 784";
    QTest::newRow("pool on flat input")
        << network(TensorShape::flat(100), {maxPool(2), dense(10)}) << 10 << 0 << "type"
        << "maxpool layer needs feature maps; got a flat vector of 100";
    QTest::newRow("flatten of a flat vector")
        << network(TensorShape::flat(100), {simple(LayerType::Flatten), dense(10)}) << 10 << 0 << "type"
        << "already a flat vector of 100";
    QTest::newRow("zero filters") << network(mnist, QList<LayerSpec>{conv(0, 3)} + head) << 10 << 0
                                  << "filters"
                                  << "must be at least 1";
    QTest::newRow("zero units") << network(TensorShape::flat(784), {dense(0), dense(10)}) << 10 << 0
                                << "units"
                                << "must be at least 1";
    QTest::newRow("zero kernel") << network(mnist, QList<LayerSpec>{conv(4, 0)} + head) << 10 << 0 << "kernel"
                                 << "must be at least 1x1";
    QTest::newRow("zero stride") << network(mnist, QList<LayerSpec>{conv(4, 3, 0)} + head) << 10 << 0
                                 << "stride"
                                 << "must be at least 1x1";
    QTest::newRow("negative conv padding")
        << network(mnist, QList<LayerSpec>{conv(4, 3, 1, Padding::Explicit, -1)} + head) << 10 << 0
        << "padding"
        << "must not be negative";

    LayerSpec sine = dense(10);
    sine.kernelQuantizer = quantizer(QStringLiteral("ste_sine"));
    QTest::newRow("unknown kernel quantizer")
        << network(mnist, {simple(LayerType::Flatten), sine}) << 10 << 1 << "kernel_quantizer"
        << "unknown quantizer 'ste_sine'";
    LayerSpec unknownNoise = dense(10);
    unknownNoise.nonidealities << NoiseSpec{QStringLiteral("cosmic_rays"), NoisePhase::Both, {}};
    QTest::newRow("unknown nonideality")
        << network(mnist, {simple(LayerType::Flatten), unknownNoise}) << 10 << 1 << "nonidealities[1]"
        << "unknown nonideality 'cosmic_rays'";
    LayerSpec badSaturation = dense(10);
    badSaturation.nonidealities << NoiseSpec{QStringLiteral("weight_noise"), NoisePhase::Training, {}}
                                << NoiseSpec{QStringLiteral("saturation"), NoisePhase::Both,
                                             QJsonObject{{QStringLiteral("lo"), 1.0}, {QStringLiteral("hi"), 0.0}}};
    QTest::newRow("saturation bounds reversed")
        << network(mnist, {simple(LayerType::Flatten), badSaturation}) << 10 << 1 << "nonidealities[2]"
        << "saturation";
    LayerSpec badInput = conv(8, 3);
    badInput.inputQuantizer = quantizer(QStringLiteral("sign_of_the_times"));
    QTest::newRow("unknown input quantizer")
        << network(mnist, QList<LayerSpec>{badInput} + head) << 10 << 0 << "input_quantizer"
        << "unknown quantizer 'sign_of_the_times'";
    LayerSpec badClip = dense(10);
    badClip.kernelQuantizer
        = quantizer(QStringLiteral("ste_sign"), QJsonObject{{QStringLiteral("clip"), -1}});
    QTest::newRow("quantizer parameter out of range")
        << network(TensorShape::flat(20), {badClip}) << 10 << 0 << "kernel_quantizer"
        << "'clip'";
    LayerSpec badParam = dense(10);
    badParam.kernelQuantizer
        = quantizer(QStringLiteral("ste_sign"), QJsonObject{{QStringLiteral("bits"), 2}});
    QTest::newRow("quantizer parameter unknown")
        << network(TensorShape::flat(20), {badParam}) << 10 << 0 << "kernel_quantizer"
        << "has no parameter 'bits'";
    LayerSpec negativeClip = dense(10);
    negativeClip.kernelClip = -0.5;
    QTest::newRow("negative kernel clip")
        << network(TensorShape::flat(20), {negativeClip}) << 10 << 0 << "kernel_clip"
        << "must be 0";

    QTest::newRow("softmax not last")
        << network(TensorShape::flat(20), {dense(16), activation(ActivationFunction::Softmax), dense(10)})
        << 10 << 1 << "function"
        << "softmax is only allowed as the last layer";
    QTest::newRow("class count mismatch") << network(
        TensorShape::flat(20),
        {dense(16), dense(12), simple(LayerType::BatchNorm), activation(ActivationFunction::Softmax)})
                                          << 10 << 1 << "units"
                                          << "ends with 12 outputs but the dataset has 10 classes";
    QTest::newRow("class count mismatch after flatten")
        << network(TensorShape::image(2, 2, 2), {conv(2, 1), simple(LayerType::Flatten)}) << 10 << 1
        << "units"
        << "ends with 8 outputs";
    QTest::newRow("output not flat") << network(mnist, {conv(10, 3), simple(LayerType::BatchNorm)}) << -1 << 1
                                     << "type"
                                     << "got feature maps 10x26x26";

    QTest::newRow("zero input channels")
        << network(TensorShape::image(0, 28, 28), head) << 10 << -1 << "input"
        << "got 0x28x28";
    QTest::newRow("empty input shape") << network(TensorShape(), head) << 10 << -1 << "input"
                                       << "got ?";
    QTest::newRow("input of rank 2") << network(TensorShape{{28, 28}}, head) << 10 << -1 << "input"
                                     << "got 28x28";
    QTest::newRow("no layers") << network(mnist, {}) << 10 << -1 << "layers"
                               << "no layers";
    QTest::newRow("no weighted layer")
        << network(TensorShape::flat(10), {simple(LayerType::Dropout)}) << 10 << -1 << "layers"
        << "nothing to learn";

    QTest::newRow("pool larger than input")
        << network(TensorShape::image(4, 2, 2), QList<LayerSpec>{maxPool(3)} + head) << 10 << 0 << "pool"
        << "pool 3x3 is larger than its 2x2 input";
    QTest::newRow("pool same padding")
        << network(mnist, QList<LayerSpec>{pool(LayerType::MaxPool, 2, 2, Padding::Same)} + head) << 10 << 0
        << "padding"
        << "\"same\"";
    QTest::newRow("pool padding more than half")
        << network(mnist, QList<LayerSpec>{pool(LayerType::AvgPool, 2, 2, Padding::Explicit, 2)} + head) << 10
        << 0 << "padding"
        << "at most half the pool size";
    QTest::newRow("zero pool") << network(mnist, QList<LayerSpec>{maxPool(0)} + head) << 10 << 0 << "pool"
                               << "must be at least 1x1";
    QTest::newRow("negative pool stride")
        << network(mnist, QList<LayerSpec>{maxPool(2, -1)} + head) << 10 << 0 << "stride"
        << "0 for the pool size";

    LayerSpec bnMomentum = simple(LayerType::BatchNorm);
    bnMomentum.momentum = 1.0;
    QTest::newRow("batchnorm momentum 1")
        << network(TensorShape::flat(10), {dense(10), bnMomentum}) << 10 << 1 << "momentum"
        << "less than 1";
    LayerSpec bnEpsilon = simple(LayerType::BatchNorm);
    bnEpsilon.epsilon = 0.0;
    QTest::newRow("batchnorm epsilon 0")
        << network(TensorShape::flat(10), {dense(10), bnEpsilon}) << 10 << 1 << "epsilon"
        << "greater than 0";
    LayerSpec dropout = simple(LayerType::Dropout);
    dropout.rate = 1.0;
    QTest::newRow("dropout rate 1") << network(TensorShape::flat(10), {dropout, dense(10)}) << 10 << 0
                                    << "rate"
                                    << "less than 1";
    QTest::newRow("duplicate names") << network(
        TensorShape::flat(10), {dense(10, QStringLiteral("fc")), dense(10, QStringLiteral("fc"))})
                                     << 10 << 1 << "name"
                                     << "already used by layer 1";
}

void TestNetworkValidator::errors()
{
    QFETCH(NetworkSpec, net);
    QFETCH(int, numClasses);
    QFETCH(int, layer);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const ValidationReport report = NetworkValidator::validate(net, numClasses);
    QVERIFY(!report.ok());
    // Each case has exactly one problem, and the report names it once.
    QVERIFY2(report.issues.size() == 1, qPrintable(report.message(net)));
    const ValidationIssue &issue = report.issues.first();
    QCOMPARE(issue.layer, layer);
    QCOMPARE(issue.field, field);
    QVERIFY2(issue.message.contains(message), qPrintable(issue.message));
    QCOMPARE(report.outputShapes.size(), net.layers.size());
}

void TestNetworkValidator::carriesOnAfterErrors()
{
    // Two independent problems, and a shape error whose consequences are not reported again.
    LayerSpec sine = dense(16);
    sine.kernelQuantizer = quantizer(QStringLiteral("ste_sine"));
    LayerSpec bn = simple(LayerType::BatchNorm);
    bn.epsilon = -1.0;
    const NetworkSpec net
        = network(TensorShape::image(1, 28, 28), {conv(8, 3), bn, dense(32), dense(0), sine, dense(10)});
    const ValidationReport report = NetworkValidator::validate(net, 10);
    QStringList found;
    for (const ValidationIssue &issue : report.issues)
        found << QStringLiteral("%1:%2").arg(issue.layer).arg(issue.field);
    // bn keeps its shape despite the bad epsilon, so dense(32) still sees the feature maps; after
    // that shapes are unknown, but the parameter checks of later layers still run.
    QCOMPARE(found, (QStringList{"1:epsilon", "2:type", "3:units", "4:kernel_quantizer"}));
    QCOMPARE(shapeStrings(report.outputShapes), (QStringList{"8x26x26", "8x26x26", "?", "?", "?", "?"}));

    // A parameter problem that does not change the shape keeps inference going.
    const NetworkSpec quantized = network(TensorShape::flat(20), {sine, dense(10)});
    const ValidationReport second = NetworkValidator::validate(quantized, 10);
    QCOMPARE(second.issues.size(), 1);
    QCOMPARE(shapeStrings(second.outputShapes), (QStringList{"16", "10"}));
}

void TestNetworkValidator::issueText()
{
    NetworkSpec net
        = network(TensorShape::flat(20),
                  {dense(16), simple(LayerType::BatchNorm), dense(8), dense(0, QStringLiteral("fc1"))});
    const ValidationIssue named{3, QStringLiteral("units"), QStringLiteral("must be at least 1")};
    QCOMPARE(named.toString(net), QStringLiteral("layer 4 (dense 'fc1'): field 'units': must be at least 1"));
    const ValidationIssue unnamed{1, QStringLiteral("epsilon"), QStringLiteral("must be greater than 0")};
    QCOMPARE(unnamed.toString(net),
             QStringLiteral("layer 2 (batchnorm): field 'epsilon': must be greater than 0"));
    const ValidationIssue network{-1, QStringLiteral("input"), QStringLiteral("bad")};
    QCOMPARE(network.toString(net), QStringLiteral("network: field 'input': bad"));
    const ValidationIssue noField{0, QString(), QStringLiteral("odd")};
    QCOMPARE(noField.toString(net), QStringLiteral("layer 1 (dense): odd"));

    net.input = TensorShape::image(0, 1, 1);
    const ValidationReport report = NetworkValidator::validate(net, 8);
    QCOMPARE(report.issues.size(), 2);
    const QStringList lines = report.message(net).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("network: field 'input': ")), qPrintable(lines.at(0)));
    QCOMPARE(lines.at(1), QStringLiteral("layer 4 (dense 'fc1'): field 'units': must be at least 1; got 0"));
}

// A dense layer of 20 million units after 784 inputs: 15.7 billion weights, 58 GiB as float32 and
// 234 GiB to train. The validator refuses it by its size before torch allocates anything.
void TestNetworkValidator::refusesNetworksTooBigToTrain()
{
    NetworkSpec net;
    net.input = TensorShape::image(1, 28, 28);
    net.layers << simple(LayerType::Flatten) << dense(20000000, QStringLiteral("huge")) << dense(10);
    const ValidationReport report = NetworkValidator::validate(net, 10);
    QVERIFY(!report.ok());
    const QString message = report.message(net);
    QVERIFY2(message.contains(QStringLiteral("layer 2 (dense 'huge'): field 'units': the network has 15900000010 weights "
                                             "(15700000000 of them in this layer): 59.2 GiB as float32, and training "
                                             "keeps four copies (236.9 GiB), more than this machine's")),
             qPrintable(message));
    // A network of ordinary size passes.
    net.layers[1].units = 1000;
    QVERIFY2(NetworkValidator::validate(net, 10).ok(), qPrintable(NetworkValidator::validate(net, 10).message(net)));
}

QTEST_GUILESS_MAIN(TestNetworkValidator)
#include "tst_networkvalidator.moc"
