#pragma once
// The SQL of backup and restore: which tables a database has, their row counts, a PostgreSQL snapshot that
// pg_dump shares, and emptying a PostgreSQL target.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace rw::ops {

std::vector<std::string> table_names(db::Connection& connection);
std::map<std::string, std::int64_t> row_counts(db::Connection& connection);
// In a transaction just begun: makes it a read-only REPEATABLE READ snapshot and exports it, so pg_dump
// --snapshot dumps exactly what the counts of this transaction see.
std::string export_postgresql_snapshot(db::Connection& connection);
// Drops everything in the public schema (restore --force into PostgreSQL).
void clear_postgresql(db::Connection& connection);

}  // namespace rw::ops
