#include "envrisk/env_risk_routes.hpp"

#include "envrisk/assessment_flow.hpp"
#include "envrisk/assessment_service.hpp"
#include "envrisk/env_risk_service.hpp"
#include "envrisk/substance_catalog.hpp"
#include "envrisk/table_publishing.hpp"
#include "services/step_routes.hpp"

namespace rw::envrisk {
namespace {

http::Response substances(api::Context& context) {
  return api::json_ok(search_substances(context.op(), context.request.query));
}

http::Response table_in_force(api::Context& context) {
  return api::json_ok(current_table_json(context.op()));
}

http::Response publish(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(publish_table(context.op(), body), 201);
}

http::Response evaluation(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(evaluate_body(context.op(), body));
}

http::Response assessments(api::Context& context) {
  return api::json_ok(list_assessments(context.op(), context.request.query));
}

http::Response assessments_of_enterprise(api::Context& context) {
  return api::json_ok(list_assessments_of(context.op(), context.id(), context.request.query));
}

http::Response new_assessment(api::Context& context) {
  const auto body = context.body();
  return api::json_ok(create_assessment(context.op(), context.id(), body), 201);
}

http::Response assessment(api::Context& context) {
  return api::json_ok(get_assessment(context.op(), context.id()));
}

}  // namespace

void add_env_risk_routes(api::Routes& routes) {
  // The table and 速算 are reference data and arithmetic every party may use; assessments are scoped.
  routes.get("/env-risk/substances", "catalog:read", substances);
  routes.get("/env-risk/tables/current", "catalog:read", table_in_force);
  routes.post("/env-risk/tables", "catalog:write", publish);
  routes.post("/env-risk/evaluate", "catalog:read", evaluation);
  routes.get("/env-risk-assessments", "enterprise:read", assessments);
  routes.get("/enterprises/{id}/env-risk-assessments", "enterprise:read", assessments_of_enterprise);
  routes.post("/enterprises/{id}/env-risk-assessments", "env_risk:assess", new_assessment);
  routes.get("/env-risk-assessments/{id}", "enterprise:read", assessment);
  services::add_step_routes(routes, "/env-risk-assessments", assessment_machine(), {{"review", "review"}},
                            get_assessment);
}

}  // namespace rw::envrisk
