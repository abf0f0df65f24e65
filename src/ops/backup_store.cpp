#include "ops/backup_store.hpp"

#include <algorithm>
#include <stdexcept>

namespace rw::ops {
namespace {

constexpr const char* kSqliteTables =
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
    "ORDER BY name";
constexpr const char* kPostgresqlTables =
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename";
// Followed by a quoted table name taken from the catalog (checked below): identifiers cannot be parameters.
constexpr const char* kCountRowsOf = "SELECT COUNT(*) AS n FROM ";
constexpr const char* kSnapshotTransaction = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";
constexpr const char* kExportSnapshot = "SELECT pg_export_snapshot() AS snapshot";
constexpr const char* kClearPostgresql = "DROP SCHEMA public CASCADE; CREATE SCHEMA public";

bool plain_identifier(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

std::vector<std::string> table_names(db::Connection& connection) {
  const auto rows =
      connection.query(connection.dialect() == db::Dialect::sqlite ? kSqliteTables : kPostgresqlTables);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < rows.size(); ++i) names.push_back(rows[i].text("name"));
  return names;
}

std::map<std::string, std::int64_t> row_counts(db::Connection& connection) {
  std::map<std::string, std::int64_t> counts;
  for (const auto& table : table_names(connection)) {
    if (!plain_identifier(table)) throw std::runtime_error("backup: unexpected table name " + table);
    counts[table] = connection.query(std::string(kCountRowsOf) + "\"" + table + "\"")[0].integer("n");
  }
  return counts;
}

std::string export_postgresql_snapshot(db::Connection& connection) {
  connection.execute_script(kSnapshotTransaction);
  return connection.query(kExportSnapshot)[0].text("snapshot");
}

void clear_postgresql(db::Connection& connection) { connection.execute_script(kClearPostgresql); }

}  // namespace rw::ops
