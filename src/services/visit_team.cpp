#include "services/visit_team.hpp"

#include <algorithm>

#include "accounts/scope.hpp"
#include "platform/sql_filter.hpp"

namespace rw::services {

std::vector<registry::TeamMember> load_team(db::Connection& db, const VisitInput& input, Fields& fields) {
  std::vector<registry::TeamMember> team;
  if (input.staff_ids.empty()) return team;
  const auto agency_orgs = accounts::org_subtree_ids(db, input.agency_org_id);
  db::Params params(input.staff_ids.begin(), input.staff_ids.end());
  auto rows = db.query(
      "SELECT id, org_id, name, kind, title_level, evaluation_grade, excluded, active, "
      "COALESCE(safety_engineer_level, '') AS safety_engineer_level FROM staff "
      "WHERE id IN (" +
          placeholders(input.staff_ids.size()) + ")",
      params);
  for (std::size_t i = 0; i < input.staff_ids.size(); ++i) {
    const auto id = input.staff_ids[i];
    std::optional<db::Row> found;
    for (std::size_t r = 0; r < rows.size(); ++r)
      if (rows[r].integer("id") == id) found = rows[r];
    const bool ours = found && std::find(agency_orgs.begin(), agency_orgs.end(), found->integer("org_id")) !=
                                   agency_orgs.end();
    if (!ours || !found->integer("active")) {
      fields.add_error("staff_ids[" + std::to_string(i) + "]", "unknown_staff",
                       "服务人员不存在或不属于本机构",
                       "the staff member does not exist or is not with this agency");
      continue;
    }
    team.push_back({found->text("name"), found->text("kind"), found->text("title_level"),
                    found->text("evaluation_grade"), found->integer("excluded") != 0,
                    found->text("safety_engineer_level")});
  }
  if (input.leader_staff_id && std::find(input.staff_ids.begin(), input.staff_ids.end(),
                                         *input.leader_staff_id) == input.staff_ids.end())
    fields.add_error("leader_staff_id", "leader_not_in_team", "组长应是服务小组成员",
                     "the leader must be on the team");
  return team;
}

VisitCheck check_visit(db::Connection& db, const VisitInput& input,
                       const std::vector<registry::TeamMember>& team) {
  auto enterprise = db.query("SELECT risk_level, scale FROM enterprises WHERE id = ?", {input.enterprise_id});
  if (enterprise.empty()) return {};
  const VisitPlan plan{enterprise[0].text("risk_level"), enterprise[0].text("scale"), input.special_request,
                       input.duration_days, input.service_types};
  return {visit_violations(plan, team), registry::staffing_warnings(staffing_case(plan))};
}

namespace {

nlohmann::json violations_json(const std::vector<VisitViolation>& violations) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : violations)
    out.push_back({{"field", v.field},
                   {"code", v.rule.code},
                   {"message", v.rule.message},
                   {"message_en", v.rule.message_en}});
  return out;
}

}  // namespace

nlohmann::json warnings_json(const std::vector<registry::UnmetRule>& warnings) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& w : warnings)
    out.push_back({{"code", w.code}, {"message", w.message}, {"message_en", w.message_en}});
  return out;
}

nlohmann::json visit_check_json(const VisitCheck& check) {
  return {{"satisfied", check.violations.empty()},
          {"unmet", violations_json(check.violations)},
          {"warnings", warnings_json(check.warnings)}};
}

void throw_violations(const std::vector<VisitViolation>& violations) {
  std::vector<FieldError> errors;
  for (const auto& v : violations)
    errors.push_back({v.field, v.rule.code, v.rule.message, v.rule.message_en});
  ApiError error(ErrorKind::invalid, "visit_rules_unmet", "服务安排不符合人员配置或时长要求",
                 "the visit breaks staffing or duration rules", std::move(errors));
  error.extensions.emplace_back("unmet_rules", violations_json(violations).dump());
  throw error;
}

std::string team_names(db::Connection& db, std::int64_t visit_id) {
  const auto rows = db.query(
      "SELECT s.name FROM visit_team t JOIN staff s ON s.id = t.staff_id WHERE t.visit_id = ? "
      "ORDER BY t.leader DESC, s.name",
      {visit_id});
  std::string out;
  for (std::size_t i = 0; i < rows.size(); ++i) out += (out.empty() ? "" : "、") + rows[i].text("name");
  return out;
}

}  // namespace rw::services
