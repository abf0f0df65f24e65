#include "registry/enterprise_scope.hpp"

#include "accounts/scope.hpp"
#include "platform/errors.hpp"

namespace rw::registry {

SqlFilter served_by_agencies(const SqlFilter& agency_condition) {
  return SqlFilter(std::string("EXISTS (SELECT 1 FROM commission_items sci JOIN commissions sc ON sc.id = "
                               "sci.commission_id WHERE sci.enterprise_id = e.id AND sci.status IN ") +
                       kServingStatuses + " AND " + agency_condition.condition() + ")",
                   agency_condition.params());
}

SqlFilter enterprise_scope(db::Connection& db, const accounts::Actor& user) {
  if (user.is_platform_admin()) return {};
  const auto mine = [&](std::string_view column) { return accounts::own_subtree(db, user, column); };
  const auto insures = mine("sp.insurer_org_id");
  std::vector<SqlFilter> relations = {
      mine("e.created_by_org_id"),  // registered it
      mine("e.org_id"),             // is it
      mine("e.park_org_id"),        // hosts it as a park
      SqlFilter(
          "EXISTS (SELECT 1 FROM policies sp WHERE sp.enterprise_id = e.id AND " + insures.condition() + ")",
          insures.params()),                         // insures it
      served_by_agencies(mine("sc.agency_org_id")),  // serves it through a commission
  };
  if (user.org_type == "regulator") relations.push_back(accounts::in_jurisdiction(db, user, "e.region_id"));
  return SqlFilter::any_of(relations);
}

void require_visible_enterprise(db::Connection& db, const accounts::Actor& user, std::int64_t enterprise_id) {
  SqlFilter where = enterprise_scope(db, user);
  where.add("e.id = ?", enterprise_id);
  if (db.query("SELECT 1 AS one FROM enterprises e" + where.sql(), where.params()).empty()) throw not_found();
}

bool is_own_enterprise(db::Connection& db, const accounts::Actor& user, std::int64_t enterprise_id) {
  return !db.query("SELECT 1 AS one FROM enterprises WHERE id = ? AND org_id = ?",
                   {enterprise_id, user.org_id})
              .empty();
}

}  // namespace rw::registry
