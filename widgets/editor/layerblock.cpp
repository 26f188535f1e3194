#include "layerblock.h"

#include "common/issuetext.h"

#include "quant/quantizercatalog.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QLocale>
#include <QStringList>

namespace qb {

namespace {

QString sizeText(int h, int w) { return QStringLiteral("%1×%2").arg(h).arg(w); }

QString shapeText(const TensorShape &shape)
{
    if (!shape.isValid())
        return QStringLiteral("?");
    QStringList dims;
    for (int d : shape.dims)
        dims << QString::number(d);
    return dims.join(QStringLiteral("×"));
}

QString paddingText(const LayerSpec &layer)
{
    switch (layer.padding) {
    case Padding::Valid:
        return QCoreApplication::translate("qb::LayerBlock", "valid");
    case Padding::Same:
        return QCoreApplication::translate("qb::LayerBlock", "same");
    case Padding::Explicit:
        return QCoreApplication::translate("qb::LayerBlock", "pad %1").arg(layer.paddingAmount);
    }
    return QString();
}

/// "ste_sign", "fixed_point 16b", "dorefa 2b": the name plus the width when it is a parameter.
QString quantizerText(const QuantizerSpec &q)
{
    const QuantizerInfo *info = QuantizerCatalog::find(q.name);
    if (info && !info->bitsParam.isEmpty())
        return QCoreApplication::translate("qb::LayerBlock", "%1 %2b")
            .arg(q.name)
            .arg(QuantizerCatalog::bits(q));
    return q.name;
}

QString paramsText(const QJsonObject &params)
{
    QStringList parts;
    for (auto it = params.begin(); it != params.end(); ++it)
        parts << QStringLiteral("%1=%2").arg(it.key(), it.value().toVariant().toString());
    return parts.join(QStringLiteral(", "));
}

QString detailsText(const LayerSpec &layer)
{
    QStringList parts;
    switch (layer.type) {
    case LayerType::Conv2D:
        parts << QCoreApplication::translate("qb::LayerBlock", "filters %1").arg(layer.filters);
        parts << sizeText(layer.kernelH, layer.kernelW);
        if (layer.strideH != 1 || layer.strideW != 1)
            parts << QCoreApplication::translate("qb::LayerBlock", "stride %1")
                         .arg(layer.strideH == layer.strideW ? QString::number(layer.strideH)
                                                             : sizeText(layer.strideH, layer.strideW));
        parts << paddingText(layer);
        if (!layer.useBias)
            parts << QCoreApplication::translate("qb::LayerBlock", "no bias");
        break;
    case LayerType::Dense:
        parts << QCoreApplication::translate("qb::LayerBlock", "units %1").arg(layer.units);
        if (!layer.useBias)
            parts << QCoreApplication::translate("qb::LayerBlock", "no bias");
        break;
    case LayerType::BatchNorm:
        if (!layer.scale)
            parts << QCoreApplication::translate("qb::LayerBlock", "no scale");
        if (!layer.center)
            parts << QCoreApplication::translate("qb::LayerBlock", "no center");
        parts << QCoreApplication::translate("qb::LayerBlock", "momentum %1")
                     .arg(QLocale().toString(layer.momentum));
        break;
    case LayerType::MaxPool:
    case LayerType::AvgPool: {
        parts << QCoreApplication::translate("qb::LayerBlock", "pool %1")
                     .arg(sizeText(layer.poolH, layer.poolW));
        const bool defaultStride = (layer.poolStrideH == 0 || layer.poolStrideH == layer.poolH)
            && (layer.poolStrideW == 0 || layer.poolStrideW == layer.poolW);
        if (!defaultStride)
            parts << QCoreApplication::translate("qb::LayerBlock", "stride %1")
                         .arg(sizeText(layer.poolStrideH, layer.poolStrideW));
        if (layer.padding != Padding::Valid)
            parts << paddingText(layer);
        break;
    }
    case LayerType::Flatten:
        break;
    case LayerType::Dropout:
        parts << QCoreApplication::translate("qb::LayerBlock", "rate %1").arg(QLocale().toString(layer.rate));
        break;
    case LayerType::Activation:
        parts << activationName(layer.function);
        break;
    case LayerType::Leaky:
    case LayerType::Synaptic: {
        const NeuronSpec &n = layer.neuron;
        const QLocale locale;
        if (layer.type == LayerType::Synaptic)
            parts << QCoreApplication::translate("qb::LayerBlock", "α %1").arg(locale.toString(n.alpha));
        parts << QCoreApplication::translate("qb::LayerBlock", "β %1").arg(locale.toString(n.beta));
        parts << QCoreApplication::translate("qb::LayerBlock", "θ %1").arg(locale.toString(n.threshold));
        parts << QCoreApplication::translate("qb::LayerBlock", "reset %1").arg(resetName(n.reset));
        if (n.stateQuantBits > 0)
            parts << QCoreApplication::translate("qb::LayerBlock", "state %1b").arg(n.stateQuantBits);
        break;
    }
    }
    return parts.join(QStringLiteral(" · "));
}

QString issueText(const ValidationIssue &issue)
{
    if (issue.field == QLatin1String("type"))
        return issue.message;
    return IssueText::line(issue);
}

} // namespace

LayerBlock LayerBlock::forLayer(
    const LayerSpec &layer, const TensorShape &output, const QList<ValidationIssue> &issues)
{
    LayerBlock block;
    block.kind = LayerStyle::kind(layer);
    block.type = LayerStyle::displayType(layer);
    block.name = layer.name;
    block.details = detailsText(layer);
    block.shape = shapeText(output);

    QStringList tip{QStringLiteral("<b>%1</b> %2").arg(block.type, layer.name.toHtmlEscaped())};
    if (layer.hasWeights()) {
        if (!layer.inputQuantizer.isNone()) {
            block.badges.append({Badge::Kind::Quantizer,
                QCoreApplication::translate("qb::LayerBlock", "in: %1")
                    .arg(quantizerText(layer.inputQuantizer))});
            tip << QCoreApplication::translate("qb::LayerBlock", "input quantizer: %1 %2")
                       .arg(layer.inputQuantizer.name, paramsText(layer.inputQuantizer.params));
        }
        if (!layer.kernelQuantizer.isNone()) {
            block.badges.append({Badge::Kind::Quantizer,
                QCoreApplication::translate("qb::LayerBlock", "w: %1")
                    .arg(quantizerText(layer.kernelQuantizer))});
            tip << QCoreApplication::translate("qb::LayerBlock", "kernel quantizer: %1 %2")
                       .arg(layer.kernelQuantizer.name, paramsText(layer.kernelQuantizer.params));
        }
        if (layer.kernelClip > 0.0) {
            block.badges.append({Badge::Kind::Clip,
                QCoreApplication::translate("qb::LayerBlock", "clip ±%1").arg(layer.kernelClip)});
            tip << QCoreApplication::translate("qb::LayerBlock", "latent weights clipped to [-%1, %1]")
                       .arg(layer.kernelClip);
        }
        for (const NoiseSpec &noise : layer.nonidealities) {
            QString text = noise.model;
            if (noise.phase != NoisePhase::Both)
                text += QStringLiteral(" (%1)").arg(noisePhaseName(noise.phase));
            block.badges.append({Badge::Kind::Noise, text});
            tip << QCoreApplication::translate("qb::LayerBlock", "nonideality: %1, phase %2 %3")
                       .arg(noise.model, noisePhaseName(noise.phase), paramsText(noise.params));
        }
    }
    if (layer.isSpiking()) {
        const NeuronSpec &n = layer.neuron;
        tip << QCoreApplication::translate(
            "qb::LayerBlock", "neurons: beta %1%2, threshold %3%4, reset %5, surrogate %6")
                   .arg(n.beta)
                   .arg(n.learnBeta ? QCoreApplication::translate("qb::LayerBlock", " (learned)") : QString())
                   .arg(n.threshold)
                   .arg(n.learnThreshold ? QCoreApplication::translate("qb::LayerBlock", " (learned)")
                                         : QString())
                   .arg(resetName(n.reset), surrogateName(n.surrogate));
    }
    tip << QCoreApplication::translate("qb::LayerBlock", "output: %1").arg(block.shape);

    QStringList lines;
    for (const ValidationIssue &issue : issues)
        lines << issueText(issue);
    block.message = lines.join(QLatin1Char('\n'));
    for (const QString &line : lines)
        tip << QStringLiteral("<span style='color:#d32f2f'>%1</span>").arg(line.toHtmlEscaped());
    block.toolTip = tip.join(QStringLiteral("<br>"));
    return block;
}

LayerBlock LayerBlock::forInput(const NetworkSpec &network, const QList<ValidationIssue> &issues)
{
    LayerBlock block;
    block.kind = LayerStyle::Kind::Input;
    block.type = QCoreApplication::translate("qb::LayerBlock", "Input");
    block.name = network.name;
    block.shape = shapeText(network.input);
    if (network.adaptToDataset)
        block.details = QCoreApplication::translate("qb::LayerBlock", "sized by the dataset");
    QStringList lines;
    for (const ValidationIssue &issue : issues)
        lines << issueText(issue);
    block.message = lines.join(QLatin1Char('\n'));
    block.toolTip = QCoreApplication::translate("qb::LayerBlock",
        "Network input: %1 (channels × height × width, or features). Select it to edit "
        "the network's own settings.")
                        .arg(block.shape);
    return block;
}

} // namespace qb
