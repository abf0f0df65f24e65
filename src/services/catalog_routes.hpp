#pragma once
// The routes of the service catalog (catalog_service.hpp).
#include "api/context.hpp"

namespace rw::services {

// /service-classes and /service-types: every signed-in user reads the catalog; platform admins edit it,
// each change of a type's rules making a new version.
void add_catalog_routes(api::Routes& routes);

}  // namespace rw::services
