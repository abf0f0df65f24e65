#pragma once
#include "api/context.hpp"

namespace rw::envrisk {

// HJ 941-2018 environmental risk level: the substance table, 速算 and the enterprises' assessments.
void add_env_risk_routes(api::Routes& routes);

}  // namespace rw::envrisk
