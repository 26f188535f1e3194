#include "export/runbundle.h"

#include "export/atomicfile.h"
#include "export/runcharts.h"
#include "store/experimentstore.h"
#include "util/version.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

#include <zip.h>

#include <cmath>
#include <limits>
#include <memory>

namespace qb {

namespace {

Q_LOGGING_CATEGORY(lcBundle, "qb.core.export", QtInfoMsg)

/// tr() for this file's messages (context "qb::RunBundle").
class Text
{
    Q_DECLARE_TR_FUNCTIONS(qb::RunBundle)
};



const char kManifest[] = "manifest.json";
const char kExperiment[] = "experiment.json";
const char kNetwork[] = "network.json";
const char kRun[] = "run.json";
const char kEpochs[] = "epochs.csv";
const char kWeights[] = "weights";
const char kSweeps[] = "sweeps.json";
const char kSummaryText[] = "summary.txt";
const char kSummaryJson[] = "summary.json";
const char kCurvesPng[] = "curves.png";
const char kCurvesSvg[] = "curves.svg";
const char kConfusionCsv[] = "confusion.csv";
const char kConfusionPng[] = "confusion.png";

const QStringList &requiredEntries()
{
    static const QStringList names{QLatin1String(kManifest), QLatin1String(kExperiment),
        QLatin1String(kNetwork), QLatin1String(kRun), QLatin1String(kEpochs), QLatin1String(kWeights),
        QLatin1String(kSweeps)};
    return names;
}

/// Written for people and other programs; never read back.
const QStringList &informationalEntries()
{
    static const QStringList names{QLatin1String(kSummaryText), QLatin1String(kSummaryJson),
        QLatin1String(kCurvesPng), QLatin1String(kCurvesSvg), QLatin1String(kConfusionCsv),
        QLatin1String(kConfusionPng)};
    return names;
}

const QString kEpochsHeader
    = QStringLiteral("epoch,train_loss,train_accuracy,test_loss,test_accuracy,seconds,samples_per_second");

QString native(const QString &path) { return QDir::toNativeSeparators(path); }

QString isoTime(const QDateTime &time) { return time.toUTC().toString(Qt::ISODateWithMs); }

/// Numbers as the shortest text that reads back to the same double; nan/inf spelled out.
QString numberText(double v)
{
    if (std::isnan(v))
        return QStringLiteral("nan");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

/// JSON has no NaN: non-finite values (and "none" markers of -1 kept as they are) become null.
QJsonValue jsonNumber(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }

QByteArray jsonBytes(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Indented); }

// ---- zip helpers (libzip) -------------------------------------------------------------------

struct ZipDiscard
{
    void operator()(zip_t *z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;

struct ZipSourceFree
{
    void operator()(zip_source_t *s) const { zip_source_free(s); }
};
using ZipSourcePtr = std::unique_ptr<zip_source_t, ZipSourceFree>;

struct ZipFileClose
{
    void operator()(zip_file_t *f) const { zip_fclose(f); }
};
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileClose>;

QString zipErrorText(zip_error_t *error) { return QString::fromLocal8Bit(zip_error_strerror(error)); }

struct Entry
{
    QString name;
    QByteArray bytes;
    bool store = false; ///< already compressed (PNG): stored, not deflated
};

/// The zip archive holding `entries`, built in memory.
Result<QByteArray> buildZip(const QList<Entry> &entries, const QDateTime &time)
{
    using R = Result<QByteArray>;
    zip_error_t error;
    zip_error_init(&error);
    ZipSourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer) {
        const QString text = zipErrorText(&error);
        zip_error_fini(&error);
        return R::failure(text);
    }
    // zip_open_from_source takes over one reference on success; keep ours to read the result.
    zip_source_keep(buffer.get());
    zip_t *archive = zip_open_from_source(buffer.get(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_source_free(buffer.get()); // the reference the failed open did not take
        const QString text = zipErrorText(&error);
        zip_error_fini(&error);
        return R::failure(text);
    }
    zip_error_fini(&error);
    ZipPtr zip(archive);
    for (const Entry &e : entries) {
        // The bytes stay alive in `entries` until zip_close() has read them.
        zip_source_t *source
            = zip_source_buffer(zip.get(), e.bytes.constData(), zip_uint64_t(e.bytes.size()), 0);
        if (!source)
            return R::failure(QString::fromLocal8Bit(zip_strerror(zip.get())));
        const zip_int64_t index = zip_file_add(
            zip.get(), e.name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (index < 0) {
            zip_source_free(source);
            return R::failure(QString::fromLocal8Bit(zip_strerror(zip.get())));
        }
        // Plain files readable by all (rw-r--r--), as unzip tools expect.
        const zip_uint32_t unixMode = 0100644u << 16;
        if (zip_set_file_compression(
                zip.get(), zip_uint64_t(index), e.store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9)
                < 0
            || zip_file_set_mtime(zip.get(), zip_uint64_t(index), time_t(time.toSecsSinceEpoch()), 0) < 0
            || zip_file_set_external_attributes(zip.get(), zip_uint64_t(index), 0, ZIP_OPSYS_UNIX, unixMode)
                < 0)
            return R::failure(QString::fromLocal8Bit(zip_strerror(zip.get())));
    }
    if (zip_close(zip.get()) < 0)
        return R::failure(QString::fromLocal8Bit(zip_strerror(zip.get())));
    zip.release(); // closed and freed by zip_close

    if (zip_source_open(buffer.get()) < 0)
        return R::failure(QString::fromLocal8Bit(zip_error_strerror(zip_source_error(buffer.get()))));
    QByteArray bytes;
    if (zip_source_seek(buffer.get(), 0, SEEK_END) == 0) {
        const zip_int64_t size = zip_source_tell(buffer.get());
        if (size >= 0 && zip_source_seek(buffer.get(), 0, SEEK_SET) == 0) {
            bytes.resize(qsizetype(size));
            if (zip_source_read(buffer.get(), bytes.data(), zip_uint64_t(size)) != size)
                bytes.clear();
        }
    }
    zip_source_close(buffer.get());
    if (bytes.isEmpty())
        return R::failure(Text::tr("the archive built in memory cannot be read back"));
    return bytes;
}

QByteArray epochsCsv(const QList<EpochMetrics> &epochs)
{
    QByteArray csv = kEpochsHeader.toUtf8() + '\n';
    for (const EpochMetrics &e : epochs) {
        const QStringList fields{QString::number(e.epoch), numberText(e.trainLoss),
            numberText(e.trainAccuracy), numberText(e.testLoss), numberText(e.testAccuracy),
            numberText(e.seconds), numberText(e.samplesPerSecond)};
        csv += fields.join(QLatin1Char(',')).toUtf8() + '\n';
    }
    return csv;
}

QByteArray confusionCsv(const QVector<int> &confusion, const QStringList &classNames)
{
    const int n = RunCharts::confusionClasses(confusion);
    auto quoted = [](QString s) {
        if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
            s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return s;
    };
    auto name = [&](int c) { return quoted(c < classNames.size() ? classNames[c] : QString::number(c)); };
    QStringList header{QStringLiteral("actual\\predicted")};
    for (int c = 0; c < n; ++c)
        header << name(c);
    QByteArray csv = header.join(QLatin1Char(',')).toUtf8() + '\n';
    for (int a = 0; a < n; ++a) {
        QStringList row{name(a)};
        for (int p = 0; p < n; ++p)
            row << QString::number(confusion[a * n + p]);
        csv += row.join(QLatin1Char(',')).toUtf8() + '\n';
    }
    return csv;
}

QJsonObject runJson(const RunRecord &run)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), run.name);
    o.insert(QStringLiteral("status"), runStatusName(run.status));
    o.insert(
        QStringLiteral("created"), run.created.isValid() ? QJsonValue(isoTime(run.created)) : QJsonValue());
    o.insert(QStringLiteral("finished"),
        run.finished.isValid() ? QJsonValue(isoTime(run.finished)) : QJsonValue());
    o.insert(QStringLiteral("dataset"), run.dataset);
    o.insert(QStringLiteral("network_name"), run.networkName);
    o.insert(QStringLiteral("seed"), double(run.seed));
    o.insert(QStringLiteral("epochs_planned"), run.epochsPlanned);
    o.insert(QStringLiteral("epochs_done"), run.epochsDone);
    o.insert(QStringLiteral("notes"), run.notes);
    o.insert(QStringLiteral("tags"), QJsonArray::fromStringList(run.tags));
    o.insert(QStringLiteral("error"), run.error);
    // -1 is the history's "none yet"
    auto metric = [](double v) { return v < 0 ? QJsonValue() : jsonNumber(v); };
    o.insert(QStringLiteral("final_test_accuracy"), metric(run.finalTestAccuracy));
    o.insert(QStringLiteral("final_test_loss"), metric(run.finalTestLoss));
    o.insert(QStringLiteral("best_test_accuracy"), metric(run.bestTestAccuracy));
    return o;
}

QJsonObject sweepsJson(const QList<SweepRecord> &sweeps)
{
    QJsonArray list;
    for (const SweepRecord &s : sweeps) {
        QJsonObject o;
        o.insert(QStringLiteral("kind"), s.kind);
        o.insert(QStringLiteral("parameter"), s.parameter);
        o.insert(QStringLiteral("settings_json"), s.settingsJson);
        o.insert(
            QStringLiteral("created"), s.created.isValid() ? QJsonValue(isoTime(s.created)) : QJsonValue());
        QJsonArray points;
        for (const SweepPoint &p : s.points) {
            QJsonObject po;
            po.insert(QStringLiteral("value"), jsonNumber(p.value));
            po.insert(QStringLiteral("accuracy_mean"), jsonNumber(p.accuracyMean));
            po.insert(QStringLiteral("accuracy_std"), jsonNumber(p.accuracyStd));
            po.insert(QStringLiteral("accuracy_min"), jsonNumber(p.accuracyMin));
            po.insert(QStringLiteral("accuracy_max"), jsonNumber(p.accuracyMax));
            po.insert(QStringLiteral("loss"), jsonNumber(p.loss));
            QJsonArray accuracies;
            for (double a : p.accuracies)
                accuracies.append(jsonNumber(a));
            po.insert(QStringLiteral("accuracies"), accuracies);
            points.append(po);
        }
        o.insert(QStringLiteral("points"), points);
        list.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("sweeps"), list);
    return root;
}

// ---- reading: strict JSON fields --------------------------------------------------------------

/// Reads typed fields of one JSON object; the first problem is kept, naming the entry and field
/// ("run.json: field 'seed' must be an integer").
class Fields
{
public:
    Fields(QString where, QJsonObject object)
        : m_where(std::move(where))
        , m_object(std::move(object))
    {
    }

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = m_where + QStringLiteral(": ") + message;
    }

