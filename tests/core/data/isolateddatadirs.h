#pragma once
// Test helper: points $QUANTBENCH_DATA and $XDG_DATA_HOME at empty folders so that the dataset
// locator never sees the user's own data, and puts both variables back as they were afterwards.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

class IsolatedDataDirs
{
public:
    IsolatedDataDirs() : m_saved{save("QUANTBENCH_DATA"), save("XDG_DATA_HOME")} {}
    ~IsolatedDataDirs()
    {
        restore("QUANTBENCH_DATA", m_saved[0]);
        restore("XDG_DATA_HOME", m_saved[1]);
    }
    IsolatedDataDirs(const IsolatedDataDirs &) = delete;
    IsolatedDataDirs &operator=(const IsolatedDataDirs &) = delete;

    /// Creates `root`/qb and `root`/xdg and points the two variables at them.
    bool pointAt(const QString &root)
    {
        const QString qb = root + QStringLiteral("/qb");
        const QString xdg = root + QStringLiteral("/xdg");
        if (!QDir().mkpath(qb) || !QDir().mkpath(xdg))
            return false;
        return qputenv("QUANTBENCH_DATA", QFile::encodeName(qb)) && qputenv("XDG_DATA_HOME", QFile::encodeName(xdg));
    }

private:
    struct Saved
    {
        bool set = false;
        QByteArray value;
    };
    static Saved save(const char *name) { return {qEnvironmentVariableIsSet(name), qgetenv(name)}; }
    static void restore(const char *name, const Saved &saved)
    {
        if (saved.set)
            qputenv(name, saved.value);
        else
            qunsetenv(name);
    }

    Saved m_saved[2];
};
