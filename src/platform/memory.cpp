#include "platform/memory.hpp"

#include <malloc.h>

#include <cstddef>

// jemalloc's control interface, present only in a binary linked with it (weak: null otherwise).
extern "C" int mallctl(const char* name, void* oldp, std::size_t* oldlenp, void* newp, std::size_t newlen)
    __attribute__((weak));

namespace rw {

void return_free_memory() {
  // "arena.<MALLCTL_ARENAS_ALL>.purge": every arena (jemalloc.h defines MALLCTL_ARENAS_ALL as 4096).
  if (mallctl != nullptr && mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0) == 0) return;
  ::malloc_trim(0);
}

}  // namespace rw
