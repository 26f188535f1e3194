#pragma once

#include "data/csvreader.h"
#include "data/dataset.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

namespace qb {

/// Finds and loads the datasets QuantBench knows: "mnist", "fashion-mnist", "cifar10", "nmnist".
/// Lookup order for dataset NAME (first folder that holds the files wins):
///   1. `dataDir` when given (the folder holding that dataset's files),
///   2. $QUANTBENCH_DATA/NAME,
///   3. $XDG_DATA_HOME/quantbench/datasets/NAME (XDG_DATA_HOME unset: ~/.local/share, i.e. the Qt
///      GenericDataLocation),
///   4. /usr/share/datasets/NAME (Debian's dataset-fashion-mnist installs Fashion-MNIST there).
/// MNIST-style files may be plain or .gz; CIFAR-10 files may sit in a cifar-10-batches-bin/ subfolder.
/// N-MNIST's folder is the one that holds the Train/ and Test/ folders of its archives (Tonic's layout,
/// `Train/<digit>/*.bin`, see NmnistReader); both splits load as event splits (DatasetSplit::isEvents()).
///
/// A name ending in ".csv" (any case) is a path to a table read with CsvReader: an absolute path is
/// used as it is; a relative one is resolved against `dataDir` when given, else against the current
/// folder. No other place is searched for it.
class DatasetLocator
{
public:
    /// The datasets known by name (CSV files are not listed: any path ending in .csv is accepted).
    static QStringList knownDatasets();
    /// True for a known dataset name or a name ending in ".csv" (whether or not the file exists).
    static bool isKnown(const QString &name);
    /// True when `name` ends in ".csv" (any case), i.e. names a CSV file rather than an image dataset.
    static bool isCsvName(const QString &name);
    /// The folders searched for `name`, in order (for a CSV name: the folder the file would be in).
    static QStringList searchPaths(const QString &name, const QString &dataDir = QString());
    /// The first folder that holds the dataset's files, or an error listing where it looked.
    /// For a CSV name: the CSV file's absolute path, or an error naming it when it does not exist.
    static Result<QString> locate(const QString &name, const QString &dataDir = QString());
    /// Locates and reads both splits. A dataDir given explicitly is the only place searched.
    /// `csv` says how a CSV file is read (label column, test fraction, split seed); image sets ignore it.
    static Result<Dataset> load(const QString &name, const QString &dataDir = QString(),
                                const CsvOptions &csv = {});
};

} // namespace qb
