#include "files/exif_text.hpp"

#include <charconv>
#include <chrono>
#include <cmath>
#include <vector>

namespace rw::files {
namespace {

bool read_int(std::string_view text, long long& out) {
  if (text.empty()) return false;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), out);
  return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

std::optional<double> rational(std::string_view text) {
  const auto slash = text.find('/');
  long long numerator = 0, denominator = 1;
  if (slash == std::string_view::npos) {
    if (!read_int(text, numerator)) return std::nullopt;
  } else if (!read_int(text.substr(0, slash), numerator) || !read_int(text.substr(slash + 1), denominator) ||
             denominator == 0) {
    return std::nullopt;
  }
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = std::min(text.find(' ', start), text.size());
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Seconds east of UTC from "+08:00" / "-05:30"; China's +08:00 when absent or malformed.
long long offset_seconds(std::string_view offset) {
  constexpr long long kChina = 8 * 3600;
  long long hours = 0, minutes = 0;
  if (offset.size() != 6 || (offset[0] != '+' && offset[0] != '-') || offset[3] != ':' ||
      !read_int(offset.substr(1, 2), hours) || !read_int(offset.substr(4, 2), minutes) || hours > 14 ||
      minutes > 59)
    return kChina;
  const long long seconds = hours * 3600 + minutes * 60;
  return offset[0] == '-' ? -seconds : seconds;
}

}  // namespace

std::string_view exif_value(std::string_view rendered) {
  const auto paren = rendered.find(" (");
  return paren == std::string_view::npos ? rendered : rendered.substr(0, paren);
}

std::optional<double> gps_degrees(std::string_view rationals, std::string_view reference) {
  const auto parts = words(exif_value(rationals));
  if (parts.size() != 3) return std::nullopt;
  double degrees = 0, scale = 1;
  for (const auto part : parts) {
    const auto value = rational(part);
    if (!value || *value < 0) return std::nullopt;
    degrees += *value / scale;
    scale *= 60;
  }
  const auto ref = exif_value(reference);
  if (ref == "S" || ref == "W") degrees = -degrees;
  if (!std::isfinite(degrees) || std::abs(degrees) > 180) return std::nullopt;
  return degrees;
}

std::optional<Seconds> exif_moment(std::string_view date_time, std::string_view offset) {
  const auto text = exif_value(date_time);
  long long y, mo, d, h, mi, s;
  if (text.size() < 19 || text[4] != ':' || text[7] != ':' || text[10] != ' ' || text[13] != ':' ||
      text[16] != ':' || !read_int(text.substr(0, 4), y) || !read_int(text.substr(5, 2), mo) ||
      !read_int(text.substr(8, 2), d) || !read_int(text.substr(11, 2), h) ||
      !read_int(text.substr(14, 2), mi) || !read_int(text.substr(17, 2), s) || h > 23 || mi > 59 || s > 60)
    return std::nullopt;
  const std::chrono::year_month_day day{std::chrono::year(static_cast<int>(y)),
                                        std::chrono::month(static_cast<unsigned>(mo)),
                                        std::chrono::day(static_cast<unsigned>(d))};
  if (y < 1970 || !day.ok()) return std::nullopt;
  const auto days = std::chrono::sys_days(day).time_since_epoch().count();
  return days * 86400 + h * 3600 + mi * 60 + s - offset_seconds(exif_value(offset));
}

}  // namespace rw::files
