#pragma once
// A hazard's rectification deadline (set by the agency in working days or as a date; counted from the day the
// enterprise is told), kept on the hazard and on the deadlines board, where the daily sweep reminds before
// and flags after; and the escalation of hazards left overdue (chengdu 6.3.2.3).
#include <nlohmann/json_fwd.hpp>

#include <string>

#include "calendar/working_calendar.hpp"
#include "hazards/hazard_flow.hpp"

namespace rw::hazards {

// Sets the deadline the step gives ({days} or {date}); with none, a notification keeps the one set before
// (working days counted again from today) and needs one. The board's deadline opens once the enterprise is
// told (`notifying`, or the hazard is past `found`).
void apply_deadline(workflow::Move<HazardState>& move, const nlohmann::json& data, bool notifying);
// The hazard is closed: its deadline is met today.
void close_rectification_deadline(workflow::Move<HazardState>& move);

struct EscalationResult {
  int escalated = 0;
  int notifications = 0;
};
// chengdu 6.3.2.3: every open hazard the rules escalate on `today` and not escalated before is recorded as
// escalated to the regulators over the enterprise's region, who are told, as is the agency.
EscalationResult escalate_overdue(db::Connection& db, const calendar::WorkingCalendar& calendar,
                                  calendar::Date today, const std::string& now);

}  // namespace rw::hazards
