// The ONNX export (core/export/onnxwriter.h), proven by readers that are not QuantBench's: ONNX's
// Python checker (Debian's python3-onnx, full_check) and onnxruntime-web's WebAssembly backend
// under node (tests/tools/run_onnx.mjs, from <source dir>/third_party/onnxruntime-web, installed by
// scripts/setup.sh).
//
// Hand-built snapshots: a one-conv network whose logits are worked out by hand; conv + batch norm +
// sign-quantized dense and the pools against torch's own functional ops (what QuantBench's layers
// call); every input quantizer that can be expressed against hand-computed values, which the
// quantizer's own torch forward in evaluation mode must give too; the inexpressible ones fail with
// the layer named and write no file.
//
// Trained runs, through TrainedModel::snapshot(): the small binarized network on synthetic band
// images (every test image: the same class as TrainedModel::predict, logits within 1e-4), and the
// acceptance on the real Fashion-MNIST (skipped when it is not installed): larq-mnist-bnn and
// cnn-mnist trained one epoch on 2,000 images, then all 10,000 test images, read by node straight
// from Debian's gzipped IDX file, must get the same class as TrainedModel::predict.
#include "core/train/trainedrun.h"

#include "data/datasetlocator.h"
#include "export/onnxwriter.h"
#include "quant/quantizer_p.h"
#include "spec/layerspec.h"
#include "spec/presetlibrary.h"
#include "store/experimentstore.h"
#include "train/experimentrunner.h"
#include "train/trainedmodel.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <torch/torch.h>

#include <cmath>
#include <optional>
#include <random>

using namespace qb;

Q_DECLARE_METATYPE(qb::QuantizerSpec)

namespace {

QString sourceDir() { return qEnvironmentVariable("QB_SOURCE_DIR"); }

QString ortDir() { return sourceDir() + QStringLiteral("/third_party/onnxruntime-web"); }

/// What onnxruntime-web computed.
struct OrtRun
{
    QVector<float> logits; ///< [samples x classes]
    QVector<int> predicted;
    int classes = 0;
    double seconds = 0.0;
    QString error; ///< empty when it ran
};

QByteArray floatBytes(const QVector<float> &values)
{
    return QByteArray(
        reinterpret_cast<const char *>(values.constData()), values.size() * qsizetype(sizeof(float)));
}

/// Runs `model` in onnxruntime-web on `inputPath` (raw float32 of `shape`, or an IDX file when
/// `shape` is empty), the first `limit` samples (0: all).
OrtRun runOrt(const QString &model, const QString &inputPath, const QString &shape, int limit = 0)
{
    OrtRun r;
    const QString work = QFileInfo(model).absolutePath();
    const QString logitsPath = work + QStringLiteral("/ort_logits.bin");
    const QString classesPath = work + QStringLiteral("/ort_classes.bin");
    QFile::remove(logitsPath);
    QFile::remove(classesPath);
    QStringList args{sourceDir() + QStringLiteral("/tests/tools/run_onnx.mjs"), QStringLiteral("--ort"),
        ortDir(), QStringLiteral("--model"), model, QStringLiteral("--input"), inputPath,
        QStringLiteral("--logits"), logitsPath, QStringLiteral("--classes"), classesPath};
    if (!shape.isEmpty())
        args << QStringLiteral("--shape") << shape;
    if (limit > 0)
        args << QStringLiteral("--limit") << QString::number(limit);
    QProcess node;
    node.start(QStringLiteral("node"), args);
    if (!node.waitForStarted()) {
        r.error = QStringLiteral("cannot start node: ") + node.errorString();
        return r;
    }
    node.waitForFinished(600000);
    const QString out = QString::fromUtf8(node.readAllStandardOutput());
    const QString err = QString::fromUtf8(node.readAllStandardError());
    if (node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0) {
        r.error = QStringLiteral("run_onnx.mjs failed (%1): %2").arg(node.exitCode()).arg(err);
        return r;
    }
    const QJsonObject summary = QJsonDocument::fromJson(out.trimmed().toUtf8()).object();
    r.classes = summary.value(QStringLiteral("classes")).toInt();
    r.seconds = summary.value(QStringLiteral("seconds")).toDouble();
    QFile logits(logitsPath), classes(classesPath);
    if (!logits.open(QIODevice::ReadOnly) || !classes.open(QIODevice::ReadOnly)) {
        r.error = QStringLiteral("run_onnx.mjs wrote no output: ") + out + err;
        return r;
    }
    const QByteArray lb = logits.readAll(), cb = classes.readAll();
    r.logits.resize(lb.size() / qsizetype(sizeof(float)));
    std::memcpy(r.logits.data(), lb.constData(), std::size_t(r.logits.size()) * sizeof(float));
    r.predicted.resize(cb.size() / qsizetype(sizeof(qint32)));
    std::memcpy(r.predicted.data(), cb.constData(), std::size_t(r.predicted.size()) * sizeof(qint32));
    return r;
}

/// runOrt() on float32 values written to a file beside the model.
OrtRun runOrt(const QString &model, const QVector<float> &input, const QVector<int> &sampleShape)
{
    const QString inputPath = QFileInfo(model).absolutePath() + QStringLiteral("/ort_input.bin");
    QFile f(inputPath);
    if (!f.open(QIODevice::WriteOnly)
        || f.write(floatBytes(input)) != input.size() * qsizetype(sizeof(float))) {
        OrtRun r;
        r.error = QStringLiteral("cannot write ") + inputPath;
        return r;
    }
    f.close();
    QStringList dims{QStringLiteral("-1")};
    for (int d : sampleShape)
        dims << QString::number(d);
    return runOrt(model, inputPath, dims.join(QLatin1Char(',')));
}

/// ONNX's Python checker with full_check (strict shape inference), then what the file says about
/// itself; an error text when the checker refuses the model.
QJsonObject pythonCheck(const QString &model, QString *error)
{
    static const char script[] = R"(
import json, sys, onnx
m = onnx.load(sys.argv[1])
onnx.checker.check_model(m, full_check=True)
g = m.graph
inits = {i.name for i in g.initializer}
def shape(v):
    return [d.dim_param if d.dim_param else d.dim_value for d in v.type.tensor_type.shape.dim]
print(json.dumps({
    "ir_version": m.ir_version,
    "opset": [o.version for o in m.opset_import if o.domain in ("", "ai.onnx")],
    "producer_name": m.producer_name,
    "producer_version": m.producer_version,
    "inputs": {v.name: shape(v) for v in g.input if v.name not in inits},
    "outputs": {v.name: shape(v) for v in g.output},
    "metadata": {p.key: p.value for p in m.metadata_props},
    "ops": sorted({n.op_type for n in g.node}),
}))
)";
    QProcess python;
    python.start(
        QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QString::fromLatin1(script), model});
    python.waitForFinished(120000);
    if (python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        *error = QStringLiteral("python onnx checker: ") + QString::fromUtf8(python.readAllStandardError());
        return {};
    }
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
}

