// Weight files for NumPy and PyTorch (export/tensorexport.h, export/ptwriter.h), checked by readers
// that share nothing with the writers: a safetensors parser written here from the format's
// description, numpy (by hand for safetensors, numpy.load for npz) and torch.load, all run with
// Debian's /usr/bin/python3 (python3-numpy, python3-torch: scripts/setup.sh installs them). The
// expected tensors are listed by hand from the snapshot's fields, not derived by tensorSet().
#include "export/ptwriter.h"
#include "export/tensorexport.h"

#include "core/train/trainedrun.h"
#include "data/datasetlocator.h"
#include "store/experimentstore.h"
#include "train/trainedmodel.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include <unistd.h>

using namespace qb;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

struct PythonRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

PythonRun runPython(const QStringList &args, int timeoutMs = 600000)
{
    QProcess p;
    p.start(kPython, args);
    PythonRun r;
    if (!p.waitForStarted()) {
        r.err = "could not start " + kPython.toUtf8();
        return r;
    }
    p.waitForFinished(timeoutMs);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

/// A tensor as a reader should see it: "float32" / "int8", shape, values in C order.
struct Expected
{
    QString dtype;
    QVector<qint64> shape;
    QVector<double> values;
};

QVector<double> toDouble(const QVector<float> &v)
{
    QVector<double> d;
    for (float x : v)
        d << double(x);
    return d;
}

LayerSpec makeLayer(LayerType type)
{
    LayerSpec l;
    l.type = type;
    return l;
}

/// Deterministic, distinct float values (no two equal, some negative).
QVector<float> ramp(int n, float start, float step)
{
    QVector<float> v;
    for (int i = 0; i < n; ++i)
        v << start + step * float(i) * (i % 2 ? -1.0f : 1.0f);
    return v;
}

/// A network of 1x6x6 images: conv 2 3x3 same (binary weights, no bias) -> BN -> maxpool 2 ->
/// flatten -> dense 4 (ternary weights with per-row scale, an LSQ-like input parameter) -> dense 3
/// (float weights and bias) -> softmax.
ModelSnapshot handMadeSnapshot()
{
    ModelSnapshot m;
    m.runId = 42;
    m.runName = QStringLiteral("hand-made run \u00e9");
    m.datasetName = QStringLiteral("bands");
    m.classes = 3;
    m.classNames = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    m.inputShape = TensorShape::image(1, 6, 6);
    m.quantbenchVersion = QStringLiteral("0.1.0-test");
    m.encoding.scale = 2.0f / 255.0f;
    m.encoding.offset = -1.0f;

    NetworkSpec &net = m.experiment.network;
    net.name = QStringLiteral("hand-made");
    net.input = m.inputShape;
    QuantizerSpec sign;
    sign.name = QStringLiteral("ste_sign");
    LayerSpec conv = makeLayer(LayerType::Conv2D);
    conv.filters = 2;
    conv.padding = Padding::Same;
    conv.useBias = false;
    conv.kernelQuantizer = sign;
    LayerSpec d1 = makeLayer(LayerType::Dense);
    d1.units = 4;
    d1.useBias = false;
    d1.inputQuantizer.name = QStringLiteral("lsq");
    d1.kernelQuantizer.name = QStringLiteral("ternary_twn");
    LayerSpec d2 = makeLayer(LayerType::Dense);
    d2.units = 3;
    LayerSpec softmax = makeLayer(LayerType::Activation);
    softmax.function = ActivationFunction::Softmax;
    net.layers << conv << makeLayer(LayerType::BatchNorm) << makeLayer(LayerType::MaxPool)
               << makeLayer(LayerType::Flatten) << d1 << d2 << softmax;
    m.experiment.dataset = m.datasetName;

    const QVector<TensorShape> shapes = {TensorShape::image(1, 6, 6), TensorShape::image(2, 6, 6),
        TensorShape::image(2, 6, 6), TensorShape::image(2, 3, 3), TensorShape::flat(18), TensorShape::flat(4),
        TensorShape::flat(3), TensorShape::flat(3)};
    for (int i = 0; i < net.layers.size(); ++i) {
        LayerSnapshot l;
        l.index = i;
        l.spec = net.layers[i];
        l.input = shapes[i];
        l.output = shapes[i + 1];
        m.layers << l;
    }
    LayerSnapshot &c = m.layers[0];
    c.weightShape = {2, 1, 3, 3};
    c.latent = ramp(18, 0.3f, 0.07f);
    for (float v : c.latent)
        c.effective << (v >= 0.0f ? 1.0f : -1.0f);
    c.codes = factorWeights(c.weightShape, c.effective);
    c.padTop = c.padBottom = c.padLeft = c.padRight = 1;
    c.binaryWeights = true;

    LayerSnapshot &bn = m.layers[1];
    bn.gamma = {1.5f, -0.25f};
    bn.beta = {0.125f, 2.0f};
    bn.runningMean = {0.5f, -3.25f};
    bn.runningVar = {4.0f, 0.0625f};
    bn.epsilon = 1e-3;

    LayerSnapshot &t = m.layers[4];
    t.weightShape = {4, 18};
    t.latent = ramp(72, -0.2f, 0.013f);
    const float scales[4] = {0.5f, 0.25f, 0.75f, 1.0f / 3.0f};
    for (int o = 0; o < 4; ++o)
        for (int i = 0; i < 18; ++i) {
            const float v = t.latent[o * 18 + i];
            t.effective << (std::fabs(v) < 0.1f ? 0.0f : (v > 0.0f ? scales[o] : -scales[o]));
        }
    t.codes = factorWeights(t.weightShape, t.effective);
    t.inputQuantizerParameters = {0.0625f};

    LayerSnapshot &f = m.layers[5];
    f.weightShape = {3, 4};
    f.latent = ramp(12, 0.01f, 0.1f);
    f.effective = f.latent;
    f.bias = {0.5f, -0.5f, 1.0f / 7.0f};
    return m;
}

/// The tensors of handMadeSnapshot() by hand, in the order the writers emit them.
QList<QPair<QString, Expected>> expectedTensors(const ModelSnapshot &m, bool latent)
{
    const LayerSnapshot &c = m.layers[0], &bn = m.layers[1], &t = m.layers[4], &f = m.layers[5];
    QList<QPair<QString, Expected>> e;
    QVector<double> convCodes;
    for (float v : c.effective)
        convCodes << (v > 0 ? 1.0 : -1.0);
    e.append({QStringLiteral("layer01_conv2d.weight"), {QStringLiteral("int8"), {2, 1, 3, 3}, convCodes}});
    if (latent)
        e.append({QStringLiteral("layer01_conv2d.latent_weight"),
            {QStringLiteral("float32"), {2, 1, 3, 3}, toDouble(c.latent)}});
    e.append(
        {QStringLiteral("layer02_batchnorm.gamma"), {QStringLiteral("float32"), {2}, toDouble(bn.gamma)}});
    e.append({QStringLiteral("layer02_batchnorm.beta"), {QStringLiteral("float32"), {2}, toDouble(bn.beta)}});
    e.append({QStringLiteral("layer02_batchnorm.running_mean"),
        {QStringLiteral("float32"), {2}, toDouble(bn.runningMean)}});
    e.append({QStringLiteral("layer02_batchnorm.running_var"),
        {QStringLiteral("float32"), {2}, toDouble(bn.runningVar)}});
    QVector<double> ternaryCodes;
    for (float v : t.effective)
        ternaryCodes << (v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0);
    e.append({QStringLiteral("layer05_dense.weight"), {QStringLiteral("int8"), {4, 18}, ternaryCodes}});
    e.append({QStringLiteral("layer05_dense.weight_scale"),
        {QStringLiteral("float32"), {4}, {0.5, 0.25, 0.75, double(1.0f / 3.0f)}}});
    e.append(
        {QStringLiteral("layer05_dense.input_quantizer_params"), {QStringLiteral("float32"), {1}, {0.0625}}});
    if (latent)
        e.append({QStringLiteral("layer05_dense.latent_weight"),
            {QStringLiteral("float32"), {4, 18}, toDouble(t.latent)}});
    e.append(
        {QStringLiteral("layer06_dense.weight"), {QStringLiteral("float32"), {3, 4}, toDouble(f.effective)}});
    e.append({QStringLiteral("layer06_dense.bias"), {QStringLiteral("float32"), {3}, toDouble(f.bias)}});
    if (latent)
        e.append({QStringLiteral("layer06_dense.latent_weight"),
            {QStringLiteral("float32"), {3, 4}, toDouble(f.latent)}});
    return e;
}

/// Compares a reader's {name: {dtype, shape, values}} with the expected tensors (all of them, no
/// others, every value exactly).
void compareTensors(const QJsonObject &seen, const QList<QPair<QString, Expected>> &expected)
{
    QStringList expectedNames;
    for (const auto &[name, e] : expected)
        expectedNames << name;
    QStringList seenNames = seen.keys();
    seenNames.sort();
    expectedNames.sort();
    QCOMPARE(seenNames, expectedNames);
    for (const auto &[name, e] : expected) {
        const QJsonObject t = seen.value(name).toObject();
        QVERIFY2(t.value(QStringLiteral("dtype")).toString() == e.dtype,
            qPrintable(name + QStringLiteral(": dtype ") + t.value(QStringLiteral("dtype")).toString()));
        QVector<qint64> shape;
        for (const QJsonValue &d : t.value(QStringLiteral("shape")).toArray())
            shape << qint64(d.toDouble());
        QVERIFY2(shape == e.shape, qPrintable(name + QStringLiteral(": shape")));
        const QJsonArray values = t.value(QStringLiteral("values")).toArray();
        QVERIFY2(values.size() == e.values.size(), qPrintable(name + QStringLiteral(": value count")));
        for (int i = 0; i < values.size(); ++i)
            QVERIFY2(values[i].toDouble() == e.values[i],
                qPrintable(QStringLiteral("%1[%2]: %3, expected %4")
                               .arg(name)
                               .arg(i)
                               .arg(values[i].toDouble(), 0, 'g', 17)
                               .arg(e.values[i], 0, 'g', 17)));
    }
}

/// The metadata every format carries (as a string map).
void checkMetadata(const QJsonObject &meta, const ModelSnapshot &m)
{
    QCOMPARE(meta.value(QStringLiteral("format")).toString(), QStringLiteral("quantbench-tensors"));
    QCOMPARE(meta.value(QStringLiteral("layout")).toString(), QStringLiteral("OIHW"));
    QCOMPARE(meta.value(QStringLiteral("sign_convention")).toString(), QStringLiteral("sign(0) = +1"));
    QCOMPARE(meta.value(QStringLiteral("nonidealities")).toString(), QStringLiteral("not included"));
    QCOMPARE(meta.value(QStringLiteral("run_id")).toString(), QString::number(m.runId));
    QCOMPARE(meta.value(QStringLiteral("run_name")).toString(), m.runName);
    QCOMPARE(meta.value(QStringLiteral("quantbench_version")).toString(), m.quantbenchVersion);
    for (const QJsonValue &v : meta)
        QVERIFY2(v.isString(), "metadata values are strings");
    const QJsonObject network
        = QJsonDocument::fromJson(meta.value(QStringLiteral("network")).toString().toUtf8()).object();
    QCOMPARE(network, m.experiment.network.toJson());
    const QJsonObject experiment
        = QJsonDocument::fromJson(meta.value(QStringLiteral("experiment")).toString().toUtf8()).object();
    QCOMPARE(experiment, m.experiment.toJson());
    const QJsonObject encoding
        = QJsonDocument::fromJson(meta.value(QStringLiteral("input_encoding")).toString().toUtf8()).object();
    QCOMPARE(float(encoding.value(QStringLiteral("scale")).toDouble()), m.encoding.scale);
    QCOMPARE(float(encoding.value(QStringLiteral("offset")).toDouble()), m.encoding.offset);
    const QJsonArray layers
        = QJsonDocument::fromJson(meta.value(QStringLiteral("layers")).toString().toUtf8()).array();
    QCOMPARE(layers.size(), m.layers.size());
    for (int i = 0; i < layers.size(); ++i)
        QCOMPARE(layers[i].toObject().value(QStringLiteral("index")).toInt(), m.layers[i].index + 1);
}

/// The source tree (ctest sets QB_SOURCE_DIR; else found from this file's path).
QString sourceDir()
{
    const QString env = qEnvironmentVariable("QB_SOURCE_DIR");
    if (!env.isEmpty())
        return env;
    return QFileInfo(QStringLiteral(__FILE__)).absoluteDir().absoluteFilePath(QStringLiteral("../../.."));
}

/// A float32 .npy file (C order, NPY v1.x) as rows x columns; empty when it is not one.
QVector<float> readNpyFloat32(const QString &path, QVector<qint64> *shape)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    if (!bytes.startsWith("\x93NUMPY") || bytes.size() < 10)
        return {};
    const int headerLength = qFromLittleEndian<quint16>(bytes.constData() + 8);
    const QString header = QString::fromLatin1(bytes.mid(10, headerLength));
    if (!header.contains(QStringLiteral("'descr': '<f4'"))
        || !header.contains(QStringLiteral("'fortran_order': False")))
        return {};
    const QString dims = header.section(QStringLiteral("'shape': ("), 1).section(QLatin1Char(')'), 0, 0);
    shape->clear();
    for (const QString &d : dims.split(QLatin1Char(','), Qt::SkipEmptyParts))
        *shape << d.trimmed().toLongLong();
    const QByteArray data = bytes.mid(10 + headerLength);
    QVector<float> v(data.size() / 4);
    qFromLittleEndian<float>(data.constData(), v.size(), v.data());
    return v;
}

