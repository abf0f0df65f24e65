#pragma once
// A fresh, empty database for one test: SQLite in a temp dir, or a new PostgreSQL database on the
// throw-away cluster named by RISKWATCH_TEST_PG (scripts/with-postgres.sh sets it).
#include <string>

namespace rw::testing {

std::string fresh_database_url();
bool using_postgresql();
std::string make_temp_dir();

}  // namespace rw::testing
