#include "data/csvreader.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <random>

using namespace qb;

namespace {

constexpr int kFeatures = 6;

/// A table shaped like the users' vertebral column data (column_3C.csv): 310 rows, 6 features in
/// different units, 3 classes of 100/60/150 rows in shuffled order. Feature 0 is 30 + row/4, so a
/// sample's row can be recovered from it; `rows` holds the values as the file holds them (3 decimals).
struct Table
{
    QByteArray csv;
    std::vector<std::array<double, kFeatures>> rows;
    QStringList labels;
};

Table vertebralTable()
{
    Table table;
    for (const auto &[name, n] :
        {std::pair<const char *, int>{"Normal", 100}, {"Hernia", 60}, {"Spondylolisthesis", 150}})
        for (int i = 0; i < n; ++i)
            table.labels << QString::fromLatin1(name);
    std::mt19937 generator(7);
    std::shuffle(table.labels.begin(), table.labels.end(), generator);

    table.csv = "pelvic_incidence,pelvic_tilt,lumbar_lordosis_angle,sacral_slope,pelvic_radius,"
                "degree_spondylolisthesis,class\n";
    const double scales[kFeatures] = {0, 10, 18, 13, 13, 37};
    const double offsets[kFeatures] = {0, 17, 51, 42, 118, 26};
    for (int row = 0; row < table.labels.size(); ++row) {
        std::array<double, kFeatures> values{};
        QStringList fields;
        const int classShift = int(table.labels[row].size()) % 3; // a class-dependent offset
        for (int f = 0; f < kFeatures; ++f) {
            const double unit = double(generator()) / double(generator.max()) - 0.5;
            const double raw = f == 0 ? 30 + row * 0.25 : offsets[f] + scales[f] * (2 * unit + classShift);
            const QString text = QString::number(raw, 'f', 3);
            values[std::size_t(f)] = text.toDouble();
            fields << text;
        }
        fields << table.labels[row];
        table.rows.push_back(values);
        table.csv += fields.join(QLatin1Char(',')).toUtf8() + '\n';
    }
    return table;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/// Which table row each sample of `a` and `b` (the two splits of one read of a vertebralTable) came
/// from. Feature 0 is increasing in the row and standardization keeps its order, so the sample with the
/// k-th smallest feature 0 over both splits is row k.
std::pair<std::vector<int>, std::vector<int>> rowsOf(const DatasetSplit &a, const DatasetSplit &b)
{
    std::vector<std::pair<float, int>> all; // (feature 0, sample: a's i as i, b's i as -1 - i)
    for (int i = 0; i < a.count; ++i)
        all.emplace_back(a.features[std::size_t(i * a.channels)], i);
    for (int i = 0; i < b.count; ++i)
        all.emplace_back(b.features[std::size_t(i * b.channels)], -1 - i);
    std::sort(all.begin(), all.end());
    std::vector<int> rowsA(std::size_t(a.count), -1);
    std::vector<int> rowsB(std::size_t(b.count), -1);
    for (int row = 0; row < int(all.size()); ++row) {
        const int sample = all[std::size_t(row)].second;
        if (sample >= 0)
            rowsA[std::size_t(sample)] = row;
        else
            rowsB[std::size_t(-1 - sample)] = row;
    }
    return {rowsA, rowsB};
}

/// Mean and population standard deviation of feature f over a split.
std::pair<double, double> columnStats(const DatasetSplit &split, int f)
{
    double sum = 0;
    for (int i = 0; i < split.count; ++i)
        sum += split.features[std::size_t(i * split.channels + f)];
    const double mean = sum / split.count;
    double squares = 0;
    for (int i = 0; i < split.count; ++i) {
        const double d = split.features[std::size_t(i * split.channels + f)] - mean;
        squares += d * d;
    }
    return {mean, std::sqrt(squares / split.count)};
}

std::vector<int> countPerClass(const DatasetSplit &split, int numClasses)
{
    std::vector<int> counts(std::size_t(numClasses), 0);
    for (const std::uint8_t label : split.labels)
        ++counts[label];
    return counts;
}

} // namespace

/// CsvReader on tables made in a temporary folder: parsing, classes, the seeded split, standardization.
class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsVertebralTable();
    void stratifiedCounts_data();
    void stratifiedCounts();
    void reproducibleSplit();
    void standardization();
    void constantColumnIsCentred();
    void labelOrdering_data();
    void labelOrdering();
    void headerDetection_data();
    void headerDetection();
    void quotedFields();
    void separators_data();
    void separators();
    void labelColumnChosen_data();
    void labelColumnChosen();
    void headCopiesFeatures();
    void maxClasses();
    void errors_data();
    void errors();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    /// Writes `csv` under a fresh name and reads it.
    Result<Dataset> readText(const QByteArray &csv, const CsvOptions &options = {});
    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestCsvReader::initTestCase() { QVERIFY(m_dir.isValid()); }

Result<Dataset> TestCsvReader::readText(const QByteArray &csv, const CsvOptions &options)
{
    const QString file = path(QStringLiteral("table%1.csv").arg(++m_files));
    if (!writeFile(file, csv))
        return Result<Dataset>::failure(QStringLiteral("cannot write %1").arg(file));
    return CsvReader::read(file, options);
}

void TestCsvReader::readsVertebralTable()
{
    const Table table = vertebralTable();
    const QString file = path(QStringLiteral("column_3C.csv"));
    QVERIFY(writeFile(file, table.csv));

    const auto data = CsvReader::read(file);
    QVERIFY2(data.ok(), qPrintable(data.error()));
    QCOMPARE(data->name, QStringLiteral("column_3C.csv"));
    QCOMPARE(data->directory, QFileInfo(m_dir.path()).absoluteFilePath());
    QCOMPARE(data->numClasses, 3);
    QCOMPARE(data->classNames,
        (QStringList{
            QStringLiteral("Hernia"), QStringLiteral("Normal"), QStringLiteral("Spondylolisthesis")}));
    QCOMPARE(data->train.count, 310 - 62);
    QCOMPARE(data->test.count, 62);
    for (const DatasetSplit *split : {&data->train, &data->test}) {
        QVERIFY(split->isTabular());
        QCOMPARE(split->channels, kFeatures);
        QCOMPARE(split->height, 1);
        QCOMPARE(split->width, 1);
        QCOMPARE(split->sampleSize(), qint64(kFeatures));
        QVERIFY(split->pixels.empty());
        QCOMPARE(split->features.size(), std::size_t(split->count) * kFeatures);
        QCOMPARE(split->labels.size(), std::size_t(split->count));
    }
    // Stratified: round(n * 0.2) of each class in test (Hernia 60, Normal 100, Spondylolisthesis 150).
    QCOMPARE(countPerClass(data->test, 3), (std::vector<int>{12, 20, 30}));
    QCOMPARE(countPerClass(data->train, 3), (std::vector<int>{48, 80, 120}));

    // Every row is in exactly one split, in file order within each, with its own label.
    const auto [trainRows, testRows] = rowsOf(data->train, data->test);
    QVERIFY(std::is_sorted(trainRows.begin(), trainRows.end()));
    QVERIFY(std::is_sorted(testRows.begin(), testRows.end()));
    for (std::size_t i = 0; i < trainRows.size(); ++i)
        QCOMPARE(data->classNames.at(data->train.labels[i]), table.labels.at(trainRows[i]));
    for (std::size_t i = 0; i < testRows.size(); ++i)
        QCOMPARE(data->classNames.at(data->test.labels[i]), table.labels.at(testRows[i]));

    // Both splits are standardized with the train rows' mean and population std, column by column.
    for (int f = 0; f < kFeatures; ++f) {
        double sum = 0;
        for (const int row : trainRows)
            sum += table.rows[std::size_t(row)][std::size_t(f)];
        const double mean = sum / double(trainRows.size());
        double squares = 0;
        for (const int row : trainRows)
            squares += std::pow(table.rows[std::size_t(row)][std::size_t(f)] - mean, 2);
        const double sd = std::sqrt(squares / double(trainRows.size()));
        QVERIFY(sd > 1);
        for (const auto &[split, rows] : {std::pair{&data->train, &trainRows}, {&data->test, &testRows}})
            for (std::size_t i = 0; i < rows->size(); ++i) {
                const double expected = (table.rows[std::size_t((*rows)[i])][std::size_t(f)] - mean) / sd;
                const double got = split->features[i * kFeatures + std::size_t(f)];
                QVERIFY2(std::abs(got - expected) < 1e-5,
                    qPrintable(QStringLiteral("feature %1 of row %2: %3, "
                                              "expected %4")
                                   .arg(f)
                                   .arg((*rows)[i])
                                   .arg(got)
                                   .arg(expected)));
            }
    }
}

void TestCsvReader::stratifiedCounts_data()
{
    QTest::addColumn<double>("testFraction");
    QTest::newRow("0.2") << 0.2;
    QTest::newRow("0.1") << 0.1;
    QTest::newRow("0.25") << 0.25;
    QTest::newRow("0.5") << 0.5;
    QTest::newRow("0.9") << 0.9;
    QTest::newRow("0.001 (at least one in test)") << 0.001;
    QTest::newRow("0.999 (at least one in train)") << 0.999;
}

void TestCsvReader::stratifiedCounts()
{
    QFETCH(double, testFraction);
    CsvOptions options;
    options.testFraction = testFraction;
    options.splitSeed = 11;
    const auto data = readText(vertebralTable().csv, options);
    QVERIFY2(data.ok(), qPrintable(data.error()));
    const std::vector<int> sizes{60, 100, 150};
    const std::vector<int> test = countPerClass(data->test, 3);
    const std::vector<int> train = countPerClass(data->train, 3);
    for (std::size_t c = 0; c < sizes.size(); ++c) {
        const int expected = std::clamp(int(std::lround(sizes[c] * testFraction)), 1, sizes[c] - 1);
        QCOMPARE(test[c], expected);
        QCOMPARE(train[c], sizes[c] - expected);
    }
}

void TestCsvReader::reproducibleSplit()
{
    const QByteArray csv = vertebralTable().csv;
    CsvOptions options;
    options.splitSeed = 42;
    const auto a = readText(csv, options);
    const auto b = readText(csv, options);
    options.splitSeed = 43;
    const auto c = readText(csv, options);
    const auto d = readText(csv); // seed 0
    QVERIFY2(a.ok() && b.ok() && c.ok() && d.ok(), qPrintable(a.error() + b.error() + c.error() + d.error()));

    // Same seed: the same split, bit for bit.
    QVERIFY(a->train.features == b->train.features);
    QVERIFY(a->test.features == b->test.features);
    QVERIFY(a->train.labels == b->train.labels);
    QVERIFY(a->test.labels == b->test.labels);

    // Other seeds: the same counts per class, other rows in test.
    const std::vector<int> testA = rowsOf(a->train, a->test).second;
    const std::vector<int> testC = rowsOf(c->train, c->test).second;
    const std::vector<int> testD = rowsOf(d->train, d->test).second;
    QCOMPARE(countPerClass(c->test, 3), countPerClass(a->test, 3));
    QCOMPARE(countPerClass(d->test, 3), countPerClass(a->test, 3));
    QVERIFY(testA != testC);
    QVERIFY(testA != testD);
    QVERIFY(testC != testD);
    // ... and not a near copy: two random 62-row test sets out of 310 share about 12 rows.
    std::vector<int> shared;
    std::set_intersection(testA.begin(), testA.end(), testC.begin(), testC.end(), std::back_inserter(shared));
    QVERIFY2(shared.size() < 40, qPrintable(QString::number(shared.size())));
}

void TestCsvReader::standardization()
{
    const QByteArray csv = vertebralTable().csv;
    for (const quint64 seed : {0ull, 5ull, 123456789ull}) {
        CsvOptions options;
        options.splitSeed = seed;
        const auto data = readText(csv, options);
        QVERIFY2(data.ok(), qPrintable(data.error()));
        for (int f = 0; f < kFeatures; ++f) {
            const auto [mean, sd] = columnStats(data->train, f);
            QVERIFY2(
                std::abs(mean) < 1e-5, qPrintable(QStringLiteral("feature %1: mean %2").arg(f).arg(mean)));
            QVERIFY2(
                std::abs(sd - 1) < 1e-5, qPrintable(QStringLiteral("feature %1: std %2").arg(f).arg(sd)));
            // The test split uses the train statistics: near, but not exactly, mean 0 and std 1.
            const auto [testMean, testSd] = columnStats(data->test, f);
            QVERIFY(std::abs(testMean) < 0.6);
            QVERIFY(testSd > 0.5 && testSd < 1.5);
            QVERIFY(std::abs(testMean) > 1e-6 || std::abs(testSd - 1) > 1e-6);
        }
    }
}

void TestCsvReader::constantColumnIsCentred()
{
    // Columns 2 and 3 are constant: 5 (exact) and 0.1 (whose sum is not exact in binary).
    QByteArray csv = "a,b,c,label\n";
    for (int i = 0; i < 40; ++i)
        csv += QByteArray::number(i * 3 % 17) + ",5,0.1," + (i % 2 ? "odd" : "even") + '\n';
    const auto data = readText(csv);
    QVERIFY2(data.ok(), qPrintable(data.error()));
    QCOMPARE(data->train.channels, 3);
    for (const DatasetSplit *split : {&data->train, &data->test})
        for (int i = 0; i < split->count; ++i) {
            QCOMPARE(split->features[std::size_t(i * 3 + 1)], 0.0f);
            QVERIFY(std::abs(split->features[std::size_t(i * 3 + 2)]) < 1e-6f);
        }
    const auto [mean, sd] = columnStats(data->train, 0);
    QVERIFY(std::abs(mean) < 1e-5 && std::abs(sd - 1) < 1e-5);
}

void TestCsvReader::labelOrdering_data()
{
    QTest::addColumn<QString>("labels"); // the label column, row by row, separated by spaces
    QTest::addColumn<QStringList>("classNames");

    QTest::newRow("integers numerically") << "10 2 1 10 10 2 1 10 2" << QStringList{"1", "2", "10"};
    QTest::newRow("negative integers") << "3 -1 0 3 -1 3 0" << QStringList{"-1", "0", "3"};
    QTest::newRow("strings alphabetically")
        << "setosa virginica versicolor setosa setosa virginica versicolor"
        << QStringList{"setosa", "versicolor", "virginica"};
    QTest::newRow("integers and text as strings") << "10 9 x 9 9 x 10" << QStringList{"10", "9", "x"};
    QTest::newRow("decimals as strings") << "2.5 10.0 1 1 1 2.5 10.0" << QStringList{"1", "10.0", "2.5"};
    QTest::newRow("case-sensitive") << "b a B a a b B" << QStringList{"B", "a", "b"};
}

void TestCsvReader::labelOrdering()
{
    QFETCH(QString, labels);
    QFETCH(QStringList, classNames);
    const QStringList rows = labels.split(QLatin1Char(' '));
    QByteArray csv = "x,y,label\n";
    for (int i = 0; i < rows.size(); ++i)
        csv += QByteArray::number(i) + ',' + QByteArray::number(i * i) + ',' + rows[i].toUtf8() + '\n';

    const auto data = readText(csv);
    QVERIFY2(data.ok(), qPrintable(data.error()));
    QCOMPARE(data->classNames, classNames);
    QCOMPARE(data->numClasses, int(classNames.size()));
    // Each class holds as many samples as its text has rows.
    const std::vector<int> train = countPerClass(data->train, data->numClasses);
    const std::vector<int> test = countPerClass(data->test, data->numClasses);
    for (int k = 0; k < classNames.size(); ++k)
        QCOMPARE(train[std::size_t(k)] + test[std::size_t(k)], int(rows.count(classNames[k])));
}

void TestCsvReader::headerDetection_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QStringList>("classNames");

