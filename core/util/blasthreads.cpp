#include "util/blasthreads.h"

#include <dlfcn.h>

namespace qb {

bool setBlasThreads(int threads)
{
    // Looked up rather than linked: QuantBench links no BLAS itself, and libblas.so.3 may be the
    // reference BLAS, which has no such function.
    using SetThreads = void (*)(int);
    static const auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
    if (!set || threads < 1)
        return false;
    set(threads);
    return true;
}

} // namespace qb
