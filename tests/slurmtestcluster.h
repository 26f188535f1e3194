#pragma once
// A throwaway one-node Slurm cluster for tests (tests/tools/slurm/cluster.sh): started in a folder
// of the test's, stopped by stop() (or the destructor). Its SLURM_CONF is exported into the test
// process, so the Slurm commands it runs, and the quantbench-cli processes it starts, find it.

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace qbtest {

class SlurmTestCluster
{
public:
    ~SlurmTestCluster() { stop(); }

    /// Why the cluster cannot run here (a program missing), or empty.
    static QString missing()
    {
        QStringList absent;
        for (const char *program : {"sbatch", "slurmctld", "slurmd", "munged", "mungekey"}) {
            // The daemons live in /usr/sbin, which a non-root PATH may lack.
            const QString name = QString::fromLatin1(program);
            if (QStandardPaths::findExecutable(name).isEmpty()
                && QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")})
                       .isEmpty())
                absent << name;
        }
        if (absent.isEmpty())
            return QString();
        return QStringLiteral("Slurm is not installed (%1 not found): install the Debian packages slurm-wlm "
                              "and munge (scripts/setup.sh)")
            .arg(absent.join(QStringLiteral(", ")));
    }

    /// Starts the cluster in `dir` (created); false with the reason in `error`.
    bool start(const QString &dir, int maxArraySize, QString *error)
    {
        m_script = QDir(qEnvironmentVariable("QB_SOURCE_DIR")).filePath(QStringLiteral("tests/tools/slurm/cluster.sh"));
        if (!QFileInfo::exists(m_script)) {
            *error = m_script + QStringLiteral(" is missing (QB_SOURCE_DIR is set by ctest)");
            return false;
        }
        m_dir = dir;
        QProcess start;
        start.start(QStringLiteral("bash"), {m_script, QStringLiteral("start"), dir, QString::number(maxArraySize)});
        m_started = true; // from here on, stop() cleans up whatever did start
        if (!start.waitForFinished(90000)) {
            start.kill();
            start.waitForFinished(5000);
            *error = QStringLiteral("cluster.sh start did not finish within 90 s");
            return false;
        }
        if (start.exitStatus() != QProcess::NormalExit || start.exitCode() != 0) {
            *error = QStringLiteral("cluster.sh start failed:\n") + QString::fromLocal8Bit(start.readAllStandardError());
            return false;
        }
        // "export SLURM_CONF=..." lines, for this process and the Slurm commands it runs.
        for (const QString &line : QString::fromLocal8Bit(start.readAllStandardOutput()).split(QLatin1Char('\n'))) {
            if (!line.startsWith(QLatin1String("export ")))
                continue;
            const QString assignment = line.mid(7);
            const int eq = assignment.indexOf(QLatin1Char('='));
            if (eq > 0)
                qputenv(assignment.left(eq).toLocal8Bit().constData(), assignment.mid(eq + 1).toLocal8Bit());
        }
        if (qEnvironmentVariableIsEmpty("SLURM_CONF")) {
            *error = QStringLiteral("cluster.sh start printed no SLURM_CONF");
            return false;
        }
        return true;
    }

    /// Stops the cluster; false with the reason in `error` when cluster.sh stop failed.
    bool stop(QString *error = nullptr)
    {
        if (!m_started)
            return true;
        m_started = false;
        QProcess stop;
        stop.start(QStringLiteral("bash"), {m_script, QStringLiteral("stop"), m_dir});
        const bool ok = stop.waitForFinished(60000) && stop.exitCode() == 0;
        if (!ok && error)
            *error = QStringLiteral("cluster.sh stop failed:\n") + QString::fromLocal8Bit(stop.readAllStandardError());
        return ok;
    }

private:
    QString m_script;
    QString m_dir;
    bool m_started = false;
};

} // namespace qbtest