    const QStringList xy{"x", "y"};
    QTest::newRow("header with a class column")
        << QByteArray("a,b,class\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n") << 4 << xy;
    QTest::newRow("no header, text labels") << QByteArray("1,2,x\n3,4,y\n5,6,x\n7,8,y\n") << 4 << xy;
    QTest::newRow("no header, integer labels")
        << QByteArray("1,2,0\n3,4,1\n5,6,0\n7,8,1\n") << 4 << QStringList{"0", "1"};
    QTest::newRow("header, label column with another name")
        << QByteArray("width,height,diagnosis\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n") << 4 << xy;
    QTest::newRow("header, only one feature name is text")
        << QByteArray("1,height,diagnosis\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n") << 4 << xy;
    QTest::newRow("TARGET first") << QByteArray("TARGET,a,b\nx,1,2\ny,3,4\nx,5,6\ny,7,8\n") << 4 << xy;
    QTest::newRow("numeric feature names with a Label column")
        << QByteArray("1,2,Label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n") << 4 << xy;
    QTest::newRow("comments and blank lines") << QByteArray(
        "# exported 2024\n\n a , b , class \n# more\n1,2,x\n\n3,4,y\n  # indented\n5,6,x\n7,8,y\n\n\n")
                                              << 4 << xy;
    QTest::newRow("CR line ends") << QByteArray("a,b,class\r1,2,x\r3,4,y\r5,6,x\r7,8,y\r") << 4 << xy;
    QTest::newRow("no final line break") << QByteArray("a,b,class\n1,2,x\n3,4,y\n5,6,x\n7,8,y") << 4 << xy;
    QTest::newRow("numbers in other notations")
        << QByteArray("a,b,class\n1e3,-2,x\n+3.5,.4,y\n-5E-2,6.,x\n7,"
                      "0.0000000000000000000000000000000000000000000000000000000000000000000000001,y\n")
        << 4 << xy;
}

