// ConfusionView and its pure helpers: confusion matrix, sample images, misclassified samples.

#include "history/confusionexport.h"
#include "history/confusionresult.h"
#include "history/confusionview.h"
#include "widgets/history/historytestdata.h"

#include "data/datasetlocator.h"

#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSplitter>
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

/// Labels 0,1,2 repeated `count / 3` times (12 by default), 2x2 images whose first pixel is the index.
Dataset cycleDataset(int count = 12)
{
    Dataset d = toyDataset();
    d.test.count = count;
    d.test.pixels.clear();
    d.test.labels.clear();
    for (int i = 0; i < count; ++i) {
        d.test.pixels.insert(d.test.pixels.end(), {std::uint8_t(i * 10), 50, 100, 255});
        d.test.labels.push_back(std::uint8_t(i % 3));
    }
    return d;
}

/// The indices of `labels` (cycleDataset's, i % 3) with prediction `predicted` that are (t, p).
QList<int> cellIndices(const QVector<int> &predicted, int t, int p)
{
    QList<int> indices;
    for (int i = 0; i < predicted.size(); ++i) {
        if (i % 3 == t && predicted.at(i) == p)
            indices.append(i);
    }
    return indices;
}

void clickCell(QTableWidget *table, int row, int column)
{
    const QRect rect = table->visualItemRect(table->item(row, column));
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
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
    void keptPerCell();
    void showResult();
    void clickingCellFilters();
    void diagonalCellShowsNoImages();
    void imagesVisibleFromStart();
    void csvExport();
    void pngExport();
    void exportNeedsAMatrix();
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
    // Three misclassified samples in three cells, in test order.
    QCOMPARE(r.misclassified.size(), 3);
    QCOMPARE(r.misclassified.at(0).index, 1);
    QCOMPARE(r.misclassified.at(0).trueClass, 1);
    QCOMPARE(r.misclassified.at(0).predictedClass, 2);
    QCOMPARE(r.misclassified.at(1).index, 3);
    QCOMPARE(qGray(r.misclassified.at(1).image.pixel(0, 0)), 30);
    QCOMPARE(r.misclassified.at(2).index, 5);
}

void TestConfusionView::keptPerCell()
{
    // Cell (0 -> 1) has four samples (0, 3, 6, 9), cell (1 -> 0) two (1, 4): at most two of each are
    // kept, so any one cell can still show its first images.
    const Dataset d = cycleDataset();
    const QVector<int> predicted{1, 0, 2, 1, 0, 2, 1, 1, 2, 1, 1, 2};
    const ConfusionResult r = makeConfusionResult(d, predicted, 2);
    QCOMPARE(r.correct, 6);
    QList<int> kept;
    for (const MisclassifiedSample &s : r.misclassified)
        kept.append(s.index);
    QCOMPARE(kept, (QList<int>{0, 1, 3, 4}));
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
    QCOMPARE(view.misclassifiedIndices(), (QList<int>{1, 3, 5}));
    QListWidget *images = view.imageList();
    QCOMPARE(images->count(), 3);
    for (int i = 0; i < images->count(); ++i) {
        QVERIFY(!images->item(i)->icon().isNull());
        QCOMPARE(images->item(i)->text(), view.misclassifiedCaptions().at(i));
    }
    QVERIFY(view.exportButton()->isEnabled());

    // A second result replaces the first.
    r = makeConfusionResult(d, {0, 1, 2, 0, 1, 2});
    view.showResult(r);
    QCOMPARE(view.misclassifiedShown(), 0);
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("2"));
}

void TestConfusionView::clickingCellFilters()
{
    const Dataset d = cycleDataset();
    const QVector<int> predicted{1, 0, 2, 1, 2, 2, 1, 1, 0, 0, 0, 2};
    ConfusionResult r = makeConfusionResult(d, predicted);
    r.runId = 4;
    ConfusionView view;
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showResult(r);
    const QList<int> all{0, 1, 3, 4, 6, 8, 10};
    QCOMPARE(view.misclassifiedIndices(), all);
    QVERIFY(!view.hasCellFilter());

    // Click true 0 -> predicted 1: exactly that cell's images.
    QTableWidget *table = view.matrixTable();
    clickCell(table, 0, 1);
    QVERIFY(view.hasCellFilter());
    QCOMPARE(view.filterTrueClass(), 0);
    QCOMPARE(view.filterPredictedClass(), 1);
    QCOMPARE(view.misclassifiedIndices(), cellIndices(predicted, 0, 1));
    QCOMPARE(view.misclassifiedIndices(), (QList<int>{0, 3, 6}));
    QCOMPARE(view.misclassifiedCaptions(),
        (QStringList{QStringLiteral("cat → dog"), QStringLiteral("cat → dog"), QStringLiteral("cat → dog")}));
    QCOMPARE(view.imageList()->count(), 3);
    QVERIFY2(view.imagesText().contains(QStringLiteral("Show all")), qPrintable(view.imagesText()));

    // Another cell: true 1 -> predicted 2, then true 2 -> predicted 0.
    clickCell(table, 1, 2);
    QCOMPARE(view.misclassifiedIndices(), cellIndices(predicted, 1, 2));
    QCOMPARE(view.misclassifiedIndices(), (QList<int>{4}));
    clickCell(table, 2, 0);
    QCOMPARE(view.misclassifiedIndices(), (QList<int>{8}));

    // Clicking the same cell again shows all.
    clickCell(table, 2, 0);
    QVERIFY(!view.hasCellFilter());
    QCOMPARE(view.misclassifiedIndices(), all);

    // So does the "Show all" link.
    clickCell(table, 1, 0);
    QCOMPARE(view.misclassifiedIndices(), (QList<int>{1, 10}));
    QLabel *link = nullptr;
    for (QLabel *label : view.findChildren<QLabel *>()) {
        if (label->text().contains(QStringLiteral("href")))
            link = label;
    }
    QVERIFY(link);
    Q_EMIT link->linkActivated(QStringLiteral("#all"));
    QVERIFY(!view.hasCellFilter());
    QCOMPARE(view.misclassifiedIndices(), all);

    // A new result drops the filter.
    view.setCellFilter(0, 1);
    QCOMPARE(view.misclassifiedShown(), 3);
    view.showResult(r);
    QVERIFY(!view.hasCellFilter());
    QCOMPARE(view.misclassifiedShown(), all.size());
}

