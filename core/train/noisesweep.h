#pragma once

#include "store/runrecord.h"
#include "util/result.h"

#include <QString>
#include <QVector>

#include <functional>

namespace qb {

/// A Monte-Carlo evaluation or a robustness sweep of a recorded run over simulated chips.
struct NoiseSweepRequest
{
    qint64 runId = -1;
    QString dbPath;  ///< empty: default history
    QString dataDir; ///< empty: dataset locator
    /// The swept parameter as MODEL.PARAM (e.g. "weight_noise.sigma"); empty: a plain Monte-Carlo
    /// evaluation of the run's own nonidealities.
    QString parameter;
    QVector<double> values;
    int chips = 10;
    quint64 seed = 1;
    int testLimit = 0;
    int threads = 0;
    /// Bit-packed evaluation of the binarized layers (same numbers, faster); false: torch's float
    /// kernels everywhere, for comparison or to rule the fast path out when chasing a problem.
    bool bitPacked = true;
    /// Optional progress and cancel (the GUI's worker): called on the calling thread once the run and
    /// its dataset are loaded (done = 0) and after each evaluated point (done = 1 .. total; a plain
    /// Monte-Carlo evaluation is one point). Returning false cancels: nothing is stored and the
    /// outcome's problem is Cancelled. Empty (the CLI): runs to the end.
    std::function<bool(int done, int total)> progress;
};

struct NoiseSweepOutcome
{
    enum class Problem { None, BadInput, Failure, Cancelled };
    Problem problem = Problem::None;
    QString error; ///< BadInput / Failure: what and where; Cancelled: a sentence saying so
    SweepRecord sweep; ///< as stored: kind "montecarlo" (one point, value = chips) or "noise"
    double seconds = 0.0;
};

/// Evaluates a trained run on N simulated chips, optionally for each value of one nonideality
/// parameter, and stores the result as a sweep of the run. For a swept MODEL.PARAM, every conv/dense
/// layer gets that model at evaluation: an instance of MODEL already active in evaluation has PARAM
/// set to the value; a layer without one gains {"model": MODEL, "phase": "eval", PARAM: value} (other
/// parameters at their defaults). Training-only instances are left alone. The trained weights are
/// never modified.
class NoiseSweep
{
public:
    static NoiseSweepOutcome run(const NoiseSweepRequest &request);
};

} // namespace qb