void TestCsvReader::headerDetection()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, rows);
    QFETCH(QStringList, classNames);
    const auto data = readText(csv);
    QVERIFY2(data.ok(), qPrintable(data.error()));
    // A header read as data (or data as a header) changes the row count or fails on a non-number.
    QCOMPARE(data->train.count + data->test.count, rows);
    QCOMPARE(data->train.channels, 2);
    QCOMPARE(data->test.channels, 2);
    QCOMPARE(data->classNames, classNames);
}

void TestCsvReader::quotedFields()
{
    // A byte-order mark, CRLF line ends, quoted names and values with separators, "" escapes and a
    // line break inside quotes, spaces around quotes, blank trailing lines.
    const QByteArray csv = "\xef\xbb\xbf\"pelvic, incidence\",\"tilt \"\"deg\"\"\",class\r\n"
                           "\"1.5\",2,\"Normal \"\"A\"\", x\"\r\n"
                           "3, \"4\" ,Hernia\r\n"
                           "\"5\",6,\"Normal \"\"A\"\", x\"\r\n"
                           "7,8,Hernia\r\n"
                           "9,10,\"multi\r\nline\"\r\n"
                           "11,12,\"multi\r\nline\"\r\n"
                           "\r\n\r\n";
    const auto data = readText(csv);
    QVERIFY2(data.ok(), qPrintable(data.error()));
    QCOMPARE(data->classNames,
        (QStringList{
            QStringLiteral("Hernia"), QStringLiteral("Normal \"A\", x"), QStringLiteral("multi\nline")}));
    QCOMPARE(data->train.count + data->test.count, 6);
    QCOMPARE(data->train.channels, 2);
    QCOMPARE(countPerClass(data->test, 3), (std::vector<int>{1, 1, 1}));
    // The features grow with the row (1.5, 2; 3, 4; ...): in file order they stay sorted once standardized.
    QVERIFY(std::is_sorted(data->train.features.begin(), data->train.features.end()));
}

