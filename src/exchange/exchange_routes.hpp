#pragma once
#include "api/context.hpp"

namespace rw::exchange {

// Spreadsheet imports (/imports/{kind}, their templates) and list exports (/enterprises/export, …).
void add_exchange_routes(api::Routes& routes);

}  // namespace rw::exchange
