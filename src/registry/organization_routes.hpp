#pragma once
// The routes of organizations (organization_service.hpp).
#include "api/context.hpp"

namespace rw::registry {

// /organizations: list, read, create and change organizations.
void add_organization_routes(api::Routes& routes);

}  // namespace rw::registry
