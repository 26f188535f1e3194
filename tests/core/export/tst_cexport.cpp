// The C export (export/cwriter.h) read by an independent reader, the C compiler: the generated
// library must compile warning-free as strict C99 and its command-line tool must reproduce
// logits computed here by a plain reference implementation (hand-built networks).
#include "core/train/trainedrun.h"

#include "data/datasetlocator.h"
#include "data/idxreader.h"
#include "export/cwriter.h"
#include "model/modelsummary.h"
#include "spec/presetlibrary.h"
#include "store/experimentstore.h"
#include "train/trainedmodel.h"

#include <torch/torch.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <random>

using namespace qb;

namespace {

// ---- building snapshots by hand ----

QuantizerSpec signQuantizer()
{
    QuantizerSpec q;
    q.name = QStringLiteral("ste_sign");
    return q;
}

QVector<float> randomSigns(std::mt19937 &rng, int count)
{
    QVector<float> v(count);
    for (float &x : v)
        x = (rng() & 1) ? 1.0f : -1.0f;
    return v;
}

QVector<float> randomFloats(std::mt19937 &rng, int count, float lo, float hi)
{
    std::uniform_real_distribution<float> d(lo, hi);
    QVector<float> v(count);
    for (float &x : v)
        x = d(rng);
    return v;
}

LayerSnapshot conv(const TensorShape &in, int filters, int kernel, int stride, int padTop, int padBottom,
    QVector<float> weights, bool signInput, QVector<float> bias = {})
{
    LayerSnapshot l;
    l.spec.type = LayerType::Conv2D;
    l.spec.filters = filters;
    l.spec.kernelH = l.spec.kernelW = kernel;
    l.spec.strideH = l.spec.strideW = stride;
    l.spec.useBias = !bias.isEmpty();
    if (signInput)
        l.spec.inputQuantizer = signQuantizer();
    l.input = in;
    l.strideH = l.strideW = stride;
    l.padTop = l.padLeft = padTop;
    l.padBottom = l.padRight = padBottom;
    const int oh = (in.height() + padTop + padBottom - kernel) / stride + 1;
    const int ow = (in.width() + padTop + padBottom - kernel) / stride + 1;
    l.output = TensorShape::image(filters, oh, ow);
    l.weightShape = {filters, in.channels(), kernel, kernel};
    l.effective = l.latent = std::move(weights);
    l.bias = std::move(bias);
    l.signInput = signInput;
    l.binaryWeights = std::all_of(
        l.effective.begin(), l.effective.end(), [](float v) { return v == 1.0f || v == -1.0f; });
    return l;
}

LayerSnapshot dense(
    int inFeatures, int units, QVector<float> weights, bool signInput, QVector<float> bias = {})
{
    LayerSnapshot l;
    l.spec.type = LayerType::Dense;
    l.spec.units = units;
    l.spec.useBias = !bias.isEmpty();
    if (signInput)
        l.spec.inputQuantizer = signQuantizer();
    l.input = TensorShape::flat(inFeatures);
    l.output = TensorShape::flat(units);
    l.weightShape = {units, inFeatures};
    l.effective = l.latent = std::move(weights);
    l.bias = std::move(bias);
    l.signInput = signInput;
    l.binaryWeights = std::all_of(
        l.effective.begin(), l.effective.end(), [](float v) { return v == 1.0f || v == -1.0f; });
    return l;
}

LayerSnapshot plain(LayerType type, const QString &name = QString())
{
    LayerSnapshot l;
    l.spec.type = type;
    l.spec.name = name;
    return l;
}

LayerSnapshot pool(LayerType type, int size, int stride, int padding)
{
    LayerSnapshot l = plain(type);
    l.spec.poolH = l.spec.poolW = size;
    l.spec.poolStrideH = l.spec.poolStrideW = stride;
    l.spec.padding = padding > 0 ? Padding::Explicit : Padding::Valid;
    l.spec.paddingAmount = padding;
    l.poolH = l.poolW = size;
    l.strideH = l.strideW = stride;
    l.padTop = l.padBottom = l.padLeft = l.padRight = padding;
    return l;
}

LayerSnapshot batchNorm(std::mt19937 &rng, int channels, bool withScale)
{
    LayerSnapshot l = plain(LayerType::BatchNorm);
    l.runningMean = randomFloats(rng, channels, -0.5f, 0.5f);
    l.runningVar = randomFloats(rng, channels, 0.2f, 2.0f);
    if (withScale)
        l.gamma = randomFloats(rng, channels, -1.5f, 1.5f);
    l.beta = randomFloats(rng, channels, -0.5f, 0.5f);
    return l;
}

ModelSnapshot model(const TensorShape &input, int classes, QList<LayerSnapshot> layers)
{
    ModelSnapshot m;
    m.runName = QStringLiteral("hand-built */ \"net\"");
    m.inputShape = input;
    m.classes = classes;
    for (int c = 0; c < classes; ++c)
        m.classNames << QStringLiteral("class \"%1\" ñ").arg(c);
    for (int i = 0; i < layers.size(); ++i)
        layers[i].index = i;
    m.layers = std::move(layers);
    m.quantbenchVersion = QStringLiteral("test");
    return m;
}

// ---- a plain reference of the network's evaluation (float tensors, CHW) ----

struct Tensor
{
    int c = 0, h = 1, w = 1;
    QVector<float> v;
    float &at(int ch, int y, int x) { return v[(ch * h + y) * w + x]; }
    float at(int ch, int y, int x) const { return v[(ch * h + y) * w + x]; }
};

float encodePixel(std::uint8_t p)
{
    const volatile float scaled = float(p) * (2.0f / 255.0f);
    return scaled + -1.0f;
}

/// Torch's conv2d as its oneDNN kernels compute it here: zero padding, every output from its bias
/// (or +0) adding w * x for every tap (padding taps too) in (row, column, channel) order.
Tensor refConv(const Tensor &in, const LayerSnapshot &l)
{
    const int o = l.weightShape[0], k = l.weightShape[2];
    Tensor out{o, l.output.height(), l.output.width(), {}};
    out.v.resize(o * out.h * out.w);
    for (int f = 0; f < o; ++f)
        for (int y = 0; y < out.h; ++y)
            for (int x = 0; x < out.w; ++x) {
                float acc = l.bias.isEmpty() ? 0.0f : l.bias[f];
                for (int ky = 0; ky < k; ++ky)
                    for (int kx = 0; kx < k; ++kx)
                        for (int c = 0; c < in.c; ++c) {
                            const int iy = y * l.strideH - l.padTop + ky, ix = x * l.strideW - l.padLeft + kx;
                            const bool inside = iy >= 0 && iy < in.h && ix >= 0 && ix < in.w;
                            const volatile float product = l.effective[((f * in.c + c) * k + ky) * k + kx]
                                * (inside ? in.at(c, iy, ix) : 0.0f);
                            acc += product;
                        }
                out.at(f, y, x) = acc;
            }
    return out;
}

Tensor refDense(const Tensor &in, const LayerSnapshot &l)
{
    const int units = l.weightShape[0], features = l.weightShape[1];
    Tensor out{units, 1, 1, QVector<float>(units)};
    for (int u = 0; u < units; ++u) {
        float acc = 0.0f;
        for (int i = 0; i < features; ++i) {
            const volatile float product = l.effective[u * features + i] * in.v[i];
            acc += product;
        }
        if (!l.bias.isEmpty())
            acc += l.bias[u];
        out.v[u] = acc;
    }
    return out;
}

Tensor refPool(const Tensor &in, const LayerSnapshot &l)
{
    const int k = l.spec.poolH, s = l.spec.poolStrideH, p = l.spec.paddingAmount;
    Tensor out{in.c, (in.h + 2 * p - k) / s + 1, (in.w + 2 * p - k) / s + 1, {}};
    out.v.resize(out.c * out.h * out.w);
    for (int c = 0; c < in.c; ++c)
        for (int y = 0; y < out.h; ++y)
            for (int x = 0; x < out.w; ++x) {
                float best = -INFINITY, sum = 0.0f;
                int count = 0;
                for (int ky = 0; ky < k; ++ky)
                    for (int kx = 0; kx < k; ++kx) {
                        const int iy = y * s - p + ky, ix = x * s - p + kx;
                        if (iy < 0 || iy >= in.h || ix < 0 || ix >= in.w)
                            continue;
                        best = std::max(best, in.at(c, iy, ix));
                        sum += in.at(c, iy, ix);
                        ++count;
                    }
                out.at(c, y, x) = l.spec.type == LayerType::MaxPool ? best : sum / float(count);
            }
    return out;
}

/// The batch norm as QuantBench evaluates it: its thresholds decide the sign when it has them (the
/// output is then +-1, which is all the next sign quantizer reads), its table gives the outputs
/// for integers, else torch's CPU formula: fma(x, alpha, fma(-mean, alpha, beta)).
Tensor refBatchNorm(const Tensor &in, const LayerSnapshot &l)
{
    Tensor out = in;
    const int plane = in.h * in.w;
    for (int c = 0; c < in.c; ++c)
        for (int i = 0; i < plane; ++i) {
            const float x = in.v[c * plane + i];
            float &y = out.v[c * plane + i];
            if (l.signThresholds) {
                y = l.signThresholds->scale[c] * x >= l.signThresholds->threshold[c] ? 1.0f : -1.0f;
            } else if (l.table) {
                const int k = l.table->dotLength;
                y = l.table->values[c * (2 * k + 1) + int(x) + k];
            } else {
                const float invstd = 1.0f / std::sqrt(l.runningVar[c] + float(l.epsilon));
                const float alpha = l.gamma.isEmpty() ? invstd : invstd * l.gamma[c];
                y = std::fma(
                    x, alpha, std::fma(-l.runningMean[c], alpha, l.beta.isEmpty() ? 0.0f : l.beta[c]));
            }
        }
    return out;
}

QVector<float> reference(const ModelSnapshot &m, const std::uint8_t *pixels)
{
    Tensor t{m.inputShape.channels(), m.inputShape.height(), m.inputShape.width(), {}};
    for (qint64 i = 0; i < m.inputShape.elementCount(); ++i)
        t.v << encodePixel(pixels[i]);
    for (const LayerSnapshot &l : m.layers) {
        if (l.signInput)
            for (float &x : t.v)
                x = x >= 0.0f ? 1.0f : -1.0f;
        switch (l.spec.type) {
        case LayerType::Conv2D:
            t = refConv(t, l);
            break;
        case LayerType::Dense:
            t = refDense(t, l);
            break;
        case LayerType::MaxPool:
        case LayerType::AvgPool:
            t = refPool(t, l);
            break;
        case LayerType::BatchNorm:
            t = refBatchNorm(t, l);
            break;
        case LayerType::Flatten:
            t = Tensor{int(t.v.size()), 1, 1, t.v};
            break;
        case LayerType::Activation:
            for (float &x : t.v) {
                if (l.spec.function == ActivationFunction::ReLU)
                    x = x < 0.0f ? 0.0f : x;
                else if (l.spec.function == ActivationFunction::HardTanh)
                    x = std::clamp(x, -1.0f, 1.0f);
                else if (l.spec.function == ActivationFunction::Tanh)
                    x = std::tanh(x);
            }
            break;
        case LayerType::Dropout:
            break;
        }
    }
    return t.v;
}

// ---- the C side ----

/// Compiles the library and its tool strictly; empty on success, else the compiler's messages.
QString compileC(const QString &dir, const QString &prefix, const QStringList &extra = {},
    const QString &compiler = QStringLiteral("cc"))
{
    QProcess cc;
    cc.setWorkingDirectory(dir);
    cc.setProcessChannelMode(QProcess::MergedChannels);
    cc.start(compiler,
        QStringList{QStringLiteral("-std=c99"), QStringLiteral("-O2"), QStringLiteral("-Wall"),
            QStringLiteral("-Wextra"), QStringLiteral("-Werror"), QStringLiteral("-pedantic")}
            + extra
            + QStringList{prefix + QStringLiteral(".c"), prefix + QStringLiteral("_main.c"),
                QStringLiteral("-lm"), QStringLiteral("-o"), prefix + QStringLiteral("_main")});
    if (!cc.waitForFinished(300000))
        return QStringLiteral("cc did not finish: ") + cc.errorString();
    const QString out = QString::fromLocal8Bit(cc.readAll());
    if (cc.exitStatus() != QProcess::NormalExit || cc.exitCode() != 0)
        return out.isEmpty() ? QStringLiteral("cc failed") : out;
    return {};
}

void appendBigEndian(QByteArray &bytes, quint32 v)
{
    char b[4];
    qToBigEndian(v, b);
    bytes.append(b, 4);
}

/// Uncompressed IDX files of `count` samples of shape `dims` (without the count) and labels.
bool writeIdx(const QString &imagesPath, const QString &labelsPath, const QVector<int> &dims,
    const QByteArray &pixels, const QByteArray &labels)
{
    QByteArray images, labelFile;
    appendBigEndian(images, 0x800u + quint32(dims.size() + 1));
    appendBigEndian(images, quint32(labels.size()));
    for (int d : dims)
        appendBigEndian(images, quint32(d));
    images += pixels;
    appendBigEndian(labelFile, 0x801u);
    appendBigEndian(labelFile, quint32(labels.size()));
    labelFile += labels;
    QFile fi(imagesPath), fl(labelsPath);
    return fi.open(QIODevice::WriteOnly) && fi.write(images) == images.size() && fl.open(QIODevice::WriteOnly)
        && fl.write(labelFile) == labelFile.size();
}

struct MainRun
{
    QString error;
    QString out;
    QVector<float> logits;
    QByteArray predictions;
};

MainRun runMain(const QString &dir, const QString &prefix, const QString &images, const QString &labels,
    int classes, const QStringList &extra = {})
{
    MainRun r;
    const QString logitsPath = QDir(dir).filePath(QStringLiteral("logits.f32"));
    const QString predictionsPath = QDir(dir).filePath(QStringLiteral("predictions.u8"));
    QProcess p;
    p.start(QDir(dir).filePath(prefix + QStringLiteral("_main")),
        QStringList{images, labels, QStringLiteral("--logits"), logitsPath, QStringLiteral("--predictions"),
            predictionsPath}
            + extra);
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        r.error = QStringLiteral("the tool failed: ") + QString::fromLocal8Bit(p.readAllStandardError());
        return r;
    }
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    QFile lf(logitsPath), pf(predictionsPath);
    if (!lf.open(QIODevice::ReadOnly) || !pf.open(QIODevice::ReadOnly)) {
        r.error = QStringLiteral("no output files");
        return r;
    }
    const QByteArray bytes = lf.readAll();
    r.logits.resize(bytes.size() / qsizetype(sizeof(float)));
    std::memcpy(r.logits.data(), bytes.constData(), size_t(r.logits.size()) * sizeof(float));
    r.predictions = pf.readAll();
    if (r.logits.size() != r.predictions.size() * classes)
        r.error
            = QStringLiteral("%1 logits for %2 predictions").arg(r.logits.size()).arg(r.predictions.size());
    return r;
}

