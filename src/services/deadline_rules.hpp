#pragma once
// When things are due (SPEC §5). Pure: the calendar is passed in.
#include "calendar/working_calendar.hpp"

namespace rw::services {

using calendar::Date;
using calendar::WorkingCalendar;

// wuxi §15(二): on-site service within 60 days of accepting a commission. A period that ends on a
// non-working day ends on the next working day, as Chinese law counts periods.
inline constexpr int kCommissionOnSiteDays = 60;
Date commission_on_site_due(const WorkingCalendar& calendar, Date accepted_on);

// wuxi att.1 一(一)7: the insurer reviews within 10 working days of the upload.
inline constexpr int kReviewWorkingDays = 10;

// Working days from `today` to `due`: positive ahead, 0 on the day, negative once overdue.
int working_days_left(const WorkingCalendar& calendar, Date today, Date due);

}  // namespace rw::services
