#pragma once

#include "spec/networkspec.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

namespace qb {

/// The seed networks shipped as Qt resources (resources/presets/*.json, embedded at :/presets/).
class PresetLibrary
{
public:
    /// Preset names, sorted.
    static QStringList names();
    static bool contains(const QString &name);
    /// Parses the preset; an unknown name gives an error listing the known ones.
    static Result<NetworkSpec> load(const QString &name);
};

} // namespace qb
