#include "platform/db/bulk_write.hpp"

#include <string>

namespace rw::db {
namespace {

// Negative sizes are KiB: 64 MiB while the write lasts.
constexpr const char* kBulkCache = "PRAGMA cache_size = -65536";

}  // namespace

BulkWrite::BulkWrite(Connection& connection) : connection_(connection) {
  if (connection_.dialect() != Dialect::sqlite) return;
  const auto rows = connection_.query("PRAGMA cache_size");
  if (!rows.empty()) size_before_ = rows[0].integer("cache_size");
  connection_.execute_script(kBulkCache);
}

BulkWrite::~BulkWrite() {
  if (connection_.dialect() != Dialect::sqlite) return;
  try {
    if (size_before_) connection_.execute_script("PRAGMA cache_size = " + std::to_string(*size_before_));
  } catch (...) {  // a connection gone bad is dropped by the pool; a destructor must not throw
  }
}

}  // namespace rw::db