/// Float network with what the binarized one lacks: an asymmetric "same" conv (2x2 kernel on
/// 28x28: one extra row and column at the bottom/right) with bias, ReLU, average pooling, a dense
/// bias and a final softmax (identity on the logits).
NetworkSpec floatNet()
{
    NetworkSpec n;
    n.name = QStringLiteral("float-same");
    LayerSpec conv = makeLayer(LayerType::Conv2D);
    conv.filters = 4;
    conv.kernelH = conv.kernelW = 2;
    conv.padding = Padding::Same;
    LayerSpec pool = makeLayer(LayerType::AvgPool);
    LayerSpec dense = makeLayer(LayerType::Dense);
    dense.units = 10;
    LayerSpec softmax = makeLayer(LayerType::Activation);
    softmax.function = ActivationFunction::Softmax;
    n.layers << conv << makeLayer(LayerType::BatchNorm) << makeLayer(LayerType::Activation) << pool
             << makeLayer(LayerType::Flatten) << makeLayer(LayerType::Dropout) << dense << softmax;
    return n;
}

/// Spiking: dense -> leaky (learned beta) -> dense -> synaptic (zero reset in the firing step,
/// 6-bit membrane, learned threshold) -> dense -> leaky, 6 steps of the direct image.
NetworkSpec spikingNet()
{
    NetworkSpec n;
    n.name = QStringLiteral("spiking");
    LayerSpec hidden = makeLayer(LayerType::Dense);
    hidden.units = 24;
    LayerSpec lif = makeLayer(LayerType::Leaky);
    lif.neuron.beta = 0.9;
    lif.neuron.learnBeta = true;
    LayerSpec second = hidden;
    second.units = 16;
    LayerSpec syn = makeLayer(LayerType::Synaptic);
    syn.neuron.alpha = 0.7;
    syn.neuron.reset = ResetMechanism::Zero;
    syn.neuron.resetDelay = false;
    syn.neuron.stateQuantBits = 6;
    syn.neuron.learnThreshold = true;
    LayerSpec out = hidden;
    out.units = 10;
    n.layers << makeLayer(LayerType::Flatten) << hidden << lif << second << syn << out << makeLayer(LayerType::Leaky);
    n.spiking.timeSteps = 6;
    return n;
}

