#include "api/context.hpp"

#include "platform/json_input.hpp"

namespace rw::api {

nlohmann::json Context::body() const { return parse_json_object(request.body_bytes()); }

nlohmann::json Context::body_or_empty() const {
  return request.body_bytes().empty() ? nlohmann::json::object() : body();
}

void Context::commit_writes() {
  if (!writes) return;
  writes->commit();
  writes = nullptr;
}

std::int64_t Context::id(std::string_view name) const { return parse_id(params.text(name)); }

http::Response json_ok(const nlohmann::json& body, int status) {
  return http::json_response(status, api_dump(body));
}

http::Response json_ok_with_raw(const JsonWithRaw& body, int status) {
  return http::json_response(status, api_dump(body));
}

http::Response json_after_commit(Context& context, const std::function<nlohmann::json()>& answer,
                                 int status) {
  context.commit_writes();
  const db::Transaction snapshot(context.db, false);
  return json_ok(answer(), status);
}

void Routes::add(const char* method, std::string pattern, std::string permission, Handler handler,
                 BodyCap cap, WriteScope scope) {
  router_.add(method, "/api/v1" + pattern, {std::move(handler), std::move(permission), cap, scope});
}

}  // namespace rw::api
