// diffSpecs: the leaves in which two experiment specs differ (core/spec/specdiff).

#include "spec/experimentspec.h"
#include "spec/presetlibrary.h"
#include "spec/specdiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace qb;

namespace {

QJsonObject parse(const char *json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

/// "path | before | after", one per difference, so a failure shows the whole list.
QStringList describe(const QList<SpecDifference> &differences)
{
    QStringList lines;
    for (const SpecDifference &d : differences)
        lines.append(d.path + QStringLiteral(" | ") + d.before + QStringLiteral(" | ") + d.after);
    return lines;
}

} // namespace

class TestSpecDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diff_data();
    void diff();
    void presetSpecs();
    void valueText_data();
    void valueText();
};

void TestSpecDiff::diff_data()
{
    QTest::addColumn<QJsonObject>("a");
    QTest::addColumn<QJsonObject>("b");
    QTest::addColumn<QStringList>("expected");

    const QString absent = specAbsentText();

    QTest::newRow("identical")
        << parse(R"({"train":{"learning_rate":0.001},"network":{"layers":[{"type":"dense"}]}})")
        << parse(R"({"network":{"layers":[{"type":"dense"}]},"train":{"learning_rate":0.001}})")
        << QStringList();
    QTest::newRow("int equals double") << parse(R"({"x":1})") << parse(R"({"x":1.0})") << QStringList();
    QTest::newRow("learning rate") << parse(R"({"train":{"learning_rate":0.001,"epochs":6}})")
                                   << parse(R"({"train":{"learning_rate":0.0005,"epochs":6}})")
                                   << QStringList{QStringLiteral("train.learning_rate | 0.001 | 0.0005")};
    QTest::newRow("quantizer in one layer")
        << parse(R"({"network":{"layers":[{"type":"conv2d","kernel_quantizer":{"name":"ste_sign","clip":1}},
                    {"type":"maxpool"},
                    {"type":"dense","kernel_quantizer":{"name":"ste_sign","clip":1},"units":10}]}})")
        << parse(R"({"network":{"layers":[{"type":"conv2d","kernel_quantizer":{"name":"ste_sign","clip":1}},
                    {"type":"maxpool"},
                    {"type":"dense","kernel_quantizer":{"name":"approx_sign","clip":1.5},"units":10}]}})")
        << QStringList{QStringLiteral("network.layers[2].kernel_quantizer.clip | 1 | 1.5"),
               QStringLiteral("network.layers[2].kernel_quantizer.name | ste_sign | approx_sign")};
    QTest::newRow("quantizer added") << parse(R"({"layers":[{"kernel_quantizer":null}]})")
                                     << parse(R"({"layers":[{"kernel_quantizer":{"name":"ste_sign"}}]})")
                                     << QStringList{QStringLiteral(
                                            "layers[0].kernel_quantizer | null | {\"name\":\"ste_sign\"}")};
    QTest::newRow("nested objects") << parse(R"({"a":{"b":{"c":{"d":1,"e":"x"}},"f":true}})")
                                    << parse(R"({"a":{"b":{"c":{"d":2,"e":"x"}},"f":false}})")
                                    << QStringList{QStringLiteral("a.b.c.d | 1 | 2"),
                                           QStringLiteral("a.f | true | false")};
    QTest::newRow("absent keys") << parse(R"({"train":{"seed":42,"epochs":6}})")
                                 << parse(R"({"train":{"epochs":6,"threads":4},"name":"run"})")
                                 << QStringList{QStringLiteral("name | %1 | run").arg(absent),
                                        QStringLiteral("train.seed | 42 | %1").arg(absent),
                                        QStringLiteral("train.threads | %1 | 4").arg(absent)};
    QTest::newRow("absent object") << parse(R"({})") << parse(R"({"input":{"channels":1}})")
                                   << QStringList{
                                          QStringLiteral("input | %1 | {\"channels\":1}").arg(absent)};
    QTest::newRow("type change") << parse(R"({"padding":"same"})") << parse(R"({"padding":2})")
                                 << QStringList{QStringLiteral("padding | same | 2")};
    QTest::newRow("array by index") << parse(R"({"kernel":[3,3]})") << parse(R"({"kernel":[3,5,1]})")
                                    << QStringList{QStringLiteral("kernel[1] | 3 | 5"),
                                           QStringLiteral("kernel[2] | %1 | 1").arg(absent)};
    QTest::newRow("unnamed layer inserted")
        << parse(R"({"layers":[{"type":"dense"},{"type":"flatten"}]})")
        << parse(R"({"layers":[{"type":"dense"},{"type":"dropout"},{"type":"flatten"}]})")
        << QStringList{QStringLiteral("layers[1].type | flatten | dropout"),
               QStringLiteral("layers[2] | %1 | {\"type\":\"flatten\"}").arg(absent)};
    QTest::newRow("named layer inserted")
        << parse(
               R"({"layers":[{"name":"conv_1","type":"conv2d"},{"name":"dense_1","type":"dense","units":10}]})")
        << parse(R"({"layers":[{"name":"conv_1","type":"conv2d"},{"name":"drop","type":"dropout"},
                     {"name":"dense_1","type":"dense","units":12}]})")
        << QStringList{QStringLiteral("layers[name=dense_1].units | 10 | 12"),
               QStringLiteral("layers[name=drop] | %1 | {\"name\":\"drop\",\"type\":\"dropout\"}")
                   .arg(absent)};
    QTest::newRow("named layer removed")
        << parse(R"({"layers":[{"name":"a","type":"dense"},{"name":"b","type":"flatten"}]})")
        << parse(R"({"layers":[{"name":"b","type":"flatten"}]})")
        << QStringList{
               QStringLiteral("layers[name=a] | {\"name\":\"a\",\"type\":\"dense\"} | %1").arg(absent)};
    QTest::newRow("named layers reordered compare by index")
        << parse(R"({"layers":[{"name":"a"},{"name":"b"}]})")
        << parse(R"({"layers":[{"name":"b"},{"name":"a"}]})")
        << QStringList{QStringLiteral("layers[0].name | a | b"), QStringLiteral("layers[1].name | b | a")};
    QTest::newRow("duplicate names compare by index")
        << parse(R"({"layers":[{"name":"a","units":1},{"name":"a","units":2}]})")
        << parse(R"({"layers":[{"name":"a","units":1},{"name":"a","units":3}]})")
        << QStringList{QStringLiteral("layers[1].units | 2 | 3")};
}

