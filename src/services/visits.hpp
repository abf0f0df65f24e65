#pragma once
// Visits: scheduling with the staffing rule, and their status machine.
#include "app/context.hpp"

namespace rw::services {

void add_visit_routes(app::Routes& routes);
void add_visit_action_routes(app::Routes& routes);

}  // namespace rw::services
