#include "services/plan_flow.hpp"

#include "notify/notification_service.hpp"
#include "services/plan_store.hpp"
#include "services/workflow_vocabularies.hpp"
#include "workflow/engine.hpp"

namespace rw::services {
namespace {

using Plan = PlanState;
using Move = workflow::Move<Plan>;

constexpr const char* kUpdateStatus =
    "UPDATE service_plans SET status = ?, "
    "return_comments = CASE WHEN ? = 'returned' THEN ? ELSE return_comments END, "
    "agreed_at = CASE WHEN ? = 'agreed' THEN ? ELSE agreed_at END, updated_at = ? WHERE id = ?";

// The plan's agency or insurer writes it.
const workflow::Grant<Plan> kWriter{
    {"agency", "insurer", "platform"}, "plan:write", [](const workflow::Caller& caller, const Plan& plan) {
      return caller.acts_for(plan.agency_org_id) || caller.acts_for(plan.insurer_org_id);
    }};
// The enterprise's own users agree to it or return it.
const workflow::Grant<Plan> kEnterprise{
    {"enterprise"}, "plan:agree", [](const workflow::Caller& caller, const Plan& plan) {
      return plan.enterprise_org_id == caller.user().org_id;
    }};

const workflow::Refusal kNotEditable{"plan_not_editable", "方案已提交或已同意，不能修改",
                                     "the plan is proposed or agreed; it cannot change"};

void store(Move& move) {
  // The enterprise agrees to what will be done: a plan is proposed only with every item's measures.
  if (move.step.action == "propose") require_measures_to_propose(stored_plan(move.db, move.subject.id));
  const auto to = std::string(move.step.to);
  move.db.execute(kUpdateStatus, {to, to, move.input.text, to, move.now, move.now, move.subject.id});
}

// Proposed: the enterprise is asked to agree.
void tell_enterprise(Move& move) {
  const auto& plan = move.subject;
  if (!plan.enterprise_org_id) return;
  const auto year = std::to_string(plan.year);
  notify::notify_users(
      move.db, notify::org_users_with_roles(move.db, *plan.enterprise_org_id, {"enterprise_user"}),
      {"plan_proposed", year + " 年度服务方案待确认", "Service plan " + year + " to agree",
       plan.agency_name + "提交了服务方案，请确认或退回修改。",
       plan.agency_name + " proposed a service plan; agree or return it.", "service_plan", plan.id},
      move.now);
}

// Agreed or returned: the organization that wrote the plan hears it.
void tell_writer(Move& move) {
  const auto& plan = move.subject;
  const auto& name = plan.enterprise_name;
  const bool agreed = move.step.to == "agreed";
  const auto& comments = move.input.text;
  notify::notify_users(
      move.db, notify::org_users_with_roles(move.db, plan.created_by_org_id, {"admin", "manager"}),
      {agreed ? "plan_agreed" : "plan_returned",
       (agreed ? "企业已同意服务方案：" : "企业退回服务方案：") + name,
       (agreed ? "Plan agreed: " : "Plan returned: ") + name, comments, comments, "service_plan", plan.id},
      move.now);
}

Plan load(db::Connection& db, const accounts::Actor& user, const Clock&, std::int64_t id) {
  return plan_state(find_plan_row(db, user, id));
}

}  // namespace

PlanState plan_state(const db::Row& row) {
  return {row.integer("id"),
          row.text("status"),
          row.integer("agency_org_id"),
          row.optional_integer("insurer_org_id"),
          row.integer("enterprise_id"),
          row.optional_integer("enterprise_org_id"),
          row.integer("created_by_org_id"),
          row.integer("year"),
          row.text("enterprise_name"),
          row.text("agency_name")};
}

const workflow::Machine<PlanState>& plan_machine() {
  using workflow::Reason;
  static const workflow::Machine<Plan> machine{
      "service_plan",
      plan_statuses(),
      "plan:read",
      2000,
      {
          {.action = "edit",
           .from = {"draft", "returned"},
           .who = {kWriter},
           .reason = Reason::none,
           .unavailable = &kNotEditable},
          {.action = "propose",
           .from = {"draft", "returned"},
           .to = "proposed",
           .who = {kWriter},
           .on_enter = tell_enterprise},
          {.action = "agree",
           .from = {"proposed"},
           .to = "agreed",
           .who = {kEnterprise},
           .on_enter = tell_writer},
          {.action = "return",
           .from = {"proposed"},
           .to = "returned",
           .who = {kEnterprise},
           .reason = Reason::required,
           .on_enter = tell_writer,
           .reason_missing_zh = "请填写退回意见",
           .reason_missing_en = "give your comments"},
          {.action = "reopen",
           .from = {"agreed"},
           .to = "draft",
           .who = {kWriter},
           .reason = Reason::required},
      },
      load,
      store,
      [](const Plan& plan) -> std::optional<std::int64_t> { return plan.agency_org_id; }};
  return machine;
}

}  // namespace rw::services
