#include "grid/gridspec.h"

#include "grid/jsonpath.h"
#include "spec/networkvalidator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <climits>

namespace qb {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("qb::GridSpec", text); }

/// `layers[...]` is short for `network.layers[...]`.
QString fullPath(const QString &path)
{
    return path.startsWith(QLatin1String("layers[")) ? QStringLiteral("network.") + path : path;
}

Result<QList<QJsonValue>> parseValues(const QString &path, const QString &text)
{
    using R = Result<QList<QJsonValue>>;
    static const QRegularExpression range(QStringLiteral("^(-?\\d+)\\.\\.(-?\\d+)(?::(\\d+))?$"));
    QList<QJsonValue> values;
    for (const QString &raw : text.split(QLatin1Char(','))) {
        const QString token = raw.trimmed();
        if (token.isEmpty())
            return R::failure(tr("--vary %1: an empty value in '%2'").arg(path, text));
        const QRegularExpressionMatch m = range.match(token);
        if (m.hasMatch()) {
            const qint64 from = m.captured(1).toLongLong();
            const qint64 to = m.captured(2).toLongLong();
            const qint64 step = m.captured(3).isEmpty() ? 1 : m.captured(3).toLongLong();
            if (step <= 0 || to < from || (to - from) / step >= 10000)
                return R::failure(tr("--vary %1: '%2' is not a range from a smaller to a larger integer "
                                     "(at most 10,000 values)")
                                      .arg(path, token));
            for (qint64 v = from; v <= to; v += step)
                values.append(double(v));
            continue;
        }
        // A JSON literal, else a bare word taken as text.
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(QStringLiteral("[%1]").arg(token).toUtf8(), &error);
        if (error.error == QJsonParseError::NoError && doc.array().size() == 1)
            values.append(doc.array().at(0));
        else
            values.append(token);
    }
    return values;
}

} // namespace

Status setExperimentField(QJsonObject &experiment, const QString &path, const QJsonValue &value)
{
    const Result<JsonPath> parsed = JsonPath::parse(fullPath(path));
    if (!parsed)
        return Status::failure(parsed.error());
    const Result<int> set = parsed->set(experiment, value);
    if (!set)
        return Status::failure(set.error());
    return Status();
}

Result<GridAxis> GridAxis::parse(const QString &text)
{
    using R = Result<GridAxis>;
    const int eq = text.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return R::failure(tr("--vary '%1': expected PATH=V1,V2,... (e.g. train.learning_rate=1e-3,1e-4)").arg(text));
    GridAxis axis;
    axis.path = text.left(eq).trimmed();
    const Result<JsonPath> path = JsonPath::parse(fullPath(axis.path));
    if (!path)
        return R::failure(QStringLiteral("--vary: %1").arg(path.error()));
    const auto values = parseValues(axis.path, text.mid(eq + 1));
    if (!values)
        return R::failure(values.error());
    axis.values = *values;
    return axis;
}

QString GridAxis::valueText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QString GridAxis::toString() const
{
    QStringList texts;
    for (const QJsonValue &v : values)
        texts << valueText(v);
    return path + QLatin1Char('=') + texts.join(QLatin1Char(','));
}

QJsonObject GridAxis::toJson() const
{
    QJsonArray array;
    for (const QJsonValue &v : values)
        array.append(v);
    return {{QStringLiteral("path"), path}, {QStringLiteral("values"), array}};
}

Result<GridAxis> GridAxis::fromJson(const QJsonObject &json)
{
    using R = Result<GridAxis>;
    GridAxis axis;
    axis.path = json.value(QStringLiteral("path")).toString();
    const QJsonValue values = json.value(QStringLiteral("values"));
    if (axis.path.isEmpty() || !values.isArray() || values.toArray().isEmpty())
        return R::failure(tr("a grid axis needs a \"path\" and a non-empty list of \"values\""));
    if (const Result<JsonPath> path = JsonPath::parse(fullPath(axis.path)); !path)
        return R::failure(path.error());
    for (const QJsonValue &v : values.toArray())
        axis.values.append(v);
    return axis;
}

int GridSpec::configurationCount() const
{
    qint64 count = 1;
    for (const GridAxis &axis : axes) {
        count *= axis.values.size(); // both factors <= INT_MAX: fits in 64 bits
        if (count > INT_MAX)
            return INT_MAX;
    }
    return int(count);
}

int GridSpec::trialCount() const
{
    return int(qMin<qint64>(qint64(configurationCount()) * qMax(seeds, 0), INT_MAX));
}

QString GridSpec::configurationLabel(const QList<QJsonValue> &values) const
{
    QStringList parts;
    for (int a = 0; a < axes.size() && a < values.size(); ++a)
        parts << QStringLiteral("%1=%2").arg(axes[a].path, GridAxis::valueText(values[a]));
    return parts.join(QStringLiteral(", "));
}

