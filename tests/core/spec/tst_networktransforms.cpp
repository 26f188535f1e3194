// The whole-network rewrites of core/spec/networktransforms.cpp, checked against the presets.

#include "noise/noisecatalog.h"
#include "spec/networktransforms.h"
#include "spec/networkvalidator.h"
#include "spec/presetlibrary.h"

#include <QtTest>

using namespace qb;

namespace {

NetworkSpec preset(const QString &name)
{
    Result<NetworkSpec> spec = PresetLibrary::load(name);
    if (!spec)
        qFatal("cannot load preset %s: %s", qPrintable(name), qPrintable(spec.error()));
    return spec.value();
}

QList<LayerSpec> weighted(const NetworkSpec &network)
{
    QList<LayerSpec> result;
    for (const LayerSpec &l : network.layers) {
        if (l.hasWeights())
            result << l;
    }
    return result;
}

int quantizedCount(const NetworkSpec &network)
{
    int n = 0;
    for (const LayerSpec &l : network.layers)
        n += l.isQuantized() ? 1 : 0;
    return n;
}

} // namespace

class TestNetworkTransforms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void baselineTwin_data();
    void baselineTwin();
    void baselineKeepsFloatNetwork();
    void binarizeCnnMatchesLarqPreset();
    void binarizeKeepsEverythingElse();
    void binarizeIsIdempotent();
    void weightNoiseAdded();
    void weightNoiseReplacesSigma();
    void weightNoiseKeepsOtherModels();
};

void TestNetworkTransforms::baselineTwin_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("larq-mnist-bnn") << QStringLiteral("larq-mnist-bnn");
    QTest::newRow("larq-bnn-cmos") << QStringLiteral("larq-bnn-cmos");
    QTest::newRow("cifar10-fixedpoint") << QStringLiteral("cifar10-fixedpoint");
    QTest::newRow("mlp-binary") << QStringLiteral("mlp-binary");
}

void TestNetworkTransforms::baselineTwin()
{
    QFETCH(QString, name);
    const NetworkSpec original = preset(name);
    QVERIFY(quantizedCount(original) > 0);
    const NetworkSpec baseline = qb::withoutQuantization(original);

    QCOMPARE(baseline.name, original.name + QStringLiteral(" (float baseline)"));
    QCOMPARE(baseline.layers.size(), original.layers.size());
    QCOMPARE(quantizedCount(baseline), 0);
    for (int i = 0; i < baseline.layers.size(); ++i) {
        const LayerSpec &b = baseline.layers[i];
        const LayerSpec &o = original.layers[i];
        QCOMPARE(b.type, o.type);
        QVERIFY(b.inputQuantizer.isNone());
        QVERIFY(b.kernelQuantizer.isNone());
        QCOMPARE(b.kernelClip, 0.0);
        QVERIFY(b.nonidealities.isEmpty());
        // Only the quantization fields differ.
        LayerSpec restored = b;
        restored.inputQuantizer = o.inputQuantizer;
        restored.kernelQuantizer = o.kernelQuantizer;
        restored.kernelClip = o.kernelClip;
        restored.nonidealities = o.nonidealities;
        QCOMPARE(restored, o);
    }
    const ValidationReport before = NetworkValidator::validate(original);
    const ValidationReport after = NetworkValidator::validate(baseline);
    QVERIFY2(after.ok(), qPrintable(after.message(baseline)));
    QCOMPARE(after.outputShapes, before.outputShapes);
    // The input stays untouched.
    QCOMPARE(original, preset(name));
}

void TestNetworkTransforms::baselineKeepsFloatNetwork()
{
    const NetworkSpec cnn = preset(QStringLiteral("cnn-mnist"));
    NetworkSpec baseline = qb::withoutQuantization(cnn);
    QCOMPARE(baseline.layers, cnn.layers);
    baseline.name = cnn.name;
    QCOMPARE(baseline, cnn);
}

void TestNetworkTransforms::binarizeCnnMatchesLarqPreset()
{
    const NetworkSpec cnn = preset(QStringLiteral("cnn-mnist"));
    QCOMPARE(quantizedCount(cnn), 0);
    const NetworkSpec binary = binarizeHiddenLayers(cnn);

    const ValidationReport report = NetworkValidator::validate(binary);
    QVERIFY2(report.ok(), qPrintable(report.message(binary)));
    QCOMPARE(report.outputShapes, NetworkValidator::validate(cnn).outputShapes);
    QCOMPARE(quantizedCount(binary), 5); // 3 conv + 2 dense

    // The quantizers are spelled exactly as in Larq's preset, layer for layer.
    const QList<LayerSpec> ours = weighted(binary);
    const QList<LayerSpec> larq = weighted(preset(QStringLiteral("larq-mnist-bnn")));
    QCOMPARE(ours.size(), larq.size());
    for (int i = 0; i < ours.size(); ++i) {
        QCOMPARE(ours[i].inputQuantizer, larq[i].inputQuantizer);
        QCOMPARE(ours[i].kernelQuantizer, larq[i].kernelQuantizer);
        QCOMPARE(ours[i].kernelClip, larq[i].kernelClip);
    }
    QVERIFY(ours.first().inputQuantizer.isNone());
    QCOMPARE(ours.first().kernelQuantizer.name, QStringLiteral("ste_sign"));
    for (int i = 1; i < ours.size(); ++i)
        QCOMPARE(ours[i].inputQuantizer.name, QStringLiteral("ste_sign"));
}