QuantizerSpec quantizer(const QString &name, const QJsonObject &params = {})
{
    QuantizerSpec q;
    q.name = name;
    q.params = params;
    return q;
}

LayerSnapshot plainLayer(LayerType type, int index, const TensorShape &in, const TensorShape &out)
{
    LayerSnapshot l;
    l.index = index;
    l.spec.type = type;
    l.input = in;
    l.output = out;
    return l;
}

LayerSnapshot denseLayer(
    int index, int inputs, int outputs, const QVector<float> &weights, const QVector<float> &bias = {})
{
    LayerSnapshot l
        = plainLayer(LayerType::Dense, index, TensorShape::flat(inputs), TensorShape::flat(outputs));
    l.spec.units = outputs;
    l.spec.useBias = !bias.isEmpty();
    l.weightShape = {outputs, inputs};
    l.effective = weights;
    l.latent = weights;
    l.bias = bias;
    return l;
}

QVector<float> identity(int n)
{
    QVector<float> w(n * n, 0.0f);
    for (int i = 0; i < n; ++i)
        w[i * n + i] = 1.0f;
    return w;
}

/// An image model of the given layers; the network spec lists the same layer specs.
ModelSnapshot imageModel(const TensorShape &input, int classes, const QList<LayerSnapshot> &layers)
{
    ModelSnapshot m;
    m.runId = 7;
    m.runName = QStringLiteral("hand-built");
    m.datasetName = QStringLiteral("synthetic");
    m.classes = classes;
    m.inputShape = input;
    m.quantbenchVersion = QStringLiteral("0.0-test");
    m.experiment.network.name = QStringLiteral("hand-net");
    m.experiment.network.input = input;
    for (const LayerSnapshot &l : layers)
        m.experiment.network.layers << l.spec;
    m.layers = layers;
    return m;
}

/// A tabular model of one identity dense layer (F -> F) whose input quantizer is `q`; features
/// are standardized with mean 0 and deviation 1, so the logits are q(raw input).
ModelSnapshot quantizerProbe(const QuantizerSpec &q, int features, float lsqStep = 0.0f)
{
    LayerSnapshot dense = denseLayer(0, features, features, identity(features));
    dense.spec.name = QStringLiteral("probe");
    dense.spec.inputQuantizer = q;
    dense.spec.useBias = false;
    if (lsqStep > 0.0f)
        dense.inputQuantizerParameters = {lsqStep};
    ModelSnapshot m = imageModel(TensorShape::flat(features), features, {dense});
    m.experiment.network.input = TensorShape::flat(features);
    m.encoding.tabular = true;
    m.encoding.featureMean = QVector<double>(features, 0.0);
    m.encoding.featureScale = QVector<double>(features, 1.0);
    return m;
}

torch::Tensor tensorOf(const QVector<float> &values, std::vector<int64_t> shape)
{
    return torch::from_blob(const_cast<float *>(values.constData()), shape, torch::kFloat).clone();
}

QVector<float> valuesOf(const torch::Tensor &t)
{
    const torch::Tensor c = t.contiguous().to(torch::kFloat);
    return QVector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

/// The largest |a - b| / max(1, |b|).
double maxRelativeDiff(const QVector<float> &a, const QVector<float> &b)
{
    double worst = a.size() == b.size() ? 0.0 : INFINITY;
    for (int i = 0; i < std::min(a.size(), b.size()); ++i)
        worst
            = std::max(worst, std::abs(double(a[i]) - double(b[i])) / std::max(1.0, std::abs(double(b[i]))));
    return worst;
}

QVector<int> argmaxRows(const QVector<float> &logits, int classes)
{
    QVector<int> out;
    for (int i = 0; i + classes <= logits.size(); i += classes)
        out << int(std::max_element(logits.begin() + i, logits.begin() + i + classes) - (logits.begin() + i));
    return out;
}

} // namespace

class TestOnnxExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void oneConvByHand();
    void convBatchNormSignDense();
    void pools_data();
    void pools();
    void activationsDropoutAndFlatInput();
    void tabularStandardization();
    void inputQuantizers_data();
    void inputQuantizers();
    void inexpressible_data();
    void inexpressible();
    void trainedSmallRun();
    void fashionMnist_data();
    void fashionMnist();

private:
    /// Exports run `runId` of `dbPath`, checks it in Python and runs `idxImages` in
    /// onnxruntime-web; compares with TrainedModel::predict/logits on `test`.
    void exportAndCompare(const QString &dbPath, qint64 runId, const Dataset &dataset,
        const QString &idxImages, const QString &label, double logitTolerance);

    QTemporaryDir m_dir;
    std::optional<Dataset> m_fashion;
    QString path(const QString &name) const { return m_dir.filePath(name); }
};

void TestOnnxExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (sourceDir().isEmpty())
        QFAIL("QB_SOURCE_DIR is not set: run the test through ctest");
    if (!QFile::exists(ortDir() + QStringLiteral("/node_modules/onnxruntime-web/package.json")))
        QFAIL(qPrintable(
            QStringLiteral("onnxruntime-web is not installed in %1: run scripts/setup.sh").arg(ortDir())));
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        QFAIL("node is not installed: run scripts/setup.sh");
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import onnx")});
    if (!python.waitForFinished(60000) || python.exitCode() != 0)
        QFAIL("/usr/bin/python3 cannot import onnx: run scripts/setup.sh (python3-onnx)");
    // Quantizers in evaluation use the float path below, like the trained models.
    torch::manual_seed(1);
}

