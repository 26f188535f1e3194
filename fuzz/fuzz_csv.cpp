// libFuzzer target: qb::fuzz::csv in fuzztargets.h (seeds in fuzz/corpus/csv/).
#include "fuzztargets.h"

QB_FUZZ_TARGET(csv)
