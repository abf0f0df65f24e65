#include "registry/organization_store.hpp"

#include "platform/db/text_pieces.hpp"
#include "platform/errors.hpp"
#include "platform/json_rows.hpp"
#include "platform/paging.hpp"
#include "platform/sql_filter.hpp"

namespace rw::registry {
namespace {

constexpr const char* kInsertOrganization =
    "INSERT INTO organizations (name, type, parent_id, credit_code, contact_phone, active, created_at, "
    "updated_at) "
    "VALUES (?, ?, ?, ?, ?, 1, ?, ?) RETURNING id";
constexpr const char* kUpdateOrganization =
    "UPDATE organizations SET name = ?, type = ?, parent_id = ?, credit_code = ?, contact_phone = ?, active "
    "= ?, "
    "updated_at = ? WHERE id = ?";
constexpr const char* kDescendants =
    "WITH RECURSIVE sub(id) AS (SELECT CAST(? AS BIGINT) UNION ALL "
    "SELECT o.id FROM organizations o JOIN sub ON o.parent_id = sub.id) SELECT 1 AS one FROM sub WHERE id = "
    "?";
// Followed by the placeholders of the ids and ")".
constexpr const char* kSelectRegionsOfOrganizations =
    "SELECT org_id, region_id FROM organization_regions WHERE org_id IN (";
constexpr const char* kRegionsOrder = ") ORDER BY region_id";
constexpr const char* kCountRegions = "SELECT COUNT(*) AS n FROM regions WHERE id IN (";
constexpr const char* kDeleteRegions = "DELETE FROM organization_regions WHERE org_id = ?";
constexpr const char* kInsertRegion = "INSERT INTO organization_regions (org_id, region_id) VALUES (?, ?)";
constexpr const char* kDeleteSessionsOfOrg =
    "DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE org_id = ?)";

constexpr const char* kShortSearchHits =
    "o.id IN (SELECT rowid FROM organizations_short_search WHERE organizations_short_search MATCH ?)";
// How many organizations the index finds for a text, counted up to a limit.
constexpr const char* kShortSearchHitCount =
    "SELECT COUNT(*) AS n FROM (SELECT rowid FROM organizations_short_search WHERE "
    "organizations_short_search MATCH ? LIMIT ?) hits";

}  // namespace

const char* const kSelectOrganization =
    "SELECT o.id, o.name, o.type, o.parent_id, o.credit_code, o.contact_phone, o.active, o.created_at, "
    "o.updated_at "
    "FROM organizations o";
const CountFrom kCountOrganization{"organizations o"};

nlohmann::json organization_json(const db::Row& row, std::vector<std::int64_t> region_ids) {
  return {{"id", row.integer("id")},
          {"name", row.text("name")},
          {"type", row.text("type")},
          {"parent_id", json_integer(row, "parent_id")},
          {"region_ids", std::move(region_ids)},
          {"credit_code", row.text("credit_code")},
          {"contact_phone", row.text("contact_phone")},
          {"active", row.integer("active") == 1},
          {"created_at", row.text("created_at")},
          {"updated_at", row.text("updated_at")}};
}

std::map<std::int64_t, std::vector<std::int64_t>> regions_of(db::Connection& db,
                                                             const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::vector<std::int64_t>> out;
  if (ids.empty()) return out;
  db::Params params(ids.begin(), ids.end());
  auto rows = db.query(kSelectRegionsOfOrganizations + placeholders(ids.size()) + kRegionsOrder, params);
  for (std::size_t i = 0; i < rows.size(); ++i)
    out[rows[i].integer("org_id")].push_back(rows[i].integer("region_id"));
  return out;
}

nlohmann::json find_organization(db::Connection& db, const SqlFilter& scope, std::int64_t id) {
  SqlFilter where = scope;
  where.add("o.id = ?", id);
  auto rows = db.query(std::string(kSelectOrganization) + where.sql(), where.params());
  if (rows.empty()) throw not_found();
  return organization_json(rows[0], regions_of(db, {id})[id]);
}

SqlFilter organizations_holding(db::Connection& db, const std::string& text) {
  auto out = any_column_holds(db.dialect(), {"o.name", "o.credit_code"}, text);
  if (db.dialect() != db::Dialect::sqlite) return out;
  const auto query = db::pieces_query(text);
  const auto enough = common_text_hits();
  if (db.query(kShortSearchHitCount, {query, enough + 1})[0].integer("n") <= enough)
    out.add(kShortSearchHits, query);
  return out;
}

bool regions_exist(db::Connection& db, const std::vector<std::int64_t>& region_ids) {
  if (region_ids.empty()) return true;
  db::Params params(region_ids.begin(), region_ids.end());
  auto found = db.query(kCountRegions + placeholders(region_ids.size()) + ")", params)[0].integer("n");
  return found == static_cast<std::int64_t>(region_ids.size());
}

bool is_within(db::Connection& db, std::int64_t ancestor_id, std::int64_t id) {
  return !db.query(kDescendants, {ancestor_id, id}).empty();
}

std::int64_t insert_organization(db::Connection& db, const OrganizationRow& row, const std::string& now) {
  return db
      .query(kInsertOrganization, {row.name, row.type, db::optional_value(row.parent_id), row.credit_code,
                                   row.contact_phone, now, now})[0]
      .integer("id");
}

void update_organization_row(db::Connection& db, std::int64_t id, const OrganizationRow& row,
                             const std::string& now) {
  db.execute(kUpdateOrganization, {row.name, row.type, db::optional_value(row.parent_id), row.credit_code,
                                   row.contact_phone, std::int64_t{row.active ? 1 : 0}, now, id});
}

void save_regions(db::Connection& db, std::int64_t org_id, const std::vector<std::int64_t>& region_ids) {
  db.execute(kDeleteRegions, {org_id});
  for (auto region_id : region_ids) db.execute(kInsertRegion, {org_id, region_id});
}

void delete_sessions_of_org(db::Connection& db, std::int64_t org_id) {
  db.execute(kDeleteSessionsOfOrg, {org_id});
}

}  // namespace rw::registry
