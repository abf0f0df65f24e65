#pragma once
// The routes of insurance policies (policy_service.hpp).
#include "api/context.hpp"

namespace rw::registry {

// /policies: list, read, create, change and delete insurance policies.
void add_policy_routes(api::Routes& routes);

}  // namespace rw::registry
