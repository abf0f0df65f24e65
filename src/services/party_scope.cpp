#include "services/party_scope.hpp"

#include "accounts/scope.hpp"

namespace rw::services {

SqlFilter party_scope(db::Connection& db, const accounts::Actor& user,
                      std::initializer_list<std::string_view> org_columns) {
  if (user.is_platform_admin()) return {};
  std::vector<SqlFilter> parties;
  for (auto column : org_columns) parties.push_back(accounts::own_subtree(db, user, column));
  parties.push_back(accounts::own_subtree(db, user, "e.org_id"));
  if (user.org_type == "regulator") parties.push_back(accounts::in_jurisdiction(db, user, "e.region_id"));
  return SqlFilter::any_of(parties);
}

}  // namespace rw::services
