#pragma once
// A trained run as a self-contained C99 library: PREFIX.h (the API and its documentation),
// PREFIX.c (the network, weights as static const data) and PREFIX_main.c (a command-line tool
// that classifies an IDX file, writes logits and measures speed). Torch-free; reads only a
// ModelSnapshot (export/modelsnapshot.h).
//
// What the generated code computes. Binarized layers (sign input quantizer, every effective
// weight +-1) are bit-packed and evaluated with XNOR and popcount; the layers between two of them
// (max pooling, batch norm, flatten, dropout, then the sign) become one comparison per channel
// with the thresholds of LayerSnapshot::signThresholds, and the last batch norm of a binarized
// layer's integers a lookup in LayerSnapshot::table. Float layers stay float and round as torch
// does here where the order is known: a conv starts at its bias and adds its taps in (row,
// column, channel) order (oneDNN; with one channel also kernels/binaryweightconv.h), a batch norm
// is one fused multiply-add per value. For binarized networks the logits are bit for bit
// QuantBench's; float networks with float weights agree up to the rounding of their sums
// (tst_cexport measures both, and compares the float steps with torch's).

#include "export/modelsnapshot.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace qb {

/// The three generated files' contents.
struct CLibrarySources
{
    QByteArray header; ///< PREFIX.h
    QByteArray source; ///< PREFIX.c
    QByteArray main; ///< PREFIX_main.c
    /// Bytes of the bit-packed +-1 weights (also the header's PREFIX_PACKED_WEIGHT_BYTES).
    qint64 packedWeightBytes = 0;
    /// Bytes of PREFIX_workspace: the scratch memory predict() keeps on the stack.
    qint64 workspaceBytes = 0;
};

/// The C sources for `model`. Fails naming the layer (1-based index, type, name) and the reason
/// when a layer or quantizer cannot be expressed in C, and when `prefix` is not a C identifier.
Result<CLibrarySources> generateCLibrary(
    const ModelSnapshot &model, const QString &prefix = QStringLiteral("qb_model"));

/// Writes PREFIX.h, PREFIX.c and PREFIX_main.c into `folder` (created when missing), all of them
/// or none (writeFilesAtomically).
Status writeCLibrary(
    const ModelSnapshot &model, const QString &folder, const QString &prefix = QStringLiteral("qb_model"));

/// True when `prefix` can name the library: a C identifier that is no keyword and does not start
/// with an underscore (reserved to the implementation).
bool isCLibraryPrefix(const QString &prefix);

} // namespace qb
