// quantbench-cli bench: a quick run on a small synthetic Fashion-MNIST folder gives the documented
// JSON fields, and the bit-packed evaluation agrees with the float path on every image.
#include "clitestutil.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace qbtest;

class TestCliBench : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void quickJsonRun();
    void badUsage();

private:
    QTemporaryDir m_dir;
};

void TestCliBench::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "QB_CLI is not set (run through ctest)");
    QVERIFY(m_dir.isValid());
    writeIdxDataset(m_dir.path(), 2100, 600);
}

void TestCliBench::quickJsonRun()
{
    const CliResult r = runCli({QStringLiteral("bench"), QStringLiteral("--quick"),
        QStringLiteral("--no-reference"), QStringLiteral("--json"), QStringLiteral("--threads"),
        QStringLiteral("2"), QStringLiteral("--data-dir"), m_dir.path()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QList<QJsonObject> lines = r.jsonLines();
    QCOMPARE(lines.size(), 1);
    const QJsonObject j = lines.first();
    QCOMPARE(j.value(QStringLiteral("threads")).toInt(), 2);
    QCOMPARE(j.value(QStringLiteral("test_images")).toInt(), 600);
    const QJsonObject ceiling = j.value(QStringLiteral("ceiling")).toObject();
    QVERIFY(ceiling.value(QStringLiteral("gemm_gflops")).toDouble() > 0.0);
    QVERIFY(ceiling.value(QStringLiteral("conv_gflops")).toDouble() > 0.0);

    const QJsonArray training = j.value(QStringLiteral("training")).toArray();
    QCOMPARE(training.size(), 7);
    QStringList seen;
    for (const QJsonValue &v : training) {
        const QJsonObject t = v.toObject();
        seen << QStringLiteral("%1/%2")
                    .arg(t.value(QStringLiteral("preset")).toString())
                    .arg(t.value(QStringLiteral("batch_size")).toInt());
        QVERIFY(t.value(QStringLiteral("samples_per_s")).toDouble() > 0.0);
        QVERIFY(t.value(QStringLiteral("gflops")).toDouble() > 0.0);
        QVERIFY(t.value(QStringLiteral("share_of_conv_ceiling")).toDouble() > 0.0);
    }
    QCOMPARE(seen,
        QStringList({QStringLiteral("larq-mnist-bnn/64"), QStringLiteral("larq-mnist-bnn/256"),
            QStringLiteral("cnn-mnist/64"), QStringLiteral("cnn-mnist/256"), QStringLiteral("snn-fc-mnist/128"),
            QStringLiteral("bsnn-fmnist/128"), QStringLiteral("snn-conv-mnist/128")}));

    const QJsonObject e = j.value(QStringLiteral("evaluation")).toObject();
    QCOMPARE(e.value(QStringLiteral("images")).toInt(), 600);
    QCOMPARE(e.value(QStringLiteral("differing_predictions")).toInt(-1), 0);
    QCOMPARE(e.value(QStringLiteral("logits_identical")).toBool(), true);
    QVERIFY(e.value(QStringLiteral("float_images_per_s")).toDouble() > 0.0);
    QVERIFY(e.value(QStringLiteral("bitpacked_images_per_s")).toDouble() > 0.0);
    // The four binary-input layers of larq-mnist-bnn run bit-packed; the first conv (float input,
    // binary weights) runs the binary-weight kernel.
    const QJsonArray packed = e.value(QStringLiteral("bitpacked_layers")).toArray();
    QCOMPARE(packed.size(), 4);
    QVERIFY(!packed.contains(QStringLiteral("0_conv2d")));
    QCOMPARE(e.value(QStringLiteral("binary_weight_layers")).toArray(), QJsonArray{QStringLiteral("0_conv2d")});
    // The per-layer profile covers every layer, with times on both paths.
    const QJsonArray profile = e.value(QStringLiteral("profile")).toArray();
    QCOMPARE(profile.size(), 14);
    QVERIFY(profile.at(0).toObject().value(QStringLiteral("float_seconds")).toDouble() > 0.0);
    // The binarized layers run fused: the run's time is counted on its first layer, the others
    // of the run show none.
    QVERIFY(e.value(QStringLiteral("fused")).toBool());
    QVERIFY(profile.at(0).toObject().value(QStringLiteral("bitpacked_seconds")).toDouble() > 0.0);
    QCOMPARE(profile.at(3).toObject().value(QStringLiteral("bitpacked_seconds")).toDouble(), 0.0);

    const QJsonObject m = j.value(QStringLiteral("montecarlo")).toObject();
    QCOMPARE(m.value(QStringLiteral("chips")).toInt(), 5);
    QCOMPARE(m.value(QStringLiteral("images_per_chip")).toInt(), 600);
    QVERIFY(m.value(QStringLiteral("chips_per_s")).toDouble() > 0.0);
    QCOMPARE(m.value(QStringLiteral("bitpacked_layers")).toArray().size(), 4);
    QCOMPARE(m.value(QStringLiteral("binary_weight_layers")).toArray().size(), 1);

    QVERIFY(j.value(QStringLiteral("peak_rss_mib")).toDouble() > 10.0);
    QCOMPARE(j.value(QStringLiteral("reference")).toObject().value(QStringLiteral("skipped")).toBool(), true);
    QCOMPARE(j.value(QStringLiteral("snn_reference")).toObject().value(QStringLiteral("skipped")).toBool(), true);
}

void TestCliBench::badUsage()
{
    QCOMPARE(runCli({QStringLiteral("bench"), QStringLiteral("--threads"), QStringLiteral("0")}).exitCode, 2);
    const CliResult missing = runCli({QStringLiteral("bench"), QStringLiteral("--no-reference"),
        QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("nothing-here"))});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(!missing.err.isEmpty());
    QCOMPARE(runCli({QStringLiteral("bench"), QStringLiteral("--reference"),
                        m_dir.filePath(QStringLiteral("no.py")), QStringLiteral("--data-dir"), m_dir.path()})
                 .exitCode,
        2);
}

QTEST_GUILESS_MAIN(TestCliBench)
#include "tst_clibench.moc"
