#pragma once
// Chinese working days: Monday–Friday, minus the official holidays, plus the adjusted weekend working
// days (调休) of the State Council's yearly notice. Pure: the arrangements are passed in.
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace rw::calendar {

using Date = std::chrono::year_month_day;

// One year's official arrangement.
struct YearArrangement {
  int year = 0;
  std::set<std::chrono::sys_days> holidays;          // weekdays and weekends off
  std::set<std::chrono::sys_days> working_weekends;  // 调休: Saturdays/Sundays that are working days
  std::string source;                                // the notice, e.g. 国办发明电〔2024〕12号
};

class WorkingCalendar {
 public:
  explicit WorkingCalendar(std::map<int, YearArrangement> years = {});

  bool has_year(int year) const;
  // Years without an arrangement fall back to Monday–Friday.
  bool is_working_day(Date day) const;
  // The day after `from` is day 1; 0 days gives `from` itself. `days` must be >= 0.
  Date add_working_days(Date from, int days) const;
  // Working days in (from, to]: `from` exclusive, `to` inclusive; negative when `to` is before `from`.
  int working_days_between(Date from, Date to) const;
  // A deadline that lands on a non-working day moves to the next working day.
  Date on_or_next_working_day(Date day) const;
  // True when any year touched by [from, to] has no arrangement, so the answer used Monday–Friday.
  bool uses_fallback(Date from, Date to) const;

 private:
  // Working days in (from, to] for from <= to: weekdays by arithmetic, corrected by the two sorted lists
  // below.
  int count_between(std::chrono::sys_days from, std::chrono::sys_days to) const;

  std::map<int, YearArrangement> years_;
  std::vector<std::chrono::sys_days> weekdays_off_;     // holidays falling on Monday–Friday, sorted
  std::vector<std::chrono::sys_days> weekends_worked_;  // 调休 Saturdays/Sundays, sorted
};

}  // namespace rw::calendar
