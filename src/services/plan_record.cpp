#include "services/plan_record.hpp"

#include <algorithm>

#include "access/visibility.hpp"
#include "accounts/scope.hpp"
#include "platform/json_input.hpp"
#include "platform/json_rows.hpp"
#include "services/plan_flow.hpp"
#include "services/service_type_ref.hpp"
#include "workflow/engine.hpp"

namespace rw::services {
namespace {

constexpr std::size_t kMaxItems = 30;
constexpr std::size_t kMaxTrainingRows = 50;
const nlohmann::json kEmptyObject = nlohmann::json::object();
const char* const kTrainingColumns[] = {"topic", "audience", "form", "kind", "materials", "time"};

void read_items(Fields& fields, api::Context& context, PlanInput& plan) {
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
  const auto rules = current_service_rules(context.db, type_ids, "items");
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

void check_parties(api::Context& context, Fields& fields, PlanInput& plan) {
  auto& db = context.db;
  if (db.query("SELECT 1 AS one FROM organizations WHERE id = ? AND type = 'agency'", {plan.agency_org_id})
          .empty())
    fields.add_error("agency_org_id", "unknown_agency", "第三方服务机构不存在", "the agency does not exist");
  if (plan.insurer_org_id &&
      db.query("SELECT 1 AS one FROM organizations WHERE id = ? AND type = 'insurer'", {*plan.insurer_org_id})
          .empty())
    fields.add_error("insurer_org_id", "unknown_insurer", "保险机构不存在", "the insurer does not exist");
  if (plan.policy_id && db.query("SELECT 1 AS one FROM policies WHERE id = ? AND enterprise_id = ?",
                                 {*plan.policy_id, plan.enterprise_id})
                            .empty())
    fields.add_error("policy_id", "unknown_policy", "保单不存在或不属于该企业",
                     "no such policy of the enterprise");
  const auto team_orgs = accounts::org_subtree_ids(db, plan.agency_org_id);
  for (std::size_t i = 0; i < plan.staff_ids.size(); ++i) {
    auto rows = db.query("SELECT org_id FROM staff WHERE id = ? AND active = 1", {plan.staff_ids[i]});
    if (rows.empty() ||
        std::find(team_orgs.begin(), team_orgs.end(), rows[0].integer("org_id")) == team_orgs.end())
      fields.add_error("staff_ids[" + std::to_string(i) + "]", "unknown_staff",
                       "服务人员不存在或不属于该服务机构",
                       "the staff member does not exist or is not with the agency");
  }
  // The writer must be the plan's agency or insurer.
  const auto& me = context.me();
  if (!access::may_change(db, me, access::kServicePlan,
                          {{"agency_org_id", plan.agency_org_id}, {"insurer_org_id", plan.insurer_org_id}}))
    fields.add_error(me.org_type == "insurer" ? "insurer_org_id" : "agency_org_id", "not_a_party",
                     "只有方案的服务机构或保险机构可以编写方案",
                     "only the plan's agency or insurer may write it");
}

}  // namespace

PlanInput read_plan(api::Context& context, const nlohmann::json& body, const PlanInput* base) {
  const auto& me = context.me();
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
      access::require_visible(context.db, me, access::kEnterprise, plan.enterprise_id);
    } catch (const ApiError&) {
      throw invalid_field("enterprise_id", "unknown_enterprise", "企业不存在",
                          "the enterprise does not exist");
    }
  }
  if (fields.has("items")) read_items(fields, context, plan);
  fields.finish();
  if (plan.items.empty())
    fields.add_error("items", "required", "请至少选择一项服务项目", "choose at least one service item");
  check_parties(context, fields, plan);
  fields.finish();
  return plan;
}

