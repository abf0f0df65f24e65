#pragma once
// When things are due (SPEC §5). Pure: the calendar is passed in.
#include <string>

#include "calendar/working_calendar.hpp"
#include "services/catalog.hpp"

namespace rw::services {

using calendar::Date;
using calendar::WorkingCalendar;

// wuxi §15(二): on-site service within 60 days of accepting a commission. A period that ends on a
// non-working day ends on the next working day, as Chinese law counts periods.
inline constexpr int kCommissionOnSiteDays = 60;
Date commission_on_site_due(const WorkingCalendar& calendar, Date accepted_on);

// wuxi att.1 一(一)7: the insurer reviews within 10 working days of the upload.
inline constexpr int kReviewWorkingDays = 10;

// How a done visit's data upload falls due for one of its service types.
enum class UploadDue {
  none,  // the seed sets no time, or counts it from a later event (wuxi att.1 四 一、: the filing receipt)
  after_visit,  // the type's working days after the visit (wuxi att.1 一(一)7: 5 working days; chengdu 5.3.3:
                // 7)
  // wuxi §14(九), att.1 一(一)7 "除大型企业深度评估以及企业提出的特殊需求外": a large enterprise's deep
  // assessment or screening (the yearly survey types), and any special request, upload by a date the agency
  // agrees with the enterprise and records.
  agreed,
};
UploadDue upload_due(const ServiceRules& type, const std::string& enterprise_scale, bool special_request);
// The basis an agreed upload deadline cites.
inline constexpr const char* kAgreedUploadBasis = "wuxi §14(九); att.1 一(一)7：与企业约定的上传日期";

// Working days from `today` to `due`: positive ahead, 0 on the day, negative once overdue.
int working_days_left(const WorkingCalendar& calendar, Date today, Date due);

}  // namespace rw::services
