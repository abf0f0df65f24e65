#include "registry/staff_routes.hpp"

#include "registry/staff_service.hpp"

namespace rw::registry {
namespace {

http::Response list(api::Context& context) {
  return api::json_ok(list_staff(context.op(), context.request.query));
}

http::Response get(api::Context& context) { return api::json_ok(get_staff(context.op(), context.id())); }

http::Response create(api::Context& context) {
  return api::json_ok(create_staff(context.op(), context.body()), 201);
}

http::Response update(api::Context& context) {
  const auto id = context.id();
  return api::json_ok(update_staff(context.op(), id, context.body()));
}

}  // namespace

void add_staff_routes(api::Routes& routes) {
  routes.get("/staff", "staff:read", list);
  routes.get("/staff/{id}", "staff:read", get);
  routes.post("/staff", "staff:write", create);
  routes.patch("/staff/{id}", "staff:write", update);
}

}  // namespace rw::registry
