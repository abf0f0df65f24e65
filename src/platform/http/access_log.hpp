#pragma once
// The access log's line for one answered request. The query string is left out (a search can carry names
// and phone numbers), and so are headers and bodies: never a token or a cookie.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "platform/http/server.hpp"

namespace rw::http {

struct AccessEntry {
  std::chrono::system_clock::time_point at;
  std::string method;
  std::string target;  // as sent; the query string is cut off here
  std::string route;   // the route's pattern, "" when none matched
  int status = 0;
  std::size_t bytes = 0;
  double milliseconds = 0;
  std::string remote;  // the client, after the trusted proxies' X-Forwarded-For
  std::optional<std::int64_t> user_id;
  std::string request_id;
};

// "" for AccessLog::off.
std::string access_line(AccessLog format, const AccessEntry& entry);

}  // namespace rw::http