void TestNetworkTransforms::binarizeKeepsEverythingElse()
{
    const NetworkSpec lab = preset(QStringLiteral("lab-cnn"));
    const NetworkSpec binary = binarizeHiddenLayers(lab);
    QCOMPARE(binary.name, lab.name);
    QCOMPARE(binary.layers.size(), lab.layers.size());
    for (int i = 0; i < lab.layers.size(); ++i) {
        if (!lab.layers[i].hasWeights())
            QCOMPARE(binary.layers[i], lab.layers[i]);
        else
            QCOMPARE(binary.layers[i].useBias, lab.layers[i].useBias);
    }
    QVERIFY(NetworkValidator::validate(binary).ok());
    // The float baseline of the binarized twin is the original again.
    NetworkSpec back = withoutQuantization(binary);
    back.name = lab.name;
    QCOMPARE(back, lab);
}

void TestNetworkTransforms::binarizeIsIdempotent()
{
    const NetworkSpec larq = preset(QStringLiteral("larq-mnist-bnn"));
    QCOMPARE(binarizeHiddenLayers(larq), larq);
    const NetworkSpec once = binarizeHiddenLayers(preset(QStringLiteral("mlp-binary")));
    QCOMPARE(binarizeHiddenLayers(once), once);
    QCOMPARE(weighted(once).first().kernelQuantizer.name, QStringLiteral("ste_sign"));
}

void TestNetworkTransforms::weightNoiseAdded()
{
    const NetworkSpec larq = preset(QStringLiteral("larq-mnist-bnn"));
    const NetworkSpec noisy = withWeightNoise(larq, 0.05);
    QVERIFY(NetworkValidator::validate(noisy).ok());
    const NoiseInfo *info = NoiseCatalog::find(QStringLiteral("weight_noise"));
    QVERIFY(info);
    int noisyLayers = 0;
    for (int i = 0; i < noisy.layers.size(); ++i) {
        const LayerSpec &l = noisy.layers[i];
        if (!l.hasWeights()) {
            QCOMPARE(l, larq.layers[i]);
            continue;
        }
        ++noisyLayers;
        QCOMPARE(l.nonidealities.size(), 1);
        const NoiseSpec &n = l.nonidealities.first();
        QCOMPARE(n.model, QStringLiteral("weight_noise"));
        QCOMPARE(n.phase, NoisePhase::Both);
        QCOMPARE(n.number(QStringLiteral("sigma"), -1), 0.05);
        QVERIFY2(NoiseCatalog::check(n).isEmpty(), qPrintable(NoiseCatalog::check(n)));
        // Every parameter the catalogue describes is written out.
        for (const NoiseParam &p : info->params)
            QVERIFY2(n.params.contains(p.key), qPrintable(p.key));
        QCOMPARE(n.flag(QStringLiteral("relative"), false), true);
        QCOMPARE(n.text(QStringLiteral("on"), QString()), QStringLiteral("effective"));
    }
    QCOMPARE(noisyLayers, 5);
}

void TestNetworkTransforms::weightNoiseReplacesSigma()
{
    const NetworkSpec preset0 = preset(QStringLiteral("larq-bnn-weight-noise"));
    const NetworkSpec changed = withWeightNoise(preset0, 0.2);
    const NetworkSpec twice = withWeightNoise(changed, 0.3);
    for (int i = 0; i < twice.layers.size(); ++i) {
        const LayerSpec &l = twice.layers[i];
        if (!l.hasWeights())
            continue;
        QCOMPARE(l.nonidealities.size(), 1);
        const NoiseSpec &n = l.nonidealities.first();
        QCOMPARE(n.number(QStringLiteral("sigma"), -1), 0.3);
        // The preset's own settings survive.
        QCOMPARE(n.flag(QStringLiteral("relative"), true), false);
        QCOMPARE(n.text(QStringLiteral("on"), QString()), QStringLiteral("latent"));
    }
    QCOMPARE(withWeightNoise(preset0, 0.01), preset0);
}

void TestNetworkTransforms::weightNoiseKeepsOtherModels()
{
    const NetworkSpec cmos = preset(QStringLiteral("larq-bnn-cmos"));
    const NetworkSpec noisy = withWeightNoise(cmos, 0.02);
    for (int i = 0; i < noisy.layers.size(); ++i) {
        const LayerSpec &l = noisy.layers[i];
        if (!l.hasWeights())
            continue;
        const LayerSpec &o = cmos.layers[i];
        QCOMPARE(l.nonidealities.size(), o.nonidealities.size() + 1);
        QCOMPARE(l.nonidealities.mid(0, o.nonidealities.size()), o.nonidealities);
        QCOMPARE(l.nonidealities.last().model, QStringLiteral("weight_noise"));
    }
    QVERIFY(NetworkValidator::validate(noisy).ok());
}

QTEST_GUILESS_MAIN(TestNetworkTransforms)
#include "tst_networktransforms.moc"
