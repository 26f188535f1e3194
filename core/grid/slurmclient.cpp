#include "grid/slurmclient.h"

#include <QLoggingCategory>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

namespace qb {

Q_LOGGING_CATEGORY(lcSlurm, "qb.core.grid", QtInfoMsg)

namespace {

/// The command line as a user would type it, for messages.
QString commandLine(const QString &program, const QStringList &arguments)
{
    QStringList parts{program};
    for (const QString &a : arguments)
        parts << (a.contains(QLatin1Char(' ')) ? QLatin1Char('\'') + a + QLatin1Char('\'') : a);
    return parts.join(QLatin1Char(' '));
}

/// "123" from sbatch --parsable's "123" or "123;cluster".
Result<QString> parseJobId(const QString &output)
{
    const QString id = output.trimmed().section(QLatin1Char(';'), 0, 0);
    static const QRegularExpression kId(QStringLiteral("^[0-9]+$"));
    if (!kId.match(id).hasMatch())
        return Result<QString>::failure(
            SlurmClient::tr("sbatch printed no job id (its output was \"%1\").").arg(output.trimmed()));
    return id;
}

} // namespace

SlurmClient::SlurmClient(int timeoutMs)
    : m_timeoutMs(timeoutMs)
{
}

int SlurmClient::timeoutMs() const { return m_timeoutMs; }

void SlurmClient::setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

bool SlurmClient::available() { return !QStandardPaths::findExecutable(QStringLiteral("sbatch")).isEmpty(); }

Result<QString> SlurmClient::run(
    const QString &program, const QStringList &arguments, const QMap<QString, QString> &extraEnvironment)
{
    const QString command = commandLine(program, arguments);
    qCDebug(lcSlurm) << "running" << command;
    QProcess process;
    if (!extraEnvironment.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (auto it = extraEnvironment.cbegin(); it != extraEnvironment.cend(); ++it)
            env.insert(it.key(), it.value());
        process.setProcessEnvironment(env);
    }
    process.start(program, arguments);
    if (!process.waitForStarted(m_timeoutMs))
        return Result<QString>::failure(
            tr("Cannot run %1: %2 (is Slurm installed and on PATH?)").arg(command, process.errorString()));
    if (!process.waitForFinished(m_timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return Result<QString>::failure(
            tr("%1 did not finish within %2 s (is the Slurm controller reachable?)")
                .arg(command, QString::number(m_timeoutMs / 1000.0)));
    }
    const QString out = QString::fromLocal8Bit(process.readAllStandardOutput());
    const QString err = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit)
        return Result<QString>::failure(tr("%1 crashed. %2").arg(command, err));
    if (process.exitCode() != 0)
        // One multi-argument arg(): a command line may hold "%2" (an output pattern, a job name).
        return Result<QString>::failure(
            tr("%1 failed (exit status %2): %3")
                .arg(command, QString::number(process.exitCode()), err.isEmpty() ? tr("no message") : err));
    return out;
}

Result<int> SlurmClient::maxArraySize()
{
    const Result<QString> out
        = run(QStringLiteral("scontrol"), {QStringLiteral("show"), QStringLiteral("config")});
    if (!out)
        return Result<int>::failure(out.error());
    // Lines read "MaxArraySize            = 4".
    static const QRegularExpression kLine(
        QStringLiteral("^\\s*MaxArraySize\\s*=\\s*(\\S+)\\s*$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = kLine.match(*out);
    if (!m.hasMatch())
        return kDefaultMaxArraySize;
    bool ok = false;
    const int value = m.captured(1).toInt(&ok);
    if (!ok || value < 0)
        return Result<int>::failure(
            tr("scontrol show config gave MaxArraySize = %1, not a count.").arg(m.captured(1)));
    return value;
}

Result<QString> SlurmClient::submit(const SlurmJob &job, const QStringList &extraArguments)
{
    if (job.scriptPath.isEmpty())
        return Result<QString>::failure(tr("No batch script was given to sbatch."));
    QStringList args{QStringLiteral("--parsable")};
    args << extraArguments;
    if (!job.workingDirectory.isEmpty())
        args << QStringLiteral("--chdir=") + job.workingDirectory;
    if (!job.jobName.isEmpty())
        args << QStringLiteral("--job-name=") + job.jobName;
    if (!job.partition.isEmpty())
        args << QStringLiteral("--partition=") + job.partition;
    if (!job.outputPattern.isEmpty())
        args << QStringLiteral("--output=") + job.outputPattern;
    if (job.cpusPerTask > 0)
        args << QStringLiteral("--cpus-per-task=%1").arg(job.cpusPerTask);
    args << job.scriptPath;
    const Result<QString> out = run(QStringLiteral("sbatch"), args, job.environment);
    if (!out)
        return out;
    const Result<QString> id = parseJobId(*out);
    if (id)
        qCInfo(lcSlurm) << "submitted job" << *id << "from" << job.scriptPath;
    return id;
}

Result<QString> SlurmClient::submitArray(const SlurmArrayJob &job)
{
    if (job.first < 0 || job.last < job.first)
        return Result<QString>::failure(
            tr("Invalid job array range %1-%2 for %3.")
                .arg(QString::number(job.first), QString::number(job.last), job.scriptPath));
    QString array = QStringLiteral("--array=%1-%2").arg(job.first).arg(job.last);
    if (job.throttle > 0)
        array += QStringLiteral("%%1").arg(job.throttle);
    return submit(job, {array});
}

Result<QString> SlurmClient::submitDependent(const SlurmJob &job, const QStringList &afterAny)
{
    QStringList extra;
    if (!afterAny.isEmpty())
        extra << QStringLiteral("--dependency=afterany:") + afterAny.join(QLatin1Char(':'));
    return submit(job, extra);
}

Result<QMap<QString, QString>> SlurmClient::states(const QStringList &jobIds)
{
    QMap<QString, QString> result;
    if (jobIds.isEmpty())
        return result;
    const Result<QString> out = run(QStringLiteral("squeue"),
        {QStringLiteral("-h"), QStringLiteral("-r"), QStringLiteral("-j"), jobIds.join(QLatin1Char(',')),
            QStringLiteral("-o"), QStringLiteral("%i %T")});
    if (!out) {
        // squeue fails instead of printing nothing when it knows none of the ids (all ended).
        if (out.error().contains(QLatin1String("Invalid job id specified")))
            return result;
        return Result<QMap<QString, QString>>::failure(out.error());
    }
    const QStringList lines = out->split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QStringList fields = line.simplified().split(QLatin1Char(' '));
        if (fields.size() != 2)
            return Result<QMap<QString, QString>>::failure(
                tr("Unexpected line from squeue: \"%1\".").arg(line.trimmed()));
        result.insert(fields.at(0), fields.at(1));
    }
    return result;
}

Status SlurmClient::cancel(const QStringList &jobIds)
{
    if (jobIds.isEmpty())
        return {};
    const Result<QString> out = run(QStringLiteral("scancel"), jobIds);
    if (!out)
        return Status::failure(out.error());
    return {};
}

QList<QPair<int, int>> SlurmClient::splitArray(int count, int maxArraySize)
{
    QList<QPair<int, int>> chunks;
    const int chunk = std::max(1, maxArraySize);
    for (int offset = 0; offset < count; offset += chunk)
        chunks.append({offset, std::min(chunk, count - offset)});
    return chunks;
}

} // namespace qb
