#include "registry/region_store.hpp"

#include "platform/errors.hpp"

namespace rw::registry {
namespace {

constexpr const char* kSelectRegionById = " WHERE r.id = ?";
constexpr const char* kInsertRegion =
    "INSERT INTO regions (code, name, level, parent_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kUpdateRegion = "UPDATE regions SET code = ?, name = ?, updated_at = ? WHERE id = ?";
constexpr const char* kSelectSameCode = "SELECT 1 AS one FROM regions WHERE code = ? AND id <> ?";
constexpr const char* kSelectLevel = "SELECT level FROM regions WHERE id = ?";
constexpr const char* kSelectChild = "SELECT 1 AS one FROM regions WHERE parent_id = ?";
constexpr const char* kSelectOrganizationOfRegion =
    "SELECT 1 AS one FROM organization_regions WHERE region_id = ?";
constexpr const char* kDeleteRegion = "DELETE FROM regions WHERE id = ?";

}  // namespace

const char* const kSelectRegion = "SELECT id, code, name, level, parent_id FROM regions r";
const CountFrom kCountRegion{"regions r"};

nlohmann::json region_json(const db::Row& row) {
  return {
      {"id", row.integer("id")},
      {"code", row.text("code")},
      {"name", row.text("name")},
      {"level", row.text("level")},
      {"parent_id", row.is_null("parent_id") ? nlohmann::json() : nlohmann::json(row.integer("parent_id"))}};
}

nlohmann::json find_region(db::Connection& db, std::int64_t id) {
  auto rows = db.query(std::string(kSelectRegion) + kSelectRegionById, {id});
  if (rows.empty()) throw not_found();
  return region_json(rows[0]);
}

bool region_code_taken(db::Connection& db, const std::string& code, std::int64_t own_id) {
  return !db.query(kSelectSameCode, {code, own_id}).empty();
}

std::optional<std::string> region_level(db::Connection& db, std::int64_t id) {
  auto rows = db.query(kSelectLevel, {id});
  if (rows.empty()) return std::nullopt;
  return rows[0].text("level");
}

bool region_in_use(db::Connection& db, std::int64_t id) {
  return !db.query(kSelectChild, {id}).empty() || !db.query(kSelectOrganizationOfRegion, {id}).empty();
}

std::int64_t insert_region(db::Connection& db, const RegionRow& row, const std::string& now) {
  return db
      .query(kInsertRegion, {row.code, row.name, row.level, db::optional_value(row.parent_id), now, now})[0]
      .integer("id");
}

void rename_region(db::Connection& db, std::int64_t id, const std::string& code, const std::string& name,
                   const std::string& now) {
  db.execute(kUpdateRegion, {code, name, now, id});
}

void delete_region_row(db::Connection& db, std::int64_t id) { db.execute(kDeleteRegion, {id}); }

}  // namespace rw::registry
