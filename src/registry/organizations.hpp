#pragma once
#include "app/context.hpp"

namespace rw::registry {

void add_organization_routes(app::Routes& routes);

}  // namespace rw::registry
