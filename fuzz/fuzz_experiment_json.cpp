// libFuzzer target: qb::fuzz::experimentJson in fuzztargets.h (seeds in fuzz/corpus/experiment_json/).
#include "fuzztargets.h"

QB_FUZZ_TARGET(experimentJson)