    QString string(const char *key)
    {
        const QJsonValue v = value(key);
        if (!v.isString()) {
            wrong(key, Text::tr("a string"));
            return QString();
        }
        return v.toString();
    }
    qint64 integer(const char *key, qint64 min = std::numeric_limits<qint64>::min())
    {
        const QJsonValue v = value(key);
        const double d = v.toDouble();
        // Integers beyond 2^53 are not exact in JSON numbers; nothing we write is that large.
        if (!v.isDouble() || d != std::floor(d) || std::abs(d) > 9007199254740992.0) {
            wrong(key, Text::tr("an integer"));
            return 0;
        }
        if (d < double(min)) {
            fail(Text::tr("field '%1' must be at least %2").arg(QLatin1String(key)).arg(min));
            return 0;
        }
        return qint64(d);
    }
    /// A number, or null (read as `nullValue`).
    double number(const char *key, double nullValue)
    {
        const QJsonValue v = value(key);
        if (v.isNull())
            return nullValue;
        if (!v.isDouble()) {
            wrong(key, Text::tr("a number or null"));
            return 0.0;
        }
        return v.toDouble();
    }
    /// An ISO 8601 time, or null when `nullable` (read as an invalid time).
    QDateTime time(const char *key, bool nullable)
    {
        const QJsonValue v = value(key);
        if (nullable && v.isNull())
            return QDateTime();
        const QDateTime t
            = v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
        if (!t.isValid()) {
            wrong(key, nullable ? Text::tr("an ISO 8601 time or null") : Text::tr("an ISO 8601 time"));
            return QDateTime();
        }
        return t.toUTC();
    }
    QStringList strings(const char *key)
    {
        const QJsonValue v = value(key);
        QStringList list;
        if (!v.isArray()) {
            wrong(key, Text::tr("a list of strings"));
            return list;
        }
        const QJsonArray array = v.toArray();
        for (const QJsonValue &item : array) {
            if (!item.isString()) {
                wrong(key, Text::tr("a list of strings"));
                return QStringList();
            }
            list << item.toString();
        }
        return list;
    }
    QJsonArray array(const char *key)
    {
        const QJsonValue v = value(key);
        if (!v.isArray()) {
            wrong(key, Text::tr("a list"));
            return QJsonArray();
        }
        return v.toArray();
    }

private:
    QJsonValue value(const char *key)
    {
        const QString k = QLatin1String(key);
        if (!m_object.contains(k)) {
            fail(Text::tr("field '%1' is missing").arg(k));
            return QJsonValue(QJsonValue::Undefined);
        }
        return m_object.value(k);
    }
    void wrong(const char *key, const QString &what)
    {
        // A missing field was reported by value() already.
        if (m_object.contains(QLatin1String(key)))
            fail(Text::tr("field '%1' must be %2").arg(QLatin1String(key), what));
    }

