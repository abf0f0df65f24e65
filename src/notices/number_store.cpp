#include "notices/number_store.hpp"

namespace rw::notices {
namespace {

constexpr const char* kSelectPatterns = "SELECT kind, pattern FROM notice_number_patterns WHERE org_id = ?";
constexpr const char* kUpsertPattern =
    "INSERT INTO notice_number_patterns (org_id, kind, pattern, updated_at, updated_by) VALUES (?, ?, ?, ?, "
    "?) "
    "ON CONFLICT (org_id, kind) DO UPDATE SET pattern = excluded.pattern, updated_at = excluded.updated_at, "
    "updated_by = excluded.updated_by";
// One statement on both engines: SQLite runs it under the write lock the request's BEGIN IMMEDIATE holds;
// PostgreSQL's ON CONFLICT locks the row, so a concurrent issue waits and then sees this one's value.
constexpr const char* kAdvanceCounter =
    "INSERT INTO notice_number_counters (org_id, pattern, year, last_sequence) VALUES (?, ?, ?, 1) "
    "ON CONFLICT (org_id, pattern, year) DO UPDATE SET last_sequence = notice_number_counters.last_sequence "
    "+ 1 "
    "RETURNING last_sequence";
constexpr const char* kSelectCounter =
    "SELECT last_sequence FROM notice_number_counters WHERE org_id = ? AND pattern = ? AND year = ?";

}  // namespace

std::map<std::string, std::string> stored_patterns(db::Connection& db, std::int64_t org_id) {
  std::map<std::string, std::string> out;
  const auto rows = db.query(kSelectPatterns, {org_id});
  for (std::size_t i = 0; i < rows.size(); ++i) out[rows[i].text("kind")] = rows[i].text("pattern");
  return out;
}

void save_pattern(db::Connection& db, std::int64_t org_id, const std::string& kind,
                  const std::string& pattern, const std::string& now, std::optional<std::int64_t> by) {
  db.execute(kUpsertPattern, {org_id, kind, pattern, now, db::optional_value(by)});
}

std::int64_t advance_counter(db::Connection& db, std::int64_t org_id, const std::string& pattern, int year) {
  return db.query(kAdvanceCounter, {org_id, pattern, std::int64_t{year}})[0].integer("last_sequence");
}

std::int64_t counter_value(db::Connection& db, std::int64_t org_id, const std::string& pattern, int year) {
  const auto rows = db.query(kSelectCounter, {org_id, pattern, std::int64_t{year}});
  return rows.empty() ? 0 : rows[0].integer("last_sequence");
}

}  // namespace rw::notices
