#include "accounts/throttle.hpp"

#include <algorithm>

namespace rw::accounts {

std::optional<Seconds> locked_until(std::vector<Seconds> failures, Seconds now,
                                    const ThrottlePolicy& policy) {
  std::sort(failures.begin(), failures.end());
  std::optional<Seconds> until;
  const auto n = static_cast<int>(failures.size());
  // A lock starts at any failure that is the max_failures-th inside one window; the latest such lock counts.
  for (int last = policy.max_failures - 1; last < n; ++last) {
    const Seconds first = failures[last - (policy.max_failures - 1)];
    if (failures[last] - first < policy.window) until = failures[last] + policy.lockout;
  }
  if (until && now < *until) return until;
  return std::nullopt;
}

}  // namespace rw::accounts
