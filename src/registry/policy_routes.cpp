#include "registry/policy_routes.hpp"

#include "registry/policy_service.hpp"

namespace rw::registry {
namespace {

http::Response list(api::Context& context) {
  return api::json_ok(list_policies(context.op(), context.request.query));
}

http::Response get(api::Context& context) { return api::json_ok(get_policy(context.op(), context.id())); }

http::Response create(api::Context& context) {
  return api::json_ok(create_policy(context.op(), context.body()), 201);
}

http::Response update(api::Context& context) {
  const auto id = context.id();
  return api::json_ok(update_policy(context.op(), id, context.body()));
}

http::Response remove(api::Context& context) {
  delete_policy(context.op(), context.id());
  return http::no_content();
}

}  // namespace

void add_policy_routes(api::Routes& routes) {
  routes.get("/policies", "policy:read", list);
  routes.get("/policies/{id}", "policy:read", get);
  routes.post("/policies", "policy:write", create);
  routes.patch("/policies/{id}", "policy:write", update);
  routes.del("/policies/{id}", "policy:write", remove);
}

}  // namespace rw::registry
