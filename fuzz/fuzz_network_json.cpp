// libFuzzer target: qb::fuzz::networkJson in fuzztargets.h (seeds in fuzz/corpus/network_json/).
#include "fuzztargets.h"

QB_FUZZ_TARGET(networkJson)