int firstArgmax(const float *v, int n)
{
    int best = 0;
    for (int k = 1; k < n; ++k)
        if (v[k] > v[best])
            best = k;
    return best;
}

QByteArray randomPixels(std::mt19937 &rng, qint64 count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    for (char &b : bytes)
        b = char(rng() & 0xff);
    return bytes;
}

/// Hexadecimal bits of a float, for messages.
QString bitsOf(float f)
{
    quint32 b;
    std::memcpy(&b, &f, 4);
    return QStringLiteral("%1 (0x%2)").arg(double(f), 0, 'g', 9).arg(b, 8, 16, QLatin1Char('0'));
}

/// QB_CEXPORT_KEEP=1 keeps the generated folders for a look (their paths are printed).
void keepIfAsked(QTemporaryDir &dir)
{
    if (qEnvironmentVariableIsEmpty("QB_CEXPORT_KEEP"))
        return;
    dir.setAutoRemove(false);
    qInfo("generated C kept in %s", qPrintable(dir.path()));
}

/// The images/s figure of the tool's --bench line (-1: none).
double imagesPerSecond(const QString &out)
{
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("images/s ([0-9.]+)")).match(out);
    return m.hasMatch() ? m.captured(1).toDouble() : -1.0;
}

/// A trained run exported, compiled and run on a test split.
struct ExportedRun
{
    QString error;
    CLibrarySources sources;
    MainRun run;
    QVector<float> expectedLogits; ///< TrainedModel::logits
    QVector<int> expectedPredictions; ///< TrainedModel::predict
    int sameLogits = 0; ///< samples whose logits are bit-identical
    int samePredictions = 0;
};