/// Ternary and multi-bit: a ternary_twn conv (int8 codes with a per-channel scale), stride 2, and
/// a dense layer with LSQ inputs (a trained step size) and ste_tern weights (codes, unit scale).
NetworkSpec ternaryNet()
{
    NetworkSpec n;
    n.name = QStringLiteral("ternary-lsq");
    LayerSpec conv = makeLayer(LayerType::Conv2D);
    conv.filters = 4;
    conv.strideH = conv.strideW = 2;
    conv.padding = Padding::Same;
    conv.kernelQuantizer.name = QStringLiteral("ternary_twn");
    conv.useBias = false;
    LayerSpec dense = makeLayer(LayerType::Dense);
    dense.units = 10;
    dense.inputQuantizer.name = QStringLiteral("lsq");
    dense.kernelQuantizer.name = QStringLiteral("ste_tern");
    LayerSpec hardtanh = makeLayer(LayerType::Activation);
    hardtanh.function = ActivationFunction::HardTanh;
    n.layers << conv << makeLayer(LayerType::BatchNorm) << hardtanh << makeLayer(LayerType::MaxPool)
             << makeLayer(LayerType::Flatten) << dense;
    return n;
}

QuantizerSpec quantizer(const QString &name, const QJsonObject &params = {})
{
    QuantizerSpec q;
    q.name = name;
    q.params = params;
    return q;
}

