#include "registry/enterprise_scope.hpp"

#include "accounts/scope.hpp"
#include "platform/errors.hpp"

namespace rw::registry {
std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) out += (out.empty() ? "" : ", ") + std::to_string(id);
  return out.empty() ? "NULL" : out;
}

std::string served_by_agencies(const std::string& agency_ids) {
  return std::string(
             "EXISTS (SELECT 1 FROM commission_items sci JOIN commissions sc ON sc.id = sci.commission_id "
             "WHERE sci.enterprise_id = e.id AND sci.status IN ") +
         kServingStatuses + " AND sc.agency_org_id IN (" + agency_ids + "))";
}

SqlFilter enterprise_scope(db::Connection& db, const accounts::CurrentUser& user) {
  if (user.is_platform_admin()) return {};
  const auto orgs = id_list(accounts::subtree_org_ids(db, user));
  std::string condition = "e.created_by_org_id IN (" + orgs + ") OR e.org_id IN (" + orgs +
                          ") OR e.park_org_id IN (" + orgs +
                          ") OR EXISTS (SELECT 1 FROM policies sp WHERE sp.enterprise_id = e.id AND " +
                          "sp.insurer_org_id IN (" + orgs + ")) OR " + served_by_agencies(orgs);
  if (user.org_type == "regulator")
    condition += " OR e.region_id IN (" + id_list(accounts::jurisdiction_region_ids(db, user)) + ")";
  return SqlFilter(condition, db::Params{});
}

void require_visible_enterprise(db::Connection& db, const accounts::CurrentUser& user,
                                std::int64_t enterprise_id) {
  SqlFilter where = enterprise_scope(db, user);
  where.add("e.id = ?", enterprise_id);
  if (db.query("SELECT 1 AS one FROM enterprises e" + where.sql(), where.params()).empty()) throw not_found();
}

bool is_own_enterprise(db::Connection& db, const accounts::CurrentUser& user, std::int64_t enterprise_id) {
  return !db.query("SELECT 1 AS one FROM enterprises WHERE id = ? AND org_id = ?",
                   {enterprise_id, user.org_id})
              .empty();
}

}  // namespace rw::registry
