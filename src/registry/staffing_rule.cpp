#include "registry/staffing_rule.hpp"

#include <algorithm>
#include <optional>

namespace rw::registry {
namespace {

int title_rank(const std::string& level) {
  if (level == "junior") return 1;
  if (level == "intermediate") return 2;
  if (level == "senior") return 3;
  if (level == "full_senior") return 4;
  return 0;
}

int safety_engineer_rank(const std::string& level) {
  if (level == "junior") return 1;
  if (level == "intermediate") return 2;
  if (level == "senior") return 3;
  return 0;
}

// Excluded staff, and staff graded 不合格 (wuxi §17(三)), never count.
bool counts(const TeamMember& m) { return !m.excluded && m.evaluation_grade != "unqualified"; }

bool is_expert(const TeamMember& m) { return counts(m) && m.kind == "expert"; }

// 技术人员: an environment or related professional with an intermediate title or above (wuxi 第六条, att.1).
bool is_qualified_technician(const TeamMember& m) {
  return counts(m) && (m.kind == "technician" || m.kind == "safety_engineer") &&
         title_rank(m.title_level) >= 2;
}

// wuxi §15(三) "中高级及以上职称专家": an expert with an intermediate title or above.
bool is_titled_expert(const TeamMember& m) { return is_expert(m) && title_rank(m.title_level) >= 2; }

// chengdu 5.2.4: a) 中级及以上注册安全工程师, with or without an academic title; b) 其他工程技术类中级及以上
// 职称 (the two years of experience it also asks for are not recorded).
bool is_safety_qualified(const TeamMember& m) {
  return (m.kind == "safety_engineer" && safety_engineer_rank(m.safety_engineer_level) >= 2) ||
         title_rank(m.title_level) >= 2;
}

bool known_scale(const std::string& scale) {
  return scale == "large" || scale == "medium" || scale == "small" || scale == "micro";
}

std::string names_of(const std::vector<TeamMember>& team, bool (*pick)(const TeamMember&)) {
  std::string out;
  for (const auto& m : team)
    if (pick(m)) out += (out.empty() ? "" : "、") + m.name;
  return out;
}

// Why an expert must go, or nothing when the floor (an expert or a technician) is enough.
std::optional<UnmetRule> expert_demand(const StaffingCase& c) {
  if (c.risk_level == "larger" || c.risk_level == "major")
    return UnmetRule{"expert_required", "较大及以上环境风险企业至少需要 1 名专家",
                     "enterprises of larger or major risk need at least one expert"};
  if (c.expert_always)
    return UnmetRule{"expert_required", "该服务类型至少需要 1 名专家",
                     "this service type needs at least one expert"};
  // Not assessed yet: the enterprise might be of larger risk or large, so the stricter rule holds.
  if (c.risk_level != "general" || !known_scale(c.scale))
    return UnmetRule{
        "expert_required", "企业风险等级或规模未填写，按从严要求至少需要 1 名专家",
        "the enterprise's risk level or scale is not recorded, so at least one expert is needed"};
  return std::nullopt;
}

}  // namespace

std::vector<UnmetRule> unmet_staffing_rules(const StaffingCase& c, const std::vector<TeamMember>& team) {
  std::vector<UnmetRule> unmet;
  const bool demanding = c.scale == "large" || c.special_request;

  const auto not_counting = names_of(team, [](const TeamMember& m) { return !counts(m); });
  if (!not_counting.empty())
    unmet.push_back({"excluded_member", "不得派遣已被排除或考评不合格的人员：" + not_counting,
                     "excluded or unqualified staff may not be sent: " + not_counting});

  const auto people = std::count_if(team.begin(), team.end(), counts);
  const int needed = demanding ? c.min_people_large : c.min_people;
  if (people < needed)
    unmet.push_back({"too_few_people", "至少需要 " + std::to_string(needed) + " 名合格服务人员同时入场",
                     "at least " + std::to_string(needed) + " qualified people must go in together"});

  if (c.all_safety_qualified) {
    const auto unqualified =
        names_of(team, [](const TeamMember& m) { return counts(m) && !is_safety_qualified(m); });
    if (!unqualified.empty())
      unmet.push_back(
          {"safety_qualification_required",
           "安责险服务人员均须为中级及以上注册安全工程师或具有中级及以上职称：" + unqualified,
           "everyone on work-safety service needs an intermediate safety-engineer registration or "
           "an intermediate title: " +
               unqualified});
  }
  const bool has_expert = std::any_of(team.begin(), team.end(), is_expert);
  if (c.expert_rule) {
    if (const auto demand = expert_demand(c)) {
      if (!has_expert) unmet.push_back(*demand);
    } else if (!has_expert && !std::any_of(team.begin(), team.end(), is_qualified_technician)) {
      unmet.push_back({"expert_or_technician_required", "至少需要 1 名专家或中级及以上职称的技术人员",
                       "at least one expert or technician with an intermediate title is needed"});
    }
  }

  if (c.wuxi_large_rule && demanding && !std::any_of(team.begin(), team.end(), is_titled_expert))
    unmet.push_back(
        {"titled_expert_required", "大型企业或特殊需求须有 1 名中级及以上职称的专家",
         "large enterprises and special requests need an expert with an intermediate title or above"});
  return unmet;
}

std::vector<UnmetRule> staffing_warnings(const StaffingCase& c) {
  std::vector<UnmetRule> out;
  if (!c.expert_rule) return out;  // chengdu's rule asks the same of everyone, whatever the enterprise
  if (!known_scale(c.scale))
    out.push_back(
        {"scale_unknown", "企业规模未填写：若为大型企业，须按大型企业配置人员（无锡指南第十五条（三））",
         "the enterprise's scale is not recorded: if it is large, the team must meet the rule for large "
         "enterprises"});
  if (c.risk_level != "general" && c.risk_level != "larger" && c.risk_level != "major")
    out.push_back({"risk_level_unknown", "企业风险等级未评定，已按较大风险要求专家",
                   "the enterprise's risk level is not assessed; an expert is required as for larger risk"});
  return out;
}

}  // namespace rw::registry
