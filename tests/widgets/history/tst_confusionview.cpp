// ConfusionView and its pure helpers: confusion matrix, sample images, misclassified samples.

#include "history/confusionresult.h"
#include "history/confusionview.h"
#include "widgets/history/historytestdata.h"

#include "data/datasetlocator.h"

#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace qb;

namespace {

/// A 2-channel-free toy dataset: 3 classes, 6 test images of 2x2 pixels whose first pixel is the index.
Dataset toyDataset()
{
    Dataset d;
    d.name = QStringLiteral("toy");
    d.numClasses = 3;
    d.classNames = {QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("bird")};
    d.test.count = 6;
    d.test.channels = 1;
    d.test.height = 2;
    d.test.width = 2;
    for (int i = 0; i < 6; ++i) {
        d.test.pixels.insert(d.test.pixels.end(), {std::uint8_t(i * 10), 50, 100, 255});
    }
    d.test.labels = {0, 1, 2, 0, 1, 2};
    return d;
}

} // namespace

class TestConfusionView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matrix_data();
    void matrix();
    void grayImage();
    void rgbImage();
    void result();
    void showResult();
    void showError();
    void missingRunReportsError();
    void trainedRun();
};

void TestConfusionView::matrix_data()
{
    QTest::addColumn<QVector<int>>("labels");
    QTest::addColumn<QVector<int>>("predicted");
    QTest::addColumn<int>("classes");
    QTest::addColumn<QVector<QVector<int>>>("expected");

    QTest::newRow("all right") << QVector<int>{0, 1, 1} << QVector<int>{0, 1, 1} << 2
                               << QVector<QVector<int>>{{1, 0}, {0, 2}};
    QTest::newRow("mixed") << QVector<int>{0, 0, 1, 2, 2, 2} << QVector<int>{0, 2, 1, 2, 0, 1} << 3
                           << QVector<QVector<int>>{{1, 0, 1}, {0, 1, 0}, {1, 1, 1}};
    QTest::newRow("out of range ignored") << QVector<int>{0, 5, 1, -1} << QVector<int>{1, 0, 3, 0} << 2
                                          << QVector<QVector<int>>{{0, 1}, {0, 0}};
    QTest::newRow("shorter predictions")
        << QVector<int>{1, 1, 1} << QVector<int>{0} << 2 << QVector<QVector<int>>{{0, 0}, {1, 0}};
    QTest::newRow("empty") << QVector<int>{} << QVector<int>{} << 2 << QVector<QVector<int>>{{0, 0}, {0, 0}};
}

void TestConfusionView::matrix()
{
    QFETCH(QVector<int>, labels);
    QFETCH(QVector<int>, predicted);
    QFETCH(int, classes);
    QFETCH(QVector<QVector<int>>, expected);
    QCOMPARE(confusionMatrix(labels, predicted, classes), expected);
}

void TestConfusionView::grayImage()
{
    const Dataset d = toyDataset();
    const QImage image = sampleImage(d.test, 3);
    QCOMPARE(image.size(), QSize(2, 2));
    QCOMPARE(qGray(image.pixel(0, 0)), 30);
    QCOMPARE(qGray(image.pixel(1, 0)), 50);
    QCOMPARE(qGray(image.pixel(0, 1)), 100);
    QCOMPARE(qGray(image.pixel(1, 1)), 255);
    QVERIFY(sampleImage(d.test, 6).isNull());
    QVERIFY(sampleImage(d.test, -1).isNull());
}

void TestConfusionView::rgbImage()
{
    // CHW: a red plane, a green plane, a blue plane of one 1x2 image.
    DatasetSplit split;
    split.count = 1;
    split.channels = 3;
    split.height = 1;
    split.width = 2;
    split.pixels = {255, 10, 0, 20, 0, 30};
    split.labels = {0};
    const QImage image = sampleImage(split, 0);
    QCOMPARE(image.pixel(0, 0), qRgb(255, 0, 0));
    QCOMPARE(image.pixel(1, 0), qRgb(10, 20, 30));
}

void TestConfusionView::result()
{
    const Dataset d = toyDataset();
    const ConfusionResult r = makeConfusionResult(d, {0, 2, 2, 1, 1, 0}, 2);
    QCOMPARE(r.samples, 6);
    QCOMPARE(r.correct, 3);
    QCOMPARE(r.accuracy(), 0.5);
    QCOMPARE(r.numClasses(), 3);
    QCOMPARE(r.matrix, (QVector<QVector<int>>{{1, 1, 0}, {0, 1, 1}, {1, 0, 1}}));
    // At most two misclassified samples, in test order.
    QCOMPARE(r.misclassified.size(), 2);
    QCOMPARE(r.misclassified.at(0).index, 1);
    QCOMPARE(r.misclassified.at(0).trueClass, 1);
    QCOMPARE(r.misclassified.at(0).predictedClass, 2);
    QCOMPARE(r.misclassified.at(1).index, 3);
    QCOMPARE(qGray(r.misclassified.at(1).image.pixel(0, 0)), 30);
}

