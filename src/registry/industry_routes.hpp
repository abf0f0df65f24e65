#pragma once
// The route of the industry table (industry_service.hpp).
#include "api/context.hpp"

namespace rw::registry {

// GET /industries: the table, the children of ?parent= or the classes matching ?q=.
void add_industry_routes(api::Routes& routes);

}  // namespace rw::registry
