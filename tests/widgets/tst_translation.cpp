// The Spanish translation is complete: the catalogue has no unfinished message, and after switching
// to Spanish no visible text of the main views is still the English one.
#include "widgets/training/trainingtestutil.h"

#include "common/qcp.h"
#include "document/networkdocument.h"
#include "editor/networkcanvas.h"
#include "inspector/layerinspector.h"
#include "inspector/nonidealitylisteditor.h"
#include "inspector/quantizereditor.h"
#include "inspector/summarypane.h"
#include "mainwindow.h"
#include "quant/quantizercatalog.h"
#include "spec/experimentspec.h"
#include "store/experimentstore.h"
#include "workbench.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QToolButton>

using namespace qb;

namespace {

/// Texts that are the same in both languages on purpose: names, units, symbols.
const QSet<QString> &sameInBothLanguages()
{
    static const QSet<QString> words = {
        QStringLiteral("QuantBench"),
        QStringLiteral("English"),
        QStringLiteral("Español"),
        QStringLiteral("Adam"),
        QStringLiteral("SGD"),
        QStringLiteral("MNIST"),
        QStringLiteral("Fashion-MNIST"),
        QStringLiteral("CIFAR-10"),
        QStringLiteral("ID"),
        QStringLiteral("KiB"),
        QStringLiteral("tiny"),
        QStringLiteral("Chips"), // Spanish says chips too (the Sweeps tab's per-chip points)
    };
    return words;
}

QString normalized(QString text)
{
    if (Qt::mightBeRichText(text))
        text = QTextDocumentFragment::fromHtml(text).toPlainText();
    text.remove(QLatin1Char('&'));
    return text.simplified();
}

bool isWording(const QString &text)
{
    // Identifiers (ste_sign, dense_1), numbers, shapes and file paths are not wording.
    static const QRegularExpression letters(QStringLiteral("[A-Za-z]{3,}"));
    static const QRegularExpression identifier(QStringLiteral("^[\\w./:×x-]+$"));
    if (!letters.match(text).hasMatch())
        return false;
    if (text.contains(QLatin1Char('_')) || text.startsWith(QLatin1Char('/')))
        return false;
    // Lower-case single tokens are registry and preset names (dense, larq-mnist-bnn), the same in
    // every language; interface wording starts with a capital or has several words.
    static const QRegularExpression registryName(QStringLiteral("^[a-z][a-z0-9-]*$"));
    if (registryName.match(text).hasMatch())
        return false;
    return !(identifier.match(text).hasMatch() && text.contains(QRegularExpression(QStringLiteral("\\d"))));
}

void collectMenu(QMenu *menu, QStringList &out)
{
    out << menu->title();
    for (QAction *action : menu->actions()) {
        if (action->menu())
            collectMenu(action->menu(), out);
        else if (!action->isSeparator())
            out << action->text();
    }
}

/// Every piece of wording the main views show: labels, buttons, group and dock titles, tabs,
/// placeholders, table headers, plot axes, menus.
QSet<QString> visibleTexts(MainWindow *window)
{
    QStringList texts;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (auto *label = qobject_cast<QLabel *>(w))
            texts << label->text();
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            texts << button->text();
        else if (auto *group = qobject_cast<QGroupBox *>(w))
            texts << group->title();
        else if (auto *dock = qobject_cast<QDockWidget *>(w))
            texts << dock->windowTitle();
        else if (auto *edit = qobject_cast<QLineEdit *>(w))
            texts << edit->placeholderText();
        else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                texts << tabs->tabText(i);
        } else if (auto *table = qobject_cast<QTableView *>(w)) {
            if (QAbstractItemModel *model = table->model()) {
                for (int c = 0; c < model->columnCount(); ++c)
                    texts << model->headerData(c, Qt::Horizontal).toString();
            }
        } else if (auto *plot = qobject_cast<QCustomPlot *>(w)) {
            for (QCPAxisRect *rect : plot->axisRects()) {
                for (QCPAxis *axis : rect->axes())
                    texts << axis->label();
            }
        }
    }
    for (QAction *action : window->menuBar()->actions()) {
        if (action->menu())
            collectMenu(action->menu(), texts);
    }
    QSet<QString> result;
    for (const QString &text : std::as_const(texts)) {
        const QString clean = normalized(text);
        if (!clean.isEmpty() && isWording(clean) && !sameInBothLanguages().contains(clean))
            result.insert(clean);
    }
    return result;
}

} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void catalogueIsComplete();
    void spanishChangesEveryVisibleText();
    void catalogueDescriptionsFollowALiveSwitch();
    void pluralsAndNumbersAreSpanish();

private:
    QTemporaryDir m_dir;
};

void TestTranslation::catalogueIsComplete()
{
    QFile ts(qEnvironmentVariable("QB_SOURCE_DIR") + QStringLiteral("/translations/quantbench_es.ts"));
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
    const QString text = QString::fromUtf8(ts.readAll());
    QVERIFY(text.count(QStringLiteral("<message")) > 300);
    const qsizetype unfinished = text.count(QStringLiteral("type=\"unfinished\""));
    QVERIFY2(unfinished == 0, qPrintable(QStringLiteral("%1 messages still untranslated").arg(unfinished)));
}

