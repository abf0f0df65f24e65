#pragma once
#include "api/context.hpp"

namespace rw::app {

// /health, /openapi.json, /dictionaries.
void add_system_routes(api::Routes& routes);

}  // namespace rw::app
