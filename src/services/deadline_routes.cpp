#include "services/deadline_routes.hpp"

#include "services/deadline_service.hpp"

namespace rw::services {
namespace {

http::Response list(api::Context& context) {
  return api::json_ok(list_deadlines(context.op(), context.request.query));
}

// PUT /visits/{id}/upload-due {"due_on"}
http::Response upload_due(api::Context& context) {
  const auto id = context.id();
  return api::json_ok(set_upload_due(context.op(), id, context.body()));
}

http::Response run_sweep(api::Context& context) {
  const auto result = sweep_deadlines_now(context.op());
  return api::json_ok({{"marked_overdue", result.marked_overdue},
                       {"reminders", result.reminders},
                       {"notifications", result.notifications},
                       {"escalations", result.escalations}});
}

}  // namespace

void add_deadline_routes(api::Routes& routes) {
  routes.get("/deadlines", "deadline:read", list);
  routes.post("/jobs/deadline-sweep", "jobs:run", run_sweep);
  routes.put("/visits/{id}/upload-due", "visit:write", upload_due);
}

}  // namespace rw::services
