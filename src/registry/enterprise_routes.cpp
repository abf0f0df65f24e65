#include "registry/enterprise_routes.hpp"

#include "platform/json_input.hpp"
#include "registry/enterprise_service.hpp"

namespace rw::registry {
namespace {

http::Response list(api::Context& context) {
  return api::json_ok(list_enterprises(context.op(), context.request.query));
}

http::Response get(api::Context& context) { return api::json_ok(get_enterprise(context.op(), context.id())); }

http::Response create(api::Context& context) {
  return api::json_ok(create_enterprise(context.op(), context.body()), 201);
}

http::Response update(api::Context& context) {
  const auto id = context.id();
  return api::json_ok(update_enterprise(context.op(), id, context.body()));
}

http::Response archive(api::Context& context) {
  set_archived(context.op(), context.id(), true);
  return http::no_content();
}

http::Response restore(api::Context& context) {
  return api::json_ok(set_archived(context.op(), context.id(), false));
}

// GET /enterprises/credit-code-check?code=
http::Response credit_code_check(api::Context& context) {
  return api::json_ok(
      check_credit_code(context.db, query_text(context.request.query, "code", 30).value_or("")));
}

}  // namespace

void add_enterprise_routes(api::Routes& routes) {
  routes.get("/enterprises", "enterprise:read", list);
  routes.get("/enterprises/credit-code-check", "enterprise:read", credit_code_check);
  routes.get("/enterprises/{id}", "enterprise:read", get);
  routes.post("/enterprises", "enterprise:write", create);
  routes.patch("/enterprises/{id}", "enterprise:read", update);
  routes.del("/enterprises/{id}", "enterprise:write", archive);
  routes.post("/enterprises/{id}/restore", "enterprise:write", restore);
}

}  // namespace rw::registry
