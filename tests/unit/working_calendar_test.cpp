// Working-day arithmetic over the shipped 2023–2026 calendars. Every expected date is worked out by hand
// from the State Council notices (the comment above each check says how), not taken from the code.
#include <gtest/gtest.h>

#include "calendar/arrangement.hpp"
#include "calendar/calendar_store.hpp"
#include "platform/dates.hpp"
#include "platform/errors.hpp"

using rw::calendar::Date;
using rw::calendar::WorkingCalendar;

namespace {

Date d(const char* text) { return *rw::parse_date(text); }
std::string text(Date date) { return rw::format_date(date); }

const WorkingCalendar& shipped() {
  static const WorkingCalendar calendar = [] {
    std::map<int, rw::calendar::YearArrangement> years;
    for (const auto& [year, document] : rw::calendar::shipped_years())
      years[year] = rw::calendar::arrangement_of(document);
    return WorkingCalendar(std::move(years));
  }();
  return calendar;
}

std::string add(const char* from, int days) { return text(shipped().add_working_days(d(from), days)); }
int between(const char* from, const char* to) { return shipped().working_days_between(d(from), d(to)); }

}  // namespace

TEST(WorkingCalendar, ShippedFilesLoadAndEveryAdjustedWorkingDayIsAWeekend) {
  const auto& years = rw::calendar::shipped_years();
  ASSERT_EQ(years.size(), 4u);
  for (int year = 2023; year <= 2026; ++year) {
    ASSERT_TRUE(years.count(year)) << year;
    const auto& document = years.at(year);
    EXPECT_NE(document["notice"].get<std::string>().find("国务院办公厅关于" + std::to_string(year) +
                                                         "年部分节假日安排的通知"),
              std::string::npos);
    for (const auto& entry : document["working_days"])
      for (const auto& date : entry["dates"]) {
        const std::chrono::weekday w{std::chrono::sys_days(d(date.get<std::string>().c_str()))};
        EXPECT_TRUE(w == std::chrono::Saturday || w == std::chrono::Sunday) << date;
      }
  }
  // The notices: 2023 lists 6 holidays (元旦 … 中秋国庆), 2024 and 2026 list 7, 2025 lists 6 (国庆中秋
  // together).
  EXPECT_EQ(years.at(2023)["holidays"].size(), 6u);
  EXPECT_EQ(years.at(2024)["holidays"].size(), 7u);
  EXPECT_EQ(years.at(2025)["holidays"].size(), 6u);
  EXPECT_EQ(years.at(2026)["holidays"].size(), 7u);
  // 2023's 元旦 began on Saturday 2022-12-31; only the 2023 days belong to 2023.
  EXPECT_EQ(years.at(2023)["holidays"][0]["dates"], nlohmann::json({"2023-01-01", "2023-01-02"}));
}

// 2024 春节: off Sat 02-10 … Sat 02-17; worked Sun 02-04 and Sun 02-18.
TEST(WorkingCalendar, SpringFestival2024) {
  const auto& c = shipped();
  EXPECT_TRUE(c.is_working_day(d("2024-02-04")));   // a Sunday, 调休
  EXPECT_FALSE(c.is_working_day(d("2024-02-03")));  // an ordinary Saturday
  EXPECT_TRUE(c.is_working_day(d("2024-02-09")));   // 除夕, a Friday, not in the notice
  EXPECT_FALSE(c.is_working_day(d("2024-02-12")));  // a Monday of the holiday
  EXPECT_TRUE(c.is_working_day(d("2024-02-18")));   // a Sunday, 调休
  // From Thu 02-08: Fri 02-09 is day 1, then eight days off, Sun 02-18 is day 2, Mon 02-19 day 3.
  EXPECT_EQ(add("2024-02-08", 1), "2024-02-09");
  EXPECT_EQ(add("2024-02-08", 2), "2024-02-18");
  EXPECT_EQ(add("2024-02-08", 3), "2024-02-19");
  EXPECT_EQ(between("2024-02-08", "2024-02-19"), 3);
}

// 2025 春节: off Tue 01-28 … Tue 02-04; worked Sun 01-26 and Sat 02-08.
TEST(WorkingCalendar, SpringFestival2025) {
  // From Fri 01-24: Sat 01-25 off, Sun 01-26 day 1, Mon 01-27 day 2, then off until Wed 02-05, day 3.
  EXPECT_EQ(add("2025-01-24", 1), "2025-01-26");
  EXPECT_EQ(add("2025-01-24", 2), "2025-01-27");
  EXPECT_EQ(add("2025-01-24", 3), "2025-02-05");
  // In (01-24, 02-09]: 01-26, 01-27, 02-05, 02-06, 02-07 and Sat 02-08; Sun 02-09 is off.
  EXPECT_EQ(between("2025-01-24", "2025-02-09"), 6);
}

