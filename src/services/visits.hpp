#pragma once
// Visits: scheduling with the staffing rule, and their status machine.
#include "api/context.hpp"

namespace rw::services {

void add_visit_routes(api::Routes& routes);
void add_visit_action_routes(api::Routes& routes);

}  // namespace rw::services
