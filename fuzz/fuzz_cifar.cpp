// libFuzzer target: qb::fuzz::cifar in fuzztargets.h (seeds in fuzz/corpus/cifar/).
#include "fuzztargets.h"

QB_FUZZ_TARGET(cifar)