/// Exports `model` (snapshot with `dataset`), compiles it strictly (plus `flags`), runs the tool on
/// `images`/`labels` (uncompressed IDX of `split`) and compares with QuantBench's logits and classes.
ExportedRun exportAndCompare(const TrainedModel &model, const Dataset &dataset, const DatasetSplit &split,
    const QString &dir, const QString &images, const QString &labels, const QStringList &toolArgs = {})
{
    ExportedRun r;
    Result<ModelSnapshot> snapshot = model.snapshot(&dataset);
    if (!snapshot) {
        r.error = snapshot.error();
        return r;
    }
    snapshot->runName = model.spec().network.name;
    const QString prefix = QStringLiteral("qb_model");
    Result<CLibrarySources> sources = generateCLibrary(*snapshot, prefix);
    if (!sources) {
        r.error = sources.error();
        return r;
    }
    r.sources = *sources;
    if (const Status s = writeCLibrary(*snapshot, dir, prefix); !s) {
        r.error = s.error();
        return r;
    }
    if (const QString compiled = compileC(dir, prefix); !compiled.isEmpty()) {
        r.error = compiled;
        return r;
    }
    r.run = runMain(dir, prefix, images, labels, snapshot->classes, toolArgs);
    if (!r.run.error.isEmpty()) {
        r.error = r.run.error;
        return r;
    }
    const Result<QVector<float>> logits = model.logits(split, 0);
    const Result<QVector<int>> predictions = model.predict(split, 0);
    if (!logits || !predictions) {
        r.error = logits ? predictions.error() : logits.error();
        return r;
    }
    r.expectedLogits = *logits;
    r.expectedPredictions = *predictions;
    const int classes = snapshot->classes;
    if (r.run.logits.size() != r.expectedLogits.size() || r.run.predictions.size() != split.count) {
        r.error = QStringLiteral("%1 logits from C, %2 from QuantBench")
                      .arg(r.run.logits.size())
                      .arg(logits->size());
        return r;
    }
    for (int n = 0; n < split.count; ++n) {
        r.sameLogits += std::memcmp(r.run.logits.constData() + n * classes,
                            r.expectedLogits.constData() + n * classes, sizeof(float) * size_t(classes))
            == 0;
        r.samePredictions += int(std::uint8_t(r.run.predictions[n])) == r.expectedPredictions[n];
    }
    return r;
}

