#include "platform/http/problem.hpp"

#include <nlohmann/json.hpp>

namespace rw::http {

std::string reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Error";
  }
}

static int http_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::bad_request:
      return 400;
    case ErrorKind::unauthenticated:
      return 401;
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::method_not_allowed:
      return 405;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::payload_too_large:
      return 413;
    case ErrorKind::invalid:
      return 422;
    case ErrorKind::too_many_requests:
      return 429;
    case ErrorKind::internal:
      return 500;
  }
  return 500;
}

nlohmann::json field_error_json(const FieldError& e) {
  nlohmann::json out = {
      {"field", e.field}, {"code", e.code}, {"message", e.message}, {"message_en", e.message_en}};
  if (e.row) out["row"] = e.row;
  return out;
}

Response problem_response(const ApiError& error) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : error.errors) errors.push_back(field_error_json(e));
  const int status = http_status(error.kind);
  nlohmann::json body = {{"type", "/problems/" + error.code},
                         {"title", reason_phrase(status)},
                         {"status", status},
                         {"code", error.code},
                         {"detail", error.detail},
                         {"detail_en", error.detail_en},
                         {"errors", errors}};
  for (const auto& [name, json_text] : error.extensions) body[name] = nlohmann::json::parse(json_text);
  Response response = json_response(status, body.dump());
  response.content_type = "application/problem+json";
  return response;
}

Response internal_error_response(const std::string& request_id) {
  ApiError error(ErrorKind::internal, "internal_error",
                 "服务器内部错误，请稍后重试（请求编号 " + request_id + "）",
                 "Internal server error; please retry later (request id " + request_id + ")");
  return problem_response(error);
}

}  // namespace rw::http
