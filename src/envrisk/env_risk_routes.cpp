#include "envrisk/env_risk_routes.hpp"

#include "envrisk/env_risk_service.hpp"
#include "envrisk/substance_catalog.hpp"

namespace rw::envrisk {
namespace {

http::Response substances(api::Context& context) {
  return api::json_ok(search_substances(context.op(), context.request.query));
}

http::Response table_in_force(api::Context& context) { return api::json_ok(current_table_json(context.op())); }

http::Response evaluation(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(evaluate_body(context.op(), body));
}

}  // namespace

void add_env_risk_routes(api::Routes& routes) {
  // The table and 速算 are reference data and arithmetic every party may use; assessments are scoped.
  routes.get("/env-risk/substances", "catalog:read", substances);
  routes.get("/env-risk/tables/current", "catalog:read", table_in_force);
  routes.post("/env-risk/evaluate", "catalog:read", evaluation);
}

}  // namespace rw::envrisk