void TestCsvReader::separators_data()
{
    QTest::addColumn<QString>("separator");
    QTest::newRow("comma") << ",";
    QTest::newRow("semicolon") << ";";
    QTest::newRow("tab") << "\t";
}

void TestCsvReader::separators()
{
    QFETCH(QString, separator);
    // '|' stands for the separator. The labels hold ',' and ';': quoted where they are the separator.
    const QStringList lines{"a|b|c|label", "1.5|2|3|x,1", "4|5.25|6|y;2", "7|8|9|x,1", "10|11|12.5|y;2",
        "13|14|15|x,1", "16|17|18|y;2"};
    QByteArray csv;
    for (QString line : lines) {
        if (separator == QLatin1String(","))
            line.replace(QLatin1String("x,1"), QLatin1String("\"x,1\""));
        if (separator == QLatin1String(";"))
            line.replace(QLatin1String("y;2"), QLatin1String("\"y;2\""));
        line.replace(QLatin1Char('|'), separator.at(0));
        csv += line.toUtf8() + '\n';
    }
    const auto data = readText(csv);
    QVERIFY2(data.ok(), qPrintable(data.error()));
    QCOMPARE(data->train.channels, 3);
    QCOMPARE(data->train.count + data->test.count, 6);
    QCOMPARE(data->classNames, (QStringList{QStringLiteral("x,1"), QStringLiteral("y;2")}));
}

