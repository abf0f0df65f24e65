#pragma once
// Deadlines as stored: opened when an obligation starts, closed when it is met or falls away, listed
// for everyone who may see the object, flagged overdue by the daily sweep.
#include <cstdint>
#include <optional>
#include <string>

#include "api/context.hpp"
#include "calendar/working_calendar.hpp"

namespace rw::services {

struct NewDeadline {
  std::string kind;         // commission_on_site | data_upload | report_review
  std::string object_type;  // commission_item | visit
  std::int64_t object_id = 0;
  std::optional<std::int64_t> service_type_version_id;
  std::int64_t enterprise_id = 0;
  std::int64_t responsible_org_id = 0;
  std::optional<std::int64_t> watcher_org_id;
  std::string starts_on;
  std::string due_on;
  int amount = 0;
  std::string unit;  // working_days | calendar_days
  std::string basis;
};

void open_deadline(db::Connection& db, const NewDeadline& deadline, const std::string& now);
// Closes the open deadlines of `kind` on the object: status met (on `on`) or cancelled.
void close_deadlines(db::Connection& db, const std::string& object_type, std::int64_t object_id,
                     const std::string& kind, const std::string& status, const std::string& on);

// What the daily sweep did.
struct SweepResult {
  int marked_overdue = 0;
  int reminders = 0;
  int notifications = 0;
};
// Flags open deadlines past due as overdue and notifies the responsible people once per deadline;
// reminds them once when a deadline is due within 2 working days.
SweepResult sweep_deadlines(db::Connection& db, const calendar::WorkingCalendar& calendar,
                            calendar::Date today, const std::string& now);

void add_deadline_routes(api::Routes& routes);

}  // namespace rw::services
