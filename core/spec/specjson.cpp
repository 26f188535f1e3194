#include "spec/specjson_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QObject>
#include <QSaveFile>
#include <QVariant>

#include <climits>
#include <cmath>

namespace qb::specjson {

namespace {

constexpr double kMaxExactDouble = 9007199254740992.0; // 2^53

bool integralDouble(double d)
{
    return std::isfinite(d) && d == std::floor(d);
}

/// The int value of a JSON number, or false when it is not an integral number in int range.
bool toInt(const QJsonValue &value, int *out)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    if (!integralDouble(d) || d < double(INT_MIN) || d > double(INT_MAX))
        return false;
    *out = int(d);
    return true;
}

} // namespace

QString describeValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const qint64 asInteger = value.toInteger(0);
        if (value.toInteger(1) == asInteger) // an exact integer
            return QString::number(asInteger);
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::String:
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    case QJsonValue::Array:
        return QObject::tr("a list");
    case QJsonValue::Object:
        return QObject::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QObject::tr("nothing");
}

ObjectReader::ObjectReader(const QJsonObject &object, const QString &context)
    : m_object(object), m_context(context)
{
}

bool ObjectReader::fail(const QString &message)
{
    m_error = m_context.isEmpty() ? message : m_context + QStringLiteral(": ") + message;
    return false;
}

bool ObjectReader::failField(const QString &key, const QString &what)
{
    return fail(QObject::tr("field '%1' %2; got %3").arg(key, what, describeValue(m_object.value(key))));
}

bool ObjectReader::checkKnownKeys(const QStringList &known)
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!known.contains(it.key())) {
            return fail(QObject::tr("unknown field '%1' (known: %2)")
                            .arg(it.key(), known.join(QStringLiteral(", "))));
        }
    }
    return true;
}

bool ObjectReader::require(const QString &key)
{
    if (m_object.contains(key))
        return true;
    return fail(QObject::tr("missing field '%1'").arg(key));
}

bool ObjectReader::readString(const QString &key, QString *out)
{
    if (!m_object.contains(key))
        return true;
    const QJsonValue v = m_object.value(key);
    if (!v.isString())
        return failField(key, QObject::tr("must be a string"));
    *out = v.toString();
    return true;
}

bool ObjectReader::readBool(const QString &key, bool *out)
{
    if (!m_object.contains(key))
        return true;
    const QJsonValue v = m_object.value(key);
    if (!v.isBool())
        return failField(key, QObject::tr("must be true or false"));
    *out = v.toBool();
    return true;
}

bool ObjectReader::readDouble(const QString &key, double *out)
{
    if (!m_object.contains(key))
        return true;
    const QJsonValue v = m_object.value(key);
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        return failField(key, QObject::tr("must be a number"));
    *out = v.toDouble();
    return true;
}

bool ObjectReader::readInt(const QString &key, int *out)
{
    if (!m_object.contains(key))
        return true;
    if (!toInt(m_object.value(key), out))
        return failField(key, QObject::tr("must be an integer"));
    return true;
}

bool ObjectReader::readInt64(const QString &key, qint64 *out)
{
    if (!m_object.contains(key))
        return true;
    const QJsonValue v = m_object.value(key);
    // Integers the parser read are stored exactly; a double counts only when integral and below
    // 2^53, beyond which it no longer says which integer was meant.
    if (!v.isDouble())
        return failField(key, QObject::tr("must be an integer"));
    const bool storedAsInteger = v.toVariant().typeId() == QMetaType::LongLong;
    const qint64 a = v.toInteger(0);
    if (!storedAsInteger) {
        const double d = v.toDouble();
        if (!integralDouble(d) || std::fabs(d) >= kMaxExactDouble)
            return failField(key, QObject::tr("must be an integer"));
    }
    *out = a;
    return true;
}

bool ObjectReader::readPair(const QString &key, int *h, int *w)
{
    if (!m_object.contains(key))
        return true;
    const QJsonValue v = m_object.value(key);
    int a = 0;
    int b = 0;
    if (toInt(v, &a)) {
        *h = a;
        *w = a;
        return true;
    }
    const QJsonArray array = v.toArray();
    if (v.isArray() && array.size() == 2 && toInt(array.at(0), &a) && toInt(array.at(1), &b)) {
        *h = a;
        *w = b;
        return true;
    }
    QString got = describeValue(v);
    if (v.isArray())
        got = QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
    return fail(QObject::tr("field '%1' must be an integer or a list of two integers [height, width]; got %2")
                    .arg(key, got));
}

bool checkFormat(ObjectReader &reader, const QString &expectedFormat, int maxVersion, const QString &what)
{
    if (!reader.require(QStringLiteral("format")))
        return false;
    const QJsonValue format = reader.value(QStringLiteral("format"));
    if (format.toString() != expectedFormat) {
        return reader.fail(QObject::tr("not a QuantBench %1: field 'format' is %2, expected \"%3\"")
                               .arg(what, describeValue(format), expectedFormat));
    }
    if (!reader.require(QStringLiteral("version")))
        return false;
    int version = 0;
    if (!reader.readInt(QStringLiteral("version"), &version))
        return false;
    if (version < 1)
        return reader.failField(QStringLiteral("version"), QObject::tr("must be at least 1"));
    if (version > maxVersion) {
        return reader.fail(QObject::tr("this %1 has format version %2, newer than this QuantBench reads "
                                       "(up to %3): update QuantBench to open it")
                               .arg(what)
                               .arg(version)
                               .arg(maxVersion));
    }
    return true;
}

QString displayPath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

Result<QJsonObject> readJsonFile(const QString &path)
{
    const QString shown = displayPath(path);
    QFileInfo info(path);
    if (!info.exists())
        return Result<QJsonObject>::failure(QObject::tr("%1: no such file").arg(shown));
    if (info.isDir())
        return Result<QJsonObject>::failure(QObject::tr("%1: is a folder, not a file").arg(shown));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Result<QJsonObject>::failure(
            QObject::tr("%1: cannot open the file: %2").arg(shown, file.errorString()));
    }
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return Result<QJsonObject>::failure(
            QObject::tr("%1: cannot read the file: %2").arg(shown, file.errorString()));
    }
    if (data.trimmed().isEmpty())
        return Result<QJsonObject>::failure(QObject::tr("%1: the file is empty").arg(shown));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int offset = qBound(0, parseError.offset, int(data.size()));
        const QByteArray before = data.left(offset);
        const int line = int(before.count('\n')) + 1;
        const int column = offset - int(before.lastIndexOf('\n'));
        return Result<QJsonObject>::failure(
            QObject::tr("%1: not valid JSON: %2 at line %3, column %4 (offset %5)")
                .arg(shown, parseError.errorString())
                .arg(line)
                .arg(column)
                .arg(offset));
    }
    if (!document.isObject()) {
        return Result<QJsonObject>::failure(
            QObject::tr("%1: expected a JSON object at the top level, found a list").arg(shown));
    }
    return document.object();
}

Status writeJsonFile(const QString &path, const QJsonObject &json)
{
    const QString shown = displayPath(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(QObject::tr("%1: cannot write the file: %2").arg(shown, file.errorString()));
    const QByteArray data = QJsonDocument(json).toJson(QJsonDocument::Indented);
    if (file.write(data) != data.size() || !file.commit())
        return Status::failure(QObject::tr("%1: cannot write the file: %2").arg(shown, file.errorString()));
    return Status();
}

} // namespace qb::specjson
