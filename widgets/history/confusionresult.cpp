#include "history/confusionresult.h"

#include "data/datasetlocator.h"
#include "store/experimentstore.h"
#include "train/trainedmodel.h"

#include <QCoreApplication>

#include <algorithm>

namespace qb {

QVector<QVector<int>> confusionMatrix(const QVector<int> &labels, const QVector<int> &predicted, int classes)
{
    QVector<QVector<int>> matrix(std::max(0, classes), QVector<int>(std::max(0, classes), 0));
    const qsizetype n = std::min(labels.size(), predicted.size());
    for (qsizetype i = 0; i < n; ++i) {
        const int t = labels.at(i);
        const int p = predicted.at(i);
        if (t >= 0 && t < classes && p >= 0 && p < classes)
            ++matrix[t][p];
    }
    return matrix;
}

QImage sampleImage(const DatasetSplit &split, int index)
{
    if (split.isTabular() || index < 0 || index >= split.count || split.height <= 0 || split.width <= 0
        || split.channels <= 0)
        return QImage();
    const qint64 plane = qint64(split.height) * split.width;
    const qint64 start = qint64(index) * split.sampleSize();
    if (start + split.sampleSize() > qint64(split.pixels.size()))
        return QImage();
    const std::uint8_t *pixels = split.pixels.data() + start;
    if (split.channels == 3) {
        QImage image(split.width, split.height, QImage::Format_RGB888);
        for (int y = 0; y < split.height; ++y) {
            uchar *line = image.scanLine(y);
            for (int x = 0; x < split.width; ++x) {
                const qint64 at = qint64(y) * split.width + x;
                line[3 * x] = pixels[at];
                line[3 * x + 1] = pixels[plane + at];
                line[3 * x + 2] = pixels[2 * plane + at];
            }
        }
        return image;
    }
    QImage image(split.width, split.height, QImage::Format_Grayscale8);
    for (int y = 0; y < split.height; ++y)
        std::copy_n(pixels + qint64(y) * split.width, split.width, image.scanLine(y));
    return image;
}

ConfusionResult makeConfusionResult(
    const Dataset &dataset, const QVector<int> &predicted, int maxMisclassified)
{
    ConfusionResult result;
    result.dataset = dataset.name;
    const int classes = std::max(0, dataset.numClasses);
    for (int c = 0; c < classes; ++c)
        result.classNames.append(
            c < dataset.classNames.size() ? dataset.classNames.at(c) : QString::number(c));
    const int n = int(std::min<qsizetype>(predicted.size(), qsizetype(dataset.test.labels.size())));
    QVector<int> labels(n);
    for (int i = 0; i < n; ++i)
        labels[i] = dataset.test.labels[size_t(i)];
    result.matrix = confusionMatrix(labels, predicted.mid(0, n), classes);
    result.samples = n;
    // Kept per cell, so that the view can show the first images of any one cell; the first
    // maxMisclassified overall are then kept too (each is among the first of its own cell).
    QVector<QVector<int>> kept(classes, QVector<int>(classes, 0));
    for (int i = 0; i < n; ++i) {
        const int t = labels.at(i);
        const int p = predicted.at(i);
        if (t == p) {
            ++result.correct;
        } else if (t >= 0 && t < classes && p >= 0 && p < classes && kept[t][p] < maxMisclassified) {
            ++kept[t][p];
            result.misclassified.append({i, t, p, sampleImage(dataset.test, i)});
        }
    }
    return result;
}

ConfusionResult evaluateConfusion(
    const QString &dbPath, qint64 runId, const QString &dataDir, int maxMisclassified)
{
    const auto failure = [runId](const QString &error) {
        ConfusionResult result;
        result.runId = runId;
        result.error = error;
        return result;
    };
    // Stores are per thread: this one lives and dies in the worker.
    ExperimentStore store;
    if (const Status s = store.open(dbPath); !s)
        return failure(s.error());
    const auto model = TrainedModel::fromRun(store, runId);
    if (!model)
        return failure(model.error());
    const ExperimentSpec &spec = (*model)->spec();
    const auto dataset = DatasetLocator::load(spec.dataset, dataDir);
    if (!dataset)
        return failure(dataset.error());
    const auto predicted = (*model)->predict(dataset->test, spec.train.testLimit);
    if (!predicted)
        return failure(predicted.error());
    ConfusionResult result = makeConfusionResult(*dataset, *predicted, maxMisclassified);
    result.runId = runId;
    return result;
}

} // namespace qb
