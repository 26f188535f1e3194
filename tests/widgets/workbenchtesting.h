#pragma once
// Shared set-up of the whole-window tests: a private settings and data location (so tests never
// read or change the user's), a small learnable dataset on disk and a tiny network.

#include "app/clitestutil.h"
#include "spec/networkspec.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtGlobal>

namespace qbtest {

/// Points XDG config/data at a fresh temporary folder; call before the QApplication exists.
inline QTemporaryDir &isolateUserFolders()
{
    static QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    return home;
}

/// Flatten -> dense 10 on 28x28 images: trains in well under a second per epoch on the band set.
inline qb::NetworkSpec tinyNetwork()
{
    qb::NetworkSpec network;
    network.name = QStringLiteral("tiny");
    qb::LayerSpec flatten;
    flatten.type = qb::LayerType::Flatten;
    flatten.name = QStringLiteral("flatten_1");
    qb::LayerSpec dense;
    dense.type = qb::LayerType::Dense;
    dense.name = QStringLiteral("dense_1");
    dense.units = 10;
    network.layers = {flatten, dense};
    return network;
}

} // namespace qbtest
