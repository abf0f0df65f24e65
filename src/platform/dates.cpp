#include "platform/dates.hpp"

#include <charconv>
#include <cstdio>

namespace rw {
namespace {

bool read_number(std::string_view text, int& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::optional<std::chrono::year_month_day> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!read_number(text.substr(0, 4), y) || !read_number(text.substr(5, 2), m) ||
      !read_number(text.substr(8, 2), d))
    return std::nullopt;
  std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                                   std::chrono::day(static_cast<unsigned>(d))};
  if (!date.ok() || y < 1900) return std::nullopt;
  return date;
}

std::string format_date(std::chrono::year_month_day date) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return out;
}

std::chrono::year_month_day china_day(std::int64_t unix_seconds) {
  constexpr std::int64_t kChinaOffset = 8 * 3600;
  return std::chrono::sys_days{
      std::chrono::floor<std::chrono::days>(std::chrono::seconds(unix_seconds + kChinaOffset))};
}

std::string china_date(std::int64_t unix_seconds) { return format_date(china_day(unix_seconds)); }

}  // namespace rw
