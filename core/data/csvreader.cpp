#include "data/csvreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStringList>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <random>
#include <utility>

namespace qb {

namespace {

// The whole file is held in memory (as UTF-16, next to the parsed numbers): a table bigger than this is not
// a dataset for this reader, and the limit keeps a wrong file (a disk image, a log) from eating all memory.
constexpr qint64 kMaxFileSize = qint64(512) << 20;
constexpr int kMaxClasses = 255; // labels are stored as uint8

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// Messages that hold text from the file (names, cells) fill it in with one multi-argument arg() call, so
// that a '%1' in that text is not taken for a placeholder by a later arg().

bool isBlankOrComment(QStringView line)
{
    const QStringView trimmed = line.trimmed();
    return trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#'));
}

/// One record of the file: its fields (trimmed, unquoted) and the line it starts on (1-based). Fields are
/// views into the file's text or, for quoted fields, into the record's unescaped copy of them. Views
/// rather than a QString per cell keep a table of millions of cells quick to read and small in memory
/// (a record is reused from row to row).
class Record
{
public:
    int line = 0;

    int size() const { return int(m_fields.size()); }
    QStringView field(int i) const
    {
        const Field &f = m_fields[std::size_t(i)];
        return (f.inScratch ? QStringView(m_unescaped) : m_text).mid(f.start, f.length).trimmed();
    }
    QStringList toStringList() const
    {
        QStringList list;
        for (int i = 0; i < size(); ++i)
            list << field(i).toString();
        return list;
    }

private:
    friend class RecordReader;
    struct Field
    {
        bool inScratch = false;
        qsizetype start = 0;
        qsizetype length = 0;
    };
    QStringView m_text;
    QString m_unescaped;
    std::vector<Field> m_fields;
};

/// Reads the records of a CSV text (line ends already "\n") one at a time, skipping blank and comment
/// lines. Quoted fields may hold separators, "" escapes and line breaks.
class RecordReader
{
public:
    RecordReader(const QString &text, QChar separator) : m_text(text), m_separator(separator) {}

    /// The next record; false at the end or on a malformed quoted field (then error() says where).
    bool next(Record &record);
    /// What was wrong (without the file name), or empty.
    const QString &error() const { return m_error; }

private:
    bool isSpace(QChar c) const
    {
        return c == QLatin1Char(' ') || (c == QLatin1Char('\t') && m_separator != QLatin1Char('\t'));
    }

