#include <gtest/gtest.h>

#include "platform/dates.hpp"

TEST(Dates, ParsesOnlyRealCalendarDays) {
  EXPECT_TRUE(rw::parse_date("2024-02-29"));
  EXPECT_FALSE(rw::parse_date("2026-02-29"));
  EXPECT_FALSE(rw::parse_date("2026-13-01"));
  EXPECT_FALSE(rw::parse_date("2026-1-01"));
  EXPECT_FALSE(rw::parse_date("2026-01-01T00:00:00Z"));
  EXPECT_FALSE(rw::parse_date(""));
  EXPECT_EQ(rw::format_date(*rw::parse_date("2026-03-09")), "2026-03-09");
}

TEST(Dates, ChinaDateIsUtcPlusEight) {
  // 2026-11-22T15:59:59Z is 23:59:59 in Beijing; one second later it is the 23rd there.
  EXPECT_EQ(rw::china_date(1795363199), "2026-11-22");
  EXPECT_EQ(rw::china_date(1795363200), "2026-11-23");
}
