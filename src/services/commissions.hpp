#pragma once
// Commissions 委托: routes. The items' status machine is commission_flow.hpp.
#include "app/context.hpp"

namespace rw::services {

void add_commission_routes(app::Routes& routes);

}  // namespace rw::services
