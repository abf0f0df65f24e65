#include "services/plan_service.hpp"

#include <algorithm>

#include "access/visibility.hpp"
#include "accounts/scope.hpp"
#include "audit/audit_log.hpp"
#include "platform/json_input.hpp"
#include "platform/paging.hpp"
#include "registry/party_store.hpp"
#include "services/plan_flow.hpp"
#include "services/plan_store.hpp"
#include "services/status_history.hpp"
#include "workflow/engine.hpp"

namespace rw::services {
namespace {

constexpr std::size_t kMaxItems = 30;
constexpr std::size_t kMaxTrainingRows = 50;
const nlohmann::json kEmptyObject = nlohmann::json::object();
const char* const kTrainingColumns[] = {"topic", "audience", "form", "kind", "materials", "time"};

void read_items(Fields& fields, const accounts::Operation& op, PlanInput& plan) {
  const auto& list = fields.object()["items"];
  if (!list.is_array() || list.size() > kMaxItems) {
    fields.add_error("items", "invalid_items", "服务项目应为不超过 30 项的列表",
                     "items must be a list of at most 30");
    return;
  }
  std::vector<std::int64_t> type_ids;
  std::vector<PlanItem> items;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto prefix = "items[" + std::to_string(i) + "].";
    const auto& object = list[i].is_object() ? list[i] : kEmptyObject;
    Fields item(object);
    const auto type_id = item.required_id("service_type_id");
    PlanItem out;
    out.measures = item.optional_text("measures", 2000).value_or("");
    out.frequency = item.optional_text("frequency", 200).value_or("");
    out.expected_results = item.optional_text("expected_results", 2000).value_or("");
    for (const auto& e : item.errors()) fields.add_error(prefix + e.field, e.code, e.message, e.message_en);
    type_ids.push_back(type_id);
    items.push_back(std::move(out));
  }
  if (!fields.ok()) return;
  const auto rules = current_service_rules(op.db, type_ids, "items");
  for (std::size_t i = 0; i < items.size(); ++i) items[i].service_type = rules[i];
  plan.items = std::move(items);
}

void read_training_plan(Fields& fields, PlanInput& plan) {
  const auto& rows = fields.object()["training_plan"];
  if (!rows.is_array() || rows.size() > kMaxTrainingRows) {
    fields.add_error("training_plan", "invalid_training_plan", "培训计划应为不超过 50 行的列表",
                     "the training plan must be a list of at most 50 rows");
    return;
  }
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& object = rows[i].is_object() ? rows[i] : kEmptyObject;
    Fields row(object);
    nlohmann::json clean = nlohmann::json::object();
    for (const char* column : kTrainingColumns) clean[column] = row.optional_text(column, 500).value_or("");
    if (row.ok() && clean["topic"] == "")
      row.add_error("topic", "required", "请填写培训主题", "give the topic");
    for (const auto& e : row.errors())
      fields.add_error("training_plan[" + std::to_string(i) + "]." + e.field, e.code, e.message,
                       e.message_en);
    out.push_back(clean);
  }
  plan.training_plan = out;
}

void check_parties(const accounts::Operation& op, Fields& fields, PlanInput& plan) {
  auto& db = op.db;
  if (!registry::is_org_of_type(db, plan.agency_org_id, "agency"))
    fields.add_error("agency_org_id", "unknown_agency", "第三方服务机构不存在", "the agency does not exist");
  if (plan.insurer_org_id && !registry::is_org_of_type(db, *plan.insurer_org_id, "insurer"))
    fields.add_error("insurer_org_id", "unknown_insurer", "保险机构不存在", "the insurer does not exist");
  if (plan.policy_id && !policy_of(db, *plan.policy_id, plan.enterprise_id))
    fields.add_error("policy_id", "unknown_policy", "保单不存在或不属于该企业",
                     "no such policy of the enterprise");
  const auto team_orgs = accounts::org_subtree_ids(db, plan.agency_org_id);
  for (std::size_t i = 0; i < plan.staff_ids.size(); ++i) {
    const auto org = active_staff_org(db, plan.staff_ids[i]);
    if (!org || std::find(team_orgs.begin(), team_orgs.end(), *org) == team_orgs.end())
      fields.add_error("staff_ids[" + std::to_string(i) + "]", "unknown_staff",
                       "服务人员不存在或不属于该服务机构",
                       "the staff member does not exist or is not with the agency");
  }
  // The writer must be the plan's agency or insurer.
  const auto& me = op.actor;
  if (!access::may_change(db, me, access::kServicePlan,
                          {{"agency_org_id", plan.agency_org_id}, {"insurer_org_id", plan.insurer_org_id}}))
    fields.add_error(me.org_type == "insurer" ? "insurer_org_id" : "agency_org_id", "not_a_party",
                     "只有方案的服务机构或保险机构可以编写方案",
                     "only the plan's agency or insurer may write it");
}

