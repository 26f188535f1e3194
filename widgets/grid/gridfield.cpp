#include "grid/gridfield.h"

#include "editor/layerstyle.h"
#include "grid/gridspec.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace qb {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("qb::GridField", text); } // NOLINT: lupdate reads the QT_TRANSLATE_NOOP marks

QString sep() { return QStringLiteral(" · "); }

} // namespace

QList<GridField> GridField::of(const ExperimentSpec &experiment)
{
    QList<GridField> fields;
    const QJsonObject json = experiment.toJson();
    const QJsonObject train = json.value(QStringLiteral("train")).toObject();
    const struct
    {
        const char *key;
        const char *label;
    } trainFields[] = {
        {"learning_rate", QT_TRANSLATE_NOOP("qb::GridField", "learning rate")},
        {"batch_size", QT_TRANSLATE_NOOP("qb::GridField", "batch size")},
        {"epochs", QT_TRANSLATE_NOOP("qb::GridField", "epochs")},
        {"optimizer", QT_TRANSLATE_NOOP("qb::GridField", "optimizer")},
        {"momentum", QT_TRANSLATE_NOOP("qb::GridField", "momentum")},
        {"weight_decay", QT_TRANSLATE_NOOP("qb::GridField", "weight decay")},
        {"train_limit", QT_TRANSLATE_NOOP("qb::GridField", "training images (0: all)")},
        {"test_limit", QT_TRANSLATE_NOOP("qb::GridField", "test images (0: all)")},
    };
    for (const auto &f : trainFields) {
        const QString key = QLatin1String(f.key);
        if (!train.contains(key))
            continue;
        fields.append(
            {QStringLiteral("train.") + key, tr("Training") + sep() + tr(f.label), train.value(key)});
    }

    const QJsonArray layers
        = json.value(QStringLiteral("network")).toObject().value(QStringLiteral("layers")).toArray();
    for (int i = 0; i < layers.size() && i < experiment.network.layers.size(); ++i) {
        const LayerSpec &layer = experiment.network.layers.at(i);
        if (!layer.hasWeights())
            continue;
        const QJsonObject l = layers.at(i).toObject();
        const QString layerLabel = tr("Layer %1 %2").arg(i + 1).arg(LayerStyle::displayType(layer));
        const QString prefix = QStringLiteral("layers[%1].").arg(i);
        const struct
        {
            const char *key;
            const char *label;
        } quantizers[] = {{"kernel_quantizer", QT_TRANSLATE_NOOP("qb::GridField", "kernel quantizer")},
            {"input_quantizer", QT_TRANSLATE_NOOP("qb::GridField", "input quantizer")}};
        for (const auto &q : quantizers) {
            const QJsonObject quantizer = l.value(QLatin1String(q.key)).toObject();
            if (quantizer.isEmpty())
                continue; // none (float): there is no field to vary
            const QString base = prefix + QLatin1String(q.key) + QLatin1Char('.');
            const QString label = layerLabel + sep() + tr(q.label) + sep();
            fields.append(
                {base + QStringLiteral("name"), label + tr("name"), quantizer.value(QStringLiteral("name"))});
            for (auto it = quantizer.constBegin(); it != quantizer.constEnd(); ++it) {
                if (it.value().isDouble())
                    fields.append({base + it.key(), label + it.key(), it.value()});
            }
        }
        const QJsonArray noises = l.value(QStringLiteral("nonidealities")).toArray();
        for (int n = 0; n < noises.size(); ++n) {
            const QJsonObject noise = noises.at(n).toObject();
            const QString base = prefix + QStringLiteral("nonidealities[%1].").arg(n);
            const QString label = layerLabel + sep()
                + tr("nonideality %1 (%2)").arg(n + 1).arg(noise.value(QStringLiteral("model")).toString())
                + sep();
            for (auto it = noise.constBegin(); it != noise.constEnd(); ++it) {
                if (it.value().isDouble())
                    fields.append({base + it.key(), label + it.key(), it.value()});
            }
        }
    }
    return fields;
}

} // namespace qb