// 2026 春节: off Sun 02-15 … Mon 02-23 (nine days); worked Sat 02-14 and Sat 02-28.
TEST(WorkingCalendar, SpringFestival2026) {
  const auto& c = shipped();
  EXPECT_TRUE(c.is_working_day(d("2026-02-14")));
  EXPECT_FALSE(c.is_working_day(d("2026-02-17")));
  EXPECT_FALSE(c.is_working_day(d("2026-02-23")));
  EXPECT_TRUE(c.is_working_day(d("2026-02-28")));
  // From Thu 02-12: Fri 02-13 day 1, Sat 02-14 day 2, then nine days off, Tue 02-24 day 3.
  EXPECT_EQ(add("2026-02-12", 2), "2026-02-14");
  EXPECT_EQ(add("2026-02-12", 3), "2026-02-24");
  // February 2026 (Feb 1 is a Sunday): 20 weekdays in (02-01, 02-28], minus the six holiday weekdays
  // 02-16 … 02-20 and 02-23, plus the two working Saturdays: 16.
  EXPECT_EQ(between("2026-02-01", "2026-02-28"), 16);
}

// 2024 国庆: off Tue 10-01 … Mon 10-07; worked Sun 09-29 and Sat 10-12.
TEST(WorkingCalendar, NationalDay2024) {
  // From Fri 09-27: Sat 09-28 off, Sun 09-29 day 1, Mon 09-30 day 2, Tue 10-08 day 3.
  EXPECT_EQ(add("2024-09-27", 1), "2024-09-29");
  EXPECT_EQ(add("2024-09-27", 2), "2024-09-30");
  EXPECT_EQ(add("2024-09-27", 3), "2024-10-08");
  // In (09-30, 10-12]: 10-08 … 10-11 and Sat 10-12.
  EXPECT_EQ(between("2024-09-30", "2024-10-12"), 5);
}

// 2025 国庆中秋: off Wed 10-01 … Wed 10-08; worked Sun 09-28 and Sat 10-11.
TEST(WorkingCalendar, NationalDay2025) {
  // In (Fri 09-26, Sun 10-12]: Sun 09-28, Mon 09-29, Tue 09-30, Thu 10-09, Fri 10-10, Sat 10-11.
  EXPECT_EQ(between("2025-09-26", "2025-10-12"), 6);
  EXPECT_EQ(between("2025-10-12", "2025-09-26"), -6);
  EXPECT_EQ(between("2025-10-01", "2025-10-08"), 0);
}

// 2026 国庆: off Thu 10-01 … Wed 10-07; worked Sun 09-20 and Sat 10-10. 中秋 Fri 09-25 … Sun 09-27.
TEST(WorkingCalendar, NationalDay2026) {
  const auto& c = shipped();
  EXPECT_TRUE(c.is_working_day(d("2026-09-20")));
  EXPECT_FALSE(c.is_working_day(d("2026-09-25")));
  // From Wed 09-30: off until Thu 10-08 (day 1), Fri 10-09 (2), Sat 10-10 (3), Mon 10-12 (4), Tue 10-13 (5).
  EXPECT_EQ(add("2026-09-30", 5), "2026-10-13");
  // From Thu 09-24: Fri 09-25 … Sun 09-27 off, Mon 09-28 is day 1.
  EXPECT_EQ(add("2026-09-24", 1), "2026-09-28");
}

TEST(WorkingCalendar, ZeroDaysIsTheStartItself) {
  EXPECT_EQ(add("2026-02-17", 0), "2026-02-17");
  EXPECT_EQ(between("2026-02-17", "2026-02-17"), 0);
}

TEST(WorkingCalendar, ADeadlineOnANonWorkingDayMovesToTheNextWorkingDay) {
  const auto& c = shipped();
  EXPECT_EQ(text(c.on_or_next_working_day(d("2025-10-03"))), "2025-10-09");  // in the 10-01 … 10-08 holiday
  EXPECT_EQ(text(c.on_or_next_working_day(d("2025-10-11"))), "2025-10-11");  // a working Saturday stays
  EXPECT_EQ(text(c.on_or_next_working_day(d("2025-10-12"))), "2025-10-13");  // an ordinary Sunday
  EXPECT_EQ(text(c.on_or_next_working_day(d("2026-02-17"))), "2026-02-24");
  EXPECT_EQ(text(c.on_or_next_working_day(d("2026-03-02"))), "2026-03-02");
}

