#include "platform/db/bulk_write.hpp"

#include <string>

namespace rw::db {
BulkWrite::BulkWrite(Connection& connection, std::int64_t cache_mib)
    : connection_(connection), planned_(connection) {
  if (connection_.dialect() != Dialect::sqlite) return;
  const auto rows = connection_.query("PRAGMA cache_size");
  if (!rows.empty()) size_before_ = rows[0].integer("cache_size");
  connection_.execute_script("PRAGMA cache_size = -" + std::to_string(cache_mib * 1024));  // negative: KiB
}

BulkWrite::~BulkWrite() {
  if (connection_.dialect() != Dialect::sqlite) return;
  try {
    if (size_before_) connection_.execute_script("PRAGMA cache_size = " + std::to_string(*size_before_));
  } catch (...) {  // a connection gone bad is dropped by the pool; a destructor must not throw
  }
}

}  // namespace rw::db
