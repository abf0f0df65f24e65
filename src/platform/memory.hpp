#pragma once
// Giving memory the process no longer uses back to the system, whichever allocator the binary runs on.

namespace rw {

// After work that leaves the heap large (an import, the start's ANALYZE): jemalloc (which `riskwatch` is
// linked with) purges its arenas' unused pages at once instead of after its decay time; glibc's malloc (the
// tests' binaries, the sanitized build) trims its heaps.
void return_free_memory();

// Returns the free memory when it goes out of scope: after a route's work, whether it answered or threw.
struct ReturnFreeMemoryAfterwards {
  ReturnFreeMemoryAfterwards() = default;
  ReturnFreeMemoryAfterwards(const ReturnFreeMemoryAfterwards&) = delete;
  ReturnFreeMemoryAfterwards& operator=(const ReturnFreeMemoryAfterwards&) = delete;
  ~ReturnFreeMemoryAfterwards() { return_free_memory(); }
};

}  // namespace rw
