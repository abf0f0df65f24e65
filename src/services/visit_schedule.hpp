#pragma once
// What a visit may be scheduled for: an enterprise the agency serves by an accepted commission item or by a
// plan the enterprise agreed (wuxi §14(二)(三), chengdu 5.3.1), only the service types asked for there,
// and not on a day already past. A non-working day is allowed, with a warning.
#include <vector>

#include "calendar/working_calendar.hpp"
#include "registry/staffing_rule.hpp"
#include "services/visit_team.hpp"

namespace rw::services {

// What changed in a save: a create checks everything, an update what it changes.
struct ScheduleChange {
  bool types = true;
  bool date = true;
};

// Adds a field error for each scheduling rule the visit breaks: enterprise_id not_commissioned,
// service_type_ids[i] not_commissioned_type, planned_on in_the_past.
void check_schedule(db::Connection& db, const VisitInput& input, calendar::Date today, ScheduleChange change,
                    Fields& fields);

// The day is not a working day (weekend, holiday), or its year has no holiday data so the answer is
// Monday–Friday only.
std::vector<registry::UnmetRule> schedule_warnings(const calendar::WorkingCalendar& calendar,
                                                   const VisitInput& input);

}  // namespace rw::services
