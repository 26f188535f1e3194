// libFuzzer target: qb::fuzz::idxRaw in fuzztargets.h (seeds in fuzz/corpus/idx_raw/).
#include "fuzztargets.h"

QB_FUZZ_TARGET(idxRaw)
