#pragma once

namespace qb {

/// Timings of one M x N x K binary GEMM shape (see measureBinaryGemm). Plain data for the
/// `quantbench-cli bench` table; the library prints nothing.
struct BinaryKernelTiming
{
    /// One implementation: the best (smallest) wall time of one call over the repeats, and the
    /// rate in binary operations per second, 2 * M * N * K / seconds (a multiply and an add per
    /// element pair, as for a float GEMM), in units of 1e9.
    struct Entry
    {
        bool available = false; ///< false where the CPU lacks the instructions (nothing measured)
        double seconds = 0.0;
        double gops = 0.0;
    };

    int m = 0;
    int n = 0;
    int k = 0;
    int repeats = 0;
    Entry scalar;
    Entry avx2;
    Entry avx512;
    /// A plainly blocked float GEMM of the same +-1 operands (no BLAS): what the kernels replace.
    Entry floatGemm;
    /// Every measured path gave the same integers, equal to the float GEMM's results.
    bool resultsAgree = false;
};

/// Times binaryGemm on random M x K by N x K sign matrices (fixed seed) with each kernel
/// this CPU supports, and the float reference, `repeats` calls each (at least 1), including the
/// final K - 2p pass but not the packing. Single-threaded; takes roughly repeats times the float
/// GEMM's time (about 0.1 s for 1024 x 64 x 1600 on a 2024 server core).
BinaryKernelTiming measureBinaryGemm(int m, int n, int k, int repeats);

} // namespace qb
