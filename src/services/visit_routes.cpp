#include "services/visit_routes.hpp"

#include "services/step_routes.hpp"
#include "services/visit_flow.hpp"
#include "services/visit_service.hpp"

namespace rw::services {
namespace {

http::Response list(api::Context& context) {
  return api::json_ok(list_visits(context.op(), context.request.query));
}

http::Response get(api::Context& context) {
  return api::json_ok(visit_with_history(context.op(), context.id()));
}

http::Response create(api::Context& context) {
  const auto op = context.op();
  const auto visit = create_visit(op, context.body());
  return api::json_after_commit(
      context, [&] { return scheduled_visit_json(op, visit); }, 201);
}

http::Response update(api::Context& context) {
  const auto id = context.id();
  return api::json_ok(update_visit(context.op(), id, context.body()));
}

http::Response team_check(api::Context& context) {
  return api::json_ok(check_team(context.op(), context.body()));
}

http::Response team_suggestions(api::Context& context) {
  return api::json_ok(suggest_team(context.op(), context.request.query));
}

}  // namespace

void add_visit_routes(api::Routes& routes) {
  routes.get("/visits", "visit:read", list);
  routes.post("/visits", "visit:write", create);
  routes.post("/visits/team-check", "visit:write", team_check);
  routes.post("/staffing-check", "staff:read", team_check);
  routes.get("/visits/team-suggestions", "visit:write", team_suggestions);
  routes.get("/visits/{id}", "visit:read", get);
  routes.patch("/visits/{id}", "visit:write", update);
}

void add_visit_action_routes(api::Routes& routes) {
  add_step_routes(routes, "/visits", visit_machine(),
                  {{"confirm", "confirm"},
                   {"start", "start"},
                   {"photo-consent", "record_photo_consent"},
                   {"finish", "finish"},
                   {"could-not-enter", "could_not_enter"},
                   {"cancel", "cancel"}},
                  get_visit);
}

}  // namespace rw::services