/// The test split of `dataset` as uncompressed IDX files in `dir`.
bool writeTestSplit(const Dataset &dataset, const QString &images, const QString &labels)
{
    const DatasetSplit &t = dataset.test;
    return writeIdx(images, labels,
        t.channels == 1 ? QVector<int>{t.height, t.width} : QVector<int>{t.channels, t.height, t.width},
        QByteArray(reinterpret_cast<const char *>(t.pixels.data()), qsizetype(t.pixels.size())),
        QByteArray(reinterpret_cast<const char *>(t.labels.data()), qsizetype(t.labels.size())));
}

/// Bytes of the binarized layers' weights at one bit each (the model summary's 1-bit parameters).
Result<qint64> oneBitBytes(const NetworkSpec &network)
{
    const Result<ModelSummary> summary = ModelSummary::compute(network);
    if (!summary)
        return Result<qint64>::failure(summary.error());
    qint64 bits = 0;
    for (const LayerSummary &l : summary->layers)
        bits += l.params.value(1);
    return (bits + 7) / 8;
}

} // namespace

class TestCExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void prefixMustBeACIdentifier_data();
    void prefixMustBeACIdentifier();
    void unsupportedLayersAreNamed();
    void handBinarizedNetMatchesReference();
    void handFloatNetMatchesReference();
    void floatStepsAgainstTorch_data();
    void floatStepsAgainstTorch();
    void trainedRunsOnBands_data();
    void trainedRunsOnBands();
    void fashionMnistAcceptance();

private:
    /// Writes, compiles and runs `m` on `samples` random images; compares with reference().
    void checkAgainstReference(const ModelSnapshot &m, int samples, unsigned seed);
};

void TestCExport::prefixMustBeACIdentifier_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<bool>("valid");
    QTest::newRow("default") << QStringLiteral("qb_model") << true;
    QTest::newRow("digits") << QStringLiteral("Net2_b") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("leading digit") << QStringLiteral("2net") << false;
    QTest::newRow("leading underscore") << QStringLiteral("_net") << false;
    QTest::newRow("keyword") << QStringLiteral("static") << false;
    QTest::newRow("dash") << QStringLiteral("my-net") << false;
    QTest::newRow("space") << QStringLiteral("my net") << false;
    QTest::newRow("non-ascii") << QStringLiteral("réseau") << false;
}

void TestCExport::prefixMustBeACIdentifier()
{
    QFETCH(QString, prefix);
    QFETCH(bool, valid);
    std::mt19937 rng(1);
    const ModelSnapshot m = model(TensorShape::image(1, 2, 2), 2,
        {plain(LayerType::Flatten), dense(4, 2, randomFloats(rng, 8, -1.0f, 1.0f), false)});
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Status s = writeCLibrary(m, dir.path(), prefix);
    QCOMPARE(s.ok(), valid);
    QCOMPARE(isCLibraryPrefix(prefix), valid);
    const QStringList written = QDir(dir.path()).entryList(QDir::Files);
    if (valid) {
        QCOMPARE(written.size(), 3);
        QVERIFY(written.contains(prefix + QStringLiteral(".h")));
        QVERIFY(written.contains(prefix + QStringLiteral("_main.c")));
    } else {
        QVERIFY2(s.error().contains(QStringLiteral("C identifier")), qPrintable(s.error()));
        QVERIFY(written.isEmpty());
    }
}

