#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace qb {

/// One split of a classification dataset. Two kinds share the struct:
/// - images (isTabular() false): uint8 in memory, normalized per batch. Pixels are stored
///   sample-major in CHW order: sample i starts at i * channels*height*width; `features` is empty.
/// - tabular (isTabular() true, read from a CSV file): each sample is a vector of `channels` floats
///   (one per feature column, height = width = 1), stored sample-major in `features`, already
///   standardized by the reader (see CsvReader); `pixels` is empty.
/// `labels` holds one class index per sample in both kinds.
struct DatasetSplit
{
    int count = 0;
    int channels = 0; ///< image channels, or the number of feature columns of a tabular split
    int height = 0;
    int width = 0;
    std::vector<std::uint8_t> pixels;
    std::vector<float> features; ///< tabular samples (count * channels); empty for images
    std::vector<std::uint8_t> labels;

    bool isTabular() const { return !features.empty(); }
    qint64 sampleSize() const { return qint64(channels) * height * width; }
    /// A copy holding the first n samples (n <= 0 or n >= count: everything).
    DatasetSplit head(int n) const;
};

/// A dataset: its name, train and test splits, and the number of classes.
struct Dataset
{
    QString name;        ///< "fashion-mnist", "mnist", "cifar10", or a CSV file's name ("column_3C.csv")
    QString directory;   ///< where the files were found (for a CSV file: the folder holding it)
    int numClasses = 10;
    QStringList classNames;
    DatasetSplit train;
    DatasetSplit test;
    /// Tabular datasets: the standardization the reader applied, feature = float((raw - mean) / scale)
    /// computed in double (CsvReader); empty for images. Exports put it into their graphs.
    std::vector<double> featureMean, featureScale;
};

} // namespace qb
