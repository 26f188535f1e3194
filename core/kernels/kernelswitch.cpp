#include "kernels/kernelswitch.h"

#include <atomic>

namespace qb {

namespace {
std::atomic_bool g_enabled{true};
}

bool handWrittenKernelsEnabled() { return g_enabled.load(std::memory_order_relaxed); }

void setHandWrittenKernelsEnabled(bool on) { g_enabled.store(on, std::memory_order_relaxed); }

} // namespace qb
