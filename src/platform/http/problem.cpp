#include "platform/http/problem.hpp"

#include <nlohmann/json.hpp>

namespace rw::http {

namespace {

struct HttpStatus {
  int code;
  const char* title;
};

// The one place a domain error kind becomes an HTTP status.
HttpStatus http_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::bad_request:
      return {400, "Bad Request"};
    case ErrorKind::unauthenticated:
      return {401, "Unauthorized"};
    case ErrorKind::forbidden:
      return {403, "Forbidden"};
    case ErrorKind::not_found:
      return {404, "Not Found"};
    case ErrorKind::method_not_allowed:
      return {405, "Method Not Allowed"};
    case ErrorKind::conflict:
      return {409, "Conflict"};
    case ErrorKind::payload_too_large:
      return {413, "Payload Too Large"};
    case ErrorKind::unsupported_type:
      return {415, "Unsupported Media Type"};
    case ErrorKind::header_too_large:
      return {431, "Request Header Fields Too Large"};
    case ErrorKind::invalid:
      return {422, "Unprocessable Entity"};
    case ErrorKind::too_many_requests:
      return {429, "Too Many Requests"};
    case ErrorKind::unavailable:
      return {503, "Service Unavailable"};
    case ErrorKind::internal:
      break;
  }
  return {500, "Internal Server Error"};
}

}  // namespace

nlohmann::json field_error_json(const FieldError& e) {
  nlohmann::json out = {
      {"field", e.field}, {"code", e.code}, {"message", e.message}, {"message_en", e.message_en}};
  if (e.row) out["row"] = e.row;
  return out;
}

Response problem_response(const ApiError& error) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : error.errors) errors.push_back(field_error_json(e));
  const auto status = http_status(error.kind);
  nlohmann::json body = {{"type", "/problems/" + error.code},
                         {"title", status.title},
                         {"status", status.code},
                         {"code", error.code},
                         {"detail", error.detail},
                         {"detail_en", error.detail_en},
                         {"errors", errors}};
  for (const auto& [name, json_text] : error.extensions) body[name] = nlohmann::json::parse(json_text);
  Response response = json_response(status.code, body.dump());
  response.content_type = "application/problem+json";
  if (error.retry_after_seconds > 0)
    response.set_header("Retry-After", std::to_string(error.retry_after_seconds));
  return response;
}

Response retry_later_response(ApiError error, std::int64_t seconds) {
  error.retry_after_seconds = seconds;
  return problem_response(error);
}

Response internal_error_response(const std::string& request_id) {
  ApiError error(ErrorKind::internal, "internal_error",
                 "服务器内部错误，请稍后重试（请求编号 " + request_id + "）",
                 "Internal server error; please retry later (request id " + request_id + ")");
  return problem_response(error);
}

}  // namespace rw::http
