#include "services/party_scope.hpp"

#include "accounts/scope.hpp"
#include "registry/enterprise_scope.hpp"

namespace rw::services {

SqlFilter party_scope(db::Connection& db, const accounts::CurrentUser& user,
                      std::initializer_list<std::string_view> org_columns) {
  if (user.is_platform_admin()) return {};
  const auto orgs = " IN (" + registry::id_list(accounts::subtree_org_ids(db, user)) + ")";
  std::string condition;
  for (auto column : org_columns) condition += std::string(column) + orgs + " OR ";
  condition += "e.org_id" + orgs;
  if (user.org_type == "regulator")
    condition +=
        " OR e.region_id IN (" + registry::id_list(accounts::jurisdiction_region_ids(db, user)) + ")";
  return SqlFilter(condition, db::Params{});
}

}  // namespace rw::services
