#include "store/runrecord.h"

namespace qb {

QString runStatusName(RunStatus status)
{
    // These names are stored in the runs table: never rename one, only add.
    switch (status) {
    case RunStatus::Running:
        return QStringLiteral("running");
    case RunStatus::Finished:
        return QStringLiteral("finished");
    case RunStatus::Cancelled:
        return QStringLiteral("cancelled");
    case RunStatus::Failed:
        return QStringLiteral("failed");
    case RunStatus::Interrupted:
        return QStringLiteral("interrupted");
    }
    return QString();
}

bool runStatusFromName(const QString &name, RunStatus *out)
{
    static const RunStatus all[] = {RunStatus::Running, RunStatus::Finished, RunStatus::Cancelled,
                                    RunStatus::Failed, RunStatus::Interrupted};
    for (RunStatus status : all) {
        if (runStatusName(status) == name) {
            if (out)
                *out = status;
            return true;
        }
    }
    return false;
}

} // namespace qb
