#include "grid/gridworkspace.h"

#include "export/atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace qb {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("qb::GridWorkspace", text); }

QByteArray jsonBytes(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Indented); }

Result<QJsonObject> readJsonObject(const QString &path, qint64 maxBytes)
{
    using R = Result<QJsonObject>;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return R::failure(tr("cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > maxBytes)
        return R::failure(tr("%1 is too large (%2 bytes) for a grid file").arg(path).arg(file.size()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return R::failure(tr("%1 is not a JSON object: %2").arg(path, error.errorString()));
    return doc.object();
}

constexpr qint64 kMaxManifestBytes = 256ll << 20;
constexpr qint64 kMaxTrialBytes = 64ll << 20;

QString stateName(GridWorkspace::TrialState state)
{
    switch (state) {
    case GridWorkspace::TrialState::Finished:
        return QStringLiteral("finished");
    case GridWorkspace::TrialState::Failed:
        return QStringLiteral("failed");
    case GridWorkspace::TrialState::Cancelled:
        return QStringLiteral("cancelled");
    case GridWorkspace::TrialState::Missing:
        break;
    }
    return QStringLiteral("missing");
}

} // namespace

GridWorkspace::GridWorkspace(const QString &dir) : m_dir(QDir::cleanPath(QDir(dir).absolutePath())) {}

QString GridWorkspace::manifestPath() const { return m_dir + QStringLiteral("/manifest.json"); }

QString GridWorkspace::trialPath(int index) const { return m_dir + QStringLiteral("/trials/%1.json").arg(index); }

QString GridWorkspace::resultDir(int index) const { return m_dir + QStringLiteral("/results/%1").arg(index); }

QString GridWorkspace::bundlePath(int index) const { return resultDir(index) + QStringLiteral("/run.qbrun"); }

QString GridWorkspace::statusPath(int index) const { return resultDir(index) + QStringLiteral("/status.json"); }

QString GridWorkspace::logDir() const { return m_dir + QStringLiteral("/logs"); }

Status GridWorkspace::create(const Manifest &manifest, const QList<GridTrial> &trials) const
{
    if (!QDir().mkpath(logDir()) || !QDir().mkpath(m_dir + QStringLiteral("/results")))
        return Status::failure(tr("cannot create the grid folder %1").arg(m_dir));
    for (const GridTrial &trial : trials) {
        QJsonObject experiment = trial.spec.toJson();
        experiment.insert(QStringLiteral("format"), QStringLiteral("quantbench-experiment"));
        if (const Status s = writeFileAtomically(trialPath(trial.index), jsonBytes(experiment)); !s)
            return s;
    }
    const QJsonObject json{{QStringLiteral("format"), QStringLiteral("quantbench-grid-manifest")},
        {QStringLiteral("version"), Manifest::kFormatVersion}, {QStringLiteral("grid_id"), double(manifest.gridId)},
        {QStringLiteral("db"), manifest.dbPath}, {QStringLiteral("data_dir"), manifest.dataDir},
        {QStringLiteral("trials"), manifest.trialCount}, {QStringLiteral("grid"), manifest.grid.toJson()}};
    return writeFileAtomically(manifestPath(), jsonBytes(json));
}

Result<GridWorkspace::Manifest> GridWorkspace::readManifest(const QString &manifestPath)
{
    using R = Result<Manifest>;
    const Result<QJsonObject> json = readJsonObject(manifestPath, kMaxManifestBytes);
    if (!json)
        return R::failure(json.error());
    if (json->value(QStringLiteral("format")).toString() != QLatin1String("quantbench-grid-manifest"))
        return R::failure(tr("%1 is not a QuantBench grid manifest").arg(manifestPath));
    if (json->value(QStringLiteral("version")).toInt() > Manifest::kFormatVersion)
        return R::failure(tr("%1 was written by a newer QuantBench").arg(manifestPath));
    Manifest manifest;
    manifest.gridId = qint64(json->value(QStringLiteral("grid_id")).toDouble(-1));
    manifest.dbPath = json->value(QStringLiteral("db")).toString();
    manifest.dataDir = json->value(QStringLiteral("data_dir")).toString();
    manifest.trialCount = json->value(QStringLiteral("trials")).toInt(-1);
    const Result<GridSpec> grid = GridSpec::fromJson(json->value(QStringLiteral("grid")).toObject());
    if (!grid)
        return R::failure(tr("%1: %2").arg(manifestPath, grid.error()));
    manifest.grid = *grid;
    if (manifest.trialCount != manifest.grid.trialCount())
        return R::failure(tr("%1: the grid has %2 trials, the manifest says %3")
                              .arg(manifestPath)
                              .arg(manifest.grid.trialCount())
                              .arg(manifest.trialCount));
    return manifest;
}

Result<ExperimentSpec> GridWorkspace::trial(int index) const
{
    using R = Result<ExperimentSpec>;
    const Result<QJsonObject> json = readJsonObject(trialPath(index), kMaxTrialBytes);
    if (!json)
        return R::failure(json.error());
    Result<ExperimentSpec> spec = ExperimentSpec::fromJson(*json);
    if (!spec)
        return R::failure(tr("%1: %2").arg(trialPath(index), spec.error()));
    return spec;
}

GridWorkspace::TrialResult GridWorkspace::result(int index) const
{
    TrialResult result;
    if (!QFileInfo::exists(statusPath(index)))
        return result;
    const Result<QJsonObject> json = readJsonObject(statusPath(index), 1 << 20);
    if (!json) {
        result.state = TrialState::Failed;
        result.error = json.error();
        return result;
    }
    const QString state = json->value(QStringLiteral("status")).toString();
    result.error = json->value(QStringLiteral("error")).toString();
    if (state == QLatin1String("finished") && QFileInfo::exists(bundlePath(index)))
        result.state = TrialState::Finished;
    else if (state == QLatin1String("failed"))
        result.state = TrialState::Failed;
    else if (state == QLatin1String("cancelled"))
        result.state = TrialState::Cancelled;
    else {
        result.state = TrialState::Failed;
        result.error = tr("%1 says '%2' but the trial's bundle %3 is not there")
                           .arg(statusPath(index), state, bundlePath(index));
    }
    return result;
}

Status GridWorkspace::writeResult(int index, TrialState state, const QString &error) const
{
    QJsonObject json{{QStringLiteral("status"), stateName(state)}, {QStringLiteral("trial"), index}};
    if (!error.isEmpty())
        json.insert(QStringLiteral("error"), error);
    return writeFileAtomically(statusPath(index), jsonBytes(json));
}

Status GridWorkspace::clearResult(int index) const
{
    QDir dir(resultDir(index));
    if (dir.exists() && !dir.removeRecursively())
        return Status::failure(tr("cannot remove the earlier result folder %1").arg(resultDir(index)));
    if (!QDir().mkpath(resultDir(index)))
        return Status::failure(tr("cannot create the result folder %1").arg(resultDir(index)));
    return Status();
}

} // namespace qb
