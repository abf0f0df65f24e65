#include "accounts/user_routes.hpp"

#include "accounts/password_policy.hpp"
#include "accounts/user_service.hpp"

namespace rw::accounts {
namespace {

http::Response list(api::Context& context) {
  return api::json_ok(list_users(context.op(), context.request.query));
}

http::Response get(api::Context& context) { return api::json_ok(get_user(context.op(), context.id())); }

http::Response create(api::Context& context) {
  return api::json_ok(create_user(context.op(), context.body()), 201);
}

http::Response update(api::Context& context) {
  const auto id = context.id();
  return api::json_ok(update_user(context.op(), id, context.body()));
}

http::Response set_password(api::Context& context) {
  const auto id = context.id();
  reset_password(context.op(), id, context.body());
  return http::no_content();
}

http::Response sign_out_everywhere(api::Context& context) {
  return api::json_ok(end_sessions(context.op(), context.id()));
}

http::Response policy(api::Context&) { return api::json_ok(password_policy_json(password_policy())); }

}  // namespace

void add_user_routes(api::Routes& routes) {
  routes.get("/users", "user:read", list);
  routes.get("/users/{id}", "user:read", get);
  routes.post("/users", "user:write", create);
  routes.patch("/users/{id}", "user:write", update);
  routes.post("/users/{id}/password", "user:write", set_password);
  routes.del("/users/{id}/sessions", "user:write", sign_out_everywhere);
  routes.get("/password-policy", api::kSignedIn, policy);
}

}  // namespace rw::accounts