namespace {

void write_children(db::Connection& db, std::int64_t id, const PlanInput& plan) {
  db.execute("DELETE FROM service_plan_items WHERE plan_id = ?", {id});
  db.execute("DELETE FROM service_plan_staff WHERE plan_id = ?", {id});
  for (std::size_t i = 0; i < plan.items.size(); ++i) {
    const auto& item = plan.items[i];
    db.execute(
        "INSERT INTO service_plan_items (plan_id, position, service_type_version_id, measures, frequency, "
        "expected_results) VALUES (?, ?, ?, ?, ?, ?)",
        {id, static_cast<std::int64_t>(i), item.service_type.version_id, item.measures, item.frequency,
         item.expected_results});
  }
  for (auto staff : plan.staff_ids)
    db.execute("INSERT INTO service_plan_staff (plan_id, staff_id) VALUES (?, ?)", {id, staff});
}

db::Params plan_values(const PlanInput& plan) {
  return {db::optional_value(plan.policy_id),
          plan.enterprise_overview,
          plan.facilities_and_processes,
          plan.accident_history,
          plan.training_plan.dump(),
          plan.safeguards,
          plan.notes};
}

}  // namespace

std::int64_t insert_plan(db::Connection& db, const PlanInput& plan, std::int64_t created_by_org,
                         const std::string& now) {
  db::Params params{plan.enterprise_id, std::int64_t{plan.year}, db::optional_value(plan.insurer_org_id),
                    plan.agency_org_id};
  for (auto& v : plan_values(plan)) params.push_back(std::move(v));
  for (auto v : {db::Value(created_by_org), db::Value(now), db::Value(now)}) params.push_back(v);
  const auto id =
      db.query(
            "INSERT INTO service_plans (enterprise_id, year, insurer_org_id, agency_org_id, policy_id, "
            "enterprise_overview, facilities_and_processes, accident_history, training_plan, safeguards, "
            "notes, created_by_org_id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            params)[0]
          .integer("id");
  write_children(db, id, plan);
  return id;
}

void update_plan(db::Connection& db, std::int64_t id, const PlanInput& plan, const std::string& now) {
  auto params = plan_values(plan);
  params.push_back(now);
  params.push_back(id);
  db.execute(
      "UPDATE service_plans SET policy_id = ?, enterprise_overview = ?, facilities_and_processes = ?, "
      "accident_history = ?, training_plan = ?, safeguards = ?, notes = ?, updated_at = ? WHERE id = ?",
      params);
  write_children(db, id, plan);
}

const char* const kSelectPlan =
    "SELECT sp.*, e.name AS enterprise_name, e.org_id AS enterprise_org_id, a.name AS agency_name, i.name AS "
    "insurer_name, p.policy_number "
    "FROM service_plans sp JOIN enterprises e ON e.id = sp.enterprise_id "
    "JOIN organizations a ON a.id = sp.agency_org_id LEFT JOIN organizations i ON i.id = sp.insurer_org_id "
    "LEFT JOIN policies p ON p.id = sp.policy_id";
const char* const kCountPlan =
    "SELECT COUNT(*) AS n FROM service_plans sp JOIN enterprises e ON e.id = sp.enterprise_id";

nlohmann::json plan_json(db::Connection& db, const db::Row& row, const workflow::Caller& caller) {
  const auto id = row.integer("id");
  auto item_rows = db.query("SELECT * FROM service_plan_items WHERE plan_id = ? ORDER BY position", {id});
  const auto rules = service_rules_of_versions(db, item_rows.integers("service_type_version_id"));
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < item_rows.size(); ++i)
    items.push_back({{"service_type", service_type_ref(rules[i])},
                     {"measures", item_rows[i].text("measures")},
                     {"frequency", item_rows[i].text("frequency")},
                     {"expected_results", item_rows[i].text("expected_results")}});
  auto staff_rows = db.query(
      "SELECT s.id, s.name, s.kind, s.title_level FROM service_plan_staff ps "
      "JOIN staff s ON s.id = ps.staff_id WHERE ps.plan_id = ? ORDER BY s.name",
      {id});
  nlohmann::json staff = nlohmann::json::array();
  for (std::size_t i = 0; i < staff_rows.size(); ++i)
    staff.push_back({{"id", staff_rows[i].integer("id")},
                     {"name", staff_rows[i].text("name")},
                     {"kind", staff_rows[i].text("kind")},
                     {"title_level", staff_rows[i].text("title_level")}});
  return {{"id", id},
          {"enterprise", {{"id", row.integer("enterprise_id")}, {"name", row.text("enterprise_name")}}},
          {"year", row.integer("year")},
          {"agency", {{"id", row.integer("agency_org_id")}, {"name", row.text("agency_name")}}},
          {"insurer", row.is_null("insurer_org_id") ? nlohmann::json()
                                                    : nlohmann::json{{"id", row.integer("insurer_org_id")},
                                                                     {"name", row.text("insurer_name")}}},
          {"policy", row.is_null("policy_id") ? nlohmann::json()
                                              : nlohmann::json{{"id", row.integer("policy_id")},
                                                               {"policy_number", row.text("policy_number")}}},
          {"status", row.text("status")},
          {"enterprise_overview", row.text("enterprise_overview")},
          {"facilities_and_processes", row.text("facilities_and_processes")},
          {"accident_history", row.text("accident_history")},
          {"items", items},
          {"training_plan", nlohmann::json::parse(row.text("training_plan"))},
          {"staff", staff},
          {"safeguards", row.text("safeguards")},
          {"notes", row.text("notes")},
          {"return_comments", row.text("return_comments")},
          {"created_at", row.text("created_at")},
          {"updated_at", row.text("updated_at")},
          {"agreed_at", json_text(row, "agreed_at")},
          {"actions", workflow::actions(caller, plan_machine(), plan_state(row))}};
}

