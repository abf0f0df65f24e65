#include "registry/enterprise_scope.hpp"

#include "platform/errors.hpp"

namespace rw::registry {
namespace {

constexpr const char* kSubtree =
    "WITH RECURSIVE sub(id) AS (SELECT CAST(? AS BIGINT) UNION ALL "
    "SELECT o.id FROM organizations o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub";
constexpr const char* kJurisdictionRegions =
    "WITH RECURSIVE rsub(id) AS (SELECT region_id FROM organization_regions WHERE org_id = CAST(? AS BIGINT) "
    "UNION ALL SELECT r.id FROM regions r JOIN rsub ON r.parent_id = rsub.id) SELECT id FROM rsub";

std::vector<std::int64_t> ids_of(const db::Rows& rows) {
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows[i].integer("id"));
  return out;
}

}  // namespace

std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) out += (out.empty() ? "" : ", ") + std::to_string(id);
  return out.empty() ? "NULL" : out;
}

std::vector<std::int64_t> subtree_org_ids(db::Connection& db, const accounts::CurrentUser& user) {
  return ids_of(db.query(kSubtree, {user.org_id}));
}

SqlFilter enterprise_scope(db::Connection& db, const accounts::CurrentUser& user) {
  if (user.is_platform_admin()) return {};
  const auto orgs = id_list(subtree_org_ids(db, user));
  std::string condition = "e.created_by_org_id IN (" + orgs + ") OR e.org_id IN (" + orgs + ") OR e.park_org_id IN (" +
                          orgs + ") OR EXISTS (SELECT 1 FROM policies sp WHERE sp.enterprise_id = e.id AND " +
                          "sp.insurer_org_id IN (" + orgs + ")) OR EXISTS (SELECT 1 FROM enterprise_agencies sa " +
                          "WHERE sa.enterprise_id = e.id AND sa.agency_org_id IN (" + orgs + "))";
  if (user.org_type == "regulator")
    condition += " OR e.region_id IN (" + id_list(ids_of(db.query(kJurisdictionRegions, {user.org_id}))) + ")";
  return SqlFilter(condition, db::Params{});
}

void require_visible_enterprise(db::Connection& db, const accounts::CurrentUser& user, std::int64_t enterprise_id) {
  SqlFilter where = enterprise_scope(db, user);
  where.add("e.id = ?", enterprise_id);
  if (db.query("SELECT 1 AS one FROM enterprises e" + where.sql(), where.params()).empty()) throw not_found();
}

}  // namespace rw::registry
