#pragma once
// A trained run's weights as plain named tensors for NumPy and PyTorch: safetensors, npz and
// (export/ptwriter.h) a torch.load-able .pt dict. All three formats hold exactly the tensors and
// metadata that tensorSet() derives from a ModelSnapshot; the writers only encode them.
//
// Tensor names: "layerNN_KIND.ROLE", NN the layer's position in the network counted from 1 (as
// the GUI and the summary show it; two digits, more when the network has 100 layers or more),
// KIND the layer type's JSON name (layerTypeName(): conv2d, dense, batchnorm), ROLE one of
//   conv2d / dense:
//     weight          the effective weights (kernel quantizer applied, no nonideality): int8 when
//                     every output channel holds at most one magnitude (binary and ternary
//                     weights, LayerSnapshot::codes: values in {-1, 0, +1}), else float32.
//                     Conv [O, C, KH, KW] (OIHW), dense [out, in] (in = C*H*W in CHW order).
//     weight_scale    float32 [O], only with int8 weights whose scale is not 1 everywhere: the
//                     effective weight is weight[o, ...] * weight_scale[o], exactly.
//     bias            float32 [O], when the layer has a bias.
//     input_quantizer_params  float32 [n]: the input quantizer's trained tensors (LSQ's step).
//     latent_weight   float32, the trained float weights (only with TensorExportOptions::latent).
//   batchnorm: gamma, beta (each when the layer has scale / center), running_mean, running_var.
// Layers without tensors (pools, flatten, dropout, activation) contribute none; their geometry is
// in the metadata.
//
// Metadata: string keys and string values (safetensors' "__metadata__" map; the .npz and .pt files
// hold the same map as one JSON object text under the name "__metadata__"):
//   format "quantbench-tensors", format_version "1", quantbench_version, run_id, run_name,
//   dataset, classes, class_names (JSON array), input_shape (JSON [C, H, W] or [features]),
//   network (NetworkSpec JSON, compact), experiment (ExperimentSpec JSON, compact),
//   layout "OIHW", dense_layout, sign_convention "sign(0) = +1",
//   input_encoding (JSON; images {"kind": "image", "normalization", "scale", "offset", "formula"}:
//     x = float32(pixel) * scale + offset in float32, two roundings; tables {"kind": "tabular",
//     "feature_mean", "feature_scale", "formula"}: x = float32((raw - mean) / scale) in float64),
//   nonidealities "not included", nonidealities_in_run ("true" when some layer of the run lists
//   nonidealities), latent_weights ("included" / "not included"),
//   layers: a JSON array with one object per network layer {index (1-based), kind, name, input,
//     output, tensors {role: tensor name}, and per kind padding [top, bottom, left, right],
//     stride [h, w], kernel / pool [h, w], epsilon, rate, function, input_quantizer,
//     kernel_quantizer, sign_input, weight_encoding}.
// Floats in the JSON are written so that they read back to the same float32 / float64.
//
// Everything here is torch-free (quantbench_core_base); files are written atomically
// (export/atomicfile.h) and errors name the path.

#include "export/modelsnapshot.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QVector>

namespace qb {

/// What goes into the tensor files besides the effective weights and the batch-norm state.
struct TensorExportOptions
{
    bool latent = false; ///< also the latent (trained float) weights, "*.latent_weight"
};

/// One named tensor: little-endian bytes, row-major (C order).
struct NamedTensor
{
    enum class DType { Float32, Int8 };
    QString name;
    DType dtype = DType::Float32;
    QVector<qint64> shape; ///< empty: a scalar
    QByteArray bytes; ///< elementCount() * elementSize() bytes

    qint64 elementCount() const;
    int elementSize() const { return dtype == DType::Int8 ? 1 : 4; }
    /// safetensors' name ("F32", "I8").
    QString safetensorsDType() const;
    /// NumPy's descr ("<f4", "|i1").
    QString numpyDescr() const;
};

/// The tensors and metadata of a snapshot, in network order (per layer in the order of the roles
/// listed at the top of this file).
struct TensorSet
{
    QList<NamedTensor> tensors;
    QList<QPair<QString, QString>> metadata; ///< key, value; keys unique

    /// The metadata as one compact JSON object text (what .npz and .pt files hold).
    QByteArray metadataJson() const;
};

/// The name the files give the metadata in .npz ("__metadata__.npy") and .pt (dict key).
inline constexpr const char *kTensorMetadataName = "__metadata__";

/// Derives the named tensors and metadata (the one derivation all three formats share). Fails,
/// naming the layer, when the snapshot's arrays do not fit its shapes.
Result<TensorSet> tensorSet(const ModelSnapshot &model, const TensorExportOptions &options);

/// The bytes of a safetensors file: 8-byte little-endian header length, the JSON header
/// {name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {...}} padded with spaces to
/// a multiple of 8 bytes, then the data. Float32 tensors are laid out before int8 ones (so every
/// float32 starts 4-byte aligned), each group in set order; offsets are contiguous and cover the
/// data exactly.
QByteArray safetensorsBytes(const TensorSet &set);

/// One NPY v1.0 file: magic, dict header {'descr', 'fortran_order': False, 'shape'} padded with
/// spaces and a newline to a multiple of 64 bytes, then the data.
QByteArray npyBytes(const NamedTensor &tensor);
/// A 0-d NPY array of dtype '<U<n>' (UCS-4) holding `text`: numpy.load reads it without pickle.
QByteArray npyUnicodeScalar(const QString &text);

/// The bytes of an .npz file (a zip of NAME.npy, stored uncompressed like numpy.savez, plus
/// "__metadata__.npy"). Fails when libzip does.
Result<QByteArray> npzBytes(const TensorSet &set);

/// Writes `path` as safetensors / npz (atomically; errors name the path).
Status writeSafetensors(
    const ModelSnapshot &model, const QString &path, const TensorExportOptions &options = {});
Status writeNpz(const ModelSnapshot &model, const QString &path, const TensorExportOptions &options = {});

} // namespace qb