db::Row find_plan_row(db::Connection& db, const accounts::Actor& user, std::int64_t id) {
  SqlFilter where = access::read_filter(db, user, access::kServicePlan);
  where.add("sp.id = ?", id);
  auto rows = db.query(std::string(kSelectPlan) + where.sql(), where.params());
  if (rows.empty()) throw not_found();
  return rows[0];
}

PlanInput stored_plan(db::Connection& db, std::int64_t id) {
  auto row = db.query("SELECT * FROM service_plans WHERE id = ?", {id})[0];
  PlanInput plan;
  plan.enterprise_id = row.integer("enterprise_id");
  plan.year = static_cast<int>(row.integer("year"));
  plan.agency_org_id = row.integer("agency_org_id");
  plan.insurer_org_id = row.optional_integer("insurer_org_id");
  plan.policy_id = row.optional_integer("policy_id");
  plan.enterprise_overview = row.text("enterprise_overview");
  plan.facilities_and_processes = row.text("facilities_and_processes");
  plan.accident_history = row.text("accident_history");
  plan.training_plan = nlohmann::json::parse(row.text("training_plan"));
  plan.safeguards = row.text("safeguards");
  plan.notes = row.text("notes");
  auto items = db.query("SELECT * FROM service_plan_items WHERE plan_id = ? ORDER BY position", {id});
  const auto rules = service_rules_of_versions(db, items.integers("service_type_version_id"));
  for (std::size_t i = 0; i < items.size(); ++i)
    plan.items.push_back(
        {rules[i], items[i].text("measures"), items[i].text("frequency"), items[i].text("expected_results")});
  plan.staff_ids =
      db.query("SELECT staff_id FROM service_plan_staff WHERE plan_id = ? ORDER BY staff_id", {id})
          .integers("staff_id");
  return plan;
}

void require_measures_to_propose(const PlanInput& plan) {
  Fields fields(kEmptyObject);
  for (std::size_t i = 0; i < plan.items.size(); ++i)
    if (plan.items[i].measures.find_first_not_of(" \t\r\n") == std::string::npos)
      fields.add_error("items[" + std::to_string(i) + "].measures", "required_to_propose",
                       "提交企业确认前，请填写每个服务项目的服务措施",
                       "every item needs its measures before the plan is proposed");
  fields.finish();
}

}  // namespace rw::services
