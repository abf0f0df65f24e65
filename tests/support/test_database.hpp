#pragma once
// A fresh, empty database for one test: SQLite in a temp dir, or a new PostgreSQL database on the
// throw-away cluster named by RISKWATCH_TEST_PG (scripts/with-postgres.sh sets it).
#include <functional>
#include <string>

namespace rw::testing {

std::string fresh_database_url();
// A fresh database that starts as a copy of the one `make` fills (given its URL). Every test asking with the
// same key shares that one making, across the test processes of a run: SQLite copies the made file,
// PostgreSQL creates the database with the made one as its template. `key` must name everything the making
// depends on.
std::string database_from_template(const std::string& key,
                                   const std::function<void(const std::string&)>& make);
bool using_postgresql();
// A new directory under the system's temporary one, removed by remove_temp_dirs.
std::string make_temp_dir();
// Removes every directory make_temp_dir made in this process (a suite's run leaves a few hundred, each
// holding a database and a server's files: gigabytes a day on a developer's machine).
void remove_temp_dirs();

}  // namespace rw::testing
