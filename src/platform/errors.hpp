#pragma once
// Domain errors: the one exception type every capability throws for an expected failure.
// http/problem.cpp is the only place that turns them into HTTP responses.
#include <stdexcept>
#include <string>
#include <vector>

namespace rw {

struct FieldError {
  std::string field;
  std::string code;
  std::string message;     // Chinese
  std::string message_en;  // English
};

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, std::string detail, std::string detail_en,
           std::vector<FieldError> errors = {})
      : std::runtime_error(code),
        status(status),
        code(std::move(code)),
        detail(std::move(detail)),
        detail_en(std::move(detail_en)),
        errors(std::move(errors)) {}

  int status;
  std::string code;
  std::string detail;
  std::string detail_en;
  std::vector<FieldError> errors;
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