void TestSpecDiff::diff()
{
    QFETCH(QJsonObject, a);
    QFETCH(QJsonObject, b);
    QFETCH(QStringList, expected);
    QCOMPARE(describe(diffSpecs(a, b)), expected);
    // Symmetric: the other way round lists the same paths.
    QStringList reversedPaths;
    for (const SpecDifference &d : diffSpecs(b, a))
        reversedPaths.append(d.path);
    QStringList paths;
    for (const SpecDifference &d : diffSpecs(a, b))
        paths.append(d.path);
    std::sort(paths.begin(), paths.end());
    std::sort(reversedPaths.begin(), reversedPaths.end());
    QCOMPARE(reversedPaths, paths);
}

void TestSpecDiff::presetSpecs()
{
    // Two real experiment specs that differ in the learning rate and one layer's kernel quantizer.
    auto network = PresetLibrary::load(QStringLiteral("cnn-mnist"));
    QVERIFY2(network.ok(), qPrintable(network.error()));
    ExperimentSpec a;
    a.network = *network;
    ExperimentSpec b = a;
    QVERIFY(diffSpecs(a.toJson(), b.toJson()).isEmpty());
    b.train.learningRate = 0.01;
    b.network.layers[4].kernelQuantizer.name = QStringLiteral("ste_sign");
    b.network.layers[4].kernelQuantizer.params.insert(QStringLiteral("clip"), 1.0);
    const QList<SpecDifference> differences = diffSpecs(a.toJson(), b.toJson());
    QCOMPARE(describe(differences),
        (QStringList{
            QStringLiteral("network.layers[4].kernel_quantizer | null | {\"clip\":1,\"name\":\"ste_sign\"}"),
            QStringLiteral("train.learning_rate | 0.001 | 0.01")}));
}

void TestSpecDiff::valueText_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("integer") << QJsonValue(64) << QStringLiteral("64");
    QTest::newRow("whole double") << QJsonValue(2.0) << QStringLiteral("2");
    QTest::newRow("fraction") << QJsonValue(0.25) << QStringLiteral("0.25");
    QTest::newRow("no trailing zeros") << QJsonValue(0.1) << QStringLiteral("0.1");
    QTest::newRow("negative") << QJsonValue(-1.5) << QStringLiteral("-1.5");
    QTest::newRow("small") << QJsonValue(1e-7) << QStringLiteral("1e-07");
    QTest::newRow("learning rate") << QJsonValue(0.0005) << QStringLiteral("0.0005");
    QTest::newRow("large") << QJsonValue(123456.5) << QStringLiteral("123456.5");
    QTest::newRow("bool") << QJsonValue(false) << QStringLiteral("false");
    QTest::newRow("string") << QJsonValue(QStringLiteral("relu")) << QStringLiteral("relu");
    QTest::newRow("null") << QJsonValue() << QStringLiteral("null");
    QTest::newRow("array") << QJsonValue(QJsonArray{3, 3}) << QStringLiteral("[3,3]");
}

void TestSpecDiff::valueText()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, text);
    QCOMPARE(specValueText(value), text);
}

QTEST_GUILESS_MAIN(TestSpecDiff)
#include "tst_specdiff.moc"
