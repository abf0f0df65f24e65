#include "services/service_plans.hpp"

#include "access/visibility.hpp"
#include "audit/audit_log.hpp"
#include "platform/paging.hpp"
#include "services/plan_flow.hpp"
#include "services/plan_record.hpp"
#include "services/status_history.hpp"
#include "services/step_routes.hpp"
#include "services/workflow_vocabularies.hpp"

namespace rw::services {
namespace {

nlohmann::json plan_with_history(const accounts::Operation& op, std::int64_t id) {
  auto out = plan_json(op.db, find_plan_row(op.db, op.actor, id), workflow::Caller(op.db, op.actor));
  out["history"] = status_history(op.db, "service_plan", id);
  return out;
}

http::Response list_plans(api::Context& context) {
  const auto& query = context.request.query;
  const auto page = parse_page(query);
  SqlFilter where = access::read_filter(context.db, context.me(), access::kServicePlan);
  if (auto v = query_id(query, "enterprise_id")) where.add("sp.enterprise_id = ?", *v);
  if (auto v = query_id(query, "agency_org_id")) where.add("sp.agency_org_id = ?", *v);
  if (auto v = query_id(query, "year")) where.add("sp.year = ?", *v);
  if (auto v = query_choice(query, "status", plan_statuses().values())) where.add("sp.status = ?", *v);
  if (auto q = query_text(query, "q")) where.add("e.name LIKE ? ESCAPE '\\'", db::like_contains(*q));
  auto [rows, total] =
      select_page(context.db, kSelectPlan, kCountPlan, where, "sp.year DESC, e.name, sp.id", page);
  const workflow::Caller caller(context.db, context.me());
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(plan_json(context.db, rows[i], caller));
  return api::json_ok(page_json(items, total, page));
}

http::Response get_plan(api::Context& context) {
  return api::json_ok(plan_with_history(context.op(), context.id()));
}

http::Response create_plan(api::Context& context) {
  const auto plan = read_plan(context, context.body(), nullptr);
  if (!context.db
           .query("SELECT 1 AS one FROM service_plans WHERE enterprise_id = ? AND year = ? AND agency_org_id "
                  "= ?",
                  {plan.enterprise_id, std::int64_t{plan.year}, plan.agency_org_id})
           .empty())
    throw conflict("duplicate_plan", "该企业本年度已有该服务机构的服务方案",
                   "the enterprise already has this agency's plan for the year");
  const auto id = insert_plan(context.db, plan, context.me().org_id, context.now_text());
  auto created = plan_with_history(context.op(), id);
  audit::record(context.op(),
                {"service_plan", std::to_string(id), "create", plan.agency_org_id, audit::created(created)});
  return api::json_ok(created, 201);
}

http::Response patch_plan(api::Context& context) {
  const auto id = context.id();
  const auto row = find_plan_row(context.db, context.me(), id);
  const workflow::Caller caller(context.db, context.me());
  workflow::authorize(caller, plan_machine(), plan_state(row), "edit");
  const auto before = plan_json(context.db, row, caller);
  const auto base = stored_plan(context.db, id);
  const auto plan = read_plan(context, context.body(), &base);
  update_plan(context.db, id, plan, context.now_text());
  auto after = plan_with_history(context.op(), id);
  audit::record_update(context.op(), "service_plan", id, plan.agency_org_id, before, after);
  return api::json_ok(after);
}

}  // namespace

void add_plan_routes(api::Routes& routes) {
  routes.get("/service-plans", "plan:read", list_plans);
  routes.post("/service-plans", "plan:write", create_plan);
  routes.get("/service-plans/{id}", "plan:read", get_plan);
  routes.patch("/service-plans/{id}", "plan:write", patch_plan);
  add_step_routes(routes, "/service-plans", plan_machine(),
                  {{"propose", "propose"}, {"agree", "agree"}, {"return", "return"}, {"reopen", "reopen"}},
                  plan_with_history);
}

}  // namespace rw::services