    const QString &m_text;
    QChar m_separator;
    qsizetype m_pos = 0;
    int m_line = 1;
    QString m_error;
};

bool RecordReader::next(Record &record)
{
    const qsizetype n = m_text.size();
    const QChar *text = m_text.constData();
    const QChar newline = QLatin1Char('\n');
    const QChar quote = QLatin1Char('"');
    while (m_pos < n) {
        qsizetype lineEnd = m_text.indexOf(newline, m_pos);
        if (lineEnd < 0)
            lineEnd = n;
        if (!isBlankOrComment(QStringView(m_text).mid(m_pos, lineEnd - m_pos)))
            break;
        m_pos = lineEnd + 1;
        ++m_line;
    }
    if (m_pos >= n)
        return false;

    record.line = m_line;
    record.m_text = QStringView(m_text);
    record.m_unescaped.clear();
    record.m_fields.clear();
    for (;;) {
        while (m_pos < n && isSpace(text[m_pos]))
            ++m_pos;
        const int column = record.size() + 1;
        Record::Field field;
        if (m_pos < n && text[m_pos] == quote) {
            const int quoteLine = m_line;
            // Copy the content into the record's scratch text, unescaping "" on the way.
            field.inScratch = true;
            field.start = record.m_unescaped.size();
            bool closed = false;
            for (++m_pos; m_pos < n; ++m_pos) {
                const QChar c = text[m_pos];
                if (c == quote) {
                    if (m_pos + 1 < n && text[m_pos + 1] == quote) {
                        record.m_unescaped += c;
                        ++m_pos;
                        continue;
                    }
                    ++m_pos;
                    closed = true;
                    break;
                }
                if (c == newline)
                    ++m_line;
                record.m_unescaped += c;
            }
            if (!closed) {
                m_error = QCoreApplication::translate("qb::CsvReader",
                                                      "line %1, column %2: the quoted field is never closed")
                              .arg(quoteLine)
                              .arg(column);
                return false;
            }
            field.length = record.m_unescaped.size() - field.start;
            while (m_pos < n && isSpace(text[m_pos]))
                ++m_pos;
            if (m_pos < n && text[m_pos] != m_separator && text[m_pos] != newline) {
                m_error = QCoreApplication::translate("qb::CsvReader",
                                                      "line %1, column %2: unexpected text after the "
                                                      "closing quote (a quote inside a quoted field is "
                                                      "written \"\")")
                              .arg(m_line)
                              .arg(column);
                return false;
            }
        } else {
            field.start = m_pos;
            while (m_pos < n && text[m_pos] != m_separator && text[m_pos] != newline)
                ++m_pos;
            field.length = m_pos - field.start;
        }
        record.m_fields.push_back(field);
        if (m_pos < n && text[m_pos] == m_separator) {
            ++m_pos;
            continue;
        }
        if (m_pos < n) { // the '\n' ending the record
            ++m_pos;
            ++m_line;
        }
        return true;
    }
}

QString separatorName(QChar separator)
{
    if (separator == QLatin1Char('\t'))
        return QCoreApplication::translate("qb::CsvReader", "tab");
    return QStringLiteral("'%1'").arg(separator);
}

/// The separator of the first content line: the most frequent of ',', ';' and tab outside quotes
/// (ties: ',' before ';' before tab).
QChar detectSeparator(QStringView line)
{
    const QChar candidates[] = {QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t')};
    int counts[] = {0, 0, 0};
    bool inQuotes = false;
    for (const QChar c : line) {
        if (c == QLatin1Char('"'))
            inQuotes = !inQuotes; // a doubled "" toggles twice: no change, as it should
        else if (!inQuotes)
            for (int k = 0; k < 3; ++k)
                if (c == candidates[k])
                    ++counts[k];
    }
    int best = 0;
    for (int k = 1; k < 3; ++k)
        if (counts[k] > counts[best])
            best = k;
    return candidates[best];
}

/// Reads a whole field as a number in the C locale ("-1.5", "+2", ".5", "1e-3"; also "nan" and "inf",
/// which the callers reject). std::from_chars where the standard library has it for double: it is some
/// 30 times faster than QStringView::toDouble, which matters for tables of millions of cells.
bool readDouble(QStringView field, double *value)
{
#if defined(__cpp_lib_to_chars)
    char buffer[64];
    if (field.size() <= qsizetype(sizeof buffer)) { // longer ones (rare): Qt below
        if (field.startsWith(QLatin1Char('+'))) {
            field = field.mid(1); // from_chars takes no '+'
            if (field.startsWith(QLatin1Char('-')))
                return false; // "+-1"
        }
        for (qsizetype i = 0; i < field.size(); ++i) {
            const char16_t c = field[i].unicode();
            if (c > 127)
                return false;
            buffer[i] = char(c);
        }
        const char *end = buffer + field.size();
        const auto result = std::from_chars(buffer, end, *value);
        return !field.isEmpty() && result.ec == std::errc() && result.ptr == end;
    }
#endif
    bool ok = false;
    *value = field.toDouble(&ok);
    return ok;
}

/// A finite number: what a feature cell must hold.
bool parseNumber(QStringView field, double *value)
{
    return readDouble(field, value) && std::isfinite(*value);
}

/// A field that can only be a column name: text that is not a number. Empty cells, "nan" and "inf" are
/// not names but bad data, so a first row holding them is reported as data, not taken as a header.
bool isNameLike(QStringView field)
{
    double ignored = 0;
    return !field.isEmpty() && !readDouble(field, &ignored);
}

bool isLabelName(const QString &field)
{
    for (const char *name : {"label", "class", "target"})
        if (field.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

int indexOfName(const QStringList &fields, const QString &name)
{
    for (int i = 0; i < fields.size(); ++i)
        if (fields[i].compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

/// Where the label column is and whether the first record is a header, or an error (without the file).
struct Layout
{
    int labelIndex = -1;
    bool header = false;
    QString error;
};

Layout findLayout(const QStringList &fields, int line, const QString &labelColumn)
{
    Layout layout;
    const auto anyOtherNonNumeric = [&fields](int labelIndex) {
        for (int i = 0; i < fields.size(); ++i)
            if (i != labelIndex && isNameLike(fields[i]))
                return true;
        return false;
    };

    const QString wanted = labelColumn.trimmed();
    if (wanted.isEmpty()) {
        for (int i = 0; i < fields.size() && layout.labelIndex < 0; ++i)
            if (isLabelName(fields[i]))
                layout.labelIndex = i;
        if (layout.labelIndex >= 0) {
            layout.header = true;
        } else {
            layout.labelIndex = int(fields.size()) - 1;
            layout.header = anyOtherNonNumeric(layout.labelIndex);
        }
        return layout;
    }

    // A whole number is a column number: header-less files are all numbers, so matching their values
    // as names would pick a column by its first value.
    bool isInteger = false;
    const int number = wanted.toInt(&isInteger);
    if (isInteger) {
        if (number < 1 || number > fields.size()) {
            layout.error = QCoreApplication::translate(
                               "qb::CsvReader", "label column %1 does not exist: line %2 has %3 columns")
                               .arg(wanted)
                               .arg(line)
                               .arg(fields.size());
            return layout;
        }
        layout.labelIndex = number - 1;
        layout.header = anyOtherNonNumeric(layout.labelIndex);
        return layout;
    }
    const int named = indexOfName(fields, wanted);
    if (named >= 0) {
        layout.labelIndex = named;
        layout.header = true;
        return layout;
    }
    const auto nonNumeric =
        std::count_if(fields.begin(), fields.end(), [](const QString &field) { return isNameLike(field); });
    if (nonNumeric > 1)
        layout.error = QCoreApplication::translate(
                           "qb::CsvReader", "no column named '%1' in the header on line %2 (columns: %3)")
                           .arg(wanted, QString::number(line), fields.join(QLatin1String(", ")));
    else // numbers and at most a label: data, not a header
        layout.error = QCoreApplication::translate("qb::CsvReader",
                                                   "no column named '%1': the file has no header line "
                                                   "(line %2 holds numbers); give the label column's "
                                                   "number instead")
                           .arg(wanted, QString::number(line));
    return layout;
}

/// The classes in order (see CsvReader): integers numerically when all labels are integers, else as text.
QStringList orderClasses(const QStringList &distinct)
{
    std::vector<std::pair<qlonglong, QString>> numbered;
    numbered.reserve(std::size_t(distinct.size()));
    for (const QString &label : distinct) {
        bool ok = false;
        const qlonglong value = label.toLongLong(&ok);
        if (!ok) {
            QStringList sorted = distinct;
            std::sort(sorted.begin(), sorted.end(),
                      [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseSensitive) < 0; });
            return sorted;
        }
        numbered.emplace_back(value, label);
    }
    std::sort(numbered.begin(), numbered.end()); // ties ("1" and "01") by text
    QStringList sorted;
    for (const auto &entry : numbered)
        sorted << entry.second;
    return sorted;
}

/// A uniform integer in [0, bound) from the generator, the same on every platform (unlike
/// std::uniform_int_distribution): rejection sampling on the raw 64-bit output.
std::uint64_t uniformBelow(std::mt19937_64 &generator, std::uint64_t bound)
{
    constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t limit = kMax - kMax % bound;
    std::uint64_t draw = generator();
    while (draw >= limit)
        draw = generator();
    return draw % bound;
}

/// Splits row indices into train and test per class (see CsvReader), each in file order.
void stratifiedSplit(const std::vector<std::uint8_t> &labels, int numClasses, double testFraction,
                     quint64 seed, std::vector<int> &train, std::vector<int> &test)
{
    std::vector<std::vector<int>> byClass(static_cast<std::size_t>(numClasses));
    for (int i = 0; i < int(labels.size()); ++i)
        byClass[labels[std::size_t(i)]].push_back(i);

    std::mt19937_64 generator(seed);
    for (std::vector<int> &rows : byClass) {
        const int n = int(rows.size());
        for (int i = n - 1; i > 0; --i) // Fisher-Yates
            std::swap(rows[std::size_t(i)], rows[std::size_t(uniformBelow(generator, std::uint64_t(i) + 1))]);
        int testCount = int(std::lround(double(n) * testFraction));
        if (n >= 2)
            testCount = std::clamp(testCount, 1, n - 1);
        test.insert(test.end(), rows.begin(), rows.begin() + testCount);
        train.insert(train.end(), rows.begin() + testCount, rows.end());
    }
    std::sort(train.begin(), train.end());
    std::sort(test.begin(), test.end());
}

DatasetSplit makeSplit(const std::vector<int> &rows, const std::vector<double> &values,
                       const std::vector<std::uint8_t> &labels, int numFeatures,
                       const std::vector<double> &mean, const std::vector<double> &scale)
{
    DatasetSplit split;
    split.count = int(rows.size());
    split.channels = numFeatures;
    split.height = 1;
    split.width = 1;
    split.features.resize(rows.size() * std::size_t(numFeatures));
    split.labels.resize(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::size_t row = std::size_t(rows[i]);
        split.labels[i] = labels[row];
        for (int f = 0; f < numFeatures; ++f) {
            const double v = values[row * std::size_t(numFeatures) + std::size_t(f)];
            split.features[i * std::size_t(numFeatures) + std::size_t(f)] =
                float((v - mean[std::size_t(f)]) / scale[std::size_t(f)]);
        }
    }
    return split;
}

} // namespace

Result<Dataset> CsvReader::read(const QString &path, const CsvOptions &options)
{
    using R = Result<Dataset>;
    const QString file = nativePath(path);
    // Every message starts with the file it is about.
    const auto fail = [&file](const QString &what) {
        return R::failure(QStringLiteral("%1: %2").arg(file, what));
    };

    if (!(options.testFraction > 0 && options.testFraction < 1))
        return fail(QCoreApplication::translate(
                        "qb::CsvReader", "the test fraction must be between 0 and 1 (exclusive), not %1")
                        .arg(options.testFraction));
    const QFileInfo info(path);
    if (!info.exists())
        return fail(QCoreApplication::translate("qb::CsvReader", "file not found"));
    if (info.isDir())
        return fail(QCoreApplication::translate("qb::CsvReader", "is a folder, not a CSV file"));
    if (info.size() > kMaxFileSize)
        return fail(
            QCoreApplication::translate("qb::CsvReader", "the file is too large (%1 MiB; at most %2 MiB)")
                .arg(info.size() >> 20)
                .arg(kMaxFileSize >> 20));
    QFile device(path);
    if (!device.open(QIODevice::ReadOnly))
        return fail(QCoreApplication::translate("qb::CsvReader", "cannot read the file: %1")
                        .arg(device.errorString()));
    const QByteArray bytes = device.readAll();
    if (bytes.size() != info.size())
        return fail(
            QCoreApplication::translate("qb::CsvReader", "cannot read the file: read %1 of %2 bytes (%3)")
                .arg(bytes.size())
                .arg(info.size())
                .arg(device.errorString()));

    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));

    // The separator comes from the first line that is neither blank nor a comment.
    QChar separator = QLatin1Char(',');
    bool hasContent = false;
    for (qsizetype pos = 0; pos < text.size();) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), pos);
        if (end < 0)
            end = text.size();
        const QStringView line = QStringView(text).mid(pos, end - pos);
        if (!isBlankOrComment(line)) {
            separator = detectSeparator(line);
            hasContent = true;
            break;
        }
        pos = end + 1;
    }
    if (!hasContent)
        return fail(QCoreApplication::translate(
            "qb::CsvReader", "the file holds no data (it is empty, or only blank and comment lines)"));