void TestCExport::unsupportedLayersAreNamed()
{
    std::mt19937 rng(2);
    LayerSnapshot d = dense(4, 2, randomFloats(rng, 8, -1.0f, 1.0f), false);
    d.spec.name = QStringLiteral("head");
    d.spec.inputQuantizer.name = QStringLiteral("lsq");
    const ModelSnapshot m = model(TensorShape::image(1, 2, 2), 2, {plain(LayerType::Flatten), d});
    QTemporaryDir dir;
    const Status s = writeCLibrary(m, dir.path());
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(QStringLiteral("layer 2 (dense 'head')"))
            && s.error().contains(QStringLiteral("lsq")),
        qPrintable(s.error()));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());

    // Wrong class count: the network's output must be the logits.
    const ModelSnapshot wrong = model(TensorShape::image(1, 2, 2), 3,
        {plain(LayerType::Flatten), dense(4, 2, randomFloats(rng, 8, -1.0f, 1.0f), false)});
    const Status w = writeCLibrary(wrong, dir.path());
    QVERIFY(!w.ok());
    QVERIFY2(w.error().contains(QStringLiteral("3 classes")), qPrintable(w.error()));

    ModelSnapshot tabular = m;
    tabular.layers[1].spec.inputQuantizer = QuantizerSpec();
    tabular.encoding.tabular = true;
    const Status t = writeCLibrary(tabular, dir.path());
    QVERIFY2(!t.ok() && t.error().contains(QStringLiteral("tabular")), qPrintable(t.error()));
}

void TestCExport::checkAgainstReference(const ModelSnapshot &m, int samples, unsigned seed)
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    keepIfAsked(dir);
    const QString prefix = QStringLiteral("net");
    const Status s = writeCLibrary(m, dir.path(), prefix);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    // Clang too where installed (it, unlike GCC, reads the standard FP_CONTRACT pragma).
    if (!QStandardPaths::findExecutable(QStringLiteral("clang")).isEmpty()) {
        const QString clang = compileC(dir.path(), prefix, {}, QStringLiteral("clang"));
        QVERIFY2(clang.isEmpty(), qPrintable(clang));
    }
    const QString compiled = compileC(dir.path(), prefix);
    QVERIFY2(compiled.isEmpty(), qPrintable(compiled));

    std::mt19937 rng(seed);
    const qint64 size = m.inputShape.elementCount();
    const QByteArray pixels = randomPixels(rng, size * samples);
    QByteArray labels(samples, 0);
    QVector<float> expected;
    for (int n = 0; n < samples; ++n) {
        const QVector<float> logits
            = reference(m, reinterpret_cast<const std::uint8_t *>(pixels.constData()) + n * size);
        QCOMPARE(logits.size(), m.classes);
        labels[n] = char(firstArgmax(logits.constData(), m.classes));
        expected += logits;
    }
    const QString images = dir.filePath(QStringLiteral("images.idx"));
    const QString labelPath = dir.filePath(QStringLiteral("labels.idx"));
    QVERIFY(writeIdx(images, labelPath, m.inputShape.dims, pixels, labels));
    const MainRun run = runMain(dir.path(), prefix, images, labelPath, m.classes);
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
    QCOMPARE(run.logits.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(std::memcmp(&run.logits[i], &expected[i], sizeof(float)) == 0,
            qPrintable(QStringLiteral("logit %1 of sample %2: C %3, reference %4")
                           .arg(i % m.classes)
                           .arg(i / m.classes)
                           .arg(bitsOf(run.logits[i]), bitsOf(expected[i]))));
    // The labels are the reference's predictions: the tool must find them all.
    QVERIFY2(run.out.contains(QStringLiteral("accuracy 1.0000")), qPrintable(run.out));
}

void TestCExport::handBinarizedNetMatchesReference()
{
    // 1x7x7 -> conv 4 3x3 same (+-1 on floats) -> max pool 2 -> BN (float thresholds) ->
    // conv 40 3x3 same (binarized) -> BN (integer thresholds) -> max pool 2 stride 1 (after the
    // BN: an OR of bits) -> conv 33 2x2 padding 1 (binarized, 2 words per input pixel) -> flatten
    // -> dense 70 (binarized, the sign of integers) -> BN (thresholds on a flat map) -> dropout ->
    // dense 3 (binarized) -> BN (table) -> softmax.
    std::mt19937 rng(7);
    const TensorShape in = TensorShape::image(1, 7, 7);
    QList<LayerSnapshot> layers;
    layers << conv(in, 4, 3, 1, 1, 1, randomSigns(rng, 4 * 9), false);
    layers << pool(LayerType::MaxPool, 2, 2, 0);
    LayerSnapshot bn1 = batchNorm(rng, 4, false);
    SignThresholds floatRule;
    floatRule.scale = {1.0f, -1.0f, 1.0f, 1.0f};
    floatRule.threshold = {0.25f, -0.5f, -INFINITY, NAN};
    bn1.signThresholds = floatRule;
    layers << bn1;
    layers << conv(TensorShape::image(4, 3, 3), 40, 3, 1, 1, 1, randomSigns(rng, 40 * 4 * 9), true);
    LayerSnapshot bn2 = batchNorm(rng, 40, false);
    SignThresholds intRule;
    intRule.integerInput = true;
    intRule.dotLength = 36;
    std::uniform_int_distribution<int> t(-37, 37);
    for (int c = 0; c < 40; ++c) {
        intRule.scale << ((rng() & 1) ? 1.0f : -1.0f);
        intRule.threshold << float(c == 0 ? -36 : c == 1 ? 37 : t(rng) / 4 * 2); // even: reachable sums
    }
    bn2.signThresholds = intRule;
    layers << bn2;
    layers << pool(LayerType::MaxPool, 2, 1, 0);
    layers << conv(TensorShape::image(40, 2, 2), 33, 2, 1, 1, 1, randomSigns(rng, 33 * 40 * 4), true);
    layers << plain(LayerType::Flatten);
    layers << dense(297, 70, randomSigns(rng, 70 * 297), true);
    LayerSnapshot bn3 = batchNorm(rng, 70, false);
    SignThresholds denseRule;
    denseRule.integerInput = true;
    denseRule.dotLength = 297;
    for (int c = 0; c < 70; ++c) {
        denseRule.scale << ((rng() & 1) ? 1.0f : -1.0f);
        denseRule.threshold << float(int(rng() % 11) * 2 - 9); // odd: reachable sums
    }
    bn3.signThresholds = denseRule;
    layers << bn3 << plain(LayerType::Dropout);
    layers << dense(70, 3, randomSigns(rng, 3 * 70), true);
    LayerSnapshot bn4 = batchNorm(rng, 3, false);
    BatchNormTable table;
    table.dotLength = 70;
    table.values = randomFloats(rng, 3 * 141, -5.0f, 5.0f);
    bn4.table = table;
    layers << bn4;
    LayerSnapshot softmax = plain(LayerType::Activation);
    softmax.spec.function = ActivationFunction::Softmax;
    layers << softmax;
    const ModelSnapshot m = model(in, 3, layers);

    const Result<CLibrarySources> sources = generateCLibrary(m, QStringLiteral("bnn"));
    QVERIFY2(sources.ok(), qPrintable(sources.error()));
    // Packed: the first conv's 36 bits in 2 words, conv 40 filters x 9 taps x 1 word, conv 33 x 4
    // taps x 2 words, dense 70 rows x 10 words, dense 3 rows x 3 words.
    QCOMPARE(sources->packedWeightBytes, qint64(4 * (2 + 40 * 9 + 33 * 4 * 2 + 70 * 10 + 3 * 3)));
    QVERIFY(sources->header.contains(
        "#define BNN_PACKED_WEIGHT_BYTES " + QByteArray::number(sources->packedWeightBytes)));
    QVERIFY(sources->source.contains("popcount32"));
    // Thread safety and no dynamic memory: every object defined at file scope is const, and
    // nothing is allocated.
    const QString source = QString::fromUtf8(sources->source);
    const QStringList allowed = {QStringLiteral("static const "), QStringLiteral("const "),
        QStringLiteral("static inline int "), QStringLiteral("static void "), QStringLiteral("static int "),
        QStringLiteral("static float "), QStringLiteral("int bnn_predict")};
    for (const QString &line : source.split(QLatin1Char('\n'))) {
        if (line.isEmpty() || !line.at(0).isLetter())
            continue; // inside a function, a comment, a preprocessor line
        const bool ok = std::any_of(
            allowed.begin(), allowed.end(), [&](const QString &a) { return line.startsWith(a); });
        QVERIFY2(ok
                && (!line.startsWith(QLatin1String("static ")) || line.contains(QLatin1Char('('))
                    || line.startsWith(QLatin1String("static const "))),
            qPrintable(line));
    }
    QVERIFY(!source.contains(QStringLiteral("malloc")));
    checkAgainstReference(m, 300, 11);
}