QList<QJsonValue> GridSpec::configurationValues(int configuration) const
{
    QList<QJsonValue> values;
    if (configuration < 0 || configuration >= configurationCount())
        return values;
    int rest = configuration;
    for (int a = int(axes.size()) - 1; a >= 0; --a) {
        values.prepend(axes[a].values.at(rest % axes[a].values.size()));
        rest /= int(axes[a].values.size());
    }
    return values;
}

Result<QList<GridTrial>> GridSpec::expand() const
{
    using R = Result<QList<GridTrial>>;
    if (seeds < 1)
        return R::failure(tr("a grid needs at least one seed, got %1").arg(seeds));
    if (axes.isEmpty())
        return R::failure(tr("a grid needs at least one varied field (--vary PATH=V1,V2,...)"));
    qint64 trials = seeds;
    for (const GridAxis &axis : axes) {
        if (axis.values.isEmpty())
            return R::failure(tr("--vary %1 has no values").arg(axis.path));
        trials *= axis.values.size();
        if (trials > kMaxTrials)
            return R::failure(tr("the grid has more than %1 trials").arg(kMaxTrials));
    }
    QList<GridTrial> out;
    const QJsonObject baseJson = base.toJson();
    const int configurations = configurationCount();
    for (int c = 0; c < configurations; ++c) {
        const QList<QJsonValue> values = configurationValues(c); // mixed radix, the last axis fastest
        QJsonObject json = baseJson;
        for (int a = 0; a < axes.size(); ++a) {
            if (const Status set = setExperimentField(json, axes[a].path, values[a]); !set)
                return R::failure(tr("--vary %1: %2").arg(axes[a].path, set.error()));
        }
        const QString label = configurationLabel(values);
        Result<ExperimentSpec> spec = ExperimentSpec::fromJson(json);
        if (!spec)
            return R::failure(tr("grid configuration %1: %2").arg(label, spec.error()));
        const ValidationReport report = NetworkValidator::validate(spec->network);
        if (!report.ok())
            return R::failure(tr("grid configuration %1: %2").arg(label, report.message(spec->network)));
        for (int s = 0; s < seeds; ++s) {
            GridTrial trial;
            trial.index = c * seeds + s;
            trial.configuration = c;
            trial.seedOffset = s;
            trial.values = values;
            trial.spec = *spec;
            trial.spec.train.seed = base.train.seed + s;
            const QString grid = name.isEmpty() ? base.name : name;
            trial.spec.name = QStringLiteral("%1 [%2] seed %3").arg(grid, label).arg(trial.spec.train.seed);
            out.append(trial);
        }
    }
    return out;
}

QJsonObject GridSpec::toJson() const
{
    QJsonArray axesJson;
    for (const GridAxis &axis : axes)
        axesJson.append(axis.toJson());
    return {{QStringLiteral("format"), QStringLiteral("quantbench-grid")},
        {QStringLiteral("version"), kFormatVersion}, {QStringLiteral("name"), name},
        {QStringLiteral("seeds"), seeds}, {QStringLiteral("axes"), axesJson},
        {QStringLiteral("experiment"), base.toJson()}};
}

Result<GridSpec> GridSpec::fromJson(const QJsonObject &json)
{
    using R = Result<GridSpec>;
    if (json.value(QStringLiteral("format")).toString() != QLatin1String("quantbench-grid"))
        return R::failure(tr("not a QuantBench grid (\"format\" is not \"quantbench-grid\")"));
    if (json.value(QStringLiteral("version")).toInt() > kFormatVersion)
        return R::failure(tr("the grid was written by a newer QuantBench (version %1)")
                              .arg(json.value(QStringLiteral("version")).toInt()));
    GridSpec grid;
    grid.name = json.value(QStringLiteral("name")).toString();
    grid.seeds = json.value(QStringLiteral("seeds")).toInt(1);
    Result<ExperimentSpec> base = ExperimentSpec::fromJson(json.value(QStringLiteral("experiment")).toObject());
    if (!base)
        return R::failure(tr("grid experiment: %1").arg(base.error()));
    grid.base = *base;
    for (const QJsonValue &a : json.value(QStringLiteral("axes")).toArray()) {
        Result<GridAxis> axis = GridAxis::fromJson(a.toObject());
        if (!axis)
            return R::failure(axis.error());
        grid.axes.append(*axis);
    }
    // What expand() would refuse is refused here too, so a grid read back never loops over more.
    if (grid.seeds < 1)
        return R::failure(tr("a grid needs at least one seed, got %1").arg(grid.seeds));
    if (grid.axes.isEmpty())
        return R::failure(tr("a grid needs at least one varied field (\"axes\" is empty)"));
    if (qint64(grid.configurationCount()) * grid.seeds > kMaxTrials)
        return R::failure(tr("the grid has more than %1 trials").arg(kMaxTrials));
    return grid;
}

} // namespace qb