    RecordReader reader(text, separator);
    Record record;
    if (!reader.next(record))
        return fail(reader.error());
    const QStringList first = record.toStringList();
    const int firstLine = record.line;
    const int numColumns = int(first.size());
    if (numColumns < 2)
        return fail(QCoreApplication::translate("qb::CsvReader",
                                                "line %1 has a single column (separator: %2); feature "
                                                "columns and a label column are needed")
                        .arg(firstLine)
                        .arg(separatorName(separator)));
    const Layout layout = findLayout(first, firstLine, options.labelColumn);
    if (!layout.error.isEmpty())
        return fail(layout.error);
    const QStringList header = layout.header ? first : QStringList();
    const auto columnText = [&header](int index) {
        if (index < header.size() && !header[index].isEmpty())
            return QCoreApplication::translate("qb::CsvReader", "column %1 (%2)")
                .arg(index + 1)
                .arg(header[index]);
        return QCoreApplication::translate("qb::CsvReader", "column %1").arg(index + 1);
    };

    const int numFeatures = numColumns - 1;
    std::vector<double> values;
    QStringList labelTexts;
    // The first record is data when it is not the header; every other record is data.
    for (bool more = !layout.header || reader.next(record); more; more = reader.next(record)) {
        if (record.size() != numColumns)
            return fail(
                QCoreApplication::translate("qb::CsvReader", "line %1 has %2 fields, but line %3 has %4")
                    .arg(record.line)
                    .arg(record.size())
                    .arg(firstLine)
                    .arg(numColumns));
        if (labelTexts.size() == std::numeric_limits<int>::max())
            return fail(QCoreApplication::translate("qb::CsvReader", "too many rows"));
        for (int c = 0; c < numColumns; ++c) {
            const QStringView field = record.field(c);
            if (c == layout.labelIndex) {
                if (field.isEmpty())
                    return fail(
                        QCoreApplication::translate("qb::CsvReader", "line %1, %2: the label is empty")
                            .arg(record.line)
                            .arg(columnText(c)));
                labelTexts << field.toString();
                continue;
            }
            double value = 0;
            if (field.isEmpty())
                return fail(QCoreApplication::translate("qb::CsvReader",
                                                        "line %1, %2: empty cell where a number is expected "
                                                        "(missing values are not supported)")
                                .arg(record.line)
                                .arg(columnText(c)));
            if (!parseNumber(field, &value))
                return fail(QCoreApplication::translate("qb::CsvReader", "line %1, %2: '%3' is not a number")
                                .arg(QString::number(record.line), columnText(c), field.toString()));
            values.push_back(value);
        }
    }
    if (!reader.error().isEmpty())
        return fail(reader.error());
    text.clear();
    const std::size_t numRows = std::size_t(labelTexts.size());
    if (numRows < 2)
        return fail(
            QCoreApplication::translate("qb::CsvReader", "%1 data rows; at least 2 are needed").arg(numRows));

