#include "suminsured/sum_insured_store.hpp"

namespace rw::suminsured {
namespace {

constexpr const char* kSelectVersionColumns =
    "SELECT t.version, t.name, t.note, t.bands, t.published_at, t.published_by, u.display_name AS "
    "publisher_name, o.name AS org_name FROM sum_insured_tables t JOIN users u ON u.id = t.published_by JOIN "
    "organizations o ON o.id = t.org_id ";
constexpr const char* kLatestSuffix = "WHERE t.org_id = ? ORDER BY t.version DESC LIMIT 1";
constexpr const char* kVersionSuffix = "WHERE t.org_id = ? AND t.version = ?";
constexpr const char* kSelectVersions =
    "SELECT t.version, t.name, t.published_at, t.published_by, u.display_name AS publisher_name FROM "
    "sum_insured_tables t JOIN users u ON u.id = t.published_by WHERE t.org_id = ? ORDER BY t.version DESC";
constexpr const char* kNextVersion =
    "SELECT COALESCE(MAX(version), 0) + 1 AS next FROM sum_insured_tables WHERE org_id = ?";
constexpr const char* kInsertVersion =
    "INSERT INTO sum_insured_tables (org_id, version, name, note, bands, published_at, published_by) VALUES "
    "(?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectEnterprise =
    "SELECT e.id, e.name, e.scale, e.industry_code, e.risk_level, (SELECT p.insurer_org_id FROM policies p "
    "WHERE p.enterprise_id = e.id AND p.insurance_type = 'environmental' ORDER BY p.ends_on DESC, p.id DESC "
    "LIMIT 1) AS insurer_org_id FROM enterprises e WHERE e.id = ?";
constexpr const char* kSelectOrganizationType = "SELECT type FROM organizations WHERE id = ?";

std::optional<db::Row> first(db::Rows rows) {
  if (rows.empty()) return std::nullopt;
  return rows[0];
}

}  // namespace

std::optional<db::Row> latest_version(db::Connection& db, std::int64_t org_id) {
  return first(db.query(std::string(kSelectVersionColumns) + kLatestSuffix, {org_id}));
}

std::optional<db::Row> version_of(db::Connection& db, std::int64_t org_id, int version) {
  return first(
      db.query(std::string(kSelectVersionColumns) + kVersionSuffix, {org_id, std::int64_t{version}}));
}

db::Rows versions_of(db::Connection& db, std::int64_t org_id) { return db.query(kSelectVersions, {org_id}); }

int insert_version(db::Connection& db, const NewVersion& v, const std::string& now) {
  const auto next = static_cast<int>(db.query(kNextVersion, {v.org_id})[0].integer("next"));
  db.execute(kInsertVersion, {v.org_id, std::int64_t{next}, v.name, v.note, v.bands, now, v.published_by});
  return next;
}

std::optional<db::Row> enterprise_for_suggestion(db::Connection& db, std::int64_t enterprise_id) {
  return first(db.query(kSelectEnterprise, {enterprise_id}));
}

std::string organization_type(db::Connection& db, std::int64_t org_id) {
  const auto row = first(db.query(kSelectOrganizationType, {org_id}));
  return row ? row->text("type") : "";
}

}  // namespace rw::suminsured
