#pragma once
// Domain errors: the one exception type every capability throws for an expected failure.
// http/problem.cpp is the only place that turns them into HTTP responses.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace rw {

struct FieldError {
  std::string field;
  std::string code;
  std::string message;     // Chinese
  std::string message_en;  // English
  std::size_t row = 0;     // the row of an imported file, when the error is about one
};

// What went wrong, in the domain's terms. http/problem.cpp alone maps each kind to an HTTP status.
enum class ErrorKind {
  bad_request,         // the request cannot be read (malformed JSON, bad URL)
  unauthenticated,     // no valid session
  forbidden,           // signed in, but not allowed to do this
  not_found,           // absent, or invisible to the caller
  method_not_allowed,  // the path exists, the method does not
  conflict,            // the object's state does not allow it (a transition, a duplicate)
  payload_too_large,   // the body is over a limit
  unsupported_type,    // the body is a kind of file the endpoint does not take (sniffed from its bytes)
  header_too_large,    // the request's headers are over the limit
  invalid,             // fields fail their rules (with the field errors)
  too_many_requests,   // throttled
  unavailable,         // the server cannot take it now (busy); the client may retry later
  internal,            // a failure of ours; the details go to the log, not to the client
};

class ApiError : public std::runtime_error {
 public:
  ApiError(ErrorKind kind, std::string code, std::string detail, std::string detail_en,
           std::vector<FieldError> errors = {})
      : std::runtime_error(code),
        kind(kind),
        code(std::move(code)),
        detail(std::move(detail)),
        detail_en(std::move(detail_en)),
        errors(std::move(errors)) {}

  ErrorKind kind;
  std::string code;
  std::string detail;
  std::string detail_en;
  std::vector<FieldError> errors;
  // Extra problem members as name → JSON text, e.g. an import's full report.
  std::vector<std::pair<std::string, std::string>> extensions;
  // Above 0: when the client may try again, in seconds (the answer's Retry-After).
  std::int64_t retry_after_seconds = 0;
};

ApiError not_found();
ApiError forbidden();
ApiError unauthenticated();
ApiError bad_request(std::string code, std::string detail, std::string detail_en);
ApiError conflict(std::string code, std::string detail, std::string detail_en);
ApiError validation_failed(std::vector<FieldError> errors);
// A single invalid field, e.g. a domain rule found after parsing.
ApiError invalid_field(std::string field, std::string code, std::string message, std::string message_en);

}  // namespace rw
