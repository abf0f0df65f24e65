#pragma once
// Requests that hold much of the process's memory or a core for a second or more: a hazard ledger (a PDF lays
// out all its pages in memory), the export of a whole list, the archive's export and its verification. Eight
// ledgers at once, one on each worker, held every worker for seconds and took the process to 734 MB
// (bench/README, twenty-eighth round).
#include <cstddef>

namespace rw {

// How many run at once (`serve --heavy-work`; by default one for each core).
void set_heavy_work_limit(std::size_t limit);
std::size_t heavy_work_limit();

// Held while one runs. One more than the limit is refused at once (503 server_busy, Retry-After), which the
// web app waits for and retries: waiting here would hold a worker that every other request needs.
class HeavyWork {
 public:
  HeavyWork();
  ~HeavyWork();
  HeavyWork(const HeavyWork&) = delete;
  HeavyWork& operator=(const HeavyWork&) = delete;
};

}  // namespace rw