void TestCsvReader::labelColumnChosen_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("labelColumn");
    QTest::addColumn<QStringList>("classNames");

    const QByteArray middle = "x,grade,y\n1,A,2\n3,B,4\n5,A,6\n7,B,8\n";
    const QStringList ab{"A", "B"};
    QTest::newRow("by name") << middle << "grade" << ab;
    QTest::newRow("by name, other case and spaces") << middle << " GRADE " << ab;
    QTest::newRow("by number with a header") << middle << "2" << ab;
    QTest::newRow("by number without a header") << QByteArray("1,A,2\n3,B,4\n5,A,6\n7,B,8\n") << "2" << ab;
    QTest::newRow("over a column named class")
        << QByteArray("class,grade,y\n1,A,2\n3,B,4\n5,A,6\n7,B,8\n") << "grade" << ab;
    QTest::newRow("first column by name")
        << QByteArray("kind,x,y\nA,1,2\nB,3,4\nA,5,6\nB,7,8\n") << "kind" << ab;
}

void TestCsvReader::labelColumnChosen()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, labelColumn);
    QFETCH(QStringList, classNames);
    CsvOptions options;
    options.labelColumn = labelColumn;
    const auto data = readText(csv, options);
    QVERIFY2(data.ok(), qPrintable(data.error()));
    QCOMPARE(data->train.count + data->test.count, 4);
    QCOMPARE(data->train.channels, 2);
    QCOMPARE(data->classNames, classNames);

    // Without the option the last column is the label, and the chosen one, text, fails as a feature.
    if (!csv.startsWith("kind")) {
        const auto byDefault = readText(csv);
        QVERIFY(!byDefault.ok());
        QVERIFY2(byDefault.error().contains(QLatin1String("is not a number")), qPrintable(byDefault.error()));
    }
}

