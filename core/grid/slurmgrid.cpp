#include "grid/slurmgrid.h"

#include "export/atomicfile.h"
#include "grid/slurmclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>

namespace qb {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("qb::SlurmGrid", text); }

/// Single-quoted for bash.
QString quoted(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

Status writeScript(const QString &path, const QString &text)
{
    if (const Status s = writeFileAtomically(path, text.toUtf8()); !s)
        return s;
    QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeUser);
    return Status();
}

} // namespace

Result<SlurmGridSubmission> submitGridToSlurm(const SlurmGridRequest &request)
{
    using R = Result<SlurmGridSubmission>;
    if (request.trials.isEmpty())
        return R::failure(tr("grid %1 has no trials left to run").arg(request.gridId));
    if (!SlurmClient::available())
        return R::failure(tr("Slurm's sbatch is not on PATH: run the grid with --executor local, or on a "
                             "machine of the cluster"));
    const GridWorkspace workspace(request.workDir);
    SlurmGridSubmission out;
    // One folder per submission: a resumed grid submits only the trials still missing.
    out.submissionDir = workspace.dir()
        + QStringLiteral("/slurm/%1").arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
    if (!QDir().mkpath(out.submissionDir) || !QDir().mkpath(workspace.logDir()))
        return R::failure(tr("cannot create %1").arg(out.submissionDir));
    QStringList lines;
    for (int index : request.trials)
        lines << QString::number(index);
    const QString trialList = out.submissionDir + QStringLiteral("/trials.txt");
    if (const Status s = writeFileAtomically(trialList, (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8()); !s)
        return R::failure(s.error());

    // Task k of a chunk runs the trial on line QB_GRID_OFFSET + k + 1 of trials.txt.
    const QString taskScript = out.submissionDir + QStringLiteral("/task.sh");
    const QString task = QStringLiteral(
        "#!/bin/bash\n"
        "# One trial of QuantBench grid %1 (written by quantbench-cli grid --executor slurm).\n"
        "set -eu\n"
        "line=$(( ${QB_GRID_OFFSET:-0} + SLURM_ARRAY_TASK_ID + 1 ))\n"
        "trial=$(sed -n \"${line}p\" %2)\n"
        "exec %3 grid-task --manifest %4 --index \"$trial\"\n")
                             .arg(request.gridId)
                             .arg(quoted(trialList), quoted(request.cliPath), quoted(workspace.manifestPath()));
    const QString mergeScript = out.submissionDir + QStringLiteral("/merge.sh");
    const QString merge = QStringLiteral(
        "#!/bin/bash\n"
        "# Imports the finished trials of QuantBench grid %1 into its history and lists the failed ones.\n"
        "exec %2 grid merge %1 --db %3\n")
                              .arg(request.gridId)
                              .arg(quoted(request.cliPath), quoted(request.dbPath));
    if (const Status s = writeScript(taskScript, task); !s)
        return R::failure(s.error());
    if (const Status s = writeScript(mergeScript, merge); !s)
        return R::failure(s.error());

    SlurmClient slurm;
    const Result<int> maxArraySize = slurm.maxArraySize();
    if (!maxArraySize)
        return R::failure(maxArraySize.error());
    // Both kinds of job run in the grid's folder and log into its logs/.
    auto describe = [&](SlurmJob &job, const QString &script, const QString &name, const QString &output) {
        job.scriptPath = script;
        job.workingDirectory = workspace.dir();
        job.jobName = name;
        job.partition = request.partition;
        job.outputPattern = workspace.logDir() + QLatin1Char('/') + output;
    };
    for (const auto &[offset, size] : SlurmClient::splitArray(int(request.trials.size()), *maxArraySize)) {
        SlurmArrayJob job;
        describe(job, taskScript, QStringLiteral("qb-grid-%1").arg(request.gridId), QStringLiteral("task-%A_%a.out"));
        job.environment.insert(QStringLiteral("QB_GRID_OFFSET"), QString::number(offset));
        job.first = 0;
        job.last = size - 1;
        job.throttle = request.throttle;
        job.cpusPerTask = request.cpusPerTask;
        const Result<QString> id = slurm.submitArray(job);
        if (!id) {
            slurm.cancel(out.arrayJobs);
            return R::failure(id.error());
        }
        out.arrayJobs.append(*id);
    }
    SlurmJob mergeJob;
    describe(mergeJob, mergeScript, QStringLiteral("qb-grid-%1-merge").arg(request.gridId), QStringLiteral("merge-%j.out"));
    const Result<QString> merged = slurm.submitDependent(mergeJob, out.arrayJobs);
    if (!merged) {
        slurm.cancel(out.arrayJobs);
        return R::failure(merged.error());
    }
    out.mergeJob = *merged;
    return out;
}

} // namespace qb
