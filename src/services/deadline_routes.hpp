#pragma once
// The routes of deadlines (deadline_service.hpp): the list, an agreed upload date, the sweep on demand.
#include "api/context.hpp"

namespace rw::services {

void add_deadline_routes(api::Routes& routes);

}  // namespace rw::services
