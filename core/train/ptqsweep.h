#pragma once

#include "store/runrecord.h"
#include "util/result.h"

#include <QString>
#include <QVector>

#include <functional>

namespace qb {

/// A post-training quantization sweep over fraction bits of a recorded run.
struct PtqSweepRequest
{
    qint64 runId = -1;
    QString dbPath;  ///< empty: default history
    QString dataDir; ///< empty: dataset locator
    QVector<int> fracBits{2, 3, 4, 5, 6, 7, 8, 9, 10};
    int wordBits = 32; ///< signed word incl. the sign bit; must exceed every frac bits value
    bool weights = true;
    bool activations = true;
    int testLimit = 0; ///< 0: the whole test split
    int threads = 0;
    /// Optional progress and cancel (the GUI's worker): called on the calling thread once the float
    /// reference is evaluated (done = 0) and after each fraction-bit point (done = 1 .. total =
    /// fracBits.size()). Returning false cancels: nothing is stored and the outcome's problem is
    /// Cancelled. Empty (the CLI): runs to the end.
    std::function<bool(int done, int total)> progress;
};

struct PtqSweepOutcome
{
    enum class Problem { None, BadInput, Failure, Cancelled };
    Problem problem = Problem::None;
    QString error; ///< BadInput / Failure: what and where; Cancelled: a sentence saying so
    double floatAccuracy = 0.0; ///< the run's model without quantization, same test images
    double floatLoss = 0.0;
    SweepRecord sweep;          ///< as stored (kind "ptq", parameter "frac_bits"; id set)
};

/// Evaluates a trained run with its weights and/or activations rounded to fixed point at each
/// fraction-bit count, stores the results as a sweep linked to the run, and leaves the stored float
/// weights untouched (the quantization acts on temporaries).
class PtqSweep
{
public:
    static PtqSweepOutcome run(const PtqSweepRequest &request);
};

} // namespace qb
