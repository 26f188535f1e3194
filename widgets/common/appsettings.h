#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace qb {

/// Typed access to the workbench's persistent settings (QSettings, organisation "QuantBench",
/// application "quantbench"), so no widget spells a settings key itself. Cheap to construct:
/// make one where needed.
class AppSettings
{
public:
    AppSettings();

    /// "" follows the system locale; otherwise "en" or "es".
    QString language() const;
    void setLanguage(const QString &code);

    QStringList recentFiles() const;
    /// Puts `path` first in the recent files (at most kMaxRecentFiles).
    void addRecentFile(const QString &path);
    static constexpr int kMaxRecentFiles = 8;

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    /// Training threads; 0 = all cores (the default).
    int threads() const;
    void setThreads(int threads);

    QString dataset() const; ///< default "fashion-mnist"
    void setDataset(const QString &name);
    /// A folder holding the chosen dataset's files; empty = the standard search order.
    QString dataDirectory() const;
    void setDataDirectory(const QString &dir);
    /// The history database; empty = ExperimentStore::defaultPath().
    QString historyPath() const;
    void setHistoryPath(const QString &path);

    /// Whether the first-run tour has been shown (it starts by itself only while this is false).
    bool tourShown() const;
    /// Written through at once: a start that is killed right after still counts as shown.
    void setTourShown(bool shown);

private:
    mutable QSettings m_settings;
};

} // namespace qb
