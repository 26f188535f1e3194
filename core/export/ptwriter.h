#pragma once
// The run's tensors as a PyTorch file: `torch.load(path)` in Python returns a dict
// {name: torch.Tensor} with the names, dtypes (float32, int8) and shapes of export/tensorexport.h,
// plus one str entry "__metadata__" holding the metadata map as a JSON object text. Written as
// torch::pickle_save writes it (LibTorch's pickler and zip stream writer: the format torch.save
// writes and torch.load reads), but without TorchScript's type tag on the dict, so that the file
// holds nothing but a dict, tensors and strings and torch.load(path, weights_only=True) reads it.
// Implemented in ptwriter_torch.cpp (the torch half of core); this header is torch-free.

#include "export/tensorexport.h"

namespace qb {

/// Writes `path` as a .pt dict (atomically; errors name the path).
Status writePt(const ModelSnapshot &model, const QString &path, const TensorExportOptions &options = {});

/// The bytes of that .pt file for an already derived set (torch's errors become a failure).
Result<QByteArray> ptBytes(const TensorSet &set);

} // namespace qb
