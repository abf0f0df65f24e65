#include "services/deadline_rules.hpp"

namespace rw::services {

Date commission_on_site_due(const WorkingCalendar& calendar, Date accepted_on) {
  const Date last_day{std::chrono::sys_days(accepted_on) + std::chrono::days(kCommissionOnSiteDays)};
  return calendar.on_or_next_working_day(last_day);
}

int working_days_left(const WorkingCalendar& calendar, Date today, Date due) {
  return calendar.working_days_between(today, due);
}

}  // namespace rw::services
