#include "platform/errors.hpp"

namespace rw {

ApiError not_found() {
  return {ErrorKind::not_found, "not_found", "资源不存在", "The resource does not exist"};
}

ApiError forbidden() {
  return {ErrorKind::forbidden, "forbidden", "没有执行此操作的权限", "You are not allowed to do this"};
}

ApiError unauthenticated() {
  return {ErrorKind::unauthenticated, "unauthenticated", "请先登录", "Please sign in"};
}

ApiError bad_request(std::string code, std::string detail, std::string detail_en) {
  return {ErrorKind::bad_request, std::move(code), std::move(detail), std::move(detail_en)};
}

ApiError conflict(std::string code, std::string detail, std::string detail_en) {
  return {ErrorKind::conflict, std::move(code), std::move(detail), std::move(detail_en)};
}

ApiError validation_failed(std::vector<FieldError> errors) {
  return {ErrorKind::invalid, "validation_failed", "提交的数据有误，请检查标出的字段",
          "Some fields are invalid", std::move(errors)};
}

ApiError invalid_field(std::string field, std::string code, std::string message, std::string message_en) {
  return validation_failed({{std::move(field), std::move(code), std::move(message), std::move(message_en)}});
}

}  // namespace rw
