#pragma once

#include "spec/quantizerspec.h"

#include <QJsonObject>

#include <QList>
#include <QString>
#include <QStringList>

namespace qb {

/// Description of one parameter of a quantizer, used for validation, defaults and the inspector.
/// The default of a Bool parameter is defaultNumber != 0.
struct QuantizerParam
{
    enum class Kind { Number, Integer, Bool, Choice };
    QString key;
    Kind kind = Kind::Number;
    double defaultNumber = 0.0;
    double minimum = 0.0; ///< inclusive
    double maximum = 0.0; ///< inclusive
    QString defaultChoice;
    QStringList choices;
    QString description;
    bool optional = false; ///< may be absent (Number kind); absent/0 means "disabled"
};

/// Builders of parameter descriptions, shared by the quantizer and nonideality catalogues.
QuantizerParam numberParam(const QString &key, double def, double lo, double hi, const QString &text,
                           bool optional = false);
QuantizerParam integerParam(const QString &key, int def, int lo, int hi, const QString &text);
QuantizerParam boolParam(const QString &key, bool def, const QString &text);
/// A choice whose default is the first of `choices`, or `def`.
QuantizerParam choiceParam(const QString &key, const QStringList &choices, const QString &text);
QuantizerParam choiceParam(const QString &key, const QStringList &choices, const QString &def, const QString &text);

/// Checks parameter values against their descriptions: unknown keys, types, ranges, choices.
/// Empty when all is well, else a sentence starting with `owner` (e.g. "quantizer 'lsq'").
/// Shared by the quantizer and nonideality catalogues.
QString checkParameters(const QList<QuantizerParam> &known, const QJsonObject &params, const QString &owner);

/// Where a quantizer may be used.
enum QuantizerRole { InputRole = 1, KernelRole = 2, AnyRole = 3 };

/// What the catalogue knows about a quantizer without touching torch.
struct QuantizerInfo
{
    QString name;        ///< registry name, as in the network JSON
    QString description; ///< one sentence for tooltips and `--help`
    int roles = AnyRole;
    QList<QuantizerParam> params;
    int bits = 32;     ///< bits per output value, unless bitsParam names the parameter that sets it
    QString bitsParam; ///< e.g. "bits" for the k-bit quantizers; empty when the width is fixed
};

/// The registry of quantizers by name: their parameters and how many bits their output takes.
/// The torch implementations are registered next to this table (quantizerfactory_p.h); adding a
/// quantizer means one entry here and one factory function there.
class QuantizerCatalog
{
public:
    static const QList<QuantizerInfo> &all();
    static const QuantizerInfo *find(const QString &name);
    /// Empty string when the spec is usable in `role`; else what is wrong, naming the parameter.
    static QString check(const QuantizerSpec &spec, QuantizerRole role);
    /// Bits per value of the quantizer's output (1 for signs, 2 for ternary, k for k-bit, the word
    /// size for fixed point, 32 for none or an unknown name); used by the model summary.
    static int bits(const QuantizerSpec &spec);
};

} // namespace qb
