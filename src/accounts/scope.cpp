#include "accounts/scope.hpp"

namespace rw::accounts {
namespace {

constexpr const char* kOrgSubtree =
    " IN (WITH RECURSIVE sub(id) AS (SELECT CAST(? AS BIGINT) UNION ALL "
    "SELECT o.id FROM organizations o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub)";
constexpr const char* kJurisdiction =
    " IN (SELECT jr.org_id FROM organization_regions jr WHERE jr.region_id IN ("
    "WITH RECURSIVE rsub(id) AS (SELECT region_id FROM organization_regions WHERE org_id = CAST(? AS BIGINT) "
    "UNION ALL SELECT r.id FROM regions r JOIN rsub ON r.parent_id = rsub.id) SELECT id FROM rsub))";

}  // namespace

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

}  // namespace rw::accounts