    QString m_where;
    QJsonObject m_object;
    QString m_error;
};

/// The JSON object of an entry, or the reason it is not one.
Result<QJsonObject> parseObject(const QString &entry, const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return Result<QJsonObject>::failure(Text::tr("%1 is not valid JSON (%2 at byte %3)")
                                                .arg(entry, error.errorString())
                                                .arg(error.offset));
    if (!doc.isObject())
        return Result<QJsonObject>::failure(Text::tr("%1 must hold a JSON object").arg(entry));
    return doc.object();
}

/// A double of epochs.csv: what numberText() writes, and nothing else.
bool parseNumber(const QString &text, double *out)
{
    if (text == QLatin1String("nan")) {
        *out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (text == QLatin1String("inf") || text == QLatin1String("-inf")) {
        *out = text.startsWith(QLatin1Char('-')) ? -std::numeric_limits<double>::infinity()
                                                 : std::numeric_limits<double>::infinity();
        return true;
    }
    static const QRegularExpression pattern(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?(e[-+]?[0-9]+)?$"));
    if (!pattern.match(text).hasMatch())
        return false;
    bool ok = false;
    *out = text.toDouble(&ok);
    return ok && std::isfinite(*out);
}

Result<QList<EpochMetrics>> parseEpochs(const QByteArray &bytes)
{
    using R = Result<QList<EpochMetrics>>;
    const QString entry = QLatin1String(kEpochs);
    QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return R::failure(Text::tr("%1 is not UTF-8 text").arg(entry));
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast(); // the final newline
    if (lines.isEmpty() || lines.first() != kEpochsHeader)
        return R::failure(Text::tr("%1 must start with the header line \"%2\"").arg(entry, kEpochsHeader));
    QList<EpochMetrics> epochs;
    static const QRegularExpression integer(QStringLiteral("^[0-9]{1,9}$"));
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList fields = lines[i].split(QLatin1Char(','));
        const QString where = Text::tr("%1, line %2").arg(entry).arg(i + 1);
        if (fields.size() != 7)
            return R::failure(Text::tr("%1 has %2 fields instead of 7").arg(where).arg(fields.size()));
        EpochMetrics m;
        if (!integer.match(fields[0]).hasMatch())
            return R::failure(Text::tr("%1: the epoch '%2' is not a whole number").arg(where, fields[0]));
        m.epoch = fields[0].toInt();
        if (m.epoch != i)
            return R::failure(
                Text::tr("%1: epoch %2 where epoch %3 was expected (epochs count from 1, in order)")
                    .arg(where)
                    .arg(m.epoch)
                    .arg(i));
        double *targets[]
            = {&m.trainLoss, &m.trainAccuracy, &m.testLoss, &m.testAccuracy, &m.seconds, &m.samplesPerSecond};
        for (int f = 1; f < 7; ++f) {
            if (!parseNumber(fields[f], targets[f - 1]))
                return R::failure(
                    Text::tr("%1: field %2 ('%3') is not a number").arg(where).arg(f + 1).arg(fields[f]));
        }
        epochs << m;
    }
    return epochs;
}

Result<QList<SweepRecord>> parseSweeps(const QJsonObject &root)
{
    using R = Result<QList<SweepRecord>>;
    Fields top(QLatin1String(kSweeps), root);
    const QJsonArray list = top.array("sweeps");
    if (!top.ok())
        return R::failure(top.error());
    QList<SweepRecord> sweeps;
    for (int i = 0; i < list.size(); ++i) {
        const QString where = Text::tr("%1: sweep %2").arg(QLatin1String(kSweeps)).arg(i + 1);
        if (!list[i].isObject())
            return R::failure(Text::tr("%1 must be a JSON object").arg(where));
        Fields f(where, list[i].toObject());
        SweepRecord s;
        s.kind = f.string("kind");
        s.parameter = f.string("parameter");
        s.settingsJson = f.string("settings_json");
        s.created = f.time("created", true);
        const QJsonArray points = f.array("points");
        if (!f.ok())
            return R::failure(f.error());
        if (s.kind.isEmpty())
            return R::failure(Text::tr("%1: field 'kind' is empty").arg(where));
        if (!s.settingsJson.isEmpty()) {
            QJsonParseError error;
            if (!QJsonDocument::fromJson(s.settingsJson.toUtf8(), &error).isObject())
                return R::failure(
                    Text::tr("%1: field 'settings_json' does not hold a JSON object").arg(where));
        }
        const double nan = std::numeric_limits<double>::quiet_NaN();
        for (int k = 0; k < points.size(); ++k) {
            const QString pointWhere = Text::tr("%1, point %2").arg(where).arg(k + 1);
            if (!points[k].isObject())
                return R::failure(Text::tr("%1 must be a JSON object").arg(pointWhere));
            Fields pf(pointWhere, points[k].toObject());
            SweepPoint p;
            p.value = pf.number("value", nan);
            p.accuracyMean = pf.number("accuracy_mean", nan);
            p.accuracyStd = pf.number("accuracy_std", nan);
            p.accuracyMin = pf.number("accuracy_min", nan);
            p.accuracyMax = pf.number("accuracy_max", nan);
            p.loss = pf.number("loss", nan);
            const QJsonArray accuracies = pf.array("accuracies");
            if (!pf.ok())
                return R::failure(pf.error());
            for (const QJsonValue &a : accuracies) {
                if (!a.isDouble() && !a.isNull())
                    return R::failure(
                        Text::tr("%1: field 'accuracies' must be a list of numbers").arg(pointWhere));
                p.accuracies << (a.isNull() ? nan : a.toDouble());
            }
            s.points << p;
        }
        sweeps << s;
    }
    return sweeps;
}

/// What is wrong with an entry's name, or an empty string.
QString entryNameProblem(const QString &name)
{
    if (name.isEmpty())
        return Text::tr("an entry has an empty name");
    if (name.contains(QLatin1Char('\\')))
        return Text::tr("entry '%1' has a backslash in its name (a bundle holds plain top-level names)")
            .arg(name);
    static const QRegularExpression drive(QStringLiteral("^[A-Za-z]:"));
    if (name.startsWith(QLatin1Char('/')) || drive.match(name).hasMatch())
        return Text::tr("entry '%1' has an absolute path").arg(name);
    if (name.split(QLatin1Char('/')).contains(QStringLiteral("..")))
        return Text::tr("entry '%1' has a path outside the bundle").arg(name);
    if (name.contains(QLatin1Char('/')))
        return Text::tr("entry '%1' is a folder or lies in one (a bundle holds top-level files only)")
            .arg(name);
    if (!requiredEntries().contains(name) && !informationalEntries().contains(name))
        return Text::tr("entry '%1' is not part of a run bundle (unknown name)").arg(name);
    return QString();
}

QString mebibytes(qint64 bytes) { return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 0); }

} // namespace