void TestConfusionView::diagonalCellShowsNoImages()
{
    const Dataset d = cycleDataset();
    ConfusionView view;
    view.showResult(makeConfusionResult(d, {1, 0, 2, 1, 2, 2, 1, 1, 0, 0, 0, 2}));
    view.setCellFilter(2, 2);
    QCOMPARE(view.misclassifiedShown(), 0);
    QVERIFY2(view.imagesText().contains(QStringLiteral("3 test image(s) of bird classified right")),
        qPrintable(view.imagesText()));
    view.setCellFilter(5, 0); // out of range: all
    QVERIFY(!view.hasCellFilter());
    QCOMPARE(view.misclassifiedShown(), 7);
}

void TestConfusionView::imagesVisibleFromStart()
{
    // Ten classes with long names fill the matrix; the image grid must still start wide enough
    // for two images side by side, and tall enough for one row.
    Dataset d = cycleDataset(30);
    d.numClasses = 10;
    d.classNames.clear();
    for (int c = 0; c < 10; ++c)
        d.classNames.append(QStringLiteral("a long class name %1").arg(c));
    QVector<int> predicted(30);
    for (int i = 0; i < 30; ++i)
        predicted[i] = (i + 1) % 10;
    ConfusionView view;
    view.resize(900, 360);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showResult(makeConfusionResult(d, predicted));
    QVERIFY(view.misclassifiedShown() > 0);
    QListWidget *images = view.imageList();
    const QSize tile = images->gridSize();
    QVERIFY(tile.width() >= 64 && tile.height() >= 64);
    QTRY_VERIFY2(images->viewport()->width() >= 2 * tile.width(), qPrintable(QString::number(images->width())));
    QVERIFY(images->viewport()->height() >= tile.height());
    // The first image lies inside the visible part of the grid.
    const QRect first = images->visualItemRect(images->item(0));
    QVERIFY(images->viewport()->rect().contains(first));
    // Neither side of the splitter can be collapsed to nothing.
    QVERIFY(!view.splitter()->childrenCollapsible());
    QVERIFY(view.splitter()->sizes().at(0) > 0);
}

void TestConfusionView::csvExport()
{
    Dataset d = toyDataset();
    d.classNames[1] = QStringLiteral("dog, \"good\"");
    ConfusionResult r = makeConfusionResult(d, {0, 2, 2, 1, 1, 0});
    r.runId = 2;
    ConfusionView view;
    view.showResult(r);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("matrix.csv"));
    const Status status = view.exportMatrix(path);
    QVERIFY2(status.ok(), qPrintable(status.error()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString expected = QStringLiteral("true \\ predicted,cat,\"dog, \"\"good\"\"\",bird\n"
                                            "cat,1,1,0\n"
                                            "\"dog, \"\"good\"\"\",0,1,1\n"
                                            "bird,1,0,1\n");
    QCOMPARE(QString::fromUtf8(file.readAll()), expected);
    QCOMPARE(ConfusionExport::csv(r), expected);
}

void TestConfusionView::pngExport()
{
    const Dataset d = toyDataset();
    ConfusionResult r = makeConfusionResult(d, {0, 1, 2, 0, 1, 2}); // all right: a blue diagonal
    r.runId = 2;
    ConfusionView view;
    view.showResult(r);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("matrix.png"));
    const Status status = view.exportMatrix(path);
    QVERIFY2(status.ok(), qPrintable(status.error()));
    QImage image(path);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 100 && image.height() > 100);
    // The full diagonal is drawn in the darkest blue, the rest white.
    const QRgb blue = ConfusionExport::cellColor(true, 1.0).rgb();
    int bluePixels = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            bluePixels += image.pixel(x, y) == blue ? 1 : 0;
    }
    QVERIFY2(bluePixels > 3 * 20 * 20, qPrintable(QString::number(bluePixels)));
    // An unknown suffix is refused, naming the file.
    const Status bad = view.exportMatrix(dir.filePath(QStringLiteral("matrix.bmp")));
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().contains(QStringLiteral("matrix.bmp")));
}

void TestConfusionView::exportNeedsAMatrix()
{
    ConfusionView view;
    QVERIFY(!view.exportButton()->isEnabled());
    QTemporaryDir dir;
    QVERIFY(!view.exportMatrix(dir.filePath(QStringLiteral("m.csv"))).ok());
    ConfusionResult r;
    r.runId = 3;
    r.error = QStringLiteral("broken");
    view.showResult(r);
    QVERIFY(!view.exportButton()->isEnabled());
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("m.csv"))));
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
