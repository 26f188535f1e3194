#pragma once

#include "data/dataset.h"
#include "util/result.h"

#include <QString>

namespace qb {

/// How a CSV file becomes a dataset: which column holds the class and how the rows are split.
struct CsvOptions
{
    /// The column holding the class. Empty: the first header column named "label", "class" or "target"
    /// (case-insensitive), else the last column. Otherwise a 1-based column number when it is a whole
    /// number ("7"), else a header column's name (case-insensitive; a header is then required).
    QString labelColumn;
    /// The share of each class that goes to the test split, in (0, 1).
    double testFraction = 0.2;
    /// Seeds the shuffle that decides the split; independent of the training seed.
    quint64 splitSeed = 0;
};

/// Reads a table of numeric features and one class column from a CSV file into a tabular Dataset
/// (DatasetSplit::features, see dataset.h): one sample per row, one feature per column besides the label.
///
/// Format (UTF-8, an optional byte-order mark is skipped; at most 512 MiB, read whole into memory):
/// - Separator: ',', ';' or tab, whichever occurs most often outside quotes on the first data or
///   header line (ties go to ',', then ';'). Decimal commas are not supported: numbers use '.'.
/// - Fields may be quoted with '"' (a doubled "" inside is one quote; quoted fields may hold
///   separators and line breaks). Spaces around fields are ignored. LF, CRLF or CR line ends.
/// - Lines that are blank or whose first non-blank character is '#' are skipped anywhere.
/// - Header: the first line that is neither blank nor a comment is a header when one of its fields is
///   named label/class/target (case-insensitive), when CsvOptions::labelColumn names one of its fields,
///   or when any of its fields other than the label column's is text that is not a number (an empty
///   field, "nan" or "inf" is bad data, not a name, and is reported as such). So a header whose names
///   are all numbers (besides the label's) is not recognized, and a header-less file whose first row
///   holds a text placeholder such as "?" loses that row to a header; a header is required to choose
///   the label column by name.
/// - Every feature cell must be a finite number (no empty cells, no NaN): anything else is an error
///   naming the file, the line and the column (its header name when there is one, and its 1-based
///   number). Rows with a different number of fields than the first are errors naming the line.
///
/// Classes: the label column's distinct texts (trimmed) become classes 0..K-1, ordered numerically
/// when every label is an integer, else as strings (code point order, case-sensitive); the texts are
/// the class names. K must be 2..255.
///
/// Split: stratified and seeded, reproducible and independent of the training seed. One
/// std::mt19937_64(splitSeed) shuffles each class's rows in turn (classes in order, a Fisher-Yates
/// shuffle written out here, since std::shuffle differs between standard libraries), and the first
/// round(n_c * testFraction) rows of class c (halves rounded away from zero) go to test -- clamped to
/// [1, n_c - 1] when n_c >= 2. Within each split the rows then keep their order in the file. A split
/// left empty (only possible when every class has a single row) is an error.
///
/// Standardization: tabular features come in arbitrary units (millimetres next to degrees), so each
/// feature column is z-scored with the mean and the population standard deviation of the TRAIN split
/// (a column constant in train is only centred, i.e. divided by 1); the test split uses the same train
/// statistics. Images, by contrast, stay uint8 and are normalized per batch.
///
/// Dataset::name is the file's name ("column_3C.csv"), Dataset::directory the absolute folder holding it.
class CsvReader
{
public:
    static Result<Dataset> read(const QString &path, const CsvOptions &options = {});
};

} // namespace qb
