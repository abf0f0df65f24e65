#pragma once
// The routes of commissions (commission_service.hpp) and of their items' steps.
#include "api/context.hpp"

namespace rw::services {

void add_commission_routes(api::Routes& routes);

}  // namespace rw::services