// input 1x3x3 (pixels as values: scale 1, offset 0) -> conv 1 filter 3x3 with bias -> flatten ->
// dense 1 -> 2 with bias. Sample A = 1..9: conv = 1*1 + 2*0 + 3*(-1) + 4*2 + 5*0 + 6*0 + 7*0 + 8*0.5
// + 9*1 + 0.5 = 19.5; logits = (19.5 * 1 + 0, 19.5 * -2 + 1) = (19.5, -38). Sample B = 0 except the
// centre 10: conv = 0 + 0.5 = 0.5; logits (0.5, 0).
void TestOnnxExport::oneConvByHand()
{
    LayerSnapshot conv
        = plainLayer(LayerType::Conv2D, 0, TensorShape::image(1, 3, 3), TensorShape::image(1, 1, 1));
    conv.spec.name = QStringLiteral("c1");
    conv.spec.filters = 1;
    conv.weightShape = {1, 1, 3, 3};
    conv.effective = {1, 0, -1, 2, 0, 0, 0, 0.5f, 1};
    conv.latent = conv.effective;
    conv.bias = {0.5f};
    LayerSnapshot flatten
        = plainLayer(LayerType::Flatten, 1, TensorShape::image(1, 1, 1), TensorShape::flat(1));
    LayerSnapshot dense = denseLayer(2, 1, 2, {1.0f, -2.0f}, {0.0f, 1.0f});
    ModelSnapshot m = imageModel(TensorShape::image(1, 3, 3), 2, {conv, flatten, dense});
    m.encoding.scale = 1.0f;
    m.encoding.offset = 0.0f;

    const QString file = path(QStringLiteral("oneconv.onnx"));
    const Status s = writeOnnx(m, file);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QString error;
    const QJsonObject info = pythonCheck(file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // What the file says about itself, read by ONNX's own Python package.
    QCOMPARE(info.value(QStringLiteral("opset")).toArray(), QJsonArray({13}));
    QCOMPARE(info.value(QStringLiteral("producer_name")).toString(), QStringLiteral("QuantBench"));
    QCOMPARE(info.value(QStringLiteral("producer_version")).toString(), QStringLiteral("0.0-test"));
    QCOMPARE(info.value(QStringLiteral("inputs")).toObject(),
        QJsonObject({{QStringLiteral("image"), QJsonArray({QStringLiteral("N"), 1, 3, 3})}}));
    QCOMPARE(info.value(QStringLiteral("outputs")).toObject(),
        QJsonObject({{QStringLiteral("logits"), QJsonArray({QStringLiteral("N"), 2})}}));
    const QJsonObject meta = info.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(meta.value(QStringLiteral("quantbench_version")).toString(), QStringLiteral("0.0-test"));
    QCOMPARE(meta.value(QStringLiteral("run_id")).toString(), QStringLiteral("7"));
    QCOMPARE(meta.value(QStringLiteral("run_name")).toString(), QStringLiteral("hand-built"));
    QCOMPARE(meta.value(QStringLiteral("dataset")).toString(), QStringLiteral("synthetic"));
    QCOMPARE(meta.value(QStringLiteral("sign_convention")).toString(), QStringLiteral("sign(0) = +1"));
    QCOMPARE(meta.value(QStringLiteral("layer_1_quantizers")).toString(),
        QStringLiteral("input: none, kernel: none"));
    QCOMPARE(meta.value(QStringLiteral("layer_3_quantizers")).toString(),
        QStringLiteral("input: none, kernel: none"));
    QVERIFY(!meta.contains(QStringLiteral("layer_2_quantizers")));
    QVERIFY2(meta.value(QStringLiteral("nonidealities")).toString().contains(QLatin1String("not exported")),
        qPrintable(meta.value(QStringLiteral("nonidealities")).toString()));
    const QJsonObject network
        = QJsonDocument::fromJson(meta.value(QStringLiteral("network")).toString().toUtf8()).object();
    QCOMPARE(network, m.experiment.network.toJson());

    QVector<float> pixels;
    for (int i = 1; i <= 9; ++i)
        pixels << float(i);
    pixels << QVector<float>{0, 0, 0, 0, 10, 0, 0, 0, 0};
    const OrtRun run = runOrt(file, pixels, {1, 3, 3});
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    QCOMPARE(run.classes, 2);
    QCOMPARE(run.logits, (QVector<float>{19.5f, -38.0f, 0.5f, 0.0f}));
    QCOMPARE(run.predicted, (QVector<int>{0, 0}));
}

// image 1x6x6 (default encoding 2/255, -1) -> conv 3 filters 2x2 "same" (asymmetric: one row and
// column of padding at the bottom and right) with +-1 weights -> batch norm without scale ->
// max pool 2x2 -> flatten -> dense with sign input and +-1 weights, no bias -> batch norm. Against
// torch's own functional ops, the ones QuantBench's layers call.
void TestOnnxExport::convBatchNormSignDense()
{
    std::mt19937 rng(5);
    std::uniform_int_distribution<int> pixel(0, 255);
    std::bernoulli_distribution coin(0.5);
    const auto signs = [&](int n) {
        QVector<float> v(n);
        for (float &x : v)
            x = coin(rng) ? 1.0f : -1.0f;
        return v;
    };
    LayerSnapshot conv
        = plainLayer(LayerType::Conv2D, 0, TensorShape::image(1, 6, 6), TensorShape::image(3, 6, 6));
    conv.spec.name = QStringLiteral("c1");
    conv.spec.filters = 3;
    conv.spec.kernelH = conv.spec.kernelW = 2;
    conv.spec.padding = Padding::Same;
    conv.spec.useBias = false;
    conv.spec.kernelQuantizer = quantizer(QStringLiteral("ste_sign"));
    conv.weightShape = {3, 1, 2, 2};
    conv.effective = signs(12);
    conv.latent = conv.effective;
    conv.padTop = 0;
    conv.padBottom = 1;
    conv.padLeft = 0;
    conv.padRight = 1;
    conv.binaryWeights = true;
    LayerSnapshot bn1
        = plainLayer(LayerType::BatchNorm, 1, TensorShape::image(3, 6, 6), TensorShape::image(3, 6, 6));
    bn1.spec.scale = false;
    bn1.beta = {0.1f, -0.2f, 0.3f};
    bn1.runningMean = {0.05f, -0.3f, 0.2f};
    bn1.runningVar = {1.5f, 0.7f, 2.0f};
    bn1.epsilon = 1e-3;
    LayerSnapshot pool
        = plainLayer(LayerType::MaxPool, 2, TensorShape::image(3, 6, 6), TensorShape::image(3, 3, 3));
    pool.strideH = pool.strideW = 2;
    LayerSnapshot flatten
        = plainLayer(LayerType::Flatten, 3, TensorShape::image(3, 3, 3), TensorShape::flat(27));
    LayerSnapshot dense = denseLayer(4, 27, 4, signs(4 * 27));
    dense.spec.name = QStringLiteral("fc");
    dense.spec.useBias = false;
    dense.spec.inputQuantizer = quantizer(QStringLiteral("ste_sign"));
    dense.spec.kernelQuantizer = quantizer(QStringLiteral("ste_sign"));
    dense.signInput = true;
    dense.binaryWeights = true;
    LayerSnapshot bn2 = plainLayer(LayerType::BatchNorm, 5, TensorShape::flat(4), TensorShape::flat(4));
    bn2.gamma = {1.5f, 0.5f, -1.0f, 2.0f};
    bn2.beta = {0.0f, 0.25f, -0.5f, 1.0f};
    bn2.runningMean = {1.0f, -2.0f, 0.5f, 3.0f};
    bn2.runningVar = {9.0f, 4.0f, 16.0f, 1.0f};
    bn2.epsilon = 1e-5;
    ModelSnapshot m = imageModel(TensorShape::image(1, 6, 6), 4, {conv, bn1, pool, flatten, dense, bn2});

    const QString file = path(QStringLiteral("convbnsign.onnx"));
    const Status s = writeOnnx(m, file);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QString error;
    const QJsonObject info = pythonCheck(file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray ops = info.value(QStringLiteral("ops")).toArray();
    QVERIFY(ops.contains(QStringLiteral("BatchNormalization")));
    QVERIFY(ops.contains(QStringLiteral("GreaterOrEqual")));
    QVERIFY2(!ops.contains(QStringLiteral("Sign")), "ONNX's Sign gives 0 at 0; QuantBench's sign gives +1");
    QCOMPARE(info.value(QStringLiteral("metadata"))
                 .toObject()
                 .value(QStringLiteral("layer_5_quantizers"))
                 .toString(),
        QStringLiteral("input: ste_sign, kernel: ste_sign"));

    const int samples = 64;
    QVector<float> pixels(samples * 36);
    for (float &p : pixels)
        p = float(pixel(rng));
    // Some all-equal images put exact zeros and ties through the sign and the pool.
    for (int i = 0; i < 36; ++i) {
        pixels[i] = 0.0f;
        pixels[36 + i] = 255.0f;
        pixels[72 + i] = 128.0f;
    }
    torch::NoGradGuard noGrad;
    torch::Tensor x = tensorOf(pixels, {samples, 1, 6, 6}).mul(m.encoding.scale).add(m.encoding.offset);
    x = torch::constant_pad_nd(x, {0, 1, 0, 1}, 0.0);
    x = torch::conv2d(x, tensorOf(conv.effective, {3, 1, 2, 2}));
    x = torch::batch_norm(x, {}, tensorOf(bn1.beta, {3}), tensorOf(bn1.runningMean, {3}),
        tensorOf(bn1.runningVar, {3}), false, 0.1, bn1.epsilon, false);
    x = torch::max_pool2d(x, {2, 2}, {2, 2});
    x = x.flatten(1);
    x = x.ge(0).to(torch::kFloat).mul(2).sub(1);
    x = torch::linear(x, tensorOf(dense.effective, {4, 27}));
    x = torch::batch_norm(x, tensorOf(bn2.gamma, {4}), tensorOf(bn2.beta, {4}),
        tensorOf(bn2.runningMean, {4}), tensorOf(bn2.runningVar, {4}), false, 0.1, bn2.epsilon, false);
    const QVector<float> expected = valuesOf(x);

    const OrtRun run = runOrt(file, pixels, {1, 6, 6});
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    const double diff = maxRelativeDiff(run.logits, expected);
    qInfo("conv+bn+sign dense: %d samples, max relative logit difference %.3g", samples, diff);
    QVERIFY2(diff <= 1e-6, qPrintable(QString::number(diff)));
    QCOMPARE(run.predicted, argmaxRows(expected, 4));
}

void TestOnnxExport::pools_data()
{
    QTest::addColumn<bool>("max");
    QTest::addColumn<int>("pool");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("pad");
    QTest::newRow("max 2x2") << true << 2 << 2 << 0;
    QTest::newRow("avg 2x2") << false << 2 << 2 << 0;
    QTest::newRow("max 3x3 stride 2 pad 1") << true << 3 << 2 << 1;
    QTest::newRow("avg 3x3 stride 2 pad 1") << false << 3 << 2 << 1;
    QTest::newRow("avg 3x3 stride 1 pad 1") << false << 3 << 1 << 1;
}

// input 2x5x5 (pixels as values) -> pool -> flatten -> identity dense: the logits are the pooled
// values, against torch's max_pool2d / avg_pool2d(count_include_pad=false), QuantBench's PoolModule.
void TestOnnxExport::pools()
{
    QFETCH(bool, max);
    QFETCH(int, pool);
    QFETCH(int, stride);
    QFETCH(int, pad);
    const int side = (5 + 2 * pad - pool) / stride + 1;
    const int outputs = 2 * side * side;
    LayerSnapshot p = plainLayer(max ? LayerType::MaxPool : LayerType::AvgPool, 0,
        TensorShape::image(2, 5, 5), TensorShape::image(2, side, side));
    p.spec.poolH = p.spec.poolW = pool;
    p.spec.poolStrideH = p.spec.poolStrideW = stride;
    p.spec.padding = pad > 0 ? Padding::Explicit : Padding::Valid;
    p.spec.paddingAmount = pad;
    p.poolH = p.poolW = pool;
    p.strideH = p.strideW = stride;
    p.padTop = p.padBottom = p.padLeft = p.padRight = pad;
    LayerSnapshot flatten
        = plainLayer(LayerType::Flatten, 1, TensorShape::image(2, side, side), TensorShape::flat(outputs));
    ModelSnapshot m = imageModel(TensorShape::image(2, 5, 5), outputs,
        {p, flatten, denseLayer(2, outputs, outputs, identity(outputs))});
    m.encoding.scale = 1.0f;
    m.encoding.offset = 0.0f;
    const QString file = path(QStringLiteral("pool.onnx"));
    const Status s = writeOnnx(m, file);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QString error;
    pythonCheck(file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    std::mt19937 rng(11);
    std::uniform_int_distribution<int> pixel(0, 255);
    const int samples = 3;
    QVector<float> pixels(samples * 50);
    for (float &v : pixels)
        v = float(pixel(rng));
    torch::NoGradGuard noGrad;
    const torch::Tensor x = tensorOf(pixels, {samples, 2, 5, 5});
    const torch::Tensor y = max
        ? torch::max_pool2d(x, {pool, pool}, {stride, stride}, {pad, pad})
        : torch::avg_pool2d(x, {pool, pool}, {stride, stride}, {pad, pad}, false, false);
    const QVector<float> expected = valuesOf(y.flatten(1));
    const OrtRun run = runOrt(file, pixels, {2, 5, 5});
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    QCOMPARE(run.logits.size(), expected.size());
    QVERIFY2(maxRelativeDiff(run.logits, expected) <= 1e-6,
        qPrintable(QString::number(maxRelativeDiff(run.logits, expected))));
    if (!max && pad == 1) {
        // The top-left window covers 2x2 real pixels (the rest is padding): their mean, not a
        // ninth of their sum.
        const float corner = (pixels[0] + pixels[1] + pixels[5] + pixels[6]) / 4.0f;
        QCOMPARE(run.logits[0], corner);
    }
}

// A flat network on image data (the dataset's maps flattened, CHW order), then dense -> relu ->
// dense -> hardtanh -> dropout -> dense -> tanh -> dense -> softmax (the identity: logits).
void TestOnnxExport::activationsDropoutAndFlatInput()
{
    std::mt19937 rng(3);
    std::normal_distribution<float> normal(0.0f, 0.5f);
    const auto randoms = [&](int n) {
        QVector<float> v(n);
        for (float &x : v)
            x = normal(rng);
        return v;
    };
    const auto activation = [](int index, ActivationFunction f, int n) {
        LayerSnapshot a
            = plainLayer(LayerType::Activation, index, TensorShape::flat(n), TensorShape::flat(n));
        a.spec.function = f;
        return a;
    };
    const QList<LayerSnapshot> layers{denseLayer(0, 12, 8, randoms(96), randoms(8)),
        activation(1, ActivationFunction::ReLU, 8), denseLayer(2, 8, 8, randoms(64), randoms(8)),
        activation(3, ActivationFunction::HardTanh, 8),
        plainLayer(LayerType::Dropout, 4, TensorShape::flat(8), TensorShape::flat(8)),
        denseLayer(5, 8, 6, randoms(48)), activation(6, ActivationFunction::Tanh, 6),
        denseLayer(7, 6, 3, randoms(18), randoms(3)), activation(8, ActivationFunction::Softmax, 3)};
    ModelSnapshot m = imageModel(TensorShape::image(3, 2, 2), 3, layers);
    m.experiment.network.input = TensorShape::flat(12);
    m.encoding.normalization = Normalization::ZeroToOne;
    m.encoding.scale = 1.0f / 255.0f;
    m.encoding.offset = 0.0f;
    const QString file = path(QStringLiteral("activations.onnx"));
    const Status s = writeOnnx(m, file);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QString error;
    const QJsonObject info = pythonCheck(file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(info.value(QStringLiteral("inputs")).toObject().value(QStringLiteral("image")).toArray(),
        QJsonArray({QStringLiteral("N"), 3, 2, 2}));
    const QJsonArray ops = info.value(QStringLiteral("ops")).toArray();
    QVERIFY(!ops.contains(QStringLiteral("Softmax")));
    QVERIFY(!ops.contains(QStringLiteral("Dropout")));

    std::uniform_int_distribution<int> pixel(0, 255);
    const int samples = 20;
    QVector<float> pixels(samples * 12);
    for (float &v : pixels)
        v = float(pixel(rng));
    torch::NoGradGuard noGrad;
    torch::Tensor x = tensorOf(pixels, {samples, 3, 2, 2}).mul(1.0 / 255.0).flatten(1);
    x = torch::relu(torch::linear(x, tensorOf(layers[0].effective, {8, 12}), tensorOf(layers[0].bias, {8})));
    x = torch::hardtanh(
        torch::linear(x, tensorOf(layers[2].effective, {8, 8}), tensorOf(layers[2].bias, {8})));
    x = torch::tanh(torch::linear(x, tensorOf(layers[5].effective, {6, 8})));
    x = torch::linear(x, tensorOf(layers[7].effective, {3, 6}), tensorOf(layers[7].bias, {3}));
    const QVector<float> expected = valuesOf(x);
    const OrtRun run = runOrt(file, pixels, {3, 2, 2});
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    const double diff = maxRelativeDiff(run.logits, expected);
    QVERIFY2(diff <= 1e-5, qPrintable(QString::number(diff)));
    QCOMPARE(run.predicted, argmaxRows(expected, 3));
}

// A tabular run: the raw feature values go in, (raw - mean) / std is part of the graph, in double
// like the CSV reader, so the standardized values are the reader's bit for bit.
void TestOnnxExport::tabularStandardization()
{
    const int features = 4;
    ModelSnapshot m = quantizerProbe(QuantizerSpec(), features);
    m.encoding.featureMean = {10.0, -3.5, 0.001, 1e4};
    m.encoding.featureScale = {2.5, 0.3, 1.0, 1234.5};
    const QString file = path(QStringLiteral("tabular.onnx"));
    const Status s = writeOnnx(m, file);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QString error;
    const QJsonObject info = pythonCheck(file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(info.value(QStringLiteral("inputs")).toObject(),
        QJsonObject({{QStringLiteral("image"), QJsonArray({QStringLiteral("N"), features})}}));

    const QVector<float> raw{12.5f, -3.2f, 0.5f, 9000.0f, 10.0f, -4.0f, -7.25f, 12345.678f};
    QVector<float> expected;
    for (int i = 0; i < raw.size(); ++i)
        expected << float(
            (double(raw[i]) - m.encoding.featureMean[i % features]) / m.encoding.featureScale[i % features]);
    const OrtRun run = runOrt(file, raw, {features});
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    QCOMPARE(run.logits, expected);

    // A snapshot taken without its dataset has no standardization: refused, nothing written.
    m.encoding.featureScale.clear();
    const QString refused = path(QStringLiteral("tabular-refused.onnx"));
    const Status missing = writeOnnx(m, refused);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().contains(QLatin1String("take the snapshot with its dataset")),
        qPrintable(missing.error()));
    QVERIFY(!QFile::exists(refused));
}

void TestOnnxExport::inputQuantizers_data()
{
    QTest::addColumn<QuantizerSpec>("q");
    QTest::addColumn<float>("lsqStep");
    QTest::addColumn<QVector<float>>("in");
    QTest::addColumn<QVector<float>>("out");

    // The sign family: sign(x) with sign(0) = sign(-0) = +1 (x >= 0).
    const QVector<float> signIn{-2.0f, -1.0f, -0.05f, -0.0f, 0.0f, 1e-30f, 0.05f, 0.5f, 3.0f};
    const QVector<float> signOut{-1, -1, -1, 1, 1, 1, 1, 1, 1};
    for (const char *name : {"ste_sign", "approx_sign", "swish_sign", "reste"})
        QTest::newRow(name) << quantizer(QLatin1String(name)) << 0.0f << signIn << signOut;
    QTest::newRow("reste cosine") << quantizer(
        QStringLiteral("reste"), {{QStringLiteral("schedule"), QStringLiteral("cosine")}})
                                  << 0.0f << signIn << signOut;
    QTest::newRow("stochastic_binary (deterministic in evaluation)")
        << quantizer(QStringLiteral("stochastic_binary")) << 0.0f << signIn << signOut;
    // ste_heaviside: 1 where x > 0, else 0 (0 at 0).
    QTest::newRow("ste_heaviside") << quantizer(QStringLiteral("ste_heaviside")) << 0.0f << signIn
                                   << QVector<float>{0, 0, 0, 0, 0, 1, 1, 1, 1};
    // ste_tern, threshold 0.05 (compared in float32): +-0.05 itself maps to 0.
    QTest::newRow("ste_tern 0.05") << quantizer(QStringLiteral(
        "ste_tern")) << 0.0f << QVector<float>{-2.0f, -0.0500001f, -0.05f, 0.0f, 0.05f, 0.0500001f, 0.3f}
                                   << QVector<float>{-1, -1, 0, 0, 0, 1, 1};
    QTest::newRow("ste_tern 0.5") << quantizer(
        QStringLiteral("ste_tern"), {{QStringLiteral("threshold"), 0.5}})
                                  << 0.0f << QVector<float>{-0.75f, -0.5f, 0.25f, 0.5f, 0.75f}
                                  << QVector<float>{-1, 0, 0, 0, 1};
    // dorefa k = 2: round(clip(x, 0, 1) * 3) / 3; 0.5 -> 1.5 -> 2 (half to even).
    QTest::newRow("dorefa k2") << quantizer(QStringLiteral("dorefa")) << 0.0f
                               << QVector<float>{-2.0f, -0.0f, 0.1f, 0.25f, 0.5f, 0.75f, 1.0f, 2.0f}
                               << QVector<float>{0, 0, 0, 1.0f / 3.0f, 2.0f / 3.0f, 2.0f / 3.0f, 1, 1};
    QTest::newRow("dorefa k1") << quantizer(QStringLiteral("dorefa"), {{QStringLiteral("bits"), 1}}) << 0.0f
                               << QVector<float>{0.4f, 0.5f, 0.6f} << QVector<float>{0, 0, 1};
    // fixed_point w4 f1 signed: v = round(2x) (halves to even) clamped to [-8, 7], / 2.
    const auto fixedPoint = [](int word, int frac, bool isSigned, const char *rounding,
                                const char *overflow) {
        return quantizer(QStringLiteral("fixed_point"),
            {{QStringLiteral("word_bits"), word}, {QStringLiteral("frac_bits"), frac},
                {QStringLiteral("signed"), isSigned}, {QStringLiteral("rounding"), QLatin1String(rounding)},
                {QStringLiteral("overflow"), QLatin1String(overflow)}});
    };
    QTest::newRow("fixed_point w4 f1 saturate")
        << fixedPoint(4, 1, true, "nearest", "saturate") << 0.0f
        << QVector<float>{-5.0f, -2.0f, -0.5f, -0.05f, 0.0f, 0.25f, 0.3f, 0.75f, 1.25f, 2.5f, 5.0f}
        << QVector<float>{-4.0f, -2.0f, -0.5f, 0.0f, 0.0f, 0.0f, 0.5f, 1.0f, 1.0f, 2.5f, 3.5f};
    // wrap: (v + 8) mod 16 - 8 (two's complement): 10 -> -6, -10 -> 6, 8 -> -8, -9 -> 7.
    QTest::newRow("fixed_point w4 f1 wrap")
        << fixedPoint(4, 1, true, "nearest", "wrap") << 0.0f
        << QVector<float>{-5.0f, -4.5f, -4.0f, -0.5f, 0.0f, 0.25f, 3.5f, 4.0f, 5.0f}
        << QVector<float>{3.0f, 3.5f, -4.0f, -0.5f, 0.0f, 0.0f, 3.5f, -4.0f, -3.0f};
    // floor, unsigned w3 f0: floor(x) clamped to [0, 7].
    QTest::newRow("fixed_point w3 f0 unsigned floor")
        << fixedPoint(3, 0, false, "floor", "saturate") << 0.0f
        << QVector<float>{-1.0f, -0.5f, 0.0f, 0.5f, 0.99f, 1.0f, 6.9f, 7.5f, 100.0f}
        << QVector<float>{0, 0, 0, 0, 0, 1, 6, 7, 7};
    // uniform k2 on [-1, 1]: s = 3/2, round((clip(x) + 1) * 1.5) / 1.5 - 1.
    QTest::newRow("uniform k2 [-1,1]")
        << quantizer(QStringLiteral("uniform"), {{QStringLiteral("bits"), 2}}) << 0.0f
        << QVector<float>{-2.0f, -1.0f, -0.5f, 0.0f, 0.1f, 0.5f, 1.0f, 5.0f}
        << QVector<float>{-1.0f, -1.0f, 1.0f / 1.5f - 1.0f, 2.0f / 1.5f - 1.0f, 2.0f / 1.5f - 1.0f,
               2.0f / 1.5f - 1.0f, 1.0f, 1.0f};
    // uniform k3 on [0, 6]: s = 7/6 (rounded to float32), round(clip(x) * s) / s.
    const float s = float(7.0 / 6.0);
    QTest::newRow("uniform k3 [0,6]") << quantizer(QStringLiteral("uniform"),
        {{QStringLiteral("bits"), 3}, {QStringLiteral("min"), 0.0}, {QStringLiteral("max"), 6.0}})
                                      << 0.0f << QVector<float>{-1.0f, 0.4f, 1.0f, 3.0f, 6.0f, 9.0f}
                                      << QVector<float>{0.0f, 0.0f, 1.0f / s, 4.0f / s, 7.0f / s, 7.0f / s};
    // lsq k3 signed (Q_N = 4, Q_P = 3), step 0.5: round(clamp(x / 0.5, -4, 3)) * 0.5.
    QTest::newRow("lsq k3 signed") << quantizer(QStringLiteral("lsq"), {{QStringLiteral("bits"), 3}}) << 0.5f
                                   << QVector<float>{-5.0f, -1.0f, -0.3f, 0.0f, 0.1f, 0.25f, 0.75f, 1.6f,
                                          9.0f}
                                   << QVector<float>{-2.0f, -1.0f, -0.5f, 0.0f, 0.0f, 0.0f, 1.0f, 1.5f, 1.5f};
    // lsq k2 unsigned (Q_N = 0, Q_P = 3), step 0.25.
    QTest::newRow("lsq k2 unsigned") << quantizer(
        QStringLiteral("lsq"), {{QStringLiteral("bits"), 2}, {QStringLiteral("signed"), false}})
                                     << 0.25f << QVector<float>{-1.0f, 0.3f, 0.375f, 2.0f}
                                     << QVector<float>{0.0f, 0.25f, 0.5f, 0.75f};
}

// Each expressible input quantizer as the only thing between the raw input and the logits (an
// identity dense layer of a tabular model standardized with mean 0, std 1): onnxruntime-web must
// give the hand-computed values, which QuantBench's own quantizer gives in evaluation mode too.
void TestOnnxExport::inputQuantizers()
{
    QFETCH(QuantizerSpec, q);
    QFETCH(float, lsqStep);
    QFETCH(QVector<float>, in);
    QFETCH(QVector<float>, out);
    QCOMPARE(in.size(), out.size());

    // The hand values are what core/quant computes in evaluation.
    {
        torch::NoGradGuard noGrad;
        const std::unique_ptr<Quantizer> torchQuantizer = makeQuantizer(q);
        torchQuantizer->setTraining(false);
        for (torch::Tensor &p : torchQuantizer->parameters())
            p.fill_(lsqStep);
        const QVector<float> torchOut = valuesOf(torchQuantizer->apply(tensorOf(in, {1, in.size()})));
        QCOMPARE(torchOut, out);
    }

    const ModelSnapshot m = quantizerProbe(q, in.size(), lsqStep);
    const QString file = path(QStringLiteral("quantizer.onnx"));
    const Status s = writeOnnx(m, file);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QString error;
    pythonCheck(file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const OrtRun run = runOrt(file, in, {int(in.size())});
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    QCOMPARE(run.logits, out);
}

void TestOnnxExport::inexpressible_data()
{
    QTest::addColumn<QuantizerSpec>("input");
    QTest::addColumn<QuantizerSpec>("kernel");
    QTest::addColumn<QString>("message");
    const QString inputPrefix
        = QStringLiteral("layer 2 (dense 'fc1'): the input quantizer '%1' cannot be expressed in ONNX: ");
    QTest::newRow("stochastic_binary stochastic_eval")
        << quantizer(QStringLiteral("stochastic_binary"), {{QStringLiteral("stochastic_eval"), true}})
        << QuantizerSpec() << inputPrefix.arg(QStringLiteral("stochastic_binary"));
    QTest::newRow("fixed_point stochastic")
        << quantizer(
               QStringLiteral("fixed_point"), {{QStringLiteral("rounding"), QStringLiteral("stochastic")}})
        << QuantizerSpec() << inputPrefix.arg(QStringLiteral("fixed_point"));
    QTest::newRow("uniform stochastic")
        << quantizer(QStringLiteral("uniform"), {{QStringLiteral("rounding"), QStringLiteral("stochastic")}})
        << QuantizerSpec() << inputPrefix.arg(QStringLiteral("uniform"));
    QTest::newRow("dorefa weights mode")
        << quantizer(QStringLiteral("dorefa"), {{QStringLiteral("mode"), QStringLiteral("weights")}})
        << QuantizerSpec() << inputPrefix.arg(QStringLiteral("dorefa"));
    QTest::newRow("kernel fixed_point stochastic")
        << QuantizerSpec()
        << quantizer(
               QStringLiteral("fixed_point"), {{QStringLiteral("rounding"), QStringLiteral("stochastic")}})
        << QStringLiteral(
               "layer 2 (dense 'fc1'): the kernel quantizer 'fixed_point' cannot be expressed in ONNX: ");
}

// A quantizer that draws at random in evaluation, or depends on the whole batch, has no ONNX form:
// the error names the layer as the user sees it (1-based, type and name) and the quantizer, and no
// file appears, not even a temporary one.
void TestOnnxExport::inexpressible()
{
    QFETCH(QuantizerSpec, input);
    QFETCH(QuantizerSpec, kernel);
    QFETCH(QString, message);
    LayerSnapshot dropout = plainLayer(LayerType::Dropout, 0, TensorShape::flat(4), TensorShape::flat(4));
    LayerSnapshot dense = denseLayer(1, 4, 4, identity(4));
    dense.spec.name = QStringLiteral("fc1");
    dense.spec.inputQuantizer = input;
    dense.spec.kernelQuantizer = kernel;
    ModelSnapshot m = quantizerProbe(QuantizerSpec(), 4);
    m.layers = {dropout, dense};
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("refused.onnx"));
    const Status s = writeOnnx(m, file);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().startsWith(message), qPrintable(s.error()));
    QVERIFY(s.error().size() > message.size() + 10); // and says why
    QVERIFY(!QFile::exists(file));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

void TestOnnxExport::exportAndCompare(const QString &dbPath, qint64 runId, const Dataset &dataset,
    const QString &idxImages, const QString &label, double logitTolerance)
{
    QElapsedTimer timer;
    timer.start();
    ExperimentStore store;
    const Status opened = store.open(dbPath);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    const auto model = TrainedModel::fromRun(store, runId);
    QVERIFY2(model, qPrintable(model.error()));
    const auto record = store.run(runId);
    QVERIFY2(record, qPrintable(record.error()));
    auto snapshot = (*model)->snapshot(&dataset);
    QVERIFY2(snapshot, qPrintable(snapshot.error()));
    snapshot->runId = runId;
    snapshot->runName = record->name;

    const QString file = path(label + QStringLiteral(".onnx"));
    const Status written = writeOnnx(*snapshot, file);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    QString error;
    const QJsonObject info = pythonCheck(file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonObject meta = info.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(meta.value(QStringLiteral("run_id")).toString(), QString::number(runId));
    QCOMPARE(meta.value(QStringLiteral("dataset")).toString(), dataset.name);
    QVERIFY(!meta.value(QStringLiteral("quantbench_version")).toString().isEmpty());
    const double exportSeconds = timer.nsecsElapsed() / 1e9;

    const int samples = dataset.test.count;
    timer.restart();
    const auto predicted = (*model)->predict(dataset.test, 0);
    QVERIFY2(predicted, qPrintable(predicted.error()));
    const auto logits = (*model)->logits(dataset.test, 0);
    QVERIFY2(logits, qPrintable(logits.error()));
    const double torchSeconds = timer.nsecsElapsed() / 1e9;
    QCOMPARE(predicted->size(), samples);
    QCOMPARE(logits->size(), samples * snapshot->classes);

    const OrtRun run = runOrt(file, idxImages, QString());
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    QCOMPARE(run.classes, snapshot->classes);
    QCOMPARE(run.predicted.size(), samples);

    int agree = 0, correct = 0;
    for (int i = 0; i < samples; ++i) {
        agree += run.predicted[i] == (*predicted)[i] ? 1 : 0;
        correct += run.predicted[i] == int(dataset.test.labels[std::size_t(i)]) ? 1 : 0;
    }
    double maxAbs = 0.0;
    for (int i = 0; i < logits->size(); ++i)
        maxAbs = std::max(maxAbs, std::abs(double(run.logits[i]) - double((*logits)[i])));
    const double maxRel = maxRelativeDiff(run.logits, *logits);
    qInfo("%s: %d/%d test images get the same class in onnxruntime-web as TrainedModel::predict; accuracy "
          "%.4f; max |logit diff| %.3g (relative %.3g); export %.2f s, torch predict+logits %.2f s, "
          "onnxruntime-web %.2f s, model %lld bytes",
        qPrintable(label), agree, samples, double(correct) / samples, maxAbs, maxRel, exportSeconds,
        torchSeconds, run.seconds, QFileInfo(file).size());
    QCOMPARE(agree, samples);
    QVERIFY2(maxRel <= logitTolerance, qPrintable(QString::number(maxRel)));
    // The model learned something: a test that passes on an untrained network proves little.
    QVERIFY2(double(correct) / samples >= 0.5, qPrintable(QString::number(double(correct) / samples)));
}

// The small binarized network of the trained-run tests (conv with +-1 weights -> batch norm -> max
// pool -> flatten -> dense with sign input and +-1 weights), two epochs on synthetic bands.
void TestOnnxExport::trainedSmallRun()
{
    QTemporaryDir dir;
    const testdata::TrainedRun run = testdata::trainSmallRun(dir.path());
    QVERIFY2(run.runId > 0, qPrintable(run.error));
    const auto dataset = DatasetLocator::load(QStringLiteral("mnist"), run.dataDir);
    QVERIFY2(dataset, qPrintable(dataset.error()));
    exportAndCompare(run.dbPath, run.runId, *dataset, run.dataDir + QStringLiteral("/t10k-images-idx3-ubyte"),
        QStringLiteral("small-bnn"), 1e-4);
}

void TestOnnxExport::fashionMnist_data()
{
    QTest::addColumn<QString>("preset");
    QTest::newRow("larq-mnist-bnn") << QStringLiteral("larq-mnist-bnn");
    QTest::newRow("cnn-mnist") << QStringLiteral("cnn-mnist");
}

// Acceptance on the real Fashion-MNIST: one epoch on 2,000 training images (2 threads), then all
// 10,000 test images through the export.
void TestOnnxExport::fashionMnist()
{
    QFETCH(QString, preset);
    const QString dataDir = QStringLiteral("/usr/share/datasets/fashion-mnist");
    if (!QDir(dataDir).exists())
        QSKIP("Fashion-MNIST not installed (scripts/setup.sh installs dataset-fashion-mnist)");
    QString images = dataDir + QStringLiteral("/t10k-images-idx3-ubyte.gz");
    if (!QFile::exists(images))
        images.chop(3);
    if (!m_fashion) {
        auto loaded = DatasetLocator::load(QStringLiteral("fashion-mnist"), dataDir);
        QVERIFY2(loaded, qPrintable(loaded.error()));
        m_fashion = *loaded;
    }
    QElapsedTimer timer;
    timer.start();
    const QString db = path(preset + QStringLiteral(".sqlite"));
    const RunOutcome outcome = testdata::trainFashionPreset(preset, *m_fashion, db);
    QVERIFY2(outcome.problem == RunOutcome::Problem::None, qPrintable(outcome.error));
    qInfo("%s: trained 1 epoch on 2000 images in %.1f s", qPrintable(preset), timer.nsecsElapsed() / 1e9);
    exportAndCompare(db, outcome.runId, *m_fashion, images, preset, 1e-4);
}

QTEST_GUILESS_MAIN(TestOnnxExport)
#include "tst_onnxexport.moc"