/// Multi-bit: fixed-point inputs (floor rounding, wrapping overflow: 1.0 wraps to -1.0) and DoReFa
/// weights (four levels, float32 in the file), DoReFa activations and uniform weights with a bias.
NetworkSpec multiBitNet()
{
    NetworkSpec n;
    n.name = QStringLiteral("multi-bit");
    LayerSpec conv = makeLayer(LayerType::Conv2D);
    conv.filters = 4;
    conv.inputQuantizer = quantizer(QStringLiteral("fixed_point"),
        {{QStringLiteral("word_bits"), 4}, {QStringLiteral("frac_bits"), 3},
            {QStringLiteral("rounding"), QStringLiteral("floor")},
            {QStringLiteral("overflow"), QStringLiteral("wrap")}});
    conv.kernelQuantizer
        = quantizer(QStringLiteral("dorefa"), {{QStringLiteral("mode"), QStringLiteral("weights")}});
    LayerSpec dense = makeLayer(LayerType::Dense);
    dense.units = 10;
    dense.inputQuantizer = quantizer(QStringLiteral("dorefa"), {{QStringLiteral("bits"), 2}});
    dense.kernelQuantizer = quantizer(QStringLiteral("uniform"), {{QStringLiteral("bits"), 4}});
    n.layers << conv << makeLayer(LayerType::BatchNorm) << makeLayer(LayerType::Activation)
             << makeLayer(LayerType::MaxPool) << makeLayer(LayerType::Flatten) << dense;
    return n;
}

/// The other 1- and 2-bit input quantizers: uniform inputs with magnitude-aware sign weights (int8
/// codes times a per-channel scale), ste_tern inputs (explicit padding), ste_heaviside inputs.
NetworkSpec signVariantsNet()
{
    NetworkSpec n;
    n.name = QStringLiteral("sign-variants");
    LayerSpec conv1 = makeLayer(LayerType::Conv2D);
    conv1.filters = 4;
    conv1.inputQuantizer = quantizer(QStringLiteral("uniform"), {{QStringLiteral("bits"), 4}});
    conv1.kernelQuantizer = quantizer(QStringLiteral("magnitude_aware_sign"));
    conv1.useBias = false;
    LayerSpec conv2 = makeLayer(LayerType::Conv2D);
    conv2.filters = 4;
    conv2.padding = Padding::Explicit;
    conv2.paddingAmount = 1;
    conv2.inputQuantizer = quantizer(QStringLiteral("ste_tern"));
    conv2.kernelQuantizer = quantizer(QStringLiteral("approx_sign"));
    conv2.useBias = false;
    LayerSpec dense = makeLayer(LayerType::Dense);
    dense.units = 10;
    dense.inputQuantizer = quantizer(QStringLiteral("ste_heaviside"));
    dense.kernelQuantizer = quantizer(QStringLiteral("swish_sign"));
    dense.useBias = false;
    n.layers << conv1 << makeLayer(LayerType::BatchNorm) << conv2 << makeLayer(LayerType::BatchNorm)
             << makeLayer(LayerType::MaxPool) << makeLayer(LayerType::Flatten) << dense;
    return n;
}

const char *kSafetensorsByHand = R"PY(
# safetensors read by hand with numpy (no safetensors package): 8-byte length, JSON, data.
import json, struct, sys
import numpy as np
data = open(sys.argv[1], 'rb').read()
n = struct.unpack('<Q', data[:8])[0]
header = json.loads(data[8:8 + n])
meta = header.pop('__metadata__')
base = 8 + n
types = {'F32': np.dtype('<f4'), 'I8': np.dtype('i1')}
out = {}
for name, e in header.items():
    begin, end = e['data_offsets']
    a = np.frombuffer(data[base + begin:base + end], dtype=types[e['dtype']]).reshape(e['shape'])
    out[name] = {'dtype': str(a.dtype), 'shape': list(a.shape), 'values': a.ravel().tolist()}
print(json.dumps({'tensors': out, 'metadata': meta}))
)PY";

const char *kNpzWithNumpy = R"PY(
import json, sys
import numpy as np
out, meta = {}, None
with np.load(sys.argv[1], allow_pickle=False) as z:
    for k in z.files:
        a = z[k]
        if k == '__metadata__':
            assert a.dtype.kind == 'U' and a.shape == (), (a.dtype, a.shape)
            meta = json.loads(str(a))
            continue
        out[k] = {'dtype': str(a.dtype), 'shape': list(a.shape), 'values': a.ravel().tolist()}
print(json.dumps({'tensors': out, 'metadata': meta}))
)PY";

