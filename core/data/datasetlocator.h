#pragma once

#include "data/dataset.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

namespace qb {

/// Finds and loads the datasets QuantBench knows: "mnist", "fashion-mnist", "cifar10".
/// Lookup order for dataset NAME (first folder that holds the files wins):
///   1. `dataDir` when given (the folder holding that dataset's files),
///   2. $QUANTBENCH_DATA/NAME,
///   3. $XDG_DATA_HOME/quantbench/datasets/NAME (XDG_DATA_HOME unset: ~/.local/share, i.e. the Qt
///      GenericDataLocation),
///   4. /usr/share/datasets/NAME (Debian's dataset-fashion-mnist installs Fashion-MNIST there).
/// MNIST-style files may be plain or .gz; CIFAR-10 files may sit in a cifar-10-batches-bin/ subfolder.
class DatasetLocator
{
public:
    static QStringList knownDatasets();
    static bool isKnown(const QString &name);
    /// The folders searched for `name`, in order.
    static QStringList searchPaths(const QString &name, const QString &dataDir = QString());
    /// The first folder that holds the dataset's files, or an error listing where it looked.
    static Result<QString> locate(const QString &name, const QString &dataDir = QString());
    /// Locates and reads both splits. A dataDir given explicitly is the only place searched.
    static Result<Dataset> load(const QString &name, const QString &dataDir = QString());
};

} // namespace qb
