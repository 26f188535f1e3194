#pragma once
// A trained run as an ONNX model (opset 13), built with ONNX's own protobuf classes from a
// ModelSnapshot: the network's evaluation-mode forward pass written with standard operators, so
// that any ONNX runtime computes what QuantBench's evaluation computes.
//
// The graph:
//   input  "image"  float32 [N, C, H, W], the stored pixel values 0..255 (a tabular run:
//                   "features" float32 [N, F], the raw feature values of the table);
//   the input scaling of training (images: Mul by InputEncoding::scale, then Add its offset, in
//   float32 as the batcher does; tables: (x - mean) / std per feature, in double as the CSV reader
//   does);
//   every layer in order: Conv, Gemm (dense, after a Flatten of a feature map), BatchNormalization,
//   MaxPool / AveragePool (padding not counted, as QuantBench pools), Flatten, Relu / Tanh /
//   Clip(-1, 1) for hardtanh; softmax and dropout are the identity in evaluation (the network
//   outputs logits);
//   output "logits" float32 [N, classes].
// Weights are the effective ones (kernel quantizer applied, no nonideality: those are simulation and
// never exported); input quantizers become standard operators that compute their evaluation
// forward exactly (core/quant), e.g. sign(x) with sign(0) = +1 as Where(x >= 0, 1, -1), since
// ONNX's Sign gives 0 at 0. A quantizer that draws at random in evaluation (stochastic rounding,
// stochastic_eval) or depends on the whole batch cannot be written; the error names the layer.
//
// Metadata (metadata_props): quantbench_version, run_id, run_name, dataset, network (the network
// JSON), classes, class_names, input_encoding, layer_<n>_quantizers, sign_convention, nonidealities.

#include "export/modelsnapshot.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace qb {

/// The serialized ONNX model of `model`, checked by ONNX's own checker and shape inference, or why
/// it cannot be written (naming the layer, 1-based, its type and name, and the quantizer).
Result<QByteArray> onnxModelBytes(const ModelSnapshot &model);

/// Writes onnxModelBytes(model) to `path` atomically (export/atomicfile.h): on any failure no file
/// is left under that name.
Status writeOnnx(const ModelSnapshot &model, const QString &path);

} // namespace qb