const char *kPtWithTorch = R"PY(
import json, sys
import torch
d = torch.load(sys.argv[1], weights_only=sys.argv[2] == '1')
assert type(d) is dict, type(d)
meta = json.loads(d.pop('__metadata__'))
out = {}
for k, v in d.items():
    assert isinstance(v, torch.Tensor), k
    out[k] = {'dtype': str(v.dtype).replace('torch.', ''), 'shape': list(v.shape), 'values': v.flatten().tolist()}
print(json.dumps({'tensors': out, 'metadata': meta}))
)PY";

/// Runs one of the reader scripts above on `path`: {"tensors": ..., "metadata": ...}.
QJsonObject readWithPython(const char *script, const QStringList &args)
{
    const PythonRun r = runPython(QStringList{QStringLiteral("-c"), QString::fromUtf8(script)} + args);
    if (r.exitCode != 0) {
        qWarning().noquote() << "python failed:" << r.err;
        return {};
    }
    return QJsonDocument::fromJson(r.out).object();
}

} // namespace

class TestTensorExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void namesFollowLayerIndexKindAndRole_data();
    void namesFollowLayerIndexKindAndRole();
    void npyHeadersAreAligned();
    void safetensorsReadIndependently_data();
    void safetensorsReadIndependently();
    void safetensorsReadByNumpy();
    void npzReadByNumpy_data();
    void npzReadByNumpy();
    void ptReadByTorch_data();
    void ptReadByTorch();
    void inconsistentSnapshotNamesTheLayer();
    void unwritablePathIsNamedAndLeavesNoFile_data();
    void unwritablePathIsNamedAndLeavesNoFile();
    void trainedRunReproducedInPytorch_data();
    void trainedRunReproducedInPytorch();
    void loaderRefusesWhatItCannotReproduce();

private:
    QTemporaryDir m_dir;
    ModelSnapshot m_model = handMadeSnapshot();
};

void TestTensorExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_model.layers[0].codes && m_model.layers[0].codes->unitScale && m_model.layers[0].codes->binary);
    QVERIFY(
        m_model.layers[4].codes && !m_model.layers[4].codes->unitScale && !m_model.layers[4].codes->binary);
    QVERIFY(!m_model.layers[5].codes);
    // The independent readers: scripts/setup.sh installs python3-numpy and python3-torch.
    const PythonRun r = runPython({QStringLiteral("-c"), QStringLiteral("import numpy, torch")});
    QVERIFY2(r.exitCode == 0,
        qPrintable(
            QStringLiteral("/usr/bin/python3 with numpy and torch is needed: ") + QString::fromUtf8(r.err)));
}

void TestTensorExport::namesFollowLayerIndexKindAndRole_data()
{
    QTest::addColumn<bool>("latent");
    QTest::newRow("effective only") << false;
    QTest::newRow("with latent") << true;
}

void TestTensorExport::namesFollowLayerIndexKindAndRole()
{
    QFETCH(bool, latent);
    const Result<TensorSet> set = tensorSet(m_model, {latent});
    QVERIFY2(set.ok(), qPrintable(set.error()));
    QStringList names;
    for (const NamedTensor &t : set->tensors)
        names << t.name;
    QStringList expected;
    for (const auto &[name, e] : expectedTensors(m_model, latent))
        expected << name;
    QCOMPARE(names, expected);
    QStringList keys;
    for (const auto &[key, value] : set->metadata)
        keys << key;
    QCOMPARE(keys.removeDuplicates(), 0);
    QJsonObject meta;
    for (const auto &[key, value] : set->metadata)
        meta[key] = value;
    checkMetadata(meta, m_model);
    QCOMPARE(QJsonDocument::fromJson(set->metadataJson()).object(), meta);
}

void TestTensorExport::npyHeadersAreAligned()
{
    // NPY v1.0 puts the data at a multiple of 64 bytes, the header ending in a newline.
    NamedTensor t;
    t.shape = {2, 3};
    t.bytes = QByteArray(24, '\0');
    for (const QByteArray &npy : {npyBytes(t), npyUnicodeScalar(QStringLiteral("{\"a\": \"\u00e9\"}"))}) {
        QVERIFY(npy.startsWith(QByteArray("\x93NUMPY\x01\x00", 8)));
        const int headerLength = qFromLittleEndian<quint16>(npy.constData() + 8);
        QCOMPARE((10 + headerLength) % 64, 0);
        QCOMPARE(npy.at(10 + headerLength - 1), '\n');
    }
    QVERIFY(npyBytes(t).contains("'shape': (2, 3)"));
    t.shape = {5};
    QVERIFY(npyBytes(t).contains("'shape': (5,)"));
}

void TestTensorExport::safetensorsReadIndependently_data() { namesFollowLayerIndexKindAndRole_data(); }

