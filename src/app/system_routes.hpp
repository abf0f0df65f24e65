#pragma once
#include "app/context.hpp"

namespace rw::app {

// /health, /openapi.json, /dictionaries.
void add_system_routes(Routes& routes);

}  // namespace rw::app
