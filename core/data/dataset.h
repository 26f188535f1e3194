#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace qb {

/// One split of an image-classification dataset, kept as uint8 in memory (normalized per batch).
/// Pixels are stored sample-major in CHW order: sample i starts at i * channels*height*width.
struct DatasetSplit
{
    int count = 0;
    int channels = 0;
    int height = 0;
    int width = 0;
    std::vector<std::uint8_t> pixels;
    std::vector<std::uint8_t> labels;

    qint64 sampleSize() const { return qint64(channels) * height * width; }
    /// A copy holding the first n samples (n <= 0 or n >= count: everything).
    DatasetSplit head(int n) const;
};

/// A dataset: its name, train and test splits, and the number of classes.
struct Dataset
{
    QString name;        ///< "fashion-mnist", "mnist", "cifar10"
    QString directory;   ///< where the files were found
    int numClasses = 10;
    QStringList classNames;
    DatasetSplit train;
    DatasetSplit test;
};

} // namespace qb
