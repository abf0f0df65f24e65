#pragma once
// The routes of the working-day calendar (calendar_service.hpp).
#include "api/context.hpp"

namespace rw::calendar {

// /calendar: the working-day calendar per year (read by everyone, corrected by platform admins) and
// working-day arithmetic for deadlines.
void add_calendar_routes(api::Routes& routes);

}  // namespace rw::calendar