void TestTensorExport::safetensorsReadIndependently()
{
    QFETCH(bool, latent);
    const QString path = m_dir.filePath(QStringLiteral("independent-%1.safetensors").arg(latent));
    const Status s = writeSafetensors(m_model, path, {latent});
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();

    // 8-byte little-endian header length, the JSON padded with spaces to a multiple of 8.
    QVERIFY(bytes.size() > 8);
    const quint64 headerLength = qFromLittleEndian<quint64>(bytes.constData());
    QCOMPARE(headerLength % 8, quint64(0));
    QVERIFY(headerLength <= quint64(bytes.size() - 8));
    const QByteArray json = bytes.mid(8, qsizetype(headerLength));
    QJsonParseError error;
    const QJsonObject header = QJsonDocument::fromJson(json, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(json.trimmed().endsWith('}'));
    const QByteArray data = bytes.mid(8 + qsizetype(headerLength));

    // The data ranges: exact sizes, in some order contiguous from 0 to the end of the file.
    QMap<qint64, qint64> ranges; // begin -> end
    QJsonObject seen;
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == QLatin1String("__metadata__"))
            continue;
        const QJsonObject e = it.value().toObject();
        const QString dtype = e.value(QStringLiteral("dtype")).toString();
        QVERIFY2(dtype == QLatin1String("F32") || dtype == QLatin1String("I8"), qPrintable(dtype));
        const int size = dtype == QLatin1String("F32") ? 4 : 1;
        qint64 count = 1;
        QJsonArray shape;
        for (const QJsonValue &d : e.value(QStringLiteral("shape")).toArray()) {
            count *= d.toInteger();
            shape.append(d);
        }
        const QJsonArray offsets = e.value(QStringLiteral("data_offsets")).toArray();
        QCOMPARE(offsets.size(), 2);
        const qint64 begin = offsets[0].toInteger(), end = offsets[1].toInteger();
        QCOMPARE(end - begin, count * size);
        QVERIFY(!ranges.contains(begin));
        ranges.insert(begin, end);
        if (size == 4)
            QCOMPARE(begin % 4, qint64(0)); // float32 aligned within the data
        QJsonArray values;
        for (qint64 i = 0; i < count; ++i) {
            const char *p = data.constData() + begin + i * size;
            values.append(size == 4 ? double(qFromLittleEndian<float>(p)) : double(qint8(*p)));
        }
        seen[it.key()] = QJsonObject{
            {QStringLiteral("dtype"), size == 4 ? QStringLiteral("float32") : QStringLiteral("int8")},
            {QStringLiteral("shape"), shape}, {QStringLiteral("values"), values}};
    }
    qint64 position = 0;
    for (auto it = ranges.cbegin(); it != ranges.cend(); ++it) {
        QCOMPARE(it.key(), position);
        position = it.value();
    }
    QCOMPARE(position, qint64(data.size()));
    compareTensors(seen, expectedTensors(m_model, latent));
    checkMetadata(header.value(QStringLiteral("__metadata__")).toObject(), m_model);
}

void TestTensorExport::safetensorsReadByNumpy()
{
    const QString path = m_dir.filePath(QStringLiteral("numpy.safetensors"));
    const Status s = writeSafetensors(m_model, path, {true});
    QVERIFY2(s.ok(), qPrintable(s.error()));
    const QJsonObject read = readWithPython(kSafetensorsByHand, {path});
    QVERIFY(!read.isEmpty());
    compareTensors(read.value(QStringLiteral("tensors")).toObject(), expectedTensors(m_model, true));
    checkMetadata(read.value(QStringLiteral("metadata")).toObject(), m_model);
}

void TestTensorExport::npzReadByNumpy_data() { namesFollowLayerIndexKindAndRole_data(); }

void TestTensorExport::npzReadByNumpy()
{
    QFETCH(bool, latent);
    const QString path = m_dir.filePath(QStringLiteral("weights-%1.npz").arg(latent));
    const Status s = writeNpz(m_model, path, {latent});
    QVERIFY2(s.ok(), qPrintable(s.error()));
    const QJsonObject read = readWithPython(kNpzWithNumpy, {path});
    QVERIFY(!read.isEmpty());
    compareTensors(read.value(QStringLiteral("tensors")).toObject(), expectedTensors(m_model, latent));
    checkMetadata(read.value(QStringLiteral("metadata")).toObject(), m_model);
}

void TestTensorExport::ptReadByTorch_data()
{
    QTest::addColumn<bool>("latent");
    QTest::addColumn<bool>("weightsOnly");
    QTest::newRow("effective only") << false << false;
    QTest::newRow("with latent") << true << false;
    QTest::newRow("weights_only=True") << true << true;
}

void TestTensorExport::ptReadByTorch()
{
    QFETCH(bool, latent);
    QFETCH(bool, weightsOnly);
    const QString path = m_dir.filePath(QStringLiteral("weights-%1.pt").arg(latent));
    const Status s = writePt(m_model, path, {latent});
    QVERIFY2(s.ok(), qPrintable(s.error()));
    const QJsonObject read
        = readWithPython(kPtWithTorch, {path, weightsOnly ? QStringLiteral("1") : QStringLiteral("0")});
    QVERIFY(!read.isEmpty());
    compareTensors(read.value(QStringLiteral("tensors")).toObject(), expectedTensors(m_model, latent));
    checkMetadata(read.value(QStringLiteral("metadata")).toObject(), m_model);
}

void TestTensorExport::inconsistentSnapshotNamesTheLayer()
{
    ModelSnapshot broken = m_model;
    broken.layers[5].bias.removeLast();
    const QString path = m_dir.filePath(QStringLiteral("broken.safetensors"));
    const Status s = writeSafetensors(broken, path);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(QStringLiteral("layer 6 (dense)")), qPrintable(s.error()));
    QVERIFY2(s.error().contains(QDir::toNativeSeparators(path)), qPrintable(s.error()));
    QVERIFY(!QFile::exists(path));
    broken = m_model;
    broken.layers[0].latent.clear();
    QVERIFY(writeNpz(broken, m_dir.filePath(QStringLiteral("nolatent.npz")), {false}).ok());
    const Status n = writeNpz(broken, m_dir.filePath(QStringLiteral("latent.npz")), {true});
    QVERIFY2(!n.ok() && n.error().contains(QStringLiteral("layer 1 (conv2d)")), qPrintable(n.error()));
}

