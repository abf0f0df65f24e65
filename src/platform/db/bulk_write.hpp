#pragma once
// Room for a large write (an import) while it lasts. SQLite keeps 2,000 KiB of pages per connection by
// default; a transaction that inserts or updates 100,000 enterprises outgrows that at once, and from then on
// every index and full-text insert spills pages to the WAL and reads them back (100,000 rows: minutes instead
// of seconds). The cache of the handle that writes grows for the scope and shrinks back after, so memory
// taken by one import does not stay. PostgreSQL keeps its buffers in the server: nothing to do.
#include <cstdint>
#include <optional>

#include "platform/db/database.hpp"

namespace rw::db {

class BulkWrite {
 public:
  explicit BulkWrite(Connection& connection);
  BulkWrite(const BulkWrite&) = delete;
  BulkWrite& operator=(const BulkWrite&) = delete;
  ~BulkWrite();

 private:
  Connection& connection_;
  std::optional<std::int64_t> size_before_;
};

}  // namespace rw::db
