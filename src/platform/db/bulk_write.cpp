#include "platform/db/bulk_write.hpp"

namespace rw::db {
namespace {

// Negative sizes are KiB: 64 MiB while the write lasts, then SQLite's default.
constexpr const char* kBulkCache = "PRAGMA cache_size = -65536";
constexpr const char* kDefaultCache = "PRAGMA cache_size = -2000";

}  // namespace

BulkWrite::BulkWrite(Connection& connection) : connection_(connection) {
  if (connection_.dialect() == Dialect::sqlite) connection_.execute_script(kBulkCache);
}

BulkWrite::~BulkWrite() {
  if (connection_.dialect() != Dialect::sqlite) return;
  try {
    connection_.execute_script(kDefaultCache);
  } catch (...) {  // a connection gone bad is dropped by the pool; a destructor must not throw
  }
}

}  // namespace rw::db