void TestTensorExport::unwritablePathIsNamedAndLeavesNoFile_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("readOnlyFolder");
    for (const QString &format :
        {QStringLiteral("safetensors"), QStringLiteral("npz"), QStringLiteral("pt")}) {
        // A path under a regular file cannot be created by anyone, root included.
        QTest::newRow(qPrintable(format + QStringLiteral(" under a file"))) << format << false;
        // A read-only folder stops everyone but root (then the row is skipped).
        QTest::newRow(qPrintable(format + QStringLiteral(" read-only folder"))) << format << true;
    }
}

void TestTensorExport::unwritablePathIsNamedAndLeavesNoFile()
{
    QFETCH(QString, format);
    QFETCH(bool, readOnlyFolder);
    if (readOnlyFolder && geteuid() == 0)
        QSKIP("running as root: a read-only folder does not stop writes (the 'under a file' row covers it)");
    QString folder;
    if (readOnlyFolder) {
        folder = m_dir.filePath(QStringLiteral("readonly-") + format);
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    } else {
        folder = m_dir.filePath(QStringLiteral("somefile-") + format);
        QFile plain(folder);
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.write("not a folder");
    }
    const QString path = folder + QStringLiteral("/out.") + format;
    Status s;
    if (format == QLatin1String("safetensors"))
        s = writeSafetensors(m_model, path);
    else if (format == QLatin1String("npz"))
        s = writeNpz(m_model, path);
    else
        s = writePt(m_model, path);
    if (readOnlyFolder) {
        const QStringList left
            = QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    }
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(QDir::toNativeSeparators(path)), qPrintable(s.error()));
    QVERIFY(!QFileInfo::exists(path));
}

void TestTensorExport::trainedRunReproducedInPytorch_data()
{
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("format");
    QTest::newRow("binarized (trainSmallRun), pt") << QStringLiteral("binary") << QStringLiteral("pt");
    QTest::newRow("binarized, npz") << QStringLiteral("binary") << QStringLiteral("npz");
    QTest::newRow("binarized, safetensors") << QStringLiteral("binary") << QStringLiteral("safetensors");
    QTest::newRow("float, asymmetric same, pt") << QStringLiteral("float") << QStringLiteral("pt");
    QTest::newRow("ternary + lsq, pt") << QStringLiteral("ternary") << QStringLiteral("pt");
    QTest::newRow("fixed point + dorefa + uniform, pt") << QStringLiteral("multibit") << QStringLiteral("pt");
    QTest::newRow("uniform + ste_tern + heaviside, pt") << QStringLiteral("variants") << QStringLiteral("pt");
    QTest::newRow("spiking: leaky + synaptic over 6 steps, pt") << QStringLiteral("spiking") << QStringLiteral("pt");
}