TEST(WorkingCalendar, SpansAcrossYears) {
  const auto& c = shipped();
  // Wed 2025-12-31: 2026-01-01 … 01-03 off, Sun 01-04 worked (1), Mon 01-05 (2), Tue 01-06 (3).
  EXPECT_EQ(add("2025-12-31", 3), "2026-01-06");
  EXPECT_FALSE(c.uses_fallback(d("2025-12-31"), d("2026-01-06")));
  // Fri 2023-12-29 to Tue 2024-01-02: the weekend and 元旦 (Mon) are off; only 01-02 counts.
  EXPECT_EQ(between("2023-12-29", "2024-01-02"), 1);
  // Whole years. 2026 starts on a Thursday: 261 weekdays, 19 of them holidays, 6 working weekends: 248.
  // 2024 (leap, starts on a Monday): 262 weekdays, 19 holidays, 8 working weekends: 251.
  EXPECT_EQ(between("2025-12-31", "2026-12-31"), 248);
  EXPECT_EQ(between("2023-12-31", "2024-12-31"), 251);
  // 2027 has no data yet: Fri 2027-01-01 counts as a weekday, and the answer says so.
  EXPECT_EQ(add("2026-12-31", 1), "2027-01-01");
  EXPECT_TRUE(c.uses_fallback(d("2026-12-31"), d("2027-01-01")));
}

TEST(WorkingCalendar, AYearWithoutDataFallsBackToMondayToFriday) {
  const auto& c = shipped();
  EXPECT_FALSE(c.has_year(2031));
  EXPECT_TRUE(c.has_year(2026));
  EXPECT_TRUE(c.uses_fallback(d("2031-01-01"), d("2031-01-01")));
  // 2031-01-01 is a Wednesday: a working day without data, 元旦 or not.
  EXPECT_TRUE(c.is_working_day(d("2031-01-01")));
  EXPECT_FALSE(c.is_working_day(d("2031-01-04")));  // Saturday
  // Thu 01-02 (1), Fri 01-03 (2), Mon 01-06 (3), Tue 01-07 (4), Wed 01-08 (5).
  EXPECT_EQ(add("2031-01-01", 5), "2031-01-08");
  // 2031 starts on a Wednesday and has 365 days: 52 weeks and one more Wednesday, 261 weekdays.
  EXPECT_EQ(between("2030-12-31", "2031-12-31"), 261);
  // An empty calendar is all fallback.
  WorkingCalendar none;
  EXPECT_EQ(text(none.add_working_days(d("2026-09-30"), 5)), "2026-10-07");
  EXPECT_TRUE(none.uses_fallback(d("2026-01-01"), d("2026-01-01")));
}

// The counting shortcuts agree with walking the days one by one, for every start from late 2022 to early
// 2027 (holidays, 调休 and fallback years alike).
TEST(WorkingCalendar, CountingAgreesWithWalkingDayByDay) {
  const auto& c = shipped();
  using std::chrono::days;
  using std::chrono::sys_days;
  for (sys_days start = sys_days(d("2022-12-01")); start < sys_days(d("2027-02-01")); start += days(1)) {
    sys_days walked = start;
    int counted = 0;
    for (int n : {1, 2, 3, 5, 7, 10, 30, 60}) {
      while (counted < n) {
        walked += days(1);
        if (c.is_working_day(Date(walked))) ++counted;
      }
      ASSERT_EQ(text(c.add_working_days(Date(start), n)), text(Date(walked)))
          << text(Date(start)) << " + " << n;
      ASSERT_EQ(c.working_days_between(Date(start), Date(walked)), n);
    }
  }
}

TEST(WorkingCalendar, UploadsAreCheckedDateByDate) {
  auto errors_of = [](const nlohmann::json& document) {
    try {
      rw::calendar::checked_arrangement(document, 2026);
    } catch (const rw::ApiError& e) {
      std::vector<std::string> out;
      for (const auto& f : e.errors) out.push_back(f.field + ":" + f.code);
      return out;
    }
    return std::vector<std::string>{};
  };
  using Codes = std::vector<std::string>;
  const nlohmann::json good = {{"notice", "更正"},
                               {"holidays", {{{"name", "春节"}, {"dates", {"2026-02-16", "2026-02-15"}}}}},
                               {"working_days", {{{"name", "春节"}, {"dates", {"2026-02-14"}}}}}};
  EXPECT_EQ(errors_of(good), Codes{});
  EXPECT_EQ(rw::calendar::checked_arrangement(good, 2026)["holidays"][0]["dates"],
            nlohmann::json({"2026-02-15", "2026-02-16"}));  // sorted
  auto bad = good;
  bad["year"] = 2025;
  bad["holidays"][0]["dates"] = {"2026-02-30", "2025-10-01", "2026-02-15", "2026-02-15", 20260217};
  bad["working_days"][0]["dates"] = {"2026-02-15", "2026-02-17"};  // a holiday (Sunday); a Tuesday
  EXPECT_EQ(
      errors_of(bad),
      (Codes{"year:year_mismatch", "holidays[0].dates[0]:invalid_date", "holidays[0].dates[1]:wrong_year",
             "holidays[0].dates[3]:duplicate_date", "holidays[0].dates[4]:invalid_date",
             "working_days[0].dates[0]:holiday_and_working_day", "working_days[0].dates[1]:not_weekend"}));
  EXPECT_EQ(errors_of({{"holidays", nlohmann::json::array()}}),
            (Codes{"notice:required", "working_days:required"}));
}
