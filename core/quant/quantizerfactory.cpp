#include "quant/quantizer_p.h"

#include <QHash>

#include <stdexcept>

namespace qb {

// Factories of the registered quantizers, one per catalogue entry (quantizercatalog.cpp).
std::unique_ptr<Quantizer> makeSteSign(const QuantizerSpec &spec);            // stesign.cpp
std::unique_ptr<Quantizer> makeApproxSign(const QuantizerSpec &spec);         // signquantizers.cpp
std::unique_ptr<Quantizer> makeSwishSign(const QuantizerSpec &spec);          // signquantizers.cpp
std::unique_ptr<Quantizer> makeMagnitudeAwareSign(const QuantizerSpec &spec); // signquantizers.cpp
std::unique_ptr<Quantizer> makeReste(const QuantizerSpec &spec);              // signquantizers.cpp
std::unique_ptr<Quantizer> makeSteHeaviside(const QuantizerSpec &spec);       // signquantizers.cpp
std::unique_ptr<Quantizer> makeTernaryTwn(const QuantizerSpec &spec);         // ternaryquantizers.cpp
std::unique_ptr<Quantizer> makeSteTern(const QuantizerSpec &spec);            // ternaryquantizers.cpp
std::unique_ptr<Quantizer> makeDorefa(const QuantizerSpec &spec);             // multibitquantizers.cpp
std::unique_ptr<Quantizer> makeFixedPoint(const QuantizerSpec &spec);         // multibitquantizers.cpp
std::unique_ptr<Quantizer> makeUniform(const QuantizerSpec &spec);            // multibitquantizers.cpp
std::unique_ptr<Quantizer> makeLsq(const QuantizerSpec &spec);                // statefulquantizers.cpp
std::unique_ptr<Quantizer> makeStochasticBinary(const QuantizerSpec &spec);   // statefulquantizers.cpp

namespace {

using Factory = std::unique_ptr<Quantizer> (*)(const QuantizerSpec &);

const QHash<QString, Factory> &factories()
{
    static const QHash<QString, Factory> table = {
        {QStringLiteral("ste_sign"), &makeSteSign},
        {QStringLiteral("approx_sign"), &makeApproxSign},
        {QStringLiteral("swish_sign"), &makeSwishSign},
        {QStringLiteral("magnitude_aware_sign"), &makeMagnitudeAwareSign},
        {QStringLiteral("reste"), &makeReste},
        {QStringLiteral("ste_heaviside"), &makeSteHeaviside},
        {QStringLiteral("ternary_twn"), &makeTernaryTwn},
        {QStringLiteral("ste_tern"), &makeSteTern},
        {QStringLiteral("dorefa"), &makeDorefa},
        {QStringLiteral("fixed_point"), &makeFixedPoint},
        {QStringLiteral("uniform"), &makeUniform},
        {QStringLiteral("lsq"), &makeLsq},
        {QStringLiteral("stochastic_binary"), &makeStochasticBinary},
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
