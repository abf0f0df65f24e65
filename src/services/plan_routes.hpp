#pragma once
// The routes of service plans (plan_service.hpp) and of their steps.
#include "api/context.hpp"

namespace rw::services {

void add_plan_routes(api::Routes& routes);

}  // namespace rw::services
