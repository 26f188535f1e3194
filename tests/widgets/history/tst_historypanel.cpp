// HistoryPanel: the run history table with its filter, selection and actions (widgets/history).

#include "history/historypanel.h"
#include "history/runfilterproxy.h"
#include "history/runtablemodel.h"
#include "model/modelsummary.h"
#include "widgets/history/historytestdata.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace qb;
using namespace qb::testdata;

Q_DECLARE_METATYPE(qb::ExperimentSpec)

class TestHistoryPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsRuns();
    void filterNarrowsRows();
    void clickSelectionEmitsIds();
    void compareNeedsTwo();
    void contextMenuOffersAddedActions();
    void deleteAfterConfirmation();
    void deleteDeclined();
    void damagedDatabaseShowsMessage();
    void exportTableRoundTrip();
    void exportEpochsRoundTrip();
    void exportErrorNamesFile();
    void openNetwork();
    void groupRepeats();
    void renameInline();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }
    /// Puts four runs in the database and opens the panel on it.
    void makeHistory();
    QRect rowRect(int row) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ExperimentStore> m_store;
    std::unique_ptr<HistoryPanel> m_panel;
    qint64 m_alpha = -1, m_beta = -1, m_gamma = -1, m_delta = -1;
};

void TestHistoryPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<ExperimentStore>();
    QVERIFY(m_store->open(dbPath()));
    m_panel = std::make_unique<HistoryPanel>();
    m_panel->resize(1000, 500);
}

void TestHistoryPanel::cleanup()
{
    m_panel.reset();
    m_store.reset();
    m_dir.reset();
}

void TestHistoryPanel::makeHistory()
{
    RunOptions options;
    options.name = QStringLiteral("alpha, \"the first\"");
    options.testAccuracies = {0.5, 0.8};
    options.tags = {QStringLiteral("baseline")};
    m_alpha = addRun(*m_store, options);
    options = RunOptions();
    options.name = QStringLiteral("beta");
    options.spec = presetSpec(QStringLiteral("larq-mnist-bnn"));
    options.spec.dataset = QStringLiteral("fashion-mnist");
    options.spec.train.optimizer = OptimizerKind::Sgd;
    options.spec.train.learningRate = 0.05;
    options.spec.train.batchSize = 32;
    options.spec.train.seed = 7;
    options.testAccuracies = {0.7};
    options.notes = QStringLiteral("binary weights\nsecond line");
    m_beta = addRun(*m_store, options);
    m_gamma = addRun(*m_store, QStringLiteral("gamma"), {0.2}, RunStatus::Failed);
    m_delta = addRun(*m_store, QStringLiteral("delta"), {0.6, 0.65, 0.66});
    const Status s = m_panel->setDatabasePath(dbPath());
    QVERIFY2(s.ok(), qPrintable(s.error()));
}

QRect TestHistoryPanel::rowRect(int row) const
{
    QTableView *table = m_panel->table();
    return table->visualRect(table->model()->index(row, RunTableModel::NameColumn));
}

void TestHistoryPanel::listsRuns()
{
    makeHistory();
    QCOMPARE(m_panel->table()->model()->rowCount(), 4);
    QCOMPARE(m_panel->runs().size(), 4);
    QVERIFY(m_panel->message().isEmpty());
    // Newest first (sorted by ID, descending).
    QCOMPARE(m_panel->table()->model()->index(0, 0).data(RunTableModel::RunIdRole).toLongLong(), m_delta);
    QCOMPARE(m_panel->labelOf(m_beta), QStringLiteral("run %1: beta").arg(m_beta));
    QCOMPARE(m_panel->epochsOf(m_delta).size(), 3);
    QCOMPARE(m_panel->epochsOf(m_delta).last().testAccuracy, 0.66);
}

