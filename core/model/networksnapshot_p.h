#pragma once
// Private: a built network's trained state as the plain numbers of export/modelsnapshot.h.

#include "export/modelsnapshot.h"
#include "model/network_p.h"

namespace qb {

/// Fills network-derived fields of a snapshot: inputShape, layers (weights, batch norms, pools,
/// quantizer facts, sign thresholds and batch-norm tables) and nonidealitiesDropped. The module
/// must be in evaluation mode. Run, dataset and encoding fields are left to the caller.
ModelSnapshot snapshotNetwork(NetworkModule &net);

} // namespace qb
