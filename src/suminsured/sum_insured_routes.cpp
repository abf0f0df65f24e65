#include "suminsured/sum_insured_routes.hpp"

#include <nlohmann/json.hpp>

#include "suminsured/sum_insured_service.hpp"

namespace rw::suminsured {
namespace {

http::Response current(api::Context& context) {
  return api::json_ok(current_table(context.op(), context.id()));
}

http::Response one_version(api::Context& context) {
  return api::json_ok(table_version(context.op(), context.id(), context.id("version")));
}

http::Response publish(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(publish_table(context.op(), context.id(), body), 201);
}

http::Response shipped_example(api::Context& context) { return api::json_ok(example(context.op())); }

http::Response band(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(suggest(context.op(), body));
}

}  // namespace

void add_sum_insured_routes(api::Routes& routes) {
  routes.get("/sum-insured/example", api::kSignedIn, shipped_example);
  routes.post("/sum-insured/suggest", "enterprise:read", band);
  routes.get("/organizations/{id}/sum-insured-table", "org:read", current);
  routes.get("/organizations/{id}/sum-insured-table/versions/{version}", "org:read", one_version);
  routes.post("/organizations/{id}/sum-insured-table/versions", "suminsured:write", publish);
}

}  // namespace rw::suminsured