void TestHistoryPanel::filterNarrowsRows()
{
    makeHistory();
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QAbstractItemModel *view = m_panel->table()->model();

    QTest::keyClicks(m_panel->filterEdit(), QStringLiteral("ALPHA"));
    QCOMPARE(view->rowCount(), 1);
    QCOMPARE(view->index(0, 0).data(RunTableModel::RunIdRole).toLongLong(), m_alpha);

    m_panel->filterEdit()->clear();
    QCOMPARE(view->rowCount(), 4);
    QTest::keyClicks(m_panel->filterEdit(), QStringLiteral("baseline")); // a tag
    QCOMPARE(view->rowCount(), 1);
    m_panel->filterEdit()->clear();
    QTest::keyClicks(m_panel->filterEdit(), QStringLiteral("binary weights")); // the notes
    QCOMPARE(view->rowCount(), 1);
    QCOMPARE(view->index(0, 0).data(RunTableModel::RunIdRole).toLongLong(), m_beta);
    m_panel->filterEdit()->clear();
    QTest::keyClicks(m_panel->filterEdit(), QStringLiteral("fashion")); // the dataset
    QCOMPARE(view->rowCount(), 1);
    m_panel->filterEdit()->clear();
    QTest::keyClicks(m_panel->filterEdit(), QStringLiteral("larq")); // the network
    QCOMPARE(view->rowCount(), 1);
    m_panel->filterEdit()->clear();

    // Status filter: only the failed run.
    QComboBox *status = m_panel->statusCombo();
    const int failed = status->findText(QStringLiteral("failed"));
    QVERIFY(failed > 0);
    status->setCurrentIndex(failed);
    QCOMPARE(view->rowCount(), 1);
    QCOMPARE(view->index(0, 0).data(RunTableModel::RunIdRole).toLongLong(), m_gamma);
    status->setCurrentIndex(0);
    QCOMPARE(view->rowCount(), 4);
}

void TestHistoryPanel::clickSelectionEmitsIds()
{
    makeHistory();
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QSignalSpy spy(m_panel.get(), &HistoryPanel::selectionChanged);
    QWidget *viewport = m_panel->table()->viewport();
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::NoModifier, rowRect(1).center());
    QTRY_VERIFY(!spy.isEmpty());
    QCOMPARE(spy.last().first().value<QList<qint64>>(), QList<qint64>{m_gamma});
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::ControlModifier, rowRect(3).center());
    QCOMPARE(spy.last().first().value<QList<qint64>>(), (QList<qint64>{m_gamma, m_alpha}));
    QCOMPARE(m_panel->selectedRunIds(), (QList<qint64>{m_gamma, m_alpha}));

    // A refresh keeps the selection and does not announce it again.
    const int before = spy.count();
    m_panel->refresh();
    QCOMPARE(m_panel->selectedRunIds(), (QList<qint64>{m_gamma, m_alpha}));
    QCOMPARE(spy.count(), before);

    m_panel->selectRuns({m_beta});
    QCOMPARE(spy.last().first().value<QList<qint64>>(), QList<qint64>{m_beta});
}

void TestHistoryPanel::compareNeedsTwo()
{
    makeHistory();
    QAction *compare = m_panel->action(HistoryPanel::CompareAction);
    QVERIFY(!compare->isEnabled());
    m_panel->selectRuns({m_alpha});
    QVERIFY(!compare->isEnabled());
    QVERIFY(m_panel->action(HistoryPanel::RenameAction)->isEnabled());
    m_panel->selectRuns({m_alpha, m_beta});
    QVERIFY(compare->isEnabled());
    QVERIFY(!m_panel->action(HistoryPanel::RenameAction)->isEnabled());
    QVERIFY(!m_panel->action(HistoryPanel::ExportEpochsAction)->isEnabled());
    m_panel->selectRuns({m_alpha, m_beta, m_gamma});
    QVERIFY(!compare->isEnabled());
    QVERIFY(m_panel->action(HistoryPanel::DeleteAction)->isEnabled());
}

void TestHistoryPanel::contextMenuOffersAddedActions()
{
    makeHistory();
    std::unique_ptr<QMenu> plain(m_panel->createContextMenu(nullptr));
    QVERIFY(plain->actions().contains(m_panel->action(HistoryPanel::CompareAction)));
    const int plainCount = int(plain->actions().size());

    // Other parts of the window (the analysis jobs) add theirs after a separator, in order.
    QAction first(QStringLiteral("Evaluate on chips…"));
    QAction second(QStringLiteral("Noise sweep…"));
    m_panel->addContextActions({&first, &second});
    std::unique_ptr<QMenu> menu(m_panel->createContextMenu(nullptr));
    const QList<QAction *> actions = menu->actions();
    QCOMPARE(actions.size(), plainCount + 3);
    QVERIFY(actions.at(plainCount)->isSeparator());
    QCOMPARE(actions.at(plainCount + 1), &first);
    QCOMPARE(actions.at(plainCount + 2), &second);
    QVERIFY(menu->toolTipsVisible());
}

