#include "services/deadline_rules.hpp"

namespace rw::services {

Date commission_on_site_due(const WorkingCalendar& calendar, Date accepted_on) {
  const Date last_day{std::chrono::sys_days(accepted_on) + std::chrono::days(kCommissionOnSiteDays)};
  return calendar.on_or_next_working_day(last_day);
}

UploadDue upload_due(const ServiceRules& type, const std::string& enterprise_scale, bool special_request) {
  if (!type.upload_working_days || type.upload_from != "service_end") return UploadDue::none;
  // The exception is wuxi's; chengdu 5.3.3 gives every service 7 working days without one.
  const bool deep_assessment = enterprise_scale == "large" && type.annual_survey;
  if (type.source == "wuxi" && (deep_assessment || special_request)) return UploadDue::agreed;
  return UploadDue::after_visit;
}

int working_days_left(const WorkingCalendar& calendar, Date today, Date due) {
  return calendar.working_days_between(today, due);
}

}  // namespace rw::services