QString runBundleIdentity(const QByteArray &weights, const QByteArray &compactSpecJson)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(weights);
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(compactSpecJson);
    return QStringLiteral("sha256:") + QString::fromLatin1(hash.result().toHex());
}

// ---- writing ----------------------------------------------------------------------------------

Status writeRunBundle(const RunArchive &archive, const QString &path, QString *writtenIdentity)
{
    auto fail = [&path](const QString &reason) {
        return Status::failure(Text::tr("cannot write the bundle %1: %2").arg(native(path), reason));
    };
    const RunRecord &run = archive.run;
    if (archive.weightsPath.isEmpty())
        return fail(
            Text::tr("run %1 has no saved weights (only runs that finished an epoch have them)").arg(run.id));
    QFile weightsFile(archive.weightsPath);
    if (!weightsFile.open(QIODevice::ReadOnly))
        return fail(Text::tr("the weights file %1 cannot be read: %2")
                        .arg(native(archive.weightsPath), weightsFile.errorString()));
    const QByteArray weights = weightsFile.readAll();
    if (weightsFile.error() != QFileDevice::NoError || weights.isEmpty())
        return fail(
            Text::tr("the weights file %1 is empty or cannot be read").arg(native(archive.weightsPath)));

    QJsonParseError parseError;
    const QJsonDocument specDoc = QJsonDocument::fromJson(run.specJson.toUtf8(), &parseError);
    if (!specDoc.isObject())
        return fail(Text::tr("the experiment recorded for run %1 is not a JSON object").arg(run.id));
    const auto spec = ExperimentSpec::fromJson(specDoc.object());
    if (!spec)
        return fail(
            Text::tr("the experiment recorded for run %1 cannot be read: %2").arg(run.id).arg(spec.error()));
    const QByteArray compactSpec = QJsonDocument(specDoc.object()).toJson(QJsonDocument::Compact);
    const QString identity = runBundleIdentity(weights, compactSpec);
    const QDateTime created = QDateTime::currentDateTimeUtc();

    // What the importer would refuse is not written either.
    const auto computed = ModelSummary::compute(spec->network);
    if (!computed)
        return fail(Text::tr("the network of run %1 is not valid: %2").arg(run.id).arg(computed.error()));
    const ModelSummary summary = archive.summary.layers.isEmpty() ? *computed : archive.summary;

    QList<Entry> entries;
    entries << Entry{QLatin1String(kExperiment),
        QJsonDocument(specDoc.object()).toJson(QJsonDocument::Indented)}
            << Entry{QLatin1String(kNetwork), jsonBytes(spec->network.toJson())}
            << Entry{QLatin1String(kRun), jsonBytes(runJson(run))}
            << Entry{QLatin1String(kEpochs), epochsCsv(archive.epochs)}
            << Entry{QLatin1String(kWeights), weights}
            << Entry{QLatin1String(kSweeps), jsonBytes(sweepsJson(archive.sweeps))}
            << Entry{QLatin1String(kSummaryText), summary.toTable().toUtf8()}
            << Entry{QLatin1String(kSummaryJson), jsonBytes(summary.toJson())};

    // The charts need fonts (a QGuiApplication); a bundle without them is still complete.
    const QList<EpochMetrics> epochs = archive.epochs;
    const RunCharts::Drawing curves
        = [epochs](QPainter &p, const QSizeF &size) { RunCharts::drawCurves(p, size, epochs); };
    const QByteArray curvesPng = RunCharts::toPng(RunCharts::curvesSize(), curves);
    const QByteArray curvesSvg
        = RunCharts::toSvg(RunCharts::curvesSize(), curves, Text::tr("Training curves"));
    if (!curvesPng.isEmpty())
        entries << Entry{QLatin1String(kCurvesPng), curvesPng, true};
    if (!curvesSvg.isEmpty())
        entries << Entry{QLatin1String(kCurvesSvg), curvesSvg};
    const int classes = RunCharts::confusionClasses(archive.confusion);
    if (classes > 0) {
        entries << Entry{
            QLatin1String(kConfusionCsv), confusionCsv(archive.confusion, archive.model.classNames)};
        const QVector<int> confusion = archive.confusion;
        const QStringList names = archive.model.classNames;
        const QByteArray png = RunCharts::toPng(
            RunCharts::confusionSize(classes), [confusion, names](QPainter &p, const QSizeF &size) {
                RunCharts::drawConfusion(p, size, confusion, names);
            });
        if (!png.isEmpty())
            entries << Entry{QLatin1String(kConfusionPng), png, true};
    }
    if (curvesPng.isEmpty())
        qCWarning(lcBundle) << "bundle" << path
                            << "is written without charts: drawing needs a QGuiApplication";

    QJsonArray names;
    names.append(QLatin1String(kManifest));
    for (const Entry &e : qAsConst(entries))
        names.append(e.name);
    QJsonObject manifest;
    manifest.insert(QStringLiteral("format"), QLatin1String(RunBundle::kFormatName));
    manifest.insert(QStringLiteral("version"), RunBundle::kFormatVersion);
    manifest.insert(QStringLiteral("quantbench_version"), quantbenchVersion()); // of the writer
    manifest.insert(QStringLiteral("run_id"), double(run.id));
    manifest.insert(QStringLiteral("identity"), identity);
    manifest.insert(QStringLiteral("created"), isoTime(created));
    manifest.insert(QStringLiteral("entries"), names);
    entries.prepend(Entry{QLatin1String(kManifest), jsonBytes(manifest)});

    const Result<QByteArray> zip = buildZip(entries, created);
    if (!zip)
        return fail(Text::tr("the zip archive cannot be built: %1").arg(zip.error()));
    // writeFileAtomically's messages name the path ("cannot write <path>: ...").
    const Status written = writeFileAtomically(path, *zip);
    if (written && writtenIdentity)
        *writtenIdentity = identity;
    return written;
}