void TestTensorExport::trainedRunReproducedInPytorch()
{
    QFETCH(QString, network);
    QFETCH(QString, format);
    // One trained run per network, shared by its rows.
    static QMap<QString, testdata::TrainedRun> runs;
    if (!runs.contains(network)) {
        const QString dir = m_dir.filePath(QStringLiteral("run-") + network);
        const QMap<QString, NetworkSpec> nets{{QStringLiteral("float"), floatNet()},
            {QStringLiteral("ternary"), ternaryNet()}, {QStringLiteral("multibit"), multiBitNet()},
            {QStringLiteral("variants"), signVariantsNet()}, {QStringLiteral("spiking"), spikingNet()}};
        const NetworkSpec net = nets.value(network);
        runs[network] = testdata::trainSmallRun(dir, network == QLatin1String("binary") ? nullptr : &net);
    }
    const testdata::TrainedRun &run = runs[network];
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    // Trained, not chance: the comparison below is about a network that learned something.
    QVERIFY2(run.testAccuracy > 0.25, qPrintable(QString::number(run.testAccuracy)));

    ExperimentStore store;
    QVERIFY(store.open(run.dbPath).ok());
    auto model = TrainedModel::fromRun(store, run.runId);
    QVERIFY2(model.ok(), qPrintable(model.error()));
    const Result<Dataset> data = DatasetLocator::load(QStringLiteral("mnist"), run.dataDir);
    QVERIFY2(data.ok(), qPrintable(data.error()));
    Result<ModelSnapshot> snapshot = (*model)->snapshot(&*data);
    QVERIFY2(snapshot.ok(), qPrintable(snapshot.error()));
    snapshot->runId = run.runId;
    const Result<QVector<float>> logits = (*model)->logits(data->test, 0);
    QVERIFY2(logits.ok(), qPrintable(logits.error()));
    const Result<QVector<int>> predicted = (*model)->predict(data->test, 0);
    QVERIFY(predicted.ok());
    const int samples = data->test.count, classes = snapshot->classes;
    QCOMPARE(logits->size(), qsizetype(samples) * classes);

    // What the file holds for this network.
    const Result<TensorSet> set = tensorSet(*snapshot, {});
    QVERIFY2(set.ok(), qPrintable(set.error()));
    QStringList int8Tensors, scaleTensors;
    for (const NamedTensor &t : set->tensors) {
        if (t.dtype == NamedTensor::DType::Int8)
            int8Tensors << t.name;
        if (t.name.endsWith(QLatin1String(".weight_scale")))
            scaleTensors << t.name;
    }
    if (network == QLatin1String("binary")) {
        QCOMPARE(int8Tensors,
            QStringList({QStringLiteral("layer01_conv2d.weight"), QStringLiteral("layer05_dense.weight")}));
        QVERIFY(scaleTensors.isEmpty());
    } else if (network == QLatin1String("float")) {
        QVERIFY(int8Tensors.isEmpty());
        QCOMPARE(snapshot->layers[0].padTop + 1, snapshot->layers[0].padBottom); // asymmetric
    } else if (network == QLatin1String("multibit") || network == QLatin1String("spiking")) {
        QVERIFY(int8Tensors.isEmpty());
    } else if (network == QLatin1String("variants")) {
        QCOMPARE(int8Tensors,
            QStringList({QStringLiteral("layer01_conv2d.weight"), QStringLiteral("layer03_conv2d.weight"),
                QStringLiteral("layer07_dense.weight")}));
        QCOMPARE(scaleTensors, QStringList{QStringLiteral("layer01_conv2d.weight_scale")});
    } else {
        QCOMPARE(int8Tensors,
            QStringList({QStringLiteral("layer01_conv2d.weight"), QStringLiteral("layer06_dense.weight")}));
        QCOMPARE(scaleTensors, QStringList{QStringLiteral("layer01_conv2d.weight_scale")});
        QVERIFY(!snapshot->layers[5].inputQuantizerParameters.isEmpty());
    }

    const QString path = m_dir.filePath(QStringLiteral("%1.%2").arg(network, format));
    Status written;
    if (format == QLatin1String("pt"))
        written = writePt(*snapshot, path);
    else if (format == QLatin1String("npz"))
        written = writeNpz(*snapshot, path);
    else
        written = writeSafetensors(*snapshot, path);
    QVERIFY2(written.ok(), qPrintable(written.error()));

    const QString logitsPath = m_dir.filePath(QStringLiteral("%1-%2-logits.npy").arg(network, format));
    const QString script = sourceDir() + QStringLiteral("/examples/load_in_pytorch.py");
    QVERIFY2(QFileInfo::exists(script), qPrintable(script));
    const PythonRun r = runPython({script, path, run.dataDir + QStringLiteral("/t10k-images-idx3-ubyte"),
        QStringLiteral("--labels"), run.dataDir + QStringLiteral("/t10k-labels-idx1-ubyte"),
        QStringLiteral("--logits-out"), logitsPath});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    QVector<qint64> shape;
    const QVector<float> seen = readNpyFloat32(logitsPath, &shape);
    QCOMPARE(shape, (QVector<qint64>{samples, classes}));
    // Tolerance 1e-5 absolute for |logit| <= 1, relative above (|a - b| <= 1e-5 * max(1, |a|)):
    // binarized logits are integers in the hundreds and must match exactly anyway.
    double maxDiff = 0.0, maxScaledDiff = 0.0, maxLogit = 0.0;
    int agree = 0;
    for (int i = 0; i < samples; ++i) {
        int best = 0;
        for (int c = 0; c < classes; ++c) {
            const qsizetype k = qsizetype(i) * classes + c;
            const double expected = (*logits)[k];
            const double diff = std::fabs(double(seen[k]) - expected);
            maxDiff = std::max(maxDiff, diff);
            maxScaledDiff = std::max(maxScaledDiff, diff / std::max(1.0, std::fabs(expected)));
            maxLogit = std::max(maxLogit, std::fabs(expected));
            if (seen[k] > seen[qsizetype(i) * classes + best])
                best = c;
        }
        agree += best == (*predicted)[i];
    }
    qInfo().noquote() << QStringLiteral(
        "%1 (%2): max |logit difference| %3 (scaled by max(1, |logit|): %4) over %5 x "
        "%6 logits (largest |logit| %7), %8/%5 predictions agree; QuantBench test "
        "accuracy %9; the script says: %10")
                             .arg(network, format)
                             .arg(maxDiff, 0, 'g', 3)
                             .arg(maxScaledDiff, 0, 'g', 3)
                             .arg(samples)
                             .arg(classes)
                             .arg(maxLogit, 0, 'g', 4)
                             .arg(agree)
                             .arg(run.testAccuracy)
                             .arg(QString::fromUtf8(r.out).trimmed());
    QVERIFY2(maxScaledDiff <= 1e-5, qPrintable(QString::number(maxScaledDiff)));
    if (network == QLatin1String("binary") || network == QLatin1String("spiking"))
        QCOMPARE(maxDiff, 0.0); // integer logits (spike counts): exact
    QCOMPARE(agree, samples);
    QVERIFY2(r.out.contains(QStringLiteral("(%1/%2)")
                                .arg(int(std::lround(run.testAccuracy * samples)))
                                .arg(samples)
                                .toUtf8()),
        r.out.constData());
}

void TestTensorExport::loaderRefusesWhatItCannotReproduce()
{
    // Stochastic rounding of the inputs draws random numbers: the example must say so, naming the
    // layer, rather than print numbers that differ from QuantBench's.
    ModelSnapshot model = m_model;
    model.experiment.network.layers[4].inputQuantizer = quantizer(
        QStringLiteral("fixed_point"), {{QStringLiteral("rounding"), QStringLiteral("stochastic")}});
    model.layers[4].spec = model.experiment.network.layers[4];
    const QString path = m_dir.filePath(QStringLiteral("stochastic.pt"));
    QVERIFY(writePt(model, path).ok());
    const PythonRun r = runPython({sourceDir() + QStringLiteral("/examples/load_in_pytorch.py"), path,
        m_dir.filePath(QStringLiteral("no-images.idx"))});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("cannot rebuild the network: layer 5 (dense): input quantizer 'fixed_point'"),
        r.err.constData());
    QVERIFY2(!r.err.contains("Traceback"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestTensorExport)
#include "tst_tensorexport.moc"
