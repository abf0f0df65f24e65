#include "hazards/hazard_rules.hpp"

#include "hazards/hazard_vocabularies.hpp"

namespace rw::hazards {

const std::vector<LedgerColumn>& ledger_columns() {
  static const std::vector<LedgerColumn> columns = {
      {1, "", "序号", "", true},
      {2, "隐患排查", "排查时间", "found_on"},
      {3, "隐患排查", "排查人员", "found_by"},
      {4, "隐患排查", "隐患分类类别", "category"},
      {5, "隐患排查", "隐患细类", "sub_category"},
      {6, "隐患排查", "隐患具体描述", "description"},
      {7, "隐患排查", "隐患照片", "photos"},
      {8, "隐患排查", "隐患分级", "grade"},
      {9, "隐患治理", "治理措施", "plan.measures"},
      {10, "隐患治理", "治理时限", "plan.due_on"},
      {11, "隐患治理", "责任人", "plan.responsible"},
      {12, "隐患治理", "经费", "plan.funds"},
      {13, "隐患治理", "治理情况描述", "evidence.description"},
      {14, "隐患治理", "治理照片", "evidence.photos"},
      {15, "隐患效果验收", "验收时间", "acceptance.accepted_on"},
      {16, "隐患效果验收", "验收人员", "acceptance.accepted_by"},
      {17, "", "备注", "remarks"},
  };
  return columns;
}

Date rectification_due(const WorkingCalendar& calendar, Date from, int working_days) {
  return calendar.add_working_days(from, working_days);
}

Overdue overdue_on(const WorkingCalendar& calendar, Date due, Date today) {
  if (std::chrono::sys_days(today) <= std::chrono::sys_days(due)) return {};
  return {true, calendar.working_days_between(due, today)};
}

std::optional<std::string> escalation_rule(std::string_view grade, const Overdue& overdue) {
  if (!overdue.overdue) return std::nullopt;
  if (grade == "major") return "major_overdue";
  if (overdue.working_days > kEscalateAfterWorkingDays) return "long_overdue";
  return std::nullopt;
}

std::vector<std::int64_t> hazards_to_recheck(const std::vector<EarlierHazard>& earlier) {
  bool had_major = false;
  for (const auto& h : earlier) had_major = had_major || h.grade == "major";
  std::vector<std::int64_t> out;
  if (!had_major) return out;
  for (const auto& h : earlier)
    if (is_open(h.status)) out.push_back(h.id);
  return out;
}

std::string recheck_history(std::int64_t visit_id, std::string_view result, const std::string& note) {
  return "第 " + std::to_string(visit_id) + " 次服务复查：" + recheck_results().zh(result) +
         (note.empty() ? "" : "，" + note);
}

std::string domain_of_template(std::string_view template_code) {
  return template_code.starts_with("chengdu") ? "safety" : "environment";
}

bool is_open(std::string_view status) { return status != "verified_closed"; }

}  // namespace rw::hazards
