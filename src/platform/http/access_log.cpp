#include "platform/http/access_log.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <cmath>

#include <nlohmann/json.hpp>

namespace rw::http {
namespace {

std::string path_of(const std::string& target) { return target.substr(0, target.find('?')); }

// 2026-06-01T02:00:00.123Z
std::string utc_millis(std::chrono::system_clock::time_point at) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(at);
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(at - seconds).count();
  return fmt::format("{:%FT%T}.{:03}Z", seconds, millis);
}

}  // namespace

std::string access_line(AccessLog format, const AccessEntry& e) {
  const auto user = e.user_id ? std::to_string(*e.user_id) : "-";
  switch (format) {
    case AccessLog::off:
      return "";
    case AccessLog::text:
      return fmt::format("{} {} {} {}B {:.1f}ms user={} rid={}", e.method, path_of(e.target), e.status,
                         e.bytes, e.milliseconds, user, e.request_id);
    case AccessLog::json:
      break;
  }
  nlohmann::json line = {{"time", utc_millis(e.at)},
                         {"method", e.method},
                         {"path", path_of(e.target)},
                         {"route", e.route},
                         {"status", e.status},
                         {"bytes", e.bytes},
                         {"duration_ms", std::round(e.milliseconds * 10) / 10},
                         {"remote", e.remote},
                         {"user_id", e.user_id ? nlohmann::json(*e.user_id) : nlohmann::json()},
                         {"request_id", e.request_id}};
  // Bytes that are not UTF-8 (a malformed target) are replaced rather than failing the line.
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace rw::http
