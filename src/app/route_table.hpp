#pragma once
#include "api/context.hpp"

namespace rw::app {

// Every capability's routes; the OpenAPI test checks each of them is documented.
void add_all_routes(api::Routes& routes);

}  // namespace rw::app
