#include "history/runspecinfo.h"

#include "model/modelsummary.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

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
    for (const LayerSpec &layer : info.spec.network.layers)
        info.quantized = info.quantized || layer.isQuantized();
    const auto summary = ModelSummary::compute(info.spec.network);
    if (summary)
        info.modelSizeKiB = summary->modelSizeKiB;
    else
        info.error = summary.error();
    return info;
}

} // namespace qb