void TestHistoryPanel::deleteAfterConfirmation()
{
    makeHistory();
    // Files in the two runs' folders go with them; a third run's folder stays.
    const QString alphaDir = m_store->runDirectory(m_alpha);
    const QString betaDir = m_store->runDirectory(m_beta);
    const QString deltaDir = m_store->runDirectory(m_delta);
    for (const QString &dir : {alphaDir, betaDir, deltaDir}) {
        QFile file(dir + QStringLiteral("/weights.pt"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("weights");
    }
    QString question;
    m_panel->setConfirmation([&](const QString &text) {
        question = text;
        return true;
    });
    QSignalSpy changed(m_panel.get(), &HistoryPanel::runsChanged);
    m_panel->selectRuns({m_alpha, m_beta});
    m_panel->action(HistoryPanel::DeleteAction)->trigger();

    QVERIFY2(question.contains(QStringLiteral("alpha, \"the first\"")), qPrintable(question));
    QVERIFY2(question.contains(QStringLiteral("beta")), qPrintable(question));
    QVERIFY(!question.contains(QStringLiteral("delta")));
    QVERIFY(!m_store->run(m_alpha).ok());
    QVERIFY(!m_store->run(m_beta).ok());
    QVERIFY(m_store->run(m_delta).ok());
    QVERIFY(!QFileInfo::exists(alphaDir));
    QVERIFY(!QFileInfo::exists(betaDir));
    QVERIFY(QFileInfo::exists(deltaDir + QStringLiteral("/weights.pt")));
    QCOMPARE(m_panel->table()->model()->rowCount(), 2);
    QVERIFY(!changed.isEmpty());
    QVERIFY(m_panel->message().isEmpty());
}

void TestHistoryPanel::deleteDeclined()
{
    makeHistory();
    int asked = 0;
    m_panel->setConfirmation([&](const QString &) {
        ++asked;
        return false;
    });
    m_panel->selectRuns({m_gamma});
    m_panel->action(HistoryPanel::DeleteAction)->trigger();
    QCOMPARE(asked, 1);
    QVERIFY(m_store->run(m_gamma).ok());
    QCOMPARE(m_panel->table()->model()->rowCount(), 4);
}

void TestHistoryPanel::damagedDatabaseShowsMessage()
{
    const QString broken = m_dir->filePath(QStringLiteral("broken-history.sqlite"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray garbage;
    for (int i = 0; i < 8192; ++i)
        garbage.append(char((i * 37 + 11) & 0xff));
    file.write(garbage);
    file.close();

    makeHistory();
    QCOMPARE(m_panel->table()->model()->rowCount(), 4);
    m_panel->show();
    const Status s = m_panel->setDatabasePath(broken);
    QVERIFY(!s.ok());
    QVERIFY2(
        m_panel->message().contains(QStringLiteral("broken-history.sqlite")), qPrintable(m_panel->message()));
    auto *label = m_panel->findChild<QLabel *>(QStringLiteral("historyMessage"));
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QCOMPARE(m_panel->table()->model()->rowCount(), 0);
    QVERIFY(m_panel->store() == nullptr);
    QVERIFY(!m_panel->action(HistoryPanel::DeleteAction)->isEnabled());
    m_panel->refresh(); // harmless without a store
    QVERIFY(!m_panel->exportEpochsCsv(1, m_dir->filePath(QStringLiteral("e.csv"))).ok());

    // Back to a good database: the message goes away.
    QVERIFY(m_panel->setDatabasePath(dbPath()).ok());
    QVERIFY(m_panel->message().isEmpty());
    QVERIFY(!label->isVisible());
    QCOMPARE(m_panel->table()->model()->rowCount(), 4);
}

void TestHistoryPanel::exportTableRoundTrip()
{
    makeHistory();
    QVERIFY(m_store->setNotes(m_delta, QStringLiteral("line one\nline \"two\", with comma")));
    m_panel->refresh();
    const QString path = m_dir->filePath(QStringLiteral("runs.csv"));
    const Status s = m_panel->exportTableCsv(path);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(file.readAll()));
    QCOMPARE(rows.size(), 5);
    const QStringList header = rows.first();
    QCOMPARE(header.first(), QStringLiteral("id"));
    for (const QStringList &row : rows)
        QCOMPARE(row.size(), header.size());
    const auto column = [&](const char *name) { return int(header.indexOf(QLatin1String(name))); };
    // View order: newest first.
    QCOMPARE(rows.at(1).at(column("id")).toLongLong(), m_delta);
    QCOMPARE(rows.at(1).at(column("notes")), QStringLiteral("line one\nline \"two\", with comma"));
    // One unit per column, named in the header: accuracies are fractions.
    QCOMPARE(rows.at(1).at(column("final_test_accuracy_fraction")).toDouble(), 0.66);
    QCOMPARE(rows.at(1).at(column("best_test_accuracy_fraction")).toDouble(), 0.66);
    QCOMPARE(rows.at(1).at(column("epochs_done")), QStringLiteral("3"));
    QCOMPARE(rows.at(4).at(column("name")), QStringLiteral("alpha, \"the first\""));
    QCOMPARE(rows.at(4).at(column("tags")), QStringLiteral("baseline"));
    QCOMPARE(rows.at(3).at(column("dataset")), QStringLiteral("fashion-mnist"));
    QCOMPARE(rows.at(2).at(column("status")), QStringLiteral("failed"));
    // The settings that reproduce a run, its size and its bit widths (beta: larq-mnist-bnn, whose
    // spec says SGD at 0.05 with batches of 32 here; the others: cnn-mnist with the defaults).
    QCOMPARE(rows.at(3).at(column("optimizer")), QStringLiteral("sgd"));
    QCOMPARE(rows.at(3).at(column("learning_rate")).toDouble(), 0.05);
    QCOMPARE(rows.at(3).at(column("batch_size")), QStringLiteral("32"));
    QCOMPARE(rows.at(3).at(column("seed")), QStringLiteral("7"));
    QCOMPARE(rows.at(3).at(column("weight_bits")), QStringLiteral("1"));
    QCOMPARE(rows.at(3).at(column("input_bits")), QStringLiteral("1; 32"));
    QCOMPARE(rows.at(1).at(column("optimizer")), QStringLiteral("adam"));
    QCOMPARE(rows.at(1).at(column("learning_rate")).toDouble(), 0.001);
    QCOMPARE(rows.at(1).at(column("batch_size")), QStringLiteral("64"));
    QCOMPARE(rows.at(1).at(column("weight_bits")), QStringLiteral("32"));
    QCOMPARE(rows.at(1).at(column("input_bits")), QStringLiteral("32"));
    const auto bnn = ModelSummary::compute(presetSpec(QStringLiteral("larq-mnist-bnn")).network);
    QVERIFY(bnn);
    QCOMPARE(rows.at(3).at(column("model_size_kib")).toDouble(), bnn->modelSizeKiB);
    QVERIFY(rows.at(1).at(column("model_size_kib")).toDouble() > bnn->modelSizeKiB);

    // The filter decides what is exported.
    QTest::keyClicks(m_panel->filterEdit(), QStringLiteral("beta"));
    QVERIFY(m_panel->exportTableCsv(path).ok());
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(parseCsv(QString::fromUtf8(file.readAll())).size(), 2);
}

void TestHistoryPanel::exportEpochsRoundTrip()
{
    makeHistory();
    const QString path = m_dir->filePath(QStringLiteral("epochs.csv"));
    const Status s = m_panel->exportEpochsCsv(m_delta, path);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(file.readAll()));
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.first(),
        (QStringList{QStringLiteral("run_id"), QStringLiteral("epoch"), QStringLiteral("train_loss"),
            QStringLiteral("train_accuracy_fraction"), QStringLiteral("test_loss"),
            QStringLiteral("test_accuracy_fraction"), QStringLiteral("seconds"),
            QStringLiteral("samples_per_s")}));
    const QList<EpochMetrics> epochs = *m_store->epochs(m_delta);
    for (int i = 0; i < 3; ++i) {
        const QStringList &row = rows.at(i + 1);
        QCOMPARE(row.at(0).toLongLong(), m_delta); // files of several runs can be concatenated
        QCOMPARE(row.at(1).toInt(), epochs.at(i).epoch);
        QCOMPARE(row.at(2).toDouble(), epochs.at(i).trainLoss); // shortest round-trip text: exact
        QCOMPARE(row.at(5).toDouble(), epochs.at(i).testAccuracy);
        QCOMPARE(row.at(7).toDouble(), epochs.at(i).samplesPerSecond);
    }
}

void TestHistoryPanel::exportErrorNamesFile()
{
    makeHistory();
    const QString path = m_dir->filePath(QStringLiteral("no-such-folder/runs.csv"));
    const Status s = m_panel->exportTableCsv(path);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(path), qPrintable(s.error()));
}

