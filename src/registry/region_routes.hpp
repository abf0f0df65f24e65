#pragma once
// The routes of administrative regions (region_service.hpp).
#include "api/context.hpp"

namespace rw::registry {

// /regions: list, read, create, rename and delete regions.
void add_region_routes(api::Routes& routes);

}  // namespace rw::registry