void TestCsvReader::headCopiesFeatures()
{
    const auto data = readText(vertebralTable().csv);
    QVERIFY2(data.ok(), qPrintable(data.error()));
    const DatasetSplit five = data->train.head(5);
    QCOMPARE(five.count, 5);
    QCOMPARE(five.channels, kFeatures);
    QVERIFY(five.isTabular());
    QVERIFY(five.pixels.empty());
    QCOMPARE(five.features.size(), std::size_t(5 * kFeatures));
    QVERIFY(std::equal(five.features.begin(), five.features.end(), data->train.features.begin()));
    QCOMPARE(five.labels.size(), std::size_t(5));
    QVERIFY(std::equal(five.labels.begin(), five.labels.end(), data->train.labels.begin()));
    QVERIFY(data->train.head(0).features == data->train.features);
}

void TestCsvReader::maxClasses()
{
    // 255 classes fit in the uint8 labels; 256 do not.
    for (const int classes : {255, 256}) {
        QByteArray csv = "x,label\n";
        for (int i = 0; i < 2 * classes; ++i)
            csv += QByteArray::number(i) + ",c" + QByteArray::number(i % classes) + '\n';
        const auto data = readText(csv);
        if (classes == 255) {
            QVERIFY2(data.ok(), qPrintable(data.error()));
            QCOMPARE(data->numClasses, 255);
            QCOMPARE(data->test.count, 255);
        } else {
            QVERIFY(!data.ok());
            QVERIFY2(data.error().contains(QLatin1String("256 distinct values")), qPrintable(data.error()));
            QVERIFY2(data.error().contains(QLatin1String("at most 255")), qPrintable(data.error()));
        }
    }
}

