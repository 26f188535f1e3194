// RunTableModel: the history's runs as a table (widgets/history).

#include "history/runfilterproxy.h"
#include "history/runtablemodel.h"
#include "model/modelsummary.h"
#include "widgets/history/historytestdata.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QtTest>

using namespace qb;
using namespace qb::testdata;

class TestRunTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void itemModelTester();
    void columns();
    void numericSort();
    void editWritesToStore();
    void editFailureIsReported();
    void groupedMode();
    void filterProxy();
    void numbersFollowTheLocale();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ExperimentStore> m_store;
};

void TestRunTableModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<ExperimentStore>();
    const Status s = m_store->open(dbPath());
    QVERIFY2(s.ok(), qPrintable(s.error()));
}

void TestRunTableModel::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestRunTableModel::itemModelTester()
{
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RunFilterProxy proxy;
    proxy.setRunModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(RunTableModel::BestAccuracyColumn);

    model.setStore(m_store.get());
    QVERIFY(model.refresh());
    QCOMPARE(model.rowCount(), 0);
    RunOptions group;
    group.testAccuracies = {0.8};
    group.name = QStringLiteral("g1");
    group.groupId = -2;
    const qint64 g = addRun(*m_store, group);
    group.groupId = g;
    group.name = QStringLiteral("g2");
    addRun(*m_store, group);
    addRun(*m_store, QStringLiteral("single"), {0.5, 0.6});
    QVERIFY(model.refresh());
    QCOMPARE(model.rowCount(), 3);
    model.setGrouped(true);
    QCOMPARE(model.rowCount(), 2);
    proxy.setFilterText(QStringLiteral("single"));
    QCOMPARE(proxy.rowCount(), 1);
    model.setGrouped(false);
    QVERIFY(
        model.setData(model.index(model.rowOfRun(g), RunTableModel::NameColumn), QStringLiteral("renamed")));
    model.setStore(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestRunTableModel::columns()
{
    RunOptions options;
    options.name = QStringLiteral("baseline");
    options.testAccuracies = {0.8, 0.91, 0.895};
    options.tags = QStringList{QStringLiteral("a"), QStringLiteral("b")};
    options.notes = QStringLiteral("first line\nsecond line");
    const qint64 id = addRun(*m_store, options);
    QVERIFY(id > 0);
    RunTableModel model;
    model.setStore(m_store.get());
    QVERIFY(model.refresh());
    QCOMPARE(model.columnCount(), 13);
    QCOMPARE(model.headerData(RunTableModel::BestAccuracyColumn, Qt::Horizontal).toString(),
        QStringLiteral("Best acc"));
    QCOMPARE(model.rowCount(), 1);

    const auto text = [&](int column) { return model.index(0, column).data().toString(); };
    const auto raw = [&](int column) { return model.index(0, column).data(RunTableModel::SortRole); };
    QCOMPARE(text(RunTableModel::IdColumn), QString::number(id));
    QCOMPARE(raw(RunTableModel::IdColumn).toLongLong(), id);
    QCOMPARE(model.index(0, 0).data(RunTableModel::RunIdRole).toLongLong(), id);
    QCOMPARE(text(RunTableModel::NameColumn), QStringLiteral("baseline"));
    const RunRecord stored = *m_store->run(id);
    QCOMPARE(text(RunTableModel::DateColumn),
        stored.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    QCOMPARE(text(RunTableModel::NetworkColumn), QStringLiteral("cnn-mnist"));
    QCOMPARE(text(RunTableModel::DatasetColumn), QStringLiteral("mnist"));
    QCOMPARE(text(RunTableModel::StatusColumn), QStringLiteral("finished"));
    QCOMPARE(text(RunTableModel::EpochsColumn), QStringLiteral("3/6"));
    QCOMPARE(text(RunTableModel::BestAccuracyColumn), QStringLiteral("91.00 %"));
    QCOMPARE(text(RunTableModel::FinalAccuracyColumn), QStringLiteral("89.50 %"));
    QCOMPARE(raw(RunTableModel::FinalAccuracyColumn).toDouble(), 0.895);
    const auto summary = ModelSummary::compute(presetSpec().network);
    QVERIFY(summary.ok());
    QVERIFY(summary->modelSizeKiB > 0);
    QCOMPARE(raw(RunTableModel::ModelSizeColumn).toDouble(), summary->modelSizeKiB);
    QCOMPARE(
        text(RunTableModel::ModelSizeColumn), QStringLiteral("%1 KiB").arg(summary->modelSizeKiB, 0, 'f', 2));
    QCOMPARE(text(RunTableModel::TagsColumn), QStringLiteral("a, b"));
    QCOMPARE(text(RunTableModel::NotesColumn), QStringLiteral("first line second line"));
    QCOMPARE(model.index(0, RunTableModel::NotesColumn).data(Qt::EditRole).toString(), options.notes);
    QCOMPARE(text(RunTableModel::GroupColumn), QString());

    // A run without epochs shows empty accuracies, and sorts them below every real accuracy.
    addRun(*m_store, QStringLiteral("empty"), {}, RunStatus::Failed);
    QVERIFY(model.refresh());
    const int row = model.rowOfRun(id + 1);
    QCOMPARE(model.index(row, RunTableModel::BestAccuracyColumn).data().toString(), QString());
    QCOMPARE(model.index(row, RunTableModel::StatusColumn).data().toString(), QStringLiteral("failed"));
    QVERIFY(model.index(row, RunTableModel::BestAccuracyColumn).data(RunTableModel::SortRole).toDouble() < 0);
}

void TestRunTableModel::numericSort()
{
    // Eleven runs: as text "10" < "2" and "9.50 %" > "85.00 %"; numerically the other way.
    QList<qint64> ids;
    const QList<double> accuracies{0.85, 0.095, 0.5, 0.3, 0.7, 0.2, 0.65, 0.4, 0.99, 0.1, 0.6};
    for (int i = 0; i < accuracies.size(); ++i)
        ids.append(addRun(*m_store, QStringLiteral("run %1").arg(i), {accuracies.at(i)}));
    RunTableModel model;
    model.setStore(m_store.get());
    QVERIFY(model.refresh());
    RunFilterProxy proxy;
    proxy.setRunModel(&model);

    proxy.sort(RunTableModel::IdColumn, Qt::AscendingOrder);
    QList<qint64> sortedIds;
    for (int r = 0; r < proxy.rowCount(); ++r)
        sortedIds.append(proxy.index(r, 0).data(RunTableModel::RunIdRole).toLongLong());
    QCOMPARE(sortedIds, ids);

    proxy.sort(RunTableModel::BestAccuracyColumn, Qt::AscendingOrder);
    QList<double> sorted = accuracies;
    std::sort(sorted.begin(), sorted.end());
    for (int r = 0; r < proxy.rowCount(); ++r) {
        QCOMPARE(proxy.index(r, RunTableModel::BestAccuracyColumn).data(RunTableModel::SortRole).toDouble(),
            sorted.at(r));
    }
    QCOMPARE(proxy.index(0, RunTableModel::BestAccuracyColumn).data().toString(), QStringLiteral("9.50 %"));
    QCOMPARE(proxy.index(1, RunTableModel::BestAccuracyColumn).data().toString(), QStringLiteral("10.00 %"));

    proxy.sort(RunTableModel::FinalAccuracyColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, RunTableModel::FinalAccuracyColumn).data().toString(), QStringLiteral("99.00 %"));
}

void TestRunTableModel::editWritesToStore()
{
    const qint64 id = addRun(*m_store, QStringLiteral("before"), {0.5});
    RunTableModel model;
    model.setStore(m_store.get());
    QVERIFY(model.refresh());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy edited(&model, &RunTableModel::runEdited);

    const QModelIndex name = model.index(0, RunTableModel::NameColumn);
    QVERIFY(name.flags() & Qt::ItemIsEditable);
    QVERIFY(!(model.index(0, RunTableModel::BestAccuracyColumn).flags() & Qt::ItemIsEditable));
    QCOMPARE(name.data(Qt::EditRole).toString(), QStringLiteral("before"));
    QVERIFY(model.setData(name, QStringLiteral("after")));
    QCOMPARE(m_store->run(id)->name, QStringLiteral("after"));
    QCOMPARE(name.data().toString(), QStringLiteral("after"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited.first().first().toLongLong(), id);

    QVERIFY(model.setData(model.index(0, RunTableModel::TagsColumn), QStringLiteral(" bnn, mnist ,bnn,, ")));
    QCOMPARE(m_store->run(id)->tags, (QStringList{QStringLiteral("bnn"), QStringLiteral("mnist")}));
    QCOMPARE(model.index(0, RunTableModel::TagsColumn).data().toString(), QStringLiteral("bnn, mnist"));

    QVERIFY(
        model.setData(model.index(0, RunTableModel::NotesColumn), QStringLiteral("tried lr 0.01\nworse")));
    QCOMPARE(m_store->run(id)->notes, QStringLiteral("tried lr 0.01\nworse"));

    // Read back from the database by a fresh model: the edits are really there.
    RunTableModel fresh;
    fresh.setStore(m_store.get());
    QVERIFY(fresh.refresh());
    QCOMPARE(fresh.index(0, RunTableModel::NameColumn).data().toString(), QStringLiteral("after"));
}

void TestRunTableModel::editFailureIsReported()
{
    const qint64 id = addRun(*m_store, QStringLiteral("doomed"), {0.5});
    RunTableModel model;
    model.setStore(m_store.get());
    QVERIFY(model.refresh());
    QVERIFY(m_store->deleteRun(id)); // behind the model's back
    QSignalSpy errors(&model, &RunTableModel::errorOccurred);
    QVERIFY(!model.setData(model.index(0, RunTableModel::NameColumn), QStringLiteral("new name")));
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.first().first().toString().contains(QString::number(id)),
        qPrintable(errors.first().first().toString()));
    QCOMPARE(model.index(0, RunTableModel::NameColumn).data().toString(), QStringLiteral("doomed"));
}

void TestRunTableModel::groupedMode()
{
    // A group of three finished repeats (plus a failed one, which does not count) and a lone run.
    RunOptions options;
    options.name = QStringLiteral("seed 1");
    options.testAccuracies = {0.5, 0.87};
    options.groupId = -2;
    options.tags = {QStringLiteral("repeat")};
    const qint64 group = addRun(*m_store, options);
    options.groupId = group;
    options.name = QStringLiteral("seed 2");
    options.testAccuracies = {0.6, 0.875};
    addRun(*m_store, options);
    options.name = QStringLiteral("seed 3");
    options.testAccuracies = {0.9, 0.865};
    options.tags = {QStringLiteral("last")};
    addRun(*m_store, options);
    options.name = QStringLiteral("seed 4");
    options.testAccuracies = {0.1};
    options.status = RunStatus::Failed;
    addRun(*m_store, options);
    const qint64 lone = addRun(*m_store, QStringLiteral("lone"), {0.7});

    RunTableModel model;
    model.setStore(m_store.get());
    QVERIFY(model.refresh());
    QCOMPARE(model.rowCount(), 5);
    const SummaryStats stats = model.groupFinalAccuracy(group);
    QCOMPARE(stats.count, 3);
    // Hand-computed: mean 0.87, population std sqrt((0 + 0.005^2 + 0.005^2) / 3) = 0.0040825.
    QVERIFY(qAbs(stats.mean - 0.87) < 1e-12);
    QVERIFY(qAbs(stats.std - 0.0040824829) < 1e-9);
    // Percent, like the accuracy columns (not 0.870 ± 0.004 beside 87.00 ± 0.41 %).
    const QString groupText = QStringLiteral("group %1: 87.00 ± 0.41 % (n=3)").arg(group);
    QCOMPARE(model.index(model.rowOfRun(group), RunTableModel::GroupColumn).data().toString(), groupText);
    QCOMPARE(model.index(model.rowOfRun(lone), RunTableModel::GroupColumn).data().toString(), QString());

    model.setGrouped(true);
    QVERIFY(model.isGrouped());
    QCOMPARE(model.rowCount(), 2);
    const int row = model.rowOfRun(group + 2);
    QVERIFY(model.isGroupRow(row));
    QVERIFY(!model.isGroupRow(model.rowOfRun(lone)));
    QCOMPARE(model.runsAt(row).size(), 4);
    QCOMPARE(model.runAt(row).id, group);
    QCOMPARE(model.index(row, RunTableModel::IdColumn).data(RunTableModel::RunIdRole).toLongLong(), group);
    QCOMPARE(
        model.index(row, RunTableModel::NameColumn).data().toString(), QStringLiteral("seed 1 (4 runs)"));
    QCOMPARE(model.index(row, RunTableModel::FinalAccuracyColumn).data().toString(),
        QStringLiteral("87.00 ± 0.41 %"));
    QVERIFY(qAbs(model.index(row, RunTableModel::FinalAccuracyColumn).data(RunTableModel::SortRole).toDouble()
                - 0.87)
        < 1e-12);
    // Best accuracies of the finished members: 0.87, 0.875, 0.9 -> mean 0.88167, std 0.01312.
    QCOMPARE(model.index(row, RunTableModel::BestAccuracyColumn).data().toString(),
        QStringLiteral("88.17 ± 1.31 %"));
    QCOMPARE(model.index(row, RunTableModel::StatusColumn).data().toString(), QStringLiteral("mixed"));
    QCOMPARE(model.index(row, RunTableModel::TagsColumn).data().toString(), QStringLiteral("repeat, last"));
    QCOMPARE(model.index(row, RunTableModel::GroupColumn).data().toString(), groupText);
    QVERIFY(!(model.index(row, RunTableModel::NameColumn).flags() & Qt::ItemIsEditable));
    QVERIFY(!model.setData(model.index(row, RunTableModel::NameColumn), QStringLiteral("x")));

    model.setGrouped(false);
    QCOMPARE(model.rowCount(), 5);
}

void TestRunTableModel::filterProxy()
{
    RunOptions options;
    options.name = QStringLiteral("alpha");
    options.tags = {QStringLiteral("Baseline")};
    addRun(*m_store, options);
    options.name = QStringLiteral("beta");
    options.tags = {};
    options.notes = QStringLiteral("uses a higher learning rate");
    addRun(*m_store, options);
    addRun(*m_store, QStringLiteral("gamma"), {0.3}, RunStatus::Cancelled);
    RunTableModel model;
    model.setStore(m_store.get());
    QVERIFY(model.refresh());
    RunFilterProxy proxy;
    proxy.setRunModel(&model);
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setFilterText(QStringLiteral("baseline"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("LEARNING"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, RunTableModel::NameColumn).data().toString(), QStringLiteral("beta"));
    proxy.setFilterText(QStringLiteral("cnn-mnist"));
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setStatusFilter(RunStatus::Cancelled);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("nothing like this"));
    QCOMPARE(proxy.rowCount(), 0);
}

void TestRunTableModel::numbersFollowTheLocale()
{
    addRun(*m_store, QStringLiteral("one"), {0.5, 0.87123});
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
    RunTableModel model;
    model.setStore(m_store.get());
    QVERIFY(model.refresh());
    const QString accuracy = model.index(0, RunTableModel::FinalAccuracyColumn).data().toString();
    const QString size = model.index(0, RunTableModel::ModelSizeColumn).data().toString();
    QLocale::setDefault(previous);
    QCOMPARE(accuracy, QStringLiteral("87,12 %"));
    static const QRegularExpression spanishKib(QStringLiteral("^\\d+(\\.\\d{3})*,\\d\\d KiB$"));
    QVERIFY2(spanishKib.match(size).hasMatch(), qPrintable(size));
}

QTEST_MAIN(TestRunTableModel)
#include "tst_runtablemodel.moc"
