#pragma once

#include <cstdint>

#include "platform/db/database.hpp"

namespace rw::db {

// What a server installs at start in its own write transaction. Two servers starting at once on one
// PostgreSQL database must not both install it, so each kind has its own advisory lock (SQLite's write
// lock already serialises them).
enum class StartupInstall : std::int64_t {
  migrations = 727274,
  service_catalog = 727275,
  checklist_templates = 727276,
  substance_table = 727277,
  archive_lists = 727278,
};

// Waits, inside the caller's write transaction, until no other server installs `kind`.
inline void take_turn_to_install(Connection& connection, StartupInstall kind) {
  if (connection.dialect() != Dialect::postgresql) return;
  connection.query("SELECT pg_advisory_xact_lock(?)", {static_cast<std::int64_t>(kind)});
}

}  // namespace rw::db
