#pragma once
// The one place where domain errors become HTTP problem responses (RFC 9457 problem+json).
#include <nlohmann/json.hpp>

#include "platform/errors.hpp"
#include "platform/http/message.hpp"

namespace rw::http {

Response problem_response(const ApiError& error);
// The same, for a refusal the client may try again after `seconds` (Retry-After): an overloaded server, a
// transaction given up for another's sake, a sign-in lock.
Response retry_later_response(ApiError error, std::int64_t seconds);
// {field, code, message, message_en[, row]}, as problems and import reports list them.
nlohmann::json field_error_json(const FieldError& error);
Response internal_error_response(const std::string& request_id);

}  // namespace rw::http
