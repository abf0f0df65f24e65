#pragma once
// Commissions 委托: routes. The items' status machine is commission_flow.hpp.
#include "api/context.hpp"

namespace rw::services {

void add_commission_routes(api::Routes& routes);

}  // namespace rw::services
