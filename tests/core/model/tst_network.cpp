// The torch network built from a spec: shapes, weight clip, effective weights, save/load.
#include "model/modelsummary.h"
#include "model/network_p.h"
#include "spec/networkvalidator.h"
#include "spec/presetlibrary.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace qb;

namespace {

LayerSpec conv(int filters, int k, int stride, Padding padding)
{
    LayerSpec l;
    l.type = LayerType::Conv2D;
    l.filters = filters;
    l.kernelH = l.kernelW = k;
    l.strideH = l.strideW = stride;
    l.padding = padding;
    return l;
}

} // namespace

class TestNetwork : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::manual_seed(7); }
    void presetsBuildAndMatchInferredShapes_data();
    void presetsBuildAndMatchInferredShapes();
    void samePaddingWithStrideMatchesValidator();
    void weightClipAfterStep();
    void effectiveWeightsAreSigns();
    void batchNormWithoutScaleHasNoGamma();
    void saveAndLoadRoundTrip();
    void loadRejectsWrongFile();
    void larqSummaryCounts();
};

void TestNetwork::presetsBuildAndMatchInferredShapes_data()
{
    QTest::addColumn<QString>("preset");
    for (const QString &name : PresetLibrary::names())
        QTest::newRow(qPrintable(name)) << name;
}

void TestNetwork::presetsBuildAndMatchInferredShapes()
{
    QFETCH(QString, preset);
    auto spec = PresetLibrary::load(preset);
    QVERIFY2(spec.ok(), qPrintable(spec.error()));
    auto net = NetworkModule::build(*spec);
    QVERIFY2(net.ok(), qPrintable(net.error()));
    const ValidationReport report = NetworkValidator::validate(*spec);
    torch::NoGradGuard noGrad;
    (*net)->eval();
    std::vector<int64_t> inputShape{3};
    for (int d : spec->input.dims)
        inputShape.push_back(d);
    torch::Tensor x = torch::randn(inputShape);
    for (int i = 0; i < (*net)->layerCount(); ++i) {
        x = (*net)->layer(i).forward(x);
        std::vector<int64_t> expected{3};
        for (int d : report.outputShapes[i].dims)
            expected.push_back(d);
        QCOMPARE(x.sizes().vec(), expected);
    }
}

void TestNetwork::samePaddingWithStrideMatchesValidator()
{
    // 7x7 input, kernel 3, stride 2, TF "same": out = ceil(7/2) = 4, padding total 2 (1 + 1);
    // 8x8 input: out 4, padding total 1 -> asymmetric (0 top, 1 bottom).
    for (int size : {7, 8}) {
        NetworkSpec spec;
        spec.input = TensorShape::image(2, size, size);
        spec.layers << conv(5, 3, 2, Padding::Same);
        LayerSpec flat;
        flat.type = LayerType::Flatten;
        spec.layers << flat;
        const ValidationReport report = NetworkValidator::validate(spec);
        QVERIFY2(report.ok(), qPrintable(report.message(spec)));
        QCOMPARE(report.outputShapes[0], TensorShape::image(5, 4, 4));
        auto net = NetworkModule::build(spec);
        QVERIFY(net.ok());
        QCOMPARE((*net)->forward(torch::randn({1, 2, size, size})).sizes().vec(), (std::vector<int64_t>{1, 80}));
    }
}

void TestNetwork::weightClipAfterStep()
{
    auto spec = PresetLibrary::load(QStringLiteral("larq-mnist-bnn"));
    QVERIFY(spec.ok());
    auto built = NetworkModule::build(*spec);
    QVERIFY(built.ok());
    NetworkModule &net = **built;
    // A huge learning rate pushes latent weights far outside [-1, 1] in one SGD step.
    torch::optim::SGD sgd(net.parameters(), torch::optim::SGDOptions(1000.0));
    net.train();
    torch::Tensor logits = net.forward(torch::randn({8, 1, 28, 28}));
    torch::nn::functional::cross_entropy(logits, torch::randint(0, 10, {8})).backward();
    sgd.step();
    double maxBefore = 0.0;
    for (const auto &p : net.named_parameters()) {
        if (p.key().find("weight") != std::string::npos)
            maxBefore = std::max(maxBefore, p.value().abs().max().item<double>());
    }
    QVERIFY2(maxBefore > 1.0, "the step should have left weights outside the clip range");
    net.applyConstraints();
    for (const auto &p : net.named_parameters()) {
        if (p.key().find("weight") != std::string::npos)
            QVERIFY2(p.value().abs().max().item<double>() <= 1.0, p.key().c_str());
    }
}

