#include "app/route_table.hpp"

#include "accounts/auth_routes.hpp"
#include "accounts/users.hpp"
#include "app/system_routes.hpp"
#include "audit/audit_log.hpp"
#include "exchange/exchange_routes.hpp"
#include "registry/enterprises.hpp"
#include "registry/industries.hpp"
#include "registry/organizations.hpp"
#include "registry/policies.hpp"
#include "registry/regions.hpp"
#include "registry/staff.hpp"

namespace rw::app {

void add_all_routes(Routes& routes) {
  add_system_routes(routes);
  accounts::add_auth_routes(routes);
  accounts::add_user_routes(routes);
  registry::add_region_routes(routes);
  registry::add_organization_routes(routes);
  registry::add_industry_routes(routes);
  registry::add_enterprise_routes(routes);
  registry::add_policy_routes(routes);
  registry::add_staff_routes(routes);
  exchange::add_exchange_routes(routes);
  audit::add_routes(routes);
}

}  // namespace rw::app
