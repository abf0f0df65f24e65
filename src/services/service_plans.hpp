#pragma once
// Service plans 服务方案 per enterprise and year, following chengdu App. C's template.
#include "api/context.hpp"

namespace rw::services {

void add_plan_routes(api::Routes& routes);

}  // namespace rw::services
