// libFuzzer target: qb::fuzz::idxGzip in fuzztargets.h (seeds in fuzz/corpus/idx_gzip/).
#include "fuzztargets.h"

QB_FUZZ_TARGET(idxGzip)