// ---- reading ----------------------------------------------------------------------------------

Result<RunBundle> readRunBundle(const QString &path)
{
    using R = Result<RunBundle>;
    auto refuse = [&path](const QString &problem) {
        return R::failure(Text::tr("bundle %1: %2").arg(native(path), problem));
    };

    const QFileInfo info(path);
    if (!info.exists())
        return refuse(Text::tr("the file does not exist"));
    if (info.isDir())
        return refuse(Text::tr("this is a folder, not a bundle file"));
    if (info.size() == 0)
        return refuse(Text::tr("the file is empty"));
    if (info.size() > RunBundleLimits::kMaxFileBytes)
        return refuse(Text::tr("the file is larger than %1 MiB, more than a bundle may be")
                          .arg(mebibytes(RunBundleLimits::kMaxFileBytes)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refuse(Text::tr("the file cannot be read: %1").arg(file.errorString()));
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError || data.size() != info.size())
        return refuse(Text::tr("the file cannot be read: %1").arg(file.errorString()));

    // Open the archive from memory (libzip only reads `data`, which outlives it).
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(data.constData(), zip_uint64_t(data.size()), 0, &error);
    zip_t *opened = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
    if (!opened) {
        if (source)
            zip_source_free(source);
        const int code = zip_error_code_zip(&error);
        const QString detail = zipErrorText(&error);
        zip_error_fini(&error);
        if (code == ZIP_ER_NOZIP)
            return refuse(Text::tr("this is not a zip archive, so not a QuantBench run bundle"));
        if (code == ZIP_ER_EXISTS) // libzip's consistency check found a name twice
            return refuse(Text::tr("two of its entries have the same name"));
        return refuse(Text::tr("the zip archive is damaged or cannot be opened (%1)").arg(detail));
    }
    zip_error_fini(&error);
    ZipPtr zip(opened);

    // 1. Names, methods and declared sizes of every entry, before anything is inflated.
    const zip_int64_t count = zip_get_num_entries(zip.get(), 0);
    if (count <= 0)
        return refuse(Text::tr("the archive holds no entries"));
    if (count > RunBundleLimits::kMaxEntries)
        return refuse(Text::tr("the archive holds %1 entries, more than a bundle has").arg(count));
    struct Item
    {
        zip_uint64_t index;
        QString name;
        qint64 size;
    };
    QList<Item> items;
    QSet<QString> seen;
    qint64 declaredTotal = 0;
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(zip.get(), zip_uint64_t(i), 0, &st) != 0)
            return refuse(Text::tr("entry %1 cannot be read: %2")
                              .arg(i + 1)
                              .arg(QString::fromLocal8Bit(zip_strerror(zip.get()))));
        const QString name = (st.valid & ZIP_STAT_NAME) && st.name ? QString::fromUtf8(st.name) : QString();
        if (const QString problem = entryNameProblem(name); !problem.isEmpty())
            return refuse(problem);
        if (seen.contains(name))
            return refuse(Text::tr("entry '%1' appears twice").arg(name));
        seen.insert(name);
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
            return refuse(Text::tr("entry '%1' is encrypted").arg(name));
        if (!(st.valid & ZIP_STAT_COMP_METHOD)
            || (st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE))
            return refuse(
                Text::tr("entry '%1' is compressed with a method QuantBench does not read (only stored "
                         "and deflated entries)")
                    .arg(name));
        if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
            return refuse(Text::tr("entry '%1' does not declare its size").arg(name));
        if (st.size > zip_uint64_t(RunBundleLimits::kMaxTotalBytes))
            return refuse(Text::tr("entry '%1' declares %2 bytes, more than a bundle may hold (%3 MiB)")
                              .arg(name)
                              .arg(st.size)
                              .arg(mebibytes(RunBundleLimits::kMaxTotalBytes)));
        const qint64 size = qint64(st.size);
        const qint64 packed
            = qint64(std::min<zip_uint64_t>(st.comp_size, zip_uint64_t(RunBundleLimits::kMaxFileBytes)));
        if (size > RunBundleLimits::kRatioFloorBytes && size > packed * RunBundleLimits::kMaxRatio)
            return refuse(Text::tr("entry '%1' declares %2 bytes packed into %3 bytes, a ratio above %4:1 "
                                   "(refused, as zip bombs have)")
                              .arg(name)
                              .arg(size)
                              .arg(packed)
                              .arg(RunBundleLimits::kMaxRatio));
        declaredTotal += size;
        items << Item{zip_uint64_t(i), name, size};
    }
    if (declaredTotal > RunBundleLimits::kMaxTotalBytes)
        return refuse(Text::tr("its entries declare %1 bytes in all, more than a bundle may hold (%2 MiB)")
                          .arg(declaredTotal)
                          .arg(mebibytes(RunBundleLimits::kMaxTotalBytes)));
    if (declaredTotal > RunBundleLimits::kRatioFloorBytes + data.size() * RunBundleLimits::kMaxRatio)
        return refuse(
            Text::tr("its entries declare %1 bytes in all from a file of %2 bytes (a ratio above %3:1 "
                     "is refused, as zip bombs have)")
                .arg(declaredTotal)
                .arg(data.size())
                .arg(RunBundleLimits::kMaxRatio));
    for (const QString &name : requiredEntries()) {
        if (!seen.contains(name))
            return refuse(Text::tr("entry '%1' is missing").arg(name));
    }

    // 2. Inflate, holding every entry to its declared size and CRC.
    QHash<QString, QByteArray> content;
    for (const Item &item : qAsConst(items)) {
        ZipFilePtr entry(zip_fopen_index(zip.get(), item.index, 0));
        if (!entry)
            return refuse(Text::tr("entry '%1' cannot be opened: %2")
                              .arg(item.name, QString::fromLocal8Bit(zip_strerror(zip.get()))));
        QByteArray bytes(qsizetype(item.size), Qt::Uninitialized);
        qint64 done = 0;
        while (done < item.size) {
            const zip_int64_t n = zip_fread(entry.get(), bytes.data() + done, zip_uint64_t(item.size - done));
            if (n < 0)
                return refuse(Text::tr("entry '%1' is damaged: %2")
                                  .arg(item.name, QString::fromLocal8Bit(zip_file_strerror(entry.get()))));
            if (n == 0)
                break;
            done += n;
        }
        char extra = 0;
        const zip_int64_t more = done == item.size ? zip_fread(entry.get(), &extra, 1) : 0;
        if (done != item.size || more != 0)
            return refuse(Text::tr("entry '%1' inflates to a different size than the %2 bytes it declares")
                              .arg(item.name)
                              .arg(item.size));
        content.insert(item.name, bytes);
    }

    // 3. The manifest.
    RunBundle bundle;
    const auto manifestObject
        = parseObject(QLatin1String(kManifest), content.value(QLatin1String(kManifest)));
    if (!manifestObject)
        return refuse(manifestObject.error());
    {
        Fields m(QLatin1String(kManifest), *manifestObject);
        const QString format = m.string("format");
        if (!m.ok())
            return refuse(m.error());
        if (format != QLatin1String(RunBundle::kFormatName))
            return refuse(Text::tr("%1: the format is '%2', not '%3'")
                              .arg(QLatin1String(kManifest), format, QLatin1String(RunBundle::kFormatName)));
        const qint64 version = m.integer("version", 1);
        if (!m.ok())
            return refuse(m.error());
        if (version > RunBundle::kFormatVersion)
            return refuse(Text::tr("it was written by a newer QuantBench (bundle version %1; this one reads "
                                   "version %2)")
                              .arg(version)
                              .arg(RunBundle::kFormatVersion));
        bundle.quantbenchVersion = m.string("quantbench_version");
        bundle.originalRunId = m.integer("run_id");
        bundle.identity = m.string("identity");
        bundle.created = m.time("created", false);
        const QStringList listed = m.strings("entries");
        if (!m.ok())
            return refuse(m.error());
        static const QRegularExpression identityPattern(QStringLiteral("^sha256:[0-9a-f]{64}$"));
        if (!identityPattern.match(bundle.identity).hasMatch())
            return refuse(Text::tr("%1: field 'identity' must be \"sha256:\" and 64 lowercase hex digits")
                              .arg(QLatin1String(kManifest)));
        const QSet<QString> listedSet(listed.begin(), listed.end());
        if (listedSet != seen || listed.size() != listedSet.size())
            return refuse(Text::tr("%1: the list of entries does not match the archive's entries")
                              .arg(QLatin1String(kManifest)));
    }

    // 4. The experiment and its network.
    const auto experimentObject
        = parseObject(QLatin1String(kExperiment), content.value(QLatin1String(kExperiment)));
    if (!experimentObject)
        return refuse(experimentObject.error());
    auto spec = ExperimentSpec::fromJson(*experimentObject);
    if (!spec)
        return refuse(Text::tr("%1: %2").arg(QLatin1String(kExperiment), spec.error()));
    if (auto summary = ModelSummary::compute(spec->network); !summary)
        return refuse(
            Text::tr("%1: the network is not valid: %2").arg(QLatin1String(kExperiment), summary.error()));
    bundle.experiment = *spec;
    const QByteArray compactSpec = QJsonDocument(*experimentObject).toJson(QJsonDocument::Compact);
    bundle.specJson = QString::fromUtf8(compactSpec);
    const auto networkObject = parseObject(QLatin1String(kNetwork), content.value(QLatin1String(kNetwork)));
    if (!networkObject)
        return refuse(networkObject.error());
    const auto network = NetworkSpec::fromJson(*networkObject);
    if (!network)
        return refuse(Text::tr("%1: %2").arg(QLatin1String(kNetwork), network.error()));
    if (*network != spec->network)
        return refuse(Text::tr("%1 does not describe the network of %2")
                          .arg(QLatin1String(kNetwork), QLatin1String(kExperiment)));

    // 5. The weights, and the identity over them and the experiment.
    bundle.weights = content.value(QLatin1String(kWeights));
    if (bundle.weights.isEmpty())
        return refuse(Text::tr("entry '%1' is empty").arg(QLatin1String(kWeights)));
    if (runBundleIdentity(bundle.weights, compactSpec) != bundle.identity)
        return refuse(Text::tr("its weights or %1 do not match the identity in %2: the bundle was changed or "
                               "damaged after it was written")
                          .arg(QLatin1String(kExperiment), QLatin1String(kManifest)));

    // 6. Epochs, the run's row, sweeps.
    auto epochs = parseEpochs(content.value(QLatin1String(kEpochs)));
    if (!epochs)
        return refuse(epochs.error());
    bundle.epochs = *epochs;

    const auto runObject = parseObject(QLatin1String(kRun), content.value(QLatin1String(kRun)));
    if (!runObject)
        return refuse(runObject.error());
    {
        Fields r(QLatin1String(kRun), *runObject);
        RunRecord &run = bundle.run;
        run.name = r.string("name");
        const QString status = r.string("status");
        run.created = r.time("created", false);
        run.finished = r.time("finished", true);
        run.dataset = r.string("dataset");
        run.networkName = r.string("network_name");
        run.seed = r.integer("seed");
        run.epochsPlanned = int(r.integer("epochs_planned", 0));
        run.epochsDone = int(r.integer("epochs_done", 0));
        run.notes = r.string("notes");
        run.tags = r.strings("tags");
        run.error = r.string("error");
        run.finalTestAccuracy = r.number("final_test_accuracy", -1.0);
        run.finalTestLoss = r.number("final_test_loss", -1.0);
        run.bestTestAccuracy = r.number("best_test_accuracy", -1.0);
        if (!r.ok())
            return refuse(r.error());
        if (!runStatusFromName(status, &run.status))
            return refuse(
                Text::tr("%1: field 'status': '%2' is not a run status").arg(QLatin1String(kRun), status));
        if (run.epochsDone != bundle.epochs.size())
            return refuse(Text::tr("%1 says %2 epochs were done, but %3 has %4")
                              .arg(QLatin1String(kRun))
                              .arg(run.epochsDone)
                              .arg(QLatin1String(kEpochs))
                              .arg(bundle.epochs.size()));
        // The history derives these from the epochs; a bundle that disagrees was edited.
        double finalAccuracy = -1.0, bestAccuracy = -1.0;
        if (!bundle.epochs.isEmpty()) {
            finalAccuracy = bundle.epochs.last().testAccuracy;
            for (const EpochMetrics &e : qAsConst(bundle.epochs))
                bestAccuracy = std::max(bestAccuracy, e.testAccuracy);
        }
        auto same = [](double a, double b) { return a == b || (!std::isfinite(a) && !std::isfinite(b)); };
        if (!same(run.finalTestAccuracy, finalAccuracy) || !same(run.bestTestAccuracy, bestAccuracy))
            return refuse(Text::tr("%1: the final and best test accuracies disagree with %2")
                              .arg(QLatin1String(kRun), QLatin1String(kEpochs)));
    }

    const auto sweepsObject = parseObject(QLatin1String(kSweeps), content.value(QLatin1String(kSweeps)));
    if (!sweepsObject)
        return refuse(sweepsObject.error());
    auto sweeps = parseSweeps(*sweepsObject);
    if (!sweeps)
        return refuse(sweeps.error());
    bundle.sweeps = *sweeps;
    return bundle;
}

