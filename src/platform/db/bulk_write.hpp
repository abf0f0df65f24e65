#pragma once
// Room for a large write (an import) while it lasts. SQLite keeps 2,000 KiB of pages per connection by
// default; a transaction that inserts or updates 100,000 enterprises outgrows that at once, and from then on
// every index and full-text insert spills pages to the WAL and reads them back (100,000 rows: minutes instead
// of seconds). The cache of the handle that writes grows for the scope and shrinks back after, so memory
// taken by one import does not stay. Open it inside the write transaction: SQLite's writes run on the
// process's shared writer handle, and outside a transaction the pragma would size the connection's own
// (reading) handle instead. PostgreSQL keeps its buffers in the server; there its statements are planned with
// their values each time (PlanEachRun).
#include <cstdint>
#include <optional>

#include "platform/db/database.hpp"

namespace rw::db {

class BulkWrite {
 public:
  static constexpr std::int64_t kDefaultMiB = 64;
  explicit BulkWrite(Connection& connection, std::int64_t cache_mib = kDefaultMiB);
  BulkWrite(const BulkWrite&) = delete;
  BulkWrite& operator=(const BulkWrite&) = delete;
  ~BulkWrite();

 private:
  Connection& connection_;
  PlanEachRun planned_;
  std::optional<std::int64_t> size_before_;
};

}  // namespace rw::db