    QStringList distinct = labelTexts;
    distinct.removeDuplicates();
    const QString labelColumnText = columnText(layout.labelIndex);
    if (distinct.size() < 2)
        return fail(QCoreApplication::translate("qb::CsvReader",
                                                "the label column, %1, holds a single class ('%2'); at least "
                                                "2 classes are needed")
                        .arg(labelColumnText, distinct.value(0)));
    if (distinct.size() > kMaxClasses)
        return fail(
            QCoreApplication::translate("qb::CsvReader",
                                        "the label column, %1, holds %2 distinct values; at most %3 classes "
                                        "are supported (is it the right column?)")
                .arg(labelColumnText, QString::number(distinct.size()), QString::number(kMaxClasses)));
    const QStringList classNames = orderClasses(distinct);
    QHash<QString, int> classOf;
    for (int k = 0; k < classNames.size(); ++k)
        classOf.insert(classNames[k], k);
    std::vector<std::uint8_t> labels(numRows);
    for (std::size_t i = 0; i < numRows; ++i)
        labels[i] = std::uint8_t(classOf.value(labelTexts[qsizetype(i)]));

    std::vector<int> trainRows;
    std::vector<int> testRows;
    stratifiedSplit(labels, int(classNames.size()), options.testFraction, options.splitSeed, trainRows,
                    testRows);
    if (trainRows.empty() || testRows.empty())
        return fail(QCoreApplication::translate("qb::CsvReader",
                                                "%1 rows are too few to split into train and test with a "
                                                "test fraction of %2 (every class has a single row)")
                        .arg(numRows)
                        .arg(options.testFraction));

