#pragma once
// The switch between QuantBench's hand-written CPU kernels (this folder) and the straightforward
// chains of torch operations they replace. On by default; the numerics tests turn it off to train
// the same network both ways and compare the results bit for bit.

namespace qb {

/// Whether the torch glue (quantizers, pooling, binary-weight convolution) calls the hand-written
/// kernels. Thread-safe (an atomic flag); read at every call.
bool handWrittenKernelsEnabled();
void setHandWrittenKernelsEnabled(bool on);

} // namespace qb
