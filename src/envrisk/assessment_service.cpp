#include "envrisk/assessment_service.hpp"

#include <nlohmann/json.hpp>

#include "access/visibility.hpp"
#include "audit/audit_log.hpp"
#include "envrisk/assessment_flow.hpp"
#include "envrisk/assessment_store.hpp"
#include "envrisk/evaluation_io.hpp"
#include "envrisk/substance_catalog.hpp"
#include "platform/dates.hpp"
#include "platform/errors.hpp"
#include "platform/json_input.hpp"
#include "platform/paging.hpp"
#include "workflow/engine.hpp"

namespace rw::envrisk {
namespace {

using nlohmann::json;

json person(const db::Row& row, const char* id, const char* name) {
  if (row.is_null(id)) return nullptr;
  return {{"id", row.integer(id)}, {"name", row.text(name)}};
}

// The 环责险风险评估报告 that printed the assessment (its latest submission), when the caller may read that
// version: it sees the visit, and an enterprise reads approved reports only (as reports/report_service.cpp).
json report_json(const accounts::Operation& op, const db::Row& row) {
  if (row.is_null("report_visit_id")) return nullptr;
  const auto visit = row.integer("report_visit_id");
  const auto status = row.text("report_status");
  if (op.actor.org_type == "enterprise" && status != "approved") return nullptr;
  if (!access::is_visible(op.db, op.actor, access::kVisit, visit)) return nullptr;
  return {{"visit_id", visit},
          {"version", row.integer("report_version")},
          {"status", status},
          {"title", row.text("report_title")}};
}

// The summary a list shows; the detail adds the inputs, the result and the actions.
json summary_json(const accounts::Operation& op, const db::Row& row) {
  return {{"id", row.integer("id")},
          {"enterprise", {{"id", row.integer("enterprise_id")}, {"name", row.text("enterprise_name")}}},
          {"org", {{"id", row.integer("org_id")}, {"name", row.text("org_name")}}},
          {"status", row.text("status")},
          {"status_label", assessment_statuses().zh(row.text("status"))},
          {"level", row.text("level")},
          {"label", row.text("label")},
          {"assessed_on", row.text("assessed_on")},
          {"table", {{"id", row.integer("table_id")}, {"version", row.integer("table_version")}}},
          {"created_by", person(row, "created_by", "created_by_name")},
          {"created_at", row.text("created_at")},
          {"reviewed_by", person(row, "reviewed_by", "reviewed_by_name")},
          {"reviewed_at", row.is_null("reviewed_at") ? json() : json(row.text("reviewed_at"))},
          {"report", report_json(op, row)}};
}

json with_result(json summary, const db::Row& row) {
  summary["inputs"] = json::parse(row.text("inputs"));
  summary["result"] = json::parse(row.text("result"));
  return summary;
}

}  // namespace

json create_assessment(const accounts::Operation& op, std::int64_t enterprise_id, const json& body) {
  access::require_visible(op.db, op.actor, access::kEnterprise, enterprise_id);
  accounts::require_permission(op.actor, "env_risk:assess");
  Fields fields(body);
  const auto today = china_date(op.clock.now());
  const auto assessed_on = fields.optional_date("assessed_on").value_or(today);
  if (fields.ok() && assessed_on > today)
    fields.add_error("assessed_on", "in_future", "评估日期不能晚于今天",
                     "the assessment date cannot be in the future");
  fields.finish();
  const auto table = require_current_table(op.db);
  auto inputs = body;
  inputs.erase("assessed_on");
  const auto input = read_evaluation_input(op.db, table, inputs);
  const auto evaluation = evaluate(input, score_table_of(table));
  const auto result = evaluation_json(evaluation, input, table);
  const auto id = insert_assessment(
      op.db,
      {enterprise_id, op.actor.org_id, table.id, std::string(level_code(evaluation.enterprise.level)),
       evaluation.enterprise.label, inputs.dump(), result.dump(), assessed_on, op.actor.id, op.now_text()});
  audit::record(op, {"env_risk_assessment", std::to_string(id), "create", op.actor.org_id,
                     audit::created({{"enterprise_id", enterprise_id},
                                     {"label", evaluation.enterprise.label},
                                     {"assessed_on", assessed_on},
                                     {"table_version", table.version}})});
  return get_assessment(op, id);
}

json list_assessments(const accounts::Operation& op, const std::map<std::string, std::string>& query) {
  const auto page = parse_page(query);
  auto where = access::read_filter(op.db, op.actor, access::kEnvRiskAssessment);
  if (const auto enterprise = query_id(query, "enterprise_id"))
    where.add("ra.enterprise_id = ?", db::Params{*enterprise});
  if (const auto status = query_choice(query, "status", assessment_statuses().values()))
    where.add("ra.status = ?", db::Params{*status});
  const auto found = assessment_page(op.db, where, page);
  json items = json::array();
  for (std::size_t i = 0; i < found.rows.size(); ++i) items.push_back(summary_json(op, found.rows[i]));
  return page_json(items, found.total, page);
}

json list_assessments_of(const accounts::Operation& op, std::int64_t enterprise_id,
                         std::map<std::string, std::string> query) {
  access::require_visible(op.db, op.actor, access::kEnterprise, enterprise_id);
  query["enterprise_id"] = std::to_string(enterprise_id);
  return list_assessments(op, query);
}

json get_assessment(const accounts::Operation& op, std::int64_t id) {
  const auto subject = load_assessment(op.db, op.actor, id);
  const auto row = assessment_row(op.db, id);
  auto out = with_result(summary_json(op, *row), *row);
  out["actions"] = workflow::actions(workflow::Caller(op.db, op.actor), assessment_machine(), subject);
  return out;
}

std::optional<json> latest_assessment(const accounts::Operation& op, std::int64_t enterprise_id) {
  auto where = access::read_filter(op.db, op.actor, access::kEnvRiskAssessment);
  where.add("ra.enterprise_id = ?", db::Params{enterprise_id});
  const auto row = newest_assessment(op.db, where);
  if (!row) return std::nullopt;
  return with_result(summary_json(op, *row), *row);
}

}  // namespace rw::envrisk
