#pragma once

#include "data/dataset.h"
#include "util/result.h"

#include <QString>

namespace qb {

/// Reads MNIST-style IDX files (magic 0x00000803 for images, 0x00000801 for labels), plain or
/// gzip-compressed (detected from the content, not the name). Every error names the file and the
/// problem: missing, unreadable, not gzip though named .gz / corrupt gzip stream, wrong magic,
/// truncated, trailing bytes.
class IdxReader
{
public:
    /// Images file -> a split with count, 1 channel, height, width and pixels (labels empty).
    static Result<DatasetSplit> readImages(const QString &path);
    /// Labels file -> the label bytes. Labels >= maxClasses are an error naming the index.
    static Result<std::vector<std::uint8_t>> readLabels(const QString &path, int maxClasses = 10);
    /// Both, checking that the counts agree (error names both files).
    static Result<DatasetSplit> readSplit(const QString &imagesPath, const QString &labelsPath,
                                          int maxClasses = 10);
};

} // namespace qb
