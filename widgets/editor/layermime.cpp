#include "layermime.h"

#include "spec/networkspec.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeData>

namespace qb {

QString LayerMime::layerType() { return QStringLiteral("application/x-quantbench-layer"); }

QString LayerMime::indexType() { return QStringLiteral("application/x-quantbench-layer-index"); }

QByteArray LayerMime::layerJson(const LayerSpec &layer)
{
    return QJsonDocument(layer.toJson()).toJson(QJsonDocument::Compact);
}

QMimeData *LayerMime::encodeLayer(const LayerSpec &layer)
{
    auto *mime = new QMimeData;
    mime->setData(layerType(), layerJson(layer));
    return mime;
}

void LayerMime::setIndex(QMimeData *mime, int index)
{
    mime->setData(indexType(), QByteArray::number(index));
}

Result<LayerSpec> LayerMime::decodeLayer(const QMimeData *mime)
{
    using R = Result<LayerSpec>;
    if (!mime || !mime->hasFormat(layerType()))
        return R::failure(QCoreApplication::translate("qb::LayerMime", "the drag carries no layer"));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(mime->data(layerType()), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return R::failure(
            QCoreApplication::translate("qb::LayerMime", "the dragged layer is not a JSON object"));
    }
    return layerFromJson(doc.object());
}

int LayerMime::decodeIndex(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(indexType()))
        return -1;
    bool ok = false;
    const int index = mime->data(indexType()).toInt(&ok);
    return ok && index >= 0 ? index : -1;
}

Result<LayerSpec> LayerMime::layerFromJson(const QJsonObject &json)
{
    QJsonObject network;
    network.insert(QStringLiteral("format"), QStringLiteral("quantbench-network"));
    network.insert(QStringLiteral("version"), NetworkSpec::kFormatVersion);
    network.insert(QStringLiteral("layers"), QJsonArray{json});
    Result<NetworkSpec> parsed = NetworkSpec::fromJson(network);
    if (!parsed)
        return Result<LayerSpec>::failure(parsed.error());
    return parsed->layers.first();
}

} // namespace qb
