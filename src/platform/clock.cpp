#include "platform/clock.hpp"

#include <cstdio>
#include <ctime>
#include <fstream>

namespace rw {

Seconds FileClock::now() const {
  std::ifstream in(path_);
  std::string text;
  Seconds t = 0;
  if (in >> text && parse_utc(text, t)) return t;
  return SystemClock().now();
}

std::string format_utc(Seconds t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool parse_utc(const std::string& text, Seconds& out) {
  std::tm tm{};
  int consumed = 0;
  if (text.size() == 10) {
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &consumed) != 3)
      return false;
  } else if (text.size() == 20) {
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                    &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6)
      return false;
  } else {
    return false;
  }
  if (consumed != static_cast<int>(text.size())) return false;
  if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
      tm.tm_min > 59 || tm.tm_sec > 60)
    return false;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  out = timegm(&tm);
  return true;
}

}  // namespace rw
