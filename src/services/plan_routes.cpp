#include "services/plan_routes.hpp"

#include "services/plan_flow.hpp"
#include "services/plan_service.hpp"
#include "services/step_routes.hpp"

namespace rw::services {
namespace {

http::Response list(api::Context& context) {
  return api::json_ok(list_plans(context.op(), context.request.query));
}

http::Response get(api::Context& context) {
  return api::json_ok(plan_with_history(context.op(), context.id()));
}

http::Response create(api::Context& context) {
  return api::json_ok(create_plan(context.op(), context.body()), 201);
}

http::Response update(api::Context& context) {
  const auto id = context.id();
  return api::json_ok(update_plan(context.op(), id, context.body()));
}

}  // namespace

void add_plan_routes(api::Routes& routes) {
  routes.get("/service-plans", "plan:read", list);
  routes.post("/service-plans", "plan:write", create);
  routes.get("/service-plans/{id}", "plan:read", get);
  routes.patch("/service-plans/{id}", "plan:write", update);
  add_step_routes(routes, "/service-plans", plan_machine(),
                  {{"propose", "propose"}, {"agree", "agree"}, {"return", "return"}, {"reopen", "reopen"}},
                  plan_with_history);
}

}  // namespace rw::services
