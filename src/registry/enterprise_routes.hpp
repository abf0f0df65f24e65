#pragma once
#include "api/context.hpp"

namespace rw::registry {

// /enterprises: list, read, create, change, archive and restore, and the agencies serving each.
void add_enterprise_routes(api::Routes& routes);

}  // namespace rw::registry
