#include "util/version.h"

namespace qb {

QString quantbenchVersion()
{
    return QStringLiteral(QUANTBENCH_VERSION);
}

} // namespace qb
