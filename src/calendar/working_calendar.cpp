#include "calendar/working_calendar.hpp"

#include <algorithm>
#include <stdexcept>

namespace rw::calendar {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

bool is_weekend(sys_days day) {
  const std::chrono::weekday w(day);
  return w == std::chrono::Saturday || w == std::chrono::Sunday;
}

int year_of(sys_days day) { return static_cast<int>(Date(day).year()); }

// Monday–Friday days before `day`, counted from Monday 1969-12-29 (1970-01-01 was a Thursday).
long long weekdays_before(sys_days day) {
  const long long n = day.time_since_epoch().count() + 3;
  const long long weeks = n >= 0 ? n / 7 : (n - 6) / 7;
  return weeks * 5 + std::min(n - weeks * 7, 5LL);
}

// Entries of the sorted `list` in (from, to].
long long count_in(const std::vector<sys_days>& list, sys_days from, sys_days to) {
  return std::upper_bound(list.begin(), list.end(), to) - std::upper_bound(list.begin(), list.end(), from);
}

}  // namespace

WorkingCalendar::WorkingCalendar(std::map<int, YearArrangement> years) : years_(std::move(years)) {
  for (const auto& [year, arrangement] : years_) {
    // A date outside its arrangement's year would make a year without data half-official; leave it out.
    for (auto day : arrangement.working_weekends)
      if (year_of(day) == year && is_weekend(day)) weekends_worked_.push_back(day);
    for (auto day : arrangement.holidays)
      if (year_of(day) == year && !is_weekend(day) && !arrangement.working_weekends.count(day))
        weekdays_off_.push_back(day);
  }
  // The map iterates years in order and each set is sorted, so both lists already are.
}

bool WorkingCalendar::has_year(int year) const { return years_.count(year) > 0; }

bool WorkingCalendar::is_working_day(Date day) const {
  const sys_days d(day);
  if (is_weekend(d)) return std::binary_search(weekends_worked_.begin(), weekends_worked_.end(), d);
  return !std::binary_search(weekdays_off_.begin(), weekdays_off_.end(), d);
}

int WorkingCalendar::count_between(sys_days from, sys_days to) const {
  const auto weekdays = weekdays_before(to + days(1)) - weekdays_before(from + days(1));
  return static_cast<int>(weekdays - count_in(weekdays_off_, from, to) +
                          count_in(weekends_worked_, from, to));
}

int WorkingCalendar::working_days_between(Date from, Date to) const {
  const sys_days a(from), b(to);
  return a <= b ? count_between(a, b) : -count_between(b, a);
}

Date WorkingCalendar::add_working_days(Date from, int count) const {
  if (count < 0) throw std::invalid_argument("add_working_days: the number of days must be >= 0");
  if (count == 0) return from;
  const sys_days start(from);
  // The answer is the first day whose count reaches `count`. Counting costs a few binary searches, so
  // widen a window until it holds the answer, then bisect it: O(log² n) instead of a walk over the days.
  days below(0), above(count + count / 2 + 16);  // count(below) < count <= count(above)
  while (count_between(start, start + above) < count) {
    below = above;
    above *= 2;
  }
  while (above - below > days(1)) {
    const auto middle = below + (above - below) / 2;
    if (count_between(start, start + middle) < count)
      below = middle;
    else
      above = middle;
  }
  return Date(start + above);
}

Date WorkingCalendar::on_or_next_working_day(Date day) const {
  // The first working day after the day before.
  return add_working_days(Date(sys_days(day) - days(1)), 1);
}

bool WorkingCalendar::uses_fallback(Date from, Date to) const {
  const int first = static_cast<int>(std::min(from, to).year());
  const int last = static_cast<int>(std::max(from, to).year());
  const auto known = std::distance(years_.lower_bound(first), years_.upper_bound(last));
  return known != last - first + 1;
}

}  // namespace rw::calendar
