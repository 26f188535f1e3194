#pragma once

#include "layerstyle.h"
#include "spec/networkspec.h"
#include "spec/networkvalidator.h"

#include <QList>
#include <QString>

namespace qb {

/// What the canvas draws for one block: everything is text decided here, so painting code only
/// places it and tests can read it back (NetworkCanvas::block()).
struct LayerBlock
{
    struct Badge
    {
        enum class Kind { Quantizer, Clip, Noise };
        Kind kind = Kind::Quantizer;
        QString text;
    };

    LayerStyle::Kind kind = LayerStyle::Kind::Light;
    QString type; ///< "QuantConv2D", "Input", ...
    QString name; ///< the layer's name (may be empty)
    QString details; ///< key parameters: "32 filters · 3×3", "64 units", "rate 0.5", ...
    QString shape; ///< output shape "32×26×26", "?" when it cannot be inferred
    QList<Badge> badges;
    QString message; ///< validation problems, one per line; empty when valid
    QString toolTip;

    bool isInvalid() const { return !message.isEmpty(); }

    static LayerBlock forLayer(
        const LayerSpec &layer, const TensorShape &output, const QList<ValidationIssue> &issues);
    /// The network's input block; `issues` are the network-level ones (layer -1).
    static LayerBlock forInput(const NetworkSpec &network, const QList<ValidationIssue> &issues);
};

} // namespace qb
