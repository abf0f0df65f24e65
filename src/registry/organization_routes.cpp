#include "registry/organization_routes.hpp"

#include "registry/organization_service.hpp"

namespace rw::registry {
namespace {

http::Response list(api::Context& context) {
  return api::json_ok(list_organizations(context.op(), context.request.query));
}

http::Response get(api::Context& context) {
  return api::json_ok(get_organization(context.op(), context.id()));
}

http::Response create(api::Context& context) {
  return api::json_ok(create_organization(context.op(), context.body()), 201);
}

http::Response update(api::Context& context) {
  const auto id = context.id();
  return api::json_ok(update_organization(context.op(), id, context.body()));
}

}  // namespace

void add_organization_routes(api::Routes& routes) {
  routes.get("/organizations", api::kSignedIn, list);
  routes.get("/organizations/{id}", api::kSignedIn, get);
  routes.post("/organizations", "org:write", create);
  routes.patch("/organizations/{id}", "org:write", update);
}

}  // namespace rw::registry