void TestConfusionView::showResult()
{
    const Dataset d = toyDataset();
    ConfusionResult r = makeConfusionResult(d, {0, 2, 2, 1, 1, 0});
    r.runId = 7;
    ConfusionView view;
    QSignalSpy shown(&view, &ConfusionView::resultShown);
    view.showResult(r);
    QCOMPARE(shown.count(), 1);
    QTableWidget *table = view.matrixTable();
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->columnCount(), 3);
    QCOMPARE(table->horizontalHeaderItem(2)->text(), QStringLiteral("bird"));
    QCOMPARE(table->verticalHeaderItem(0)->text(), QStringLiteral("cat"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("1"));
    QCOMPARE(table->item(2, 2)->text(), QStringLiteral("1"));
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("0"));
    // Shares shade the cells: a cell with a count is darker than an empty one.
    QVERIFY(table->item(0, 0)->background().color().lightness()
        < table->item(0, 2)->background().color().lightness());
    QCOMPARE(view.misclassifiedShown(), 3);
    QCOMPARE(view.misclassifiedCaptions(),
        (QStringList{
            QStringLiteral("dog → bird"), QStringLiteral("cat → dog"), QStringLiteral("bird → cat")}));
    QVERIFY2(view.statusText().contains(QStringLiteral("50.00 %")), qPrintable(view.statusText()));
    const QList<QLabel *> labels = view.findChildren<QLabel *>();
    int pictures = 0;
    for (QLabel *label : labels) {
        if (!label->pixmap().isNull()) {
            ++pictures;
            QVERIFY(label->pixmap().width() >= 2);
        }
    }
    QCOMPARE(pictures, 3);

    // A second result replaces the first.
    r = makeConfusionResult(d, {0, 1, 2, 0, 1, 2});
    view.showResult(r);
    QCOMPARE(view.misclassifiedShown(), 0);
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("2"));
}

void TestConfusionView::showError()
{
    ConfusionResult r;
    r.runId = 3;
    r.error = QStringLiteral("/data/weights.pt: no such file");
    ConfusionView view;
    view.showResult(r);
    QVERIFY(view.statusText().contains(QStringLiteral("/data/weights.pt")));
    QCOMPARE(view.matrixTable()->rowCount(), 0);
}

void TestConfusionView::missingRunReportsError()
{
    // The real worker path: a run without weights fails in the worker, and says so.
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("history.sqlite"));
    qint64 id = -1;
    {
        ExperimentStore store;
        QVERIFY(store.open(db));
        id = testdata::addRun(store, QStringLiteral("never trained"), {0.5});
    }
    ConfusionView view;
    view.setDatabasePath(db);
    QSignalSpy shown(&view, &ConfusionView::resultShown);
    view.setRun(id);
    QVERIFY(!view.isEvaluating()); // hidden: nothing happens yet
    view.show();
    QVERIFY(view.isEvaluating() || shown.count() == 1);
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 30000);
    QCOMPARE(shown.first().first().toLongLong(), id);
    QVERIFY2(view.statusText().startsWith(QStringLiteral("Cannot evaluate run %1").arg(id)),
        qPrintable(view.statusText()));
    QVERIFY(!view.isEvaluating());
}

void TestConfusionView::trainedRun()
{
    // End to end: a run trained for one short epoch by the real CLI, evaluated in the worker thread.
    // Its predictions must reproduce the test accuracy the run recorded (predict() evaluates under the
    // same conditions as evaluate()).
    const QString cli = qEnvironmentVariable("QB_CLI");
    if (cli.isEmpty() || !QFileInfo::exists(cli))
        QSKIP("QB_CLI is not set (run through ctest)");
    if (!DatasetLocator::locate(QStringLiteral("fashion-mnist")).ok())
        QSKIP("Fashion-MNIST is not installed");
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("history.sqlite"));
    QProcess train;
    train.start(cli,
        {QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("cnn-mnist"),
            QStringLiteral("--dataset"), QStringLiteral("fashion-mnist"), QStringLiteral("--epochs"),
            QStringLiteral("1"), QStringLiteral("--train-limit"), QStringLiteral("600"),
            QStringLiteral("--test-limit"), QStringLiteral("300"), QStringLiteral("--threads"),
            QStringLiteral("2"), QStringLiteral("--db"), db});
    QVERIFY(train.waitForFinished(120000));
    QVERIFY2(train.exitCode() == 0, train.readAllStandardError().constData());
    RunRecord run;
    {
        ExperimentStore store;
        QVERIFY(store.open(db));
        const auto runs = store.runs();
        QVERIFY(runs.ok() && runs->size() == 1);
        run = runs->first();
    }
    ConfusionView view;
    view.setDatabasePath(db);
    QSignalSpy shown(&view, &ConfusionView::resultShown);
    view.show();
    view.setRun(run.id);
    QVERIFY(view.isEvaluating());
    QVERIFY(view.statusText().startsWith(QStringLiteral("Evaluating")));
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 60000);
    QVERIFY2(!view.statusText().startsWith(QStringLiteral("Cannot")), qPrintable(view.statusText()));
    QTableWidget *table = view.matrixTable();
    QCOMPARE(table->rowCount(), 10);
    QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("T-shirt/top"));
    int total = 0, correct = 0;
    for (int t = 0; t < 10; ++t) {
        for (int p = 0; p < 10; ++p) {
            total += table->item(t, p)->text().toInt();
            if (t == p)
                correct += table->item(t, p)->text().toInt();
        }
    }
    QCOMPARE(total, 300);
    QCOMPARE(double(correct) / total, run.finalTestAccuracy);
    QCOMPARE(view.misclassifiedShown(), std::min(48, total - correct));
    QVERIFY(view.misclassifiedCaptions().first().contains(QStringLiteral(" → ")));
}

QTEST_MAIN(TestConfusionView)
#include "tst_confusionview.moc"
