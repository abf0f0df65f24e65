#include <gtest/gtest.h>

#include "accounts/throttle.hpp"

using rw::accounts::locked_until;

namespace {
constexpr rw::Seconds kMinute = 60;
constexpr rw::Seconds t0 = 1'700'000'000;
}  // namespace

TEST(Throttle, FourFailuresDoNotLock) { EXPECT_FALSE(locked_until({t0, t0 + 1, t0 + 2, t0 + 3}, t0 + 4)); }

TEST(Throttle, FifthFailureWithinWindowLocksForFifteenMinutes) {
  std::vector<rw::Seconds> failures = {t0, t0 + kMinute, t0 + 2 * kMinute, t0 + 3 * kMinute,
                                       t0 + 14 * kMinute};
  auto until = locked_until(failures, t0 + 14 * kMinute + 1);
  ASSERT_TRUE(until);
  EXPECT_EQ(*until, t0 + 29 * kMinute);
  EXPECT_TRUE(locked_until(failures, t0 + 29 * kMinute - 1));
  EXPECT_FALSE(locked_until(failures, t0 + 29 * kMinute));  // the lock has run out
}

TEST(Throttle, FailuresSpreadBeyondTheWindowDoNotLock) {
  // Five failures, but never five inside one 15-minute window.
  std::vector<rw::Seconds> failures = {t0, t0 + 4 * kMinute, t0 + 8 * kMinute, t0 + 12 * kMinute,
                                       t0 + 15 * kMinute};
  EXPECT_FALSE(locked_until(failures, t0 + 16 * kMinute));
}

TEST(Throttle, OrderOfFailuresDoesNotMatter) {
  std::vector<rw::Seconds> failures = {t0 + 4, t0, t0 + 2, t0 + 3, t0 + 1};
  auto until = locked_until(failures, t0 + 5);
  ASSERT_TRUE(until);
  EXPECT_EQ(*until, t0 + 4 + 15 * kMinute);
}

TEST(Throttle, PolicyIsConfigurable) {
  rw::accounts::ThrottlePolicy strict{3, 60, 600};
  EXPECT_TRUE(locked_until({t0, t0 + 10, t0 + 20}, t0 + 30, strict));
  EXPECT_FALSE(locked_until({t0, t0 + 10, t0 + 70}, t0 + 80, strict));
}
