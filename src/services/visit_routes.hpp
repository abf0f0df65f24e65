#pragma once
// The routes of visits: scheduling (visit_service.hpp) and the steps of their status machine.
#include "api/context.hpp"

namespace rw::services {

void add_visit_routes(api::Routes& routes);
void add_visit_action_routes(api::Routes& routes);

}  // namespace rw::services
