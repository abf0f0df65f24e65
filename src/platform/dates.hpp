#pragma once
// Calendar dates as the API carries them: "YYYY-MM-DD" text.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rw {

// The date when `text` is exactly YYYY-MM-DD and a real calendar day (no 2026-02-30).
std::optional<std::chrono::year_month_day> parse_date(std::string_view text);
std::string format_date(std::chrono::year_month_day date);
// The calendar date in China (UTC+8, no daylight saving) at Unix time `t`: deadlines and policy
// periods are Chinese dates.
std::string china_date(std::int64_t unix_seconds);
std::chrono::year_month_day china_day(std::int64_t unix_seconds);

}  // namespace rw
