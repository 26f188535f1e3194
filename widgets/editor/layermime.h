#pragma once

#include "spec/layerspec.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

class QMimeData;

namespace qb {

/// Drag-and-drop formats of the network editor.
///
/// - "application/x-quantbench-layer": one layer as compact JSON (LayerSpec::toJson()); the palette
///   drags these, and so does a block dragged out of the canvas, so it can be dropped into another
///   document window as a copy.
/// - "application/x-quantbench-layer-index": the index (decimal text) of a layer being dragged
///   within one canvas; a drop there reorders.
class LayerMime
{
public:
    static QString layerType();
    static QString indexType();

    /// The compact JSON a drag carries for `layer`.
    static QByteArray layerJson(const LayerSpec &layer);
    /// New mime data holding `layer` (caller owns it; QDrag takes ownership).
    static QMimeData *encodeLayer(const LayerSpec &layer);
    /// Adds the index format to `mime`.
    static void setIndex(QMimeData *mime, int index);

    /// The layer carried by `mime`; fails when the format is missing or the JSON is not a layer.
    static Result<LayerSpec> decodeLayer(const QMimeData *mime);
    /// The dragged layer index, or -1 when `mime` has none.
    static int decodeIndex(const QMimeData *mime);

    /// Parses one layer object with the strict network-file reader (core has no public
    /// single-layer parser, so the layer is wrapped in a minimal network document).
    static Result<LayerSpec> layerFromJson(const QJsonObject &json);
};

} // namespace qb
