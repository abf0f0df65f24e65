#pragma once
// Deadlines 期限 as each caller may see them, the upload date an agency agrees with an enterprise, and the
// daily sweep that flags what is overdue and reminds what is due soon.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>

#include "accounts/operation.hpp"
#include "calendar/working_calendar.hpp"

namespace rw::services {

// One page of the deadlines the actor may see (filters: deadline_filter; limit and offset).
nlohmann::json list_deadlines(const accounts::Operation& op, const std::map<std::string, std::string>& query);

// The agency records the upload date ({"due_on"}) it agreed with the enterprise for a large enterprise's
// deep assessment or a special request, which opens (or moves) the visit's upload deadlines: {items}.
nlohmann::json set_upload_due(const accounts::Operation& op, std::int64_t visit_id,
                              const nlohmann::json& fields);

// What the daily sweep did.
struct SweepResult {
  int marked_overdue = 0;
  int reminders = 0;
  int notifications = 0;
  int escalations = 0;  // hazards escalated to regulators (hazards/hazard_deadlines.hpp)
};
// Flags open deadlines past due as overdue and notifies the responsible people once per deadline;
// reminds them once when a deadline is due within 2 working days; escalates hazards left overdue.
SweepResult sweep_deadlines(db::Connection& db, const calendar::WorkingCalendar& calendar,
                            calendar::Date today, const std::string& now);
// The sweep as of the operation's clock.
SweepResult sweep_deadlines_now(const accounts::Operation& op);

}  // namespace rw::services
