#pragma once
#include "app/context.hpp"

namespace rw::exchange {

// Spreadsheet imports (/imports/{kind}, their templates) and list exports (/enterprises/export, …).
void add_exchange_routes(app::Routes& routes);

}  // namespace rw::exchange
