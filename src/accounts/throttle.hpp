#pragma once
// Login throttling rule: after 5 failed logins for one username within 15 minutes, that username is
// locked for 15 minutes from the fifth failure. Pure, so the time rules are unit-tested.
#include <optional>
#include <vector>

#include "platform/clock.hpp"

namespace rw::accounts {

struct ThrottlePolicy {
  int max_failures = 5;
  Seconds window = 15 * 60;
  Seconds lockout = 15 * 60;
  // Failures older than this cannot matter any more.
  Seconds horizon() const { return window + lockout; }
};

// `failures`: times of failed attempts (any order). Returns the end of the lock if `now` is locked.
std::optional<Seconds> locked_until(std::vector<Seconds> failures, Seconds now,
                                    const ThrottlePolicy& policy = {});

}  // namespace rw::accounts
