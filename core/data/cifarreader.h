#pragma once

#include "data/dataset.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

namespace qb {

/// Reads CIFAR-10 binary batches: records of 1 label byte + 3072 pixel bytes (3x32x32, CHW).
/// A file whose size is not a multiple of 3073, an empty file or a label > 9 is an error naming
/// the file (and the record).
class CifarReader
{
public:
    static Result<DatasetSplit> readBatch(const QString &path);
    /// Concatenates several batches in order.
    static Result<DatasetSplit> readBatches(const QStringList &paths);
};

} // namespace qb
