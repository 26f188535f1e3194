#include "spec/presetlibrary.h"

#include <QDir>
#include <QObject>

namespace qb {

namespace {
const QString kPresetRoot = QStringLiteral(":/presets");
}

QStringList PresetLibrary::names()
{
    QStringList result;
    const QStringList files
        = QDir(kPresetRoot).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &f : files)
        result << f.chopped(5);
    return result;
}

bool PresetLibrary::contains(const QString &name)
{
    return names().contains(name);
}

Result<NetworkSpec> PresetLibrary::load(const QString &name)
{
    if (!contains(name)) {
        return Result<NetworkSpec>::failure(
            QObject::tr("unknown preset '%1' (known: %2)").arg(name, names().join(QStringLiteral(", "))));
    }
    return NetworkSpec::fromFile(kPresetRoot + QLatin1Char('/') + name + QStringLiteral(".json"));
}

} // namespace qb
