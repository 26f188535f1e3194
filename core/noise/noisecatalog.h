#pragma once

#include "quant/quantizercatalog.h"
#include "spec/noisespec.h"

#include <QList>
#include <QString>

namespace qb {

/// Parameters of nonidealities are described like quantizer parameters.
using NoiseParam = QuantizerParam;

/// What the catalogue knows about a nonideality model without touching torch.
struct NoiseInfo
{
    QString name;        ///< registry name, the "model" of a NoiseSpec
    QString description; ///< one sentence for tooltips and --help
    bool perChip = false; ///< a fixed pattern drawn once per simulated chip (process variation,
                          ///< stuck-at faults, drift); otherwise drawn on every forward pass
    QList<NoiseParam> params;
};

/// The registry of nonideality models by name (the torch implementations are in noisemodel_p.h).
class NoiseCatalog
{
public:
    static const QList<NoiseInfo> &all();
    static const NoiseInfo *find(const QString &name);
    /// Empty when the spec is usable; else what is wrong, naming the model and the parameter.
    static QString check(const NoiseSpec &spec);
};

} // namespace qb
