#include "layerblock.h"

#include "quant/quantizercatalog.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QStringList>

namespace qb {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("qb::LayerBlock", text); }

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
        return tr("valid");
    case Padding::Same:
        return tr("same");
    case Padding::Explicit:
        return tr("pad %1").arg(layer.paddingAmount);
    }
    return QString();
}

/// "ste_sign", "fixed_point 16b", "dorefa 2b": the name plus the width when it is a parameter.
QString quantizerText(const QuantizerSpec &q)
{
    const QuantizerInfo *info = QuantizerCatalog::find(q.name);
    if (info && !info->bitsParam.isEmpty())
        return tr("%1 %2b").arg(q.name).arg(QuantizerCatalog::bits(q));
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
        parts << tr("filters %1").arg(layer.filters);
        parts << sizeText(layer.kernelH, layer.kernelW);
        if (layer.strideH != 1 || layer.strideW != 1)
            parts << tr("stride %1")
                         .arg(layer.strideH == layer.strideW ? QString::number(layer.strideH)
                                                             : sizeText(layer.strideH, layer.strideW));
        parts << paddingText(layer);
        if (!layer.useBias)
            parts << tr("no bias");
        break;
    case LayerType::Dense:
        parts << tr("units %1").arg(layer.units);
        if (!layer.useBias)
            parts << tr("no bias");
        break;
    case LayerType::BatchNorm:
        if (!layer.scale)
            parts << tr("no scale");
        if (!layer.center)
            parts << tr("no center");
        parts << tr("momentum %1").arg(layer.momentum);
        break;
    case LayerType::MaxPool:
    case LayerType::AvgPool: {
        parts << tr("pool %1").arg(sizeText(layer.poolH, layer.poolW));
        const bool defaultStride = (layer.poolStrideH == 0 || layer.poolStrideH == layer.poolH)
            && (layer.poolStrideW == 0 || layer.poolStrideW == layer.poolW);
        if (!defaultStride)
            parts << tr("stride %1").arg(sizeText(layer.poolStrideH, layer.poolStrideW));
        if (layer.padding != Padding::Valid)
            parts << paddingText(layer);
        break;
    }
    case LayerType::Flatten:
        break;
    case LayerType::Dropout:
        parts << tr("rate %1").arg(layer.rate);
        break;
    case LayerType::Activation:
        parts << activationName(layer.function);
        break;
    }
    return parts.join(QStringLiteral(" · "));
}

QString issueText(const ValidationIssue &issue)
{
    if (issue.field.isEmpty() || issue.field == QLatin1String("type"))
        return issue.message;
    return tr("%1: %2").arg(issue.field, issue.message);
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
            block.badges.append(
                {Badge::Kind::Quantizer, tr("in: %1").arg(quantizerText(layer.inputQuantizer))});
            tip << tr("input quantizer: %1 %2")
                       .arg(layer.inputQuantizer.name, paramsText(layer.inputQuantizer.params));
        }
        if (!layer.kernelQuantizer.isNone()) {
            block.badges.append(
                {Badge::Kind::Quantizer, tr("w: %1").arg(quantizerText(layer.kernelQuantizer))});
            tip << tr("kernel quantizer: %1 %2")
                       .arg(layer.kernelQuantizer.name, paramsText(layer.kernelQuantizer.params));
        }
        if (layer.kernelClip > 0.0) {
            block.badges.append({Badge::Kind::Clip, tr("clip ±%1").arg(layer.kernelClip)});
            tip << tr("latent weights clipped to [-%1, %1]").arg(layer.kernelClip);
        }
        for (const NoiseSpec &noise : layer.nonidealities) {
            QString text = noise.model;
            if (noise.phase != NoisePhase::Both)
                text += QStringLiteral(" (%1)").arg(noisePhaseName(noise.phase));
            block.badges.append({Badge::Kind::Noise, text});
            tip << tr("nonideality: %1, phase %2 %3")
                       .arg(noise.model, noisePhaseName(noise.phase), paramsText(noise.params));
        }
    }
    tip << tr("output: %1").arg(block.shape);

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
    block.type = tr("Input");
    block.name = network.name;
    block.shape = shapeText(network.input);
    if (network.adaptToDataset)
        block.details = tr("sized by the dataset");
    QStringList lines;
    for (const ValidationIssue &issue : issues)
        lines << issueText(issue);
    block.message = lines.join(QLatin1Char('\n'));
    block.toolTip = tr("Network input: %1 (channels × height × width, or features). Select it to edit "
                       "the network's own settings.")
                        .arg(block.shape);
    return block;
}

} // namespace qb
