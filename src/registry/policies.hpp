#pragma once
#include "app/context.hpp"

namespace rw::registry {

// /policies: list, read, create and change insurance policies.
void add_policy_routes(app::Routes& routes);

}  // namespace rw::registry
