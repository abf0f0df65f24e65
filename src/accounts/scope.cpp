#include "accounts/scope.hpp"

#include <string>

namespace rw::accounts {
namespace {

// An organization (the parameter) and its descendants.
const std::string kOrgSubtreeIds =
    "WITH RECURSIVE sub(id) AS (SELECT CAST(? AS BIGINT) UNION ALL "
    "SELECT o.id FROM organizations o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub";
// The regions of an organization's jurisdiction (the parameter) and their sub-regions.
const std::string kJurisdictionRegionIds =
    "WITH RECURSIVE rsub(id) AS (SELECT region_id FROM organization_regions WHERE org_id = CAST(? AS BIGINT) "
    "UNION ALL SELECT r.id FROM regions r JOIN rsub ON r.parent_id = rsub.id) SELECT id FROM rsub";

const std::string kOrgSubtree = " IN (" + kOrgSubtreeIds + ")";
const std::string kJurisdiction =
    " IN (SELECT jr.org_id FROM organization_regions jr WHERE jr.region_id IN (" + kJurisdictionRegionIds +
    "))";

}  // namespace

std::vector<std::int64_t> subtree_org_ids(db::Connection& db, const CurrentUser& user) {
  return org_subtree_ids(db, user.org_id);
}

std::vector<std::int64_t> org_subtree_ids(db::Connection& db, std::int64_t org_id) {
  return db.query(kOrgSubtreeIds, {org_id}).integers("id");
}

std::vector<std::int64_t> jurisdiction_region_ids(db::Connection& db, const CurrentUser& user) {
  return region_subtree_of_org(db, user.org_id);
}

std::vector<std::int64_t> region_subtree_of_org(db::Connection& db, std::int64_t org_id) {
  return db.query(kJurisdictionRegionIds, {org_id}).integers("id");
}

SqlFilter own_subtree(const CurrentUser& user, std::string_view column) {
  return SqlFilter(std::string(column) + kOrgSubtree, {user.org_id});
}

SqlFilter read_scope(const CurrentUser& user, std::string_view column) {
  if (user.is_platform_admin()) return {};
  if (user.org_type != "regulator") return own_subtree(user, column);
  return SqlFilter(std::string(column) + kOrgSubtree + " OR " + std::string(column) + kJurisdiction,
                   {user.org_id, user.org_id});
}

SqlFilter write_scope(const CurrentUser& user, std::string_view column) {
  if (user.is_platform_admin()) return {};
  return own_subtree(user, column);
}

bool org_in_scope(db::Connection& db, const SqlFilter& scope_on_id, std::int64_t org_id) {
  SqlFilter filter = scope_on_id;
  filter.add("id = ?", org_id);
  return !db.query("SELECT 1 AS one FROM organizations" + filter.sql(), filter.params()).empty();
}

bool acts_for(db::Connection& db, const CurrentUser& user, std::int64_t org_id) {
  return org_in_scope(db, write_scope(user, "id"), org_id);
}

}  // namespace rw::accounts
