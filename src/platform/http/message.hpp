#pragma once
// HTTP request and response as the application sees them, free of Beast so handlers compile fast.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rw::http {

class SpooledBody;  // platform/http/request_body.hpp

struct Request {
  std::string method;  // "GET"
  std::string target;  // "/api/v1/users?limit=5"
  std::string path;    // "/api/v1/users", percent-decoded
  std::map<std::string, std::string> query;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::string body;                                 // a small body (up to the server's spool threshold)
  std::shared_ptr<const SpooledBody> spooled_body;  // or a larger one, in its temporary file
  std::string remote_address;  // the client: the peer, or whom a trusted proxy forwarded for
  std::string peer_address;    // the TCP peer itself (a proxy's address when proxied)
  bool https = false;          // a trusted proxy received it over TLS
  std::string request_id;

  // Header value by lower-case name, or "" when absent.
  std::string header(std::string_view lower_name) const;
  // The body's bytes, wherever they are.
  std::string_view body_bytes() const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::optional<std::string> file_path;  // when set, the body is this file (static assets)
  // The file at file_path was written for this response alone (an export): it is unlinked as soon as it is
  // opened for sending, so it never outlives the response.
  bool remove_file_after_open = false;
  std::optional<std::int64_t> user_id;  // for the access log
  std::string route;                    // the route's pattern, for the access log and metrics

  void set_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

Response json_response(int status, std::string body);
Response no_content();

// Splits a target into a decoded path and query map; false when the percent-encoding is invalid.
bool parse_target(const std::string& target, std::string& path, std::map<std::string, std::string>& query);
bool is_unsafe_method(std::string_view method);

}  // namespace rw::http
