// The Spanish translation is complete: the catalogue has no unfinished message, and after switching
// to Spanish no visible text of the main views is still the English one.
#include "widgets/training/trainingtestutil.h"

#include "common/qcp.h"
#include "document/networkdocument.h"
#include "mainwindow.h"
#include "spec/experimentspec.h"
#include "store/experimentstore.h"
#include "workbench.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QTextDocumentFragment>

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
    void catalogueIsComplete();
    void spanishChangesEveryVisibleText();
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

int main(int argc, char *argv[])
{
    qbtest::isolatedHome();
    QApplication app(argc, argv);
    TestTranslation test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translation.moc"
