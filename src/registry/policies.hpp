#pragma once
#include "api/context.hpp"

namespace rw::registry {

// /policies: list, read, create and change insurance policies.
void add_policy_routes(api::Routes& routes);

}  // namespace rw::registry
