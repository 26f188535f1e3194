#pragma once
// Private helpers shared by the nonideality implementations (noisemodels.cpp: the per-pass models and
// the factory; chipnoisemodels.cpp: the per-chip models). Only core/noise .cpp files include it.

#include "noise/noisemodel_p.h"

#include <cstdint>
#include <memory>

namespace qb {

/// A Number/Integer parameter of a spec, or the catalogue's default for its model (NoiseCatalog is
/// the single source of the defaults).
double noiseNumber(const NoiseSpec &spec, const QString &key);
/// A Bool parameter, or the catalogue's default.
bool noiseFlag(const NoiseSpec &spec, const QString &key);
/// A Choice parameter, or the catalogue's default.
QString noiseChoice(const NoiseSpec &spec, const QString &key);

// The per-chip models (chipnoisemodels.cpp). `salt` as for makeNoiseModel().
std::unique_ptr<NoiseModel> makeProcessVariation(const NoiseSpec &spec, std::uint64_t salt);
std::unique_ptr<NoiseModel> makeStuckAt(const NoiseSpec &spec, std::uint64_t salt);
std::unique_ptr<NoiseModel> makeDrift(const NoiseSpec &spec, std::uint64_t salt);

} // namespace qb
