#pragma once
// A hazard as the API answers it: the Table 9 record with its deadline (working days left, overdue), plan,
// evidence and acceptance, and the `actions` the caller may take now.
#include <nlohmann/json_fwd.hpp>

#include "calendar/working_calendar.hpp"
#include "platform/db/database.hpp"
#include "workflow/caller.hpp"

namespace rw::hazards {

// From a row of kSelectHazard.
nlohmann::json hazard_json(const db::Row& row, const workflow::Caller& caller,
                           const calendar::WorkingCalendar& calendar, calendar::Date today);

}  // namespace rw::hazards
