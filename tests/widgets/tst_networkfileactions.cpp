// The File menu's experiment actions (widgets/networkfileactions.cpp): an experiment saved from
// the GUI is the file quantbench-cli train --experiment reads, and opening one restores the
// network and hands the training settings and dataset on.
#include "widgets/training/trainingtestutil.h"

#include "document/networkdocument.h"
#include "networkfileactions.h"
#include "spec/experimentspec.h"
#include "spec/presetlibrary.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace qb;

class TestNetworkFileActions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void menuOffersExperiments();
    void saveThenOpenRestoresEverything();
    void theCliTrainsTheSavedExperiment();
};

namespace {

/// What the training panel would hold: settings that differ from every default.
ExperimentSpec panelSettings(const NetworkDocument &document)
{
    ExperimentSpec e;
    e.name = QStringLiteral("tiny, reproduced");
    e.network = document.network();
    e.dataset = QStringLiteral("mnist");
    e.train.optimizer = OptimizerKind::Sgd;
    e.train.learningRate = 0.0123;
    e.train.momentum = 0.8;
    e.train.batchSize = 16;
    e.train.epochs = 1;
    e.train.seed = 99;
    e.train.threads = 1;
    e.train.trainLimit = 64;
    e.train.testLimit = 32;
    return e;
}

} // namespace

void TestNetworkFileActions::menuOffersExperiments()
{
    NetworkDocument document;
    QWidget window;
    NetworkFileActions actions(&document, &window);
    QMenu menu;
    actions.populate(&menu);
    QStringList texts;
    for (QAction *action : menu.actions())
        texts << action->text().remove(QLatin1Char('&'));
    QVERIFY2(texts.contains(QStringLiteral("Open experiment…")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY2(texts.contains(QStringLiteral("Save experiment…")), qPrintable(texts.join(QLatin1Char('|'))));
}

void TestNetworkFileActions::saveThenOpenRestoresEverything()
{
    QTemporaryDir dir;
    NetworkDocument document;
    document.reset(qbtest::tinyNetwork());
    QWidget window;
    NetworkFileActions actions(&document, &window);
    QList<ExperimentSpec> applied;
    actions.setExperimentHooks([&document] { return panelSettings(document); },
        [&applied](const ExperimentSpec &e) { applied.append(e); });
    const ExperimentSpec saved = panelSettings(document);

    const QString path = dir.filePath(QStringLiteral("tiny-experiment.json"));
    QVERIFY(actions.saveExperimentTo(path));
    // The CLI's reader sees network and training settings.
    const Result<ExperimentSpec> read = ExperimentSpec::fromFile(path);
    QVERIFY2(read, qPrintable(read.error()));
    QCOMPARE(*read, saved);

    document.reset(*PresetLibrary::load(QStringLiteral("cnn-mnist")));
    QVERIFY(actions.openExperimentFile(path));
    QCOMPARE(document.network(), qbtest::tinyNetwork());
    QVERIFY(!document.isModified());
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.first(), saved);
}

void TestNetworkFileActions::theCliTrainsTheSavedExperiment()
{
    if (qbtest::cliPath().isEmpty())
        QSKIP("QB_CLI is not set (run through ctest)");
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("mnist"));
    QVERIFY(QDir().mkpath(data));
    QVERIFY(qbtest::writeQuadrantMnist(data, 200, 100));
    NetworkDocument document;
    document.reset(qbtest::tinyNetwork(8));
    QWidget window;
    NetworkFileActions actions(&document, &window);
    actions.setExperimentHooks([&document] { return panelSettings(document); }, {});
    const QString path = dir.filePath(QStringLiteral("experiment.json"));
    QVERIFY(actions.saveExperimentTo(path));

    const qbtest::CliResult result = qbtest::runCli(
        {QStringLiteral("train"), QStringLiteral("--experiment"), path, QStringLiteral("--data-dir"), data,
            QStringLiteral("--db"), dir.filePath(QStringLiteral("h.sqlite")), QStringLiteral("--json")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QList<QJsonObject> lines = result.jsonLines();
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.last().value(QStringLiteral("event")).toString(), QStringLiteral("done"));
    // One epoch, as the saved settings say (the CLI's default is more).
    int epochs = 0;
    for (const QJsonObject &line : lines)
        epochs += line.value(QStringLiteral("event")).toString() == QLatin1String("epoch") ? 1 : 0;
    QCOMPARE(epochs, 1);
}

int main(int argc, char *argv[])
{
    qbtest::isolatedHome();
    QApplication app(argc, argv);
    TestNetworkFileActions test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_networkfileactions.moc"
