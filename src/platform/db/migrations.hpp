#pragma once
// Versioned schema migrations, compiled in from migrations/V<nnn>__<name>.sql.
// The only dialect difference a shared file may use is the token {{ID}} for an auto-increment primary key;
// a step that differs more comes as two files of one version, V<nnn>__<name>.sqlite.sql and
// V<nnn>__<name>.postgresql.sql, each run on its database only.
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace rw::db {

struct MigrationResult {
  std::vector<std::string> applied;
  int version = 0;  // schema version after the run
};

MigrationResult migrate(Database& database);
// Whether every migration of this build for the connection's database has been applied (readiness: a
// server whose schema is behind must not take requests).
bool migrations_current(Connection& connection);
std::string dialect_sql(std::string_view sql, Dialect dialect);

}  // namespace rw::db
