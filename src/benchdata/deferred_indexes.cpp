#include "benchdata/deferred_indexes.hpp"

#include "platform/db/bulk_write.hpp"

namespace rw::benchdata {
namespace {

// Indexes the schema created with CREATE INDEX: SQLite keeps no statement for those behind a primary key or
// a UNIQUE constraint, and PostgreSQL names those after their constraint.
constexpr const char* kSqliteIndexes =
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ? ORDER BY "
    "name";
constexpr const char* kPostgresIndexes =
    "SELECT indexname AS name, indexdef AS sql FROM pg_indexes "
    "WHERE schemaname = current_schema() AND tablename = ? "
    "AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY indexname";

// Sorting for CREATE INDEX: SQLite's sorter keeps this much in memory before it spills to temporary files.
constexpr std::int64_t kBuildCacheMiB = 1024;

}  // namespace

DeferredIndexes::DeferredIndexes(db::Connection& db, const std::vector<std::string>& tables) : db_(db) {
  const auto* list = db.dialect() == db::Dialect::sqlite ? kSqliteIndexes : kPostgresIndexes;
  db::Transaction transaction(db, true);
  for (const auto& table : tables) {
    const auto indexes = db.query(list, {table});
    for (std::size_t i = 0; i < indexes.size(); ++i) {
      definitions_.push_back(indexes[i].text("sql"));
      db.execute_script("DROP INDEX " + indexes[i].text("name"));
    }
  }
  transaction.commit();
}

void DeferredIndexes::build() {
  db::Transaction transaction(db_, true);
  const db::BulkWrite bulk(db_, kBuildCacheMiB);
  for (const auto& definition : definitions_) db_.execute_script(definition);
  transaction.commit();
  definitions_.clear();
}

}  // namespace rw::benchdata
