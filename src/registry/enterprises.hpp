#pragma once
#include "app/context.hpp"

namespace rw::registry {

// /enterprises: list, read, create, change, archive and restore, and the agencies serving each.
void add_enterprise_routes(app::Routes& routes);

}  // namespace rw::registry