// Reads and checks a plan; `base` is the stored plan for a PATCH. Throws 422 with every error.
PlanInput read_plan(const accounts::Operation& op, const nlohmann::json& body, const PlanInput* base) {
  const auto& me = op.actor;
  Fields fields(body);
  PlanInput plan = base ? *base : PlanInput{};
  if (!base) {
    plan.enterprise_id = fields.required_id("enterprise_id");
    plan.year = static_cast<int>(fields.optional_number("year", 2000, 2100).value_or(0));
    fields.require("year");
    plan.agency_org_id =
        fields.optional_id("agency_org_id").value_or(me.org_type == "agency" ? me.org_id : 0);
    plan.insurer_org_id = fields.optional_id("insurer_org_id");
    if (!plan.insurer_org_id && me.org_type == "insurer") plan.insurer_org_id = me.org_id;
  }
  if (fields.has("policy_id")) plan.policy_id = fields.optional_id("policy_id");
  if (auto v = fields.optional_text("enterprise_overview", 5000)) plan.enterprise_overview = *v;
  if (auto v = fields.optional_text("facilities_and_processes", 5000)) plan.facilities_and_processes = *v;
  if (auto v = fields.optional_text("accident_history", 5000)) plan.accident_history = *v;
  if (auto v = fields.optional_text("safeguards", 5000)) plan.safeguards = *v;
  if (auto v = fields.optional_text("notes", 5000)) plan.notes = *v;
  if (auto v = fields.optional_ids("staff_ids", 30)) plan.staff_ids = *v;
  if (fields.has("training_plan")) read_training_plan(fields, plan);
  fields.finish();
  if (!base) {
    try {
      access::require_visible(op.db, me, access::kEnterprise, plan.enterprise_id);
    } catch (const ApiError&) {
      throw invalid_field("enterprise_id", "unknown_enterprise", "企业不存在",
                          "the enterprise does not exist");
    }
  }
  if (fields.has("items")) read_items(fields, op, plan);
  fields.finish();
  if (plan.items.empty())
    fields.add_error("items", "required", "请至少选择一项服务项目", "choose at least one service item");
  check_parties(op, fields, plan);
  fields.finish();
  return plan;
}

}  // namespace

nlohmann::json list_plans(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  const auto page = parse_page(query);
  const auto where = plan_filter(op.db, op.actor, query);
  auto [rows, total] = select_page(op.db, kPlanList, where, kPlanOrder, page);
  return page_json(plans_json(op.db, rows, workflow::Caller(op.db, op.actor)), total, page);
}

nlohmann::json plan_with_history(const accounts::Operation& op, std::int64_t id) {
  auto out = plan_json(op.db, find_plan_row(op.db, op.actor, id), workflow::Caller(op.db, op.actor));
  out["history"] = status_history(op.db, "service_plan", id);
  return out;
}

nlohmann::json create_plan(const accounts::Operation& op, const nlohmann::json& fields) {
  const auto plan = read_plan(op, fields, nullptr);
  if (plan_exists(op.db, plan.enterprise_id, plan.year, plan.agency_org_id))
    throw conflict("duplicate_plan", "该企业本年度已有该服务机构的服务方案",
                   "the enterprise already has this agency's plan for the year");
  const auto id = insert_plan(op.db, plan, op.actor.org_id, op.now_text());
  auto created = plan_with_history(op, id);
  audit::record(op,
                {"service_plan", std::to_string(id), "create", plan.agency_org_id, audit::created(created)});
  return created;
}

nlohmann::json update_plan(const accounts::Operation& op, std::int64_t id, const nlohmann::json& changes) {
  const auto row = find_plan_row(op.db, op.actor, id);
  const workflow::Caller caller(op.db, op.actor);
  workflow::authorize(caller, plan_machine(), plan_state(row), "edit");
  const auto before = plan_json(op.db, row, caller);
  const auto base = stored_plan(op.db, id);
  const auto plan = read_plan(op, changes, &base);
  update_plan_row(op.db, id, plan, op.now_text());
  auto after = plan_with_history(op, id);
  audit::record_update(op, "service_plan", id, plan.agency_org_id, before, after);
  return after;
}

}  // namespace rw::services
