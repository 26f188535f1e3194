#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace qb {

/// One event of a dynamic vision sensor (N-MNIST): pixel, polarity (1 = ON, 0 = OFF) and time in
/// microseconds from the start of the recording.
struct DvsEvent
{
    std::uint16_t x = 0;
    std::uint16_t y = 0;
    std::uint8_t polarity = 0;
    std::uint32_t t = 0;
};

/// One split of a classification dataset. Two kinds share the struct:
/// - images (isTabular() false): uint8 in memory, normalized per batch. Pixels are stored
///   sample-major in CHW order: sample i starts at i * channels*height*width; `features` is empty.
/// - tabular (isTabular() true, read from a CSV file): each sample is a vector of `channels` floats
///   (one per feature column, height = width = 1), stored sample-major in `features`, already
///   standardized by the reader (see CsvReader); `pixels` is empty.
/// - events (isEvents() true, read from N-MNIST files): each sample is a list of DvsEvent sorted by
///   time; sample i's events are events[eventOffsets[i] .. eventOffsets[i+1]). channels = 2
///   (OFF, ON), height and width the sensor's. Batches frame them into time steps on the fly
///   (data/eventframes.h); `pixels` and `features` are empty.
/// `labels` holds one class index per sample in every kind.
struct DatasetSplit
{
    int count = 0;
    int channels = 0; ///< image channels, or the number of feature columns of a tabular split
    int height = 0;
    int width = 0;
    std::vector<std::uint8_t> pixels;
    std::vector<float> features; ///< tabular samples (count * channels); empty for images
    std::vector<std::uint8_t> labels;
    std::vector<DvsEvent> events;         ///< event samples, concatenated; empty otherwise
    std::vector<std::int64_t> eventOffsets; ///< count + 1 offsets into `events`; empty otherwise

    bool isTabular() const { return !features.empty(); }
    bool isEvents() const { return !eventOffsets.empty(); }
    qint64 sampleSize() const { return qint64(channels) * height * width; }
    /// A copy holding the first n samples (n <= 0 or n >= count: everything).
    DatasetSplit head(int n) const;
};

/// A dataset: its name, train and test splits, and the number of classes.
struct Dataset
{
    QString name;        ///< "fashion-mnist", "mnist", "cifar10", "nmnist", or a CSV file's name ("column_3C.csv")
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
