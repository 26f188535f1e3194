#include "history/runspecinfo.h"

#include "model/modelsummary.h"
#include "quant/quantizercatalog.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

#include <algorithm>

namespace qb {

RunSpecInfo RunSpecInfo::fromSpecJson(const QString &specJson)
{
    RunSpecInfo info;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(specJson.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        info.error = QCoreApplication::translate("qb::RunSpecInfo", "the run's spec is not valid JSON: %1")
                         .arg(parseError.errorString());
        return info;
    }
    auto spec = ExperimentSpec::fromJson(doc.object());
    if (!spec) {
        info.error = spec.error();
        return info;
    }
    info.spec = *spec;
    info.valid = true;
    auto addWidth = [](QList<int> &widths, int bits) {
        if (!widths.contains(bits))
            widths.insert(std::upper_bound(widths.begin(), widths.end(), bits), bits);
    };
    for (const LayerSpec &layer : info.spec.network.layers) {
        info.quantized = info.quantized || layer.isQuantized();
        if (!layer.hasWeights())
            continue;
        addWidth(info.weightBits, QuantizerCatalog::bits(layer.kernelQuantizer));
        addWidth(info.inputBits, QuantizerCatalog::bits(layer.inputQuantizer));
    }
    const auto summary = ModelSummary::compute(info.spec.network);
    if (summary)
        info.modelSizeKiB = summary->modelSizeKiB;
    else
        info.error = summary.error();
    return info;
}

QString RunSpecInfo::bitsText(const QList<int> &bits)
{
    QStringList parts;
    for (int b : bits)
        parts << QString::number(b);
    return parts.join(QStringLiteral("; "));
}

} // namespace qb