void TestCsvReader::errors_data()
{
    QTest::addColumn<QByteArray>("csv"); // null: no file; "<folder>": a folder of that name
    QTest::addColumn<QString>("labelColumn");
    QTest::addColumn<double>("testFraction");
    QTest::addColumn<QStringList>("keywords"); // each must appear in the message

    const QByteArray good = "a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n";
    QTest::newRow("non-numeric feature")
        << QByteArray("a,b,c,label\n1,2,3,x\n4,5,6,y\n7,abc,9,x\n1,2,3,y\n") << QString() << 0.2
        << QStringList{"line 4, column 2 (b): 'abc' is not a number"};
    QTest::newRow("non-numeric feature, no header") << QByteArray("1,2,x\n3,4,y\n5,?,x\n") << QString() << 0.2
                                                    << QStringList{"line 3, column 2: '?' is not a number"};
    QTest::newRow("empty cell in a first data row")
        << QByteArray("1,,x\n3,4,y\n") << QString() << 0.2 << QStringList{"line 1, column 2: empty cell"};
    QTest::newRow("NaN in a first data row") << QByteArray("1,NaN,x\n3,4,y\n") << QString() << 0.2
                                             << QStringList{"line 1, column 2: 'NaN' is not a number"};
    QTest::newRow("percent signs in names and cells")
        << QByteArray("a%2,b%1,label\n1,2,x\n3,%1%2,y\n") << QString() << 0.2
        << QStringList{"line 3, column 2 (b%1): '%1%2' is not a number"};
    QTest::newRow("empty feature cell") << QByteArray("a,b,label\n1,2,x\n3,,y\n") << QString() << 0.2
                                        << QStringList{"line 3, column 2 (b): empty cell"};
    QTest::newRow("decimal comma") << QByteArray("a;b;label\n1,5;2;x\n3;4;y\n") << QString() << 0.2
                                   << QStringList{"line 2, column 1 (a): '1,5' is not a number"};
    QTest::newRow("nan") << QByteArray("a,b,label\n1,nan,x\n3,4,y\n") << QString() << 0.2
                         << QStringList{"line 2, column 2 (b): 'nan' is not a number"};
    QTest::newRow("infinity") << QByteArray("a,b,label\n1,2,x\n-inf,4,y\n") << QString() << 0.2
                              << QStringList{"line 3, column 1 (a): '-inf' is not a number"};
    QTest::newRow("two signs") << QByteArray("a,b,label\n1,+-2,x\n3,4,y\n") << QString() << 0.2
                               << QStringList{"line 2, column 2 (b): '+-2' is not a number"};
    QTest::newRow("out of range") << QByteArray("a,b,label\n1,2,x\n3,1e999,y\n") << QString() << 0.2
                                  << QStringList{"line 3, column 2 (b): '1e999' is not a number"};
    QTest::newRow("CRLF line numbers") << QByteArray("a,b,label\r\n1,2,x\r\n3,bad,y\r\n") << QString() << 0.2
                                       << QStringList{"line 3, column 2 (b): 'bad'"};
    QTest::newRow("line numbers count comments and blank lines")
        << QByteArray("# c\n\na,b,label\n1,2,x\n\n# c\n3,bad,y\n") << QString() << 0.2
        << QStringList{"line 7, column 2 (b): 'bad'"};
    QTest::newRow("line numbers count line breaks in quotes")
        << QByteArray("a,b,label\n1,2,\"x\ny\"\n3,oops,z\n") << QString() << 0.2
        << QStringList{"line 4, column 2 (b): 'oops'"};
    QTest::newRow("ragged row") << QByteArray("a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,y\n") << QString() << 0.2
                                << QStringList{"line 5 has 2 fields, but line 1 has 3"};
    QTest::newRow("trailing separator")
        << QByteArray("a,b,label\n1,2,x,\n3,4,y\n") << QString() << 0.2 << QStringList{"line 2 has 4 fields"};
    QTest::newRow("missing file") << QByteArray() << QString() << 0.2 << QStringList{"file not found"};
    QTest::newRow("folder") << QByteArray("<folder>") << QString() << 0.2 << QStringList{"folder"};
    QTest::newRow("one class only") << QByteArray("a,b,label\n1,2,x\n3,4,x\n5,6,x\n") << QString() << 0.2
                                    << QStringList{"column 3 (label)", "a single class ('x')"};
    QTest::newRow("empty file") << QByteArray("") << QString() << 0.2 << QStringList{"no data"};
    QTest::newRow("only comments and blank lines")
        << QByteArray("# nothing\n\n   \r\n") << QString() << 0.2 << QStringList{"no data"};
    QTest::newRow("header only") << QByteArray("a,b,label\n") << QString() << 0.2
                                 << QStringList{"0 data rows; at least 2"};
    QTest::newRow("one row") << QByteArray("a,b,label\n1,2,x\n") << QString() << 0.2
                             << QStringList{"1 data rows; at least 2"};
    QTest::newRow("single column") << QByteArray("label\nx\ny\n") << QString() << 0.2
                                   << QStringList{"line 1 has a single column"};
    QTest::newRow("unknown label column")
        << good << "grade" << 0.2 << QStringList{"no column named 'grade'", "a, b, label"};
    QTest::newRow("label column by name without a header")
        << QByteArray("1,2,x\n3,4,y\n") << "grade" << 0.2 << QStringList{"no header line"};
    QTest::newRow("label column number too big")
        << good << "4" << 0.2 << QStringList{"label column 4 does not exist"};
    QTest::newRow("label column number 0")
        << good << "0" << 0.2 << QStringList{"label column 0 does not exist"};
    QTest::newRow("unclosed quote") << QByteArray("a,b,label\n1,2,x\n3,\"4,y\n5,6,x\n") << QString() << 0.2
                                    << QStringList{"line 3, column 2: the quoted field is never closed"};
    QTest::newRow("text after a closing quote") << QByteArray("a,b,label\n1,\"2\"z,x\n3,4,y\n") << QString()
                                                << 0.2 << QStringList{"line 2, column 2: unexpected text"};
    QTest::newRow("empty label") << QByteArray("a,b,label\n1,2,\n3,4,y\n") << QString() << 0.2
                                 << QStringList{"line 2, column 3 (label): the label is empty"};
    QTest::newRow("test fraction 0") << good << QString() << 0.0 << QStringList{"test fraction", "not 0"};
    QTest::newRow("test fraction 1") << good << QString() << 1.0 << QStringList{"test fraction", "not 1"};
    QTest::newRow("test fraction negative") << good << QString() << -0.2 << QStringList{"test fraction"};
    QTest::newRow("test fraction NaN") << good << QString() << std::nan("") << QStringList{"test fraction"};
    QTest::newRow("every class a single row")
        << QByteArray("a,b,label\n1,2,x\n3,4,y\n") << QString() << 0.2 << QStringList{"2 rows are too few"};
}

void TestCsvReader::errors()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, labelColumn);
    QFETCH(double, testFraction);
    QFETCH(QStringList, keywords);

    const QString tag
        = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
    const QString file = path(tag + QStringLiteral(".csv"));
    if (csv == "<folder>")
        QVERIFY(QDir().mkpath(file));
    else if (!csv.isNull())
        QVERIFY(writeFile(file, csv));

    CsvOptions options;
    options.labelColumn = labelColumn;
    options.testFraction = testFraction;
    const auto data = CsvReader::read(file, options);
    QVERIFY(!data.ok());
    const QString error = data.error();
    // Every message starts with the file it is about.
    QVERIFY2(error.startsWith(QDir::toNativeSeparators(file) + QLatin1Char(':')), qPrintable(error));
    for (const QString &keyword : keywords)
        QVERIFY2(error.contains(keyword), qPrintable(QStringLiteral("'%1' not in: %2").arg(keyword, error)));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
