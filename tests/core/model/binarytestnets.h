#pragma once
// Helpers shared by the tests of the bit-packed and the fused evaluation paths
// (tst_bitpackedevaluation, tst_fusedbinaryevaluation).

#include "model/network_p.h"

#include <QJsonObject>

namespace qb::testnets {

inline QuantizerSpec quantizerSpec(const QString &name, const QJsonObject &params = {})
{
    QuantizerSpec q;
    q.name = name;
    q.params = params;
    return q;
}

/// A nonideality active in training and evaluation.
inline NoiseSpec noiseSpec(const QString &model, const QJsonObject &params)
{
    NoiseSpec n;
    n.model = model;
    n.phase = NoisePhase::Both;
    n.params = params;
    return n;
}

/// Batch norm statistics and affine parameters spread so that the signs after each batch norm
/// depend on the values before it (gammas, where the layers have them, negative as often as not).
inline void randomizeBatchNorms(NetworkModule &net)
{
    torch::NoGradGuard noGrad;
    for (auto &b : net.named_buffers(true)) {
        if (b.key().find("running_mean") != std::string::npos)
            b.value().copy_(torch::randn(b.value().sizes()) * 3.0);
        if (b.key().find("running_var") != std::string::npos)
            b.value().copy_(torch::rand(b.value().sizes()) * 20.0 + 0.5);
    }
    for (auto &p : net.named_parameters(true)) {
        if (p.key().find("beta") != std::string::npos)
            p.value().copy_(torch::randn(p.value().sizes()) * 0.5);
        if (p.key().find("gamma") != std::string::npos)
            p.value().copy_(torch::randn(p.value().sizes()));
    }
}

/// The network of `spec` with its weights drawn from `seed`, batch norms randomized, in
/// evaluation mode; null when the spec does not build.
inline std::shared_ptr<NetworkModule> buildRandomized(const NetworkSpec &spec, std::uint64_t seed = 11)
{
    torch::manual_seed(seed);
    auto built = NetworkModule::build(spec);
    if (!built)
        return nullptr;
    randomizeBatchNorms(**built);
    (*built)->eval();
    return *built;
}

} // namespace qb::testnets