void TestCExport::handFloatNetMatchesReference()
{
    // 2x9x8 -> conv 5 3x3 stride 2 padding (0, 1) with bias -> ReLU -> avg pool 2 padding 1 ->
    // BN (gamma, beta) -> conv 7 3x3 same (sign input, +-1 weights, bias: float sums from the bias)
    // -> flatten -> dense 12 with bias -> tanh -> dense 6 (+-1 weights on floats) -> hardtanh ->
    // BN -> dense 4 (sign input, ternary weights).
    std::mt19937 rng(5);
    const TensorShape in = TensorShape::image(2, 9, 8);
    QList<LayerSnapshot> layers;
    LayerSnapshot c = conv(in, 5, 3, 2, 0, 1, randomFloats(rng, 5 * 2 * 9, -0.7f, 0.7f), false,
        randomFloats(rng, 5, -0.2f, 0.2f));
    c.output = TensorShape::image(5, 4, 4);
    layers << c;
    LayerSnapshot relu = plain(LayerType::Activation);
    relu.spec.function = ActivationFunction::ReLU;
    layers << relu << pool(LayerType::AvgPool, 2, 2, 1) << batchNorm(rng, 5, true);
    layers << conv(TensorShape::image(5, 3, 3), 7, 3, 1, 1, 1, randomSigns(rng, 7 * 5 * 9), true,
        randomFloats(rng, 7, -0.3f, 0.3f));
    layers << plain(LayerType::Flatten);
    layers << dense(
        63, 12, randomFloats(rng, 12 * 63, -0.5f, 0.5f), false, randomFloats(rng, 12, -0.1f, 0.1f));
    LayerSnapshot tanh = plain(LayerType::Activation);
    tanh.spec.function = ActivationFunction::Tanh;
    layers << tanh << dense(12, 6, randomSigns(rng, 6 * 12), false);
    LayerSnapshot hard = plain(LayerType::Activation);
    hard.spec.function = ActivationFunction::HardTanh;
    layers << hard << batchNorm(rng, 6, true);
    QVector<float> ternary(4 * 6);
    for (float &w : ternary)
        w = float(int(rng() % 3) - 1) * 0.5f;
    layers << dense(6, 4, ternary, true);
    const ModelSnapshot m = model(in, 4, layers);
    const Result<CLibrarySources> sources = generateCLibrary(m);
    QVERIFY2(sources.ok(), qPrintable(sources.error()));
    QCOMPARE(sources->packedWeightBytes, qint64(4 * (10 + 3))); // the +-1 conv (315 bits) and dense (72)
    QVERIFY(!sources->source.contains("popcount32"));
    checkAgainstReference(m, 200, 13);
}

void TestCExport::floatStepsAgainstTorch_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("conv +-1 weights with bias") << 0;
    QTest::newRow("conv +-1 weights") << 1;
    QTest::newRow("batch norm on maps") << 2;
    QTest::newRow("batch norm on features") << 3;
    QTest::newRow("dense float weights") << 4;
    QTest::newRow("conv float weights") << 5;
    QTest::newRow("conv +-1 weights on 3 channels") << 6;
}