void TestHistoryPanel::openNetwork()
{
    qRegisterMetaType<qb::ExperimentSpec>();
    makeHistory();
    QSignalSpy spy(m_panel.get(), &HistoryPanel::openNetworkRequested);
    QAction *open = m_panel->action(HistoryPanel::OpenNetworkAction);
    QVERIFY(!open->isEnabled());
    m_panel->selectRuns({m_beta});
    QVERIFY(open->isEnabled());
    open->trigger();
    QCOMPARE(spy.count(), 1);
    // The whole experiment: network, training settings and dataset, to reproduce the run.
    const ExperimentSpec experiment = spy.first().at(0).value<ExperimentSpec>();
    QCOMPARE(experiment.network, presetSpec(QStringLiteral("larq-mnist-bnn")).network);
    QCOMPARE(experiment.train.optimizer, OptimizerKind::Sgd);
    QCOMPARE(experiment.train.learningRate, 0.05);
    QCOMPARE(experiment.train.batchSize, 32);
    QCOMPARE(experiment.dataset, QStringLiteral("fashion-mnist"));
    QCOMPARE(spy.first().at(1).toString(), QStringLiteral("beta"));
}

void TestHistoryPanel::groupRepeats()
{
    makeHistory();
    RunOptions options;
    options.name = QStringLiteral("repeat");
    options.testAccuracies = {0.9};
    options.groupId = -2;
    const qint64 group = addRun(*m_store, options);
    options.groupId = group;
    options.testAccuracies = {0.8};
    const qint64 second = addRun(*m_store, options);
    m_panel->refresh();
    QCOMPARE(m_panel->table()->model()->rowCount(), 6);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QTest::mouseClick(m_panel->groupCheck(), Qt::LeftButton);
    QVERIFY(m_panel->groupCheck()->isChecked());
    QCOMPARE(m_panel->table()->model()->rowCount(), 5);
    // Selecting the group row selects both runs.
    m_panel->selectRuns({second});
    QCOMPARE(m_panel->selectedRunIds(), (QList<qint64>{group, second}));
    const QModelIndex row
        = m_panel->table()->selectionModel()->selectedRows(RunTableModel::FinalAccuracyColumn).first();
    QCOMPARE(row.data().toString(), QStringLiteral("85.00 ± 5.00 %"));
    QTest::mouseClick(m_panel->groupCheck(), Qt::LeftButton);
    QCOMPARE(m_panel->table()->model()->rowCount(), 6);
    // Back to one row per run: both runs stay selected (newest first).
    QCOMPARE(m_panel->selectedRunIds(), (QList<qint64>{second, group}));
}

void TestHistoryPanel::renameInline()
{
    makeHistory();
    m_panel->show();
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    m_panel->selectRuns({m_delta});
    m_panel->action(HistoryPanel::RenameAction)->trigger();
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("delta"));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("delta renamed"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(m_store->run(m_delta)->name, QStringLiteral("delta renamed"));
    QCOMPARE(m_panel->labelOf(m_delta), QStringLiteral("run %1: delta renamed").arg(m_delta));
}

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
