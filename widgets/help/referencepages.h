#pragma once

#include "noise/noisecatalog.h"
#include "quant/quantizercatalog.h"

#include <QCoreApplication>
#include <QString>

namespace qb {

/// The quantizer and nonideality reference as HTML, generated from QuantizerCatalog and
/// NoiseCatalog so that the catalogues stay the one source of truth: an overview table per
/// catalogue (the README's "Quantizers" and "Hardware nonidealities" tables) and a page per entry
/// with its parameters, defaults and ranges. Headings and labels go through tr(); the descriptions
/// are the catalogues' own (translated there).
class ReferencePages
{
    Q_DECLARE_TR_FUNCTIONS(qb::ReferencePages)

public:
    /// name | what it does | bits per value | used on | parameters (default).
    static QString quantizerTable();
    /// model | what it does | applied (every pass or fixed per chip) | parameters (default).
    static QString nonidealityTable();
    /// Both tables with a short introduction: the start page of the reference.
    static QString overview();
    static QString quantizerPage(const QuantizerInfo &info);
    static QString nonidealityPage(const NoiseInfo &info);

    /// "clip (1)", "rounding (nearest, floor, stochastic)", "signed (true)": one parameter as the
    /// README writes it, the default first.
    static QString parameterSummary(const QuantizerParam &param);
    /// "1", "k (parameter bits)", "w (parameter word_bits)".
    static QString bitsText(const QuantizerInfo &info);
    /// "inputs and weights", "weights only", "inputs only".
    static QString rolesText(int roles);
    /// Whether a search for `text` finds the entry (name, description, parameter names and texts;
    /// case-insensitive; an empty text finds everything).
    static bool matches(const QuantizerInfo &info, const QString &text);
    static bool matches(const NoiseInfo &info, const QString &text);
};

} // namespace qb
