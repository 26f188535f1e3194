// libFuzzer target: qb::fuzz::gridJson in fuzztargets.h (seeds in fuzz/corpus/grid_json/).
#include "fuzztargets.h"

QB_FUZZ_TARGET(gridJson)
