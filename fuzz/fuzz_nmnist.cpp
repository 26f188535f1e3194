// libFuzzer target: qb::fuzz::nmnist in fuzztargets.h (seeds in fuzz/corpus/nmnist/).
#include "fuzztargets.h"

QB_FUZZ_TARGET(nmnist)