void TestCExport::floatStepsAgainstTorch()
{
    QFETCH(int, kind);
    std::mt19937 rng(17 + kind);
    const int batch = 250;
    TensorShape in = kind == 3 ? TensorShape::image(24, 1, 1)
        : kind == 4            ? TensorShape::image(64, 1, 1)
                               : TensorShape::image(kind < 2 ? 1
                                       : kind == 6           ? 3
                                                             : 4,
                        12, 12);
    QList<LayerSnapshot> layers;
    if (kind == 4)
        layers << plain(LayerType::Flatten)
               << dense(
                      64, 10, randomFloats(rng, 640, -0.3f, 0.3f), false, randomFloats(rng, 10, -0.3f, 0.3f));
    else if (kind == 5)
        layers << conv(in, 6, 3, 1, 0, 0, randomFloats(rng, 6 * 4 * 9, -0.4f, 0.4f), false,
            randomFloats(rng, 6, -0.3f, 0.3f));
    else if (kind == 6)
        layers << conv(in, 6, 3, 1, 0, 0, randomSigns(rng, 6 * 3 * 9), false);
    else if (kind < 2)
        layers << conv(in, 6, 3, 1, 0, 0, randomSigns(rng, 6 * 9), false,
            kind == 0 ? randomFloats(rng, 6, -0.3f, 0.3f) : QVector<float>());
    else
        layers << batchNorm(rng, in.channels(), true);
    layers << plain(LayerType::Flatten);
    const int classes = kind == 4 ? 10 : (kind < 2 || kind >= 5) ? 6 * 10 * 10 : int(in.elementCount());
    const ModelSnapshot m = model(in, classes, layers);
    QTemporaryDir dir;
    QVERIFY(writeCLibrary(m, dir.path(), QStringLiteral("net")).ok());
    const QString compiled = compileC(dir.path(), QStringLiteral("net"));
    QVERIFY2(compiled.isEmpty(), qPrintable(compiled));
    const QByteArray pixels = randomPixels(rng, in.elementCount() * batch);
    QVERIFY(writeIdx(dir.filePath(QStringLiteral("i.idx")), dir.filePath(QStringLiteral("l.idx")), in.dims,
        pixels, QByteArray(batch, 0)));
    const MainRun run = runMain(dir.path(), QStringLiteral("net"), dir.filePath(QStringLiteral("i.idx")),
        dir.filePath(QStringLiteral("l.idx")), classes);
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));

    torch::NoGradGuard noGrad;
    std::vector<float> encoded;
    for (char p : pixels)
        encoded.push_back(encodePixel(std::uint8_t(p)));
    torch::Tensor x
        = torch::from_blob(encoded.data(), {batch, in.channels(), in.height(), in.width()}).clone();
    if (kind == 3 || kind == 4)
        x = x.view({batch, in.channels()});
    const LayerSnapshot &l = m.layers[0];
    auto t = [](const QVector<float> &v) {
        return torch::from_blob(const_cast<float *>(v.data()), {v.size()}).clone();
    };
    torch::Tensor y;
    if (kind == 4)
        y = torch::linear(x, t(m.layers[1].effective).view({10, 64}), t(m.layers[1].bias));
    else if (kind == 5)
        y = torch::conv2d(x, t(l.effective).view({6, 4, 3, 3}), t(l.bias));
    else if (kind == 6)
        y = torch::conv2d(x, t(l.effective).view({6, 3, 3, 3}));
    else if (kind < 2)
        y = torch::conv2d(
            x, t(l.effective).view({6, 1, 3, 3}), l.bias.isEmpty() ? torch::Tensor() : t(l.bias));
    else
        y = torch::batch_norm(
            x, t(l.gamma), t(l.beta), t(l.runningMean), t(l.runningVar), false, 0.1, l.epsilon, false);
    y = y.contiguous().view({-1});
    QCOMPARE(y.numel(), qint64(run.logits.size()));
    int differ = 0;
    for (qsizetype i = 0; i < run.logits.size(); ++i)
        differ += y[i].item<float>() != run.logits[i];
    qInfo("%d of %lld values differ from torch's", differ, qlonglong(run.logits.size()));
    // +-1 weights and batch norms: torch's own roundings; float weights: torch multiplies and adds
    // with fused multiply-adds (and BLAS orders its dense sums), the C code does not.
    if (kind < 4 || kind == 6) {
        QCOMPARE(differ, 0);
    } else {
        const torch::Tensor c = torch::from_blob(const_cast<float *>(run.logits.data()), {run.logits.size()});
        const double worst = (c - y).abs().max().item<double>();
        qInfo("largest difference %g", worst);
        QVERIFY(worst < 1e-5);
    }
}

void TestCExport::trainedRunsOnBands_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<bool>("binarized");
    // trainedrun.h's small binarized net: conv with a bias (torch's conv) -> BN -> pool -> dense.
    QTest::newRow("small-bnn") << QString() << true;
    QTest::newRow("larq-mnist-bnn") << QStringLiteral("larq-mnist-bnn") << true;
    QTest::newRow("cnn-mnist") << QStringLiteral("cnn-mnist") << false;
    // Flat input, a fixed-point float layer, then binarized dense layers with 'reste' inputs.
    QTest::newRow("mlp-binary") << QStringLiteral("mlp-binary") << false;
}

