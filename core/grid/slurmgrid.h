#pragma once

#include "grid/gridworkspace.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace qb {

/// The Slurm executor of a grid: the trials still to run as job arrays whose tasks run
/// `quantbench-cli grid-task` (each writing only its own result folder), and one merge job after
/// all of them (afterany) that imports the results into the history, the single writer, and lists
/// the failed trials in its output. Arrays larger than the cluster's MaxArraySize are split.
struct SlurmGridRequest
{
    qint64 gridId = -1;
    QString dbPath;    ///< the history the merge job writes
    QString workDir;   ///< the grid's workspace, on a filesystem the nodes share
    QString cliPath;   ///< quantbench-cli as the nodes reach it
    QList<int> trials; ///< the trial indices to run
    QString partition; ///< empty: the cluster's default
    int throttle = 0;  ///< at most this many tasks at once per array (the %K of --array); 0: no limit
    int cpusPerTask = 1; ///< the trials' thread count (frozen in their experiments)
};

struct SlurmGridSubmission
{
    QStringList arrayJobs;
    QString mergeJob;
    QString submissionDir; ///< the scripts and the list of trials of this submission
};

/// Writes the submission's scripts into the workspace and submits them.
Result<SlurmGridSubmission> submitGridToSlurm(const SlurmGridRequest &request);

} // namespace qb