void TestNetwork::effectiveWeightsAreSigns()
{
    auto spec = PresetLibrary::load(QStringLiteral("larq-mnist-bnn"));
    auto net = NetworkModule::build(*spec);
    QVERIFY(net.ok());
    torch::Tensor w = (*net)->layer(0).effectiveWeight();
    QVERIFY(w.defined());
    QVERIFY(torch::equal(w.abs(), torch::ones_like(w)));
    QVERIFY(!(*net)->layer(1).effectiveWeight().defined()); // maxpool has none
}

void TestNetwork::batchNormWithoutScaleHasNoGamma()
{
    auto spec = PresetLibrary::load(QStringLiteral("larq-mnist-bnn"));
    auto net = NetworkModule::build(*spec);
    QVERIFY(net.ok());
    const auto params = (*net)->layer(2).named_parameters();
    QCOMPARE(int(params.size()), 1);
    QCOMPARE(QString::fromStdString(params.begin()->key()), QStringLiteral("beta"));
    QCOMPARE(int((*net)->layer(2).named_buffers().size()), 2);
}

void TestNetwork::saveAndLoadRoundTrip()
{
    QTemporaryDir dir;
    auto spec = PresetLibrary::load(QStringLiteral("cnn-mnist"));
    auto a = NetworkModule::build(*spec);
    auto b = NetworkModule::build(*spec);
    QVERIFY(a.ok() && b.ok());
    const QString path = dir.filePath(QStringLiteral("w.pt"));
    QVERIFY((*a)->save(path).ok());
    const Status loaded = (*b)->load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    torch::NoGradGuard noGrad;
    (*a)->eval();
    (*b)->eval();
    torch::Tensor x = torch::randn({4, 1, 28, 28});
    QVERIFY(torch::equal((*a)->forward(x), (*b)->forward(x)));
}

void TestNetwork::loadRejectsWrongFile()
{
    QTemporaryDir dir;
    auto bnn = NetworkModule::build(*PresetLibrary::load(QStringLiteral("larq-mnist-bnn")));
    auto cnn = NetworkModule::build(*PresetLibrary::load(QStringLiteral("lab-cnn")));
    const QString path = dir.filePath(QStringLiteral("bnn.pt"));
    QVERIFY((*bnn)->save(path).ok());
    const Status s = (*cnn)->load(path);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(path), qPrintable(s.error()));
    const QString garbage = dir.filePath(QStringLiteral("garbage.pt"));
    QFile f(garbage);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a torch archive");
    f.close();
    const Status g = (*cnn)->load(garbage);
    QVERIFY(!g.ok());
    QVERIFY2(g.error().contains(garbage), qPrintable(g.error()));
}

void TestNetwork::larqSummaryCounts()
{
    // Hand count for Larq's MNIST BNN (REFERENCE.md conventions):
    // 1-bit weights: 3*3*1*32 + 3*3*32*64 + 3*3*64*64 + 576*64 + 64*10 = 288+18432+36864+36864+640
    // 32-bit: 2 per BatchNorm channel: 2*(32+64+64+64+10) = 468
    // MACs: conv1 (float input) 288*26*26 = 194688 at 32 bit; 1-bit: 18432*11*11 + 36864*3*3 + 36864 + 640
    auto summary = ModelSummary::compute(*PresetLibrary::load(QStringLiteral("larq-mnist-bnn")));
    QVERIFY(summary.ok());
    QCOMPARE(summary->totalParams.value(1), qint64(93088));
    QCOMPARE(summary->totalParams.value(32), qint64(468));
    QCOMPARE(summary->totalMacs.value(32), qint64(194688));
    QCOMPARE(summary->totalMacs.value(1), qint64(2230272 + 331776 + 36864 + 640));
    QCOMPARE(summary->layers[0].inputBits, 0);
    QCOMPARE(summary->layers[3].inputBits, 1);
    // (93088 + 468*32) bits / 8 / 1024
    QVERIFY(qAbs(summary->modelSizeKiB - (93088.0 + 468 * 32) / 8192.0) < 1e-9);
    QVERIFY(qAbs(summary->float32SizeKiB - (93088.0 + 468) * 32 / 8192.0) < 1e-9);
}

QTEST_GUILESS_MAIN(TestNetwork)
#include "tst_network.moc"
