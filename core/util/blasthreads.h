#pragma once
// The thread pool of the BLAS library torch calls (Debian: whatever libblas.so.3 the alternatives
// system points at; QuantBench's setup installs OpenBLAS's pthread build).
//
// Why QuantBench sets it: torch already splits its work across its own OpenMP threads and calls
// BLAS from inside them, for small matrices (the presets' dense layers, oneDNN-less convolution
// pieces). OpenBLAS's pthread pool then starts its own threads on the same cores, and they spin
// (sched_yield) between calls. On the 2-core lab machine, one BLAS thread made training 1.6x
// (larq-mnist-bnn) to 3x (mlp-binary) faster, with the very same losses and accuracies: OpenBLAS
// splits a product by rows and columns, never along the sum, so every element is summed alike.

namespace qb {

/// Sets the BLAS library's own thread count when it is OpenBLAS (openblas_set_num_threads found
/// at run time); returns false, doing nothing, with any other BLAS. Thread-safe to call between
/// computations, not during one.
bool setBlasThreads(int threads);

} // namespace qb
