#include "services/catalog_routes.hpp"

#include "services/catalog_service.hpp"

namespace rw::services {
namespace {

http::Response list_classes(api::Context& context) {
  return api::json_ok(list_service_classes(context.op(), context.request.query));
}

http::Response list_types(api::Context& context) {
  return api::json_ok(list_service_types(context.op(), context.request.query));
}

http::Response get_type(api::Context& context) {
  return api::json_ok(get_service_type(context.op(), context.id()));
}

http::Response get_version(api::Context& context) {
  return api::json_ok(get_service_type_version(context.op(), context.id(), context.id("version")));
}

http::Response create_type(api::Context& context) {
  return api::json_ok(create_service_type(context.op(), context.body()), 201);
}

http::Response update_type(api::Context& context) {
  const auto id = context.id();
  return api::json_ok(update_service_type(context.op(), id, context.body()));
}

}  // namespace

void add_catalog_routes(api::Routes& routes) {
  routes.get("/service-classes", "catalog:read", list_classes);
  routes.get("/service-types", "catalog:read", list_types);
  routes.get("/service-types/{id}", "catalog:read", get_type);
  routes.get("/service-types/{id}/versions/{version}", "catalog:read", get_version);
  routes.post("/service-types", "catalog:write", create_type);
  routes.patch("/service-types/{id}", "catalog:write", update_type);
}

}  // namespace rw::services
