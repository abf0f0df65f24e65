#include "registry/staffing_rule.hpp"

#include <algorithm>

namespace rw::registry {
namespace {

int title_rank(const std::string& level) {
  if (level == "junior") return 1;
  if (level == "intermediate") return 2;
  if (level == "senior") return 3;
  if (level == "full_senior") return 4;
  return 0;
}

// Excluded staff, and staff graded 不合格 (wuxi §17(三)), never count.
bool counts(const TeamMember& m) { return !m.excluded && m.evaluation_grade != "unqualified"; }

bool is_expert(const TeamMember& m) { return counts(m) && m.kind == "expert"; }

// 技术人员: an environment or related professional with an intermediate title or above (wuxi §4, att.1).
bool is_qualified_technician(const TeamMember& m) {
  return counts(m) && (m.kind == "technician" || m.kind == "safety_engineer") &&
         title_rank(m.title_level) >= 2;
}

bool is_senior_expert(const TeamMember& m) { return is_expert(m) && title_rank(m.title_level) >= 3; }

std::string names_of(const std::vector<TeamMember>& team, bool (*pick)(const TeamMember&)) {
  std::string out;
  for (const auto& m : team)
    if (pick(m)) out += (out.empty() ? "" : "、") + m.name;
  return out;
}

}  // namespace

std::vector<UnmetRule> unmet_staffing_rules(const StaffingCase& c, const std::vector<TeamMember>& team) {
  std::vector<UnmetRule> unmet;
  const bool demanding = c.scale == "large" || c.special_request;
  const bool higher_risk = c.risk_level == "larger" || c.risk_level == "major";

  const auto not_counting = names_of(team, [](const TeamMember& m) { return !counts(m); });
  if (!not_counting.empty())
    unmet.push_back({"excluded_member", "不得派遣已被排除或考评不合格的人员：" + not_counting,
                     "excluded or unqualified staff may not be sent: " + not_counting});

  const auto people = std::count_if(team.begin(), team.end(), counts);
  const int needed = demanding ? c.min_people_large : c.min_people;
  if (people < needed)
    unmet.push_back({"too_few_people", "至少需要 " + std::to_string(needed) + " 名合格服务人员同时入场",
                     "at least " + std::to_string(needed) + " qualified people must go in together"});

  const bool has_expert = std::any_of(team.begin(), team.end(), is_expert);
  const bool has_technician = std::any_of(team.begin(), team.end(), is_qualified_technician);
  if ((higher_risk || c.expert_always) && !has_expert)
    unmet.push_back({"expert_required",
                     higher_risk ? "较大及以上环境风险企业至少需要 1 名专家" : "该服务类型至少需要 1 名专家",
                     higher_risk ? "enterprises of larger or major risk need at least one expert"
                                 : "this service type needs at least one expert"});
  else if (!has_expert && !has_technician)
    unmet.push_back({"expert_or_technician_required", "至少需要 1 名专家或中级及以上职称的技术人员",
                     "at least one expert or technician with an intermediate title is needed"});

  if (demanding && !std::any_of(team.begin(), team.end(), is_senior_expert))
    unmet.push_back({"senior_expert_required", "大型企业或特殊需求须有 1 名高级及以上职称的专家",
                     "large enterprises and special requests need an expert with a senior title or above"});
  return unmet;
}

}  // namespace rw::registry