void TestCExport::trainedRunsOnBands()
{
    QFETCH(QString, preset);
    QFETCH(bool, binarized);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    keepIfAsked(dir);
    std::optional<NetworkSpec> network;
    if (!preset.isEmpty()) {
        const Result<NetworkSpec> n = PresetLibrary::load(preset);
        QVERIFY2(n, qPrintable(n.error()));
        network = *n;
    }
    const testdata::TrainedRun trained = testdata::trainSmallRun(dir.path(), network ? &*network : nullptr);
    QVERIFY2(trained.runId > 0, qPrintable(trained.error));
    ExperimentStore store;
    QVERIFY(store.open(trained.dbPath));
    const auto model = TrainedModel::fromRun(store, trained.runId);
    QVERIFY2(model, qPrintable(model.error()));
    const Result<Dataset> dataset = DatasetLocator::load(QStringLiteral("mnist"), trained.dataDir);
    QVERIFY2(dataset, qPrintable(dataset.error()));
    const QString out = dir.filePath(QStringLiteral("c"));
    const ExportedRun r = exportAndCompare(**model, *dataset, dataset->test, out,
        trained.dataDir + QStringLiteral("/t10k-images-idx3-ubyte"),
        trained.dataDir + QStringLiteral("/t10k-labels-idx1-ubyte"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    const int count = dataset->test.count;
    qInfo("%s: %d of %d logits rows bit-identical, %d of %d classes the same (%s)",
        qPrintable(QTest::currentDataTag()), r.sameLogits, count, r.samePredictions, count,
        qPrintable(r.run.out.trimmed()));
    if (!binarized) {
        // Float layers sum in another order than torch's BLAS: the classes, not the bits.
        QVERIFY(r.samePredictions >= count * 99 / 100);
        return;
    }
    QCOMPARE(r.samePredictions, count);
    {
        QCOMPARE(r.sameLogits, count);
        QVERIFY(r.sources.source.contains("popcount32"));
    }
}

void TestCExport::fashionMnistAcceptance()
{
    const QString fashion = QStringLiteral("/usr/share/datasets/fashion-mnist");
    if (!QDir(fashion).exists())
        QSKIP("Fashion-MNIST not installed (scripts/setup.sh installs dataset-fashion-mnist)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    keepIfAsked(dir);
    const Result<Dataset> dataset = DatasetLocator::load(QStringLiteral("fashion-mnist"), fashion);
    QVERIFY2(dataset, qPrintable(dataset.error()));
    QCOMPARE(dataset->test.count, 10000);
    const QString images = dir.filePath(QStringLiteral("t10k-images-idx3-ubyte"));
    const QString labels = dir.filePath(QStringLiteral("t10k-labels-idx1-ubyte"));
    QVERIFY(writeTestSplit(*dataset, images, labels));

    for (const QString &preset : {QStringLiteral("larq-mnist-bnn"), QStringLiteral("cnn-mnist")}) {
        const bool binarized = preset == QLatin1String("larq-mnist-bnn");
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        const RunOutcome outcome = testdata::trainFashionPreset(preset, *dataset, db);
        QVERIFY2(outcome.problem == RunOutcome::Problem::None, qPrintable(outcome.error));
        ExperimentStore store;
        QVERIFY(store.open(db));
        const auto model = TrainedModel::fromRun(store, outcome.runId);
        QVERIFY2(model, qPrintable(model.error()));

        const QString out = dir.filePath(preset);
        const ExportedRun r = exportAndCompare(**model, *dataset, dataset->test, out, images, labels,
            binarized ? QStringList{QStringLiteral("--bench")} : QStringList());
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        qInfo("%s on Fashion-MNIST (2000 training images, 1 epoch): C %s; %d of 10000 logits rows "
              "bit-identical, "
              "%d of 10000 classes the same (%.2f%%)",
            qPrintable(preset), qPrintable(r.run.out.section(QLatin1Char('\n'), 0, 0)), r.sameLogits,
            r.samePredictions, 100.0 * r.samePredictions / 10000.0);
        if (!binarized) {
            QVERIFY2(r.samePredictions >= 9990, qPrintable(QString::number(r.samePredictions)));
            continue;
        }
        QCOMPARE(r.sameLogits, 10000);
        QCOMPARE(r.samePredictions, 10000);

        // The packed weights against the model summary's 1-bit memory.
        const Result<qint64> oneBit = oneBitBytes((*model)->snapshot(&*dataset)->experiment.network);
        QVERIFY2(oneBit, qPrintable(oneBit.error()));
        qInfo("workspace (stack) of one classification: %lld bytes", qlonglong(r.sources.workspaceBytes));
        qInfo("packed +-1 weights: %lld bytes; the model summary's 1-bit parameters: %lld bytes (%.1f%%)",
            qlonglong(r.sources.packedWeightBytes), qlonglong(*oneBit),
            100.0 * double(r.sources.packedWeightBytes) / double(*oneBit));
        QVERIFY(*oneBit > 0);
        QVERIFY(r.sources.packedWeightBytes * 100 <= *oneBit * 105);

        // Speed, single-threaded: the C library (the tool's --bench, strict -O2 build and a
        // -march=native one) and QuantBench's evaluation with one torch thread.
        const double cSpeed = imagesPerSecond(r.run.out);
        QVERIFY2(cSpeed > 0, qPrintable(r.run.out));
        double nativeSpeed = -1.0;
        if (compileC(out, QStringLiteral("qb_model"), {QStringLiteral("-march=native")}).isEmpty()) {
            const MainRun native
                = runMain(out, QStringLiteral("qb_model"), images, labels, 10, {QStringLiteral("--bench")});
            nativeSpeed = imagesPerSecond(native.out);
        }
        const int threads = at::get_num_threads();
        at::set_num_threads(1);
        QElapsedTimer timer;
        timer.start();
        const Result<EvalMetrics> metrics = (*model)->evaluate(dataset->test, 0);
        const double seconds = double(timer.nsecsElapsed()) * 1e-9;
        at::set_num_threads(threads);
        QVERIFY2(metrics, qPrintable(metrics.error()));
        qInfo("single-threaded images/s: C library %.0f (cc -O2), %.0f (cc -O2 -march=native); QuantBench "
              "TrainedModel::evaluate %.0f (torch threads 1, accuracy %.4f)",
            cSpeed, nativeSpeed, 10000.0 / seconds, metrics->accuracy);
    }
}

QTEST_GUILESS_MAIN(TestCExport)
#include "tst_cexport.moc"