// ---- import -----------------------------------------------------------------------------------

Result<qint64> importRunBundle(ExperimentStore &store, const QString &path, bool *alreadyPresent)
{
    using R = Result<qint64>;
    if (alreadyPresent)
        *alreadyPresent = false;
    auto refuse = [&path](const QString &problem) {
        return R::failure(Text::tr("bundle %1: %2").arg(native(path), problem));
    };
    if (!store.isOpen())
        return refuse(Text::tr("cannot import it: the experiment history is not open"));

    auto bundle = readRunBundle(path);
    if (!bundle)
        return R::failure(bundle.error());

    const Result<qint64> existing = store.findRunByArtifact(kRunBundleIdentityArtifact, bundle->identity);
    if (!existing)
        return refuse(Text::tr("cannot import it: %1").arg(existing.error()));
    if (*existing >= 0) {
        if (alreadyPresent)
            *alreadyPresent = true;
        qCInfo(lcBundle) << "bundle" << path << "is already in the history as run" << *existing;
        return *existing;
    }

    RunRecord record = bundle->run;
    record.id = -1;
    record.specJson = bundle->specJson;
    record.groupId = -1; // groups are ids of the history the run came from
    const Result<qint64> created = store.createRun(record);
    if (!created)
        return refuse(Text::tr("cannot import it: %1").arg(created.error()));
    const qint64 runId = *created;

    // From here on a failure removes the run again (the store has no transaction across calls).
    QString weightsPath;
    auto undo = [&](const QString &reason) {
        if (const Status s = store.deleteRun(runId); !s)
            qCWarning(lcBundle).noquote() << "cannot remove the half-imported run" << runId << s.error();
        if (!weightsPath.isEmpty()) {
            QFile::remove(weightsPath);
            QDir().rmdir(QFileInfo(weightsPath).absolutePath()); // only if empty
        }
        return refuse(Text::tr("cannot import it: %1").arg(reason));
    };

    for (const EpochMetrics &e : qAsConst(bundle->epochs)) {
        if (const Status s = store.addEpoch(runId, e); !s)
            return undo(s.error());
    }
    const QString folder = store.runDirectory(runId);
    if (folder.isEmpty())
        return undo(Text::tr("the history has no folder for run files"));
    weightsPath = QDir(folder).filePath(QStringLiteral("weights.pt"));
    if (const Status s = writeFileAtomically(weightsPath, bundle->weights); !s)
        return undo(s.error());
    if (const auto a = store.addArtifact(runId, QStringLiteral("weights"), weightsPath); !a)
        return undo(a.error());
    for (SweepRecord sweep : qAsConst(bundle->sweeps)) {
        sweep.runId = runId;
        if (const auto s = store.addSweep(sweep); !s)
            return undo(s.error());
    }
    // It is not running here, whatever it was doing where it was exported.
    const RunStatus status
        = bundle->run.status == RunStatus::Running ? RunStatus::Interrupted : bundle->run.status;
    const QDateTime finished = bundle->run.status == RunStatus::Running ? QDateTime() : bundle->run.finished;
    if (const Status s = store.finishRun(runId, status, bundle->run.error, finished); !s)
        return undo(s.error());
    // Last: a run carries the identity only once it is complete.
    if (const auto a = store.addArtifact(runId, kRunBundleIdentityArtifact, bundle->identity); !a)
        return undo(a.error());
    qCInfo(lcBundle) << "imported bundle" << path << "as run" << runId;
    return runId;
}

} // namespace qb
