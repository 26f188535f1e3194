#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

namespace qb {

/// One batch job for SlurmClient::submitDependent(), and the common part of an array job.
struct SlurmJob
{
    /// A bash script the caller wrote; sbatch copies it at submission, so it may change afterwards.
    QString scriptPath;
    /// The job's working directory (sbatch --chdir); empty: the submitter's.
    QString workingDirectory;
    /// sbatch --job-name; empty: the script's file name.
    QString jobName;
    /// sbatch --partition; empty: the cluster's default partition.
    QString partition;
    /// sbatch --output, with Slurm's patterns (%j job id; %A array job id, %a task index); empty:
    /// Slurm's default, slurm-%j.out (slurm-%A_%a.out for an array) in the working directory.
    QString outputPattern;
    /// Variables the job sees in addition to the submitter's environment (sbatch exports its whole
    /// environment by default; they are set on sbatch's process, so values may hold any character,
    /// commas included, which --export=VAR=value could not carry).
    QMap<QString, QString> environment;
    /// sbatch --cpus-per-task; 0: the cluster's default (one).
    int cpusPerTask = 0;
};

/// A job array: the job above run once per task index first..last, at most `throttle` at a time.
struct SlurmArrayJob : SlurmJob
{
    int first = 0;
    int last = 0;
    /// The %K of --array=first-last%K: how many tasks may run at once; 0: no limit.
    int throttle = 0;
};

/// Talks to a Slurm cluster through its commands (sbatch, squeue, scancel, scontrol), each run with
/// QProcess and a timeout. Every failure names the command and carries Slurm's own message (its
/// stderr). The commands find the cluster the usual way: SLURM_CONF, else /etc/slurm/slurm.conf.
///
/// Synchronous: each call blocks until its command exits (normally well under a second), so use it
/// from a worker thread in a GUI. Holds no state but the timeout; any thread may own one.
class SlurmClient
{
    Q_DECLARE_TR_FUNCTIONS(qb::SlurmClient)

public:
    static constexpr int kDefaultTimeoutMs = 30000;
    /// Slurm's MaxArraySize when slurm.conf does not set it.
    static constexpr int kDefaultMaxArraySize = 1001;

    explicit SlurmClient(int timeoutMs = kDefaultTimeoutMs);

    int timeoutMs() const;
    void setTimeoutMs(int timeoutMs);

    /// True when sbatch is on PATH (the client commands are installed; a cluster may still be
    /// unreachable).
    static bool available();

    /// The cluster's MaxArraySize (`scontrol show config`); 1001, Slurm's default, when absent.
    /// Array task indices must be below it, and an array has at most that many tasks.
    Result<int> maxArraySize();

    /// Submits `sbatch --parsable --array=first-last[%throttle] ...`; returns the array's job id
    /// ("123" from sbatch's "123" or "123;cluster").
    Result<QString> submitArray(const SlurmArrayJob &job);

    /// Submits a plain job that starts once every job in `afterAny` has ended, whatever its exit
    /// status (--dependency=afterany:ID1:ID2...; an array id waits for all of its tasks). With an
    /// empty list the job has no dependency. Returns its job id.
    Result<QString> submitDependent(const SlurmJob &job, const QStringList &afterAny);

    /// The state of every task still known to the queue for these jobs: `squeue -r`, keyed by
    /// squeue's id ("123" for a plain job, "123_4" for array task 4; a pending array may show as
    /// "123_[0-5%2]"), valued by its long state name (PENDING, RUNNING, COMPLETING, ...).
    ///
    /// Jobs that have left the queue are simply absent: squeue forgets a job MinJobAge seconds after
    /// it ends and cannot tell success from failure, so an empty map means "all ended", not "all
    /// succeeded"; check the jobs' own outputs for that. (squeue fails with "Invalid job id
    /// specified" when it knows none of the ids; that is an empty map here, not an error.)
    Result<QMap<QString, QString>> states(const QStringList &jobIds);

    /// scancel: cancels the jobs (all tasks of an array id). Ids Slurm no longer knows are not an
    /// error.
    Status cancel(const QStringList &jobIds);

    /// Splits `count` tasks into job arrays a cluster accepts. Slurm requires every task index to be
    /// below MaxArraySize (not merely at most MaxArraySize tasks per array), so an array for tasks
    /// 1001..1500 cannot simply use those indices. Each returned pair is (offset, size): the chunk
    /// covers global tasks offset..offset+size-1, is submitted as --array=0-(size-1), and its script
    /// computes the global index as offset + SLURM_ARRAY_TASK_ID, the offset passed in the job's
    /// environment (SlurmJob::environment). Chunks are in order, at most maxArraySize tasks each;
    /// none for count <= 0; maxArraySize < 1 (arrays disabled) gives chunks of one task.
    static QList<QPair<int, int>> splitArray(int count, int maxArraySize);

private:
    /// Runs `program arguments`, with `extraEnvironment` added to this process's; returns stdout,
    /// or an error naming the command with its stderr (or the timeout / the failure to start).
    Result<QString> run(const QString &program, const QStringList &arguments,
        const QMap<QString, QString> &extraEnvironment = {});
    Result<QString> submit(const SlurmJob &job, const QStringList &extraArguments);

    int m_timeoutMs;
};

} // namespace qb
