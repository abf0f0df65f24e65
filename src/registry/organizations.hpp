#pragma once
#include "api/context.hpp"

namespace rw::registry {

void add_organization_routes(api::Routes& routes);

}  // namespace rw::registry