    // Train statistics per feature column (two passes, in double). A column that is constant in train is
    // only centred: its computed std may be a rounding residue, not zero, and dividing by it would turn the
    // column into noise.
    std::vector<double> mean(std::size_t(numFeatures), 0.0);
    std::vector<double> scale(std::size_t(numFeatures), 0.0);
    std::vector<bool> constant(std::size_t(numFeatures), true);
    const auto value = [&values, numFeatures](int row, int f) {
        return values[std::size_t(row) * std::size_t(numFeatures) + std::size_t(f)];
    };
    for (const int row : trainRows)
        for (int f = 0; f < numFeatures; ++f) {
            mean[std::size_t(f)] += value(row, f);
            if (value(row, f) != value(trainRows.front(), f))
                constant[std::size_t(f)] = false;
        }
    for (double &m : mean)
        m /= double(trainRows.size());
    for (const int row : trainRows)
        for (int f = 0; f < numFeatures; ++f) {
            const double d = value(row, f) - mean[std::size_t(f)];
            scale[std::size_t(f)] += d * d;
        }
    for (int f = 0; f < numFeatures; ++f) {
        double &s = scale[std::size_t(f)];
        s = std::sqrt(s / double(trainRows.size()));
        if (constant[std::size_t(f)] || !(s > 0) || !std::isfinite(s))
            s = 1.0;
    }

    Dataset dataset;
    dataset.name = info.fileName();
    dataset.directory = info.absolutePath();
    dataset.numClasses = int(classNames.size());
    dataset.classNames = classNames;
    dataset.train = makeSplit(trainRows, values, labels, numFeatures, mean, scale);
    dataset.test = makeSplit(testRows, values, labels, numFeatures, mean, scale);
    dataset.featureMean = mean;
    dataset.featureScale = scale;
    return dataset;
}

} // namespace qb
