#include "common/appsettings.h"

namespace qb {

namespace {
const QString kLanguage = QStringLiteral("ui/language");
const QString kRecentFiles = QStringLiteral("ui/recentFiles");
const QString kGeometry = QStringLiteral("ui/windowGeometry");
const QString kState = QStringLiteral("ui/windowState");
const QString kThreads = QStringLiteral("training/threads");
const QString kDataset = QStringLiteral("training/dataset");
const QString kDataDirectory = QStringLiteral("training/dataDirectory");
const QString kHistoryPath = QStringLiteral("history/path");
const QString kTourShown = QStringLiteral("ui/tourShown");
} // namespace

AppSettings::AppSettings()
    : m_settings(QStringLiteral("QuantBench"), QStringLiteral("quantbench"))
{
}

QString AppSettings::language() const { return m_settings.value(kLanguage).toString(); }
void AppSettings::setLanguage(const QString &code) { m_settings.setValue(kLanguage, code); }

QStringList AppSettings::recentFiles() const { return m_settings.value(kRecentFiles).toStringList(); }

void AppSettings::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    m_settings.setValue(kRecentFiles, files);
}

QByteArray AppSettings::windowGeometry() const { return m_settings.value(kGeometry).toByteArray(); }
void AppSettings::setWindowGeometry(const QByteArray &geometry) { m_settings.setValue(kGeometry, geometry); }
QByteArray AppSettings::windowState() const { return m_settings.value(kState).toByteArray(); }
void AppSettings::setWindowState(const QByteArray &state) { m_settings.setValue(kState, state); }

int AppSettings::threads() const { return m_settings.value(kThreads, 0).toInt(); }
void AppSettings::setThreads(int threads) { m_settings.setValue(kThreads, threads); }

QString AppSettings::dataset() const
{
    return m_settings.value(kDataset, QStringLiteral("fashion-mnist")).toString();
}
void AppSettings::setDataset(const QString &name) { m_settings.setValue(kDataset, name); }
QString AppSettings::dataDirectory() const { return m_settings.value(kDataDirectory).toString(); }
void AppSettings::setDataDirectory(const QString &dir) { m_settings.setValue(kDataDirectory, dir); }
QString AppSettings::historyPath() const { return m_settings.value(kHistoryPath).toString(); }
void AppSettings::setHistoryPath(const QString &path) { m_settings.setValue(kHistoryPath, path); }

bool AppSettings::tourShown() const { return m_settings.value(kTourShown, false).toBool(); }
void AppSettings::setTourShown(bool shown)
{
    m_settings.setValue(kTourShown, shown);
    m_settings.sync();
}

} // namespace qb
