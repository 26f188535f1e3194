// libFuzzer target: qb::fuzz::runBundle in fuzztargets.h (seeds in fuzz/corpus/runbundle/).
#include "fuzztargets.h"

QB_FUZZ_TARGET(runBundle)