void TestTranslation::spanishChangesEveryVisibleText()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("history.sqlite"));
    {
        // One finished run, so the history and comparison views have content.
        ExperimentStore store;
        QVERIFY(store.open(db).ok());
        ExperimentSpec spec;
        spec.network = qbtest::tinyNetwork();
        RunRecord run;
        run.name = QStringLiteral("tiny-mlp");
        run.specJson = QString::fromUtf8(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact));
        run.networkName = QStringLiteral("tiny-mlp");
        run.dataset = QStringLiteral("mnist");
        run.epochsPlanned = 1;
        const qint64 id = *store.createRun(run);
        EpochMetrics epoch;
        epoch.epoch = 1;
        epoch.testAccuracy = 0.9;
        epoch.trainAccuracy = 0.9;
        QVERIFY(store.addEpoch(id, epoch).ok());
        QVERIFY(store.finishRun(id, RunStatus::Finished).ok());
    }
    WorkbenchOptions options;
    options.dbPath = db;
    options.language = QStringLiteral("en");
    options.preset = QStringLiteral("larq-mnist-bnn");
    Workbench bench(options);
    bench.show();
    const QSet<QString> english = visibleTexts(bench.window());
    QVERIFY2(english.size() > 80, qPrintable(QString::number(english.size())));

    QVERIFY(bench.setLanguage(QStringLiteral("es")));
    const QSet<QString> spanish = visibleTexts(bench.window());
    QStringList untranslated = QSet<QString>(english).intersect(spanish).values();
    untranslated.sort();
    QVERIFY2(untranslated.isEmpty(),
        qPrintable(QStringLiteral("still in English: ") + untranslated.join(QStringLiteral(" | "))));
    bench.setLanguage(QStringLiteral("en"));
}

void TestTranslation::catalogueDescriptionsFollowALiveSwitch()
{
    WorkbenchOptions options;
    options.dbPath = m_dir.filePath(QStringLiteral("catalogue.sqlite"));
    options.language = QStringLiteral("en");
    options.preset = QStringLiteral("larq-mnist-bnn");
    Workbench bench(options);
    bench.show();
    bench.window()->canvas()->setCurrentLayer(0); // QuantConv2D, ste_sign weights
    auto description = [&bench]() {
        auto *editor = bench.window()->inspector()->kernelQuantizerEditor();
        return editor->findChild<QLabel *>(QStringLiteral("quantizerDescription"))->text();
    };
    const QString english = description();
    QVERIFY2(
        english.startsWith(QStringLiteral("Sign with a straight-through estimator")), qPrintable(english));
    auto addMenuTip = [&bench](const QString &model) {
        QToolButton *add = bench.window()->inspector()->nonidealityEditor()->addButton();
        for (QAction *action : add->menu()->actions()) {
            if (action->data().toString() == model)
                return action->toolTip();
        }
        return QString();
    };
    const QString englishTip = addMenuTip(QStringLiteral("saturation"));
    QVERIFY(englishTip.startsWith(QStringLiteral("Saturating arithmetic")));

    QVERIFY(bench.setLanguage(QStringLiteral("es")));
    bench.window()->canvas()->setCurrentLayer(0);
    const QString spanish = description();
    QVERIFY2(spanish.startsWith(QStringLiteral("Signo con estimador de paso directo")), qPrintable(spanish));
    QVERIFY2(addMenuTip(QStringLiteral("saturation")).startsWith(QStringLiteral("Aritmética saturante")),
        qPrintable(addMenuTip(QStringLiteral("saturation"))));
    // A parameter's description too (the label's tooltip of 'clip').
    const QuantizerInfo *steSign = QuantizerCatalog::find(QStringLiteral("ste_sign"));
    QVERIFY(steSign);
    QVERIFY2(steSign->params.first().description.startsWith(QStringLiteral("El gradiente")),
        qPrintable(steSign->params.first().description));

    QVERIFY(bench.setLanguage(QStringLiteral("en")));
    bench.window()->canvas()->setCurrentLayer(0);
    QCOMPARE(description(), english);
}

void TestTranslation::pluralsAndNumbersAreSpanish()
{
    WorkbenchOptions options;
    options.dbPath = m_dir.filePath(QStringLiteral("plurals.sqlite"));
    options.language = QStringLiteral("es");
    options.preset = QStringLiteral("larq-mnist-bnn"); // 1-bit and 32-bit parameters
    Workbench bench(options);
    bench.show();
    const QStringList lines = bench.window()->summary()->totalsText().split(QLatin1Char('\n'));
    auto line = [&lines](const QString &start) {
        for (const QString &l : lines) {
            if (l.startsWith(start))
                return l;
        }
        return QString();
    };
    // "Parámetros de 1 bit", not "de 1 bits"; 32 takes the plural.
    QVERIFY2(
        !line(QStringLiteral("Parámetros de 1 bit:")).isEmpty(), qPrintable(lines.join(QLatin1Char('|'))));
    QVERIFY2(
        !line(QStringLiteral("Parámetros de 32 bits:")).isEmpty(), qPrintable(lines.join(QLatin1Char('|'))));
    // Numbers the Spanish way: a decimal comma, and no point in large integers (Qt 6.4 would
    // group 2794240 as "2794.240").
    const QString size = line(QStringLiteral("Tamaño del modelo:"));
    static const QRegularExpression spanishNumber(QStringLiteral("\\d,\\d\\d KiB$"));
    QVERIFY2(spanishNumber.match(size).hasMatch(), qPrintable(size));
    const QString macs = line(QStringLiteral("MACs por muestra:"));
    static const QRegularExpression plainInteger(QStringLiteral(": \\d{7}$"));
    QVERIFY2(plainInteger.match(macs).hasMatch(), qPrintable(macs));
    bench.setLanguage(QStringLiteral("en"));
}

int main(int argc, char *argv[])
{
    qbtest::isolatedHome();
    QApplication app(argc, argv);
    TestTranslation test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translation.moc"
