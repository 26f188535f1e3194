#include "quant/quantizer_p.h"

#include <QHash>

#include <stdexcept>

namespace qb {

// Factories of the registered quantizers, one per catalogue entry (quantizercatalog.cpp).
std::unique_ptr<Quantizer> makeSteSign(const QuantizerSpec &spec);

namespace {

using Factory = std::unique_ptr<Quantizer> (*)(const QuantizerSpec &);

const QHash<QString, Factory> &factories()
{
    static const QHash<QString, Factory> table = {
        {QStringLiteral("ste_sign"), &makeSteSign},
    };
    return table;
}

} // namespace

std::unique_ptr<Quantizer> makeQuantizer(const QuantizerSpec &spec)
{
    if (spec.isNone())
        return nullptr;
    const Factory factory = factories().value(spec.name, nullptr);
    if (!factory)
        throw std::invalid_argument("unknown quantizer " + spec.name.toStdString());
    return factory(spec);
}

} // namespace qb
