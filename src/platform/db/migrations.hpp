#pragma once
// Versioned schema migrations, compiled in from migrations/V<nnn>__<name>.sql.
// The only dialect difference the files may use is the token {{ID}} for an auto-increment primary key.
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace rw::db {

struct MigrationResult {
  std::vector<std::string> applied;
  int version = 0;  // schema version after the run
};

MigrationResult migrate(Database& database);
std::string dialect_sql(std::string_view sql, Dialect dialect);

}  // namespace rw::db
