#include "registry/region_routes.hpp"

#include "registry/region_service.hpp"

namespace rw::registry {
namespace {

http::Response list(api::Context& context) {
  return api::json_ok(list_regions(context.op(), context.request.query));
}

http::Response get(api::Context& context) { return api::json_ok(get_region(context.op(), context.id())); }

http::Response create(api::Context& context) {
  return api::json_ok(create_region(context.op(), context.body()), 201);
}

http::Response update(api::Context& context) {
  const auto id = context.id();
  return api::json_ok(update_region(context.op(), id, context.body()));
}

http::Response remove(api::Context& context) {
  delete_region(context.op(), context.id());
  return http::no_content();
}

}  // namespace

void add_region_routes(api::Routes& routes) {
  routes.get("/regions", "region:read", list);
  routes.get("/regions/{id}", "region:read", get);
  routes.post("/regions", "region:write", create);
  routes.patch("/regions/{id}", "region:write", update);
  routes.del("/regions/{id}", "region:write", remove);
}

}  // namespace rw::registry
