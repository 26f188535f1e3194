#pragma once

#include <QString>

namespace qb {

/// QuantBench's version (the project version in CMakeLists.txt), for exported files' metadata.
QString quantbenchVersion();

} // namespace qb
