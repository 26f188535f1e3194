#pragma once

#include "data/dataset.h"

#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

namespace qb {

/// A misclassified test sample: its index in the test split, its true and predicted classes, and
/// (for image datasets) its pixels as an image.
struct MisclassifiedSample
{
    int index = 0;
    int trueClass = 0;
    int predictedClass = 0;
    QImage image; ///< null for tabular data
};

/// What the confusion view shows for one run: the confusion matrix over the evaluated test samples
/// and the first misclassified ones. A plain value: made in a worker thread, shown in the GUI thread.
struct ConfusionResult
{
    qint64 runId = -1;
    QString error; ///< not empty: the evaluation failed (names the file or run)
    QString dataset;
    QStringList classNames; ///< one per class (the class index as text when the dataset has none)
    QVector<QVector<int>> matrix; ///< [true class][predicted class] = count
    int samples = 0;
    int correct = 0;
    QList<MisclassifiedSample> misclassified; ///< in test order, at most a few of each cell

    int numClasses() const { return int(matrix.size()); }
    double accuracy() const { return samples > 0 ? double(correct) / samples : 0.0; }
};

/// Counts (true, predicted) pairs: result[t][p] is how many samples of class t were predicted as p.
/// Pairs beyond the shorter list, and classes outside [0, classes), are not counted.
QVector<QVector<int>> confusionMatrix(const QVector<int> &labels, const QVector<int> &predicted, int classes);

/// Sample `index` of an image split as an image: grayscale for one channel, RGB for three (CHW
/// storage), the first channel otherwise. A null image for tabular splits or a bad index.
QImage sampleImage(const DatasetSplit &split, int index);

/// The result for predictions of the first predicted.size() test samples of `dataset`, keeping the
/// first `maxMisclassified` misclassified samples of every (true, predicted) cell, in test order.
ConfusionResult makeConfusionResult(
    const Dataset &dataset, const QVector<int> &predicted, int maxMisclassified = 48);

/// Loads run `runId` (its own ExperimentStore on `dbPath`, for the calling thread), its dataset and
/// predicts its test split (as many samples as the run was tested on). Slow (seconds): call it in a
/// worker thread. Never throws; failures come back in ConfusionResult::error.
ConfusionResult evaluateConfusion(
    const QString &dbPath, qint64 runId, const QString &dataDir, int maxMisclassified = 48);

} // namespace qb
