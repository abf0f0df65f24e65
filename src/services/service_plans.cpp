#include "services/service_plans.hpp"

#include "accounts/scope.hpp"
#include "audit/audit_log.hpp"
#include "notify/notifications.hpp"
#include "platform/paging.hpp"
#include "registry/enterprise_scope.hpp"
#include "services/plan_record.hpp"
#include "services/plan_rules.hpp"
#include "services/status_history.hpp"
#include "services/workflow_vocabularies.hpp"

namespace rw::services {
namespace {

nlohmann::json plan_with_history(app::Context& context, std::int64_t id) {
  auto out = plan_json(context.db, find_plan_row(context.db, context.me(), id));
  out["history"] = status_history(context.db, "service_plan", id);
  return out;
}

bool writes_plan(app::Context& context, const db::Row& plan) {
  const auto& me = context.me();
  if (!accounts::has_permission(me, "plan:write")) return false;
  return accounts::acts_for(context.db, me, plan.integer("agency_org_id")) ||
         (!plan.is_null("insurer_org_id") &&
          accounts::acts_for(context.db, me, plan.integer("insurer_org_id")));
}

bool is_plan_enterprise(app::Context& context, const db::Row& plan) {
  return accounts::has_permission(context.me(), "plan:agree") &&
         registry::is_own_enterprise(context.db, context.me(), plan.integer("enterprise_id"));
}

http::Response list_plans(app::Context& context) {
  accounts::require_permission(context.me(), "plan:read");
  const auto& query = context.request.query;
  const auto page = parse_page(query);
  SqlFilter where = plan_scope(context.db, context.me());
  if (auto v = query_id(query, "enterprise_id")) where.add("sp.enterprise_id = ?", *v);
  if (auto v = query_id(query, "agency_org_id")) where.add("sp.agency_org_id = ?", *v);
  if (auto v = query_id(query, "year")) where.add("sp.year = ?", *v);
  if (auto v = query_choice(query, "status", plan_statuses().values())) where.add("sp.status = ?", *v);
  if (auto q = query_text(query, "q")) where.add("e.name LIKE ? ESCAPE '\\'", db::like_contains(*q));
  auto [rows, total] =
      select_page(context.db, kSelectPlan, kCountPlan, where, "sp.year DESC, e.name, sp.id", page);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) items.push_back(plan_json(context.db, rows[i]));
  return app::json_ok(page_json(items, total, page));
}

http::Response get_plan(app::Context& context) {
  accounts::require_permission(context.me(), "plan:read");
  return app::json_ok(plan_with_history(context, context.id()));
}

http::Response create_plan(app::Context& context) {
  accounts::require_permission(context.me(), "plan:write");
  const auto plan = read_plan(context, context.body(), nullptr);
  if (!context.db
           .query("SELECT 1 AS one FROM service_plans WHERE enterprise_id = ? AND year = ? AND agency_org_id "
                  "= ?",
                  {plan.enterprise_id, std::int64_t{plan.year}, plan.agency_org_id})
           .empty())
    throw conflict("duplicate_plan", "该企业本年度已有该服务机构的服务方案",
                   "the enterprise already has this agency's plan for the year");
  const auto id = insert_plan(context.db, plan, context.me().org_id, context.now_text());
  auto created = plan_with_history(context, id);
  audit::record(context,
                {"service_plan", std::to_string(id), "create", plan.agency_org_id, audit::created(created)});
  return app::json_ok(created, 201);
}

http::Response patch_plan(app::Context& context) {
  accounts::require_permission(context.me(), "plan:write");
  const auto id = context.id();
  const auto row = find_plan_row(context.db, context.me(), id);
  if (!writes_plan(context, row)) throw forbidden();
  const auto status = row.text("status");
  if (status != "draft" && status != "returned")
    throw conflict("plan_not_editable", "方案已提交或已同意，不能修改",
                   "the plan is proposed or agreed; it cannot change");
  const auto before = plan_json(context.db, row);
  const auto base = stored_plan(context.db, id);
  const auto plan = read_plan(context, context.body(), &base);
  update_plan(context.db, id, plan, context.now_text());
  auto after = plan_with_history(context, id);
  audit::record_update(context, "service_plan", id, plan.agency_org_id, before, after);
  return app::json_ok(after);
}

void notify_plan(app::Context& context, const db::Row& plan, const std::string& action,
                 const std::string& comments) {
  const auto name = plan.text("enterprise_name");
  const auto year = std::to_string(plan.integer("year"));
  if (action == "propose") {
    auto enterprise_org =
        context.db.query("SELECT org_id FROM enterprises WHERE id = ?", {plan.integer("enterprise_id")});
    if (enterprise_org.empty() || enterprise_org[0].is_null("org_id")) return;
    notify::notify_users(
        context.db,
        notify::org_users_with_roles(context.db, enterprise_org[0].integer("org_id"), {"enterprise_user"}),
        {"plan_proposed", year + " 年度服务方案待确认", "Service plan " + year + " to agree",
         plan.text("agency_name") + "提交了服务方案，请确认或退回修改。",
         plan.text("agency_name") + " proposed a service plan; agree or return it.", "service_plan",
         plan.integer("id")},
        context.now_text());
  } else if (action == "agree" || action == "return") {
    const bool agreed = action == "agree";
    notify::notify_users(
        context.db,
        notify::org_users_with_roles(context.db, plan.integer("created_by_org_id"), {"admin", "manager"}),
        {agreed ? "plan_agreed" : "plan_returned",
         (agreed ? "企业已同意服务方案：" : "企业退回服务方案：") + name,
         (agreed ? "Plan agreed: " : "Plan returned: ") + name, comments, comments, "service_plan",
         plan.integer("id")},
        context.now_text());
  }
}

app::Handler plan_action(std::string action) {
  return [action](app::Context& context) {
    accounts::require_permission(context.me(), "plan:read");
    const auto id = context.id();
    const auto row = find_plan_row(context.db, context.me(), id);
    const auto from = row.text("status");
    const auto transition = require_transition(plan_transitions(), action, from, plan_statuses());
    const bool allowed =
        transition.party == "writer" ? writes_plan(context, row) : is_plan_enterprise(context, row);
    if (!allowed) throw forbidden();
    if (action == "propose") require_measures_to_propose(stored_plan(context.db, id));
    const auto body = context.body_or_empty();
    Fields fields(body);
    const auto reason = action == "return" ? transition_reason(fields, transition, 2000, "请填写退回意见",
                                                               "give your comments")
                                           : transition_reason(fields, transition, 2000);
    fields.finish();
    const auto to = std::string(transition.to);
    context.db.execute(
        "UPDATE service_plans SET status = ?, return_comments = CASE WHEN ? = 'returned' THEN ? ELSE "
        "return_comments END, "
        "agreed_at = CASE WHEN ? = 'agreed' THEN ? ELSE agreed_at END, updated_at = ? WHERE id = ?",
        {to, to, reason, to, context.now_text(), context.now_text(), id});
    record_status_change(context, {"service_plan", id, action, from, to, reason},
                         row.integer("agency_org_id"));
    notify_plan(context, row, action, reason);
    return app::json_ok(plan_with_history(context, id));
  };
}

}  // namespace

void add_plan_routes(app::Routes& routes) {
  routes.get("/service-plans", list_plans);
  routes.post("/service-plans", create_plan);
  routes.get("/service-plans/{id}", get_plan);
  routes.patch("/service-plans/{id}", patch_plan);
  for (const char* action : {"propose", "agree", "return", "reopen"})
    routes.post(std::string("/service-plans/{id}/") + action, plan_action(action));
}

}  // namespace rw::services
